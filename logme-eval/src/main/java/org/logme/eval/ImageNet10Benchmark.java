package org.logme.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.table.StaticFacts;
import org.logme.eval.table.TableSpec;

/**
 * The published ImageNet-10 transferability benchmark, shipped in this jar: 10 ImageNet
 * pre-trained torchvision models on 8 target datasets, with the fine-tuned accuracies of the
 * LogME paper (You et al., ICML 2021) and the LogME, LEEP, NCE and H-score values published by
 * zhangyikaii/Model-Spider ({@code assests/baseline_results.csv}); and two static baselines from
 * the torchvision model documentation, ImageNet top-1 accuracy and parameter count of the
 * {@code IMAGENET1K_V1} weights. Sources in detail: {@code org/logme/eval/README.md} beside
 * the data.
 *
 * <pre>
 *   CorrelationTable paper = CorrelationTable.compute(ImageNet10Benchmark.table());
 *   paper.get("Aircraft", "logme", Metric.WEIGHTED_TAU);  // 0.5445
 * </pre>
 *
 * @since 0.1
 */
public final class ImageNet10Benchmark {
  /** The resource holding the per-dataset scores and accuracies. */
  public static final String BENCHMARK_RESOURCE = "imagenet10-benchmark.csv";
  /** The resource holding the per-model facts. */
  public static final String MODELS_RESOURCE = "imagenet10-models.csv";
  /** The ground-truth column. */
  public static final String TRUTH = "accuracy";
  /** The group column. */
  public static final String GROUP = "dataset";
  /** The estimator columns, in file order. */
  public static final List<String> ESTIMATORS = List.of("hscore", "leep", "logme", "nce");
  /** The static-baseline columns, in file order. */
  public static final List<String> STATIC_BASELINES = List.of("imagenet_top1", "params");

  private ImageNet10Benchmark() {
  }

  /**
   * @return the benchmark grouped by dataset, ground truth {@code accuracy}, the four
   *     estimators and the two static baselines joined by model name
   */
  public static ResultsTable table() {
    return estimatorsOnly().withStaticColumns(facts());
  }

  /** @return the benchmark without the static baselines */
  public static ResultsTable estimatorsOnly() {
    try (Reader in = open(BENCHMARK_RESOURCE)) {
      return ResultsTable.parse(in, BENCHMARK_RESOURCE, TableSpec.truth(TRUTH).withGroup(GROUP));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the per-model facts: ImageNet top-1 accuracy (%) and parameter count */
  public static StaticFacts facts() {
    try (Reader in = open(MODELS_RESOURCE)) {
      return StaticFacts.parse(in, MODELS_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reader open(String resource) {
    InputStream in = ImageNet10Benchmark.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("resource " + resource + " is missing from the jar");
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
