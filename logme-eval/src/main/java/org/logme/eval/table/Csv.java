package org.logme.eval.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.logme.api.InvalidInputException;

/**
 * Comma-separated values as spreadsheets and pandas write them: a header line, one record per
 * line, fields optionally in double quotes ({@code ""} for a quote inside). Blank lines are
 * skipped, surrounding spaces of unquoted fields trimmed, a leading byte-order mark ignored.
 * Line breaks inside quoted fields are not supported.
 *
 * @since 0.1
 */
public final class Csv {
  /** The largest file read (64 MiB): results tables have one short line per model. */
  static final long MAX_BYTES = 64L << 20;

  private Csv() {
  }

  /**
   * One record and the line it came from.
   *
   * @param line the 1-based line number in the file
   * @param cells the fields
   * @since 0.1
   */
  public record Row(int line, List<String> cells) {
    /**
     * @param line the 1-based line number
     * @param cells the fields (copied)
     */
    public Row {
      cells = List.copyOf(cells);
    }
  }

  /**
   * @param file a UTF-8 CSV file
   * @return every non-blank line, header first
   * @throws InvalidInputException if the file is missing, unreadable or malformed
   */
  public static List<Row> read(Path file) {
    return read(file, MAX_BYTES, "a table of results may have (one short line per model)");
  }

  /** {@link #read(Path)} with a size limit, for tests. */
  static List<Row> read(Path file, long maxBytes) {
    return read(file, maxBytes, "a table of results may have (one short line per model)");
  }

  /**
   * @param file a UTF-8 CSV file
   * @param maxBytes the largest file read
   * @param limitReason what the limit is, for the message: "the N bytes ..."
   * @return every non-blank line, header first
   * @throws InvalidInputException if the file is missing, unreadable, malformed or too large
   */
  public static List<Row> read(Path file, long maxBytes, String limitReason) {
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(file + ": is a directory, not a CSV file");
    }
    try {
      byte[] bytes;
      // bounded, whatever the file (a pipe such as /dev/stdin has no size to check first)
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes((int) maxBytes + 1);
      }
      if (bytes.length > maxBytes) {
        throw new InvalidInputException(file + ": larger than the " + maxBytes + " bytes "
            + limitReason + "; is it the right file?");
      }
      return read(new StringReader(utf8(bytes, file.toString())), file.toString());
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file + ": no such file", e);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read (" + (e.getMessage() != null
          ? e.getMessage() : e.getClass().getSimpleName()) + ")", e);
    } catch (UncheckedIOException e) {
      throw new InvalidInputException(file + ": cannot read (" + e.getCause().getMessage() + ")",
          e);
    }
  }

  /** Decodes UTF-8 strictly, naming the line of the first byte that is not UTF-8. */
  private static String utf8(byte[] bytes, String origin) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, out, true);
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new InvalidInputException(origin + ", line " + line + ": not UTF-8 text (is it a CSV"
          + " file?); save the table as UTF-8 CSV");
    }
    return out.flip().toString();
  }

  /**
   * @param in the text
   * @param origin the file name, for messages
   * @return every non-blank line, header first
   * @throws InvalidInputException for an unclosed quote, text after a closing quote, or bytes
   *     that are not UTF-8
   */
  public static List<Row> read(Reader in, String origin) {
    List<Row> rows = new ArrayList<>();
    int line = 0;
    try (BufferedReader reader = new BufferedReader(in)) {
      String text;
      while ((text = reader.readLine()) != null) {
        line++;
        if (line == 1 && text.startsWith("\uFEFF")) {
          text = text.substring(1);
        }
        if (!text.isBlank()) {
          rows.add(new Row(line, split(text, origin, line)));
        }
      }
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(origin + ", line " + (line + 1) + ": not UTF-8 text (is it"
          + " a CSV file?); save the table as UTF-8 CSV", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static List<String> split(String text, String origin, int line) {
    List<String> cells = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (true) {
      while (i < n && text.charAt(i) == ' ') {
        i++;
      }
      if (i < n && text.charAt(i) == '"') {
        StringBuilder cell = new StringBuilder();
        i++;
        while (true) {
          if (i >= n) {
            throw new InvalidInputException(origin + ", line " + line + ", column "
                + (cells.size() + 1) + ": a quoted field is not closed; close it with \"");
          }
          char c = text.charAt(i++);
          if (c == '"') {
            if (i < n && text.charAt(i) == '"') {
              cell.append('"');
              i++;
            } else {
              break;
            }
          } else {
            cell.append(c);
          }
        }
        while (i < n && text.charAt(i) == ' ') {
          i++;
        }
        if (i < n && text.charAt(i) != ',') {
          throw new InvalidInputException(origin + ", line " + line + ", column "
              + (cells.size() + 1) + ": text after a closing quote; quote the whole field");
        }
        cells.add(cell.toString());
      } else {
        int comma = text.indexOf(',', i);
        int end = comma < 0 ? n : comma;
        cells.add(text.substring(i, end).trim());
        i = end;
      }
      if (i >= n) {
        return cells;
      }
      i++; // the comma
      if (i == n) {
        cells.add("");
        return cells;
      }
    }
  }

  /**
   * @param cell a field to write
   * @return the field, quoted if it holds a comma, a quote, a line break or surrounding spaces
   */
  public static String quote(String cell) {
    boolean plain = cell.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
        && cell.equals(cell.trim());
    return plain ? cell : "\"" + cell.replace("\"", "\"\"") + "\"";
  }
}
