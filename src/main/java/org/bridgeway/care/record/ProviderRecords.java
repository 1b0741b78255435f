package org.bridgeway.care.record;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.care.CareSignal;
import org.bridgeway.care.DischargeId;
import org.bridgeway.care.DrugTestId;
import org.bridgeway.care.ProgressReportId;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.care.TreatmentPlanId;
import org.bridgeway.care.episode.CareInputRejected;
import org.bridgeway.care.episode.DisclosableRecord;
import org.bridgeway.care.episode.DisclosableRecords;
import org.bridgeway.care.episode.EpisodeAccess;
import org.bridgeway.care.episode.TreatmentEpisode;
import org.bridgeway.care.episode.TreatmentEpisodes;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.Part2Programs;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.PersonId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider's clinical records on an episode at its organization: the treatment plan and its
 * revisions, progress reports, drug and alcohol tests, and the discharge summary that ends the
 * episode. Only the provider's staff reach them (others get 404). Each is stamped with the
 * sensitivity of the provider's information now, audited with ids and codes, and what the officer
 * may need to act on (a positive, refused or missed test; a discharge) publishes its {@link
 * CareSignal} in the same transaction.
 */
@Service
public class ProviderRecords implements DisclosableRecords {

  /** An episode's records as its provider sees them. */
  public record EpisodeRecords(
      List<TreatmentPlan> planRevisions,
      List<ProgressReport> progress,
      List<DrugTest> tests,
      Optional<Discharge> discharge) {

    /** The plan: its latest revision. */
    public Optional<TreatmentPlan> plan() {
      return planRevisions.stream().findFirst();
    }
  }

  /** A drug test's posting: the test, and whether it is new (false: the external id's). */
  public record Posted(DrugTest test, boolean created) {}

  private final TreatmentEpisodes episodes;
  private final TreatmentPlans plans;
  private final ProgressReports progress;
  private final DrugTests tests;
  private final Discharges discharges;
  private final EpisodeAccess access;
  private final Part2Programs part2;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ProviderRecords(
      TreatmentEpisodes episodes,
      TreatmentPlans plans,
      ProgressReports progress,
      DrugTests tests,
      Discharges discharges,
      EpisodeAccess access,
      Part2Programs part2,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.episodes = episodes;
    this.plans = plans;
    this.progress = progress;
    this.tests = tests;
    this.discharges = discharges;
    this.access = access;
    this.part2 = part2;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /**
   * An episode's plan revisions, progress reports, tests and discharge; audited as one read.
   *
   * @throws NotFoundException if there is no such episode or it is at another organization
   */
  @Transactional
  public EpisodeRecords recordsOf(BridgewayPrincipal principal, TreatmentEpisodeId id) {
    TreatmentEpisode episode = access.atProvider(principal, id);
    EpisodeRecords found =
        new EpisodeRecords(
            plans.findByEpisodeIdOrderByRevisionDesc(id),
            progress.findByEpisodeIdOrderByPeriodToDescReportedAtDesc(id),
            tests.findByEpisodeIdOrderByCollectedOnDescReportedAtDesc(id),
            discharges.findByEpisodeId(id));
    audit.record(
        episodeEvent("care.records.read", episode)
            .withDetail("planRevisions", Integer.toString(found.planRevisions().size()))
            .withDetail("progressReports", Integer.toString(found.progress().size()))
            .withDetail("drugTests", Integer.toString(found.tests().size())));
    return found;
  }

  /**
   * Writes the episode's plan: the first one, or the next revision of the present one, which the
   * caller quotes so that two people revising at once do not overwrite each other.
   *
   * @param revises the revision the caller revises; null or 0 for the first plan
   * @throws NotFoundException if there is no such episode or it is at another organization
   * @throws OptimisticLockingFailureException if the plan is not (or no longer) at that revision
   * @throws DomainRuleViolation if the episode ended
   * @throws CareInputRejected naming every field at fault, goals the plan revised does not have,
   *     and {@code revises} when a plan exists and the caller did not say which revision it revises
   */
  @Transactional
  public TreatmentPlan writePlan(
      BridgewayPrincipal principal,
      TreatmentEpisodeId id,
      TreatmentPlan.Content content,
      Integer revises) {
    TreatmentEpisode episode = open(access.atProvider(principal, id));
    Optional<TreatmentPlan> present = plans.findFirstByEpisodeIdOrderByRevisionDesc(id);
    int presentRevision = present.map(TreatmentPlan::revision).orElse(0);
    if (revises == null && presentRevision > 0) {
      // Not a race with another writer: the caller did not say which plan it revises, so it is
      // told which field to give rather than that someone else changed the plan.
      throw new CareInputRejected(
          List.of(
              new FieldViolation(
                  "revises",
                  "Required",
                  "the episode has a plan at revision "
                      + presentRevision
                      + "; give the revision you revise")));
    }
    if ((revises == null ? 0 : revises) != presentRevision) {
      throw new OptimisticLockingFailureException(
          "The plan of " + id + " is at revision " + presentRevision + ", not " + revises);
    }
    Instant now = clock.instant();
    LocalDate today = LocalDate.now(clock);
    Sensitivity sensitivity = part2.sensitivityOf(episode.providerId());
    TreatmentPlan plan =
        present.isEmpty()
            ? TreatmentPlan.first(
                TreatmentPlanId.random(),
                episode,
                content,
                sensitivity,
                principal.reference(),
                now,
                today)
            : present
                .get()
                .revise(
                    TreatmentPlanId.random(),
                    episode,
                    content,
                    sensitivity,
                    principal.reference(),
                    now,
                    today);
    try {
      plans.save(plan);
    } catch (DuplicateKeyException raced) {
      throw new OptimisticLockingFailureException("The plan of " + id + " was revised meanwhile");
    }
    audit.record(
        episodeEvent("care.plan.write", episode)
            .withDetail("plan", plan.id().toString())
            .withDetail("revision", Integer.toString(plan.revision()))
            .withDetail("levelOfCare", plan.levelOfCare().name()));
    return plan;
  }

  /**
   * Posts a progress report on the episode, rating goals of its present plan.
   *
   * @throws NotFoundException if there is no such episode or it is at another organization
   * @throws CareInputRejected naming every field at fault, and goals the plan does not have
   */
  @Transactional
  public ProgressReport postProgress(
      BridgewayPrincipal principal, TreatmentEpisodeId id, ProgressReport.Content content) {
    TreatmentEpisode episode = access.atProvider(principal, id);
    ProgressReport report =
        ProgressReport.post(
            ProgressReportId.random(),
            episode,
            plans.findFirstByEpisodeIdOrderByRevisionDesc(id),
            content,
            part2.sensitivityOf(episode.providerId()),
            principal.reference(),
            clock.instant(),
            LocalDate.now(clock));
    progress.save(report);
    audit.record(
        episodeEvent("care.progress.post", episode)
            .withDetail("report", report.id().toString())
            .withDetail("engagement", report.engagement().name()));
    return report;
  }

  /**
   * Posts a drug or alcohol test of the person in the episode. An external id the provider used
   * already for a test of this episode answers that test. A positive, refused or missed test
   * publishes its signal.
   *
   * @throws NotFoundException if there is no such episode or it is at another organization
   * @throws CareInputRejected naming every field at fault, and an external id used for another
   *     episode's test
   */
  @Transactional
  public Posted postTest(
      BridgewayPrincipal principal, TreatmentEpisodeId id, DrugTest.Content content) {
    TreatmentEpisode episode = access.atProvider(principal, id);
    if (content.externalId() != null && !content.externalId().isBlank()) {
      Optional<DrugTest> known =
          tests.findByProviderIdAndExternalId(episode.providerId(), content.externalId().strip());
      if (known.isPresent()) {
        if (!known.get().episodeId().equals(id)) {
          throw new CareInputRejected(
              List.of(
                  new FieldViolation(
                      "externalId", "Taken", "is the id of another episode's test")));
        }
        return new Posted(known.get(), false);
      }
    }
    Instant now = clock.instant();
    DrugTest test =
        DrugTest.post(
            DrugTestId.random(),
            episode,
            content,
            part2.sensitivityOf(episode.providerId()),
            principal.reference(),
            now,
            LocalDate.now(clock));
    tests.save(test);
    audit.record(
        episodeEvent("care.test.post", episode)
            .withDetail("test", test.id().toString())
            .withDetail("result", test.result().name()));
    CareSignal.Kind kind =
        switch (test.result()) {
          case POSITIVE -> CareSignal.Kind.TEST_POSITIVE;
          case REFUSED -> CareSignal.Kind.TEST_REFUSED;
          case MISSED -> CareSignal.Kind.TEST_MISSED;
          case NEGATIVE, DILUTE, INVALID -> null;
        };
    if (kind != null) {
      events.publishEvent(episode.signal(kind, test.id().value(), test.collectedOn(), now));
    }
    return new Posted(test, true);
  }

  /**
   * Discharges the person: writes the discharge summary and ends the episode (its end day and
   * reason), rating goals of the present plan. Publishes {@code DISCHARGED_COMPLETED} or {@code
   * DISCHARGED_NOT_COMPLETED}.
   *
   * @param version the episode's version the caller read
   * @throws NotFoundException if there is no such episode or it is at another organization
   * @throws OptimisticLockingFailureException if the episode changed since the caller read it
   * @throws DomainRuleViolation if it ended already
   * @throws CareInputRejected naming every field at fault, and goals the plan does not have
   */
  @Transactional
  public Discharge discharge(
      BridgewayPrincipal principal,
      TreatmentEpisodeId id,
      Discharge.Content content,
      long version) {
    TreatmentEpisode episode = access.atProvider(principal, id);
    if (episode.version() != version) {
      throw new OptimisticLockingFailureException(
          "The episode " + id + " is at version " + episode.version() + ", not " + version);
    }
    open(episode);
    Instant now = clock.instant();
    Discharge discharge =
        Discharge.discharge(
            DischargeId.random(),
            episode,
            plans.findFirstByEpisodeIdOrderByRevisionDesc(id),
            content,
            part2.sensitivityOf(episode.providerId()),
            principal.reference(),
            now,
            LocalDate.now(clock));
    episodes.save(episode);
    discharges.save(discharge);
    audit.record(
        episodeEvent("care.discharge.write", episode)
            .withDetail("discharge", discharge.id().toString())
            .withDetail("reason", discharge.reason().name()));
    events.publishEvent(
        episode.signal(
            discharge.completed()
                ? CareSignal.Kind.DISCHARGED_COMPLETED
                : CareSignal.Kind.DISCHARGED_NOT_COMPLETED,
            discharge.id().value(),
            discharge.dischargedOn(),
            now));
    return discharge;
  }

  /**
   * A person's plans (the latest revision of each episode's), progress reports, tests and
   * discharges, for the officer's view under consent.
   */
  @Override
  public List<DisclosableRecord> ofPerson(PersonId person) {
    List<DisclosableRecord> records = new ArrayList<>();
    List<TreatmentEpisodeId> planned = new ArrayList<>();
    for (TreatmentPlan plan : plans.findByPersonIdOrderByRevisionDesc(person)) {
      if (!planned.contains(plan.episodeId())) {
        planned.add(plan.episodeId());
        records.add(
            record(
                plan.episodeId(),
                plan.providerId(),
                InformationCategory.TREATMENT_PLAN,
                plan.sensitivity(),
                plan));
      }
    }
    for (ProgressReport report : progress.findByPersonIdOrderByPeriodToDescReportedAtDesc(person)) {
      records.add(
          record(
              report.episodeId(),
              report.providerId(),
              InformationCategory.PROGRESS,
              report.sensitivity(),
              report));
    }
    for (DrugTest test : tests.findByPersonIdOrderByCollectedOnDescReportedAtDesc(person)) {
      records.add(
          record(
              test.episodeId(),
              test.providerId(),
              InformationCategory.DRUG_TEST_RESULTS,
              test.sensitivity(),
              test));
    }
    for (Discharge discharge : discharges.findByPersonId(person)) {
      records.add(
          record(
              discharge.episodeId(),
              discharge.providerId(),
              InformationCategory.DISCHARGE_SUMMARY,
              discharge.sensitivity(),
              discharge));
    }
    return records;
  }

  private static DisclosableRecord record(
      TreatmentEpisodeId episode,
      org.bridgeway.identity.OrganizationId provider,
      InformationCategory category,
      Sensitivity sensitivity,
      Object record) {
    return new DisclosableRecord(episode, provider, category, sensitivity, record);
  }

  private static TreatmentEpisode open(TreatmentEpisode episode) {
    if (episode.hasEnded()) {
      throw new DomainRuleViolation(
          null, "care.episode.ended", "The treatment episode already ended.");
    }
    return episode;
  }

  private static AuditEvent episodeEvent(String action, TreatmentEpisode episode) {
    return AuditEvent.success(action)
        .withRecord("care-episode", episode.id().value())
        .withPerson(episode.personId().value());
  }
}
