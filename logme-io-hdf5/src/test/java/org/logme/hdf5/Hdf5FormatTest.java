package org.logme.hdf5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logme.api.InvalidInputException;
import org.logme.api.data.FeatureStatistics;
import org.logme.api.data.Labels;
import org.logme.io.ArrayFiles;
import org.logme.io.InputFiles;
import org.logme.io.StreamingStatistics;
import org.logme.linalg.ejml.EjmlBackend;

/**
 * HDF5 through ServiceLoader and jhdf, against the same data as {@code .npy} (written by
 * {@code logme-io/src/test/resources/org/logme/io/formats/make_test_files.py} with h5py): a
 * gzip-compressed dataset in 37×5 chunks, a contiguous one, labels.
 */
class Hdf5FormatTest {
  @TempDir
  Path dir;

  static String resource(String name) {
    try {
      return Path.of(Hdf5FormatTest.class.getResource(name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static final String H5 = resource("data.h5");

  @Test
  void chunkedGzipAndContiguousDatasetsReadAsTheNpyArrays() {
    double[] features = ArrayFiles.load(resource("features.npy")).data();
    assertThat(ArrayFiles.load(H5 + ":/emb/features").data()).containsExactly(features);
    assertThat(ArrayFiles.load(H5 + ":emb/features").shape()).containsExactly(200, 12);
    assertThat(ArrayFiles.load(H5 + ":/contiguous_f64").data()).containsExactly(features);
    assertThat(ArrayFiles.load(H5 + ":/emb/labels").data())
        .containsExactly(ArrayFiles.load(resource("labels.npy")).data());
  }

  @Test
  void streamedStatisticsAreThoseOfTheNpyFile() {
    Labels labels = InputFiles.labels(H5 + ":/emb/labels");
    EjmlBackend backend = new EjmlBackend(1);
    FeatureStatistics h5 = StreamingStatistics.read(H5 + ":/emb/features", labels, backend);
    FeatureStatistics npy = StreamingStatistics.read(resource("features.npy"), labels, backend);
    assertThat(h5.gram().data()).containsExactly(npy.gram().data());
    assertThat(h5.crossProducts().data()).containsExactly(npy.crossProducts().data());
  }

  @Test
  void wrongNamesListTheDatasets() throws IOException {
    assertThatThrownBy(() -> ArrayFiles.load(H5))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("the file holds 4 datasets (")
        .hasMessageContaining("/emb/features").hasMessageContaining("choose one as");
    assertThatThrownBy(() -> ArrayFiles.load(H5 + ":/emb/feats"))
        .hasMessageStartingWith(H5 + ": no dataset '/emb/feats'; the file holds: ");
    assertThatThrownBy(() -> ArrayFiles.load(H5 + ":/emb"))
        .hasMessageStartingWith(H5 + ":/emb: a group, not a dataset");
    assertThatThrownBy(() -> ArrayFiles.load(H5 + ":/cube"))
        .hasMessageContaining("the dataset has shape [2, 3, 4]");
    Path notHdf5 = Files.writeString(dir.resolve("x.h5"), "not an HDF5 file at all");
    assertThatThrownBy(() -> ArrayFiles.load(notHdf5 + ":/x"))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(notHdf5 + ": not a readable HDF5 file");
    assertThatThrownBy(() -> ArrayFiles.load(dir.resolve("missing.h5") + ":/x"))
        .hasMessage(dir.resolve("missing.h5") + ": no such file");
  }
}
