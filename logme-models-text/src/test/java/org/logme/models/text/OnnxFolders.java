package org.logme.models.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a bundled model out as a user's sentence-transformers ONNX export. */
final class OnnxFolders {
  private OnnxFolders() {
  }

  /**
   * @param folder where to write
   * @param encoder whose files to write
   * @param poolingConfig the content of 1_Pooling/config.json, or null for none
   */
  static void write(Path folder, BundledEncoder encoder, String poolingConfig) throws IOException {
    Files.write(folder.resolve("model.onnx"), encoder.onnx());
    Files.write(folder.resolve("tokenizer.json"), encoder.tokenizer());
    if (poolingConfig != null) {
      Files.createDirectories(folder.resolve("1_Pooling"));
      Files.writeString(folder.resolve("1_Pooling").resolve("config.json"), poolingConfig,
          StandardCharsets.UTF_8);
    }
  }
}
