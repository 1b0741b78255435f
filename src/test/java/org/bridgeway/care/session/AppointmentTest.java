package org.bridgeway.care.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.care.AppointmentId;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.care.episode.CareInputRejected;
import org.bridgeway.care.episode.EndReason;
import org.bridgeway.care.episode.TreatmentBasis;
import org.bridgeway.care.episode.TreatmentEpisode;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.supervision.PersonId;
import org.junit.jupiter.api.Test;

class AppointmentTest {

  static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");
  static final LocalDate TODAY = LocalDate.parse("2026-06-10");

  final TreatmentEpisode episode =
      TreatmentEpisode.record(
          TreatmentEpisodeId.random(),
          new TreatmentEpisode.PersonShown(
              new PersonId(UUID.randomUUID()), "Pat Example", LocalDate.parse("1990-01-01")),
          new OrganizationId(UUID.randomUUID()),
          new OrganizationId(UUID.randomUUID()),
          null,
          TreatmentBasis.COURT_ORDERED,
          LocalDate.parse("2026-05-01"),
          "agency",
          NOW,
          TODAY);

  Appointment at(Instant startsAt) {
    return Appointment.schedule(
        AppointmentId.random(),
        episode,
        new Appointment.Details(
            AppointmentKind.GROUP, AppointmentMode.IN_PERSON, startsAt, 60, null, null, null),
        Sensitivity.PART_2,
        "staff",
        NOW);
  }

  static List<String> fields(List<FieldViolation> violations) {
    return violations.stream().map(FieldViolation::field).toList();
  }

  @Test
  void attendanceIsNotRecordedBeforeTheAppointmentStarts() {
    Appointment later = at(NOW.plus(Duration.ofMinutes(30)));
    Appointment.AttendanceEntry attended =
        new Appointment.AttendanceEntry(AttendanceOutcome.ATTENDED, null, null, null, Set.of());

    assertThat(fields(later.attendanceViolations(attended, NOW))).containsExactly("startsAt");
    assertThatThrownBy(() -> later.recordAttendance(attended, "staff", NOW))
        .isInstanceOf(CareInputRejected.class);
    assertThat(later.attendance()).isNull();
    later.recordAttendance(attended, "staff", NOW.plus(Duration.ofHours(1)));
    assertThat(later.status()).isEqualTo(AppointmentStatus.HELD);
  }

  @Test
  void noShowsAndProviderCancellationsNeedAReasonAndAttendanceIsRecordedOnce() {
    Appointment past = at(NOW.minus(Duration.ofHours(2)));
    for (AttendanceOutcome outcome :
        List.of(
            AttendanceOutcome.NO_SHOW_EXCUSED,
            AttendanceOutcome.NO_SHOW_UNEXCUSED,
            AttendanceOutcome.CANCELLED_BY_PROVIDER)) {
      assertThat(
              fields(
                  past.attendanceViolations(
                      new Appointment.AttendanceEntry(outcome, " ", null, null, Set.of()), NOW)))
          .containsExactly("reason");
    }
    assertThat(
            past.attendanceViolations(
                new Appointment.AttendanceEntry(AttendanceOutcome.LATE, null, null, null, Set.of()),
                NOW))
        .isEmpty();

    past.recordAttendance(
        new Appointment.AttendanceEntry(
            AttendanceOutcome.CANCELLED_BY_PROVIDER, "Counsellor ill", null, null, Set.of()),
        "staff",
        NOW);
    assertThat(past.status()).isEqualTo(AppointmentStatus.CANCELLED);
    assertThatThrownBy(
            () ->
                past.recordAttendance(
                    new Appointment.AttendanceEntry(
                        AttendanceOutcome.ATTENDED, null, null, null, Set.of()),
                    "staff",
                    NOW))
        .isInstanceOf(DomainRuleViolation.class);
  }

  @Test
  void feedbackForTheOfficerHasAtMost500Characters() {
    Appointment past = at(NOW.minus(Duration.ofHours(2)));
    assertThat(
            fields(
                past.attendanceViolations(
                    new Appointment.AttendanceEntry(
                        AttendanceOutcome.ATTENDED,
                        null,
                        null,
                        "x".repeat(501),
                        Set.of(Concern.RISK)),
                    NOW)))
        .containsExactly("feedback");
  }

  @Test
  void aMoveKeepsTheOldAndNewTimeAndWhoAskedAndACancellationEndsTheChanges() {
    Instant first = NOW.plus(Duration.ofDays(1));
    Instant second = NOW.plus(Duration.ofDays(2));
    Appointment appointment = at(first);

    assertThatThrownBy(
            () ->
                appointment.reschedule(
                    NOW.minus(Duration.ofMinutes(1)), ChangeParty.PERSON, "Work", "staff", NOW))
        .isInstanceOfSatisfying(
            CareInputRejected.class,
            r -> assertThat(fields(r.violations())).containsExactly("startsAt"));
    assertThatThrownBy(() -> appointment.reschedule(second, null, "", "staff", NOW))
        .isInstanceOfSatisfying(
            CareInputRejected.class,
            r -> assertThat(fields(r.violations())).containsExactly("requestedBy", "reason"));

    appointment.reschedule(second, ChangeParty.OFFICER, "Court hearing", "staff", NOW);
    assertThat(appointment.startsAt()).isEqualTo(second);
    AppointmentChange move = appointment.changes().get(0);
    assertThat(move.oldStartsAt()).isEqualTo(first);
    assertThat(move.newStartsAt()).isEqualTo(second);
    assertThat(move.requestedBy()).isEqualTo(ChangeParty.OFFICER);

    appointment.cancel(ChangeParty.PERSON, "Moved away", "staff", NOW);
    assertThat(appointment.status()).isEqualTo(AppointmentStatus.CANCELLED);
    assertThat(appointment.changes())
        .extracting(AppointmentChange::kind)
        .containsExactly(AppointmentChange.Kind.RESCHEDULED, AppointmentChange.Kind.CANCELLED);
    assertThatThrownBy(() -> appointment.cancel(ChangeParty.PERSON, "Again", "staff", NOW))
        .isInstanceOf(DomainRuleViolation.class);
    assertThatThrownBy(
            () -> appointment.reschedule(second.plusSeconds(60), ChangeParty.PERSON, "x", "s", NOW))
        .isInstanceOf(DomainRuleViolation.class);
  }

  @Test
  void anEndedEpisodeTakesNoAppointmentsAndNoneStartBeforeIt() {
    assertThat(
            fields(
                Appointment.scheduleViolations(
                    episode,
                    new Appointment.Details(
                        AppointmentKind.INTAKE,
                        AppointmentMode.PHONE,
                        Instant.parse("2026-04-30T10:00:00Z"),
                        3,
                        null,
                        null,
                        null))))
        .containsExactly("startsAt", "durationMinutes");
    episode.end(TODAY, EndReason.COMPLETED, "staff", NOW, TODAY);
    assertThatThrownBy(() -> at(NOW.plus(Duration.ofDays(1))))
        .isInstanceOf(DomainRuleViolation.class);
  }
}
