package org.logme.eval.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logme.api.InvalidInputException;

/** Reading CSV files that are not what they should be. */
class CsvTest {
  @TempDir
  Path dir;

  @Test
  void aFileLargerThanATableCanBeIsRefusedWithoutReadingItAll() throws IOException {
    Path big = Files.writeString(dir.resolve("big.csv"), "model,x\n" + "a,1\n".repeat(100));
    assertThat(Csv.read(big, 1000)).hasSize(101);
    assertThatThrownBy(() -> Csv.read(big, 100))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(big + ": larger than the 100 bytes a table of results may have (one short"
            + " line per model); is it the right file?");
  }

  @Test
  void bytesThatAreNotUtf8AreNamedByLine() throws IOException {
    Path latin1 = Files.write(dir.resolve("l.csv"), "model,x\na,1\nb\u00e9,2\n"
        .getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> Csv.read(latin1))
        .hasMessage(latin1 + ", line 3: not UTF-8 text (is it a CSV file?); save the table as"
            + " UTF-8 CSV");
  }

  @Test
  void aByteOrderMarkIsIgnoredAndUtf8Names() throws IOException {
    Path bom = Files.write(dir.resolve("b.csv"), "\uFEFFmodel,x\nmod\u00e8le,1\n"
        .getBytes(StandardCharsets.UTF_8));
    assertThat(Csv.read(bom).get(0).cells()).containsExactly("model", "x");
    assertThat(Csv.read(bom).get(1).cells()).containsExactly("mod\u00e8le", "1");
  }

  @Test
  void directoriesAndMissingFilesAreNamed() {
    assertThatThrownBy(() -> Csv.read(dir)).hasMessage(dir + ": is a directory, not a CSV file");
    assertThatThrownBy(() -> Csv.read(dir.resolve("none.csv")))
        .hasMessage(dir.resolve("none.csv") + ": no such file");
  }
}
