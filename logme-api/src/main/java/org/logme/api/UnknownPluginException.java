package org.logme.api;

import java.util.Collection;
import java.util.List;

/**
 * A plugin (estimator or backend) was requested by a name that no provider on the class path
 * declares. The message lists the names that are available.
 *
 * @since 0.1
 */
public final class UnknownPluginException extends LogmeException {
  private static final long serialVersionUID = 1L;

  /** What was looked up, for example {@code "estimator"}. */
  private final String kind;
  /** The name that was asked for. */
  private final String requested;
  /** The names that exist, sorted. */
  private final List<String> available;

  /**
   * @param kind what was looked up, for example {@code "estimator"}
   * @param requested the name that was asked for
   * @param available the names that exist
   */
  public UnknownPluginException(String kind, String requested, Collection<String> available) {
    super("unknown " + kind + " '" + requested + "'" + suggestion(requested, available)
        + "; available: "
        + (available.isEmpty() ? "(none found on the class path)" : String.join(", ", available)));
    this.kind = kind;
    this.requested = requested;
    this.available = List.copyOf(available);
  }

  /**
   * @param requested a misspelt name
   * @param available the names that exist
   * @return {@code " (did you mean 'x'?)"} for the closest name within two edits (insertions,
   *     deletions, substitutions or swaps of adjacent letters, ignoring case), else empty
   */
  public static String suggestion(String requested, Collection<String> available) {
    String best = null;
    int bestDistance = 3;
    for (String name : available) {
      int distance = distance(requested.toLowerCase(java.util.Locale.ROOT),
          name.toLowerCase(java.util.Locale.ROOT));
      if (distance < bestDistance) {
        best = name;
        bestDistance = distance;
      }
    }
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  /** Optimal string alignment distance (Damerau–Levenshtein without repeated edits). */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** @return what was looked up, for example {@code "estimator"} */
  public String kind() {
    return kind;
  }

  /** @return the name that was asked for */
  public String requested() {
    return requested;
  }

  /** @return the names that exist, sorted */
  public List<String> available() {
    return available;
  }

  @Override
  public Failure failure() {
    return Failure.USAGE;
  }
}
