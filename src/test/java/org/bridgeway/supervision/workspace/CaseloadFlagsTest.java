package org.bridgeway.supervision.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.junit.jupiter.api.Test;

class CaseloadFlagsTest {

  @Test
  void eachPartFillsOnlyTheColumnsItOwns() {
    CaseloadFlags needs = new CaseloadFlags("HIGH", List.of("HOUSING"), null, null, null, 2, false);
    CaseloadFlags contacts =
        new CaseloadFlags(null, null, LocalDate.of(2026, 12, 9), true, 1, null, null);

    CaseloadFlags both = CaseloadFlags.NONE.and(needs).and(contacts);

    assertThat(both)
        .isEqualTo(
            new CaseloadFlags(
                "HIGH", List.of("HOUSING"), LocalDate.of(2026, 12, 9), true, 1, 2, false));
    assertThat(contacts.and(needs)).isEqualTo(both);
  }

  @Test
  void sortingOrFilteringByAnotherPartsColumnNeedsEveryLine() {
    assertThat(query(CaseloadSort.NAME, null, false).needsEveryLine()).isFalse();
    assertThat(query(CaseloadSort.END, null, false).needsEveryLine()).isFalse();
    assertThat(query(CaseloadSort.RISK, null, false).needsEveryLine()).isTrue();
    assertThat(query(CaseloadSort.ALERTS, null, false).needsEveryLine()).isTrue();
    assertThat(query(CaseloadSort.NAME, "HIGH", false).needsEveryLine()).isTrue();
    assertThat(query(CaseloadSort.NAME, null, true).needsEveryLine()).isTrue();
  }

  @Test
  void aLineIsOverdueWhenItsContactOrItsReassessmentIs() {
    assertThat(line(new CaseloadFlags(null, null, null, true, null, null, null)).overdue())
        .isTrue();
    assertThat(line(new CaseloadFlags(null, null, null, false, null, null, true)).overdue())
        .isTrue();
    assertThat(line(CaseloadFlags.NONE).overdue()).isFalse();
    assertThat(line(new CaseloadFlags(null, null, null, null, 2, null, null)).alerts())
        .isEqualTo(3);
  }

  private static CaseloadQuery query(CaseloadSort sort, String risk, boolean overdue) {
    return new CaseloadQuery(
        null, null, SupervisionLevel.LOW, risk, overdue, false, sort, false, 0, null);
  }

  private static CaseloadLine line(CaseloadFlags flags) {
    return new CaseloadLine(
        null, null, null, null, null, null, null, LocalDate.of(2027, 1, 1), false, 1, flags);
  }
}
