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
    super("unknown " + kind + " '" + requested + "'; available: "
        + (available.isEmpty() ? "(none found on the class path)" : String.join(", ", available)));
    this.kind = kind;
    this.requested = requested;
    this.available = List.copyOf(available);
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
