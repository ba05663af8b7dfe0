package org.logme.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module boundaries the design depends on, checked on the compiled classes. */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.logme");

  @Test
  void guiceAndPicocliStayInTheCompositionRoot() {
    noClasses().that().resideOutsideOfPackages("org.logme.cli..")
        .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..",
            "picocli..")
        .check(CLASSES);
  }

  @Test
  void theSpiDependsOnNothingElseOfLogme() {
    noClasses().that().resideInAPackage("org.logme.api..")
        .should().dependOnClassesThat().resideInAnyPackage("org.logme.core..", "org.logme.linalg..",
            "org.logme.baselines..", "org.logme.eval..", "org.logme.cli..")
        .check(CLASSES);
  }

  @Test
  void backendsKnowOnlyTheSpi() {
    noClasses().that().resideInAPackage("org.logme.linalg..")
        .should().dependOnClassesThat().resideInAnyPackage("org.logme.core..",
            "org.logme.baselines..", "org.logme.eval..", "org.logme.cli..")
        .check(CLASSES);
  }

  @Test
  void estimatorsDoNoFileInput() {
    noClasses().that().resideInAnyPackage("org.logme.core", "org.logme.baselines..")
        .should().dependOnClassesThat().resideInAnyPackage("org.logme.core.io..", "java.nio.file..")
        .check(CLASSES);
  }

  @Test
  void librariesDoNotReachIntoTheCommandLine() {
    noClasses().that().resideOutsideOfPackage("org.logme.cli..")
        .should().dependOnClassesThat().resideInAPackage("org.logme.cli..")
        .check(CLASSES);
  }
}
