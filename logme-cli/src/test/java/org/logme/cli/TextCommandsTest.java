package org.logme.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logme.io.NdArray;
import org.logme.io.NpyReader;

/**
 * extract, select, rank and the demo on real pre-trained encoders, end to end through the
 * command line. CI runs the two smallest quantised models on 160 emoji names.
 */
class TextCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MODELS = "all-minilm-l6-v2-q,bge-small-zh-v15-q";

  @TempDir
  static Path dir;

  private static Path texts;
  private static Path cache;

  @BeforeAll
  static void writeTexts() throws IOException {
    try (InputStream in = TextCommandsTest.class.getResourceAsStream(
        "/org/logme/cli/demo/tasks/emoji-en.csv")) {
      texts = dir.resolve("emoji-en.csv");
      Files.write(texts, in.readAllBytes());
    }
    cache = dir.resolve("cache");
  }

  private static CliRunner.Run extract(Path out, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("extract", "--texts", texts.toString(),
        "--models", MODELS, "--out", out.toString(), "--limit", "160"));
    args.addAll(List.of(more));
    return CliRunner.run(args.toArray(String[]::new));
  }

  @Test
  void extractWritesTheZooLayoutThatRankReads() throws IOException {
    Path zoo = dir.resolve("zoo");
    CliRunner.Run run = extract(zoo, "--probe", "--cache-dir", cache.toString(), "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("n").asInt()).isEqualTo(160);
    assertThat(json.get("models").size()).isEqualTo(2);

    NdArray labels = NpyReader.read(zoo.resolve("labels.npy"));
    assertThat(labels.dtype().descr()).isEqualTo("<i8");
    assertThat(labels.shape()).containsExactly(160);
    JsonNode classes = JSON.readTree(zoo.resolve("classes.json").toFile());
    assertThat(classes.size()).isEqualTo(8);
    assertThat(classes.get("0").asText()).isEqualTo("activities");
    for (String model : MODELS.split(",")) {
      Path m = zoo.resolve("models").resolve(model);
      NdArray features = NpyReader.read(m.resolve("features.npy"));
      assertThat(features.dtype().descr()).isEqualTo("<f4");
      JsonNode info = JSON.readTree(m.resolve("model.json").toFile());
      assertThat(features.shape()).containsExactly(160, info.get("dimension").asInt());
      assertThat(info.get("name").asText()).isEqualTo(model);
      assertThat(info.get("parameters").asLong()).isGreaterThan(20_000_000L);
      assertThat(info.get("source").asText()).contains("huggingface.co");
    }
    List<String> accuracy = Files.readAllLines(zoo.resolve("accuracy.csv"));
    assertThat(accuracy.get(0)).isEqualTo("model,accuracy,params,dimension");
    assertThat(accuracy).hasSize(3);
    for (String line : accuracy.subList(1, 3)) {
      assertThat(Double.parseDouble(line.split(",")[1])).isBetween(0.0, 1.0);
    }
    assertThat(Files.readAllLines(zoo.resolve("probe.csv")).get(0))
        .isEqualTo("model,c0.1,c1,c10,cv");
    assertThat(NpyReader.read(zoo.resolve("folds.npy")).shape()).containsExactly(160);

    CliRunner.Run rank = CliRunner.run("rank", "--zoo", zoo.toString(), "--estimator",
        "logme,hscore", "--json");
    assertThat(rank.exitCode()).as(rank.err()).isZero();
    JsonNode ranked = JSON.readTree(rank.out());
    assertThat(ranked.get("truth_band").get("variants").toString())
        .isEqualTo("[\"c0.1\",\"c1\",\"c10\",\"cv\"]");
    assertThat(ranked.get("columns").has("params")).isTrue();
    // rank's LogME of a model is score's LogME of its features.npy
    double ranking = ranked.get("ranking").get("all").get("logme").findValues("model").stream()
        .map(JsonNode::asText).toList().indexOf("all-minilm-l6-v2-q");
    assertThat(ranking).isNotNegative();
    CliRunner.Run score = CliRunner.run("score", "--features", zoo.resolve(
        "models/all-minilm-l6-v2-q/features.npy").toString(), "--labels",
        zoo.resolve("labels.npy").toString(), "--json");
    double direct = JSON.readTree(score.out()).at("/results/0/score").asDouble();
    JsonNode entries = ranked.get("ranking").get("all").get("logme");
    for (JsonNode e : entries) {
      if (e.get("model").asText().equals("all-minilm-l6-v2-q")) {
        assertThat(e.get("score").asDouble()).isCloseTo(direct, within(1e-12));
      }
    }
    CliRunner.Run text = CliRunner.run("rank", "--zoo", zoo.toString());
    assertThat(text.out()).contains("against each variant of the probe");
  }

  @Test
  void extractionIsDeterministicAndTheSecondRunComesFromTheCache() throws IOException {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    Path cached = dir.resolve("cached");
    Path own = dir.resolve("own-cache");
    assertThat(extract(first, "--no-cache").exitCode()).isZero();
    assertThat(extract(second, "--cache-dir", own.toString()).exitCode()).isZero();
    CliRunner.Run again = extract(cached, "--cache-dir", own.toString(), "--json");
    assertThat(again.exitCode()).as(again.err()).isZero();
    for (JsonNode m : JSON.readTree(again.out()).get("models")) {
      assertThat(m.get("cached").asBoolean()).isTrue();
      assertThat(m.get("texts_per_second").isNull()).isTrue();
    }
    for (String model : MODELS.split(",")) {
      byte[] a = Files.readAllBytes(first.resolve("models").resolve(model)
          .resolve("features.npy"));
      assertThat(Files.readAllBytes(second.resolve("models").resolve(model)
          .resolve("features.npy"))).isEqualTo(a);
      assertThat(Files.readAllBytes(cached.resolve("models").resolve(model)
          .resolve("features.npy"))).isEqualTo(a);
    }
    assertThat(first.resolve("accuracy.csv")).doesNotExist();
    // an earlier zoo is replaced whole: the probe files of a later run appear, nothing stale
    assertThat(extract(first, "--cache-dir", own.toString(), "--probe").exitCode()).isZero();
    assertThat(first.resolve("accuracy.csv")).exists();
    try (var siblings = Files.list(dir)) {
      assertThat(siblings.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.contains(".partial-") || n.contains(".old-"));
    }
  }

  @Test
  void selectRecommendsTheBestScoredModelAndExplainsTheMargin() throws IOException {
    CliRunner.Run run = CliRunner.run("select", "--texts", texts.toString(), "--models", MODELS,
        "--limit", "160", "--cache-dir", cache.toString(), "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    JsonNode ranking = json.get("ranking");
    assertThat(ranking.size()).isEqualTo(2);
    assertThat(json.get("recommendation").asText()).isEqualTo(ranking.get(0).get("model")
        .asText()).isEqualTo("all-minilm-l6-v2-q"); // an English task: the English model
    assertThat(json.get("margin").asDouble()).isCloseTo(ranking.get(0).get("score").asDouble()
        - ranking.get(1).get("score").asDouble(), within(1e-15)).isPositive();
    CliRunner.Run text = CliRunner.run("select", "--texts", texts.toString(), "--models",
        MODELS, "--limit", "160", "--cache-dir", cache.toString());
    assertThat(text.out()).startsWith("Use all-minilm-l6-v2-q for ").contains("runner-up",
        "margin", "time");
  }

  @Test
  void theDemoRanksRealEncodersOnEveryShippedTask() throws IOException {
    CliRunner.Run run = CliRunner.run("demo", "--models", MODELS, "--limit", "120",
        "--no-report", "--cache-dir", cache.toString(), "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("tasks").findValues("task").stream().map(JsonNode::asText))
        .containsExactly("emoji-en", "emoji-zh", "wordnet-nouns");
    for (JsonNode task : json.get("tasks")) {
      assertThat(task.get("models").size()).isEqualTo(2);
      for (JsonNode model : task.get("models")) {
        assertThat(model.get("probe_accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(model.get("scores").has("logme")).isTrue();
      }
      assertThat(task.get("results").get("truth_band").get("band").has("logme")).isTrue();
    }
    CliRunner.Run text = CliRunner.run("demo", "--models", MODELS, "--limit", "120",
        "--tasks", "emoji-zh", "--no-report", "--cache-dir", cache.toString());
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out()).contains("== emoji-zh", "C by CV", "Summary", "ImageNet-10")
        .doesNotContain("== emoji-en");
    // the Chinese model is the better one for Chinese names, by the probe and by LogME
    JsonNode zh = JSON.readTree(CliRunner.run("demo", "--models", MODELS, "--limit", "120",
        "--tasks", "emoji-zh", "--no-report", "--cache-dir", cache.toString(), "--json").out())
        .get("tasks").get(0);
    double best = -1;
    String bestModel = null;
    for (JsonNode model : zh.get("models")) {
      if (model.get("probe_accuracy").asDouble() > best) {
        best = model.get("probe_accuracy").asDouble();
        bestModel = model.get("model").asText();
      }
    }
    assertThat(bestModel).isEqualTo("bge-small-zh-v15-q");
  }

  @Test
  void theDemoRefusesAnUnwritableReportBeforeEmbeddingAnything() throws IOException {
    Path taken = Files.writeString(dir.resolve("taken-file"), "keep");
    CliRunner.Run run = CliRunner.run("demo", "--models", MODELS, "--report", taken.toString(),
        "--cache-dir", dir.resolve("unused-cache").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("cannot write the report there");
    assertThat(run.out()).isEmpty();
    assertThat(dir.resolve("unused-cache")).doesNotExist();
  }

  @Test
  void listShowsTheModelsWithTheirArgument() {
    CliRunner.Run run = CliRunner.run("list");
    assertThat(run.out()).contains("Pre-trained models", "e5-small-v2-q", "prefix 'query: '",
        "onnx:FOLDER");
  }
}
