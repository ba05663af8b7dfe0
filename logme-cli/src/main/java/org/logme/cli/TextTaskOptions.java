package org.logme.cli;

import java.nio.file.Path;
import org.logme.api.InvalidParameterException;
import org.logme.eval.extract.TextTask;
import picocli.CommandLine.Option;

/** The labelled texts to extract from: {@code --texts} and its columns, shared by extract and select. */
final class TextTaskOptions {

  @Option(names = "--texts", paramLabel = "FILE.csv", required = true,
      description = "Labelled texts: a UTF-8 CSV file with a header line, one text per row.")
  Path texts;

  @Option(names = "--text-column", paramLabel = "NAME", defaultValue = "text",
      description = "The column holding the texts (default: ${DEFAULT-VALUE}).")
  String textColumn;

  @Option(names = "--label-column", paramLabel = "NAME", defaultValue = "label",
      description = "The column holding the labels, strings or integers (default:"
          + " ${DEFAULT-VALUE}).")
  String labelColumn;

  @Option(names = "--limit", paramLabel = "N",
      description = "Use a stratified sample of N texts (each class keeps its share), for a"
          + " quick first look.")
  Integer limit;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
      description = "Seed of the --limit sample and of the probe's folds (default:"
          + " ${DEFAULT-VALUE}).")
  long seed;

  /** @return the task, sampled if --limit was given */
  TextTask read() {
    if (limit != null && limit < 2) {
      throw new InvalidParameterException("--limit must be at least 2, not " + limit);
    }
    TextTask task = TextTask.read(texts, textColumn, labelColumn);
    return limit == null ? task : task.limit(limit, seed);
  }
}
