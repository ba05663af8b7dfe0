package org.logme.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.logme.api.InvalidParameterException;
import org.logme.api.PluginRegistry;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.Parameter;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.eval.EstimatorSelection;
import picocli.CommandLine.Option;

/**
 * The options that choose and configure estimators, shared by {@code score} and {@code rank}:
 * {@code --estimator}, {@code --param} and the LogME shortcut {@code --algorithm}.
 */
final class EstimatorOptions {

  @Option(names = "--estimator", paramLabel = "NAME[,NAME...]", split = ",",
      hideParamSyntax = true, defaultValue = "logme",
      description = "Estimator(s) to run (default: ${DEFAULT-VALUE}); see 'logme list'. With"
          + " several, an estimator lacking an input is skipped with a warning.")
  List<String> names;

  @Option(names = "--algorithm", paramLabel = "fixed-point|exact|mackay",
      description = "LogME's solver: fixed-point (default: the reference's, as in published"
          + " tables; depends on the feature scale through its epsilon and 11-iteration cap),"
          + " exact (the maximum evidence itself, invariant to scale) or mackay (ICML 2021)."
          + " Same as --param logme.algorithm=...")
  String algorithm;

  @Option(names = "--param", paramLabel = "[ESTIMATOR.]KEY=VALUE",
      description = "An estimator hyper-parameter (repeatable); 'logme list --verbose' shows"
          + " them. A bare KEY applies to every requested estimator that has it.")
  Map<String, String> parameters = new LinkedHashMap<>();

  /**
   * @param registry the estimators available
   * @return the requested estimators in the order given, duplicates removed, each configured
   *     (its {@link TransferabilityEstimator#parameters()} holds every value, defaults included)
   * @throws org.logme.api.UnknownPluginException for an unknown name
   * @throws InvalidParameterException for a parameter no requested estimator takes, or a value
   *     it does not accept
   */
  EstimatorSelection configure(PluginRegistry<EstimatorProvider> registry) {
    Map<String, EstimatorProvider> providers = new LinkedHashMap<>();
    for (String name : new LinkedHashSet<>(names)) {
      providers.put(name.trim(), registry.get(name.trim()));
    }
    Map<String, Map<String, String>> given = new LinkedHashMap<>();
    providers.keySet().forEach(name -> given.put(name, new LinkedHashMap<>()));
    Map<String, String> all = new LinkedHashMap<>(parameters);
    if (algorithm != null) {
      if (!providers.containsKey("logme")) {
        throw new InvalidParameterException("--algorithm applies to the logme estimator, which"
            + " was not requested; use --param KEY=VALUE for other estimators");
      }
      all.put("logme.algorithm", algorithm);
    }
    for (var entry : all.entrySet()) {
      String key = entry.getKey();
      int dot = key.indexOf('.');
      if (dot > 0 && providers.containsKey(key.substring(0, dot))) {
        given.get(key.substring(0, dot)).put(key.substring(dot + 1), entry.getValue());
        continue;
      }
      boolean used = false;
      for (var provider : providers.entrySet()) {
        if (provider.getValue().parameters().stream().anyMatch(p -> p.name().equals(key))) {
          given.get(provider.getKey()).put(key, entry.getValue());
          used = true;
        }
      }
      if (!used) {
        throw new InvalidParameterException("no requested estimator has a parameter '" + key
            + "'; they take: " + describe(providers));
      }
    }
    List<TransferabilityEstimator> estimators = new ArrayList<>();
    providers.forEach((name, provider) -> estimators.add(provider.create(
        EstimatorParameters.resolve(name, provider.parameters(), given.get(name)))));
    return new EstimatorSelection(estimators);
  }

  private static String describe(Map<String, EstimatorProvider> providers) {
    List<String> parts = new ArrayList<>();
    providers.forEach((name, p) -> parts.add(name + " (" + (p.parameters().isEmpty() ? "none"
        : String.join(", ", p.parameters().stream().map(Parameter::name).toList())) + ")"));
    return String.join(", ", parts);
  }
}
