package org.logme.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates the reference fixtures in {@code ../shared/fixtures} (a sibling of the repository,
 * on developer machines and in CI alike). The {@code logme.shared} system property, set by the
 * build, wins; otherwise the directories above the working directory are searched.
 */
public final class SharedFixtures {
  /** Loaded on first use, so that callers who only need paths need no Jackson. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private SharedFixtures() {
  }

  /** @return the {@code shared} directory */
  public static Path root() {
    String configured = System.getProperty("logme.shared");
    if (configured != null && Files.isDirectory(Path.of(configured, "fixtures"))) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("fixtures"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("cannot find ../shared/fixtures (set -Dlogme.shared=DIR)");
  }

  /** @return the directory of one fixture case, e.g. {@code cls-digits} */
  public static Path fixture(String name) {
    Path p = root().resolve("fixtures").resolve(name);
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("no fixture " + p);
    }
    return p;
  }

  /** @return the parsed {@code expected.json} of a case */
  public static JsonNode expected(String name) {
    try {
      return Json.MAPPER.readTree(fixture(name).resolve("expected.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the names of the cases whose name starts with a prefix, sorted */
  public static List<String> cases(String... prefixes) {
    try (Stream<Path> dirs = Files.list(root().resolve("fixtures"))) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(n -> Stream.of(prefixes).anyMatch(n::startsWith)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
