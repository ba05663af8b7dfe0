package org.logme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logme.api.testing.SharedFixtures;

/**
 * The README's "Use it as a library" example, compiled and run as a user would: the first
 * {@code java} block under that heading is a complete program; it must compile against the
 * library alone, fit in five lines of code of its own, and print the reference LogME score of a
 * fixture.
 */
class ReadmeExampleTest {
  private static final String HEADING = "## Use it as a library";

  static String example() throws IOException {
    Path readme = null;
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("README.md"))
          && Files.readString(p.resolve("README.md")).contains(HEADING)) {
        readme = p.resolve("README.md");
        break;
      }
    }
    assertThat(readme).as("a README.md with '" + HEADING + "' above the module").isNotNull();
    String text = Files.readString(readme);
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL)
        .matcher(text.substring(text.indexOf(HEADING)));
    assertThat(m.find()).as("a java block under " + HEADING).isTrue();
    return m.group(1);
  }

  @Test
  void theExampleCompilesRunsAndPrintsTheReferenceScore(@TempDir Path dir) throws Exception {
    String source = example();
    Matcher name = Pattern.compile("public class (\\w+)").matcher(source);
    assertThat(name.find()).isTrue();
    // the user's own code: the lines inside main, neither braces nor blank
    String body = source.substring(source.indexOf("main(String[] args) {") + 21,
        source.lastIndexOf("}", source.lastIndexOf("}") - 1));
    assertThat(body.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.equals("}")))
        .hasSizeLessThanOrEqualTo(5);
    Path file = dir.resolve(name.group(1) + ".java");
    Files.writeString(file, source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String classPath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status = javac.run(null, null, diagnostics, "-d", dir.toString(), "-classpath",
        classPath, file.toString());
    assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

    Path fixture = SharedFixtures.fixture("cls-blobs");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = System.out;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
        getClass().getClassLoader())) {
      Method main = loader.loadClass(name.group(1)).getMethod("main", String[].class);
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[] {fixture.resolve("features.npy").toString(),
          fixture.resolve("labels.npy").toString()});
    } finally {
      System.setOut(out);
    }
    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(1);
    double score = Double.parseDouble(lines.get(0).replaceAll(".*: ", ""));
    double expected = SharedFixtures.expected("cls-blobs").at("/logme/exact_score").asDouble();
    assertThat(score).isCloseTo(expected, within(1e-6 * Math.abs(expected)));
  }
}
