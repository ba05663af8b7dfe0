package org.logme.linalg.nativeblas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.lapack.JavaLAPACK;
import org.junit.jupiter.api.Test;
import org.logme.api.linalg.LinearAlgebraBackendProvider;
import org.logme.api.linalg.Matrix;

/**
 * The provider's registration and description. In the {@code pure-java-fallback} Surefire
 * execution the system property {@code logme.native.expect=java} says that no native library
 * can be loaded there.
 */
class NativeBackendProviderTest {
  private static final String EXPECT = System.getProperty("logme.native.expect", "");

  @Test
  void initialisesWithoutPrintingAndKeepsNetlibLogsOffTheConsole() {
    List<LogRecord> reachedRoot = new ArrayList<>();
    Handler spy = new Handler() {
      @Override
      public void publish(LogRecord record) {
        reachedRoot.add(record);
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    Logger root = Logger.getLogger("");
    root.addHandler(spy);
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
    try {
      System.setOut(capture);
      System.setErr(capture);
      String description = new NativeBackendProvider().description();
      new NativeBackendProvider().create().gram(Matrix.identity(3));
      Logger.getLogger("dev.ludovic.netlib.blas.InstanceBuilder").log(Level.WARNING, "probe");
      assertThat(description).isNotBlank();
    } finally {
      System.setOut(out);
      System.setErr(err);
      root.removeHandler(spy);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(reachedRoot).extracting(LogRecord::getLoggerName)
        .noneMatch(name -> name.startsWith("dev.ludovic.netlib"));
  }

  @Test
  void isRegisteredAsNative() {
    assertThat(ServiceLoader.load(LinearAlgebraBackendProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(p -> p instanceof NativeBackendProvider))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.name()).isEqualTo("native");
          assertThat(p.create().name()).isEqualTo("native");
        });
  }

  @Test
  void descriptionNamesTheImplementationInUse() {
    NativeBackend backend = (NativeBackend) new NativeBackendProvider().create();
    String description = new NativeBackendProvider().description();
    if (backend.usesNativeCode()) {
      assertThat(description).contains("via JNI").contains("thread")
          .doesNotContain("pure-Java");
    } else {
      assertThat(description).contains("not in use").contains("pure-Java fallback")
          .contains(NetlibRuntime.BLAS_INSTANCE.getClass().getSimpleName())
          .contains(NetlibRuntime.LAPACK_INSTANCE.getClass().getSimpleName());
    }
  }

  /**
   * Where {@code libopenblas.so.0} is installed it must be used; with
   * {@code -Dlogme.native.require=true} (for CI, which installs it) it must be installed too.
   */
  @Test
  void usesOpenBlasWhereverItIsInstalled() {
    assumeThat(EXPECT).isNotEqualTo("java");
    if (!Boolean.getBoolean("logme.native.require")) {
      assumeThat(System.getProperty("os.name")).startsWith("Linux");
      assumeThat(NetlibRuntime.loadable("libopenblas.so.0")).isPresent();
    }
    assertThat(NetlibRuntime.nativeCode()).isTrue();
    assertThat(new NativeBackendProvider().description()).startsWith("OpenBLAS via JNI (")
        .contains("libopenblas.so.0");
  }

  @Test
  void fallsBackToPureJavaWhenTheLibraryCannotBeLoaded() {
    assumeThat(EXPECT).isEqualTo("java");
    assertThat(NetlibRuntime.nativeCode()).isFalse();
    assertThat(new NativeBackendProvider().description())
        .startsWith("native BLAS/LAPACK not in use (")
        .contains("could not be loaded")
        .contains("pure-Java fallback");
  }

  @Test
  void describesTheFallbackWithItsReasonAndClasses() {
    assertThat(NetlibRuntime.describe(JavaBLAS.getInstance(), JavaLAPACK.getInstance(),
        "libopenblas.so.0 not found; install libopenblas0-pthread", null))
        .startsWith("native BLAS/LAPACK not in use (libopenblas.so.0 not found; install"
            + " libopenblas0-pthread); using netlib's pure-Java fallback (")
        .endsWith(JavaLAPACK.getInstance().getClass().getSimpleName() + ")");
  }
}
