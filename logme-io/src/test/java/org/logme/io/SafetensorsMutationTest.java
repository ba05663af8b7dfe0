package org.logme.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logme.api.InvalidInputException;

/**
 * Seeded mutation testing of the safetensors reader, as {@link NpyMutationTest} does for
 * {@code .npy}: valid files are flipped, overwritten, truncated, extended and have the numbers
 * and names of their JSON header rewritten thousands of times; every outcome must be a correct
 * parse (checked against an independent decoding: Jackson's tree model and ByteBuffer) or an
 * {@link InvalidInputException} naming the file; never another exception, a hang, or a large
 * allocation. The counts go to {@code target/safetensors-mutation-test.txt}.
 */
class SafetensorsMutationTest {
  private static final long SEED = 0x5AFE;
  private static final int MUTATIONS = 4000;
  private static final long MAX_ALLOCATION_BYTES = 16L << 20;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[][] SEEDS = seeds();

  @TempDir
  Path dir;

  /** Small valid files: one tensor of each dtype, several tensors, metadata. */
  private static byte[][] seeds() {
    List<byte[]> out = new ArrayList<>();
    out.add(build(Map.of("x", new Object[] {"F32", new long[] {3, 2}})));
    out.add(build(Map.of("x", new Object[] {"F64", new long[] {4}}, "y",
        new Object[] {"I64", new long[] {4}})));
    out.add(build(Map.of("x", new Object[] {"BF16", new long[] {2, 3}}, "z",
        new Object[] {"F16", new long[] {5}})));
    out.add(build(Map.of("x", new Object[] {"I32", new long[] {2, 2}}, "__metadata__",
        new Object[] {"format", null})));
    return out.toArray(new byte[0][]);
  }

  private static byte[] build(Map<String, Object[]> tensors) {
    StringBuilder header = new StringBuilder("{");
    ByteBuffer data = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
    Random r = new Random(tensors.size());
    for (var e : new TreeMap<>(tensors).entrySet()) {
      if (header.length() > 1) {
        header.append(',');
      }
      if (e.getKey().equals("__metadata__")) {
        header.append("\"__metadata__\":{\"format\":\"pt\"}");
        continue;
      }
      String dtype = (String) e.getValue()[0];
      long[] shape = (long[]) e.getValue()[1];
      long count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
      int begin = data.position();
      for (int i = 0; i < count * SafetensorsReader.elementSize(dtype); i++) {
        data.put((byte) r.nextInt(120));
      }
      header.append('"').append(e.getKey()).append("\":{\"dtype\":\"").append(dtype)
          .append("\",\"shape\":").append(Arrays.toString(shape).replace(" ", ""))
          .append(",\"data_offsets\":[").append(begin).append(',').append(data.position())
          .append("]}");
    }
    byte[] h = header.append('}').toString().getBytes(StandardCharsets.UTF_8);
    ByteBuffer out = ByteBuffer.allocate(8 + h.length + data.position())
        .order(ByteOrder.LITTLE_ENDIAN);
    out.putLong(h.length).put(h).put(data.array(), 0, data.position());
    return out.array();
  }

  @Test
  void mutatedFilesParseCorrectlyOrFailCleanly() throws Exception {
    Map<String, Integer> outcomes = new TreeMap<>();
    List<String> unexpected = new ArrayList<>();
    long[] maxAllocation = {0};
    assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
      for (int i = 0; i < MUTATIONS; i++) {
        Random random = new Random(SEED * 1_000_003L + i);
        byte[] bytes = mutate(random, SEEDS[random.nextInt(SEEDS.length)]);
        Path file = dir.resolve("m" + (i % 2) + ".safetensors");
        Files.deleteIfExists(file);
        Files.write(file, bytes);
        long before = allocatedBytes();
        String outcome;
        try {
          outcome = run(file, bytes);
        } catch (Throwable e) {
          outcome = "UNEXPECTED " + e.getClass().getSimpleName();
          if (unexpected.size() < 20) {
            unexpected.add("mutation " + i + ": " + e);
          }
        }
        long used = allocatedBytes() - before;
        maxAllocation[0] = Math.max(maxAllocation[0], used);
        if (used > MAX_ALLOCATION_BYTES && unexpected.size() < 20) {
          unexpected.add("mutation " + i + ": allocated " + used + " bytes");
        }
        outcomes.merge(outcome, 1, Integer::sum);
      }
    });
    StringBuilder report = new StringBuilder("safetensors mutation test: " + MUTATIONS
        + " mutants, largest allocation " + maxAllocation[0] / 1024 + " KiB\n");
    outcomes.forEach((k, v) -> report.append("  ").append(v).append(" ").append(k).append('\n'));
    System.out.print(report);
    if (Files.isDirectory(Path.of("target"))) {
      Files.writeString(Path.of("target", "safetensors-mutation-test.txt"), report);
    }
    assertThat(unexpected).as(report.toString()).isEmpty();
    assertThat(outcomes.keySet()).anyMatch(k -> k.startsWith("parsed"))
        .anyMatch(k -> k.startsWith("clean error"));
  }

  /** Reads tensor x as the CLI would and checks the outcome. */
  private static String run(Path file, byte[] bytes) throws IOException {
    NdArray parsed;
    try {
      parsed = ArrayFiles.load(file + ":x");
    } catch (InvalidInputException e) {
      if (!e.getMessage().startsWith(file.toString())) {
        throw new AssertionError("the message does not name the file: " + e.getMessage());
      }
      return "clean error";
    }
    // an independent decoding: Jackson's tree model for the header, ByteBuffer for the data
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long length = b.getLong(0);
    JsonNode header = JSON.readTree(new String(bytes, 8, (int) length, StandardCharsets.UTF_8));
    JsonNode x = header.get("x");
    String dtype = x.get("dtype").asText();
    long begin = x.get("data_offsets").get(0).asLong();
    long count = 1;
    for (JsonNode d : x.get("shape")) {
      count *= d.asLong();
    }
    assertThat(parsed.data().length).isEqualTo(count);
    int size = SafetensorsReader.elementSize(dtype);
    for (int k = 0; k < count; k++) {
      int at = (int) (8 + length + begin + (long) k * size);
      double expected = switch (dtype) {
        case "F32" -> b.getFloat(at);
        case "F64" -> b.getDouble(at);
        case "I64" -> b.getLong(at);
        case "I32" -> b.getInt(at);
        case "I16" -> b.getShort(at);
        case "I8" -> b.get(at);
        case "U8" -> b.get(at) & 0xff;
        case "BOOL" -> b.get(at) != 0 ? 1 : 0;
        case "BF16" -> Float.intBitsToFloat((b.getShort(at) & 0xffff) << 16);
        case "F16" -> half(b.getShort(at));
        default -> throw new AssertionError("parsed an unsupported dtype " + dtype);
      };
      if (Double.compare(expected, parsed.data()[k]) != 0) {
        throw new AssertionError("element " + k + " of " + dtype + " decodes to " + expected
            + " but was read as " + parsed.data()[k]);
      }
    }
    return "parsed";
  }

  private static byte[] mutate(Random r, byte[] original) {
    byte[] b = original.clone();
    int n = b.length;
    int headerEnd = (int) Math.min(n, 8 + ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN)
        .getLong(0));
    int reach = r.nextBoolean() ? headerEnd : n;
    switch (r.nextInt(6)) {
      case 0 -> {
        for (int k = 0; k < 1 + r.nextInt(4); k++) {
          b[r.nextInt(reach)] ^= (byte) (1 << r.nextInt(8));
        }
        return b;
      }
      case 1 -> {
        return Arrays.copyOf(b, r.nextInt(n));
      }
      case 2 -> {
        return Arrays.copyOf(b, n + 1 + r.nextInt(64));
      }
      case 3 -> {
        byte[] chars = "{}[]\":,0123456789-eE.x ".getBytes(StandardCharsets.US_ASCII);
        for (int k = 0; k < 1 + r.nextInt(3); k++) {
          b[8 + r.nextInt(Math.max(1, headerEnd - 8))] = chars[r.nextInt(chars.length)];
        }
        return b;
      }
      case 4 -> {
        // rewrite one number of the header (a shape, an offset)
        String text = new String(b, StandardCharsets.ISO_8859_1);
        List<Integer> digits = new ArrayList<>();
        for (int k = 8; k < headerEnd; k++) {
          if (Character.isDigit(text.charAt(k))) {
            digits.add(k);
          }
        }
        if (!digits.isEmpty()) {
          b[digits.get(r.nextInt(digits.size()))] = (byte) ('0' + r.nextInt(10));
        }
        return b;
      }
      default -> {
        // a different header length
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(0, switch (r.nextInt(4)) {
          case 0 -> -1L;
          case 1 -> r.nextInt(n + 16);
          case 2 -> 1L << r.nextInt(63);
          default -> headerEnd - 8 + r.nextInt(5) - 2;
        });
        return b;
      }
    }
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

  private static long allocatedBytes() {
    var threads = ManagementFactory.getThreadMXBean();
    if (threads instanceof com.sun.management.ThreadMXBean sun
        && sun.isThreadAllocatedMemorySupported()) {
      return sun.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
    return 0;
  }
}
