package org.logme.eval.extract;

import java.util.Optional;
import org.logme.api.extractor.ExtractorInfo;
import org.logme.probe.ProbeAccuracy;

/**
 * One model of an extracted zoo.
 *
 * @param directory its directory name under {@code models/} (the name {@code rank} shows)
 * @param info the extractor's description
 * @param cached whether the features came from the cache (then nothing was loaded or embedded)
 * @param loadSeconds the time to load the model (0 when cached)
 * @param extractSeconds the time to embed every text (0 when cached)
 * @param probe the probe accuracies, when the probe was asked for
 * @since 0.2
 */
public record ExtractedModel(String directory, ExtractorInfo info, boolean cached,
    double loadSeconds, double extractSeconds, Optional<ProbeAccuracy> probe) {

  /**
   * @param texts how many texts were embedded
   * @return texts embedded per second, or NaN when the features were cached
   */
  public double textsPerSecond(int texts) {
    return cached || extractSeconds <= 0 ? Double.NaN : texts / extractSeconds;
  }
}
