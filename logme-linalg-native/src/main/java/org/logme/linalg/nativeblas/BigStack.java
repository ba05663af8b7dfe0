package org.logme.linalg.nativeblas;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs native BLAS and LAPACK calls on one thread with a large stack. With several OpenBLAS
 * threads, OpenBLAS's own LAPACK (seen with {@code dgetrf} from n ≈ 100) needs more stack in the
 * calling thread than the 1 MB Java gives its threads, and the JVM dies of a segmentation fault;
 * a {@value #STACK_MB} MB stack removes the limit whatever thread the caller is on. OpenBLAS
 * parallelises each call itself, so running them one at a time costs nothing.
 */
final class BigStack {
  static final int STACK_MB = 256;
  private static final String NAME = "logme-native-blas";
  private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(work -> {
    Thread thread = new Thread(null, work, NAME, (long) STACK_MB << 20);
    thread.setDaemon(true);
    return thread;
  });

  private BigStack() {
  }

  /**
   * @param work a native call
   * @param <T> its result
   * @return its result, computed on the big-stack thread
   */
  static <T> T call(Supplier<T> work) {
    if (Thread.currentThread().getName().equals(NAME)) {
      return work.get();
    }
    Future<T> result = THREAD.submit(work::get);
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a native BLAS call", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  /**
   * @param work a native call without a result
   */
  static void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
