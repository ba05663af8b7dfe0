package org.logme.eval.zoo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.logme.api.InvalidInputException;
import org.logme.api.InvalidParameterException;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.eval.table.ColumnKind;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.table.ScoreColumn;
import org.logme.eval.table.StaticFacts;
import org.logme.eval.table.TableSpec;

/**
 * The scores of a zoo: per model and estimator the {@link EstimateResult}, the warnings, and
 * the same as a {@link ResultsTable} (one group, {@value ResultsTable#ALL}) joined with the
 * zoo's accuracies and static baselines, ready for ranking and correlation.
 *
 * @since 0.1
 */
public final class ZooResult {
  private final ModelZoo zoo;
  private final List<TransferabilityEstimator> estimators;
  private final Map<String, Map<String, EstimateResult>> byModel;
  private final Map<String, ModelInfo> infos;
  private final Map<String, String> skipped;
  private final List<String> warnings;

  ZooResult(ModelZoo zoo, List<TransferabilityEstimator> estimators,
      Map<String, Map<String, EstimateResult>> byModel, Map<String, ModelInfo> infos,
      Map<String, String> skipped, List<String> warnings) {
    this.zoo = zoo;
    this.estimators = List.copyOf(estimators);
    this.byModel = byModel;
    this.infos = Map.copyOf(infos);
    this.skipped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
    this.warnings = List.copyOf(warnings);
  }

  /**
   * What a model's input was.
   *
   * @param samples N
   * @param dimension D, or null if the features were not read
   * @param featureInput how the features were read (streamed or loaded, and why)
   */
  public record ModelInfo(int samples, Integer dimension, String featureInput) {
    static ModelInfo of(ModelZoo.ModelInput read) {
      EstimationInput input = read.input();
      int n = input.features().map(f -> f.sampleCount())
          .or(() -> input.featureStatistics().map(s -> s.sampleCount()))
          .or(() -> input.labels().map(l -> l.sampleCount()))
          .or(() -> input.targets().map(t -> t.sampleCount())).orElse(0);
      Integer d = input.features().map(f -> f.dimension())
          .or(() -> input.featureStatistics().map(s -> s.dimension())).orElse(null);
      return new ModelInfo(n, d, read.featureInput());
    }
  }

  /** @return the names of the models that were scored, sorted */
  public List<String> models() {
    return List.copyOf(byModel.keySet());
  }

  /**
   * @param model a scored model
   * @return its N, D and how its features were read
   */
  public Optional<ModelInfo> info(String model) {
    return Optional.ofNullable(infos.get(model));
  }

  /** @return the models that could not be scored at all, with the reason, in name order */
  public Map<String, String> skipped() {
    return skipped;
  }

  /** @return the estimator names, in the order given */
  public List<String> estimators() {
    return estimators.stream().map(TransferabilityEstimator::name).toList();
  }

  /**
   * @param model a model name
   * @param estimator an estimator name
   * @return its result, or empty if the estimator was skipped for the model
   */
  public Optional<EstimateResult> result(String model, String estimator) {
    Map<String, EstimateResult> scores = byModel.get(model);
    return scores == null ? Optional.empty() : Optional.ofNullable(scores.get(estimator));
  }

  /**
   * @return warnings for the user: estimators skipped for a model and the estimators' own
   *     warnings, in model order
   */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * @return the scores as a table: one row per model in group {@value ResultsTable#ALL}, one
   *     column per estimator (direction and set-dependence as the estimator declares), then
   *     the static baselines of {@code accuracy.csv} and of the models' {@code model.json}
   *     ({@link ModelZoo#modelFacts()}); ground truth {@code accuracy} if that file exists
   */
  public ResultsTable table() {
    return table(TableSpec.truth(ModelZoo.ACCURACY_COLUMN));
  }

  /**
   * The scores as a table judged against a chosen column of {@code accuracy.csv}.
   *
   * @param spec the ground-truth column ({@link TableSpec#truthColumn()}; {@code accuracy} by
   *     default), the columns that are lower-is-better (the truth or static baselines) and the
   *     rule for ties; other columns of {@code accuracy.csv} are static baselines
   * @return the table; without {@code accuracy.csv} it has no ground truth
   * @throws InvalidInputException if {@code accuracy.csv} lacks the truth column or a
   *     lower-is-better column is neither an estimator nor a column of it
   */
  public ResultsTable table(TableSpec spec) {
    Optional<StaticFacts> facts = zoo.accuracy();
    String truthColumn = spec.truthColumn() == null ? ModelZoo.ACCURACY_COLUMN
        : spec.truthColumn();
    List<String> factColumns = facts.map(StaticFacts::columns).orElse(List.of());
    facts.ifPresent(f -> {
      if (!factColumns.contains(truthColumn)) {
        throw new InvalidInputException(zoo.dir().resolve(ModelZoo.ACCURACY) + ": no column '"
            + truthColumn + "' (the ground truth); the columns present are: model, "
            + String.join(", ", factColumns) + (truthColumn.equals(ModelZoo.ACCURACY_COLUMN)
            ? "; choose one with --truth NAME" : ""));
      }
    });
    // facts of the models' model.json that accuracy.csv does not already give
    Optional<StaticFacts> described = zoo.modelFacts();
    List<String> describedColumns = new ArrayList<>();
    described.ifPresent(d -> d.columns().stream().filter(c -> !factColumns.contains(c))
        .forEach(describedColumns::add));
    for (String name : spec.lowerIsBetter()) {
      if (!factColumns.contains(name) && !describedColumns.contains(name)
          && estimators.stream().noneMatch(e -> e.name().equals(name))) {
        throw new InvalidParameterException("no column '" + name + "' to be lower-is-better:"
            + " the columns are the estimators (" + String.join(", ", estimators()) + ")"
            + (factColumns.isEmpty() ? "" : " and those of " + ModelZoo.ACCURACY + " ("
            + String.join(", ", factColumns) + ")"));
      }
    }
    List<ScoreColumn> columns = new ArrayList<>();
    for (TransferabilityEstimator e : estimators) {
      columns.add(new ScoreColumn(e.name(), ColumnKind.ESTIMATOR, e.higherIsBetter()
          && !spec.lowerIsBetter().contains(e.name()), e.setDependent()));
    }
    for (String name : factColumns) {
      if (!name.equals(truthColumn)) {
        columns.add(new ScoreColumn(name, ColumnKind.STATIC_BASELINE,
            !spec.lowerIsBetter().contains(name)));
      }
    }
    for (String name : describedColumns) {
      columns.add(new ScoreColumn(name, ColumnKind.STATIC_BASELINE,
          !spec.lowerIsBetter().contains(name)));
    }
    ResultsTable.Builder builder = ResultsTable.builder(zoo.dir().toString(),
        facts.isPresent() ? truthColumn : null, columns)
        .truthHigherIsBetter(!spec.lowerIsBetter().contains(truthColumn))
        .ties(spec.ties());
    skipped.forEach((model, reason) -> builder.note("model '" + model + "' was skipped: "
        + reason));
    for (Map.Entry<String, Map<String, EstimateResult>> model : byModel.entrySet()) {
      Map<String, Double> values = new LinkedHashMap<>();
      model.getValue().forEach((name, result) -> values.put(name, result.score()));
      OptionalDouble truth = OptionalDouble.empty();
      Optional<double[]> row = facts.flatMap(f -> f.values(model.getKey()));
      if (row.isPresent()) {
        for (int c = 0; c < factColumns.size(); c++) {
          if (factColumns.get(c).equals(truthColumn)) {
            truth = OptionalDouble.of(row.get()[c]);
          } else {
            values.put(factColumns.get(c), row.get()[c]);
          }
        }
      }
      Optional<double[]> describedRow = described.flatMap(d -> d.values(model.getKey()));
      if (describedRow.isPresent()) {
        List<String> all = described.get().columns();
        for (String c : describedColumns) {
          values.put(c, describedRow.get()[all.indexOf(c)]);
        }
      }
      builder.add(ResultsTable.ALL, model.getKey(), truth, values);
    }
    return builder.build();
  }
}
