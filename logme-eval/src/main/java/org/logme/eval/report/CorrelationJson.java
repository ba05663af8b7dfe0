package org.logme.eval.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import org.logme.eval.ablation.Ablations;
import org.logme.eval.ablation.Distribution;
import org.logme.eval.ablation.LeaveOutResult;
import org.logme.eval.stats.Statistic;
import org.logme.eval.table.Bootstrap;
import org.logme.eval.table.BootstrapResult;
import org.logme.eval.table.CorrelationTable;
import org.logme.eval.table.Group;
import org.logme.eval.table.Interval;
import org.logme.eval.table.Metric;
import org.logme.eval.table.Ranking;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.table.ScoreColumn;
import org.logme.eval.table.TruthBand;
import org.logme.eval.table.WinRate;

/**
 * The JSON renderings.
 *
 * <p>{@link #correlations} is
 * {@code {"schema": "logme.correlations/2", "truth": {"name", "higher_is_better"}, "ties",
 * "columns": {COLUMN: {"kind": "estimator"|"static", "higher_is_better", "set_dependent"}}, "groups": {GROUP:
 * {COLUMN: {"weighted_tau": x, "kendall_tau_b": x, "spearman": x, "pearson": x,
 * "top1_relative_accuracy": x, "regret": x, "models": n}}}, "mean": {COLUMN: {same metric keys,
 * "groups": g}}}}: {@code models} is how many models the values use (pairwise-complete: those
 * with both a score and a ground truth), {@code groups} how many groups a mean is over. An
 * undefined value is {@code null}; its reason is not part of that document (report it from
 * {@link CorrelationTable#undefinedValues()}, for example on standard error). Static baselines
 * appear as columns like the estimators, marked by their kind.
 *
 * <p>{@link #results} is the content of {@code results.json}: the same keys, followed by
 * {@code "undefined"} (the reasons), {@code "ranking"}, {@code "bootstrap"} (when computed),
 * {@code "truth_band"} and {@code "ablations"} (when computed), {@code "notes"} and
 * {@code "warnings"}.
 *
 * <p>Keys keep table order; numbers are written as Java's {@link Double#toString}, so the
 * output is identical from run to run. Indented by two spaces, lines end with {@code \n}.
 *
 * @since 0.1
 */
public final class CorrelationJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** The version of these documents' layout; it changes when a key changes meaning or goes. */
  public static final String SCHEMA = "logme.correlations/2";
  /** The five-number summary's keys, at the quantiles 0, 1/4, 1/2, 3/4 and 1. */
  private static final java.util.List<String> QUARTILE_KEYS = java.util.List.of("min", "q1",
      "median", "q3", "max");

  private CorrelationJson() {
  }

  /**
   * @param table the correlations
   * @return the {@code {"groups", "mean"}} document, ending with a line break
   */
  public static String correlations(CorrelationTable table) {
    return write(correlationsNode(table));
  }

  /**
   * @param table the correlations
   * @return the {@code {"groups", "mean"}} document as a tree, for callers that serialize it
   *     themselves
   */
  public static ObjectNode correlationsNode(CorrelationTable table) {
    ObjectNode root = header(table.table());
    ObjectNode groups = root.putObject("groups");
    for (String group : table.groups()) {
      ObjectNode byColumn = groups.putObject(group);
      for (ScoreColumn column : table.columns()) {
        ObjectNode metrics = byColumn.putObject(column.name());
        for (Metric metric : Metric.values()) {
          put(metrics, metric.key(), table.get(group, column.name(), metric));
        }
        metrics.put("models", table.models(group, column.name()));
      }
    }
    ObjectNode mean = root.putObject("mean");
    for (ScoreColumn column : table.columns()) {
      ObjectNode metrics = mean.putObject(column.name());
      for (Metric metric : Metric.values()) {
        put(metrics, metric.key(), table.mean(column.name(), metric));
      }
      metrics.put("groups", table.meanGroups(column.name(), Metric.WEIGHTED_TAU));
    }
    return root;
  }

  /** The schema, the truth and its direction, the tie rule and every column's kind. */
  private static ObjectNode header(ResultsTable table) {
    ObjectNode root = NODES.objectNode();
    root.put("schema", SCHEMA);
    ObjectNode truth = root.putObject("truth");
    table.truthName().ifPresentOrElse(t -> truth.put("name", t), () -> truth.putNull("name"));
    truth.put("higher_is_better", table.truthHigherIsBetter());
    root.put("ties", table.ties().id());
    ObjectNode columns = root.putObject("columns");
    for (ScoreColumn column : table.columns()) {
      ObjectNode c = columns.putObject(column.name());
      c.put("kind", column.kind().id());
      c.put("higher_is_better", column.higherIsBetter());
      c.put("set_dependent", column.setDependent());
    }
    return root;
  }

  /**
   * @param report the report
   * @return the {@code results.json} document, ending with a line break
   */
  public static String results(Report report) {
    return write(resultsNode(report));
  }

  /**
   * @param report the report
   * @return the {@code results.json} document as a tree
   */
  public static ObjectNode resultsNode(Report report) {
    ObjectNode root = report.correlations().map(CorrelationJson::correlationsNode)
        .orElseGet(() -> {
          ObjectNode empty = header(report.table());
          empty.putObject("groups");
          empty.putObject("mean");
          return empty;
        });
    ArrayNode undefined = root.putArray("undefined");
    report.correlations().ifPresent(t -> t.undefinedValues().forEach(undefined::add));
    ResultsTable table = report.table();
    ObjectNode ranking = root.putObject("ranking");
    for (Group group : table.groups()) {
      ObjectNode byColumn = ranking.putObject(group.name());
      for (int c = 0; c < table.columns().size(); c++) {
        ArrayNode entries = byColumn.putArray(table.columns().get(c).name());
        for (Ranking.Entry e : Ranking.of(table, group, c)) {
          ObjectNode entry = entries.addObject();
          entry.put("rank", e.rank());
          entry.put("model", e.model());
          entry.put("score", e.score());
        }
      }
    }
    report.bootstrap().ifPresent(b -> root.set("bootstrap", bootstrapNode(b)));
    report.truthBand().ifPresent(b -> root.set("truth_band", truthBandNode(b)));
    if (!report.ablations().isEmpty()) {
      root.set("ablations", ablationsNode(report.ablations()));
    }
    ArrayNode notes = root.putArray("notes");
    (report.correlations().isPresent() ? report.correlations().get().notes()
        : report.table().notes()).forEach(notes::add);
    ArrayNode warnings = root.putArray("warnings");
    report.warnings().forEach(warnings::add);
    return root;
  }

  /**
   * @param band τ_w against each variant of the ground truth
   * @return {@code {"variants": [...], "weighted_tau": {COLUMN: {VARIANT: value or null}},
   *     "band": {COLUMN: [low, high] or null}}}, the {@code "truth_band"} value of
   *     {@code results.json}
   */
  public static ObjectNode truthBandNode(TruthBand band) {
    ObjectNode node = NODES.objectNode();
    band.variants().forEach(node.putArray("variants")::add);
    ObjectNode values = node.putObject("weighted_tau");
    ObjectNode ranges = node.putObject("band");
    for (String column : band.columns()) {
      ObjectNode byVariant = values.putObject(column);
      for (String variant : band.variants()) {
        Statistic s = band.get(column, variant);
        if (s.defined()) {
          byVariant.put(variant, s.value());
        } else {
          byVariant.putNull(variant);
        }
      }
      band.range(column).ifPresentOrElse(r -> ranges.putArray(column).add(r[0]).add(r[1]),
          () -> ranges.putNull(column));
    }
    return node;
  }

  /**
   * @param b a bootstrap
   * @return {@code {"resamples", "seed", "level", "weighted_tau_interval": {GROUP: {COLUMN:
   *     {"low", "high", "resamples_used"}}}, "share_higher_weighted_tau": {GROUP: {COLUMN:
   *     {OTHER: share}}}}}, the {@code "bootstrap"} value of {@code results.json}
   */
  public static ObjectNode bootstrapNode(BootstrapResult b) {
    ObjectNode node = NODES.objectNode();
    node.put("resamples", b.resamples());
    node.put("seed", b.seed());
    node.put("level", Bootstrap.PERCENT / 100.0);
    ObjectNode intervals = node.putObject("weighted_tau_interval");
    ObjectNode pairwise = node.putObject("share_higher_weighted_tau");
    for (String group : b.groups()) {
      ObjectNode byColumn = intervals.putObject(group);
      ObjectNode wins = pairwise.putObject(group);
      for (String column : b.columns()) {
        Interval interval = b.interval(group, column);
        ObjectNode i = byColumn.putObject(column);
        put(i, "low", interval.low());
        put(i, "high", interval.high());
        i.put("resamples_used", interval.resamplesUsed());
        ObjectNode against = wins.putObject(column);
        for (String other : b.columns()) {
          if (!other.equals(column)) {
            against.put(other, b.share(group, column, other));
          }
        }
      }
    }
    if (b.columns().size() > 1 && b.winRate(b.columns().get(0), b.columns().get(1))
        .isPresent()) {
      ObjectNode rates = node.putObject("win_rate");
      for (String column : b.columns()) {
        ObjectNode against = rates.putObject(column);
        for (String other : b.columns()) {
          if (!other.equals(column)) {
            WinRate rate = b.winRate(column, other).orElseThrow();
            ObjectNode r = against.putObject(other);
            put(r, "win_rate", rate.observed());
            r.put("groups", rate.groups());
            put(r, "low", rate.interval().low());
            put(r, "high", rate.interval().high());
          }
        }
      }
    }
    return node;
  }

  /**
   * @param ablations leave-k-out distributions and the remove-the-largest curve
   * @return {@code {"leave_out": [{"k", "subsets", "possible_subsets", "exhaustive", "seed",
   *     "weighted_tau": {COLUMN: {"observed", "min", "q1", "median", "q3", "max", "undefined",
   *     "best_share", "largest_change": {"removed": [...], "delta"}}}}], "remove_largest":
   *     {"size_column", "order": [{"model", "size"}], "weighted_tau": {COLUMN: [m = 0, 1,
   *     ...]}}}}, the {@code "ablations"} value of {@code results.json} and of
   *     {@code correlate --json}; τ_w values are means over the groups, null where undefined
   * @since 0.2
   */
  public static ObjectNode ablationsNode(Ablations ablations) {
    ObjectNode node = NODES.objectNode();
    ArrayNode leaveOut = node.putArray("leave_out");
    for (LeaveOutResult result : ablations.leaveOut()) {
      ObjectNode r = leaveOut.addObject();
      r.put("k", result.k());
      r.put("subsets", result.removed().size());
      r.put("possible_subsets", result.possibleSubsets());
      r.put("exhaustive", result.exhaustive());
      r.put("seed", result.seed());
      ObjectNode byColumn = r.putObject("weighted_tau");
      for (ScoreColumn column : result.columns()) {
        ObjectNode c = byColumn.putObject(column.name());
        putNumber(c, "observed", result.observed(column.name()));
        Distribution d = result.distribution(column.name());
        for (int q = 0; q < QUARTILE_KEYS.size(); q++) {
          putNumber(c, QUARTILE_KEYS.get(q), d.defined() ? d.quantile(q / 4.0) : Double.NaN);
        }
        c.put("undefined", d.undefined());
        c.put("best_share", result.bestShare(column.name()));
        result.largestChange(column.name()).ifPresent(change -> {
          ObjectNode l = c.putObject("largest_change");
          change.removed().forEach(l.putArray("removed")::add);
          l.put("delta", change.delta());
        });
      }
    }
    ablations.largest().ifPresent(curve -> {
      ObjectNode r = node.putObject("remove_largest");
      r.put("size_column", curve.sizeColumn());
      ArrayNode order = r.putArray("order");
      for (int i = 0; i < curve.order().size(); i++) {
        order.addObject().put("model", curve.order().get(i)).put("size", curve.sizes().get(i));
      }
      ObjectNode byColumn = r.putObject("weighted_tau");
      for (ScoreColumn column : curve.columns()) {
        ArrayNode values = byColumn.putArray(column.name());
        for (double v : curve.curve(column.name())) {
          if (Double.isNaN(v)) {
            values.addNull();
          } else {
            values.add(v);
          }
        }
      }
    });
    return node;
  }

  private static void putNumber(ObjectNode node, String key, double value) {
    if (Double.isNaN(value)) {
      node.putNull(key);
    } else {
      node.put(key, value);
    }
  }

  private static void put(ObjectNode node, String key, Statistic value) {
    if (value.defined()) {
      node.put(key, value.value());
    } else {
      node.putNull(key);
    }
  }

  private static String write(ObjectNode root) {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return MAPPER.writer(printer).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
