package org.logme.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.logme.eval.ImageNet10Benchmark;
import org.logme.eval.table.Group;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.table.ScoreColumn;
import org.logme.eval.table.TableSpec;

class ResultsCsvTest {

  @Test
  void readsBackToTheSameTable() {
    ResultsTable table = ImageNet10Benchmark.table();
    String csv = ResultsCsv.render(table);
    assertThat(csv).startsWith("dataset,model,accuracy,hscore,leep,logme,nce,"
        + "static:imagenet_top1,static:params\nAircraft,googlenet,82.7,28.3718,-4.31,0.9338,"
        + "-4.2475,69.778,6624904.0\n");
    // the marked columns read back as static baselines without naming them
    ResultsTable back = ResultsTable.parse(new StringReader(csv), "results.csv",
        TableSpec.truth("accuracy").withGroup("dataset"));
    assertSameValues(back, table);
  }

  @Test
  void missingValuesAreEmptyCellsAndNamesAreQuoted() {
    ResultsTable table = ResultsTable.parse(new StringReader(
        "model,accuracy,logme\n\"a,b\",,1\nc,2,\n"), "t.csv", TableSpec.truth("accuracy"));
    String csv = ResultsCsv.render(table);
    assertThat(csv).isEqualTo("model,accuracy,logme\n\"a,b\",,1.0\nc,2.0,\n");
    assertSameValues(ResultsTable.parse(new StringReader(csv), "again.csv",
        TableSpec.truth("accuracy")), table);
  }

  private static void assertSameValues(ResultsTable actual, ResultsTable expected) {
    assertThat(actual.columns()).isEqualTo(expected.columns());
    assertThat(actual.groups()).hasSameSizeAs(expected.groups());
    for (int g = 0; g < expected.groups().size(); g++) {
      Group e = expected.groups().get(g);
      Group a = actual.groups().get(g);
      assertThat(a.name()).isEqualTo(e.name());
      assertThat(a.models()).isEqualTo(e.models());
      for (int m = 0; m < e.size(); m++) {
        assertThat(a.truth(m)).isEqualTo(e.truth(m));
        for (int c = 0; c < expected.columns().size(); c++) {
          assertThat(a.score(c, m)).isEqualTo(e.score(c, m));
        }
      }
    }
    assertThat(actual.columns().stream().filter(ScoreColumn::isStatic).count())
        .isEqualTo(expected.columns().stream().filter(ScoreColumn::isStatic).count());
  }
}
