package org.bridgeway.care.episode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.consent.ConsentDecision;
import org.bridgeway.consent.ConsentDecisions;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.DisclosureRequest;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.Part2Programs;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.consent.WithholdingReason;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.NetworkOrganizations;
import org.bridgeway.identity.NetworkOrganizations.NetworkOrganization;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.bridgeway.supervision.SupervisedPeople.PersonHeading;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's treatment as the supervising agency's staff see it: the episodes the agency recorded,
 * and of the providers' information (their reports, and how an episode ended) only what the consent
 * engine permits. The engine decides every item of the page at once; what is shown is then
 * disclosed through the engine, one disclosure per provider, category and sensitivity, which
 * records it for the accounting. Withheld information is not revealed: the view says per provider
 * and category that something is withheld and why.
 */
@Service
public class TreatmentDisclosures {

  /** The purpose an officer reads a person's treatment for. */
  public static final DisclosurePurpose PURPOSE = DisclosurePurpose.SUPERVISION_MONITORING;

  /**
   * An episode as the agency sees it: its end only if the discharge is disclosed; of the provider's
   * records (free-text reports, and appointments, plan, progress, tests, discharge) only those
   * disclosed.
   */
  public record EpisodeShown(
      TreatmentEpisode episode,
      String providerName,
      boolean endShown,
      List<ProviderReport> reports,
      List<Object> records) {

    /** The disclosed records of a kind, in the order their source gave them. */
    public <T> List<T> recordsOf(Class<T> type) {
      return records.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public LocalDate endedOn() {
      return endShown ? episode.endedOn() : null;
    }

    public EndReason endReason() {
      return endShown ? episode.endReason() : null;
    }
  }

  /** Something of a provider's that is withheld, and why. */
  public record Withheld(
      OrganizationId provider,
      String providerName,
      InformationCategory category,
      WithholdingReason reason,
      LocalDate since) {}

  /**
   * The person's treatment as shown.
   *
   * @param noticeRequired whether protected data is shown, which must carry the §2.32 notice
   */
  public record TreatmentShown(
      PersonHeading person,
      List<EpisodeShown> episodes,
      List<Withheld> withheld,
      boolean noticeRequired) {

    /** The disclosed records of a kind, of all episodes. */
    public <T> List<T> recordsOf(Class<T> type) {
      return episodes.stream().flatMap(e -> e.recordsOf(type).stream()).toList();
    }

    /** The reports shown, of all episodes, latest first. */
    public List<ProviderReport> reportsShown() {
      return episodes.stream()
          .flatMap(e -> e.reports().stream())
          .sorted(
              (a, b) ->
                  b.reportedOn().equals(a.reportedOn())
                      ? b.reportedAt().compareTo(a.reportedAt())
                      : b.reportedOn().compareTo(a.reportedOn()))
          .toList();
    }
  }

  private record Group(OrganizationId provider, InformationCategory category, Sensitivity level) {}

  private final TreatmentEpisodes episodes;
  private final ProviderReports reports;
  private final SupervisedPeople people;
  private final NetworkOrganizations organizations;
  private final Part2Programs part2;
  private final ConsentDecisions consent;
  private final AuditTrail audit;
  private final List<DisclosableRecords> sources;

  TreatmentDisclosures(
      TreatmentEpisodes episodes,
      ProviderReports reports,
      SupervisedPeople people,
      NetworkOrganizations organizations,
      Part2Programs part2,
      ConsentDecisions consent,
      AuditTrail audit,
      List<DisclosableRecords> sources) {
    this.episodes = episodes;
    this.reports = reports;
    this.people = people;
    this.organizations = organizations;
    this.part2 = part2;
    this.consent = consent;
    this.audit = audit;
    this.sources = List.copyOf(sources);
  }

  /**
   * The person's treatment for a caller who sees the person, disclosing what is shown; audited as a
   * read ({@code care.treatment.read}) or an export ({@code care.treatment.export}).
   *
   * @throws NotFoundException if there is no such person or the caller does not see them
   */
  @Transactional
  public TreatmentShown treatmentOf(BridgewayPrincipal principal, PersonId id, boolean export) {
    PersonHeading person = people.visibleTo(principal, id);
    List<TreatmentEpisode> all = episodes.findByPersonIdOrderByStartedOnDesc(id);
    List<ProviderReport> posted = reports.findByPersonIdOrderByReportedOnDescReportedAtDesc(id);
    List<DisclosableRecord> kept = new ArrayList<>();
    sources.forEach(source -> kept.addAll(source.ofPerson(id)));

    // One question per report and per ended episode (its discharge), all decided at once.
    List<Group> asked = new ArrayList<>();
    for (ProviderReport report : posted) {
      asked.add(new Group(report.providerId(), report.category(), report.sensitivity()));
    }
    for (DisclosableRecord record : kept) {
      asked.add(new Group(record.provider(), record.category(), record.sensitivity()));
    }
    Map<OrganizationId, Sensitivity> levels = new HashMap<>();
    for (TreatmentEpisode episode : all) {
      if (episode.hasEnded()) {
        asked.add(
            new Group(
                episode.providerId(),
                InformationCategory.DISCHARGE_SUMMARY,
                levels.computeIfAbsent(episode.providerId(), part2::sensitivityOf)));
      }
    }
    List<ConsentDecision> decided =
        asked.isEmpty()
            ? List.of()
            : consent.decideAll(
                principal,
                asked.stream()
                    .map(
                        g ->
                            new DisclosureRequest(
                                id, g.provider(), g.category(), PURPOSE, g.level()))
                    .toList());

    // Disclose each permitted group once; the disclosure's answer is the final one.
    Map<Group, Integer> counts = new LinkedHashMap<>();
    Map<Group, ConsentDecision> firstDecision = new LinkedHashMap<>();
    for (int i = 0; i < asked.size(); i++) {
      counts.merge(asked.get(i), 1, Integer::sum);
      firstDecision.putIfAbsent(asked.get(i), decided.get(i));
    }
    Map<Group, ConsentDecision> finalDecision = new HashMap<>();
    for (Map.Entry<Group, ConsentDecision> entry : firstDecision.entrySet()) {
      Group group = entry.getKey();
      ConsentDecision decision = entry.getValue();
      if (decision.permitted()) {
        decision =
            consent.disclose(
                principal,
                new DisclosureRequest(
                    id, group.provider(), group.category(), PURPOSE, group.level()),
                describe(group, counts.get(group), export));
      }
      finalDecision.put(group, decision);
    }

    Map<OrganizationId, String> names = new HashMap<>();
    Map<String, Withheld> withheld = new LinkedHashMap<>();
    List<EpisodeShown> shown = new ArrayList<>();
    int reportsShown = 0;
    int recordsShown = 0;
    for (TreatmentEpisode episode : all) {
      String providerName = names.computeIfAbsent(episode.providerId(), this::nameOf);
      boolean endShown = false;
      if (episode.hasEnded()) {
        Group discharge =
            new Group(
                episode.providerId(),
                InformationCategory.DISCHARGE_SUMMARY,
                levels.get(episode.providerId()));
        endShown = note(finalDecision.get(discharge), discharge, providerName, withheld);
      }
      List<ProviderReport> episodeReports = new ArrayList<>();
      for (ProviderReport report : posted) {
        if (!report.episodeId().equals(episode.id())) {
          continue;
        }
        Group group = new Group(report.providerId(), report.category(), report.sensitivity());
        if (note(finalDecision.get(group), group, providerName, withheld)) {
          episodeReports.add(report);
        }
      }
      List<Object> episodeRecords = new ArrayList<>();
      for (DisclosableRecord record : kept) {
        if (!record.episode().equals(episode.id())) {
          continue;
        }
        Group group = new Group(record.provider(), record.category(), record.sensitivity());
        if (note(finalDecision.get(group), group, providerName, withheld)) {
          episodeRecords.add(record.record());
        }
      }
      reportsShown += episodeReports.size();
      recordsShown += episodeRecords.size();
      shown.add(
          new EpisodeShown(
              episode,
              providerName,
              endShown,
              List.copyOf(episodeReports),
              List.copyOf(episodeRecords)));
    }
    boolean notice =
        finalDecision.entrySet().stream()
            .anyMatch(e -> e.getValue().permitted() && e.getKey().level().needsConsent());
    audit.record(
        AuditEvent.success(export ? "care.treatment.export" : "care.treatment.read")
            .withRecord("supervision-person", id.value())
            .withPerson(id.value())
            .withPurpose(PURPOSE.name())
            .withDetail("episodes", Integer.toString(all.size()))
            .withDetail("reportsShown", Integer.toString(reportsShown))
            .withDetail("recordsShown", Integer.toString(recordsShown))
            .withDetail("groupsWithheld", Integer.toString(withheld.size())));
    return new TreatmentShown(person, List.copyOf(shown), List.copyOf(withheld.values()), notice);
  }

  /** Whether the decision permits; if not, notes the withholding once per provider and category. */
  private static boolean note(
      ConsentDecision decision, Group group, String providerName, Map<String, Withheld> withheld) {
    Objects.requireNonNull(decision, "every item was decided");
    if (decision.permitted()) {
      return true;
    }
    withheld.putIfAbsent(
        group.provider() + ":" + group.category(),
        new Withheld(
            group.provider(), providerName, group.category(), decision.reason(), decision.since()));
    return false;
  }

  private static String describe(Group group, int count, boolean export) {
    String what =
        group.category() == InformationCategory.DISCHARGE_SUMMARY && count == 1
            ? "1 discharge"
            : count + " " + group.category().name().toLowerCase().replace('_', ' ') + " records";
    return export ? what + " (export)" : what;
  }

  private String nameOf(OrganizationId provider) {
    return organizations.find(provider).map(NetworkOrganization::name).orElse("");
  }
}
