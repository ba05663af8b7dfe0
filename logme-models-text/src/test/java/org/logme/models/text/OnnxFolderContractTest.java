package org.logme.models.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.logme.api.extractor.FeatureExtractorProvider;
import org.logme.api.extractor.FeatureExtractorContractTest;

/**
 * The extractor contract on {@code onnx:FOLDER}, with the bundled quantised all-MiniLM-L6-v2
 * written out as a user's export would be.
 */
class OnnxFolderContractTest extends FeatureExtractorContractTest {
  private static Path folder;

  static synchronized Path folder() {
    if (folder == null) {
      try {
        folder = Files.createTempDirectory("logme-onnx-folder");
        folder.toFile().deleteOnExit();
        OnnxFolders.write(folder, BundledEncoder.ALL_MINILM_L6_V2_Q, null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return folder;
  }

  @Override
  protected FeatureExtractorProvider provider() {
    return new OnnxFolderProvider();
  }

  @Override
  protected String argument() {
    return folder().toString();
  }

  @Override
  protected List<String> items() {
    return TestTexts.ITEMS;
  }
}
