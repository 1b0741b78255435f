package org.bridgeway.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bridgeway.care.CareSignal;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.care.episode.CareRecords;
import org.bridgeway.care.episode.DrugTestResult;
import org.bridgeway.care.episode.EndReason;
import org.bridgeway.care.episode.ProviderReport;
import org.bridgeway.care.episode.Substance;
import org.bridgeway.care.episode.TreatmentBasis;
import org.bridgeway.care.episode.TreatmentEpisode;
import org.bridgeway.care.episode.TreatmentEpisodes;
import org.bridgeway.care.record.Discharge;
import org.bridgeway.care.record.LevelOfCare;
import org.bridgeway.care.record.ProviderRecords;
import org.bridgeway.care.record.TreatmentPlan;
import org.bridgeway.care.session.Appointment;
import org.bridgeway.care.session.AppointmentBook;
import org.bridgeway.care.session.AppointmentKind;
import org.bridgeway.care.session.AppointmentMode;
import org.bridgeway.care.upload.CareUploads;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.bridgeway.testing.SupervisionFixtures.Supervised;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Treatment episodes and provider reports for tests: a treatment provider, a supervised person in
 * treatment there, and reports posted by the provider's staff through the services.
 */
@TestComponent
public class CareFixtures {

  /** An episode a fixture made, with the version a change must quote. */
  public record Episode(
      UUID id,
      long version,
      UUID person,
      OrganizationId agency,
      OrganizationId provider,
      LocalDate startedOn) {}

  private final List<CareSignal> signals = new CopyOnWriteArrayList<>();

  /** Keeps every care signal published, as the other modules' listeners would receive it. */
  @EventListener
  void on(CareSignal signal) {
    signals.add(signal);
  }

  /** The kinds of signal published about a record, in order. */
  public List<CareSignal.Kind> signalsAbout(UUID record) {
    return signals.stream().filter(s -> s.recordId().equals(record)).map(CareSignal::kind).toList();
  }

  /** An appointment a fixture scheduled, with the version a change must quote. */
  public record Appt(UUID id, long version) {}

  private final CareRecords care;
  private final AppointmentBook book;
  private final ProviderRecords records;
  private final TreatmentEpisodes episodes;
  private final SupervisedPeople people;
  private final SupervisionFixtures supervision;
  private final TestUsers users;
  private final Clock clock;
  private final JdbcClient jdbc;
  private final CareUploads uploads;

  CareFixtures(
      CareRecords care,
      AppointmentBook book,
      ProviderRecords records,
      TreatmentEpisodes episodes,
      SupervisedPeople people,
      SupervisionFixtures supervision,
      TestUsers users,
      Clock clock,
      JdbcClient jdbc,
      CareUploads uploads) {
    this.care = care;
    this.book = book;
    this.records = records;
    this.episodes = episodes;
    this.people = people;
    this.supervision = supervision;
    this.users = users;
    this.clock = clock;
    this.uploads = uploads;
    this.jdbc = jdbc;
  }

  /** An open alert (concern flagged) on a new person of the agency in treatment at a provider. */
  public UUID alert(OrganizationId agency) {
    return alert(agency, supervision.supervised(agency));
  }

  /** An open alert (concern flagged) on the person, in treatment at a new provider. */
  public UUID alert(OrganizationId agency, Supervised supervised) {
    Episode episode = episode(agency, supervised, provider());
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO care_alert (id, person_id, agency_id, provider_id, episode_id, rule,
                trigger_key, trigger_ids, category, sensitivity, day, officer_ids, raised_at,
                escalate_at, state, version)
            VALUES (:id, :person, :agency, :provider, :episode, 'CONCERN_FLAGGED', :key,
                ARRAY[:key]::uuid[], 'PROGRESS', 'HEALTH', :day, ARRAY[:officer]::uuid[], :at,
                NULL, 'OPEN', 0)
            """)
        .param("id", id)
        .param("person", supervised.person())
        .param("agency", agency.value())
        .param("provider", episode.provider().value())
        .param("episode", episode.id())
        .param("key", UUID.randomUUID())
        .param("day", LocalDate.now(clock))
        .param("officer", supervised.officer().value())
        .param("at", java.sql.Timestamp.from(clock.instant()))
        .update();
    return id;
  }

  /** The version of the agency's alert rules (0 while it keeps the defaults). */
  public long alertRulesVersion(OrganizationId agency) {
    return jdbc.sql("SELECT version FROM care_alert_rule_version WHERE agency_id = :agency")
        .param("agency", agency.value())
        .query(Long.class)
        .optional()
        .orElse(0L);
  }

  /** A new treatment provider organization. */
  public OrganizationId provider() {
    return users.organization(OrganizationKind.TREATMENT_PROVIDER);
  }

  /** A provider's staff member acting through an API token. */
  public static BridgewayPrincipal staffOf(OrganizationId provider) {
    return Principals.apiClient(provider, OrganizationKind.TREATMENT_PROVIDER, Role.PROVIDER_STAFF);
  }

  /** The supervised person in treatment at the provider since their case started, as recorded. */
  public Episode episode(OrganizationId agency, Supervised supervised, OrganizationId provider) {
    TreatmentEpisode recorded =
        care.recordEpisode(
            SupervisionFixtures.administratorOf(agency),
            new PersonId(supervised.person()),
            new CareRecords.NewEpisode(
                provider, null, TreatmentBasis.COURT_ORDERED, supervised.startedOn()));
    return of(recorded);
  }

  /**
   * A new person of a new agency in treatment at an organization of any kind (the authorization
   * matrix's organizations are all registered as agencies): saved directly, past the service's
   * check that the provider is a treatment provider.
   */
  public Episode episodeAt(OrganizationId provider) {
    OrganizationId agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    Supervised supervised = supervision.supervised(agency);
    SupervisedPeople.PersonHeading heading =
        people.visibleTo(
            SupervisionFixtures.administratorOf(agency), new PersonId(supervised.person()));
    TreatmentEpisode episode =
        TreatmentEpisode.record(
            TreatmentEpisodeId.random(),
            new TreatmentEpisode.PersonShown(
                heading.id(), heading.fullName(), heading.dateOfBirth()),
            agency,
            provider,
            null,
            TreatmentBasis.SUPERVISION_CONDITION,
            supervised.startedOn(),
            "fixture",
            clock.instant(),
            LocalDate.now(clock));
    return of(episodes.save(episode));
  }

  /** An attendance report on the episode, dated its start, posted by the provider's staff. */
  public UUID attendance(Episode episode) {
    return report(
        episode,
        new ProviderReport.Content(
            InformationCategory.ATTENDANCE,
            LocalDate.now(clock),
            "Attended the group session",
            null,
            Set.of()));
  }

  /** A positive drug test (cannabis) on the episode, posted by the provider's staff. */
  public UUID positiveDrugTest(Episode episode) {
    return report(
        episode,
        new ProviderReport.Content(
            InformationCategory.DRUG_TEST_RESULTS,
            LocalDate.now(clock),
            "Observed urine screen",
            DrugTestResult.POSITIVE,
            Set.of(Substance.CANNABIS)));
  }

  /**
   * An individual in-person session of the episode at a time, scheduled by the provider's staff.
   */
  public Appt appointment(Episode episode, Instant startsAt) {
    Appointment scheduled =
        book.schedule(
                staffOf(episode.provider()),
                new TreatmentEpisodeId(episode.id()),
                new Appointment.Details(
                    AppointmentKind.INDIVIDUAL,
                    AppointmentMode.IN_PERSON,
                    startsAt,
                    60,
                    "Room 2",
                    null,
                    null))
            .appointment();
    return new Appt(scheduled.id().value(), scheduled.version());
  }

  /** A session of the episode that started an hour ago, so that it takes attendance. */
  public Appt pastAppointment(Episode episode) {
    return appointment(episode, clock.instant().minus(Duration.ofHours(1)));
  }

  /** A first plan of the episode with two goals; returns the plan's goal ids in order. */
  public List<UUID> plan(Episode episode) {
    TreatmentPlan plan =
        records.writePlan(
            staffOf(episode.provider()),
            new TreatmentEpisodeId(episode.id()),
            new TreatmentPlan.Content(
                LevelOfCare.ASAM_1,
                12,
                LocalDate.now(clock),
                List.of(
                    new TreatmentPlan.GoalEntry(null, "No substance use"),
                    new TreatmentPlan.GoalEntry(null, "Stable housing"))),
            null);
    return plan.goals().stream().map(g -> g.goalId()).toList();
  }

  /** Discharges the person on the episode's start day, completed; ends the episode. */
  public UUID discharge(Episode episode) {
    return records
        .discharge(
            staffOf(episode.provider()),
            new TreatmentEpisodeId(episode.id()),
            new Discharge.Content(
                episode.startedOn(), EndReason.COMPLETED, "Completed the program", List.of()),
            episode.version())
        .id()
        .value();
  }

  public UUID report(Episode episode, ProviderReport.Content content) {
    return care.postReport(
            staffOf(episode.provider()), new TreatmentEpisodeId(episode.id()), content)
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

  /** A queued attendance upload of the organization, by its staff (the job is not run). */
  public UUID uploadJob(OrganizationId provider) {
    return uploads.submit(
        staffOf(provider),
        "fixture.csv",
        ("external_id,episode_id,starts_at,kind,mode,attendance\nF-1,"
                + UUID.randomUUID()
                + ",2026-01-05T10:00:00Z,INDIVIDUAL,IN_PERSON,ATTENDED\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
