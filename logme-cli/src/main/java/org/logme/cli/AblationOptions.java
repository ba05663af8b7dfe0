package org.logme.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.logme.api.InvalidParameterException;
import org.logme.eval.ablation.Ablations;
import org.logme.eval.ablation.LeaveOut;
import org.logme.eval.ablation.LeaveOutResult;
import org.logme.eval.ablation.RemoveLargest;
import org.logme.eval.report.AblationTables;
import org.logme.eval.report.CorrelationJson;
import org.logme.eval.table.ResultsTable;
import picocli.CommandLine.Option;

/**
 * {@code --leave-out}, {@code --subsets}, {@code --remove-largest} and {@code --remove-up-to},
 * shared by correlate, rank and benchmarks correlate: how much the comparison depends on the
 * models in the table.
 */
final class AblationOptions {

  @Option(names = "--leave-out", paramLabel = "K", split = ",", hideParamSyntax = true,
      description = "Remove every set of K models (comma-separated K, e.g. 1,2) from every group"
          + " and show the distribution of each column's mean weighted tau, how often each is"
          + " the best, and the set that moves it most.")
  List<Integer> leaveOut = List.of();

  @Option(names = "--subsets", paramLabel = "N", defaultValue = "1000",
      description = "With --leave-out: every set when there are at most N, else N distinct sets"
          + " drawn with --seed (default: ${DEFAULT-VALUE}).")
  int subsets;

  @Option(names = "--remove-largest", paramLabel = "COLUMN",
      description = "Remove the m largest models by this size column (e.g. params, a static"
          + " column or from --facts), m = 0, 1, 2, ..., and show each column's mean weighted"
          + " tau at every m (Singh et al., 2025).")
  String removeLargest;

  @Option(names = "--remove-up-to", paramLabel = "M",
      description = "With --remove-largest: stop at m = M (default: until three models"
          + " remain).")
  Integer removeUpTo;

  /**
   * @param table the results, with a ground truth
   * @param seed the seed of sampled subsets
   * @return the ablations asked for ({@link Ablations#NONE} if none)
   * @throws InvalidParameterException for options that do not fit the table
   */
  Ablations compute(ResultsTable table, long seed) {
    if (removeUpTo != null && removeLargest == null) {
      throw new InvalidParameterException("--remove-up-to needs --remove-largest COLUMN, the"
          + " column that orders the models by size");
    }
    if (removeUpTo != null && removeUpTo < 1) {
      throw new InvalidParameterException("--remove-up-to must be at least 1, not "
          + removeUpTo);
    }
    if ((!leaveOut.isEmpty() || removeLargest != null) && table.truthName().isEmpty()) {
      throw new InvalidParameterException("--leave-out and --remove-largest compare rankings"
          + " with the ground truth, which this table does not have");
    }
    List<LeaveOutResult> results = new ArrayList<>();
    for (int k : new TreeSet<>(leaveOut)) {
      results.add(LeaveOut.run(table, k, subsets, seed));
    }
    return new Ablations(results, removeLargest == null ? null
        : RemoveLargest.run(table, removeLargest, removeUpTo == null ? -1 : removeUpTo));
  }

  /**
   * @param out standard output
   * @param ablations what {@link #compute} returned
   */
  static void print(PrintWriter out, Ablations ablations) {
    for (LeaveOutResult result : ablations.leaveOut()) {
      out.println();
      out.print(AblationTables.leaveOut(result));
    }
    ablations.largest().ifPresent(curve -> {
      out.println();
      out.print(AblationTables.removeLargest(curve));
    });
  }

  /**
   * @param node a JSON document
   * @param ablations what {@link #compute} returned; nothing is added if empty
   */
  static void addTo(ObjectNode node, Ablations ablations) {
    if (!ablations.isEmpty()) {
      node.set("ablations", CorrelationJson.ablationsNode(ablations));
    }
  }
}
