package org.logme.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.logme.io.ArrayFiles;
import org.logme.io.NdArray;
import org.logme.linalg.nativeblas.BlasFloor;

/**
 * The BLAS floor of one case ({@link BlasFloor}), measured in a fresh JVM: the features are
 * loaded whole as float64 (not timed), then {@code dsyrk} and {@code dsyevd} are timed on them.
 * Its heap is sized for the N×D matrix, whatever the launcher's limit.
 *
 * @param gramSeconds {@code dsyrk} on the N×D matrix in memory
 * @param eigenSeconds {@code dsyevd} on the D×D result
 * @param library the BLAS and LAPACK that ran them
 * @param nativeCode whether they were native code
 * @since 0.1
 */
public record FloorRun(double gramSeconds, double eigenSeconds, String library,
    boolean nativeCode) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** @return the floor, the sum of both parts */
  public double seconds() {
    return gramSeconds + eigenSeconds;
  }

  /**
   * @param task the synthetic task, already written
   * @param dir where it was written
   * @param repeat timings of each part in the child; the fastest is kept
   * @return the floor
   * @throws IOException if the child cannot be started or fails
   */
  public static FloorRun measure(SyntheticTask task, java.nio.file.Path dir, int repeat)
      throws IOException {
    long bytes = 8L * task.n() * task.d() + 4L * 8 * task.d() * task.d();
    String heap = "-Xmx" + Math.max(1024, (bytes >> 20) * 5 / 4 + 256) + "m";
    List<String> command = ChildJvm.command(heap, FloorRun.class.getName(),
        List.of(task.features(dir).toString(), Integer.toString(repeat)));
    JsonNode result = JSON.readTree(ChildJvm.run(new ProcessBuilder(command), "the BLAS floor"));
    return new FloorRun(result.get("gram_seconds").asDouble(),
        result.get("eigen_seconds").asDouble(), result.get("library").asText(),
        result.get("native").asBoolean());
  }

  /**
   * The child: times the floor of a feature file and prints it as one JSON object.
   *
   * @param args the feature file and the number of repetitions
   * @throws IOException if the file cannot be read
   */
  public static void main(String[] args) throws IOException {
    NdArray features = ArrayFiles.load(args[0]);
    int cols = features.shape().length == 2 ? features.shape()[1] : 1;
    BlasFloor.Timing t = BlasFloor.measure(features.data(), features.rows(), cols,
        Integer.parseInt(args[1]));
    System.out.println(JSON.writeValueAsString(JSON.createObjectNode()
        .put("gram_seconds", t.gramSeconds()).put("eigen_seconds", t.eigenSeconds())
        .put("library", t.library()).put("native", t.nativeCode())));
    System.out.flush();
  }

  /** @return the floor in words, e.g. {@code dsyrk 1.41 s + dsyevd 0.54 s} */
  public String describe() {
    return String.format(Locale.ROOT, "dsyrk %.2f s + dsyevd %.2f s", gramSeconds, eigenSeconds);
  }
}
