package org.logme.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.logme.eval.stats.Ties;
import org.logme.eval.table.TableSpec;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * How a results table is judged, shared by {@code correlate} and {@code rank}: which columns
 * (the ground truth or scores) are lower-is-better, and which model a tie at the top picks.
 */
final class TableOptions {

  @Option(names = "--lower-is-better", paramLabel = "COLUMN", split = ",",
      hideParamSyntax = true,
      description = "Columns where lower is better, comma-separated (COLUMN[,COLUMN...]): a"
          + " ground truth such as mse or regret, or a score column. Every table says which.")
  List<String> lowerIsBetter = List.of();

  @Option(names = "--ties", paramLabel = "average|first", defaultValue = "average",
      converter = TiesConverter.class,
      description = "Which model 'the top-scored model' is when several share the top score, for"
          + " top-1 relative accuracy and regret: average (default: the mean ground truth of the"
          + " tied models, independent of row order) or first (the first in table order, as"
          + " numpy.argmax; SFDA's evaluation).")
  Ties ties;

  /** Accepts the rules by their lower-case names. */
  static final class TiesConverter implements ITypeConverter<Ties> {
    @Override
    public Ties convert(String value) {
      for (Ties t : Ties.values()) {
        if (t.id().equals(value.trim().toLowerCase(Locale.ROOT))) {
          return t;
        }
      }
      throw new TypeConversionException("'" + value + "' is not one of average, first");
    }
  }

  /**
   * @param spec a table specification
   * @return it with the directions and the tie rule
   */
  TableSpec applyTo(TableSpec spec) {
    return spec.withLowerIsBetter(new LinkedHashSet<>(lowerIsBetter)).withTies(ties);
  }
}
