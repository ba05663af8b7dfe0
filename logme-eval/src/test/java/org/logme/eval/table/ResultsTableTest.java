package org.logme.eval.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logme.api.InvalidInputException;

class ResultsTableTest {
  private static final TableSpec SPEC = TableSpec.truth("accuracy").withGroup("dataset");

  private static ResultsTable parse(String csv, TableSpec spec) {
    return ResultsTable.parse(new StringReader(csv), "t.csv", spec);
  }

  @Test
  void readsGroupsModelsAndColumnsInFileOrder() {
    ResultsTable table = parse("""
        dataset,model,accuracy,logme,"top 1"
        B,m2,80,0.5,70
        B,m1,90,0.7,71
        A,m1,60,0.2,70
        A,m2,65,,71
        """, SPEC.withStaticColumns(Set.of("top 1")));
    assertThat(table.groups()).extracting(Group::name).containsExactly("B", "A");
    assertThat(table.groups().get(0).models()).containsExactly("m2", "m1");
    assertThat(table.columns()).containsExactly(ScoreColumn.estimator("logme"),
        ScoreColumn.staticBaseline("top 1"));
    Group a = table.groups().get(1);
    assertThat(a.truth(1)).hasValue(65);
    assertThat(a.score(0, 0)).hasValue(0.2);
    assertThat(a.score(0, 1)).isEmpty();
    assertThat(table.truthName()).contains("accuracy");
    assertThat(table.groupColumn()).contains("dataset");
  }

  @Test
  void withoutAGroupColumnThereIsOneGroupNamedAll() {
    ResultsTable table = parse("model,accuracy,logme\na,1,2\nb,3,4\n", TableSpec.truth("accuracy"));
    assertThat(table.groups()).extracting(Group::name).containsExactly(ResultsTable.ALL);
  }

  @Test
  void aMissingTruthColumnListsTheColumnsPresent() {
    assertThatThrownBy(() -> parse("model,acc,logme\na,1,2\nb,3,4\n", TableSpec.truth("accuracy")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("t.csv: no column 'accuracy' (the ground truth); the columns present are:"
            + " model, acc, logme");
  }

  @Test
  void aNonNumericCellNamesItsLineAndColumn() {
    assertThatThrownBy(() -> parse("""
        dataset,model,accuracy,logme
        A,a,80,0.5
        A,b,81,abc
        """, SPEC))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("t.csv, line 3, column 4 ('logme'): 'abc' is not a number");
    assertThatThrownBy(() -> parse("model,accuracy,logme\na,80,0.5\nb,8O,0.6\n",
        TableSpec.truth("accuracy")))
        .hasMessageStartingWith("t.csv, line 3, column 2 ('accuracy'): '8O' is not a number");
    assertThatThrownBy(() -> parse("model,accuracy,logme\na,80,NaN\nb,81,0.6\n",
        TableSpec.truth("accuracy")))
        .hasMessageStartingWith("t.csv, line 2, column 3 ('logme'): 'NaN' is not a finite number");
    assertThatThrownBy(() -> parse("model,accuracy,logme\na,80,0.5f\nb,81,0.6\n",
        TableSpec.truth("accuracy")))
        .hasMessageStartingWith("t.csv, line 2, column 3 ('logme'): '0.5f' is not a number");
  }

  @Test
  void aDuplicateModelWithinAGroupNamesBothLines() {
    assertThatThrownBy(() -> parse("""
        dataset,model,accuracy,logme
        A,a,80,0.5
        B,a,80,0.5
        A,b,81,0.6

        A,a,82,0.7
        B,b,81,0.6
        """, SPEC))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("t.csv, line 6: model 'a' appears twice in group 'A' (lines 2 and"
            + " 6)");
  }

  @Test
  void aGroupWithOneModelHasUndefinedValuesAndLeavesTheMeans() {
    ResultsTable table = parse("""
        dataset,model,accuracy,logme
        A,a,80,0.5
        A,b,81,0.6
        B,a,70,0.1
        """, SPEC);
    CorrelationTable correlations = CorrelationTable.compute(table);
    assertThat(correlations.get("B", "logme", Metric.WEIGHTED_TAU).undefinedReason())
        .contains("fewer than 2 models with both a score and a ground truth (1)");
    assertThat(correlations.mean("logme", Metric.WEIGHTED_TAU).value())
        .isEqualTo(correlations.get("A", "logme", Metric.WEIGHTED_TAU).value());
    assertThat(correlations.notes()).anyMatch(n -> n.startsWith("group 'B' is left out of the"
        + " means"));
    assertThatThrownBy(() -> parse("dataset,model,accuracy,logme\nA,a,80,0.5\nB,b,70,0.1\n",
        SPEC)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("every group has only one model");
  }

  @Test
  void structuralErrorsAreNamed() {
    assertThatThrownBy(() -> parse("", SPEC)).hasMessageStartingWith("t.csv: the file is empty");
    assertThatThrownBy(() -> parse("dataset,model,accuracy,logme\n", SPEC))
        .hasMessageContaining("no lines below it");
    assertThatThrownBy(() -> parse("dataset,model,accuracy,logme\nA,a,80\n", SPEC))
        .hasMessageStartingWith("t.csv, line 2: 3 cells, but the header has 4 columns");
    assertThatThrownBy(() -> parse("dataset,model,accuracy,logme\nA,\"a,80,1\n", SPEC))
        .hasMessageStartingWith("t.csv, line 2, column 2: a quoted field is not closed");
    assertThatThrownBy(() -> parse("dataset,model,accuracy\nA,a,80\nA,b,81\n", SPEC))
        .hasMessageStartingWith("t.csv: no score columns");
    assertThatThrownBy(() -> parse("dataset,model,accuracy,logme\nA,,80,1\nA,b,81,2\n", SPEC))
        .hasMessageStartingWith("t.csv, line 2, column 2 ('model'): empty");
    assertThatThrownBy(() -> parse("model,logme,logme\na,1,2\n", TableSpec.scoresOnly()))
        .hasMessageContaining("column 'logme' appears twice (columns 2 and 3)");
    assertThatThrownBy(() -> parse("model,accuracy,logme\na,1,2\nb,2,3\n",
        TableSpec.truth("accuracy").withStaticColumns(Set.of("params"))))
        .hasMessageContaining("no column 'params' (a static baseline)");
  }

  @Test
  void anEmptyTruthCellIsAMissingValue() {
    ResultsTable table = parse("model,accuracy,logme\na,,1\nb,81,2\nc,82,3\n",
        TableSpec.truth("accuracy"));
    assertThat(table.groups().get(0).truth(0)).isEmpty();
    assertThat(CorrelationTable.compute(table).notes())
        .containsExactly("1 model without accuracy left out of the correlations: a");
  }

  @Test
  void readsQuotedFieldsAndABom() {
    ResultsTable table = parse("\uFEFFmodel,accuracy,logme\n\"res,net\",1,2\n\"say \"\"hi\"\"\",3,4\n",
        TableSpec.truth("accuracy"));
    assertThat(table.groups().get(0).models()).containsExactly("res,net", "say \"hi\"");
  }

  @Test
  void staticFactsAreJoinedByModelName(@TempDir Path dir) throws Exception {
    Path facts = dir.resolve("models.csv");
    Files.writeString(facts, "model,params\na,10\nb,20\nc,5\n");
    ResultsTable table = parse("model,accuracy,logme\nb,1,2\na,3,4\n", TableSpec.truth("accuracy"))
        .withStaticColumns(StaticFacts.read(facts));
    assertThat(table.columns()).containsExactly(ScoreColumn.estimator("logme"),
        ScoreColumn.staticBaseline("params"));
    assertThat(table.groups().get(0).score(1, 0)).hasValue(20);
    assertThat(table.groups().get(0).score(1, 1)).hasValue(10);

    Files.writeString(facts, "model,params\na,10\n");
    assertThatThrownBy(() -> parse("model,accuracy,logme\nb,1,2\na,3,4\n",
        TableSpec.truth("accuracy")).withStaticColumns(StaticFacts.read(facts)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no row for model 'b'");
  }

  @Test
  void aMissingFileIsNamed(@TempDir Path dir) {
    assertThatThrownBy(() -> ResultsTable.read(dir.resolve("nope.csv"), SPEC))
        .isInstanceOf(InvalidInputException.class).hasMessageEndingWith("nope.csv: no such file");
  }
}
