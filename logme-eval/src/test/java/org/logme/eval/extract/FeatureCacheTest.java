package org.logme.eval.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logme.api.extractor.ExtractorInfo;
import org.logme.api.extractor.Modality;
import org.logme.probe.ProbeAccuracy;

/** The cache returns exactly what it was given, and treats damage as a miss. */
class FeatureCacheTest {
  @TempDir
  Path dir;

  private static final ExtractorInfo INFO = ExtractorInfo.of("m", Modality.TEXT, 3,
      OptionalLong.empty(), "src", "v1", Map.of("pooling", "mean"));

  @Test
  void featuresAndProbeResultsRoundTripExactly() {
    FeatureCache cache = new FeatureCache(dir);
    float[][] rows = {{1.5f, -2f, 1e-30f}, {Float.MIN_VALUE, 3f, 0f}};
    cache.putFeatures("k", INFO, rows);
    FeatureCache.Entry entry = cache.features("k", 2).orElseThrow();
    assertThat(entry.rows()).isDeepEqualTo(rows);
    assertThat(entry.info()).isEqualTo(INFO);
    assertThat(cache.features("k", 3)).as("another row count is a miss").isEmpty();
    assertThat(cache.features("other", 2)).isEmpty();
    TreeMap<Double, Double> byC = new TreeMap<>(Map.of(0.1, 0.25, 1.0, 0.5));
    ProbeAccuracy accuracy = new ProbeAccuracy(byC, 0.375, List.of(0.1, 1.0));
    cache.putProbe("p", accuracy);
    assertThat(cache.probe("p")).hasValue(accuracy);
  }

  @Test
  void aDamagedEntryIsAMiss() throws IOException {
    FeatureCache cache = new FeatureCache(dir);
    cache.putFeatures("k", INFO, new float[][] {{1, 2, 3}});
    Path npy = dir.resolve("features/k.npy");
    byte[] bytes = Files.readAllBytes(npy);
    Files.write(npy, java.util.Arrays.copyOf(bytes, bytes.length - 4));
    assertThat(cache.features("k", 1)).isEmpty();
    Files.writeString(dir.resolve("features/k.json"), "{ not json");
    assertThat(cache.features("k", 1)).isEmpty();
    Files.createDirectories(dir.resolve("probe"));
    Files.writeString(dir.resolve("probe/p.json"), "{}");
    assertThat(cache.probe("p")).isEmpty();
  }

  @Test
  void keysSeparateTheirParts() {
    assertThat(FeatureCache.key("ab", "c")).isNotEqualTo(FeatureCache.key("a", "bc"));
    assertThat(FeatureCache.key("a", "b")).isEqualTo(FeatureCache.key("a", "b")).hasSize(64);
  }
}
