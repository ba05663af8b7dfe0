package org.logme.eval.zoo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.eval.table.ColumnKind;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.table.ScoreColumn;
import org.logme.eval.table.StaticFacts;

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
  private final List<String> warnings;

  ZooResult(ModelZoo zoo, List<TransferabilityEstimator> estimators,
      Map<String, Map<String, EstimateResult>> byModel, List<String> warnings) {
    this.zoo = zoo;
    this.estimators = List.copyOf(estimators);
    this.byModel = byModel;
    this.warnings = List.copyOf(warnings);
  }

  /** @return the model names, sorted */
  public List<String> models() {
    return List.copyOf(byModel.keySet());
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
    Optional<StaticFacts> facts = zoo.accuracy();
    List<ScoreColumn> columns = new ArrayList<>();
    for (TransferabilityEstimator e : estimators) {
      columns.add(new ScoreColumn(e.name(), ColumnKind.ESTIMATOR, e.higherIsBetter(),
          e.setDependent()));
    }
    List<String> factColumns = facts.map(StaticFacts::columns).orElse(List.of());
    for (String name : factColumns) {
      if (!name.equals(ModelZoo.ACCURACY_COLUMN)) {
        columns.add(ScoreColumn.staticBaseline(name));
      }
    }
    // facts of the models' model.json that accuracy.csv does not already give
    Optional<StaticFacts> described = zoo.modelFacts();
    List<String> describedColumns = new ArrayList<>();
    described.ifPresent(d -> d.columns().stream().filter(c -> !factColumns.contains(c))
        .forEach(c -> {
          describedColumns.add(c);
          columns.add(ScoreColumn.staticBaseline(c));
        }));
    ResultsTable.Builder builder = ResultsTable.builder(zoo.dir().toString(),
        facts.isPresent() ? ModelZoo.ACCURACY_COLUMN : null, columns);
    for (Map.Entry<String, Map<String, EstimateResult>> model : byModel.entrySet()) {
      Map<String, Double> values = new LinkedHashMap<>();
      model.getValue().forEach((name, result) -> values.put(name, result.score()));
      OptionalDouble truth = OptionalDouble.empty();
      Optional<double[]> row = facts.flatMap(f -> f.values(model.getKey()));
      if (row.isPresent()) {
        for (int c = 0; c < factColumns.size(); c++) {
          if (factColumns.get(c).equals(ModelZoo.ACCURACY_COLUMN)) {
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
