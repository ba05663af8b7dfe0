package org.logme.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir
  Path dir;

  @Test
  void aFailureLeavesTheTargetUntouchedAndNoTemporaryFile() throws IOException {
    Path target = Files.writeString(dir.resolve("out.txt"), "old");
    assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
      out.write("half of the new conte".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    })).hasMessage("disk full");
    assertThat(Files.readString(target)).isEqualTo("old");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void theFileAppearsWholeWithOrdinaryPermissions() throws IOException {
    Path target = dir.resolve("sub/out.txt");
    AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(target)).isEqualTo("new");
    if (Files.getFileStore(target).supportsFileAttributeView("posix")) {
      // the permissions of any new file (the umask's), not a temp file's owner-only 0600
      Path ordinary = Files.createFile(dir.resolve("ordinary.txt"));
      assertThat(Files.getPosixFilePermissions(target))
          .isEqualTo(Files.getPosixFilePermissions(ordinary))
          .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
  }

  @Test
  void severalFilesAreWrittenAllOrNothing() throws IOException {
    Path a = Files.writeString(dir.resolve("a.txt"), "old a");
    Path b = dir.resolve("b.txt");
    java.util.Map<Path, AtomicFiles.Content> contents = new java.util.LinkedHashMap<>();
    contents.put(a, out -> out.write("new a".getBytes(StandardCharsets.UTF_8)));
    contents.put(b, out -> {
      throw new IOException("disk full");
    });
    assertThatThrownBy(() -> AtomicFiles.writeAll(contents)).hasMessage("disk full");
    assertThat(Files.readString(a)).as("the complete first file is not renamed either")
        .isEqualTo("old a");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(a);
    }
    contents.put(b, out -> out.write("new b".getBytes(StandardCharsets.UTF_8)));
    AtomicFiles.writeAll(contents);
    assertThat(Files.readString(a)).isEqualTo("new a");
    assertThat(Files.readString(b)).isEqualTo("new b");
  }
}
