package org.logme.models.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.logme.api.extractor.FeatureExtractor;
import org.logme.api.extractor.FeatureExtractorProvider;
import org.logme.api.extractor.Modality;

/**
 * The bundled encoders: found by ServiceLoader, parameter counts against the published ones, and
 * rows that mean something (similar texts closer than unrelated ones).
 */
class BundledEncodersTest {

  @Test
  void serviceLoaderFindsEveryBundledEncoderAndTheFolderProvider() {
    List<String> names = ServiceLoader.load(FeatureExtractorProvider.class).stream()
        .map(p -> p.get().name()).sorted().collect(Collectors.toList());
    assertThat(names).containsExactly("all-minilm-l6-v2", "all-minilm-l6-v2-q",
        "bge-small-en-v15", "bge-small-en-v15-q", "bge-small-zh-v15", "bge-small-zh-v15-q",
        "e5-small-v2", "e5-small-v2-q", "onnx");
    ServiceLoader.load(FeatureExtractorProvider.class).forEach(p -> {
      assertThat(p.modality()).isEqualTo(Modality.TEXT);
      assertThat(p.description()).isNotBlank();
    });
  }

  @Test
  void everyBundledArtifactIsOnTheClassPathAtThePinnedVersion() {
    for (BundledEncoder encoder : BundledEncoder.values()) {
      assertThat(encoder.artifactVersion()).as(encoder.artifact()).isEqualTo("0.36.2");
    }
  }

  /**
   * Published parameter counts (Hugging Face model cards): all-MiniLM-L6-v2 22,713,216;
   * bge-small-en-v1.5 and e5-small-v2 33,360,000, of which the BERT pooler (384² + 384 =
   * 147,840) is not in the sentence-embedding exports.
   */
  @Test
  void parameterCountsMatchThePublishedOnes() {
    assertThat(OnnxParameterCount.of(BundledEncoder.ALL_MINILM_L6_V2.onnx()))
        .hasValue(22_713_216L);
    assertThat(OnnxParameterCount.of(BundledEncoder.BGE_SMALL_EN_V15.onnx()))
        .hasValue(33_360_000L - 147_840L);
    assertThat(OnnxParameterCount.of(BundledEncoder.E5_SMALL_V2.onnx()))
        .hasValue(33_360_000L - 147_840L);
    long quantised = OnnxParameterCount.of(BundledEncoder.ALL_MINILM_L6_V2_Q.onnx()).orElseThrow();
    assertThat((double) quantised).isCloseTo(22_713_216.0, within(0.005 * 22_713_216));
  }

  @Test
  void notAnOnnxFileHasNoParameterCount() {
    assertThat(OnnxParameterCount.of(new byte[] {(byte) 0xff, (byte) 0xff, 1, 2})).isEmpty();
    assertThat(OnnxParameterCount.of(new byte[0])).isEmpty();
  }

  @Test
  void similarTextsAreCloserThanUnrelatedOnesAndRowsHaveUnitNorm() {
    try (FeatureExtractor model = new BundledEncoderProvider.BgeSmallZhV15Quantised()
        .open("", 2)) {
      float[][] rows = model.extract(List.of("一只红苹果", "一只绿苹果", "股票市场今天下跌"));
      assertThat(model.info().dimension()).isEqualTo(512);
      for (float[] row : rows) {
        assertThat(dot(row, row)).isCloseTo(1.0, within(1e-5));
      }
      assertThat(dot(rows[0], rows[1])).isGreaterThan(dot(rows[0], rows[2]) + 0.1);
    }
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (double) a[i] * b[i];
    }
    return sum;
  }
}
