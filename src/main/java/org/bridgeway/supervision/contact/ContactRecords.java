package org.bridgeway.supervision.contact;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.ContactId;
import org.bridgeway.supervision.ContactRecorded;
import org.bridgeway.supervision.SupervisionInputRejected;
import org.bridgeway.supervision.access.CaseloadAccess;
import org.bridgeway.supervision.caseload.Cases;
import org.bridgeway.supervision.caseload.SupervisionCase;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts on supervision cases and the agency's contact standards. A case's contacts are seen by
 * whoever sees the case ({@link CaseloadAccess}); every read and change is audited with ids and
 * codes in the same transaction, and a recorded contact is published as {@link ContactRecorded}.
 */
@Service
public class ContactRecords {

  static final String CONTACT = "supervision-contact";
  static final String STANDARD = "supervision-contact-standard";

  /** A case with its contacts (newest first) and when the next one is due. */
  public record CaseContacts(
      SupervisionCase supervisionCase,
      List<Contact> contacts,
      ContactStandard standard,
      ContactStandard.Due due,
      LocalDate asOf) {

    public boolean overdue() {
      return due != null && due.overdueOn(asOf);
    }
  }

  private final Cases cases;
  private final Contacts contacts;
  private final ContactStandards standards;
  private final ContactStatusQuery statuses;
  private final StaffDirectory staff;
  private final CaseloadAccess access;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ContactRecords(
      Cases cases,
      Contacts contacts,
      ContactStandards standards,
      ContactStatusQuery statuses,
      StaffDirectory staff,
      CaseloadAccess access,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.cases = cases;
    this.contacts = contacts;
    this.standards = standards;
    this.statuses = statuses;
    this.staff = staff;
    this.access = access;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /**
   * A case's contacts and when the next is due, audited as a read.
   *
   * @throws NotFoundException if there is no such case or the caller does not see it
   */
  @Transactional
  public CaseContacts contactsOf(BridgewayPrincipal principal, CaseId id) {
    SupervisionCase found = visible(principal, id);
    audit.record(caseEvent("supervision.contact.list", found));
    List<Contact> all = contacts.findByCaseIdOrderByScheduledForDesc(id);
    LocalDate today = LocalDate.now(clock);
    ContactStandard standard = standards.of(found.organizationId()).get(found.level()).standard();
    ContactStandard.Due due = null;
    if (found.isOpen()) {
      List<Contact> completed =
          all.stream()
              .filter(Contact::completed)
              .sorted((a, b) -> b.happenedAt().compareTo(a.happenedAt()))
              .toList();
      due =
          standard.nextDue(
              found.startDate(),
              completed.stream().map(c -> day(c.happenedAt())).toList(),
              completed.stream()
                  .filter(c -> c.kind().inTheCommunity())
                  .map(c -> day(c.happenedAt()))
                  .findFirst()
                  .orElse(null));
    }
    return new CaseContacts(found, all, standard, due, today);
  }

  /**
   * Schedules a contact on an open case.
   *
   * @throws DomainRuleViolation if the case is closed
   */
  @Transactional
  public Contact schedule(
      BridgewayPrincipal principal,
      CaseId id,
      ContactKind kind,
      Instant scheduledFor,
      String location) {
    SupervisionCase found = visible(principal, id);
    if (!found.isOpen()) {
      throw new DomainRuleViolation(
          null, "supervision.case.closed", "The case is closed and cannot change.");
    }
    Instant now = clock.instant();
    Contact contact =
        Contact.schedule(
            ContactId.random(), found, kind, scheduledFor, location, principal.reference(), now);
    contacts.save(contact);
    audit.record(
        contactEvent("supervision.contact.schedule", found, contact)
            .withDetail("kind", kind.name()));
    return contact;
  }

  /**
   * Records what happened at a scheduled contact, made by an officer of the agency: the one named,
   * else the caller if an officer, else the case's officer.
   *
   * @throws SupervisionInputRejected if it happened in the future or before the case started, or
   *     the officer is not an active officer of the agency
   * @throws DomainRuleViolation if the contact was already recorded
   * @throws OptimisticLockingFailureException if the contact changed since the caller read it
   */
  @Transactional
  public Contact record(
      BridgewayPrincipal principal,
      CaseId caseId,
      ContactId id,
      Instant happenedAt,
      ContactOutcome outcome,
      String notes,
      UserId officer,
      long version) {
    SupervisionCase found = visible(principal, caseId);
    Contact contact =
        contacts
            .findById(id)
            .filter(c -> c.caseId().equals(found.id()))
            .orElseThrow(() -> new NotFoundException("contact"));
    if (contact.version() != version) {
      throw new OptimisticLockingFailureException(
          "The contact " + id + " is at version " + contact.version() + ", not " + version);
    }
    if (contact.isRecorded()) {
      throw new DomainRuleViolation(
          null, "supervision.contact.recorded", "The contact was already recorded.");
    }
    Instant now = clock.instant();
    List<FieldViolation> violations = new ArrayList<>();
    if (happenedAt.isAfter(now)) {
      violations.add(
          new FieldViolation("happenedAt", "PastOrPresent", "must not be in the future"));
    } else if (day(happenedAt).isBefore(found.startDate())) {
      violations.add(
          new FieldViolation(
              "happenedAt", "BeforeStart", "must not be before the case's startDate"));
    }
    UserId by = officer;
    if (by == null) {
      // Whoever records it made the contact, unless they are no officer (an administrator entering
      // it, an agency system): then the case's officer did.
      UserId caller = principal.userId() == null ? null : new UserId(principal.userId());
      by =
          caller != null && isOfficerOf(caller, found.organizationId())
              ? caller
              : found.officerId();
    } else if (!isOfficerOf(by, found.organizationId())) {
      violations.add(
          new FieldViolation(
              "officerId", "UnknownOfficer", "is not an active officer of the agency"));
    }
    if (!violations.isEmpty()) {
      throw new SupervisionInputRejected(violations);
    }
    contact.record(happenedAt, outcome, notes, by, principal.reference(), now);
    contacts.save(contact);
    audit.record(
        contactEvent("supervision.contact.record", found, contact)
            .withDetail("outcome", outcome.name()));
    events.publishEvent(
        new ContactRecorded(
            contact.id(),
            found.id(),
            found.personId(),
            contact.kind().name(),
            outcome.name(),
            happenedAt));
    return contact;
  }

  /**
   * The open cases of the caller's caseload (a supervisor's: with their team's; an administrator's:
   * the agency's) whose next contact is overdue on the day, most overdue first; audited as one read
   * with the number of cases.
   */
  @Transactional
  public List<ContactStatusQuery.CaseContactStatus> overdue(
      BridgewayPrincipal principal, LocalDate asOf) {
    List<ContactStatusQuery.CaseContactStatus> overdue = statuses.overdue(principal, asOf);
    audit.record(
        AuditEvent.success("supervision.contact.overdue")
            .withDetail("asOf", asOf.toString())
            .withDetail("cases", Integer.toString(overdue.size())));
    return overdue;
  }

  /** The caller's agency's contact standards, defaults filled in. */
  @Transactional(readOnly = true)
  public Map<SupervisionLevel, ContactStandards.Configured> standards(
      BridgewayPrincipal principal) {
    return standards.of(principal.organization());
  }

  /**
   * Sets the caller's agency's standard for a level; for its administrators only.
   *
   * @param version the version the change is based on (0 while the level has the default)
   * @return the new version
   */
  @Transactional
  public long setStandard(BridgewayPrincipal principal, ContactStandard standard, long version) {
    OrganizationId agency = principal.organization();
    if (!CaseloadAccess.manages(principal, agency)) {
      throw new AccessDeniedException("Only the agency's administrators set contact standards");
    }
    long saved = standards.save(agency, standard, version, principal.reference(), clock.instant());
    audit.record(
        AuditEvent.success("supervision.contact.standard")
            .withRecord(STANDARD, agency.value())
            .withDetail("level", standard.level().name())
            .withDetail("contacts", Integer.toString(standard.contacts()))
            .withDetail("periodDays", Integer.toString(standard.periodDays())));
    return saved;
  }

  private boolean isOfficerOf(UserId officer, OrganizationId agency) {
    Optional<StaffMember> member = staff.find(officer);
    return member.isPresent()
        && member.get().organization().equals(agency)
        && member.get().active()
        && (member.get().has(Role.OFFICER) || member.get().has(Role.SUPERVISOR));
  }

  private LocalDate day(Instant instant) {
    return instant.atZone(clock.getZone()).toLocalDate();
  }

  private SupervisionCase visible(BridgewayPrincipal principal, CaseId id) {
    SupervisionCase found = cases.findById(id).orElseThrow(() -> new NotFoundException("case"));
    if (!access.sees(principal, found.personId(), found.organizationId())) {
      throw new NotFoundException("case");
    }
    return found;
  }

  private static AuditEvent caseEvent(String action, SupervisionCase subject) {
    return AuditEvent.success(action)
        .withRecord("supervision-case", subject.id().value())
        .withPerson(subject.personId().value());
  }

  private static AuditEvent contactEvent(String action, SupervisionCase subject, Contact contact) {
    return AuditEvent.success(action)
        .withRecord(CONTACT, contact.id().value())
        .withPerson(subject.personId().value())
        .withDetail("case", subject.id().toString());
  }
}
