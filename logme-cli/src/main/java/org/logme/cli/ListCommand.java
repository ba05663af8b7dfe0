package org.logme.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.logme.api.PluginRegistry;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.InputKind;
import org.logme.api.estimator.Parameter;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.api.extractor.FeatureExtractorProvider;
import org.logme.api.linalg.LinearAlgebraBackendProvider;
import org.logme.api.transform.FeatureTransformProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code logme list}: the estimators and backends found on the class path.
 *
 * @since 0.1
 */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List the estimators, linear-algebra backends and pre-trained models"
    + " available (found as plugins on the class path).")
final class ListCommand implements Callable<Integer> {
  private final PluginRegistry<EstimatorProvider> estimators;
  private final PluginRegistry<LinearAlgebraBackendProvider> backends;
  private final PluginRegistry<FeatureExtractorProvider> extractors;
  private final PluginRegistry<FeatureTransformProvider> transforms;

  @Spec
  CommandSpec spec;

  @Option(names = {"-v", "--verbose"}, description = "Also show each estimator's"
      + " hyper-parameters (set them with 'logme score --param KEY=VALUE').")
  boolean verbose;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Inject
  ListCommand(PluginRegistry<EstimatorProvider> estimators,
      PluginRegistry<LinearAlgebraBackendProvider> backends,
      PluginRegistry<FeatureExtractorProvider> extractors,
      PluginRegistry<FeatureTransformProvider> transforms) {
    this.estimators = estimators;
    this.backends = backends;
    this.extractors = extractors;
    this.transforms = transforms;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode root = Json.object();
      ObjectNode e = root.putObject("estimators");
      estimators.all().forEach((name, p) -> {
        ObjectNode node = e.putObject(name);
        TransferabilityEstimator estimator = p.create();
        node.put("description", p.description());
        node.put("needs", needs(estimator));
        node.put("higher_is_better", estimator.higherIsBetter());
        node.put("set_dependent", estimator.setDependent());
        ObjectNode params = node.putObject("parameters");
        for (Parameter<?> s : p.parameters()) {
          ObjectNode param = params.putObject(s.name());
          param.set("default", Json.parameters(EstimatorParameters.defaults(name, List.of(s)))
              .get(s.name()));
          param.put("accepts", s.accepts());
          param.put("description", s.description());
          Json.put(param, "choices", s.choices());
        }
      });
      ObjectNode t = root.putObject("transforms");
      transforms.all().forEach((name, p) -> {
        ObjectNode node = t.putObject(name);
        node.put("description", p.description());
        Json.put(node, "published_with", p.publishedWith());
        Json.put(node, "parameters", p.parameters().stream().map(Parameter::name).toList());
      });
      ObjectNode b = root.putObject("backends");
      backends.all().forEach((name, p) -> b.putObject(name).put("description", p.description()));
      ObjectNode m = root.putObject("models");
      extractors.all().forEach((name, p) -> {
        ObjectNode node = m.putObject(name);
        node.put("description", p.description());
        node.put("modality", p.modality().label());
        p.argument().ifPresentOrElse(a -> node.put("argument", a),
            () -> node.putNull("argument"));
      });
      out.println(Json.write(root));
      return ExitCode.OK;
    }
    out.println("Estimators (logme score --estimator NAME):");
    int width = Math.max(estimators.all().keySet().stream().mapToInt(String::length).max()
        .orElse(0), backends.all().keySet().stream().mapToInt(String::length).max().orElse(0));
    estimators.all().forEach((name, p) -> {
      TransferabilityEstimator estimator = p.create();
      out.printf("  %-" + width + "s  %s%n", name, p.description());
      out.printf("  %-" + width + "s  needs %s; %s is better%s%n", "", needs(estimator),
          estimator.higherIsBetter() ? "higher" : "lower", estimator.setDependent()
              ? "; set-dependent: scores a zoo's models together (logme rank), not one alone"
              : "");
      if (verbose) {
        for (Parameter<?> s : p.parameters()) {
          out.printf("  %-" + width + "s    --param %s=%s  accepts %s%n  %-" + width
              + "s      %s%n", "",
              s.name(), defaultText(s), s.accepts(), "", s.description());
        }
      }
    });
    if (!transforms.all().isEmpty()) {
      out.println();
      out.println("Feature transforms (compose with any estimator that takes features as"
          + " TRANSFORM+ESTIMATOR; parameters as --param TRANSFORM.KEY=VALUE):");
      int transformWidth = transforms.all().keySet().stream().mapToInt(String::length).max()
          .orElse(0);
      transforms.all().forEach((name, p) -> {
        out.printf("  %-" + transformWidth + "s  %s; listed: %s%n", name, p.description(),
            String.join(", ", p.publishedWith().stream().map(e -> name + "+" + e).toList()));
        if (verbose) {
          for (Parameter<?> s : p.parameters()) {
            out.printf("  %-" + transformWidth + "s    --param %s.%s=%s  accepts %s%n  %-"
                + transformWidth + "s      %s%n", "", name, s.name(), defaultText(s),
                s.accepts(), "", s.description());
          }
        }
      });
    }
    out.println();
    out.println("Backends (logme score --backend NAME; default ejml):");
    backends.all().forEach((name, p) -> out.printf("  %-" + width + "s  %s%n", name,
        p.description()));
    out.println();
    out.println("Pre-trained models (logme extract --models NAME,...; 'all' = every one taking no"
        + " argument):");
    if (extractors.all().isEmpty()) {
      out.println("  none on the class path (they come in logme-models-text, which ./logme adds)");
    }
    int modelWidth = extractors.all().entrySet().stream().mapToInt(e -> label(e.getKey(),
        e.getValue()).length()).max().orElse(0);
    extractors.all().forEach((name, p) -> out.printf("  %-" + modelWidth + "s  %s: %s%n",
        label(name, p), p.modality().label(), p.description()));
    if (!verbose) {
      out.println();
      out.println("Run 'logme list --verbose' for the estimators' hyper-parameters.");
    }
    return ExitCode.OK;
  }

  private static String label(String name, FeatureExtractorProvider provider) {
    return provider.argument().map(a -> name + ":" + a).orElse(name);
  }

  private static String needs(TransferabilityEstimator estimator) {
    return InputKind.describe(estimator.acceptedInputs(), ScoreCommand::option);
  }

  private static <T> String defaultText(Parameter<T> parameter) {
    return parameter.format(parameter.defaultValue());
  }

}
