package org.logme.eval.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.logme.api.InvalidInputException;
import org.logme.api.InvalidParameterException;
import org.logme.api.PluginRegistry;
import org.logme.api.extractor.ExtractorInfo;
import org.logme.api.extractor.FeatureExtractor;
import org.logme.api.extractor.FeatureExtractorProvider;
import org.logme.api.extractor.Modality;
import org.logme.api.linalg.Matrix;
import org.logme.io.NpyWriter;
import org.logme.eval.table.Csv;
import org.logme.eval.zoo.ModelZoo;
import org.logme.probe.LinearProbe;
import org.logme.probe.ProbeAccuracy;
import org.logme.probe.ProbeSettings;
import org.logme.probe.StratifiedFolds;

/**
 * Turns a labelled text task into a model-zoo directory that {@code logme rank} reads, by
 * running every requested feature extractor over the texts:
 * <pre>
 *   DIR/labels.npy                    int64 [N], class ids
 *   DIR/classes.json                  {"0": "original label", ...}
 *   DIR/models/NAME/features.npy      float32 [N, D]
 *   DIR/models/NAME/model.json        name, dimension, parameters, source, version, settings
 *   DIR/extract.json                  what was extracted from what, and how
 *   DIR/label_embeddings.npy          float32 [C, E]: the class names (classes.json) embedded by
 *                                     the label encoder (for EMMS); with several encoders
 *                                     DIR/label_embeddings/NAME.npy, one per encoder
 *   with the probe:
 *   DIR/folds.npy                     int64 [N], the stratified fold of each text
 *   DIR/accuracy.csv                  model,accuracy,params,dimension (accuracy at the reported C)
 *   DIR/probe.csv                     model,c0.1,c1,c10,cv: the probe at every C, and nested
 * </pre>
 * Models are loaded one at a time and closed before the next, so memory holds one model. The
 * directory is built beside DIR and renamed into place only when complete; an existing DIR is
 * replaced only if it is empty or an earlier zoo, never a directory of other files.
 *
 * @since 0.2
 */
public final class TextZooBuilder {
  /** Texts given to an extractor at a time (progress is reported after each batch). */
  static final int BATCH = 128;
  /** The name that stands for every bundled extractor. */
  public static final String ALL = "all";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PluginRegistry<FeatureExtractorProvider> extractors;
  private final int threads;
  private final Optional<FeatureCache> cache;
  private final Optional<ProbeSettings> probe;
  private final ExtractionProgress progress;
  private final List<String> labelEncoders;

  /**
   * @param extractors the extractors available
   * @param threads threads for embedding and for the probe
   * @param cache where to keep and find extracted features, if anywhere
   * @param probe the probe to run, if any
   * @param progress where to report progress
   */
  public TextZooBuilder(PluginRegistry<FeatureExtractorProvider> extractors, int threads,
      Optional<FeatureCache> cache, Optional<ProbeSettings> probe, ExtractionProgress progress) {
    this(extractors, threads, cache, probe, progress, List.of());
  }

  private TextZooBuilder(PluginRegistry<FeatureExtractorProvider> extractors, int threads,
      Optional<FeatureCache> cache, Optional<ProbeSettings> probe, ExtractionProgress progress,
      List<String> labelEncoders) {
    this.extractors = extractors;
    this.threads = threads;
    this.cache = cache;
    this.probe = probe;
    this.progress = progress;
    this.labelEncoders = List.copyOf(labelEncoders);
  }

  /**
   * A builder that also embeds the class names (the labels of {@code classes.json}) with the
   * given text extractors, for estimators that read label embeddings (EMMS): one encoder
   * writes {@value ModelZoo#LABEL_EMBEDDINGS}, several write one file each in
   * {@value ModelZoo#LABEL_EMBEDDINGS_DIR}/ (they must share one dimension). An encoder that is
   * also a requested model embeds the names while it is loaded; embeddings are cached like
   * features.
   *
   * @param names extractor names, as for {@link #resolve}; empty for none
   * @return the builder
   * @since 0.2
   */
  public TextZooBuilder withLabelEncoders(List<String> names) {
    return new TextZooBuilder(extractors, threads, cache, probe, progress, names);
  }

  /**
   * A requested extractor.
   *
   * @param name as requested, for example {@code "onnx:/models/mine"}
   * @param provider its provider
   * @param argument the text after the colon, or {@code ""}
   * @param directory its directory under {@code models/}
   */
  public record Request(String name, FeatureExtractorProvider provider, String argument,
      String directory) {
  }

  /**
   * @param names extractor names; {@value #ALL} stands for every text extractor that takes no
   *     argument
   * @return the extractors, in order, each once
   * @throws org.logme.api.UnknownPluginException if a name is unknown (the message lists those
   *     that exist)
   * @throws InvalidParameterException if a name lacks or has an argument it should not, is not
   *     a text extractor, or two would share a directory
   */
  public List<Request> resolve(List<String> names) {
    LinkedHashSet<String> expanded = new LinkedHashSet<>();
    for (String name : names) {
      if (name.equals(ALL)) {
        extractors.all().forEach((n, p) -> {
          if (p.argument().isEmpty() && p.modality() == Modality.TEXT) {
            expanded.add(n);
          }
        });
      } else {
        expanded.add(name);
      }
    }
    if (expanded.isEmpty()) {
      throw new InvalidParameterException("no models requested; name some, or '" + ALL + "'");
    }
    List<Request> requests = new ArrayList<>();
    Map<String, String> directories = new LinkedHashMap<>();
    for (String name : expanded) {
      int colon = name.indexOf(':');
      String base = colon < 0 ? name : name.substring(0, colon);
      String argument = colon < 0 ? "" : name.substring(colon + 1);
      FeatureExtractorProvider provider = extractors.get(base);
      if (provider.argument().isPresent() && colon < 0) {
        throw new InvalidParameterException("model '" + name + "' needs " + provider.argument()
            .get() + ", as in " + name + ":" + provider.argument().get());
      }
      if (provider.argument().isEmpty() && colon >= 0) {
        throw new InvalidParameterException("model '" + base + "' takes nothing after a colon"
            + " (got '" + name + "')");
      }
      if (provider.modality() != Modality.TEXT) {
        throw new InvalidParameterException("model '" + name + "' reads "
            + provider.modality().label() + ", not text");
      }
      String directory = colon < 0 ? name : directoryName(argument);
      String previous = directories.put(directory, name);
      if (previous != null) {
        throw new InvalidParameterException("models '" + previous + "' and '" + name
            + "' would both be written to models/" + directory + "; rename one folder");
      }
      requests.add(new Request(name, provider, argument, directory));
    }
    return requests;
  }

  /** The last name of a folder, reduced to characters safe in a directory name. */
  private static String directoryName(String folder) {
    Path path = Path.of(folder).toAbsolutePath().normalize();
    String last = path.getFileName() == null ? "onnx" : path.getFileName().toString();
    String safe = last.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.startsWith(".") ? "_" + safe : safe;
  }

  /**
   * Extracts every requested model's features of the task and writes the zoo.
   *
   * @param task the texts and labels
   * @param requests the extractors ({@link #resolve})
   * @param out the zoo directory to create or replace
   * @return what was extracted, in request order
   * @throws InvalidInputException if {@code out} is a directory that is not an earlier zoo, or
   *     an extractor cannot read the texts
   */
  public List<ExtractedModel> build(TextTask task, List<Request> requests, Path out) {
    return buildAll(List.of(new Job(task, out)), requests).get(0);
  }

  /**
   * One task and the zoo it becomes.
   *
   * @param task the texts and labels
   * @param out the zoo directory to create or replace
   */
  public record Job(TextTask task, Path out) {
  }

  /**
   * Extracts several tasks with each model loaded once: models in request order, and for each
   * model every task whose features are not cached, before the model is closed and the next
   * one loaded.
   *
   * @param jobs the tasks and their zoo directories (distinct)
   * @param requests the extractors ({@link #resolve})
   * @return what was extracted for each job, in job order, models in request order
   * @throws InvalidInputException as {@link #build}
   */
  public List<List<ExtractedModel>> buildAll(List<Job> jobs, List<Request> requests) {
    List<Path> targets = new ArrayList<>();
    for (Job job : jobs) {
      Path target = job.out().toAbsolutePath().normalize();
      if (targets.contains(target)) {
        throw new IllegalArgumentException("two tasks would be written to " + target);
      }
      checkReplaceable(target);
      targets.add(target);
    }
    List<Path> stagings = new ArrayList<>();
    try {
      List<int[]> folds = new ArrayList<>();
      List<List<ExtractedModel>> results = new ArrayList<>();
      for (int j = 0; j < jobs.size(); j++) {
        Path target = targets.get(j);
        Files.createDirectories(target.getParent());
        stagings.add(Files.createDirectory(target.getParent().resolve("." + target.getFileName()
            + ".partial-" + UUID.randomUUID())));
        TextTask task = jobs.get(j).task();
        folds.add(probe.map(p -> StratifiedFolds.assign(task.labels(), p.folds(), p.seed()))
            .orElse(null));
        results.add(new ArrayList<>());
      }
      List<Request> encoders = labelEncoders.isEmpty() ? List.of() : resolve(labelEncoders);
      List<List<LabelEmbedding>> embedded = new ArrayList<>();
      jobs.forEach(job -> embedded.add(new ArrayList<>()));
      List<Request> pending = new ArrayList<>(encoders);
      for (int i = 0; i < requests.size(); i++) {
        try (Loader loader = new Loader(requests.get(i))) {
          for (int j = 0; j < jobs.size(); j++) {
            String label = jobs.size() == 1 ? "" : targets.get(j).getParent().getFileName()
                + "/" + targets.get(j).getFileName();
            results.get(j).add(extractOne(jobs.get(j).task(), label, loader, i + 1,
                requests.size(), stagings.get(j), folds.get(j)));
          }
          String name = requests.get(i).name();
          if (pending.removeIf(e -> e.name().equals(name))) {
            for (int j = 0; j < jobs.size(); j++) {
              embedded.get(j).add(embedClasses(jobs.get(j).task(), loader));
            }
          }
        }
      }
      for (Request encoder : pending) {
        try (Loader loader = new Loader(encoder)) {
          for (int j = 0; j < jobs.size(); j++) {
            embedded.get(j).add(embedClasses(jobs.get(j).task(), loader));
          }
        }
      }
      for (int j = 0; j < jobs.size(); j++) {
        writeLabelEmbeddings(embedded.get(j), encoders, stagings.get(j));
      }
      for (int j = 0; j < jobs.size(); j++) {
        TextTask task = jobs.get(j).task();
        writeTask(task, stagings.get(j));
        if (folds.get(j) != null) {
          writeProbe(results.get(j), folds.get(j), stagings.get(j));
        }
        writeManifest(task, results.get(j), stagings.get(j));
      }
      for (int j = 0; j < jobs.size(); j++) {
        swapIn(stagings.get(j), targets.get(j));
      }
      return results;
    } catch (IOException e) {
      throw new InvalidParameterException("cannot write the zoo " + (targets.size() == 1
          ? targets.get(0) : targets) + ": " + e + "; choose a writable --out");
    } finally {
      stagings.forEach(TextZooBuilder::deleteQuietly);
    }
  }

  /** Opens a request's extractor when first needed, and closes it once every task is done. */
  private final class Loader implements AutoCloseable {
    private final Request request;
    private FeatureExtractor extractor;
    private double seconds;

    Loader(Request request) {
      this.request = request;
    }

    /** @return the open extractor; the time it took to load is then {@link #takeSeconds} */
    FeatureExtractor extractor() {
      if (extractor == null) {
        long start = System.nanoTime();
        extractor = request.provider().open(request.argument(), threads);
        seconds = (System.nanoTime() - start) / 1e9;
      }
      return extractor;
    }

    /** @return the load time not yet reported (0 after the first call) */
    double takeSeconds() {
      double taken = seconds;
      seconds = 0;
      return taken;
    }

    @Override
    public void close() {
      if (extractor != null) {
        extractor.close();
      }
    }
  }

  private ExtractedModel extractOne(TextTask task, String label, Loader loader, int index,
      int count, Path zoo, int[] folds) throws IOException {
    Request request = loader.request;
    progress.modelStarted(request.name(), label, index, count, task.size());
    String key = FeatureCache.key("features", request.name(),
        request.provider().version(request.argument()), task.textsHash());
    Optional<FeatureCache.Entry> hit = cache.flatMap(c -> c.features(key, task.size()));
    ExtractorInfo info;
    float[][] rows;
    double loadSeconds = 0;
    double extractSeconds = 0;
    if (hit.isPresent()) {
      info = hit.get().info();
      rows = hit.get().rows();
    } else {
      FeatureExtractor extractor = loader.extractor();
      loadSeconds = loader.takeSeconds();
      long started = System.nanoTime();
      info = extractor.info();
      rows = new float[task.size()][];
      for (int from = 0; from < task.size(); from += BATCH) {
        int to = Math.min(task.size(), from + BATCH);
        float[][] batch;
        try {
          batch = extractor.extract(task.texts().subList(from, to));
        } catch (InvalidInputException e) {
          throw new InvalidInputException(task.origin() + ", texts " + (from + 1) + "-" + to
              + ": " + request.name() + ": " + e.getMessage(), e);
        }
        System.arraycopy(batch, 0, rows, from, batch.length);
        progress.textsDone(request.name(), to, task.size());
      }
      extractSeconds = (System.nanoTime() - started) / 1e9;
      ExtractorInfo described = info;
      cache.ifPresent(c -> c.putFeatures(key, described, rows));
    }
    Path dir = zoo.resolve(ModelZoo.MODELS).resolve(request.directory());
    Files.createDirectories(dir);
    FeatureCache.writeFloat32(dir.resolve(ModelZoo.FEATURES), rows, info.dimension());
    ObjectNode model = FeatureCache.json(info);
    Files.writeString(dir.resolve(MODEL_JSON), JSON.writerWithDefaultPrettyPrinter()
        .writeValueAsString(model) + "\n", StandardCharsets.UTF_8);
    Optional<ProbeAccuracy> accuracy = Optional.empty();
    if (folds != null) {
      ProbeSettings settings = probe.orElseThrow();
      String probeKey = FeatureCache.key("probe", key, java.util.Arrays.toString(task.labels()),
          java.util.Arrays.toString(folds), settings.toString(), LinearProbe.LIBLINEAR_VERSION);
      accuracy = cache.flatMap(c -> c.probe(probeKey));
      if (accuracy.isEmpty()) {
        ProbeAccuracy computed = new LinearProbe(settings, threads)
            .evaluate(rows, task.labels(), folds);
        cache.ifPresent(c -> c.putProbe(probeKey, computed));
        accuracy = Optional.of(computed);
      }
    }
    ExtractedModel extracted = new ExtractedModel(request.directory(), info, hit.isPresent(),
        loadSeconds, extractSeconds, accuracy);
    progress.modelFinished(extracted);
    return extracted;
  }

  /** One encoder's embeddings of a task's class names. */
  private record LabelEmbedding(Request encoder, float[][] rows, int dimension) {
  }

  /** Embeds the class names with an encoder, through the cache. */
  private LabelEmbedding embedClasses(TextTask task, Loader loader) throws IOException {
    Request request = loader.request;
    String key = FeatureCache.key("label-embeddings", request.name(),
        request.provider().version(request.argument()), String.join("\u0000", task.classes()));
    Optional<FeatureCache.Entry> hit = cache.flatMap(c -> c.features(key,
        task.classes().size()));
    if (hit.isPresent()) {
      return new LabelEmbedding(request, hit.get().rows(), hit.get().info().dimension());
    }
    FeatureExtractor extractor = loader.extractor();
    loader.takeSeconds();
    float[][] rows = extractor.extract(task.classes());
    ExtractorInfo info = extractor.info();
    cache.ifPresent(c -> c.putFeatures(key, info, rows));
    return new LabelEmbedding(request, rows, info.dimension());
  }

  /** label_embeddings.npy for one encoder, label_embeddings/NAME.npy for several. */
  private static void writeLabelEmbeddings(List<LabelEmbedding> embedded, List<Request> order,
      Path zoo) throws IOException {
    if (embedded.isEmpty()) {
      return;
    }
    List<LabelEmbedding> sorted = new ArrayList<>();
    for (Request r : order) {
      embedded.stream().filter(e -> e.encoder().name().equals(r.name())).findFirst()
          .ifPresent(sorted::add);
    }
    int dimension = sorted.get(0).dimension();
    for (LabelEmbedding e : sorted) {
      if (e.dimension() != dimension) {
        throw new InvalidParameterException("label encoders '" + sorted.get(0).encoder().name()
            + "' (" + dimension + " dimensions) and '" + e.encoder().name() + "' ("
            + e.dimension() + ") differ; EMMS combines the encoders' embeddings, so give"
            + " --label-encoders of one dimension");
      }
    }
    if (sorted.size() == 1) {
      FeatureCache.writeFloat32(zoo.resolve(ModelZoo.LABEL_EMBEDDINGS), sorted.get(0).rows(),
          dimension);
      return;
    }
    Path dir = Files.createDirectories(zoo.resolve(ModelZoo.LABEL_EMBEDDINGS_DIR));
    for (LabelEmbedding e : sorted) {
      FeatureCache.writeFloat32(dir.resolve(e.encoder().directory() + ".npy"), e.rows(),
          dimension);
    }
  }

  /** A model's description in the zoo. */
  public static final String MODEL_JSON = "model.json";
  /** The class names of the ids in labels.npy. */
  public static final String CLASSES = "classes.json";
  /** The folds of the probe. */
  public static final String FOLDS = "folds.npy";
  /** What was extracted from what. */
  public static final String MANIFEST = "extract.json";

  private static void writeTask(TextTask task, Path zoo) throws IOException {
    double[] ids = new double[task.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = task.labels()[i];
    }
    NpyWriter.write(zoo.resolve(ModelZoo.LABELS), Matrix.column(ids), NpyWriter.Type.INT64,
        true);
    ObjectNode classes = JSON.createObjectNode();
    for (int i = 0; i < task.classes().size(); i++) {
      classes.put(Integer.toString(i), task.classes().get(i));
    }
    Files.writeString(zoo.resolve(CLASSES), JSON.writerWithDefaultPrettyPrinter()
        .writeValueAsString(classes) + "\n", StandardCharsets.UTF_8);
  }

  private void writeProbe(List<ExtractedModel> models, int[] folds, Path zoo) throws IOException {
    double[] ids = new double[folds.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = folds[i];
    }
    NpyWriter.write(zoo.resolve(FOLDS), Matrix.column(ids), NpyWriter.Type.INT64, true);
    ProbeSettings settings = probe.orElseThrow();
    // an ONNX file without initializers has no parameter count: then the column is left out,
    // as static-baseline columns may not have empty cells
    boolean params = models.stream().allMatch(m -> m.info().parameters().isPresent());
    try (PrintWriter accuracy = writer(zoo.resolve(ModelZoo.ACCURACY));
        PrintWriter variants = writer(zoo.resolve(ModelZoo.PROBE))) {
      accuracy.println(params ? "model,accuracy,params,dimension" : "model,accuracy,dimension");
      List<String> columns = new ArrayList<>(models.get(0).probe().orElseThrow().variants()
          .keySet());
      variants.println("model," + String.join(",", columns));
      for (ExtractedModel m : models) {
        ProbeAccuracy a = m.probe().orElseThrow();
        accuracy.println(Csv.quote(m.directory()) + "," + number(a.at(settings.reported()))
            + (params ? "," + m.info().parameters().getAsLong() : "") + ","
            + m.info().dimension());
        StringBuilder row = new StringBuilder(Csv.quote(m.directory()));
        a.variants().values().forEach(v -> row.append(',').append(number(v)));
        variants.println(row);
      }
    }
  }

  private void writeManifest(TextTask task, List<ExtractedModel> models, Path zoo)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("schema", "logme-extract/1");
    root.put("texts", task.origin());
    root.put("texts_sha256", task.textsHash());
    root.put("n", task.size());
    root.put("classes", task.classes().size());
    ArrayNode list = root.putArray("models");
    for (ExtractedModel m : models) {
      ObjectNode node = list.addObject();
      node.put("directory", m.directory());
      node.put("name", m.info().name());
      node.put("version", m.info().version());
      node.put("cached", m.cached());
      node.put("load_seconds", m.loadSeconds());
      node.put("extract_seconds", m.extractSeconds());
    }
    probe.ifPresent(p -> {
      ObjectNode node = root.putObject("probe");
      node.put("description", p.describe());
      node.put("folds", p.folds());
      node.put("seed", p.seed());
      p.grid().forEach(node.putArray("grid")::add);
      node.put("reported_c", p.reported());
      node.put("tolerance", p.tolerance());
    });
    Files.writeString(zoo.resolve(MANIFEST), JSON.writerWithDefaultPrettyPrinter()
        .writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
  }

  private static PrintWriter writer(Path file) throws IOException {
    return new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
  }

  /** Shortest decimal that reads back to the same double. */
  private static String number(double v) {
    return Double.toString(v).toLowerCase(Locale.ROOT);
  }

  /** DIR may be replaced if it is missing, empty, or an earlier zoo (it has labels.npy and models/). */
  private static void checkReplaceable(Path target) {
    if (!Files.exists(target)) {
      return;
    }
    if (!Files.isDirectory(target)) {
      throw new InvalidInputException(target + ": exists and is not a directory; choose another"
          + " --out");
    }
    try (Stream<Path> children = Files.list(target)) {
      if (children.findAny().isEmpty()) {
        return;
      }
    } catch (IOException e) {
      throw new InvalidInputException(target + ": cannot list: " + e.getMessage(), e);
    }
    boolean zoo = Files.isDirectory(target.resolve(ModelZoo.MODELS))
        && (Files.isRegularFile(target.resolve(ModelZoo.LABELS))
            || Files.isRegularFile(target.resolve(MANIFEST)));
    if (!zoo) {
      throw new InvalidInputException(target + ": a directory that is not a model zoo (no "
          + ModelZoo.LABELS + " and " + ModelZoo.MODELS + "/); it would be replaced, so choose"
          + " an empty or new --out");
    }
  }

  /** Renames the staging directory to the target, replacing an earlier zoo there. */
  private static void swapIn(Path staging, Path target) throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
      Files.move(target, old);
    }
    Files.move(staging, target);
    if (old != null) {
      deleteQuietly(old);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // leftovers of a temporary directory; nothing the user can act on
    }
  }
}
