package org.logme.eval.zoo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.logme.api.InvalidInputException;
import org.logme.api.data.LabelEmbeddings;
import org.logme.api.data.Labels;
import org.logme.api.data.SourceLabels;
import org.logme.api.data.SourceProbabilities;
import org.logme.api.data.Targets;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.InputKind;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.io.ArrayFiles;
import org.logme.io.FeatureReading;
import org.logme.io.NdArray;
import org.logme.eval.table.StaticFacts;

/**
 * A model-zoo directory: the target task and, per pre-trained model, its outputs on the target
 * samples.
 * <pre>
 *   zoo/labels.npy             class labels, N (or zoo/targets.npy: regression targets, N×K)
 *   zoo/accuracy.csv           optional: model,accuracy[,static baseline columns...]
 *   zoo/probe.csv              optional: model,VARIANT...: other ground truths (probe settings)
 *   zoo/models/NAME/features.npy       features, N×D
 *   zoo/models/NAME/source_probs.npy   optional: source-model softmax, N×Cs
 *   zoo/models/NAME/source_labels.npy  optional: source-model hard labels, N
 *   zoo/label_embeddings.npy   optional: class-name embeddings, C×E (row r embeds class id r),
 *                              or zoo/label_embeddings/ENCODER.npy, one C×E file per encoder
 *   zoo/models/NAME/model.json optional: the model's facts (dimension, parameters, ...)
 * </pre>
 * Models are the sub-directories of {@code models/}, sorted by name. Extra columns of
 * {@code accuracy.csv} are static baselines (facts that use no target data, such as ImageNet
 * top-1 accuracy or parameter count). When {@code source_labels.npy} is absent, the source
 * labels are the argmax of {@code source_probs.npy}.
 *
 * <p>Opening a zoo reads the task and {@code accuracy.csv}; a model's arrays are read only when
 * it is scored, by {@link #input}.
 *
 * @since 0.1
 */
public final class ModelZoo {
  /** Class labels of the target samples. */
  public static final String LABELS = "labels.npy";
  /** Regression targets of the target samples. */
  public static final String TARGETS = "targets.npy";
  /** Fine-tuned accuracies and static baselines. */
  public static final String ACCURACY = "accuracy.csv";
  /**
   * Optional: the probe's accuracy under other settings (columns model and one per variant,
   * such as c0.1, c1, c10, cv), the ground-truth sensitivity band of {@code logme extract
   * --probe}.
   */
  public static final String PROBE = "probe.csv";
  /** The ground-truth column of {@link #ACCURACY}. */
  public static final String ACCURACY_COLUMN = "accuracy";
  /** The directory of the models. */
  public static final String MODELS = "models";
  /** A model's features. */
  public static final String FEATURES = "features.npy";
  /** A model's source-class probabilities. */
  public static final String SOURCE_PROBS = "source_probs.npy";
  /** A model's source-class hard labels. */
  public static final String SOURCE_LABELS = "source_labels.npy";

  /** Embeddings of the class names by one encoder, C×E (for EMMS). */
  public static final String LABEL_EMBEDDINGS = "label_embeddings.npy";
  /** A directory of embeddings of the class names, one C×E file per encoder. */
  public static final String LABEL_EMBEDDINGS_DIR = "label_embeddings";

  /** The zoo file that supplies each kind of input, for messages. */
  static final Map<InputKind, String> FILES = fileNames();

  private final Path dir;
  private final Labels labels;
  private final Targets targets;
  private final List<String> models;
  private final StaticFacts accuracy;
  private final StaticFacts probe;
  private final LabelEmbeddings labelEmbeddings;

  private ModelZoo(Path dir, Labels labels, Targets targets, List<String> models,
      StaticFacts accuracy, StaticFacts probe, LabelEmbeddings labelEmbeddings) {
    this.dir = dir;
    this.labels = labels;
    this.targets = targets;
    this.models = List.copyOf(models);
    this.accuracy = accuracy;
    this.probe = probe;
    this.labelEmbeddings = labelEmbeddings;
  }

  /**
   * @param dir the zoo directory
   * @return the zoo, with its task loaded ({@code targets.npy} as regression targets)
   * @throws InvalidInputException if the layout is wrong: no task file or both, no models, an
   *     unreadable file, or an {@code accuracy.csv} naming a model that is not in the zoo
   */
  public static ModelZoo open(Path dir) {
    return open(dir, false);
  }

  /**
   * @param dir the zoo directory
   * @param multiLabel true if {@code targets.npy} holds 0/1 label indicators (multi-label)
   *     rather than regression targets
   * @return the zoo, with its task loaded
   * @throws InvalidInputException if the layout is wrong: no task file or both, no models, an
   *     unreadable file, or an {@code accuracy.csv} naming a model that is not in the zoo
   */
  public static ModelZoo open(Path dir, boolean multiLabel) {
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException(dir + ": not a directory; a zoo is a directory holding "
          + LABELS + " (or " + TARGETS + ") and " + MODELS + "/<name>/" + FEATURES);
    }
    Path labelsFile = dir.resolve(LABELS);
    Path targetsFile = dir.resolve(TARGETS);
    boolean hasLabels = Files.isRegularFile(labelsFile);
    boolean hasTargets = Files.isRegularFile(targetsFile);
    if (hasLabels == hasTargets) {
      throw new InvalidInputException(dir + ": " + (hasLabels ? "both " + LABELS + " and "
          + TARGETS + " are present; keep one of them" : "neither " + LABELS + " (class labels)"
          + " nor " + TARGETS + " (regression targets) is present; add one of them"));
    }
    Labels labels = null;
    Targets targets = null;
    if (hasLabels && multiLabel) {
      throw new InvalidInputException(dir + ": multi-label needs " + TARGETS + " (0/1 label"
          + " indicators, N×K); this zoo has " + LABELS + " (one class per sample)");
    }
    if (hasLabels) {
      NdArray raw = ArrayFiles.load(labelsFile.toString());
      labels = Labels.of(raw.asVector("labels"), raw.origin());
    } else {
      NdArray raw = ArrayFiles.load(targetsFile.toString());
      targets = multiLabel ? Targets.multiLabel(raw.asMatrix(), raw.origin())
          : Targets.regression(raw.asMatrix(), raw.origin());
    }
    List<String> models = listModels(dir.resolve(MODELS));
    StaticFacts accuracy = null;
    Path accuracyFile = dir.resolve(ACCURACY);
    if (Files.isRegularFile(accuracyFile)) {
      accuracy = StaticFacts.read(accuracyFile);
      requireKnownModels(accuracy, accuracyFile, dir, models);
    }
    StaticFacts probe = null;
    Path probeFile = dir.resolve(PROBE);
    if (Files.isRegularFile(probeFile)) {
      probe = StaticFacts.read(probeFile);
      requireKnownModels(probe, probeFile, dir, models);
    }
    LabelEmbeddings embeddings = readLabelEmbeddings(dir);
    if (embeddings != null && labels != null) {
      embeddings.requireCovers(labels);
    }
    return new ModelZoo(dir, labels, targets, models, accuracy, probe, embeddings);
  }

  /**
   * @return the label embeddings of {@code label_embeddings.npy} or of every
   *     {@code label_embeddings/*.npy} (encoders named after their files, sorted), or null
   */
  private static LabelEmbeddings readLabelEmbeddings(Path dir) {
    Path single = dir.resolve(LABEL_EMBEDDINGS);
    Path many = dir.resolve(LABEL_EMBEDDINGS_DIR);
    boolean hasSingle = Files.isRegularFile(single);
    boolean hasMany = Files.isDirectory(many);
    if (hasSingle && hasMany) {
      throw new InvalidInputException(dir + ": both " + LABEL_EMBEDDINGS + " and "
          + LABEL_EMBEDDINGS_DIR + "/ are present; keep one of them");
    }
    if (hasSingle) {
      NdArray raw = ArrayFiles.load(single.toString());
      return LabelEmbeddings.of(raw.asMatrix(), raw.origin());
    }
    if (!hasMany) {
      return null;
    }
    List<Path> files;
    try (Stream<Path> children = Files.list(many)) {
      files = children.filter(p -> p.getFileName().toString().endsWith(".npy")).sorted()
          .toList();
    } catch (IOException e) {
      throw new InvalidInputException(many + ": cannot list: " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new InvalidInputException(many + ": no .npy files; put one [C, E] array of class-name"
          + " embeddings per encoder there, or remove the directory");
    }
    List<org.logme.api.linalg.Matrix> matrices = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Path file : files) {
      matrices.add(ArrayFiles.load(file.toString()).asMatrix());
      String name = file.getFileName().toString();
      names.add(name.substring(0, name.length() - ".npy".length()));
    }
    return LabelEmbeddings.of(matrices, names, many.toString());
  }

  private static void requireKnownModels(StaticFacts facts, Path file, Path dir,
      List<String> models) {
    for (String model : facts.models()) {
      if (!models.contains(model)) {
        throw new InvalidInputException(file + ": model '" + model + "' has no"
            + " directory " + dir.resolve(MODELS).resolve(model) + "; the zoo's models are: "
            + String.join(", ", models));
      }
    }
  }

  private static List<String> listModels(Path modelsDir) {
    if (!Files.isDirectory(modelsDir)) {
      throw new InvalidInputException(modelsDir + ": no such directory; put each model's "
          + FEATURES + " in " + modelsDir + "/<model name>/");
    }
    List<String> names = new ArrayList<>();
    try (Stream<Path> children = Files.list(modelsDir)) {
      children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith(".")).sorted().forEach(names::add);
    } catch (IOException e) {
      throw new InvalidInputException(modelsDir + ": cannot list: " + e.getMessage(), e);
    }
    if (names.isEmpty()) {
      throw new InvalidInputException(modelsDir + ": no model directories; put each model's "
          + FEATURES + " in " + modelsDir + "/<model name>/");
    }
    return names;
  }

  /** @return the zoo directory */
  public Path dir() {
    return dir;
  }

  /** @return the model names, sorted */
  public List<String> models() {
    return models;
  }

  /** @return the directory of one model */
  Path modelDir(String model) {
    return dir.resolve(MODELS).resolve(model);
  }

  /** A model's facts, written by {@code logme extract}. */
  public static final String MODEL_JSON = "model.json";

  /**
   * The keys of {@value #MODEL_JSON} that become static-baseline columns, and their column
   * names: parameter count, feature dimension, and where known depth, FLOPs and the source
   * task's top-1 accuracy.
   */
  public static final Map<String, String> MODEL_FACTS = Map.of("parameters", "params", "dimension",
      "dimension", "depth", "depth", "flops", "flops", "source_top1", "source_top1");

  /**
   * @return the static facts of the models' {@value #MODEL_JSON} files: a column for each
   *     numeric fact of {@link #MODEL_FACTS} that every model has (parameter count as
   *     {@code params}, dimension, depth, FLOPs, source top-1), or empty if none is complete
   * @throws InvalidInputException if a {@value #MODEL_JSON} is not valid JSON
   */
  public Optional<StaticFacts> modelFacts() {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    Map<String, com.fasterxml.jackson.databind.JsonNode> nodes = new java.util.LinkedHashMap<>();
    for (String model : models) {
      Path file = modelDir(model).resolve(MODEL_JSON);
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      try {
        nodes.put(model, json.readTree(file.toFile()));
      } catch (IOException e) {
        throw new InvalidInputException(file + ": not valid JSON (" + e.getMessage() + ")", e);
      }
    }
    List<String> keys = new ArrayList<>();
    for (String key : List.of("parameters", "dimension", "depth", "flops", "source_top1")) {
      if (nodes.values().stream().allMatch(n -> n.path(key).isNumber())) {
        keys.add(key);
      }
    }
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder csv = new StringBuilder("model");
    keys.forEach(k -> csv.append(',').append(MODEL_FACTS.get(k)));
    csv.append('\n');
    nodes.forEach((model, node) -> {
      csv.append(org.logme.eval.table.Csv.quote(model));
      keys.forEach(k -> csv.append(',').append(node.get(k).asText()));
      csv.append('\n');
    });
    return Optional.of(StaticFacts.parse(new java.io.StringReader(csv.toString()),
        dir.resolve(MODELS) + "/*/" + MODEL_JSON));
  }

  /** @return the embeddings of the class names, if the zoo has them */
  public Optional<LabelEmbeddings> labelEmbeddings() {
    return Optional.ofNullable(labelEmbeddings);
  }

  /** @return the fine-tuned accuracies and static baselines, if {@code accuracy.csv} exists */
  public Optional<StaticFacts> accuracy() {
    return Optional.ofNullable(accuracy);
  }

  /**
   * @return the probe under other settings, one column per variant, if {@code probe.csv}
   *     exists
   */
  public Optional<StaticFacts> probeVariants() {
    return Optional.ofNullable(probe);
  }

  /**
   * @return the inputs the zoo can provide for a model (the task's labels or targets and every
   *     model file present)
   */
  Set<InputKind> available(String model) {
    Set<InputKind> kinds = java.util.EnumSet.noneOf(InputKind.class);
    kinds.add(labels != null ? InputKind.LABELS : InputKind.TARGETS);
    Path m = modelDir(model);
    if (Files.isRegularFile(m.resolve(FEATURES))) {
      kinds.add(InputKind.FEATURES);
    }
    if (Files.isRegularFile(m.resolve(SOURCE_PROBS))) {
      kinds.add(InputKind.SOURCE_PROBABILITIES);
      kinds.add(InputKind.SOURCE_LABELS);
    }
    if (Files.isRegularFile(m.resolve(SOURCE_LABELS))) {
      kinds.add(InputKind.SOURCE_LABELS);
    }
    if (labelEmbeddings != null) {
      kinds.add(InputKind.LABEL_EMBEDDINGS);
    }
    return kinds;
  }

  /**
   * Reads a model's arrays, only those of the kinds asked for.
   *
   * @param model a model name
   * @param kinds the kinds of input needed
   * @return the input (the task's labels or targets are shared by every model)
   * @throws InvalidInputException if a file is unreadable or its rows disagree with the task
   */
  public EstimationInput input(String model, Set<InputKind> kinds) {
    return input(model, kinds, List.of(), FeatureReading.Mode.MEMORY, null);
  }

  /**
   * One model's input, as read.
   *
   * @param input the arrays
   * @param featureInput how the features were read (streamed or loaded, and why), or
   *     {@code none}
   */
  public record ModelInput(EstimationInput input, String featureInput) {
  }

  /**
   * Reads a model's arrays, like {@link #input(String, Set, Collection, FeatureReading.Mode,
   * LinearAlgebraBackend)}, and says how the features were read.
   *
   * @param model a model name
   * @param kinds the kinds of input needed
   * @param estimators the estimators that will use the input
   * @param mode how to read the features
   * @param backend the linear algebra for streamed statistics
   * @return the input and how its features were read
   * @throws InvalidInputException if a file is unreadable or its rows disagree with the task
   */
  public ModelInput read(String model, Set<InputKind> kinds,
      Collection<TransferabilityEstimator> estimators, FeatureReading.Mode mode,
      LinearAlgebraBackend backend) {
    String[] featureInput = {"none"};
    EstimationInput input = input(model, kinds, estimators, mode, backend, featureInput);
    return new ModelInput(input, featureInput[0]);
  }

  /**
   * Reads a model's arrays, only those of the kinds asked for, streaming the features into
   * sufficient statistics when the estimators allow it (see {@link FeatureReading}).
   *
   * @param model a model name
   * @param kinds the kinds of input needed
   * @param estimators the estimators that will use the input
   * @param mode how to read the features
   * @param backend the linear algebra for streamed statistics (unused in memory mode)
   * @return the input (the task's labels or targets are shared by every model)
   * @throws InvalidInputException if a file is unreadable or its rows disagree with the task
   */
  public EstimationInput input(String model, Set<InputKind> kinds,
      Collection<TransferabilityEstimator> estimators, FeatureReading.Mode mode,
      LinearAlgebraBackend backend) {
    return input(model, kinds, estimators, mode, backend, new String[1]);
  }

  private EstimationInput input(String model, Set<InputKind> kinds,
      Collection<TransferabilityEstimator> estimators, FeatureReading.Mode mode,
      LinearAlgebraBackend backend, String[] featureInput) {
    Path m = modelDir(model);
    Set<InputKind> present = available(model);
    EstimationInput.Builder input = EstimationInput.builder().labels(labels).targets(targets);
    if (kinds.contains(InputKind.LABEL_EMBEDDINGS)) {
      input.labelEmbeddings(labelEmbeddings);
    }
    if (kinds.contains(InputKind.FEATURES) && present.contains(InputKind.FEATURES)) {
      FeatureReading.Loaded loaded = FeatureReading.read(m.resolve(FEATURES).toString(), labels,
          targets, estimators, mode, backend);
      loaded.addTo(input);
      featureInput[0] = loaded.description();
    }
    SourceProbabilities probabilities = null;
    if ((kinds.contains(InputKind.SOURCE_PROBABILITIES) || kinds.contains(InputKind.SOURCE_LABELS))
        && present.contains(InputKind.SOURCE_PROBABILITIES)) {
      NdArray raw = ArrayFiles.load(m.resolve(SOURCE_PROBS).toString());
      probabilities = new SourceProbabilities(raw.asMatrix(), raw.origin());
      if (kinds.contains(InputKind.SOURCE_PROBABILITIES)) {
        input.sourceProbabilities(probabilities);
      }
    }
    if (kinds.contains(InputKind.SOURCE_LABELS)) {
      if (Files.isRegularFile(m.resolve(SOURCE_LABELS))) {
        NdArray raw = ArrayFiles.load(m.resolve(SOURCE_LABELS).toString());
        input.sourceLabels(SourceLabels.of(raw.asVector("source labels"), raw.origin()));
      } else if (probabilities != null) {
        input.sourceLabels(SourceLabels.argmaxOf(probabilities));
      }
    }
    return input.build();
  }

  private static Map<InputKind, String> fileNames() {
    Map<InputKind, String> files = new EnumMap<>(InputKind.class);
    files.put(InputKind.FEATURES, FEATURES);
    files.put(InputKind.LABELS, LABELS);
    files.put(InputKind.TARGETS, TARGETS);
    files.put(InputKind.SOURCE_PROBABILITIES, SOURCE_PROBS);
    files.put(InputKind.SOURCE_LABELS, SOURCE_LABELS + " or " + SOURCE_PROBS);
    files.put(InputKind.LABEL_EMBEDDINGS, LABEL_EMBEDDINGS + " (or " + LABEL_EMBEDDINGS_DIR
        + "/*.npy)");
    return files;
  }
}
