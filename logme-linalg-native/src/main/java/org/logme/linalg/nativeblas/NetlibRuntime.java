package org.logme.linalg.nativeblas;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import dev.ludovic.netlib.lapack.NativeLAPACK;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Chooses, once per class loader, the BLAS and LAPACK implementations the {@code native} backend
 * uses, and describes the choice in one line for {@code logme list}.
 *
 * <p>netlib tries the native path as soon as any of its classes is touched: it extracts its JNI
 * glue and lets it {@code dlopen} the system library, and when that fails the glue writes a line
 * to the process's standard error, which no Java setting can catch. So this class decides first,
 * without printing anything:
 *
 * <ol>
 *   <li>If the user set any {@code dev.ludovic.netlib.{blas,lapack}.{allowNative,nativeLib,
 *       nativeLibPath}} property, netlib is left to follow it.
 *   <li>Otherwise, if {@code logme.native.library} is set, it names the library to load: a path,
 *       a file name looked for as below, or {@code none} for the pure-Java fallback.
 *   <li>Otherwise, on Linux, {@code libopenblas.so.0} is looked for on the loader's search path
 *       and loaded with {@link System#load}, which fails silently; if it loads, both netlib
 *       {@code nativeLibPath} properties are pointed at it (OpenBLAS carries LAPACK too).
 *   <li>Otherwise netlib's default system libraries ({@code libblas.so.3}, {@code liblapack.so.3})
 *       are probed the same way and used if both load.
 *   <li>Otherwise both {@code allowNative} properties are set to {@code false}, so netlib goes
 *       straight to its pure-Java implementations.
 * </ol>
 *
 * <p>netlib reports its choice through {@code java.util.logging} at level INFO, which the JDK's
 * default configuration prints to standard error. Unless the logging configuration names a level
 * for {@code dev.ludovic.netlib}, this class detaches that logger from the console: its records
 * go to a private handler, which keeps the reason a native library failed to load for the
 * description.
 */
final class NetlibRuntime {
  /** The netlib logger, held strongly so that its configuration is not garbage-collected. */
  private static final Logger NETLIB_LOG = Logger.getLogger("dev.ludovic.netlib");
  private static final List<String> NETLIB_PROPERTIES = List.of(
      "dev.ludovic.netlib.blas.allowNative", "dev.ludovic.netlib.blas.nativeLib",
      "dev.ludovic.netlib.blas.nativeLibPath", "dev.ludovic.netlib.lapack.allowNative",
      "dev.ludovic.netlib.lapack.nativeLib", "dev.ludovic.netlib.lapack.nativeLibPath");
  /** Names the native library to use (a path or a file name), or {@code none}. */
  static final String LIBRARY_PROPERTY = "logme.native.library";
  private static final String INSTALL_HINT = "install libopenblas0-pthread";

  static final BLAS BLAS_INSTANCE;
  static final LAPACK LAPACK_INSTANCE;
  static final String DESCRIPTION;

  static {
    LoadFailures failures = quietNetlibLogging();
    String library = chooseLibrary();
    BLAS blas = BLAS.getInstance();
    LAPACK lapack = LAPACK.getInstance();
    BLAS_INSTANCE = blas;
    LAPACK_INSTANCE = lapack;
    DESCRIPTION = describe(blas, lapack, library, failures == null ? null : failures.first());
    if (failures != null) {
      NETLIB_LOG.removeHandler(failures);
      NETLIB_LOG.setLevel(Level.OFF);
    }
  }

  private NetlibRuntime() {
  }

  /**
   * @return whether both BLAS and LAPACK calls go to a native library
   */
  static boolean nativeCode() {
    return isNative(BLAS_INSTANCE, LAPACK_INSTANCE);
  }

  static boolean isNative(BLAS blas, LAPACK lapack) {
    return blas instanceof NativeBLAS && lapack instanceof NativeLAPACK;
  }

  /**
   * The one-line description of an implementation pair.
   *
   * @param blas the BLAS in use
   * @param lapack the LAPACK in use
   * @param library what was loaded (a path or a library name), or a reason nothing was
   * @param failure why netlib could not load its native path, if it said so; may be null
   * @return the description
   */
  static String describe(BLAS blas, LAPACK lapack, String library, String failure) {
    String classes = blas.getClass().getSimpleName() + " + " + lapack.getClass().getSimpleName();
    if (isNative(blas, lapack)) {
      return library.toLowerCase(Locale.ROOT).contains("openblas")
          ? "OpenBLAS via JNI (" + library + "; " + threads() + ")"
          : "system BLAS/LAPACK via JNI (" + library + ")";
    }
    String why = failure == null ? library : library + ": " + abbreviated(failure);
    boolean partly = blas instanceof NativeBLAS || lapack instanceof NativeLAPACK;
    return "native BLAS/LAPACK not in use (" + why + "); "
        + (partly ? "only partly native (" : "using netlib's pure-Java fallback (") + classes + ")";
  }

  /**
   * The number of threads OpenBLAS starts, as it decides at load time: the first of
   * {@code OPENBLAS_NUM_THREADS}, {@code GOTO_NUM_THREADS} and {@code OMP_NUM_THREADS} that is a
   * positive number, at most one per available processor.
   */
  static String threads() {
    int n = threadCount();
    String variable = threadVariable();
    return n + (n == 1 ? " thread" : " threads") + (variable != null ? " from " + variable
        : ", set OPENBLAS_NUM_THREADS to change");
  }

  /** @return the number of threads OpenBLAS starts (see {@link #threads()}) */
  static int threadCount() {
    int processors = Runtime.getRuntime().availableProcessors();
    String variable = threadVariable();
    return variable == null ? processors
        : Math.min(processors, Integer.parseInt(System.getenv(variable).strip()));
  }

  /** @return the environment variable that sets OpenBLAS's threads, or null */
  private static String threadVariable() {
    for (String variable : List.of("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS",
        "OMP_NUM_THREADS")) {
      String value = System.getenv(variable);
      if (value != null) {
        try {
          if (Integer.parseInt(value.strip()) > 0) {
            return variable;
          }
        } catch (NumberFormatException e) {
          // OpenBLAS ignores it too
        }
      }
    }
    return null;
  }


  private static String abbreviated(String text) {
    return text.length() <= 160 ? text : text.substring(0, 157) + "...";
  }

  /** Routes netlib's log records away from the console unless the user configured them. */
  private static LoadFailures quietNetlibLogging() {
    if (LogManager.getLogManager().getProperty("dev.ludovic.netlib.level") != null) {
      return null;
    }
    LoadFailures failures = new LoadFailures();
    NETLIB_LOG.setUseParentHandlers(false);
    NETLIB_LOG.setLevel(Level.FINE);
    NETLIB_LOG.addHandler(failures);
    return failures;
  }

  /** Sets netlib's properties for the library found; returns what to call it in the description. */
  private static String chooseLibrary() {
    for (String property : NETLIB_PROPERTIES) {
      String value = System.getProperty(property);
      if (value != null) {
        return property + "=" + value;
      }
    }
    String requested = System.getProperty(LIBRARY_PROPERTY);
    if (requested != null) {
      requested = requested.strip();
      if (requested.equals("none")) {
        return fallback("disabled by " + LIBRARY_PROPERTY + "=none");
      }
      Optional<Path> found = requested.contains("/") ? loadable(Path.of(requested))
          : loadable(requested);
      return found.isPresent() ? useLibrary(found.get())
          : fallback(requested + " (from " + LIBRARY_PROPERTY + ") could not be loaded");
    }
    if (!System.getProperty("os.name", "").startsWith("Linux")) {
      return "netlib's default system libraries";
    }
    Optional<Path> openblas = loadable("libopenblas.so.0");
    if (openblas.isPresent()) {
      return useLibrary(openblas.get());
    }
    Optional<Path> blas = loadable("libblas.so.3");
    Optional<Path> lapack = loadable("liblapack.so.3");
    if (blas.isPresent() && lapack.isPresent()) {
      return describePath(blas.get()) + ", " + describePath(lapack.get());
    }
    return fallback("libopenblas.so.0 not found; " + INSTALL_HINT);
  }

  /** Points both netlib wrappers at one library, which must export BLAS and LAPACK. */
  private static String useLibrary(Path library) {
    System.setProperty("dev.ludovic.netlib.blas.nativeLibPath", library.toString());
    System.setProperty("dev.ludovic.netlib.lapack.nativeLibPath", library.toString());
    return describePath(library);
  }

  /** Keeps netlib off its native path, so that its JNI glue never reports a failed dlopen. */
  private static String fallback(String reason) {
    System.setProperty("dev.ludovic.netlib.blas.allowNative", "false");
    System.setProperty("dev.ludovic.netlib.lapack.allowNative", "false");
    return reason;
  }

  /** @return the path, and the file it resolves to when that has another name */
  private static String describePath(Path path) {
    try {
      Path real = path.toRealPath();
      if (!real.getFileName().equals(path.getFileName())) {
        return path + " -> " + real.getFileName();
      }
    } catch (IOException | SecurityException e) {
      // keep the path as found
    }
    return path.toString();
  }

  /**
   * Finds a shared library on the directories the dynamic loader searches and loads it; both
   * steps fail silently.
   *
   * @param soname the file name, for example {@code libopenblas.so.0}
   * @return the path that loaded, if any
   */
  static Optional<Path> loadable(String soname) {
    for (Path dir : librarySearchPath()) {
      Optional<Path> found = loadable(dir.resolve(soname));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * Loads a shared library from a path, silently.
   *
   * @param candidate the file
   * @return its absolute path if it exists and loads
   */
  static Optional<Path> loadable(Path candidate) {
    try {
      if (!Files.isRegularFile(candidate)) {
        return Optional.empty();
      }
      Path absolute = candidate.toAbsolutePath();
      System.load(absolute.toString());
      return Optional.of(absolute);
    } catch (UnsatisfiedLinkError e) {
      return String.valueOf(e.getMessage()).contains("already loaded in another classloader")
          ? Optional.of(candidate.toAbsolutePath()) : Optional.empty();
    } catch (SecurityException e) {
      return Optional.empty();
    }
  }

  /**
   * The directories the Linux dynamic loader searches, roughly in its order:
   * {@code LD_LIBRARY_PATH}, the directories listed in {@code /etc/ld.so.conf.d}, the JVM's
   * {@code java.library.path}, then the trusted defaults.
   */
  private static List<Path> librarySearchPath() {
    Set<String> dirs = new LinkedHashSet<>();
    String env = System.getenv("LD_LIBRARY_PATH");
    if (env != null) {
      dirs.addAll(List.of(env.split(":")));
    }
    dirs.addAll(ldSoConfDirectories());
    dirs.addAll(List.of(System.getProperty("java.library.path", "").split(":")));
    dirs.addAll(List.of("/lib64", "/usr/lib64", "/lib", "/usr/lib"));
    List<Path> paths = new ArrayList<>();
    for (String dir : dirs) {
      if (!dir.isBlank()) {
        paths.add(Path.of(dir));
      }
    }
    return paths;
  }

  private static List<String> ldSoConfDirectories() {
    List<String> dirs = new ArrayList<>();
    Path conf = Path.of("/etc/ld.so.conf.d");
    if (!Files.isDirectory(conf)) {
      return dirs;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(conf, "*.conf")) {
      List<Path> sorted = new ArrayList<>();
      files.forEach(sorted::add);
      sorted.sort(null);
      for (Path file : sorted) {
        for (String line : Files.readAllLines(file)) {
          String trimmed = line.strip();
          if (trimmed.startsWith("/")) {
            dirs.add(trimmed.split("\\s+")[0]);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // an unreadable configuration only narrows the search
    }
    return dirs;
  }

  /** Keeps the first reason netlib gives for not loading its JNI implementations. */
  private static final class LoadFailures extends Handler {
    private volatile String first;

    @Override
    public void publish(LogRecord record) {
      // netlib also logs why its optional Vector API path is unavailable: only JNI matters here
      if (first == null && record.getThrown() != null
          && String.valueOf(record.getMessage()).contains("JNI")) {
        Throwable cause = record.getThrown();
        while (cause.getCause() != null) {
          cause = cause.getCause();
        }
        first = cause.getClass().getSimpleName() + ": " + cause.getMessage();
      }
    }

    String first() {
      return first;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  }
}
