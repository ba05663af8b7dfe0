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
      // the other modules' test-jars (shared contract suites) are tests too
      .withImportOption(location -> !location.contains("-tests.jar"))
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
        .should().dependOnClassesThat().resideOutsideOfPackages("org.logme.api..", "java..")
        .check(CLASSES);
  }

  @Test
  void numericsKnowOnlyTheSpi() {
    // com.sun.management: the JVM's own report of whether it compiles FMA instructions;
    // jdk.incubator.vector: the JDK's Vector API, used by org.logme.numerics.kernel.vector alone
    noClasses().that().resideInAPackage("org.logme.numerics..")
        .should().dependOnClassesThat().resideOutsideOfPackages("org.logme.api..",
            "org.logme.numerics..", "java..", "com.sun.management..", "jdk.incubator.vector..")
        .check(CLASSES);
  }

  @Test
  void onlyTheVectorKernelsUseTheIncubatingVectorApi() {
    // loaded only when the module is present; everything else runs without it
    noClasses().that().resideOutsideOfPackage("org.logme.numerics.kernel.vector..")
        .should().dependOnClassesThat().resideInAPackage("jdk.incubator.vector..")
        .check(CLASSES);
  }

  @Test
  void inputOutputKnowsOnlyTheSpiAndNumerics() {
    noClasses().that().resideInAPackage("org.logme.io..")
        .should().dependOnClassesThat().resideOutsideOfPackages("org.logme.api..",
            "org.logme.numerics..", "org.logme.io..", "java..",
            // the safetensors header is JSON, parsed by Jackson's streaming parser
            "com.fasterxml.jackson.core..")
        .check(CLASSES);
  }

  @Test
  void sparkAndHdf5ArePluginsThatNoOtherCodeReferences() {
    // found by ServiceLoader (StatisticsEngine, ArrayFormat), so that a library user who scores
    // .npy files never loads (or downloads) Spark, Hadoop or jhdf
    noClasses().that().resideOutsideOfPackage("org.logme.spark..")
        .should().dependOnClassesThat().resideInAnyPackage("org.logme.spark..",
            "org.apache.spark..", "org.apache.hadoop..", "org.apache.parquet..", "scala..")
        .check(CLASSES);
    noClasses().that().resideOutsideOfPackage("org.logme.hdf5..")
        .should().dependOnClassesThat().resideInAnyPackage("org.logme.hdf5..", "io.jhdf..")
        .check(CLASSES);
  }

  @Test
  void sparkAndHdf5KnowOnlyTheSpiNumericsAndInput() {
    noClasses().that().resideInAnyPackage("org.logme.spark..", "org.logme.hdf5..")
        .should().dependOnClassesThat().resideInAnyPackage("org.logme.core..",
            "org.logme.baselines..", "org.logme.linalg..", "org.logme.eval..", "org.logme.cli..",
            "org.logme.models..", "org.logme.probe..")
        .check(CLASSES);
  }

  @Test
  void theCoreIsLogMeOnTheSpiAlone() {
    noClasses().that().resideInAPackage("org.logme.core..")
        .should().dependOnClassesThat().resideOutsideOfPackages("org.logme.api..",
            "org.logme.core..", "java..")
        .check(CLASSES);
  }

  @Test
  void thePreTrainedModelsAndTheProbeKnowOnlyTheSpi() {
    noClasses().that().resideInAnyPackage("org.logme.models..", "org.logme.probe..")
        .should().dependOnClassesThat().resideInAnyPackage("org.logme.core..",
            "org.logme.linalg..", "org.logme.baselines..", "org.logme.eval..", "org.logme.cli..",
            "org.logme.io..")
        .check(CLASSES);
  }

  @Test
  void theModelsArePluginsThatNoOtherCodeReferences() {
    // found by ServiceLoader at run time, so a user who only scores .npy files never loads
    // (or downloads) ONNX Runtime and the weights
    noClasses().that().resideOutsideOfPackage("org.logme.models..")
        .should().dependOnClassesThat().resideInAnyPackage("org.logme.models..",
            "dev.langchain4j..", "ai.onnxruntime..", "ai.djl..")
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
        .should().dependOnClassesThat().resideInAnyPackage("org.logme.io..", "java.nio.file..")
        .check(CLASSES);
  }

  @Test
  void librariesDoNotReachIntoTheCommandLine() {
    noClasses().that().resideOutsideOfPackage("org.logme.cli..")
        .should().dependOnClassesThat().resideInAPackage("org.logme.cli..")
        .check(CLASSES);
  }
}
