package org.logme.api.transform;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.logme.api.data.Features;

/**
 * The output of a {@link FeatureTransform}: the new features and what the transform did.
 *
 * @param features the transformed features, same N as the input
 * @param warnings warnings for the user; empty normally
 * @param details transform-specific diagnostics (numbers, strings, booleans, lists or arrays of
 *     them), reported in the composed result under the transform's name
 * @since 0.2
 */
public record Transformed(Features features, List<String> warnings, Map<String, Object> details) {

  /**
   * Copies the lists, so that the record is immutable.
   *
   * @param features the transformed features
   * @param warnings warnings for the user
   * @param details diagnostics
   */
  public Transformed {
    warnings = List.copyOf(warnings);
    Map<String, Object> copy = new LinkedHashMap<>();
    details.forEach((k, v) -> copy.put(k, v instanceof double[] d
        ? Arrays.stream(d).boxed().toList() : v));
    details = Collections.unmodifiableMap(copy);
  }
}
