package org.logme.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logme.api.InvalidInputException;
import org.logme.api.data.FeatureStatistics;
import org.logme.api.data.Labels;

/**
 * The safetensors reader against files written from the format's specification by
 * {@code formats/make_test_files.py} (numpy), and its refusals of malformed headers.
 */
class SafetensorsReaderTest {
  @TempDir
  Path dir;

  static Path resource(String name) {
    try {
      return Path.of(SafetensorsReaderTest.class.getResource("formats/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static final String FILE = resource("data.safetensors").toString();

  @Test
  void everyDtypeReadsAsItsNumpyCounterpart() {
    double[] f32 = ArrayFiles.load(resource("features.npy").toString()).data();
    assertThat(ArrayFiles.load(FILE + ":features").data()).containsExactly(f32);
    assertThat(ArrayFiles.load(FILE + ":features_f64").data()).containsExactly(f32);
    assertThat(ArrayFiles.load(FILE + ":features_f16").data())
        .containsExactly(ArrayFiles.load(resource("features_f16.npy").toString()).data());
    assertThat(ArrayFiles.load(FILE + ":features_bf16").data()).containsExactly(
        ArrayFiles.load(resource("features_bf16_as_f32.npy").toString()).data());
    double[] labels = ArrayFiles.load(resource("labels.npy").toString()).data();
    assertThat(ArrayFiles.load(FILE + ":labels").data()).containsExactly(labels);
    assertThat(ArrayFiles.load(FILE + ":labels_i32").data()).containsExactly(labels);
    assertThat(ArrayFiles.load(FILE + ":features").shape()).containsExactly(200, 12);
    assertThat(SafetensorsReader.names(Path.of(FILE))).startsWith("features", "labels");
  }

  @Test
  void streamedStatisticsAreThoseOfTheNpyFile() {
    Labels labels = InputFiles.labels(FILE + ":labels");
    var backend = new org.logme.linalg.ejml.EjmlBackend(1);
    FeatureStatistics fromSafetensors = StreamingStatistics.read(FILE + ":features", labels,
        backend);
    FeatureStatistics fromNpy = StreamingStatistics.read(resource("features.npy").toString(),
        labels, backend);
    assertThat(fromSafetensors.gram().data()).containsExactly(fromNpy.gram().data());
    assertThat(fromSafetensors.crossProducts().data())
        .containsExactly(fromNpy.crossProducts().data());
    assertThat(fromSafetensors.origin()).isEqualTo(FILE + ":features");
  }

  @Test
  void aNameIsNeededUnlessThereIsOneTensorAndAWrongOneListsThem() {
    assertThatThrownBy(() -> ArrayFiles.load(FILE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(FILE + ": the file holds 6 tensors (features, labels, features_f64,"
            + " features_f16, features_bf16, labels_i32); choose one as " + FILE + ":NAME");
    assertThatThrownBy(() -> ArrayFiles.load(FILE + ":feats"))
        .hasMessage(FILE + ": no tensor named 'feats'; the file holds: features, labels,"
            + " features_f64, features_f16, features_bf16, labels_i32");
  }

  @Test
  void picklesAreRefusedWithTheWayToConvertThem() throws IOException {
    Path pt = Files.write(dir.resolve("model.pt"), new byte[] {(byte) 0x80, 2});
    assertThatThrownBy(() -> ArrayFiles.load(pt + ":features"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(pt + ": a PyTorch/pickle file; reading it means unpickling,")
        .hasMessageContaining("safetensors.torch import save_file");
  }

  /** A file with the given header text and data bytes. */
  private Path file(String header, int dataBytes) throws IOException {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(h.length).put(h);
    return Files.write(dir.resolve("t.safetensors"), b.array());
  }

  private void refused(String header, int dataBytes, String fragment) throws IOException {
    Path f = file(header, dataBytes);
    assertThatThrownBy(() -> ArrayFiles.load(f + ":x"))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(f.toString())
        .hasMessageContaining(fragment);
  }

  @Test
  void malformedHeadersAreRefused() throws IOException {
    String ok = "{\"x\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}";
    assertThat(ArrayFiles.load(file(ok, 16) + ":x").data()).containsExactly(0, 0, 0, 0);
    refused(ok, 12, "truncated: the tensors need 16 bytes of data but the file holds 12");
    refused(ok, 20, "4 bytes after the last tensor belong to no tensor");
    refused("{\"x\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,12]}}", 12,
        "shape [2, 2] of F32 needs 16 bytes but data_offsets give 12");
    refused("{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8,
        "the data has a gap before tensor 'x'");
    refused("{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
        + "\"y\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4, "overlaps");
    refused("{\"x\":{\"dtype\":\"C64\",\"shape\":[1],\"data_offsets\":[0,8]}}", 8,
        "unsupported dtype C64; logme reads F16, BF16, F32, F64");
    refused("{\"x\":{\"dtype\":\"F32\",\"shape\":[1,1,1],\"data_offsets\":[0,4]}}", 4,
        "the tensor has shape [1, 1, 1]");
    refused("{\"x\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 4,
        "shape holds a negative number");
    refused("{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}", 4,
        "the header is not valid JSON");
    refused("[1, 2]", 0, "the header is not a JSON object");
    refused("{\"x\":{\"shape\":[1],\"data_offsets\":[0,4]}}", 4, "lacks dtype, shape or"
        + " data_offsets");
    refused("{\"x\":{\"dtype\":\"F32\",\"shape\":[4611686018427387904,4],"
        + "\"data_offsets\":[0,4]}}", 4, "overflows");
    Path huge = Files.write(dir.resolve("h.safetensors"),
        ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40).array());
    assertThatThrownBy(() -> ArrayFiles.load(huge + ":x"))
        .hasMessageContaining("the header length is 1099511627776 bytes, more than the"
            + " 100000000 bytes the format allows");
    Path past = Files.write(dir.resolve("p.safetensors"),
        ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(100).array());
    assertThatThrownBy(() -> ArrayFiles.load(past + ":x"))
        .hasMessageContaining("past the end of the 16-byte file");
    Path empty = Files.write(dir.resolve("e.safetensors"), new byte[0]);
    assertThatThrownBy(() -> ArrayFiles.load(empty + ":x")).hasMessageContaining("empty");
  }
}
