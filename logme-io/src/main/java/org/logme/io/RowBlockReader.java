package org.logme.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.logme.numerics.kernel.Kernels;
import org.logme.numerics.stats.RowBlock;

/**
 * Reads a row-major array block by block on a thread of its own, one block ahead of its
 * consumer: while the caller computes on one block, the next is read, widened to double and
 * summed by column ({@link RowBlock#appended}) into the other. Two blocks circulate, so memory
 * is two blocks whatever N.
 *
 * <p>Rows are read and summed a few hundred kilobytes at a time, so that the sums see them
 * while they are still in cache. A failure of the reader (a truncated file, an I/O error) is
 * rethrown by {@link #next()}; {@link #close()} stops the reader if the consumer gives up early.
 * The source is read only by the reader thread until {@link #next()} has returned null.
 */
final class RowBlockReader implements AutoCloseable {
  /** Doubles per read: small enough to stay in the core's cache for the column sums. */
  static final int CHUNK_DOUBLES = 1 << 15;
  private static final Object END = new Object();

  private final BlockingQueue<RowBlock> free = new ArrayBlockingQueue<>(2);
  private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(3);
  private final Thread thread;

  /**
   * Starts reading.
   *
   * @param source the array, positioned at its first element, row-major
   * @param rows N
   * @param cols D
   * @param blockRows the rows per block
   * @param kernels the loops of the column sums
   */
  RowBlockReader(ArraySource source, int rows, int cols, int blockRows, Kernels kernels) {
    int capacity = Math.min(blockRows, rows);
    free.add(new RowBlock(capacity, cols, kernels));
    if (rows > capacity) {
      free.add(new RowBlock(capacity, cols, kernels));
    }
    thread = new Thread(() -> run(source, rows, cols, capacity), "logme-reader");
    thread.setDaemon(true);
    thread.start();
  }

  private void run(ArraySource source, int rows, int cols, int blockRows) {
    try {
      int chunkRows = Math.max(1, CHUNK_DOUBLES / cols);
      for (int first = 0; first < rows; first += blockRows) {
        RowBlock block = free.take();
        int count = Math.min(blockRows, rows - first);
        block.start(first);
        for (int done = 0; done < count; ) {
          int part = Math.min(chunkRows, count - done);
          source.readElements(block.data(), done * cols, part * cols);
          block.appended(part);
          done += part;
        }
        ready.put(block);
      }
      ready.put(END);
    } catch (InterruptedException e) {
      // the consumer closed the reader
    } catch (IOException e) {
      ready.offer(new UncheckedIOException(e));
    } catch (RuntimeException | Error e) {
      ready.offer(e);
    }
  }

  /**
   * @return the next block, or null after the last one
   * @throws IOException if reading failed
   */
  RowBlock next() throws IOException {
    Object item;
    try {
      item = ready.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading", e);
    }
    if (item == END) {
      return null;
    }
    if (item instanceof UncheckedIOException e) {
      throw e.getCause();
    }
    if (item instanceof RuntimeException e) {
      throw e;
    }
    if (item instanceof Error e) {
      throw e;
    }
    return (RowBlock) item;
  }

  /**
   * Hands a block back for later rows.
   *
   * @param block a block {@link #next()} returned, no longer used
   */
  void recycle(RowBlock block) {
    free.add(block);
  }

  /** Stops the reader thread, if it is still running, and waits for it. */
  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
