package org.logme.cli;

import java.io.PrintWriter;
import org.logme.eval.zoo.ZooProgress;

/**
 * A one-line progress bar on standard error, redrawn in place with a carriage return; used only
 * when standard error is a terminal, so logs and pipes stay clean.
 */
final class ProgressBar implements ZooProgress {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final long start = System.nanoTime();

  private ProgressBar(PrintWriter err) {
    this.err = err;
  }

  /**
   * @param err standard error
   * @param interactive whether it is a terminal
   * @return a bar, or no-op progress when not interactive
   */
  static ZooProgress on(PrintWriter err, boolean interactive) {
    return interactive ? new ProgressBar(err) : ZooProgress.NONE;
  }

  @Override
  public void started(int total) {
    draw(0, total, "");
  }

  @Override
  public void modelDone(String model, int done, int total) {
    draw(done, total, model);
    if (done == total) {
      err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
      err.flush();
    }
  }

  private void draw(int done, int total, String model) {
    int filled = total == 0 ? WIDTH : WIDTH * done / total;
    double seconds = (System.nanoTime() - start) / 1e9;
    String name = model.length() > 24 ? model.substring(0, 21) + "..." : model;
    err.printf("\r[%s%s] %d/%d models  %.0fs  %-24s", "#".repeat(filled),
        " ".repeat(WIDTH - filled), done, total, seconds, name);
    err.flush();
  }
}
