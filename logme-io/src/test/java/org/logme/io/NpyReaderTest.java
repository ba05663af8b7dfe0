package org.logme.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.logme.api.InvalidInputException;
import org.logme.api.linalg.Matrix;

class NpyReaderTest {
  @TempDir
  Path dir;

  private static final double[] SMALL = {0, 1, 2, 3, 4, 5};

  private NdArray roundTrip(NpyBytes bytes) throws IOException {
    return NpyReader.read(bytes.writeTo(dir.resolve("a.npy")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"<f4", "<f8", ">f4", ">f8", "<f2", ">f2", "<i4", "<i8", ">i8", "|i1",
      "<i2", "|u1", "<u2", "<u4", "<u8", "|b1", "=f8"})
  void readsEveryDtypeInBothByteOrders(String descr) throws IOException {
    double[] values = descr.endsWith("b1") ? new double[] {0, 1, 1, 0, 1, 0} : SMALL;
    NdArray a = roundTrip(NpyBytes.array().dtype(descr).matrix(2, 3, values));
    assertThat(a.shape()).containsExactly(2, 3);
    assertThat(a.data()).containsExactly(values);
    assertThat(a.dtype().descr()).isEqualTo(descr);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void readsFormatVersionsOneTwoAndThree(int version) throws IOException {
    NdArray a = roundTrip(NpyBytes.array().version(version).matrix(3, 2, SMALL));
    assertThat(a.asMatrix().get(2, 1)).isEqualTo(5.0);
  }

  @Test
  void fortranOrderIsReturnedRowMajor() throws IOException {
    NdArray a = roundTrip(NpyBytes.array().fortran().dtype(">f4").matrix(2, 3, SMALL));
    assertThat(a.asMatrix().row(0)).containsExactly(0, 1, 2);
    assertThat(a.asMatrix().row(1)).containsExactly(3, 4, 5);
  }

  @Test
  void oneDimensionalArraysAreVectors() throws IOException {
    NdArray a = roundTrip(NpyBytes.array().dtype("<i8").vector(3, 1, 2));
    assertThat(a.asVector("labels")).containsExactly(3, 1, 2);
    assertThat(a.asMatrix().cols()).isEqualTo(1);
  }

  @Test
  void negativeSignedIntegersAndLargeUnsignedOnesAreExact() throws IOException {
    assertThat(roundTrip(NpyBytes.array().dtype("<i8").vector(-1, -7)).data())
        .containsExactly(-1, -7);
    assertThat(roundTrip(NpyBytes.array().dtype("|u1").vector(255, 128)).data())
        .containsExactly(255, 128);
  }

  @Test
  void float16SpecialValuesDecode() {
    assertThat(NpyDtype.halfToDouble((short) 0x3c00)).isEqualTo(1.0);
    assertThat(NpyDtype.halfToDouble((short) 0xc000)).isEqualTo(-2.0);
    assertThat(NpyDtype.halfToDouble((short) 0x0001)).isEqualTo(0x1p-24);
    assertThat(NpyDtype.halfToDouble((short) 0x7c00)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(NpyDtype.halfToDouble((short) 0x7e00)).isNaN();
    assertThat(NpyDtype.halfToDouble((short) 0x7bff)).isEqualTo(65504.0);
  }

  @Test
  void int64ArraysRoundTripAndRefuseNonIntegers() throws IOException {
    Path ids = dir.resolve("ids.npy");
    Matrix m = Matrix.of(new double[] {3}, new double[] {-7}, new double[] {1L << 40});
    NpyWriter.write(ids, m, NpyWriter.Type.INT64, true);
    NdArray read = NpyReader.read(ids);
    assertThat(read.dtype().descr()).isEqualTo("<i8");
    assertThat(read.shape()).containsExactly(3);
    assertThat(read.data()).containsExactly(3, -7, 1L << 40);
    assertThatThrownBy(() -> NpyWriter.write(dir.resolve("bad.npy"),
        Matrix.of(new double[] {0.5}), NpyWriter.Type.INT64, true))
        .hasMessageContaining("int64 array cannot hold 0.5");
    assertThat(dir.resolve("bad.npy")).doesNotExist();
  }

  @Test
  void writerRoundTripsFloat32AndFloat64() throws IOException {
    Matrix m = Matrix.of(new double[] {1.5, -2.25}, new double[] {1e-3, 7});
    Path p64 = dir.resolve("m64.npy");
    NpyWriter.write(p64, m, NpyWriter.Type.FLOAT64, false);
    assertThat(NpyReader.read(p64).data()).containsExactly(m.data());
    Path p32 = dir.resolve("m32.npy");
    NpyWriter.write(p32, m, NpyWriter.Type.FLOAT32, false);
    assertThat(NpyReader.read(p32).data())
        .containsExactly(Arrays.stream(m.data()).map(v -> (float) v).toArray());
    assertThat(Files.size(p64) % 64).as("header padded as numpy does").isEqualTo(32);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).doesNotContain(".m64.npy.tmp")
          .allMatch(n -> !n.endsWith(".tmp"));
    }
  }

  @Test
  void objectArraysAreRefusedWithoutUnpickling() throws IOException {
    assertThatThrownBy(() -> roundTrip(NpyBytes.array().dtype("|O").vector()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("holds Python objects")
        .hasMessageContaining("never unpickles");
  }

  @Test
  void unsupportedAndStructuredDtypesAreRefused() throws IOException {
    assertThatThrownBy(() -> roundTrip(NpyBytes.array().dtype("<c16").vector()))
        .hasMessageContaining("unsupported dtype '<c16'");
    assertThatThrownBy(() -> roundTrip(NpyBytes.array()
        .header("{'descr': [('x', '<f8')], 'fortran_order': False, 'shape': (1,), }")))
        .hasMessageContaining("structured dtype");
  }

  @Test
  void notAnNpyFileIsNamedAsSuch() throws IOException {
    Path p = Files.writeString(dir.resolve("x.npy"), "a,b\n1,2\n");
    assertThatThrownBy(() -> NpyReader.read(p))
        .hasMessageContaining("not a NumPy .npy file");
    Path zip = Files.write(dir.resolve("z.npy"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0});
    assertThatThrownBy(() -> NpyReader.read(zip)).hasMessageContaining(".npz extension");
    assertThatThrownBy(() -> NpyReader.read(dir.resolve("missing.npy")))
        .hasMessageEndingWith("missing.npy: no such file");
  }

  @Test
  void truncatedAndOverlongDataAreRejected() throws IOException {
    byte[] full = NpyBytes.array().matrix(3, 2, SMALL).bytes();
    Path truncated = Files.write(dir.resolve("t.npy"), Arrays.copyOf(full, full.length - 3));
    assertThatThrownBy(() -> NpyReader.read(truncated))
        .hasMessageContaining("truncated: shape (3, 2) of float64 needs 48 bytes of data but the"
            + " file holds 45");
    Path longer = Files.write(dir.resolve("l.npy"), Arrays.copyOf(full, full.length + 8));
    assertThatThrownBy(() -> NpyReader.read(longer))
        .hasMessageContaining("8 unexpected bytes follow the data");
    Path cut = Files.write(dir.resolve("c.npy"), Arrays.copyOf(full, 20));
    assertThatThrownBy(() -> NpyReader.read(cut))
        .hasMessageContaining("past the end of the 20-byte file");
  }

  @Test
  void absurdShapesFailBeforeAnyAllocation() throws IOException {
    assertThatThrownBy(() -> roundTrip(NpyBytes.array().shapeText("(4000000000000, 4000000)")))
        .hasMessageContaining("overflows");
    assertThatThrownBy(() -> roundTrip(NpyBytes.array().shapeText("(100000, 100000)")))
        .hasMessageContaining("needs 80000000000 bytes of data but the file holds 0");
    assertThatThrownBy(() -> roundTrip(NpyBytes.array().shapeText("(-3, 2)")))
        .hasMessageContaining("negative dimension");
  }

  @Test
  void threeDimensionalArraysAndScalarsAreRefusedWithAHint() throws IOException {
    assertThatThrownBy(() -> roundTrip(NpyBytes.array().shapeText("(1, 2, 3)")
        .matrix(1, 6, SMALL).shapeText("(1, 2, 3)")))
        .hasMessageContaining("shape (1, 2, 3)")
        .hasMessageContaining("x.reshape(len(x), -1)");
    assertThatThrownBy(() -> roundTrip(NpyBytes.array().shapeText("()").vector(1)
        .shapeText("()")))
        .hasMessageContaining("wrap the scalar");
  }

  @Test
  void emptyArraysReadAsEmpty() throws IOException {
    NdArray a = roundTrip(NpyBytes.array().shapeText("(0, 4)"));
    assertThat(a.shape()).containsExactly(0, 4);
  }

  @Test
  void labelsGivenAsAMatrixAreExplained() throws IOException {
    NdArray a = roundTrip(NpyBytes.array().matrix(3, 2, SMALL));
    assertThatThrownBy(() -> a.asVector("labels"))
        .hasMessageContaining("labels must be a 1-D array of length N")
        .hasMessageContaining("y.argmax(1)");
  }

  @Test
  void readsTheReferenceFixturesWrittenByNumpy() {
    Path shared = org.logme.api.testing.SharedFixtures.fixture("cls-float32");
    NdArray f = NpyReader.read(shared.resolve("features.npy"));
    assertThat(f.shape()).containsExactly(300, 48);
    assertThat(f.dtype().numpyName()).isEqualTo("float32");
    NdArray y = NpyReader.read(shared.resolve("labels.npy"));
    assertThat(y.dtype().descr()).isEqualTo("<i8");
    assertThat(y.shape()).containsExactly(300);
  }
}
