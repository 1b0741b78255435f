package org.bridgeway.outcomes.ingest;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bridgeway.care.CareHistory;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.directory.ServicePrograms;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.outcomes.OutcomeRecordsChanged;
import org.bridgeway.referrals.ReferralHistory;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisionHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Copies the platform's own records into the outcomes read model (ADR 0029): people from
 * supervision, their cases as supervision spells with the risk at the start, closures and
 * violations as derived events, referrals as participation with the care episode's sessions and
 * discharge, discharges as program-exit spells and completions, releases from custody as release
 * spells. {@link #refresh} recopies the people an event touched; {@link #rebuild} recopies a whole
 * agency (after demo data is generated, and nightly to repair any drift). Both build the rows with
 * the same function ({@link ReadModelRows}), so they agree.
 */
@Service
public class OutcomesReadModel {

  private static final Logger log = LoggerFactory.getLogger(OutcomesReadModel.class);

  /** What a rebuild copied. */
  public record Rebuilt(int people, int spells, int events, int participations) {}

  private final SupervisionHistory supervision;
  private final ReferralHistory referrals;
  private final CareHistory care;
  private final ServicePrograms programs;
  private final ReadModelWriter writer;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  OutcomesReadModel(
      SupervisionHistory supervision,
      ReferralHistory referrals,
      CareHistory care,
      ServicePrograms programs,
      ReadModelWriter writer,
      ApplicationEventPublisher events,
      Clock clock) {
    this.supervision = supervision;
    this.referrals = referrals;
    this.care = care;
    this.programs = programs;
    this.writer = writer;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Recopies everything of the agency from the other modules, in one transaction, and tells the
   * measures that the whole agency changed.
   */
  @Transactional
  public Rebuilt rebuild(OrganizationId agency) {
    long started = System.nanoTime();
    writer.lock(agency.value(), null);
    ReadModelRows rows =
        rowsOf(
            supervision.ofAgency(agency),
            referrals.sentBy(agency),
            care.episodes(agency, List.of()),
            care.releases(agency, List.of()));
    writer.replace(agency.value(), null, rows, clock.instant());
    events.publishEvent(OutcomeRecordsChanged.wholeAgency(agency.value()));
    Rebuilt rebuilt =
        new Rebuilt(
            rows.people.size(), rows.spells.size(), rows.events.size(), rows.participations.size());
    log.info(
        "Rebuilt the outcomes read model of agency {}: {} in {} ms",
        agency.value(),
        rebuilt,
        (System.nanoTime() - started) / 1_000_000);
    return rebuilt;
  }

  /**
   * Recopies these people of the agency and tells the measures which changed. People the agency
   * does not keep (or no longer keeps, once merged) are left as they are.
   */
  @Transactional
  public void refresh(OrganizationId agency, Collection<PersonId> people) {
    if (people.isEmpty()) {
      return;
    }
    writer.lock(agency.value(), people.stream().map(PersonId::value).collect(Collectors.toSet()));
    SupervisionHistory.History history = supervision.ofPeople(agency, people);
    List<PersonId> kept = history.people().stream().map(p -> p.id()).toList();
    if (kept.isEmpty()) {
      return;
    }
    ReadModelRows rows =
        rowsOf(
            history,
            referrals.sentBy(agency, kept),
            care.episodes(agency, kept),
            care.releases(agency, kept));
    Set<UUID> ids = kept.stream().map(PersonId::value).collect(Collectors.toSet());
    writer.replace(agency.value(), ids, rows, clock.instant());
    events.publishEvent(new OutcomeRecordsChanged(agency.value(), ids));
  }

  /** The agencies whose people the platform keeps, for the nightly repair. */
  public List<OrganizationId> agencies() {
    return supervision.agencies();
  }

  private ReadModelRows rowsOf(
      SupervisionHistory.History history,
      List<ReferralHistory.ReferralCourse> referred,
      List<CareHistory.EpisodeCourse> episodes,
      List<CareHistory.Release> releases) {
    Set<ServiceId> services =
        java.util.stream.Stream.concat(
                referred.stream().map(ReferralHistory.ReferralCourse::service),
                episodes.stream().map(CareHistory.EpisodeCourse::directoryService))
            .filter(java.util.Objects::nonNull)
            .map(ServiceId::new)
            .collect(Collectors.toSet());
    return ReadModelRows.of(history, referred, episodes, releases, programs.programsOf(services));
  }
}
