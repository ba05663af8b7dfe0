package org.logme.eval.ablation;

import java.util.List;
import java.util.Optional;

/**
 * The ablations computed for one results table, for the report and the JSON: any number of
 * leave-k-out distributions and at most one remove-the-largest curve.
 *
 * @param leaveOut the leave-k-out results, by increasing k
 * @param removeLargest the curve, or null
 * @since 0.2
 */
public record Ablations(List<LeaveOutResult> leaveOut, RemoveLargestResult removeLargest) {
  /** No ablation. */
  public static final Ablations NONE = new Ablations(List.of(), null);

  /**
   * @param leaveOut the leave-k-out results
   * @param removeLargest the curve, or null
   */
  public Ablations {
    leaveOut = List.copyOf(leaveOut);
  }

  /** @return the remove-the-largest curve, if computed */
  public Optional<RemoveLargestResult> largest() {
    return Optional.ofNullable(removeLargest);
  }

  /** @return true if nothing was computed */
  public boolean isEmpty() {
    return leaveOut.isEmpty() && removeLargest == null;
  }
}
