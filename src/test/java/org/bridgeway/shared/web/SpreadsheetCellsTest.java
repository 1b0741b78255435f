package org.bridgeway.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetCellsTest {

  @ParameterizedTest
  @ValueSource(strings = {"=SUM(A1:A2)", "+1 555 0100", "-5", "@cmd", "\tindent", "\rreturn"})
  void cellsASpreadsheetWouldRunAsAFormulaAreQuoted(String value) {
    assertThat(SpreadsheetCells.guard(value)).isEqualTo("'" + value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Counselling", "", "'quoted", "a=b", "100", "'", "''"})
  void otherCellsAreLeftAlone(String value) {
    assertThat(SpreadsheetCells.guard(value)).isEqualTo(value);
    assertThat(SpreadsheetCells.unguard(value)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"=SUM(A1:A2)", "+1 555 0100", "-5", "@cmd", "'=already quoted", "''-twice", "x"})
  void importingAnExportedCellGivesBackTheText(String value) {
    assertThat(SpreadsheetCells.unguard(SpreadsheetCells.guard(value))).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"'=1+1", "'+44 1234", "'-3", "'@x"})
  void aQuoteBeforeAFormulaCharacterIsStrippedOnImport(String value) {
    assertThat(SpreadsheetCells.unguard(value)).isEqualTo(value.substring(1));
  }
}
