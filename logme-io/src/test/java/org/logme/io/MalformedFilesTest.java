package org.logme.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.InvalidInputException;
import org.logme.api.data.Features;
import org.logme.io.MalformedFiles.Sample;

/**
 * Every file of the malformed corpus is refused by every way of reading it, with an
 * {@link InvalidInputException} naming the file, quickly, and without touching the file.
 */
class MalformedFilesTest {
  /** Generous: each file takes milliseconds; this only catches a hang. */
  private static final Duration NEVER_HANGS = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  static List<Sample> samples() {
    return MalformedFiles.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everyMalformedFileIsRefusedWithItsNameAndTheProblem(Sample sample) throws IOException {
    String spec = sample.write(dir);
    Path file = dir.resolve(sample.fileName());
    byte[] before = Files.readAllBytes(file);
    assertTimeoutPreemptively(NEVER_HANGS, () -> {
      assertThatThrownBy(() -> ArrayFiles.load(spec))
          .isExactlyInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith(file.toString())
          .hasMessageContaining(sample.fragment());
      // the streaming path (row blocks) refuses it the same way
      assertThatThrownBy(() -> {
        try (ArraySource stream = ArrayFiles.open(spec)) {
          double[] block = new double[Math.max(1, stream.cols())];
          for (int r = 0; r < stream.rows(); r++) {
            stream.readElements(block, 0, block.length);
          }
          stream.finish();
        }
      }).isExactlyInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith(file.toString());
    });
    assertThat(Files.readAllBytes(file)).as("the input is never modified").isEqualTo(before);
  }

  @Test
  void fortranOrderAndBigEndianAreNotErrorsButReadCorrectly() throws IOException {
    double[] values = {1, 2, 3, 4, 5, 6};
    for (NpyBytes bytes : List.of(NpyBytes.array().fortran().matrix(2, 3, values),
        NpyBytes.array().dtype(">f8").matrix(2, 3, values),
        NpyBytes.array().fortran().dtype(">i4").matrix(2, 3, values))) {
      NdArray a = NpyReader.read(bytes.writeTo(dir.resolve("a.npy")));
      assertThat(a.asMatrix().row(0)).containsExactly(1, 2, 3);
      assertThat(a.asMatrix().row(1)).containsExactly(4, 5, 6);
    }
    // a Fortran-order array larger than one reordering block
    int rows = 700;
    int cols = 300;
    double[] big = new double[rows * cols];
    for (int i = 0; i < big.length; i++) {
      big[i] = i;
    }
    NdArray a = NpyReader.read(NpyBytes.array().fortran().matrix(rows, cols, big)
        .writeTo(dir.resolve("big.npy")));
    assertThat(a.data()).isEqualTo(big);
  }

  @Test
  void emptyArraysReadButAreRefusedAsFeatures() throws IOException {
    NdArray a = NpyReader.read(NpyBytes.array().shapeText("(0, 4)").writeTo(dir.resolve("e.npy")));
    assertThatThrownBy(() -> new Features(a.asMatrix(), "e.npy"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("e.npy: the array is empty (shape 0x4); it needs at least one row and one"
            + " column");
  }

  @Test
  void storedAndDeflatedArchivesPassTheirChecksum() throws IOException {
    byte[] npy = NpyBytes.array().dtype("<f4").matrix(2, 2, 1, 2, 3, 4).bytes();
    for (boolean compressed : new boolean[] {true, false}) {
      Path npz = NpyBytes.npz(dir.resolve("c" + compressed + ".npz"), compressed, "x", npy);
      assertThat(ArrayFiles.load(npz + ":x").data()).containsExactly(1, 2, 3, 4);
    }
  }

  @Test
  void largeEntriesMayNotExpandLikeZipBombs() {
    long mib = 1L << 20;
    // small entries may expand by any ratio (sorted labels compress 1000-fold)
    NpzReader.requireSaneRatio("a.npz:x", 64 * mib, 1);
    // large ones up to 200-fold
    NpzReader.requireSaneRatio("a.npz:x", 200 * mib, mib);
    assertThatThrownBy(() -> NpzReader.requireSaneRatio("a.npz:x", 201 * mib, mib))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("a.npz:x: the archive entry would inflate from 1048576 to 210763776 bytes"
            + " (201:1); entries larger than 64 MiB may expand at most 200-fold, as a guard"
            + " against zip bombs. If the data is genuine, save it uncompressed (numpy.savez or"
            + " numpy.save)");
  }

  @Test
  void arraysLargerThanTheHeapAreRefusedBeforeAllocating() throws IOException {
    Path file = NpyBytes.array().matrix(3, 2, 0, 1, 2, 3, 4, 5).writeTo(dir.resolve("h.npy"));
    try (NpyStream stream = NpyReader.open(file)) {
      stream.requireHeap(48, 48);
      assertThatThrownBy(() -> stream.requireHeap(3L << 30, 1L << 30))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith(file + ": shape (3, 2) needs 3.0 GiB in memory (as float64),"
              + " more than the whole Java heap (1.0 GiB); give Java more memory, e.g."
              + " LOGME_JAVA_OPTS=-Xmx5g");
    }
    assertThatThrownBy(() -> StreamingStatistics.requireGramFits("f.npy", 30_000, 4L << 30))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("f.npy: D = 30000 feature columns need a 30000x30000 Gram matrix"
            + " (6.7 GiB), more than the whole Java heap (4.0 GiB)");
    assertThatThrownBy(() -> StreamingStatistics.requireGramFits("f.npy", 100_000, Long.MAX_VALUE))
        .hasMessageContaining("more than one Java array holds");
  }
}
