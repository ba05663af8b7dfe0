package org.logme.models.text;

import java.util.List;
import org.logme.api.extractor.FeatureExtractorProvider;
import org.logme.api.extractor.FeatureExtractorContractTest;

/** The extractor contract on the smallest bundled model (all-MiniLM-L6-v2, quantised). */
class BundledEncoderContractTest extends FeatureExtractorContractTest {
  @Override
  protected FeatureExtractorProvider provider() {
    return new BundledEncoderProvider.AllMiniLmL6V2Quantised();
  }

  @Override
  protected List<String> items() {
    return TestTexts.ITEMS;
  }
}
