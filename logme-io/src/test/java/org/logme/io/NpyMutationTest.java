package org.logme.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logme.api.InvalidInputException;

/**
 * Seeded mutation testing of the {@code .npy} and {@code .npz} readers: valid files are
 * flipped, overwritten, truncated, extended, cut and spliced thousands of times, and every
 * outcome must be either a correct parse (checked against an independent decoding of the bytes)
 * or an {@link InvalidInputException} naming the file; never another exception, an error such as
 * OutOfMemoryError or StackOverflowError, a hang, or a large allocation. The counts are printed
 * and written to {@code target/mutation-test.txt}.
 *
 * <p>A failure names the mutation's index: {@code mutation(seedOf(index))} reproduces it.
 */
class NpyMutationTest {
  private static final long SEED = 0x10C3E;
  private static final int NPY_MUTATIONS = 6000;
  private static final int NPZ_MUTATIONS = 4000;
  /** Generous: the whole run takes a few seconds; this only catches a hang. */
  private static final Duration NEVER_HANGS = Duration.ofMinutes(3);
  /** No mutated file (all are a few KB) may make a read allocate more than this. */
  private static final long MAX_ALLOCATION_BYTES = 16L << 20;
  private static final byte[] INTERESTING = {0, (byte) 0xff, 0x7f, (byte) 0x80, '(', ')', ',',
      '-', '0', '1', '9', ' ', '\n', '\'', '{', '}', ':', '<', '>', '|', 'L'};

  @TempDir
  Path dir;

  /** A valid file to mutate. */
  record Seed(String name, byte[] bytes, boolean npz, String arrayName, byte[] innerNpy,
      NdArray expected) {
  }

  /** One mutated file and how it was made. */
  record Mutant(String operator, byte[] bytes, byte[] innerNpy) {
  }

  private static final List<Seed> NPY_SEEDS = npySeeds();
  private static final List<Seed> NPZ_SEEDS = npzSeeds();

  private volatile String current = "";
  /** The first message of each error category, for the report. */
  private final Map<String, String> examples = new TreeMap<>();

  @Test
  void mutatedFilesParseCorrectlyOrFailCleanly() throws Exception {
    Map<String, Integer> outcomes = new TreeMap<>();
    Map<String, Integer> operators = new TreeMap<>();
    List<String> unexpected = new ArrayList<>();
    long[] maxAllocation = {0};
    long[] slowest = {0};
    long start = System.nanoTime();
    try {
      assertTimeoutPreemptively(NEVER_HANGS, () -> {
        for (int i = 0; i < NPY_MUTATIONS + NPZ_MUTATIONS; i++) {
          boolean npz = i >= NPY_MUTATIONS;
          Random random = new Random(SEED * 1_000_003L + i);
          List<Seed> seeds = npz ? NPZ_SEEDS : NPY_SEEDS;
          Seed seed = seeds.get(random.nextInt(seeds.size()));
          Mutant mutant = mutate(random, seed);
          current = "mutation " + i + " (" + seed.name() + ", " + mutant.operator() + ")";
          operators.merge((npz ? "npz " : "npy ") + mutant.operator(), 1, Integer::sum);
          long allocated = allocatedBytes();
          long t0 = System.nanoTime();
          String outcome;
          try {
            outcome = run(seed, mutant);
          } catch (Throwable e) {
            outcome = "UNEXPECTED " + e.getClass().getSimpleName();
            if (unexpected.size() < 20) {
              unexpected.add(current + ": " + e);
            }
          }
          slowest[0] = Math.max(slowest[0], System.nanoTime() - t0);
          long used = allocatedBytes() - allocated;
          maxAllocation[0] = Math.max(maxAllocation[0], used);
          if (used > MAX_ALLOCATION_BYTES && unexpected.size() < 20) {
            unexpected.add(current + ": allocated " + used + " bytes");
          }
          outcomes.merge((npz ? "npz: " : "npy: ") + outcome, 1, Integer::sum);
        }
      });
    } catch (AssertionError e) {
      throw new AssertionError("stopped at " + current + ": " + e.getMessage(), e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String report = report(outcomes, operators, seconds, maxAllocation[0], slowest[0] / 1e6);
    System.out.print(report);
    Path target = Path.of("target");
    if (Files.isDirectory(target)) {
      Files.writeString(target.resolve("mutation-test.txt"), report);
    }
    assertThat(unexpected).as(report).isEmpty();
    assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(NPY_MUTATIONS + NPZ_MUTATIONS).isGreaterThanOrEqualTo(5000);
  }

  /** Reads the mutant as the CLI would and checks the outcome; returns its category. */
  private String run(Seed seed, Mutant mutant) throws IOException {
    Path file = dir.resolve(seed.npz() ? "m.npz" : "m.npy");
    // a fresh file each time: overwriting one in place makes ext4 flush it to disk on close
    Files.deleteIfExists(file);
    Files.write(file, mutant.bytes());
    String spec = seed.arrayName() == null ? file.toString() : file + ":" + seed.arrayName();
    NdArray parsed;
    try {
      parsed = ArrayFiles.load(spec);
    } catch (InvalidInputException e) {
      if (!e.getMessage().startsWith(file.toString())) {
        throw new AssertionError("the message does not name the file: " + e.getMessage());
      }
      String category = (seed.npz() ? "npz: " : "npy: ") + category(e.getMessage());
      examples.putIfAbsent(category, e.getMessage().replace(dir.toString(), "<dir>"));
      return "clean error: " + category(e.getMessage());
    }
    if (!seed.npz()) {
      checkAgainstBytes(parsed, mutant.bytes());
    } else if (mutant.innerNpy() != null) {
      checkAgainstBytes(parsed, mutant.innerNpy());
    } else if (!sameValues(parsed, seed.expected())) {
      // the entry passed its CRC-32, so it must hold exactly the bytes that were zipped
      throw new AssertionError("a damaged archive parsed to different values: "
          + Arrays.toString(parsed.data()));
    }
    return sameValues(parsed, seed.expected()) ? "parsed, unchanged"
        : "parsed, changed (decoded independently, identical)";
  }

  private static boolean sameValues(NdArray a, NdArray b) {
    return Arrays.equals(a.shape(), b.shape()) && Arrays.equals(a.data(), b.data());
  }

  /**
   * Checks a parse against the bytes: the data occupies exactly the end of the file, and every
   * value equals an independent decoding of it (ByteBuffer, not the reader's code).
   */
  private static void checkAgainstBytes(NdArray parsed, byte[] npy) throws IOException {
    NpyHeader header = NpyStream.readHeader(new ByteArrayInputStream(npy), npy.length, "check");
    int size = header.dtype().size();
    long count = header.elementCount();
    assertThat(parsed.data().length).isEqualTo(count);
    assertThat(npy.length).isEqualTo(header.headerBytes() + count * size);
    long product = 1;
    for (int d : parsed.shape()) {
      product *= d;
    }
    assertThat(product).isEqualTo(count);
    ByteBuffer b = ByteBuffer.wrap(npy).order(header.dtype().order());
    int rows = parsed.rows();
    int cols = parsed.shape().length == 2 ? parsed.shape()[1] : 1;
    for (int k = 0; k < count; k++) {
      double v = decode(b, (int) header.headerBytes() + k * size, header.dtype().descr());
      int at = header.fortranOrder() && parsed.shape().length == 2
          ? (k % rows) * cols + k / rows : k;
      double got = parsed.data()[at];
      boolean same = Double.compare(v, got) == 0
          || header.dtype().descr().endsWith("u8") && Math.abs(v - got) <= Math.ulp(v);
      if (!same) {
        throw new AssertionError("element " + k + " decodes to " + v + " but was read as " + got
            + " (" + header.dtype().descr() + ")");
      }
    }
  }

  private static double decode(ByteBuffer b, int at, String descr) {
    char kind = descr.charAt(1);
    int size = Integer.parseInt(descr.substring(2));
    return switch (kind) {
      case 'f' -> size == 8 ? b.getDouble(at) : size == 4 ? b.getFloat(at) : half(b.getShort(at));
      case 'i' -> size == 1 ? b.get(at) : size == 2 ? b.getShort(at) : size == 4 ? b.getInt(at)
          : b.getLong(at);
      case 'u' -> size == 1 ? b.get(at) & 0xff : size == 2 ? b.getShort(at) & 0xffff
          : size == 4 ? b.getInt(at) & 0xffffffffL
          : new java.math.BigDecimal(Long.toUnsignedString(b.getLong(at))).doubleValue();
      case 'b' -> b.get(at) != 0 ? 1 : 0;
      default -> throw new AssertionError("parsed an unsupported dtype " + descr);
    };
  }

  /** binary16 to double via float arithmetic (independent of the reader's decoder). */
  private static double half(short bits) {
    int sign = bits < 0 ? -1 : 1;
    int exponent = (bits >> 10) & 0x1f;
    int mantissa = bits & 0x3ff;
    if (exponent == 31) {
      return mantissa == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
    }
    float magnitude = exponent == 0 ? mantissa / 1024f / 16384f
        : (1 + mantissa / 1024f) * (float) Math.pow(2, exponent - 15);
    return sign * magnitude;
  }

  private static Mutant mutate(Random r, Seed seed) throws IOException {
    if (seed.npz() && r.nextInt(4) == 0) {
      // a valid archive holding a mutated array: the zip layer is intact, the .npy is not
      Mutant inner = mutateBytes(r, seed.innerNpy(), NPY_SEEDS);
      String name = seed.arrayName() == null ? "only" : seed.arrayName();
      byte[] zip = NpyBytes.npzBytes(r.nextBoolean(), name, inner.bytes());
      return new Mutant("rezipped " + inner.operator(), zip, inner.bytes());
    }
    return mutateBytes(r, seed.bytes(), seed.npz() ? NPZ_SEEDS : NPY_SEEDS);
  }

  private static Mutant mutateBytes(Random r, byte[] original, List<Seed> others) {
    byte[] b = original.clone();
    int n = b.length;
    // half of the point mutations hit the header, where the structure is
    int reach = r.nextBoolean() ? Math.min(n, 128) : n;
    switch (r.nextInt(9)) {
      case 0 -> {
        int flips = 1 + r.nextInt(4);
        for (int k = 0; k < flips; k++) {
          b[r.nextInt(reach)] ^= (byte) (1 << r.nextInt(8));
        }
        return new Mutant("flip bits", b, null);
      }
      case 1 -> {
        int sets = 1 + r.nextInt(3);
        for (int k = 0; k < sets; k++) {
          b[r.nextInt(reach)] = INTERESTING[r.nextInt(INTERESTING.length)];
        }
        return new Mutant("set bytes", b, null);
      }
      case 2 -> {
        return new Mutant("truncate", Arrays.copyOf(b, r.nextInt(n)), null);
      }
      case 3 -> {
        byte[] longer = Arrays.copyOf(b, n + 1 + r.nextInt(r.nextBoolean() ? 16 : 4096));
        if (r.nextBoolean()) {
          for (int k = n; k < longer.length; k++) {
            longer[k] = (byte) r.nextInt(256);
          }
        }
        return new Mutant("extend", longer, null);
      }
      case 4 -> {
        int at = r.nextInt(n + 1);
        byte[] inserted = new byte[1 + r.nextInt(8)];
        r.nextBytes(inserted);
        return new Mutant("insert", concat(Arrays.copyOf(b, at), inserted,
            Arrays.copyOfRange(b, at, n)), null);
      }
      case 5 -> {
        int from = r.nextInt(n);
        int to = Math.min(n, from + 1 + r.nextInt(16));
        return new Mutant("delete", concat(Arrays.copyOf(b, from), Arrays.copyOfRange(b, to, n)),
            null);
      }
      case 6 -> {
        int from = r.nextInt(n);
        int length = Math.min(n - from, 1 + r.nextInt(64));
        int to = r.nextInt(n);
        System.arraycopy(b, from, b, to, Math.min(length, n - to));
        return new Mutant("copy a range", b, null);
      }
      case 7 -> {
        // splice: the head of another valid file on the tail of this one
        byte[] other = others.get(r.nextInt(others.size())).bytes();
        int cutOther = r.nextInt(other.length + 1);
        int cutThis = r.nextInt(n + 1);
        return new Mutant("splice", concat(Arrays.copyOf(other, cutOther),
            Arrays.copyOfRange(b, cutThis, n)), null);
      }
      default -> {
        // rewrite a number of the header (shape, header length digits)
        String text = new String(b, StandardCharsets.ISO_8859_1);
        List<Integer> digits = new ArrayList<>();
        for (int k = 0; k < Math.min(n, 256); k++) {
          if (Character.isDigit(text.charAt(k))) {
            digits.add(k);
          }
        }
        if (digits.isEmpty()) {
          b[r.nextInt(n)] = '9';
          return new Mutant("edit a number", b, null);
        }
        int at = digits.get(r.nextInt(digits.size()));
        String replacement = switch (r.nextInt(4)) {
          case 0 -> String.valueOf(r.nextInt(10));
          case 1 -> "-" + r.nextInt(10);
          case 2 -> Long.toString(r.nextLong() >>> r.nextInt(64));
          default -> "99999999999999999999";
        };
        byte[] rep = replacement.getBytes(StandardCharsets.ISO_8859_1);
        return new Mutant("edit a number", concat(Arrays.copyOf(b, at), rep,
            Arrays.copyOfRange(b, at + 1, n)), null);
      }
    }
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] p : parts) {
      length += p.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  /** The first words of a message after the file name: what went wrong, without values. */
  private static String category(String message) {
    String[][] known = {
        {"not a NumPy .npy file", "not an .npy file"},
        {"the file is empty", "empty file"},
        {"truncated", "truncated"},
        {"unexpected bytes follow", "trailing bytes"},
        {"format version", "unsupported .npy version"},
        {"the header claims to be", "header length past the end"},
        {"the file ends inside", "file ends inside the preamble"},
        {"malformed .npy header", "malformed header"},
        {"lacks 'descr'", "header lacks a key"},
        {"structured dtype", "structured dtype"},
        {"unsupported dtype", "unsupported dtype"},
        {"Python objects", "object dtype"},
        {"negative dimension", "negative dimension"},
        {"overflows", "shape size overflows"},
        {"too large to index", "dimension too large"},
        {"logme reads 1-D arrays", "not 1-D or 2-D"},
        {"more than one in-memory array", "too many elements"},
        {"not an .npz archive", "not a zip archive"},
        {"not a readable .npz archive", "unreadable zip archive"},
        {"no array named", "no such array in the archive"},
        {"arrays (", "several arrays, none named"},
        {"CRC-32", "CRC-32 mismatch"},
        {"inflates to more than", "entry inflates beyond its declared size"},
        {"the archive entry is corrupt", "corrupt compressed data"},
        {"may expand at most", "zip bomb"},
        {"cannot read", "cannot read"},
    };
    for (String[] k : known) {
      if (message.contains(k[0])) {
        return k[1];
      }
    }
    return "other";
  }

  private String report(Map<String, Integer> outcomes, Map<String, Integer> operators,
      double seconds, long maxAllocation, double slowestMillis) {
    StringBuilder s = new StringBuilder();
    int total = outcomes.values().stream().mapToInt(Integer::intValue).sum();
    s.append(String.format(Locale.ROOT, "NpyMutationTest: %d mutations (%d .npy, %d .npz),"
        + " seed %d, %.1f s, slowest %.1f ms, largest allocation %.1f MiB%n", total,
        NPY_MUTATIONS, NPZ_MUTATIONS, SEED, seconds, slowestMillis, maxAllocation / 0x1p20));
    s.append("outcomes:\n");
    outcomes.forEach((k, v) -> s.append(String.format(Locale.ROOT, "  %6d  %s%n", v, k)));
    s.append("first message of each kind of error:\n");
    examples.forEach((k, v) -> s.append("  ").append(k).append(": ").append(v).append('\n'));
    s.append("mutation operators:\n");
    operators.forEach((k, v) -> s.append(String.format(Locale.ROOT, "  %6d  %s%n", v, k)));
    return s.toString();
  }

  private static long allocatedBytes() {
    var threads = ManagementFactory.getThreadMXBean();
    if (threads instanceof com.sun.management.ThreadMXBean sun
        && sun.isThreadAllocatedMemorySupported()) {
      return sun.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
    return 0;
  }

  private static List<Seed> npySeeds() {
    double[] six = {0, 1.5, -2, 3, 4e10, -5e-3};
    return List.of(
        npySeed("f8 3x2 v1", NpyBytes.array().matrix(3, 2, six)),
        npySeed("f4 4x3 v2", NpyBytes.array().version(2).dtype("<f4").matrix(4, 3,
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)),
        npySeed(">f4 Fortran 2x3", NpyBytes.array().fortran().dtype(">f4").matrix(2, 3, six)),
        npySeed("i8 labels", NpyBytes.array().dtype("<i8").vector(0, 1, 2, 1, 0)),
        npySeed("u1 v3", NpyBytes.array().version(3).dtype("|u1").vector(0, 255, 7, 9)),
        npySeed("b1 2x2", NpyBytes.array().dtype("|b1").matrix(2, 2, 1, 0, 0, 1)),
        npySeed("f2 vector", NpyBytes.array().dtype("<f2").vector(1, -2, 0.5, 65504)),
        npySeed("f8 0x4", NpyBytes.array().shapeText("(0, 4)")),
        npySeed(">i2 3x1", NpyBytes.array().dtype(">i2").matrix(3, 1, -7, 0, 300)),
        npySeed("u8 vector", NpyBytes.array().dtype("<u8").vector(1, 2, 3)));
  }

  private static Seed npySeed(String name, NpyBytes builder) {
    byte[] bytes = builder.bytes();
    try {
      NdArray expected = NpyReader.read(new ByteArrayInputStream(bytes), bytes.length, name);
      return new Seed(name, bytes, false, null, bytes, expected);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<Seed> npzSeeds() {
    try {
      byte[] features = NpyBytes.array().dtype("<f4").matrix(4, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9,
          10, 11, 12).bytes();
      byte[] labels = NpyBytes.array().dtype("<i8").vector(0, 1, 0, 1).bytes();
      byte[] x = NpyBytes.array().matrix(3, 2, 0, 1.5, -2, 3, 4e10, -5e-3).bytes();
      return List.of(
          npzSeed("deflated features+labels, features", NpyBytes.npzBytes(true,
              "features", features, "labels", labels), "features", features),
          npzSeed("stored x", NpyBytes.npzBytes(false, "x", x), "x", x),
          npzSeed("deflated single, no name", NpyBytes.npzBytes(true, "only", labels), null,
              labels),
          npzSeed("stored features+labels, labels", NpyBytes.npzBytes(false,
              "features", features, "labels", labels), "labels", labels));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Seed npzSeed(String name, byte[] zip, String arrayName, byte[] inner)
      throws IOException {
    NdArray expected = NpyReader.read(new ByteArrayInputStream(inner), inner.length, name);
    return new Seed(name, zip, true, arrayName, inner, expected);
  }
}
