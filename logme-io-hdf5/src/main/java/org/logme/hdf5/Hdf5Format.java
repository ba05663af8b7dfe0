package org.logme.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.logme.api.InvalidInputException;
import org.logme.io.ArrayFormat;
import org.logme.io.ArraySource;

/**
 * HDF5 datasets as logme arrays: {@code data.h5:/group/dataset} (the leading {@code /} may be
 * left out; {@code data.h5} alone if the file holds one dataset), read with jhdf, a pure-Java
 * HDF5 reader that handles contiguous, chunked and deflate (gzip) compressed datasets. A 2-D
 * dataset is read in row blocks ({@link Hdf5Source}), so it can be streamed like an
 * {@code .npy} file. Element types: float16/32/64 and signed or unsigned integers.
 *
 * @since 0.1
 */
public final class Hdf5Format implements ArrayFormat {

  /** Creates the format. */
  public Hdf5Format() {
  }

  @Override
  public String name() {
    return "HDF5";
  }

  @Override
  public List<String> extensions() {
    return List.of(".h5", ".hdf5");
  }

  @Override
  public ArraySource open(Path file, String name) {
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(file + ": is a directory, not an HDF5 file");
    }
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(file + ": no such file");
    }
    HdfFile hdf = null;
    try {
      hdf = new HdfFile(file);
      List<String> datasets = new ArrayList<>();
      collect(hdf, datasets);
      java.util.Collections.sort(datasets);
      String path = name == null ? null : name.startsWith("/") ? name : "/" + name;
      if (path == null) {
        if (datasets.size() != 1) {
          throw new InvalidInputException(file + ": the file holds " + datasets.size()
              + " datasets (" + String.join(", ", datasets) + "); choose one as " + file
              + ":/PATH");
        }
        path = datasets.get(0);
      }
      Node node;
      try {
        node = hdf.getByPath(path);
      } catch (HdfException e) {
        throw new InvalidInputException(file + ": no dataset '" + path + "'; the file holds: "
            + (datasets.isEmpty() ? "nothing" : String.join(", ", datasets)));
      }
      if (!(node instanceof Dataset dataset)) {
        throw new InvalidInputException(file + ":" + path + ": a group, not a dataset; the file"
            + " holds: " + String.join(", ", datasets));
      }
      return new Hdf5Source(hdf, dataset, file + ":" + path);
    } catch (HdfException e) {
      close(hdf);
      throw new InvalidInputException(file + ": not a readable HDF5 file (" + e.getMessage()
          + "); re-save or re-copy it", e);
    } catch (RuntimeException e) {
      close(hdf);
      throw e;
    }
  }

  private static void collect(Group group, List<String> out) {
    for (Node child : group.getChildren().values()) {
      if (child instanceof Dataset) {
        out.add(child.getPath().startsWith("/") ? child.getPath() : "/" + child.getPath());
      } else if (child instanceof Group g && !child.isLink()) {
        collect(g, out);
      }
    }
  }

  private static void close(HdfFile hdf) {
    if (hdf != null) {
      hdf.close();
    }
  }
}
