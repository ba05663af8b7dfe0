package org.logme.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzReaderTest {
  @TempDir
  Path dir;

  @Test
  void selectsAnArrayByName() throws IOException {
    Path npz = NpyBytes.npz(dir.resolve("bundle.npz"), true,
        "features", NpyBytes.array().dtype("<f4").matrix(2, 2, 1, 2, 3, 4).bytes(),
        "labels", NpyBytes.array().dtype("<i8").vector(0, 1).bytes());
    assertThat(NpzReader.names(npz)).containsExactly("features", "labels");
    assertThat(ArrayFiles.load(npz + ":labels").data()).containsExactly(0, 1);
    NdArray f = ArrayFiles.load(npz + ":features");
    assertThat(f.origin()).endsWith("bundle.npz:features");
    assertThat(f.asMatrix().get(1, 0)).isEqualTo(3.0);
  }

  @Test
  void aMissingNameListsTheArraysPresent() throws IOException {
    Path npz = NpyBytes.npz(dir.resolve("b.npz"), true,
        "arr_0", NpyBytes.array().vector(1).bytes(), "arr_1", NpyBytes.array().vector(2).bytes());
    assertThatThrownBy(() -> ArrayFiles.load(npz + ":feats"))
        .hasMessageContaining("no array named 'feats'; the archive holds: arr_0, arr_1");
    assertThatThrownBy(() -> ArrayFiles.load(npz.toString()))
        .hasMessageContaining("holds 2 arrays (arr_0, arr_1); choose one as");
  }

  @Test
  void aSingleArrayArchiveNeedsNoName() throws IOException {
    Path npz = NpyBytes.npz(dir.resolve("one.npz"), true, "x", NpyBytes.array().vector(4, 5).bytes());
    assertThat(ArrayFiles.load(npz.toString()).data()).containsExactly(4, 5);
  }

  @Test
  void nonZipFilesAndNonNpyEntriesAreRejected() throws IOException {
    Path fake = Files.writeString(dir.resolve("fake.npz"), "hello");
    assertThatThrownBy(() -> ArrayFiles.load(fake.toString()))
        .hasMessageContaining("not an .npz archive");
    Path text = NpyBytes.npz(dir.resolve("t.npz"), true, "notes", "just text".getBytes());
    assertThatThrownBy(() -> ArrayFiles.load(text + ":notes"))
        .hasMessageContaining("not a NumPy .npy file");
  }

  @Test
  void anEntryWithTrailingBytesIsRejected() throws IOException {
    byte[] valid = NpyBytes.array().vector(1, 2).bytes();
    byte[] longer = java.util.Arrays.copyOf(valid, valid.length + 16);
    Path npz = NpyBytes.npz(dir.resolve("x.npz"), true, "x", longer);
    assertThatThrownBy(() -> ArrayFiles.load(npz.toString()))
        .hasMessageContaining("unexpected bytes");
  }
}
