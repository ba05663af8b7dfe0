package org.logme.eval.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logme.api.InvalidInputException;
import org.logme.api.InvalidParameterException;

/** Reading labelled texts: class ids, sampling, and the errors. */
class TextTaskTest {
  @TempDir
  Path dir;

  private TextTask read(String csv) throws IOException {
    return TextTask.read(Files.writeString(dir.resolve("t.csv"), csv), "text", "label");
  }

  @Test
  void classIdsFollowNumpyUniqueNumericOrStringOrder() throws IOException {
    TextTask numbers = read("text,label\na,10\nb,9\nc,10\nd,-1\n");
    assertThat(numbers.classes()).containsExactly("-1", "9", "10");
    assertThat(numbers.labels()).containsExactly(2, 1, 2, 0);
    TextTask words = read("label,text,extra\ndog,a,1\ncat,\"b, quoted\",2\nDog,c,3\n");
    assertThat(words.classes()).containsExactly("Dog", "cat", "dog");
    assertThat(words.texts()).containsExactly("a", "b, quoted", "c");
  }

  @Test
  void aLimitKeepsEachClassShareInFileOrderAndDependsOnlyOnTheSeed() throws IOException {
    StringBuilder csv = new StringBuilder("text,label\n");
    for (int i = 0; i < 100; i++) {
      csv.append("t").append(i).append(',').append(i < 70 ? "big" : i < 95 ? "mid" : "tiny")
          .append('\n');
    }
    TextTask task = read(csv.toString());
    TextTask sample = task.limit(20, 3);
    assertThat(sample.size()).isEqualTo(20);
    int[] counts = new int[3];
    Arrays.stream(sample.labels()).forEach(l -> counts[l]++);
    assertThat(counts).containsExactly(14, 5, 1); // big, mid, tiny: 70%, 25%, 5%
    int[] order = sample.texts().stream().mapToInt(t -> Integer.parseInt(t.substring(1)))
        .toArray();
    assertThat(order).isSorted();
    assertThat(task.limit(20, 3).texts()).isEqualTo(sample.texts());
    assertThat(task.limit(20, 4).texts()).isNotEqualTo(sample.texts());
    assertThat(task.limit(500, 3)).isSameAs(task);
    assertThatThrownBy(() -> task.limit(2, 0)).isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("smaller than the 3 classes");
  }

  @Test
  void textsHashDependsOnTheTextsAndTheirBoundaries() throws IOException {
    TextTask a = read("text,label\nab,x\nc,y\n");
    TextTask b = read("text,label\na,x\nbc,y\n");
    assertThat(a.textsHash()).isNotEqualTo(b.textsHash()).hasSize(64);
    assertThat(read("text,label\nab,q\nc,r\n").textsHash()).isEqualTo(a.textsHash());
  }

  @Test
  void badFilesAreNamedWithTheLine() throws IOException {
    assertThatThrownBy(() -> read("text,label\na,x\n,y\n"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 3: the text");
    assertThatThrownBy(() -> read("text,label\na,x\nb,\n"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 3: the label");
    assertThatThrownBy(() -> read("text,label\na,x\nb,x,z\n"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 3: 3 fields");
    assertThatThrownBy(() -> read("text,label\na,x\n"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 text; a task needs"
            + " at least two");
    assertThatThrownBy(() -> read(""))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty file");
  }
}
