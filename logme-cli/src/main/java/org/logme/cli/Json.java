package org.logme.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.OptionalInt;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimatorParameters;

/**
 * JSON rendering of command results: keys in a fixed order, numbers with full double precision,
 * two-space indentation, so the same input gives byte-identical output.
 */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  static String write(Object node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds a value of the kinds {@link EstimateResult#details()} holds. */
  static void put(ObjectNode node, String key, Object value) {
    node.set(key, MAPPER.valueToTree(value));
  }

  /**
   * @param parameters an estimator's resolved hyper-parameters
   * @return them as JSON, typed: numbers as numbers, choices and {@code none} as strings
   */
  static ObjectNode parameters(EstimatorParameters parameters) {
    ObjectNode node = object();
    parameters.asMap().forEach((key, value) -> {
      if (value instanceof Integer || value instanceof Long) {
        node.put(key, ((Number) value).longValue());
      } else if (value instanceof Double d) {
        node.put(key, d);
      } else if (value instanceof OptionalInt o && o.isPresent()) {
        node.put(key, o.getAsInt());
      } else {
        node.put(key, parameters.asText().get(key));
      }
    });
    return node;
  }

  /**
   * @param result an estimate
   * @param context what was run and on what: backend, parameters, sizes, inputs
   * @return the JSON object for one estimate
   */
  static ObjectNode estimate(EstimateResult result, ScoreContext context) {
    ObjectNode node = object();
    node.put("estimator", result.estimator());
    node.put("score", result.score());
    node.put("higher_is_better", result.higherIsBetter());
    node.put("set_dependent", result.setDependent());
    node.put("backend", context.backend());
    node.set("parameters", parameters(result.parameters()));
    node.put("n", context.n());
    if (context.d() != null) {
      node.put("d", context.d());
    }
    if (context.classes() != null) {
      node.put("classes", context.classes());
    }
    if (context.outputs() != null) {
      node.put("outputs", context.outputs());
    }
    perTarget(node, result, context.classes() != null ? "per_class" : "per_output");
    node.put("feature_input", context.featureInput());
    put(node, "inputs", context.inputs());
    return node;
  }

  /**
   * A result without its context, as {@code rank} lists it per model: estimator, score,
   * direction, parameters, per-target values, iterations, warnings and details.
   */
  static ObjectNode result(EstimateResult result) {
    ObjectNode node = object();
    node.put("score", result.score());
    node.put("higher_is_better", result.higherIsBetter());
    node.set("parameters", parameters(result.parameters()));
    perTarget(node, result, "per_target");
    return node;
  }

  /** Per-target values, iterations, warnings and details, as both renderings end. */
  private static void perTarget(ObjectNode node, EstimateResult result, String key) {
    if (!result.targetNames().isEmpty()) {
      ObjectNode perTarget = node.putObject(key);
      double[] values = result.targetScores();
      for (int i = 0; i < values.length; i++) {
        perTarget.put(result.targetNames().get(i), values[i]);
      }
    }
    if (result.iterations().length > 0) {
      put(node, "iterations", result.iterations());
    }
    put(node, "warnings", result.warnings());
    put(node, "details", result.details());
  }


}
