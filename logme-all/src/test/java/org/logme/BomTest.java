package org.logme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The BOM names every published module of the reactor, at the reactor's version. */
class BomTest {
  private static List<String> all(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.results().map(r -> r.group(1)).toList();
  }

  @Test
  void listsEveryPublishedModuleAtTheReactorVersion() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    String parent = Files.readString(root.resolve("pom.xml"));
    String bom = Files.readString(root.resolve("logme-bom/pom.xml"));
    List<String> published = all(Pattern.compile("<module>(logme-[\\w-]+)</module>"), parent)
        .stream().filter(m -> !m.equals("logme-bench") && !m.equals("logme-bom")).toList();
    assertThat(all(Pattern.compile("<artifactId>(logme-[\\w-]+)</artifactId>"), bom))
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.Stream.concat(published.stream(), java.util.stream.Stream.of(
                "logme-bom")).toList());
    Pattern versions = Pattern.compile("<version>([^<]+)</version>");
    String version = all(versions, parent).get(0);
    assertThat(all(versions, bom).get(0)).as("the BOM's own version").isEqualTo(version);
    String managed = bom.substring(bom.indexOf("<dependencyManagement>"),
        bom.indexOf("</dependencyManagement>"));
    assertThat(all(versions, managed)).containsOnly("${project.version}");
  }
}
