package org.bridgeway.consent.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.consent.ConsentDirectiveId;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.emergency.EmergencyAccess;
import org.bridgeway.consent.emergency.EmergencyGrant;
import org.bridgeway.consent.emergency.EmergencyGrantId;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounting of disclosures of a person (§2.25): every recorded disclosure of the last three
 * years and every medical-emergency access, newest first. Read by the supervising agency's staff
 * who see the person; audited.
 */
@Service
public class DisclosureAccounting {

  public static final int YEARS = 3;

  /** What an entry of the accounting records. */
  public enum EntryKind {
    /** Data shown or sent under a directive or an emergency grant. */
    DISCLOSURE,
    /** A medical-emergency grant itself (with its reason and whether it was reviewed). */
    EMERGENCY_ACCESS
  }

  /**
   * One line of the accounting.
   *
   * @param recipient actor reference of who received the data or invoked emergency access
   * @param discloser the disclosing organization (null for an emergency access entry)
   * @param directive the permitting directive, if one permitted it
   * @param emergencyGrant the emergency grant, for emergency entries and disclosures under one
   * @param description what was disclosed (ids and counts), or the emergency's reason
   */
  public record Entry(
      EntryKind kind,
      Instant at,
      OrganizationId recipientOrganization,
      String recipient,
      OrganizationId discloser,
      InformationCategory category,
      DisclosurePurpose purpose,
      ConsentDirectiveId directive,
      EmergencyGrantId emergencyGrant,
      String description,
      boolean reviewed) {}

  /** The accounting for a period. */
  public record Accounting(PersonId person, LocalDate from, LocalDate to, List<Entry> entries) {}

  private final SupervisedPeople people;
  private final DisclosureLog log;
  private final EmergencyAccess emergencies;
  private final AuditTrail audit;
  private final Clock clock;

  DisclosureAccounting(
      SupervisedPeople people,
      DisclosureLog log,
      EmergencyAccess emergencies,
      AuditTrail audit,
      Clock clock) {
    this.people = people;
    this.log = log;
    this.emergencies = emergencies;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The person's accounting of disclosures over the last {@value #YEARS} years.
   *
   * @throws NotFoundException if there is no such person or the caller does not see them
   */
  @Transactional
  public Accounting accountingOf(BridgewayPrincipal principal, PersonId person) {
    people.visibleTo(principal, person);
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    LocalDate from = today.minusYears(YEARS);
    Instant since = from.atStartOfDay(clock.getZone()).toInstant();
    List<Entry> entries = new ArrayList<>();
    for (DisclosureLog.Disclosure d : log.ofPerson(person, since)) {
      entries.add(
          new Entry(
              EntryKind.DISCLOSURE,
              d.disclosedAt(),
              d.recipientOrganization(),
              d.disclosedTo(),
              d.discloser(),
              d.category(),
              d.purpose(),
              d.directive(),
              d.emergencyGrant(),
              d.records(),
              false));
    }
    for (EmergencyGrant g : emergencies.ofPerson(person, since)) {
      entries.add(
          new Entry(
              EntryKind.EMERGENCY_ACCESS,
              g.grantedAt(),
              g.organization(),
              g.grantedTo(),
              null,
              null,
              null,
              null,
              g.id(),
              g.reason(),
              g.reviewed()));
    }
    entries.sort(Comparator.comparing(Entry::at).reversed());
    audit.record(
        AuditEvent.success("consent.accounting.read")
            .withRecord("supervision-person", person.value())
            .withPerson(person.value())
            .withDetail("entries", Integer.toString(entries.size())));
    return new Accounting(person, from, today, List.copyOf(entries));
  }
}
