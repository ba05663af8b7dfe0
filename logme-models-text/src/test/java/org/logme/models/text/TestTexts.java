package org.logme.models.text;

import java.util.List;

/** Texts the tests embed: short ones, and one longer than an encoder's 510-token window. */
final class TestTexts {
  private TestTexts() {
  }

  static final String LONG = ("The committee reviewed the proposal in detail, weighing the costs"
      + " of the new bridge against the benefits to commuters and local businesses. ").repeat(30);

  static final List<String> ITEMS = List.of(
      "grinning face with big eyes",
      "a red apple on the kitchen table",
      "the central bank raised interest rates again",
      "小猫在沙发上睡觉",
      "Der Hund läuft schnell über die Wiese.",
      LONG);
}
