package org.logme.eval.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.logme.api.UnknownPluginException;
import org.logme.api.testing.SharedFixtures;
import org.logme.eval.ImageNet10Benchmark;
import org.logme.eval.table.CorrelationTable;
import org.logme.eval.table.Group;
import org.logme.eval.table.Metric;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.table.TableSpec;

class BenchmarksTest {

  @Test
  void everyTableLoadsWithItsProvenance() {
    assertThat(Benchmarks.all()).extracting(Benchmark::name).containsExactly("imagenet10",
        "model-spider", "tllib-model-selection", "stable-transfer-architectures", "sfda-cnn",
        "sfda-ssl", "emms-vit", "te-guide-itm", "parc-all", "parc-controlled");
    for (Benchmark b : Benchmarks.all()) {
      ResultsTable table = b.table();
      assertThat(table.truthName()).as(b.name()).hasValue("accuracy");
      assertThat(table.groups()).as(b.name()).isNotEmpty();
      assertThat(table.notes()).as(b.name() + ": every column has its role").isEmpty();
      assertThat(b.provenance().at("/source/repository").asText()).as(b.name()).isNotBlank();
      assertThat(b.provenance().path("licence").asText()).as(b.name()).isNotBlank();
      assertThat(b.provenance().path("protocol").isMissingNode()).as(b.name()).isFalse();
      assertThat(b.describe().get(0)).startsWith(b.name() + ": ");
      assertThat(String.join("\n", b.describe())).contains("source: ", "licence: ",
          "protocol");
    }
    assertThat(Benchmarks.get("sfda-cnn").table().groups()).hasSize(11);
    assertThat(Benchmarks.get("stable-transfer-architectures").table().groups()).hasSize(18);
    assertThat(Benchmarks.get("model-spider").estimators()).containsExactly("hscore", "leep",
        "logme", "nce", "nleep", "otce", "pactran_dirichlet", "gbc", "lfc");
    assertThatThrownBy(() -> Benchmarks.get("sfda"))
        .isInstanceOf(UnknownPluginException.class).hasMessageContaining("sfda-cnn");
  }

  /** The acceptance check: the per-target correlations are scipy's, to 1e-9. */
  @Test
  void stableTransferCorrelationsAreScipys() throws IOException {
    CorrelationTable correlations = CorrelationTable.compute(
        Benchmarks.get("stable-transfer-architectures").table());
    int checked = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(getClass()
        .getResourceAsStream("stable-transfer-scipy.csv"), StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] cells = line.split(",");
        String target = cells[0];
        String estimator = cells[1];
        assertThat(correlations.models(target, estimator)).isEqualTo(Integer.parseInt(cells[2]));
        Metric[] metrics = {Metric.WEIGHTED_TAU, Metric.KENDALL_TAU_B, Metric.SPEARMAN,
            Metric.PEARSON};
        for (int k = 0; k < metrics.length; k++) {
          double expected = Double.parseDouble(cells[3 + k]);
          assertThat(correlations.get(target, estimator, metrics[k]).value())
              .as(target + " / " + estimator + " / " + metrics[k].key())
              .isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo(90);
  }

  @Test
  void imageNet10AccuraciesAreModelSpidersCellForCell() throws IOException {
    ResultsTable spider;
    try (Reader in = Benchmark.open(Benchmarks.ROOT + "model-spider/table.csv")) {
      spider = ResultsTable.parse(in, "model-spider", TableSpec.truth("accuracy")
          .withGroup("dataset").withColumns(List.of("logme"))
          .withIgnored(Set.of("dataset_key", "model_key")));
    }
    ResultsTable imagenet10 = ImageNet10Benchmark.table();
    int cells = 0;
    for (Group g : imagenet10.groups()) {
      Group other = spider.groups().stream().filter(s -> s.name().equals(g.name())).findFirst()
          .orElseThrow();
      for (int m = 0; m < g.size(); m++) {
        int o = other.models().indexOf(g.models().get(m));
        assertThat(other.truth(o)).isEqualTo(g.truth(m));
        cells++;
      }
    }
    assertThat(cells).isEqualTo(80);
  }

  @Test
  void disagreementsAreShownNeverMerged() {
    List<Benchmarks.Disagreement> sfda = Benchmarks.disagreements(Benchmarks.get("sfda-cnn"));
    assertThat(sfda).contains(new Benchmarks.Disagreement("inception_v3", "aircraft", 80.15,
        "model-spider", 88.8));
    assertThat(sfda.stream().filter(d -> d.other().equals("model-spider"))).hasSize(80);
    assertThat(Benchmarks.disagreements(Benchmarks.get("model-spider")).stream()
        .filter(d -> d.other().equals("tllib-model-selection"))).isEmpty();
    assertThat(Benchmarks.disagreements(Benchmarks.get("parc-all"))).isEmpty();
  }

  @Test
  void theDocumentedDefectsAreThere() {
    ResultsTable tllib = Benchmarks.get("tllib-model-selection").table();
    Group dtd = tllib.groups().stream().filter(g -> g.name().equals("dtd")).findFirst()
        .orElseThrow();
    int nce = tllib.columnIndex("nce");
    int logme = tllib.columnIndex("logme");
    for (int m = 0; m < dtd.size(); m++) {
      assertThat(dtd.score(nce, m)).as("DTD's NCE column copies LogME's")
          .isEqualTo(dtd.score(logme, m));
    }
  }

  @Test
  void theTorchvisionFactsExtendTheSharedOnes() throws IOException {
    List<String> shared = Files.readAllLines(SharedFixtures.root().resolve("data")
        .resolve("imagenet10-models.csv"));
    List<String> ours;
    try (BufferedReader in = new BufferedReader(Benchmark.open(Benchmarks.ROOT
        + "torchvision-imagenet1k.csv"))) {
      ours = in.lines().toList();
    }
    assertThat(ours.subList(0, shared.size())).isEqualTo(shared);
    assertThat(ours.subList(shared.size(), ours.size())).containsExactly(
        "resnet34,73.314,21797672");
  }
}
