package org.bridgeway.care.episode;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.care.ProviderReportId;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.Part2Programs;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.NetworkOrganizations;
import org.bridgeway.identity.NetworkOrganizations.NetworkOrganization;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.bridgeway.supervision.SupervisedPeople.PersonHeading;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Treatment episodes and provider reports. The supervising agency's staff who see a person record
 * their episodes; a provider's staff see only the episodes at their own organization (the person's
 * name and date of birth, nothing else of the supervision record), post reports on them and end
 * them. Every other caller gets 404, exactly as for a missing record. Every read and change is
 * audited with ids and codes in the same transaction.
 */
@Service
public class CareRecords {

  static final String EPISODE = "care-episode";
  static final String REPORT = "care-report";

  /** An episode as the provider sees it, with its reports, latest first. */
  public record EpisodeAtProvider(TreatmentEpisode episode, List<ProviderReport> reports) {}

  /**
   * What the agency records: the provider, optionally its directory program, why and since when.
   */
  public record NewEpisode(
      OrganizationId provider, UUID directoryService, TreatmentBasis basis, LocalDate startedOn) {}

  private final TreatmentEpisodes episodes;
  private final ProviderReports reports;
  private final SupervisedPeople people;
  private final NetworkOrganizations organizations;
  private final Part2Programs part2;
  private final AuditTrail audit;
  private final Clock clock;

  CareRecords(
      TreatmentEpisodes episodes,
      ProviderReports reports,
      SupervisedPeople people,
      NetworkOrganizations organizations,
      Part2Programs part2,
      AuditTrail audit,
      Clock clock) {
    this.episodes = episodes;
    this.reports = reports;
    this.people = people;
    this.organizations = organizations;
    this.part2 = part2;
    this.audit = audit;
    this.clock = clock;
  }

  /** The network's active treatment providers, by name, to choose from. */
  @Transactional(readOnly = true)
  public List<NetworkOrganization> providers() {
    return organizations.activeOfKind(OrganizationKind.TREATMENT_PROVIDER);
  }

  /**
   * Records that a person the caller sees is in treatment at a provider.
   *
   * @throws NotFoundException if there is no such person or the caller does not see them
   * @throws CareInputRejected if the provider is not an active treatment provider or the start is
   *     in the future
   */
  @Transactional
  public TreatmentEpisode recordEpisode(
      BridgewayPrincipal principal, PersonId person, NewEpisode episode) {
    PersonHeading heading = people.visibleTo(principal, person);
    List<FieldViolation> violations = new ArrayList<>();
    Optional<NetworkOrganization> provider = organizations.find(episode.provider());
    if (provider.isEmpty()
        || !provider.get().active()
        || provider.get().kind() != OrganizationKind.TREATMENT_PROVIDER) {
      violations.add(
          new FieldViolation(
              "providerId", "UnknownProvider", "is not an active treatment provider"));
    }
    LocalDate today = LocalDate.now(clock);
    if (episode.startedOn().isAfter(today)) {
      violations.add(new FieldViolation("startedOn", "PastOrPresent", "must not be in the future"));
    }
    if (!violations.isEmpty()) {
      throw new CareInputRejected(violations);
    }
    TreatmentEpisode recorded =
        TreatmentEpisode.record(
            TreatmentEpisodeId.random(),
            new TreatmentEpisode.PersonShown(
                heading.id(), heading.fullName(), heading.dateOfBirth()),
            principal.organization(),
            episode.provider(),
            episode.directoryService(),
            episode.basis(),
            episode.startedOn(),
            principal.reference(),
            clock.instant(),
            today);
    episodes.save(recorded);
    audit.record(
        episodeEvent("care.episode.record", recorded)
            .withDetail("provider", recorded.providerId().toString())
            .withDetail("basis", recorded.basis().name()));
    return recorded;
  }

  /** The episodes at the caller's organization, latest start first; audited as one read. */
  @Transactional
  public List<TreatmentEpisode> episodesAtProvider(BridgewayPrincipal principal) {
    List<TreatmentEpisode> found =
        episodes.findByProviderIdOrderByStartedOnDesc(principal.organization());
    audit.record(
        AuditEvent.success("care.episode.list")
            .withDetail("provider", principal.organization().toString())
            .withDetail("episodes", Integer.toString(found.size())));
    return found;
  }

  /**
   * An episode at the caller's organization with its reports, audited as a read.
   *
   * @throws NotFoundException if there is no such episode or it is at another organization
   */
  @Transactional
  public EpisodeAtProvider episodeAtProvider(BridgewayPrincipal principal, TreatmentEpisodeId id) {
    TreatmentEpisode episode = atProvider(principal, id);
    List<ProviderReport> posted = reports.findByEpisodeIdOrderByReportedOnDescReportedAtDesc(id);
    audit.record(
        episodeEvent("care.episode.read", episode)
            .withDetail("reports", Integer.toString(posted.size())));
    return new EpisodeAtProvider(episode, posted);
  }

  /**
   * Posts a provider's report on an episode at the caller's organization, stamped with the
   * sensitivity of the organization's information now.
   *
   * @throws NotFoundException if there is no such episode or it is at another organization
   * @throws CareInputRejected naming every field at fault
   */
  @Transactional
  public ProviderReport postReport(
      BridgewayPrincipal principal, TreatmentEpisodeId id, ProviderReport.Content content) {
    TreatmentEpisode episode = atProvider(principal, id);
    LocalDate today = LocalDate.now(clock);
    List<FieldViolation> violations = check(episode, content, today);
    if (!violations.isEmpty()) {
      throw new CareInputRejected(violations);
    }
    Sensitivity sensitivity = part2.sensitivityOf(episode.providerId());
    ProviderReport report =
        ProviderReport.post(
            ProviderReportId.random(),
            episode,
            content,
            sensitivity,
            principal.reference(),
            clock.instant(),
            today);
    reports.save(report);
    AuditEvent event =
        AuditEvent.success("care.report.post")
            .withRecord(REPORT, report.id().value())
            .withPerson(episode.personId().value())
            .withDetail("episode", episode.id().toString())
            .withDetail("category", report.category().name())
            .withDetail("sensitivity", sensitivity.name());
    audit.record(
        report.drugTestResult() == null
            ? event
            : event.withDetail("result", report.drugTestResult().name()));
    return report;
  }

  /**
   * Ends an episode at the caller's organization.
   *
   * @throws NotFoundException if there is no such episode or it is at another organization
   * @throws OptimisticLockingFailureException if the episode changed since the caller read it
   * @throws DomainRuleViolation if it already ended
   * @throws CareInputRejected if the day is before the start or in the future
   */
  @Transactional
  public TreatmentEpisode endEpisode(
      BridgewayPrincipal principal,
      TreatmentEpisodeId id,
      LocalDate endedOn,
      EndReason reason,
      long version) {
    TreatmentEpisode episode = atProvider(principal, id);
    if (episode.version() != version) {
      throw new OptimisticLockingFailureException(
          "The episode " + id + " is at version " + episode.version() + ", not " + version);
    }
    if (episode.hasEnded()) {
      throw new DomainRuleViolation(
          null, "care.episode.ended", "The treatment episode already ended.");
    }
    LocalDate today = LocalDate.now(clock);
    if (endedOn.isAfter(today)) {
      throw rejected("endedOn", "PastOrPresent", "must not be in the future");
    }
    if (endedOn.isBefore(episode.startedOn())) {
      throw rejected("endedOn", "BeforeStart", "must not be before the episode's startedOn");
    }
    episode.end(endedOn, reason, principal.reference(), clock.instant(), today);
    episodes.save(episode);
    audit.record(episodeEvent("care.episode.end", episode).withDetail("reason", reason.name()));
    return episode;
  }

  private static List<FieldViolation> check(
      TreatmentEpisode episode, ProviderReport.Content content, LocalDate today) {
    List<FieldViolation> violations = new ArrayList<>();
    if (content.reportedOn().isAfter(today)) {
      violations.add(
          new FieldViolation("reportedOn", "PastOrPresent", "must not be in the future"));
    } else if (!episode.acceptsReportOn(content.reportedOn(), content.category())) {
      violations.add(
          new FieldViolation(
              "reportedOn",
              "OutsideEpisode",
              "must be within the treatment episode (from its start to its end)"));
    }
    String summary = content.summary() == null ? "" : content.summary().strip();
    if (summary.isEmpty()) {
      violations.add(new FieldViolation("summary", "NotBlank", "must not be blank"));
    } else if (summary.length() > ProviderReport.MAX_SUMMARY) {
      violations.add(
          new FieldViolation(
              "summary",
              "Size",
              "must have at most " + ProviderReport.MAX_SUMMARY + " characters"));
    }
    boolean drugTest = content.category() == InformationCategory.DRUG_TEST_RESULTS;
    if (drugTest && content.result() == null) {
      violations.add(new FieldViolation("result", "Required", "is required for drug test results"));
    }
    if (!drugTest && content.result() != null) {
      violations.add(
          new FieldViolation("result", "NotAllowed", "goes with drug test results only"));
    }
    if (!drugTest && content.substances() != null && !content.substances().isEmpty()) {
      violations.add(
          new FieldViolation("substances", "NotAllowed", "go with drug test results only"));
    }
    return violations;
  }

  private TreatmentEpisode atProvider(BridgewayPrincipal principal, TreatmentEpisodeId id) {
    return episodes
        .findById(id)
        .filter(e -> principal.belongsTo(e.providerId()))
        .orElseThrow(() -> new NotFoundException("treatment episode"));
  }

  private static CareInputRejected rejected(String field, String code, String message) {
    return new CareInputRejected(List.of(new FieldViolation(field, code, message)));
  }

  static AuditEvent episodeEvent(String action, TreatmentEpisode episode) {
    return AuditEvent.success(action)
        .withRecord(EPISODE, episode.id().value())
        .withPerson(episode.personId().value());
  }
}
