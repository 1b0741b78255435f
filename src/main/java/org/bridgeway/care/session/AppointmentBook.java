package org.bridgeway.care.session;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.care.AppointmentId;
import org.bridgeway.care.CareSignal;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.care.episode.CareInputRejected;
import org.bridgeway.care.episode.DisclosableRecord;
import org.bridgeway.care.episode.DisclosableRecords;
import org.bridgeway.care.episode.EpisodeAccess;
import org.bridgeway.care.episode.TreatmentEpisode;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.Part2Programs;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.PersonId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The appointments of episodes, kept by the episode's provider: schedule, move, cancel, and record
 * attendance. Only the provider's staff reach them (others get 404). Every read and change is
 * audited with ids and codes, and every change publishes its {@link CareSignal} in the same
 * transaction. Attendance is one record per appointment; a bulk upload records it row by row
 * through {@link #recordAttendance}, whose rules are the appointment's own ({@link
 * Appointment#attendanceViolations}).
 */
@Service
public class AppointmentBook implements DisclosableRecords {

  static final String APPOINTMENT = "care-appointment";

  /** A scheduling's result: the appointment, and whether it is new (false: the external id's). */
  public record Scheduled(Appointment appointment, boolean created) {}

  private final Appointments appointments;
  private final EpisodeAccess access;
  private final Part2Programs part2;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  AppointmentBook(
      Appointments appointments,
      EpisodeAccess access,
      Part2Programs part2,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.appointments = appointments;
    this.access = access;
    this.part2 = part2;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The appointments of an episode at the caller's organization, earliest first; audited as a read.
   *
   * @throws NotFoundException if there is no such episode or it is at another organization
   */
  @Transactional
  public List<Appointment> appointmentsOf(BridgewayPrincipal principal, TreatmentEpisodeId id) {
    TreatmentEpisode episode = access.atProvider(principal, id);
    List<Appointment> found = appointments.findByEpisodeIdOrderByStartsAt(id);
    audit.record(
        AuditEvent.success("care.appointment.list")
            .withRecord("care-episode", id.value())
            .withPerson(episode.personId().value())
            .withDetail("appointments", Integer.toString(found.size())));
    return found;
  }

  /**
   * One appointment of an episode at the caller's organization; audited as a read.
   *
   * @throws NotFoundException if there is no such appointment in the episode, or the episode is at
   *     another organization
   */
  @Transactional
  public Appointment appointment(
      BridgewayPrincipal principal, TreatmentEpisodeId id, AppointmentId appointmentId) {
    TreatmentEpisode episode = access.atProvider(principal, id);
    Appointment found = of(episode, appointmentId);
    audit.record(event("care.appointment.read", episode, found));
    return found;
  }

  /**
   * Schedules an appointment of an episode at the caller's organization. An external id the
   * provider used already for an appointment of this episode answers that appointment, so that a
   * partner system's retry schedules nothing twice.
   *
   * @throws NotFoundException if there is no such episode or it is at another organization
   * @throws DomainRuleViolation if the episode ended
   * @throws CareInputRejected naming every field at fault, and an external id used for another
   *     episode's appointment
   */
  @Transactional
  public Scheduled schedule(
      BridgewayPrincipal principal, TreatmentEpisodeId id, Appointment.Details details) {
    TreatmentEpisode episode = access.atProvider(principal, id);
    if (details.externalId() != null && !details.externalId().isBlank()) {
      Optional<Appointment> known =
          appointments.findByProviderIdAndExternalId(
              episode.providerId(), details.externalId().strip());
      if (known.isPresent()) {
        if (!known.get().episodeId().equals(id)) {
          throw new CareInputRejected(
              List.of(
                  new FieldViolation(
                      "externalId", "Taken", "is the id of another episode's appointment")));
        }
        return new Scheduled(known.get(), false);
      }
    }
    Instant now = clock.instant();
    Appointment appointment =
        Appointment.schedule(
            AppointmentId.random(),
            episode,
            details,
            part2.sensitivityOf(episode.providerId()),
            principal.reference(),
            now);
    appointments.save(appointment);
    audit.record(
        event("care.appointment.schedule", episode, appointment)
            .withDetail("kind", appointment.kind().name())
            .withDetail("mode", appointment.mode().name()));
    signal(episode, CareSignal.Kind.APPOINTMENT_SCHEDULED, appointment, now);
    return new Scheduled(appointment, true);
  }

  /**
   * Moves a scheduled appointment to a new time.
   *
   * @throws NotFoundException if there is no such appointment in an episode of the caller's
   *     organization
   * @throws OptimisticLockingFailureException if it changed since the caller read it
   * @throws DomainRuleViolation if it is no longer scheduled
   * @throws CareInputRejected naming every field at fault
   */
  @Transactional
  public Appointment reschedule(
      BridgewayPrincipal principal,
      TreatmentEpisodeId id,
      AppointmentId appointmentId,
      Instant startsAt,
      ChangeParty requestedBy,
      String reason,
      long version) {
    TreatmentEpisode episode = access.atProvider(principal, id);
    Appointment appointment = current(episode, appointmentId, version);
    Instant now = clock.instant();
    appointment.reschedule(startsAt, requestedBy, reason, principal.reference(), now);
    appointments.save(appointment);
    audit.record(
        event("care.appointment.reschedule", episode, appointment)
            .withDetail("requestedBy", requestedBy.name()));
    signal(episode, CareSignal.Kind.APPOINTMENT_CHANGED, appointment, now);
    return appointment;
  }

  /**
   * Cancels a scheduled appointment.
   *
   * @throws NotFoundException if there is no such appointment in an episode of the caller's
   *     organization
   * @throws OptimisticLockingFailureException if it changed since the caller read it
   * @throws DomainRuleViolation if it is no longer scheduled
   * @throws CareInputRejected if who asked or why is missing
   */
  @Transactional
  public Appointment cancel(
      BridgewayPrincipal principal,
      TreatmentEpisodeId id,
      AppointmentId appointmentId,
      ChangeParty requestedBy,
      String reason,
      long version) {
    TreatmentEpisode episode = access.atProvider(principal, id);
    Appointment appointment = current(episode, appointmentId, version);
    Instant now = clock.instant();
    appointment.cancel(requestedBy, reason, principal.reference(), now);
    appointments.save(appointment);
    audit.record(
        event("care.appointment.cancel", episode, appointment)
            .withDetail("requestedBy", requestedBy.name()));
    signal(episode, CareSignal.Kind.APPOINTMENT_CANCELLED, appointment, now);
    return appointment;
  }

  /**
   * Records whether the person came to an appointment. Publishes {@code ATTENDANCE_RECORDED}, and
   * also {@code NO_SHOW_UNEXCUSED} for an unexcused no-show and {@code CONCERN_FLAGGED} when a
   * concern is flagged, so that the officer is alerted at once.
   *
   * @throws NotFoundException if there is no such appointment in an episode of the caller's
   *     organization
   * @throws OptimisticLockingFailureException if it changed since the caller read it
   * @throws DomainRuleViolation if attendance was recorded already or it was cancelled
   * @throws CareInputRejected naming every field at fault ({@link
   *     Appointment#attendanceViolations})
   */
  @Transactional
  public Appointment recordAttendance(
      BridgewayPrincipal principal,
      TreatmentEpisodeId id,
      AppointmentId appointmentId,
      Appointment.AttendanceEntry entry,
      long version) {
    TreatmentEpisode episode = access.atProvider(principal, id);
    Appointment appointment = current(episode, appointmentId, version);
    Instant now = clock.instant();
    appointment.recordAttendance(entry, principal.reference(), now);
    appointments.save(appointment);
    Attendance attendance = appointment.attendance();
    AuditEvent recorded =
        event("care.attendance.record", episode, appointment)
            .withDetail("outcome", attendance.outcome().name());
    audit.record(
        attendance.concernFlags().isEmpty()
            ? recorded
            : recorded.withDetail("concerns", attendance.concerns()));
    signal(episode, CareSignal.Kind.ATTENDANCE_RECORDED, appointment, now);
    if (attendance.outcome() == AttendanceOutcome.NO_SHOW_UNEXCUSED) {
      signal(episode, CareSignal.Kind.NO_SHOW_UNEXCUSED, appointment, now);
    }
    if (!attendance.concernFlags().isEmpty()) {
      signal(episode, CareSignal.Kind.CONCERN_FLAGGED, appointment, now);
    }
    return appointment;
  }

  /** A person's appointments as attendance information, for the officer's view under consent. */
  @Override
  public List<DisclosableRecord> ofPerson(PersonId person) {
    List<DisclosableRecord> records = new ArrayList<>();
    for (Appointment a : appointments.findByPersonIdOrderByStartsAt(person).reversed()) {
      records.add(
          new DisclosableRecord(
              a.episodeId(), a.providerId(), InformationCategory.ATTENDANCE, a.sensitivity(), a));
    }
    return records;
  }

  private Appointment current(TreatmentEpisode episode, AppointmentId appointmentId, long version) {
    Appointment appointment = of(episode, appointmentId);
    if (appointment.version() != version) {
      throw new OptimisticLockingFailureException(
          "The appointment "
              + appointmentId
              + " is at version "
              + appointment.version()
              + ", not "
              + version);
    }
    return appointment;
  }

  private Appointment of(TreatmentEpisode episode, AppointmentId appointmentId) {
    return appointments
        .findById(appointmentId)
        .filter(a -> a.episodeId().equals(episode.id()))
        .orElseThrow(() -> new NotFoundException("appointment"));
  }

  private void signal(
      TreatmentEpisode episode, CareSignal.Kind kind, Appointment appointment, Instant now) {
    events.publishEvent(episode.signal(kind, appointment.id().value(), appointment.day(), now));
  }

  private static AuditEvent event(String action, TreatmentEpisode episode, Appointment a) {
    return AuditEvent.success(action)
        .withRecord(APPOINTMENT, a.id().value())
        .withPerson(episode.personId().value())
        .withDetail("episode", episode.id().toString());
  }
}
