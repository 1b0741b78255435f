package org.bridgeway.consent.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.consent.ConsentDecision;
import org.bridgeway.consent.ConsentDecisions;
import org.bridgeway.consent.DisclosureRequest;
import org.bridgeway.consent.Part2Programs;
import org.bridgeway.consent.TreatmentEndings;
import org.bridgeway.consent.directive.ConsentDirective;
import org.bridgeway.consent.directive.Directives;
import org.bridgeway.consent.emergency.EmergencyAccess;
import org.bridgeway.consent.emergency.EmergencyGrant;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consent engine: loads the directives of the people asked about (one query for a whole page),
 * the recipient's emergency grants, and asks {@link ConsentRules} for each question. Facts that
 * cost a query (whether the recipient sees a person, when supervision or treatment ended) are asked
 * only when a directive makes them matter, and once per person within a call.
 */
@Service
public class ConsentEngine implements ConsentDecisions {

  public static final int MAX_RECORDS_TEXT = 200;

  private final Directives directives;
  private final SupervisedPeople people;
  private final ObjectProvider<TreatmentEndings> treatmentEndings;
  private final Part2Programs part2;
  private final EmergencyAccess emergencies;
  private final DisclosureLog log;
  private final AuditTrail audit;
  private final Clock clock;

  ConsentEngine(
      Directives directives,
      SupervisedPeople people,
      ObjectProvider<TreatmentEndings> treatmentEndings,
      Part2Programs part2,
      EmergencyAccess emergencies,
      DisclosureLog log,
      AuditTrail audit,
      Clock clock) {
    this.directives = directives;
    this.people = people;
    this.treatmentEndings = treatmentEndings;
    this.part2 = part2;
    this.emergencies = emergencies;
    this.log = log;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public ConsentDecision decide(BridgewayPrincipal recipient, DisclosureRequest request) {
    return decideAll(recipient, List.of(request)).get(0);
  }

  @Override
  @Transactional(readOnly = true)
  public List<ConsentDecision> decideAll(
      BridgewayPrincipal recipient, List<DisclosureRequest> requests) {
    Instant now = clock.instant();
    Set<PersonId> asked = new LinkedHashSet<>();
    for (DisclosureRequest request : requests) {
      if (request.sensitivity().needsConsent()) {
        asked.add(request.person());
      }
    }
    Map<PersonId, List<ConsentDirective>> byPerson = new HashMap<>();
    for (ConsentDirective directive : directives.ofPeople(asked)) {
      byPerson.computeIfAbsent(directive.person(), p -> new ArrayList<>()).add(directive);
    }
    Set<PersonId> granted = emergencies.peopleInForce(recipient.reference(), asked, now);
    Facts facts = new Facts(recipient, granted);
    if (byPerson.size() > 1) {
      // A page asks for many people: fetch who the recipient sees and whose supervision ended
      // in one query each, rather than person by person as the rules reach them.
      facts.prefetch(byPerson.keySet());
    }
    ZoneId zone = clock.getZone();
    List<ConsentDecision> decisions = new ArrayList<>(requests.size());
    for (DisclosureRequest request : requests) {
      decisions.add(
          ConsentRules.decide(
              recipient,
              request,
              byPerson.getOrDefault(request.person(), List.of()),
              facts,
              now,
              zone));
    }
    return decisions;
  }

  @Override
  @Transactional
  public ConsentDecision disclose(
      BridgewayPrincipal recipient, DisclosureRequest request, String records) {
    if (records == null || records.isBlank() || records.strip().length() > MAX_RECORDS_TEXT) {
      throw new IllegalArgumentException(
          "Describe the records disclosed in 1 to " + MAX_RECORDS_TEXT + " characters");
    }
    ConsentDecision decision = decide(recipient, request);
    if (!request.sensitivity().needsConsent()) {
      return decision;
    }
    if (!decision.permitted()) {
      audit.record(
          AuditEvent.denied("consent.disclosure")
              .withPerson(request.person().value())
              .withPurpose(request.purpose().name())
              .withDetail("discloser", request.discloser().toString())
              .withDetail("category", request.category().name())
              .withDetail("reason", decision.reason().name()));
      return decision;
    }
    Optional<EmergencyGrant> grant =
        decision.breakGlass()
            ? emergencies
                .inForce(recipient.reference(), List.of(request.person()), clock.instant())
                .stream()
                .findFirst()
            : Optional.empty();
    var disclosure =
        log.record(
            recipient,
            request,
            decision.directive(),
            grant.map(EmergencyGrant::id).orElse(null),
            records.strip(),
            clock.instant());
    AuditEvent event =
        AuditEvent.success("consent.disclosure")
            .withRecord("consent-disclosure", disclosure)
            .withPerson(request.person().value())
            .withPurpose(request.purpose().name())
            .withDetail("discloser", request.discloser().toString())
            .withDetail("category", request.category().name())
            .withDetail("sensitivity", request.sensitivity().name());
    event =
        decision.breakGlass()
            ? event.withDetail("emergencyGrant", grant.map(g -> g.id().toString()).orElse(""))
            : event.withDetail("directive", decision.directive().toString());
    audit.record(event);
    return decision;
  }

  /** The facts of one call, each asked at most once. */
  private final class Facts implements DecisionFacts {

    private final BridgewayPrincipal recipient;
    private final Set<PersonId> granted;
    private final Map<PersonId, Boolean> sees = new HashMap<>();
    private final Map<PersonId, Optional<LocalDate>> supervisionEnded = new HashMap<>();
    private final Map<List<Object>, Optional<LocalDate>> treatmentEnded = new HashMap<>();

    Facts(BridgewayPrincipal recipient, Set<PersonId> granted) {
      this.recipient = recipient;
      this.granted = granted;
    }

    void prefetch(Set<PersonId> persons) {
      Set<PersonId> seen = people.seenAmong(recipient, persons);
      Map<PersonId, LocalDate> ended = people.supervisionEndedOn(persons);
      for (PersonId person : persons) {
        sees.put(person, seen.contains(person));
        supervisionEnded.put(person, Optional.ofNullable(ended.get(person)));
      }
    }

    @Override
    public boolean recipientSees(PersonId person) {
      return sees.computeIfAbsent(person, p -> people.sees(recipient, p));
    }

    @Override
    public Optional<LocalDate> supervisionEndedOn(PersonId person) {
      return supervisionEnded.computeIfAbsent(person, people::supervisionEndedOn);
    }

    @Override
    public Optional<LocalDate> treatmentEndedOn(PersonId person, OrganizationId program) {
      TreatmentEndings endings = treatmentEndings.getIfAvailable();
      if (endings == null) {
        return Optional.empty();
      }
      return treatmentEnded.computeIfAbsent(
          List.of(person, program), key -> endings.treatmentEndedOn(person, program));
    }

    @Override
    public boolean isPart2Program(OrganizationId organization) {
      return part2.isPart2Program(organization);
    }

    @Override
    public boolean emergencyGrantInForce(PersonId person) {
      return granted.contains(person);
    }
  }
}
