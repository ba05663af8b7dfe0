package org.logme.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.logme.api.InvalidInputException;

/**
 * Reads one tensor of a safetensors file (the format of Hugging Face's {@code safetensors}
 * library): an unsigned 64-bit little-endian header length L, L bytes of UTF-8 JSON mapping each
 * tensor name to {@code {"dtype", "shape", "data_offsets": [begin, end]}} (plus an optional
 * {@code "__metadata__"} object of strings), then the raw little-endian data, offsets counted
 * from its start.
 *
 * <p>The file is treated as hostile, as the format's own loader treats it: the header length must
 * be at most {@value #MAX_HEADER_BYTES} bytes and fit in the file; the JSON is parsed with bounded
 * nesting and string lengths; every tensor's byte range must equal its shape times its element
 * size, and the ranges must tile the data exactly (sorted, no gap, no overlap, none past the end).
 * Only then is the chosen tensor streamed, so nothing is allocated in proportion to a claimed
 * size. Element types: F16, BF16, F32, F64, I32, I64 (and the narrower integers and BOOL for
 * labels); tensors must be 1-D or 2-D.
 *
 * @since 0.1
 */
public final class SafetensorsReader {
  /** The longest header accepted: the format's own limit (100 MB). */
  static final long MAX_HEADER_BYTES = 100_000_000L;

  private SafetensorsReader() {
  }

  /** One tensor's entry in the header. */
  record Entry(String name, String dtype, long[] shape, long begin, long end) {
  }

  /**
   * @param file the safetensors file
   * @param name the tensor's name, or null to take the only tensor of a one-tensor file
   * @return the tensor, open for sequential reading (closes the file when closed)
   * @throws InvalidInputException if the file is missing, malformed, or lacks the tensor (the
   *     message lists the tensors present)
   */
  public static ArraySource open(Path file, String name) {
    NpyStream.requireRegularFile(file, "a .safetensors file");
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
      long size = channel.size();
      String origin = file.toString();
      Header header = readHeader(Channels.newInputStream(channel), size, origin);
      Entry entry = choose(header.entries(), name, file);
      String tensorOrigin = file + ":" + entry.name();
      NpyDtype dtype = dtype(entry.dtype(), tensorOrigin);
      long[] shape = entry.shape();
      if (shape.length == 0 || shape.length > 2) {
        throw new InvalidInputException(tensorOrigin + ": the tensor has shape "
            + java.util.Arrays.toString(shape) + "; logme reads 1-D tensors (labels) and 2-D"
            + " tensors [N, D] (features), so reshape it before saving, e.g."
            + " x.reshape(len(x), -1)");
      }
      for (long d : shape) {
        if (d > Integer.MAX_VALUE) {
          throw new InvalidInputException(tensorOrigin + ": dimension " + d + " of shape "
              + java.util.Arrays.toString(shape) + " is too large to index");
        }
      }
      channel.position(8 + header.length() + entry.begin());
      InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
      return NpyStream.ofRawData(in, new NpyHeader(dtype, false, shape, 0), tensorOrigin,
          channel);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new InvalidInputException(file + ": cannot read the file (" + NpyStream.reason(e)
          + ")", e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  /**
   * @param file the safetensors file
   * @return the names of its tensors, in the order of their data
   * @throws InvalidInputException if the file is missing or malformed
   */
  public static List<String> names(Path file) {
    NpyStream.requireRegularFile(file, "a .safetensors file");
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return readHeader(Channels.newInputStream(channel), channel.size(), file.toString())
          .entries().stream().map(Entry::name).toList();
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read the file (" + NpyStream.reason(e)
          + ")", e);
    }
  }

  /** The parsed header: its length and the tensors in data order. */
  record Header(long length, List<Entry> entries) {
  }

  /**
   * Reads and checks the header.
   *
   * @param in the file, at its first byte
   * @param size the file's size
   * @param origin the file, for messages
   * @return the header
   * @throws IOException if the file cannot be read
   */
  static Header readHeader(InputStream in, long size, String origin) throws IOException {
    byte[] prefix = in.readNBytes(8);
    if (prefix.length < 8) {
      throw new InvalidInputException(origin + ": " + (prefix.length == 0 ? "the file is empty"
          : "truncated: the file ends after " + prefix.length + " bytes") + ", not a safetensors"
          + " file (it starts with an 8-byte header length); re-save or re-copy it");
    }
    long length = java.nio.ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN).getLong();
    if (length < 2 || length > MAX_HEADER_BYTES || length > size - 8) {
      String why = length < 0 || length > MAX_HEADER_BYTES
          ? "more than the " + MAX_HEADER_BYTES + " bytes the format allows"
          : length < 2 ? "too short to hold a JSON object"
          : "past the end of the " + size + "-byte file";
      throw new InvalidInputException(origin + ": the header length is "
          + Long.toUnsignedString(length) + " bytes, " + why + "; the file is truncated, corrupt"
          + " or not a safetensors file");
    }
    byte[] json = in.readNBytes((int) length);
    if (json.length < length) {
      throw new InvalidInputException(origin + ": truncated inside the header");
    }
    List<Entry> entries = parse(json, origin);
    long dataBytes = size - 8 - length;
    checkLayout(entries, dataBytes, origin);
    return new Header(length, entries);
  }

  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8)
          .maxStringLength(1 << 20).maxNumberLength(40).build())
      .build();

  private static List<Entry> parse(byte[] json, String origin) throws IOException {
    Map<String, Entry> entries = new LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(json)) {
      expect(p.nextToken() == JsonToken.START_OBJECT, origin, "the header is not a JSON object");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("__metadata__")) {
          expect(value == JsonToken.START_OBJECT, origin, "__metadata__ is not an object");
          p.skipChildren();
          continue;
        }
        expect(value == JsonToken.START_OBJECT, origin, "the entry of tensor '" + name
            + "' is not an object");
        expect(!entries.containsKey(name), origin, "tensor '" + name + "' is listed twice");
        entries.put(name, entry(p, name, origin));
      }
      expect(p.currentToken() == JsonToken.END_OBJECT, origin, "the header is malformed");
      expect(p.nextToken() == null, origin, "text follows the header's JSON object");
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new InvalidInputException(origin + ": the header is not valid JSON ("
          + e.getOriginalMessage() + "); the file is corrupt or not a safetensors file", e);
    }
    return new ArrayList<>(entries.values());
  }

  private static Entry entry(JsonParser p, String name, String origin) throws IOException {
    String dtype = null;
    long[] shape = null;
    long[] offsets = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "dtype" -> {
          expect(value == JsonToken.VALUE_STRING, origin, "tensor '" + name + "': dtype is not a"
              + " string");
          dtype = p.getText();
        }
        case "shape" -> shape = longs(p, value, origin, name, "shape");
        case "data_offsets" -> offsets = longs(p, value, origin, name, "data_offsets");
        default -> p.skipChildren();
      }
    }
    expect(dtype != null && shape != null && offsets != null, origin, "tensor '" + name
        + "' lacks dtype, shape or data_offsets");
    expect(offsets.length == 2 && offsets[0] <= offsets[1], origin, "tensor '" + name
        + "': data_offsets must be [begin, end] with begin <= end");
    return new Entry(name, dtype, shape, offsets[0], offsets[1]);
  }

  private static long[] longs(JsonParser p, JsonToken value, String origin, String name,
      String field) throws IOException {
    expect(value == JsonToken.START_ARRAY, origin, "tensor '" + name + "': " + field
        + " is not an array");
    List<Long> values = new ArrayList<>();
    while (p.nextToken() == JsonToken.VALUE_NUMBER_INT) {
      expect(p.getNumberType() == JsonParser.NumberType.INT
          || p.getNumberType() == JsonParser.NumberType.LONG, origin, "tensor '" + name + "': "
          + field + " holds a number too large");
      long v = p.getLongValue();
      expect(v >= 0, origin, "tensor '" + name + "': " + field + " holds a negative number");
      expect(values.size() < 8, origin, "tensor '" + name + "': " + field + " is too long");
      values.add(v);
    }
    expect(p.currentToken() == JsonToken.END_ARRAY, origin, "tensor '" + name + "': " + field
        + " holds something other than non-negative integers");
    return values.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * Checks that every tensor's byte range matches its shape and that the ranges tile the data.
   */
  private static void checkLayout(List<Entry> entries, long dataBytes, String origin) {
    for (Entry e : entries) {
      int size = elementSize(e.dtype());
      if (size < 0) {
        continue; // an unsupported dtype is reported only if that tensor is chosen
      }
      long bytes = size;
      for (long d : e.shape()) {
        expect(d == 0 || bytes <= Long.MAX_VALUE / d, origin, "tensor '" + e.name()
            + "': shape " + java.util.Arrays.toString(e.shape()) + " overflows");
        bytes *= d;
      }
      expect(e.end() - e.begin() == bytes, origin, "tensor '" + e.name() + "': shape "
          + java.util.Arrays.toString(e.shape()) + " of " + e.dtype() + " needs " + bytes
          + " bytes but data_offsets give " + (e.end() - e.begin()));
    }
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
    long at = 0;
    for (Entry e : sorted) {
      expect(e.begin() == at, origin, e.begin() > at
          ? "the data has a gap before tensor '" + e.name() + "' (bytes " + at + " to "
          + e.begin() + " belong to no tensor)"
          : "tensor '" + e.name() + "' overlaps another tensor's data");
      at = e.end();
    }
    expect(at == dataBytes, origin, at > dataBytes
        ? "truncated: the tensors need " + at + " bytes of data but the file holds " + dataBytes
        : (dataBytes - at) + " bytes after the last tensor belong to no tensor");
  }

  private static void expect(boolean condition, String origin, String problem) {
    if (!condition) {
      throw new InvalidInputException(origin + ": " + problem + "; the file is corrupt or not a"
          + " safetensors file");
    }
  }

  private static Entry choose(List<Entry> entries, String name, Path file) {
    List<String> names = entries.stream().map(Entry::name).toList();
    if (name == null) {
      if (entries.size() != 1) {
        throw new InvalidInputException(file + ": the file holds " + entries.size()
            + " tensors (" + String.join(", ", names) + "); choose one as " + file + ":NAME");
      }
      return entries.get(0);
    }
    return entries.stream().filter(e -> e.name().equals(name)).findFirst()
        .orElseThrow(() -> new InvalidInputException(file + ": no tensor named '" + name
            + "'; the file holds: " + (names.isEmpty() ? "nothing" : String.join(", ", names))));
  }

  /** @return bytes per element of a safetensors dtype, or -1 if logme does not read it */
  static int elementSize(String dtype) {
    return switch (dtype) {
      case "F64", "I64" -> 8;
      case "F32", "I32" -> 4;
      case "F16", "BF16", "I16" -> 2;
      case "I8", "U8", "BOOL" -> 1;
      default -> -1;
    };
  }

  private static NpyDtype dtype(String dtype, String origin) {
    return switch (dtype) {
      case "F64" -> new NpyDtype('f', 8, ByteOrder.LITTLE_ENDIAN, "<f8");
      case "F32" -> new NpyDtype('f', 4, ByteOrder.LITTLE_ENDIAN, "<f4");
      case "F16" -> new NpyDtype('f', 2, ByteOrder.LITTLE_ENDIAN, "<f2");
      case "BF16" -> new NpyDtype('B', 2, ByteOrder.LITTLE_ENDIAN, "bf16");
      case "I64" -> new NpyDtype('i', 8, ByteOrder.LITTLE_ENDIAN, "<i8");
      case "I32" -> new NpyDtype('i', 4, ByteOrder.LITTLE_ENDIAN, "<i4");
      case "I16" -> new NpyDtype('i', 2, ByteOrder.LITTLE_ENDIAN, "<i2");
      case "I8" -> new NpyDtype('i', 1, ByteOrder.LITTLE_ENDIAN, "|i1");
      case "U8" -> new NpyDtype('u', 1, ByteOrder.LITTLE_ENDIAN, "|u1");
      case "BOOL" -> new NpyDtype('b', 1, ByteOrder.LITTLE_ENDIAN, "|b1");
      default -> throw new InvalidInputException(origin + ": unsupported dtype " + dtype
          + "; logme reads F16, BF16, F32, F64, I8, I16, I32, I64, U8 and BOOL tensors"
          + " (convert with t.to(torch.float32))");
    };
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // the original failure is reported
      }
    }
  }
}
