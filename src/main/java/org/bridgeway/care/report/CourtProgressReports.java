package org.bridgeway.care.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.care.episode.CareInputRejected;
import org.bridgeway.care.episode.ProviderReport;
import org.bridgeway.care.episode.ProviderReports;
import org.bridgeway.care.episode.TreatmentEpisode;
import org.bridgeway.care.episode.TreatmentEpisodes;
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
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.bridgeway.supervision.SupervisedPeople.PersonHeading;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress reports to a court or a partner agency: for a person the caller sees, a recipient
 * organization of the network and a period, what the treatment providers recorded (attendance, drug
 * tests, progress, discharge), limited first by the recipient's role (what a court, or a partner
 * agency, receives at all) and then by the consent engine, asked for the recipient organization
 * itself and the purpose. Everything included is disclosed to the recipient through the engine,
 * which records it for the accounting of disclosures; what is withheld is named (by provider and
 * category, and why) without being revealed.
 */
@Service
public class CourtProgressReports {

  /** The longest period a report covers, in days. */
  public static final int MAX_PERIOD_DAYS = 3 * 366;

  /** The kinds of organization a report may go to: courts and partner agencies. */
  public static final Set<OrganizationKind> RECIPIENT_KINDS =
      EnumSet.of(
          OrganizationKind.COURT,
          OrganizationKind.SOCIAL_SERVICES,
          OrganizationKind.LAW_ENFORCEMENT,
          OrganizationKind.COMMUNITY_ORGANIZATION);

  /** The categories of treatment information a court receives at all. */
  static final Set<InformationCategory> FOR_COURTS =
      EnumSet.of(
          InformationCategory.ATTENDANCE,
          InformationCategory.DRUG_TEST_RESULTS,
          InformationCategory.PROGRESS,
          InformationCategory.DISCHARGE_SUMMARY);

  /**
   * The categories a partner agency receives at all: whether the person attends and progresses, not
   * test results or how treatment ended.
   */
  static final Set<InformationCategory> FOR_PARTNERS =
      EnumSet.of(InformationCategory.ATTENDANCE, InformationCategory.PROGRESS);

  /** The purposes a report may serve, per kind of recipient; the first is the default. */
  public static List<DisclosurePurpose> purposesFor(OrganizationKind kind) {
    return kind == OrganizationKind.COURT
        ? List.of(DisclosurePurpose.COURT_REPORTING, DisclosurePurpose.SUPERVISION_MONITORING)
        : List.of(DisclosurePurpose.CARE_COORDINATION, DisclosurePurpose.SUPERVISION_MONITORING);
  }

  /** The categories the recipient's role receives. */
  public static Set<InformationCategory> categoriesFor(OrganizationKind kind) {
    return kind == OrganizationKind.COURT ? FOR_COURTS : FOR_PARTNERS;
  }

  /** What the caller asks for. */
  public record Request(
      OrganizationId recipient, DisclosurePurpose purpose, LocalDate from, LocalDate to) {}

  /** How an episode stands in the report; its end only when the discharge is included. */
  public record EpisodeLine(
      String providerName, LocalDate startedOn, LocalDate endedOn, String endReasonKey) {}

  /** Attendance reports of one provider in the period, counted. */
  public record ProviderSection(
      OrganizationId provider,
      String providerName,
      List<EpisodeLine> episodes,
      Map<InformationCategory, List<ProviderReport>> reports) {

    public List<ProviderReport> of(InformationCategory category) {
      return reports.getOrDefault(category, List.of());
    }

    public long attendanceRecords() {
      return of(InformationCategory.ATTENDANCE).size();
    }
  }

  /** Something withheld from the recipient, and why (no content). */
  public record Withheld(
      String providerName,
      InformationCategory category,
      WithholdingReason reason,
      LocalDate since) {}

  /**
   * The report as generated.
   *
   * @param excluded the categories the recipient's role does not receive (never asked)
   * @param noticeRequired whether protected data is included (the §2.32 notice goes with it)
   */
  public record ProgressReport(
      PersonHeading person,
      NetworkOrganization recipient,
      DisclosurePurpose purpose,
      LocalDate from,
      LocalDate to,
      LocalDate generatedOn,
      List<ProviderSection> sections,
      List<Withheld> withheld,
      Set<InformationCategory> excluded,
      boolean noticeRequired) {}

  private record Group(OrganizationId provider, InformationCategory category, Sensitivity level) {}

  private final TreatmentEpisodes episodes;
  private final ProviderReports reports;
  private final SupervisedPeople people;
  private final NetworkOrganizations organizations;
  private final Part2Programs part2;
  private final ConsentDecisions consent;
  private final AuditTrail audit;
  private final Clock clock;

  CourtProgressReports(
      TreatmentEpisodes episodes,
      ProviderReports reports,
      SupervisedPeople people,
      NetworkOrganizations organizations,
      Part2Programs part2,
      ConsentDecisions consent,
      AuditTrail audit,
      Clock clock) {
    this.episodes = episodes;
    this.reports = reports;
    this.people = people;
    this.organizations = organizations;
    this.part2 = part2;
    this.consent = consent;
    this.audit = audit;
    this.clock = clock;
  }

  /** The organizations a report may go to, by name. */
  @Transactional(readOnly = true)
  public List<NetworkOrganization> recipients() {
    List<NetworkOrganization> all = new ArrayList<>();
    for (OrganizationKind kind : RECIPIENT_KINDS) {
      all.addAll(organizations.activeOfKind(kind));
    }
    all.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
    return all;
  }

  /**
   * Generates the report and records every disclosure in it; audited as {@code
   * care.progress-report.generate} with the recipient, purpose and counts.
   *
   * @throws NotFoundException if there is no such person or the caller does not see them
   * @throws CareInputRejected naming every field at fault (recipient, purpose, period)
   */
  @Transactional
  public ProgressReport generate(BridgewayPrincipal principal, PersonId id, Request request) {
    PersonHeading person = people.visibleTo(principal, id);
    LocalDate today = LocalDate.now(clock);
    List<FieldViolation> violations = new ArrayList<>();
    Optional<NetworkOrganization> recipient =
        request.recipient() == null ? Optional.empty() : organizations.find(request.recipient());
    if (recipient.isEmpty()
        || !recipient.get().active()
        || !RECIPIENT_KINDS.contains(recipient.get().kind())) {
      violations.add(
          new FieldViolation(
              "recipientId", "UnknownRecipient", "is not an active court or partner agency"));
    }
    DisclosurePurpose purpose = request.purpose();
    if (recipient.isPresent() && RECIPIENT_KINDS.contains(recipient.get().kind())) {
      List<DisclosurePurpose> allowed = purposesFor(recipient.get().kind());
      if (purpose == null) {
        purpose = allowed.get(0);
      } else if (!allowed.contains(purpose)) {
        violations.add(
            new FieldViolation(
                "purpose", "NotForRecipient", "is not a purpose of a report to this recipient"));
      }
    }
    if (request.from() == null) {
      violations.add(new FieldViolation("from", "Required", "is required"));
    }
    if (request.to() == null) {
      violations.add(new FieldViolation("to", "Required", "is required"));
    } else if (request.to().isAfter(today)) {
      violations.add(new FieldViolation("to", "PastOrPresent", "must not be in the future"));
    }
    if (request.from() != null && request.to() != null) {
      if (request.to().isBefore(request.from())) {
        violations.add(new FieldViolation("to", "BeforeFrom", "must not be before from"));
      } else if (ChronoUnit.DAYS.between(request.from(), request.to()) >= MAX_PERIOD_DAYS) {
        violations.add(
            new FieldViolation(
                "to", "PeriodTooLong", "must be at most " + MAX_PERIOD_DAYS + " days after from"));
      }
    }
    if (!violations.isEmpty()) {
      throw new CareInputRejected(violations);
    }
    NetworkOrganization to = recipient.get();
    BridgewayPrincipal asRecipient = recipientPrincipal(to);
    Set<InformationCategory> receivable = categoriesFor(to.kind());

    List<TreatmentEpisode> inPeriod =
        episodes.findByPersonIdOrderByStartedOnDesc(id).stream()
            .filter(e -> !e.startedOn().isAfter(request.to()))
            .filter(e -> !e.hasEnded() || !e.endedOn().isBefore(request.from()))
            .toList();
    List<ProviderReport> posted =
        reports.findByPersonIdOrderByReportedOnDescReportedAtDesc(id).stream()
            .filter(r -> !r.reportedOn().isBefore(request.from()))
            .filter(r -> !r.reportedOn().isAfter(request.to()))
            .filter(r -> receivable.contains(r.category()))
            .toList();

    // One question per provider, category and sensitivity present; each asked once.
    Map<Group, Integer> counts = new LinkedHashMap<>();
    for (ProviderReport report : posted) {
      counts.merge(
          new Group(report.providerId(), report.category(), report.sensitivity()), 1, Integer::sum);
    }
    Map<OrganizationId, Sensitivity> levels = new HashMap<>();
    if (receivable.contains(InformationCategory.DISCHARGE_SUMMARY)) {
      for (TreatmentEpisode episode : inPeriod) {
        if (episode.hasEnded() && !episode.endedOn().isAfter(request.to())) {
          Sensitivity level = levels.computeIfAbsent(episode.providerId(), part2::sensitivityOf);
          counts.merge(
              new Group(episode.providerId(), InformationCategory.DISCHARGE_SUMMARY, level),
              0,
              Integer::sum);
        }
      }
    }
    Map<OrganizationId, String> names = new HashMap<>();
    Map<Group, ConsentDecision> decisions = new HashMap<>();
    int disclosed = 0;
    for (Map.Entry<Group, Integer> entry : counts.entrySet()) {
      Group group = entry.getKey();
      ConsentDecision decision =
          consent.disclose(
              asRecipient,
              new DisclosureRequest(id, group.provider(), group.category(), purpose, group.level()),
              describe(group.category(), entry.getValue()));
      decisions.put(group, decision);
      if (decision.permitted()) {
        disclosed++;
      }
    }

    Map<OrganizationId, ProviderSection> sections = new LinkedHashMap<>();
    Map<String, Withheld> withheld = new LinkedHashMap<>();
    for (TreatmentEpisode episode : inPeriod) {
      String name = names.computeIfAbsent(episode.providerId(), this::nameOf);
      ProviderSection section =
          sections.computeIfAbsent(
              episode.providerId(),
              p -> new ProviderSection(p, name, new ArrayList<>(), new LinkedHashMap<>()));
      boolean endShown = false;
      if (episode.hasEnded() && !episode.endedOn().isAfter(request.to())) {
        ConsentDecision decision =
            decisions.get(
                new Group(
                    episode.providerId(),
                    InformationCategory.DISCHARGE_SUMMARY,
                    levels.get(episode.providerId())));
        endShown =
            decision != null
                && note(decision, name, InformationCategory.DISCHARGE_SUMMARY, withheld);
      }
      section
          .episodes()
          .add(
              new EpisodeLine(
                  name,
                  episode.startedOn(),
                  endShown ? episode.endedOn() : null,
                  endShown ? episode.endReason().messageKey() : null));
    }
    for (ProviderReport report : posted) {
      Group group = new Group(report.providerId(), report.category(), report.sensitivity());
      String name = names.computeIfAbsent(report.providerId(), this::nameOf);
      if (note(decisions.get(group), name, report.category(), withheld)) {
        sections
            .computeIfAbsent(
                report.providerId(),
                p -> new ProviderSection(p, name, new ArrayList<>(), new LinkedHashMap<>()))
            .reports()
            .computeIfAbsent(report.category(), c -> new ArrayList<>())
            .add(report);
      }
    }
    boolean notice =
        decisions.entrySet().stream()
            .anyMatch(e -> e.getValue().permitted() && e.getKey().level().needsConsent());
    Set<InformationCategory> excluded = EnumSet.allOf(InformationCategory.class);
    excluded.removeAll(receivable);
    audit.record(
        AuditEvent.success("care.progress-report.generate")
            .withRecord("supervision-person", id.value())
            .withPerson(id.value())
            .withPurpose(purpose.name())
            .withDetail("recipient", to.id().toString())
            .withDetail("from", request.from().toString())
            .withDetail("to", request.to().toString())
            .withDetail("groupsDisclosed", Integer.toString(disclosed))
            .withDetail("groupsWithheld", Integer.toString(withheld.size())));
    return new ProgressReport(
        person,
        to,
        purpose,
        request.from(),
        request.to(),
        today,
        List.copyOf(sections.values()),
        List.copyOf(withheld.values()),
        excluded,
        notice);
  }

  /**
   * The recipient as the consent engine sees it: the organization itself, with no user and no token
   * (nobody has signed in for it), as partner staff.
   */
  static BridgewayPrincipal recipientPrincipal(NetworkOrganization recipient) {
    return new BridgewayPrincipal(
        null,
        null,
        recipient.id(),
        recipient.kind(),
        recipient.name(),
        recipient.name(),
        Set.of(Role.PARTNER_STAFF));
  }

  private static boolean note(
      ConsentDecision decision,
      String providerName,
      InformationCategory category,
      Map<String, Withheld> withheld) {
    if (decision.permitted()) {
      return true;
    }
    withheld.putIfAbsent(
        providerName + ":" + category,
        new Withheld(providerName, category, decision.reason(), decision.since()));
    return false;
  }

  private static String describe(InformationCategory category, int count) {
    return category == InformationCategory.DISCHARGE_SUMMARY && count == 0
        ? "treatment end (progress report)"
        : count
            + " "
            + category.name().toLowerCase().replace('_', ' ')
            + " records (progress report)";
  }

  private String nameOf(OrganizationId provider) {
    return organizations.find(provider).map(NetworkOrganization::name).orElse("");
  }
}
