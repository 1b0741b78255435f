package org.bridgeway.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.care.AppointmentId;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.care.episode.CareRecords;
import org.bridgeway.care.episode.EndReason;
import org.bridgeway.care.episode.TreatmentBasis;
import org.bridgeway.care.episode.TreatmentEpisode;
import org.bridgeway.care.episode.TreatmentEpisodes;
import org.bridgeway.care.session.Appointment;
import org.bridgeway.care.session.AppointmentKind;
import org.bridgeway.care.session.AppointmentMode;
import org.bridgeway.care.session.Appointments;
import org.bridgeway.care.session.AttendanceOutcome;
import org.bridgeway.care.session.ChangeParty;
import org.bridgeway.care.transition.TransitionKind;
import org.bridgeway.care.transition.Transitions;
import org.bridgeway.consent.Part2Programs;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.bridgeway.testing.CareFixtures.Episode;
import org.bridgeway.testing.SupervisionFixtures.Supervised;
import org.springframework.boot.test.context.TestComponent;

/**
 * Records for continuity of care tests: episodes from a chosen day (recorded by the agency, or
 * opened from a referral), ended by the provider, and appointments at them with their attendance,
 * saved through the aggregates as the provider would record them.
 */
@TestComponent
public class ContinuityFixtures {

  private final CareRecords care;
  private final TreatmentEpisodes episodes;
  private final Appointments appointments;
  private final SupervisedPeople people;
  private final Part2Programs part2;
  private final Clock clock;
  private final CareFixtures careFixtures;
  private final Transitions transitions;

  ContinuityFixtures(
      CareFixtures careFixtures,
      Transitions transitions,
      CareRecords care,
      TreatmentEpisodes episodes,
      Appointments appointments,
      SupervisedPeople people,
      Part2Programs part2,
      Clock clock) {
    this.care = care;
    this.episodes = episodes;
    this.appointments = appointments;
    this.people = people;
    this.part2 = part2;
    this.clock = clock;
    this.careFixtures = careFixtures;
    this.transitions = transitions;
  }

  /** The person in treatment at the provider from the day, recorded by the agency. */
  public Episode episode(
      OrganizationId agency, Supervised supervised, OrganizationId provider, LocalDate startedOn) {
    TreatmentEpisode recorded =
        care.recordEpisode(
            SupervisionFixtures.administratorOf(agency),
            new PersonId(supervised.person()),
            new CareRecords.NewEpisode(provider, null, TreatmentBasis.COURT_ORDERED, startedOn));
    return of(recorded);
  }

  /** The person's episode at the provider opened from the referral, from the day. */
  public Episode fromReferral(
      OrganizationId agency,
      Supervised supervised,
      OrganizationId provider,
      UUID referral,
      LocalDate startedOn) {
    SupervisedPeople.PersonHeading heading =
        people.visibleTo(
            SupervisionFixtures.administratorOf(agency), new PersonId(supervised.person()));
    TreatmentEpisode episode =
        TreatmentEpisode.openFromReferral(
            TreatmentEpisodeId.random(),
            new ReferralId(referral),
            new TreatmentEpisode.PersonShown(
                heading.id(), heading.fullName(), heading.dateOfBirth()),
            agency,
            provider,
            null,
            TreatmentBasis.VOLUNTARY,
            startedOn,
            "fixture",
            clock.instant());
    return of(episodes.save(episode));
  }

  /** The provider ends the episode on the day. */
  public void end(Episode episode, LocalDate endedOn, EndReason reason) {
    TreatmentEpisode current =
        episodes.findById(new TreatmentEpisodeId(episode.id())).orElseThrow();
    care.endEpisode(
        CareFixtures.staffOf(episode.provider()), current.id(), endedOn, reason, current.version());
  }

  /** A scheduled appointment of the episode. */
  public UUID appointment(Episode episode, Instant startsAt) {
    TreatmentEpisode at = episodes.findById(new TreatmentEpisodeId(episode.id())).orElseThrow();
    Appointment appointment =
        Appointment.schedule(
            AppointmentId.random(),
            at,
            new Appointment.Details(
                AppointmentKind.INDIVIDUAL,
                AppointmentMode.IN_PERSON,
                startsAt,
                60,
                "Room 2",
                null,
                null),
            part2.sensitivityOf(episode.provider()),
            "fixture",
            clock.instant());
    return appointments.save(appointment).id().value();
  }

  /** A past appointment of the episode with its attendance recorded. */
  public UUID held(Episode episode, Instant startsAt, AttendanceOutcome outcome) {
    UUID id = appointment(episode, startsAt);
    Appointment appointment = appointments.findById(new AppointmentId(id)).orElseThrow();
    appointment.recordAttendance(
        new Appointment.AttendanceEntry(
            outcome, outcome.needsReason() ? "Fixture reason" : null, null, null, Set.of()),
        "fixture",
        clock.instant());
    appointments.save(appointment);
    return id;
  }

  /** A scheduled appointment, cancelled at the person's request. */
  public UUID cancelled(Episode episode, Instant startsAt) {
    UUID id = appointment(episode, startsAt);
    Appointment appointment = appointments.findById(new AppointmentId(id)).orElseThrow();
    appointment.cancel(ChangeParty.PERSON, "Asked to cancel", "fixture", clock.instant());
    appointments.save(appointment);
    return id;
  }

  /**
   * A hand-off from an episode at the sending organization (of any kind, as the authorization
   * matrix's organizations are agencies) to one at a new provider, recorded by the person's agency;
   * the overlap ends far ahead.
   */
  public UUID handOffFrom(OrganizationId sendingOrganization) {
    Episode from = careFixtures.episodeAt(sendingOrganization);
    TreatmentEpisode sending = episodes.findById(new TreatmentEpisodeId(from.id())).orElseThrow();
    TreatmentEpisode receiving =
        episodes.save(
            TreatmentEpisode.record(
                TreatmentEpisodeId.random(),
                sending.person(),
                from.agency(),
                careFixtures.provider(),
                null,
                TreatmentBasis.VOLUNTARY,
                from.startedOn(),
                "fixture",
                clock.instant(),
                from.startedOn()));
    return transitions
        .recordHandOff(
            SupervisionFixtures.administratorOf(from.agency()),
            new PersonId(from.person()),
            new Transitions.NewHandOff(
                TransitionKind.MOVE,
                from.id(),
                receiving.id().value(),
                LocalDate.now(clock).plusYears(5),
                null))
        .id()
        .value();
  }

  private static Episode of(TreatmentEpisode e) {
    return new Episode(
        e.id().value(),
        e.version(),
        e.personId().value(),
        e.agencyId(),
        e.providerId(),
        e.startedOn());
  }
}
