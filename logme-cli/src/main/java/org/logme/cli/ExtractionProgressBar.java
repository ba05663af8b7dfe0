package org.logme.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.logme.eval.extract.ExtractedModel;
import org.logme.eval.extract.ExtractionProgress;

/**
 * A progress bar per model while texts are embedded, on standard error, redrawn in place; a
 * finished model leaves one line (its throughput, or that it came from the cache). Used only
 * when standard error is a terminal.
 */
final class ExtractionProgressBar implements ExtractionProgress {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private long started;
  private int texts;
  private String label = "";

  private ExtractionProgressBar(PrintWriter err) {
    this.err = err;
  }

  /**
   * @param err standard error
   * @param interactive whether it is a terminal
   * @return a bar, or no-op progress
   */
  static ExtractionProgress on(PrintWriter err, boolean interactive) {
    return interactive ? new ExtractionProgressBar(err) : ExtractionProgress.NONE;
  }

  @Override
  public void modelStarted(String model, String task, int index, int count, int texts) {
    this.started = System.nanoTime();
    this.texts = texts;
    this.label = String.format(Locale.ROOT, "[%d/%d] %s%s", index, count, model,
        task.isEmpty() ? "" : " (" + task + ")");
    draw(0);
  }

  @Override
  public void textsDone(String model, int done, int texts) {
    draw(done);
  }

  @Override
  public void modelFinished(ExtractedModel model) {
    err.print("\r" + " ".repeat(WIDTH + label.length() + 40) + "\r");
    err.println(label + ": " + (model.cached() ? "from the cache"
        : String.format(Locale.ROOT, "%d texts in %.1f s (%.0f/s; loaded in %.1f s)", texts,
            model.extractSeconds(), model.textsPerSecond(texts), model.loadSeconds())));
    err.flush();
  }

  private void draw(int done) {
    int filled = texts == 0 ? WIDTH : WIDTH * done / texts;
    double seconds = (System.nanoTime() - started) / 1e9;
    err.printf(Locale.ROOT, "\r%s [%s%s] %d/%d texts  %.0fs", label, "#".repeat(filled),
        " ".repeat(WIDTH - filled), done, texts, seconds);
    err.flush();
  }
}
