package org.bridgeway.care.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.bridgeway.care.alert.Compliance.Attendance;
import org.bridgeway.care.alert.Compliance.Status;
import org.bridgeway.care.alert.Compliance.Tests;
import org.junit.jupiter.api.Test;

class ComplianceTest {

  @Test
  void attendanceIsRatedByItsRateAndItsUnexcusedNoShows() {
    assertThat(Compliance.statusOf(attendance(10, 10, 0))).isEqualTo(Status.COMPLIANT);
    assertThat(Compliance.statusOf(attendance(20, 17, 0))).isEqualTo(Status.COMPLIANT);
    assertThat(Compliance.statusOf(attendance(20, 16, 0))).isEqualTo(Status.AT_RISK);
    assertThat(Compliance.statusOf(attendance(10, 9, 1))).isEqualTo(Status.AT_RISK);
    assertThat(Compliance.statusOf(attendance(10, 6, 0))).isEqualTo(Status.AT_RISK);
    assertThat(Compliance.statusOf(attendance(10, 5, 0))).isEqualTo(Status.NOT_COMPLIANT);
    assertThat(Compliance.statusOf(attendance(20, 17, 3))).isEqualTo(Status.NOT_COMPLIANT);
    assertThat(Compliance.statusOf(attendance(0, 0, 0))).isEqualTo(Status.NO_RECORDS);
  }

  @Test
  void testsAreRatedByTheFailedOnes() {
    assertThat(Compliance.statusOf(new Tests(3, 0, 0, 0, 0))).isEqualTo(Status.COMPLIANT);
    assertThat(Compliance.statusOf(new Tests(3, 0, 0, 0, 1))).isEqualTo(Status.AT_RISK);
    assertThat(Compliance.statusOf(new Tests(3, 1, 0, 0, 0))).isEqualTo(Status.AT_RISK);
    assertThat(Compliance.statusOf(new Tests(3, 1, 0, 1, 0))).isEqualTo(Status.NOT_COMPLIANT);
    assertThat(Compliance.statusOf(new Tests(0, 0, 2, 0, 0))).isEqualTo(Status.NOT_COMPLIANT);
    assertThat(Compliance.statusOf(new Tests(0, 0, 0, 0, 0))).isEqualTo(Status.NO_RECORDS);
  }

  private static Attendance attendance(int due, int attended, int unexcused) {
    return new Attendance(
        due, attended, 0, unexcused, 0, due == 0 ? null : attended / (double) due, null);
  }
}
