package org.bridgeway.consent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.bridgeway.consent.ConsentDecision;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.DisclosureRequest;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.consent.WithholdingReason;
import org.bridgeway.consent.directive.ConsentDirective;
import org.bridgeway.consent.directive.DirectiveKind;
import org.bridgeway.consent.directive.DiscloserClass;
import org.bridgeway.consent.directive.ExpiryEvent;
import org.bridgeway.consent.directive.RecipientClass;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.bridgeway.supervision.PersonId;
import org.junit.jupiter.api.Test;

/**
 * Compares the engine's decision function with a reference implementation written here from the
 * rules of ADR 0014, over thousands of generated directives and questions from a seeded generator.
 * A mismatch prints the seed and the case, so it can be replayed.
 */
class ConsentRulesRandomizedTest {

  static final long SEED = 20261202L;
  static final Instant NOW = Instant.parse("2026-05-10T12:00:00Z");
  static final LocalDate TODAY = LocalDate.of(2026, 5, 10);

  final Random random = new Random(SEED);
  final List<PersonId> people = List.of(PersonId.random(), PersonId.random(), PersonId.random());
  final OrganizationId agency = OrganizationId.random();
  final OrganizationId court = OrganizationId.random();
  final List<OrganizationId> programs =
      List.of(OrganizationId.random(), OrganizationId.random(), OrganizationId.random());
  final List<BridgewayPrincipal> recipients = new ArrayList<>();

  @Test
  void engineAgreesWithTheReferenceOnGeneratedCases() {
    recipients.add(principal(agency, OrganizationKind.PROBATION_AGENCY, Role.OFFICER));
    recipients.add(principal(agency, OrganizationKind.PROBATION_AGENCY, Role.SUPERVISOR));
    recipients.add(principal(court, OrganizationKind.COURT, Role.PARTNER_STAFF));
    recipients.add(
        principal(programs.get(0), OrganizationKind.TREATMENT_PROVIDER, Role.PROVIDER_STAFF));
    recipients.add(
        principal(programs.get(1), OrganizationKind.TREATMENT_PROVIDER, Role.PROVIDER_STAFF));
    recipients.add(
        BridgewayPrincipal.apiClient(
            java.util.UUID.randomUUID(),
            agency,
            OrganizationKind.PROBATION_AGENCY,
            "Agency",
            "System",
            Set.of(Role.ORGANIZATION_ADMIN)));
    int questions = 0;
    int permitted = 0;
    Set<WithholdingReason> reasonsSeen = EnumSet.noneOf(WithholdingReason.class);
    for (int scenario = 0; scenario < 3_000; scenario++) {
      MapFacts facts = facts();
      List<ConsentDirective> directives = new ArrayList<>();
      int count = random.nextInt(6);
      for (int i = 0; i < count; i++) {
        directives.add(directive());
      }
      for (int q = 0; q < 12; q++) {
        BridgewayPrincipal recipient = pick(recipients);
        DisclosureRequest request = request();
        ConsentDecision engine =
            ConsentRules.decide(recipient, request, directives, facts, NOW, ZoneOffset.UTC);
        ConsentDecision expected = reference(recipient, request, directives, facts);
        assertThat(engine)
            .as(
                "seed %d, scenario %d, question %d: %s asks %s under %s",
                SEED, scenario, q, recipient, request, directives.size())
            .isEqualTo(expected);
        questions++;
        if (engine.permitted()) {
          permitted++;
        } else {
          reasonsSeen.add(engine.reason());
        }
      }
    }
    assertThat(questions).isEqualTo(36_000);
    // The generator reaches every answer, so the comparison covers every rule.
    assertThat(permitted).isGreaterThan(1_000);
    assertThat(reasonsSeen).containsExactlyInAnyOrder(WithholdingReason.values());
  }

  // --- reference implementation ---------------------------------------------------------------

  private record End(WithholdingReason reason, LocalDate since, int order) {}

  ConsentDecision reference(
      BridgewayPrincipal recipient,
      DisclosureRequest request,
      List<ConsentDirective> directives,
      MapFacts facts) {
    if (request.sensitivity() == Sensitivity.ORDINARY) {
      return ConsentDecision.ordinary();
    }
    List<ConsentDirective> live = new ArrayList<>();
    for (ConsentDirective d : directives) {
      boolean mine = d.person().equals(request.person());
      boolean replaced = d.supersededAt() != null && !NOW.isBefore(d.supersededAt());
      boolean signed = !d.signature().signedOn().isAfter(TODAY);
      boolean discloses =
          d.terms().disclosers().contains(request.discloser())
              || (d.terms().discloserClass() != null && facts.part2.contains(request.discloser()));
      if (mine && !replaced && signed && discloses && inScope(d, recipient)) {
        live.add(d);
      }
    }
    Comparator<ConsentDirective> newestFirst =
        Comparator.comparing((ConsentDirective d) -> d.signature().signedOn())
            .reversed()
            .thenComparing(Comparator.comparing(ConsentDirective::recordedAt).reversed())
            .thenComparing(d -> d.id().value());
    live.sort(newestFirst);
    List<ConsentDirective> monitoringOk = new ArrayList<>();
    List<ConsentDirective> notMonitoring = new ArrayList<>();
    for (ConsentDirective d : live) {
      (monitors(d, recipient, request, facts) ? monitoringOk : notMonitoring).add(d);
    }
    List<ConsentDirective> categoryOk =
        monitoringOk.stream()
            .filter(d -> d.terms().categories().contains(request.category()))
            .toList();
    List<ConsentDirective> purposeOk =
        categoryOk.stream().filter(d -> d.terms().purposes().contains(request.purpose())).toList();
    for (ConsentDirective d : purposeOk) {
      if (end(d, request, facts) == null) {
        return ConsentDecision.permittedBy(d.id());
      }
    }
    if (facts.granted.contains(request.person())) {
      return ConsentDecision.emergency();
    }
    ConsentDirective latestEnded = null;
    End latestEnd = null;
    for (ConsentDirective d : purposeOk) {
      End e = end(d, request, facts);
      if (latestEnd == null || e.since().isAfter(latestEnd.since())) {
        latestEnded = d;
        latestEnd = e;
      }
    }
    if (latestEnded != null) {
      return ConsentDecision.withheld(latestEnd.reason(), latestEnded.id(), latestEnd.since());
    }
    if (purposeOk.isEmpty() && !categoryOk.isEmpty()) {
      return ConsentDecision.withheld(
          WithholdingReason.PURPOSE_NOT_COVERED, categoryOk.get(0).id(), null);
    }
    if (!monitoringOk.isEmpty()) {
      return ConsentDecision.withheld(
          WithholdingReason.CATEGORY_NOT_COVERED, monitoringOk.get(0).id(), null);
    }
    if (!notMonitoring.isEmpty()) {
      return ConsentDecision.withheld(
          WithholdingReason.RECIPIENT_NOT_MONITORING, notMonitoring.get(0).id(), null);
    }
    return ConsentDecision.withheld(WithholdingReason.NO_CONSENT, null, null);
  }

  /** Whether the directive names the recipient or its class takes in the recipient's kind. */
  boolean inScope(ConsentDirective d, BridgewayPrincipal recipient) {
    if (named(d, recipient)) {
      return true;
    }
    OrganizationKind kind = recipient.organizationKind();
    if (d.terms().recipientClass() == RecipientClass.MONITORING) {
      return kind == OrganizationKind.PROBATION_AGENCY || kind == OrganizationKind.COURT;
    }
    return d.terms().kind() == DirectiveKind.GENERAL
        && d.terms().recipientClass() == RecipientClass.TREATMENT_PAYMENT_OPERATIONS
        && kind == OrganizationKind.TREATMENT_PROVIDER;
  }

  boolean named(ConsentDirective d, BridgewayPrincipal recipient) {
    return d.terms().recipientOrganizations().contains(recipient.organization())
        || (recipient.user() != null && d.terms().recipientUsers().contains(recipient.user()));
  }

  boolean monitors(
      ConsentDirective d, BridgewayPrincipal recipient, DisclosureRequest request, MapFacts facts) {
    boolean criminalJustice = d.terms().kind() == DirectiveKind.CRIMINAL_JUSTICE;
    if (!criminalJustice) {
      if (named(d, recipient)) {
        return true;
      }
      if (d.terms().recipientClass() == RecipientClass.TREATMENT_PAYMENT_OPERATIONS
          && recipient.organizationKind() == OrganizationKind.TREATMENT_PROVIDER) {
        return true;
      }
      return facts.seen.contains(request.person());
    }
    if (named(d, recipient) && recipient.organizationKind() == OrganizationKind.COURT) {
      return true;
    }
    return facts.seen.contains(request.person());
  }

  End end(ConsentDirective d, DisclosureRequest request, MapFacts facts) {
    List<End> ends = new ArrayList<>();
    if (d.revokedAt() != null && !d.revokedAt().isAfter(NOW)) {
      ends.add(
          new End(
              WithholdingReason.REVOKED, d.revokedAt().atZone(ZoneOffset.UTC).toLocalDate(), 0));
    }
    if (d.terms().expiresOn() != null && !TODAY.isBefore(d.terms().expiresOn())) {
      ends.add(new End(WithholdingReason.EXPIRED, d.terms().expiresOn(), 1));
    }
    LocalDate event = null;
    if (d.terms().expiryEvent() == ExpiryEvent.END_OF_SUPERVISION) {
      event = facts.supervisionEnded.get(d.person());
    } else if (d.terms().expiryEvent() == ExpiryEvent.END_OF_TREATMENT) {
      event = facts.treatmentEnded.get(List.of(d.person(), request.discloser()));
    }
    if (event != null && !TODAY.isBefore(event)) {
      ends.add(new End(WithholdingReason.EXPIRED_BY_EVENT, event, 2));
    }
    return ends.stream()
        .min(Comparator.comparing(End::since).thenComparing(End::order))
        .orElse(null);
  }

  // --- generator -------------------------------------------------------------------------------

  MapFacts facts() {
    MapFacts facts = new MapFacts();
    for (PersonId person : people) {
      if (random.nextInt(3) == 0) {
        facts.seen.add(person);
      }
      if (random.nextInt(4) == 0) {
        facts.supervisionEnded.put(person, day());
      }
      for (OrganizationId program : programs) {
        if (random.nextInt(5) == 0) {
          facts.treatmentEnded.put(List.of(person, program), day());
        }
      }
      if (random.nextInt(15) == 0) {
        facts.granted.add(person);
      }
    }
    for (OrganizationId program : programs) {
      if (random.nextBoolean()) {
        facts.part2.add(program);
      }
    }
    return facts;
  }

  ConsentDirective directive() {
    DirectiveBuilder b = new DirectiveBuilder(pick(people));
    b.kind = random.nextInt(3) == 0 ? DirectiveKind.CRIMINAL_JUSTICE : DirectiveKind.GENERAL;
    b.disclosers = subset(programs);
    b.discloserClass =
        b.disclosers.isEmpty() || random.nextInt(4) == 0 ? DiscloserClass.ANY_PART_2_PROGRAM : null;
    b.allCategories = random.nextInt(5) == 0;
    b.categories = enumSubset(InformationCategory.class);
    b.purposes = enumSubset(DisclosurePurpose.class);
    Set<OrganizationId> recipientOrgs = new HashSet<>();
    if (random.nextBoolean()) {
      recipientOrgs.add(agency);
    }
    if (random.nextInt(3) == 0) {
      recipientOrgs.add(court);
    }
    if (b.kind == DirectiveKind.GENERAL && random.nextInt(3) == 0) {
      recipientOrgs.add(pick(programs));
    }
    b.recipientOrganizations = recipientOrgs;
    Set<UserId> users = new HashSet<>();
    if (random.nextInt(4) == 0) {
      BridgewayPrincipal someone = pick(recipients);
      if (someone.user() != null) {
        users.add(someone.user());
      }
    }
    b.recipientUsers = users;
    int recipientClass = random.nextInt(3);
    b.recipientClass =
        recipientClass == 0
            ? null
            : recipientClass == 1 || b.kind == DirectiveKind.CRIMINAL_JUSTICE
                ? RecipientClass.MONITORING
                : RecipientClass.TREATMENT_PAYMENT_OPERATIONS;
    b.expiresOn = random.nextInt(3) == 0 ? null : day();
    int event = random.nextInt(3);
    b.expiryEvent =
        event == 0 && b.expiresOn != null
            ? null
            : event == 1 ? ExpiryEvent.END_OF_TREATMENT : ExpiryEvent.END_OF_SUPERVISION;
    b.signedOn = TODAY.minusDays(random.nextInt(400) - 3);
    b.recordedAt = NOW.minusSeconds(random.nextInt(100_000));
    b.revokedAt =
        random.nextInt(4) == 0 ? NOW.minusSeconds(random.nextInt(2_000_000) - 100_000) : null;
    b.supersededAt =
        random.nextInt(8) == 0 ? NOW.minusSeconds(random.nextInt(200_000) - 1_000) : null;
    return b.build();
  }

  DisclosureRequest request() {
    List<OrganizationId> disclosers = new ArrayList<>(programs);
    disclosers.add(agency);
    int sensitivity = random.nextInt(10);
    return new DisclosureRequest(
        pick(people),
        pick(disclosers),
        pick(List.of(InformationCategory.values())),
        pick(List.of(DisclosurePurpose.values())),
        sensitivity == 0
            ? Sensitivity.ORDINARY
            : sensitivity < 4 ? Sensitivity.HEALTH : Sensitivity.PART_2);
  }

  LocalDate day() {
    return TODAY.plusDays(random.nextInt(120) - 90);
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  <T> Set<T> subset(List<T> values) {
    Set<T> result = new HashSet<>();
    for (T value : values) {
      if (random.nextInt(3) == 0) {
        result.add(value);
      }
    }
    return result;
  }

  <E extends Enum<E>> Set<E> enumSubset(Class<E> type) {
    Set<E> result = EnumSet.noneOf(type);
    for (E value : type.getEnumConstants()) {
      if (random.nextInt(3) == 0) {
        result.add(value);
      }
    }
    if (result.isEmpty()) {
      result.add(type.getEnumConstants()[random.nextInt(type.getEnumConstants().length)]);
    }
    return result;
  }

  static BridgewayPrincipal principal(
      OrganizationId organization, OrganizationKind kind, Role role) {
    return BridgewayPrincipal.user(
        UserId.random(), organization, kind, "Org", "Staff", Set.of(role));
  }
}
