package org.logme.models.text;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.logme.api.InvalidInputException;
import org.logme.api.extractor.ExtractorInfo;
import org.logme.api.extractor.FeatureExtractor;
import org.logme.api.extractor.Modality;

/**
 * A BERT-style sentence encoder run by ONNX Runtime, through langchain4j-embeddings'
 * {@link OnnxBertBiEncoder}. For each text it
 * <ol>
 *   <li>prepends the model's prefix, if it has one (e5: {@code "query: "});</li>
 *   <li>tokenises with the model's HuggingFace {@code tokenizer.json} (DJL tokenizers), without
 *       padding;</li>
 *   <li>runs the network on one text at a time and pools the last hidden states: the mean over
 *       tokens (all-MiniLM, e5) or the first, {@code [CLS]}, token (bge), as each model was
 *       trained;</li>
 *   <li>scales the result to unit Euclidean length.</li>
 * </ol>
 * Texts longer than 510 tokens are not truncated: langchain4j splits them into 510-token pieces
 * (never inside a word), embeds each and averages them weighted by their token counts, before
 * normalising. (sentence-transformers would truncate at the model's {@code max_seq_length}: 256
 * tokens for all-MiniLM-L6-v2, 512 for bge and e5; texts that short embed the same in both.)
 *
 * <p>Texts are embedded in parallel on {@code threads} threads, each running the network
 * single-threaded; a text's row therefore depends on nothing but the text, whatever the thread
 * count or batch (bit for bit, on one machine).
 *
 * @since 0.2
 */
final class OnnxTextEncoder implements FeatureExtractor {
  private final ExtractorInfo info;
  private final String prefix;
  private final OrtSession session;
  private final ExecutorService executor;
  private final AbstractInProcessEmbeddingModel model;
  private volatile boolean closed;

  private OnnxTextEncoder(ExtractorInfo info, String prefix, OrtSession session,
      ExecutorService executor, AbstractInProcessEmbeddingModel model) {
    this.info = info;
    this.prefix = prefix;
    this.session = session;
    this.executor = executor;
    this.model = model;
  }

  /**
   * What to load and how to describe it.
   *
   * @param name the name the model was opened by
   * @param onnx the ONNX file's bytes
   * @param tokenizer the {@code tokenizer.json} file's bytes
   * @param pooling how token vectors become one vector
   * @param prefix prepended to every text ({@code ""} for none)
   * @param source where the weights come from, for reports
   * @param version identifies weights and settings, for caches
   * @param origin the files' location, for messages
   */
  record Spec(String name, byte[] onnx, byte[] tokenizer, PoolingMode pooling, String prefix,
      String source, String version, String origin) {
  }

  /**
   * @param spec the model
   * @param threads the threads to embed with
   * @return the loaded encoder
   * @throws InvalidInputException if the files are not a usable ONNX encoder and tokenizer
   */
  static OnnxTextEncoder load(Spec spec, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    OrtEnvironment environment =
        OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
    OrtSession session;
    int dimension;
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
      session = environment.createSession(spec.onnx(), options);
      dimension = hiddenSize(session, spec.origin());
    } catch (OrtException e) {
      throw new InvalidInputException(spec.origin() + ": ONNX Runtime cannot load the model: "
          + e.getMessage(), e);
    }
    OnnxBertBiEncoder encoder;
    try {
      encoder = new OnnxBertBiEncoder(environment, session,
          new ByteArrayInputStream(spec.tokenizer()), spec.pooling());
    } catch (RuntimeException e) {
      closeQuietly(session);
      throw new InvalidInputException(spec.origin() + ": the tokenizer cannot be loaded: "
          + rootMessage(e), e);
    }
    ExecutorService executor = Executors.newFixedThreadPool(threads, daemonThreads(spec.name()));
    AbstractInProcessEmbeddingModel model = new AbstractInProcessEmbeddingModel(executor) {
      @Override
      protected OnnxBertBiEncoder model() {
        return encoder;
      }
    };
    Map<String, String> properties = new TreeMap<>();
    properties.put("pooling", spec.pooling() == PoolingMode.CLS ? "cls (first token)"
        : "mean over tokens");
    properties.put("normalised", "yes (unit L2 norm)");
    properties.put("max_tokens", "510 per piece; longer texts are split and the pieces averaged");
    properties.put("prefix", spec.prefix().isEmpty() ? "none" : "'" + spec.prefix() + "'");
    properties.put("engine", "ONNX Runtime via langchain4j-embeddings");
    ExtractorInfo info = ExtractorInfo.of(spec.name(), Modality.TEXT, dimension,
        OnnxParameterCount.of(spec.onnx()), spec.source(), spec.version(), properties);
    return new OnnxTextEncoder(info, spec.prefix(), session,
        executor, model);
  }

  /** The last dimension of the first output, which must be [batch, tokens, hidden]. */
  private static int hiddenSize(OrtSession session, String origin) throws OrtException {
    Map<String, NodeInfo> outputs = session.getOutputInfo();
    NodeInfo first = outputs.values().iterator().next();
    if (!(first.getInfo() instanceof TensorInfo tensor) || tensor.getShape().length != 3
        || tensor.getShape()[2] < 1) {
      throw new InvalidInputException(origin + ": the model's first output '" + first.getName()
          + "' is " + first.getInfo() + "; a sentence encoder's first output must be its last"
          + " hidden states, shaped [batch, tokens, hidden] (export the transformer without"
          + " a pooling head, e.g. with optimum-cli export onnx --task feature-extraction)");
    }
    return Math.toIntExact(tensor.getShape()[2]);
  }

  @Override
  public ExtractorInfo info() {
    return info;
  }

  @Override
  public float[][] extract(List<String> items) {
    if (closed) {
      throw new IllegalStateException(info.name() + " is closed");
    }
    List<TextSegment> segments = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String text = items.get(i);
      if (text == null || text.isBlank()) {
        throw new InvalidInputException("item " + (i + 1) + " of the batch is "
            + (text == null ? "missing" : "blank") + "; every text needs a non-blank value");
      }
      segments.add(TextSegment.from(prefix + text));
    }
    if (segments.isEmpty()) {
      return new float[0][];
    }
    List<Embedding> embeddings = model.embedAll(segments).content();
    float[][] rows = new float[embeddings.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = embeddings.get(i).vector();
    }
    return rows;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    executor.shutdownNow();
    closeQuietly(session);
  }

  private static void closeQuietly(OrtSession session) {
    try {
      session.close();
    } catch (OrtException e) {
      // the session's native memory is released or lost either way; nothing to tell the user
    }
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "logme-" + name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }
}
