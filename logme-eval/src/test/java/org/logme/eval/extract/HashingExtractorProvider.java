package org.logme.eval.extract;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.logme.api.InvalidInputException;
import org.logme.api.extractor.ExtractorInfo;
import org.logme.api.extractor.FeatureExtractor;
import org.logme.api.extractor.FeatureExtractorProvider;
import org.logme.api.extractor.Modality;

/**
 * A test extractor without weights: a text's row is a hash of its characters, plus a class
 * signal when the text carries one ("... #c" puts weight on coordinate c), so that the probe has
 * something to learn. Counts how often it is opened, to check that the cache avoids loading.
 */
final class HashingExtractorProvider implements FeatureExtractorProvider {
  static final int DIMENSION = 6;
  final AtomicInteger opened = new AtomicInteger();
  private final String name;
  private final String version;

  HashingExtractorProvider(String name, String version) {
    this.name = name;
    this.version = version;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return "hashes characters (test)";
  }

  @Override
  public Modality modality() {
    return Modality.TEXT;
  }

  @Override
  public String version(String argument) {
    return version;
  }

  @Override
  public FeatureExtractor open(String argument, int threads) {
    opened.incrementAndGet();
    ExtractorInfo info = ExtractorInfo.of(name, Modality.TEXT, DIMENSION,
        OptionalLong.of(1234), "test", version, java.util.Map.of("pooling", "none"));
    return new FeatureExtractor() {
      private boolean closed;

      @Override
      public ExtractorInfo info() {
        return info;
      }

      @Override
      public float[][] extract(List<String> items) {
        if (closed) {
          throw new IllegalStateException("closed");
        }
        float[][] rows = new float[items.size()][DIMENSION];
        for (int i = 0; i < items.size(); i++) {
          String text = items.get(i);
          if (text.isBlank()) {
            throw new InvalidInputException("item " + (i + 1) + " of the batch is blank");
          }
          byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
          for (int b = 0; b < bytes.length; b++) {
            rows[i][b % DIMENSION] += (bytes[b] % 7) / 10f;
          }
          int hash = text.lastIndexOf('#');
          if (hash >= 0) {
            rows[i][Integer.parseInt(text.substring(hash + 1)) % DIMENSION] += 3;
          }
        }
        return rows;
      }

      @Override
      public void close() {
        closed = true;
      }
    };
  }
}
