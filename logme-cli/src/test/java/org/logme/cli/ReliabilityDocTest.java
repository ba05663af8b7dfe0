package org.logme.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/reliability.md} true: every test it names ({@code `SomeTest`} or
 * {@code `SomeTest.method`}) exists in some module. Its catalogue table is checked against the
 * CLI by {@link BadInputCatalogueTest}.
 */
class ReliabilityDocTest {
  private static final Pattern REFERENCE =
      Pattern.compile("`([A-Z][A-Za-z0-9]*Test)(?:\\.([a-z][A-Za-z0-9]*))?`");

  /** @return the repository's root: the parent of the module the tests run in */
  static Path root() {
    Path module = Path.of("").toAbsolutePath();
    Path root = Files.isRegularFile(module.resolve("docs/reliability.md")) ? module
        : module.getParent();
    assertThat(root.resolve("pom.xml")).exists();
    return root;
  }

  /** @return docs/reliability.md */
  static Path document() {
    return root().resolve("docs/reliability.md");
  }

  @Test
  void everyTestTheDocumentNamesExists() throws IOException {
    String doc = Files.readString(document());
    Matcher m = REFERENCE.matcher(doc);
    List<String> missing = new ArrayList<>();
    int references = 0;
    while (m.find()) {
      references++;
      String type = m.group(1);
      String method = m.group(2);
      Optional<Path> source = find(type);
      if (source.isEmpty()) {
        missing.add(type + " (no such test class)");
      } else if (method != null && !read(source.get()).contains(" " + method + "(")) {
        missing.add(type + "." + method + " (no such method in " + root().relativize(
            source.get()) + ")");
      }
    }
    assertThat(references).as("the document names tests").isGreaterThan(10);
    assertThat(missing).as("tests named in docs/reliability.md").isEmpty();
  }

  private static Optional<Path> find(String type) throws IOException {
    try (Stream<Path> modules = Files.list(root())) {
      for (Path module : modules.filter(Files::isDirectory).toList()) {
        Path tests = module.resolve("src/test/java");
        if (Files.isDirectory(tests)) {
          try (Stream<Path> files = Files.walk(tests)) {
            Optional<Path> found = files.filter(p -> p.getFileName().toString()
                .equals(type + ".java")).findFirst();
            if (found.isPresent()) {
              return found;
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
