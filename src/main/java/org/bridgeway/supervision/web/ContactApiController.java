package org.bridgeway.supervision.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.ContactId;
import org.bridgeway.supervision.contact.Contact;
import org.bridgeway.supervision.contact.ContactKind;
import org.bridgeway.supervision.contact.ContactOutcome;
import org.bridgeway.supervision.contact.ContactRecords;
import org.bridgeway.supervision.contact.ContactStandard;
import org.bridgeway.supervision.contact.ContactStandards;
import org.bridgeway.supervision.contact.ContactStatusQuery.CaseContactStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contacts on supervision cases, when the next one is due, the caseload's overdue cases, and the
 * agency's contact standards (ADR 0011). Recording a contact carries the version the caller read.
 */
@RestController
class ContactApiController {

  record ScheduleRequest(
      @NotNull ContactKind kind,
      @NotNull OffsetDateTime scheduledFor,
      @Size(max = Contact.MAX_LOCATION) String location) {}

  record OutcomeRequest(
      @NotNull OffsetDateTime happenedAt,
      @NotNull ContactOutcome outcome,
      @Size(max = Contact.MAX_NOTES) String notes,
      UUID officerId,
      @NotNull @Min(0) Long version) {}

  record StandardRequest(
      @NotNull @Min(1) @Max(ContactStandard.MAX_CONTACTS) Integer contacts,
      @NotNull @Min(1) @Max(ContactStandard.MAX_DAYS) Integer periodDays,
      @Min(1) @Max(ContactStandard.MAX_DAYS) Integer fieldEveryDays,
      @NotNull @Min(0) Long version) {}

  record ContactView(
      UUID id,
      long version,
      ContactKind kind,
      Instant scheduledFor,
      String location,
      Instant happenedAt,
      ContactOutcome outcome,
      String notes,
      UUID officerId) {

    static ContactView of(Contact c) {
      return new ContactView(
          c.id().value(),
          c.version(),
          c.kind(),
          c.scheduledFor(),
          c.location(),
          c.happenedAt(),
          c.outcome(),
          c.notes(),
          c.officerId() == null ? null : c.officerId().value());
    }
  }

  record StandardView(
      SupervisionLevel level,
      int contacts,
      int periodDays,
      Integer fieldEveryDays,
      long version,
      boolean setByAgency) {

    static StandardView of(ContactStandards.Configured configured) {
      ContactStandard s = configured.standard();
      return new StandardView(
          s.level(),
          s.contacts(),
          s.periodDays(),
          s.fieldEveryDays(),
          configured.version(),
          configured.agencys());
    }
  }

  record StandardTerms(int contacts, int periodDays, Integer fieldEveryDays) {}

  record CaseContactsView(
      UUID caseId,
      SupervisionLevel level,
      StandardTerms standard,
      LocalDate nextContactDue,
      boolean dueInTheCommunity,
      boolean overdue,
      List<ContactView> contacts) {}

  record StatusView(
      UUID caseId,
      UUID personId,
      UUID officerId,
      SupervisionLevel level,
      LocalDate nextContactDue,
      boolean dueInTheCommunity,
      boolean overdue,
      int openViolations) {

    static StatusView of(CaseContactStatus s) {
      return new StatusView(
          s.supervisionCase().value(),
          s.person().value(),
          s.officer().value(),
          s.level(),
          s.nextContactDue(),
          s.dueInTheCommunity(),
          s.overdue(),
          s.openViolations());
    }
  }

  private final ContactRecords contacts;
  private final Clock clock;

  ContactApiController(ContactRecords contacts, Clock clock) {
    this.contacts = contacts;
    this.clock = clock;
  }

  @GetMapping("/api/v1/supervision/cases/{id}/contacts")
  @PreAuthorize(SupervisionRoles.STAFF)
  CaseContactsView list(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    ContactRecords.CaseContacts found = contacts.contactsOf(principal, new CaseId(id));
    ContactStandard s = found.standard();
    return new CaseContactsView(
        id,
        found.supervisionCase().level(),
        new StandardTerms(s.contacts(), s.periodDays(), s.fieldEveryDays()),
        found.due() == null ? null : found.due().date(),
        found.due() != null && found.due().inTheCommunity(),
        found.overdue(),
        found.contacts().stream().map(ContactView::of).toList());
  }

  @PostMapping("/api/v1/supervision/cases/{id}/contacts")
  @PreAuthorize(SupervisionRoles.STAFF)
  ResponseEntity<ContactView> schedule(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody ScheduleRequest request) {
    Contact contact =
        contacts.schedule(
            principal,
            new CaseId(id),
            request.kind(),
            request.scheduledFor().toInstant(),
            request.location());
    return ResponseEntity.status(HttpStatus.CREATED).body(ContactView.of(contact));
  }

  @PostMapping("/api/v1/supervision/cases/{id}/contacts/{contactId}/outcome")
  @PreAuthorize(SupervisionRoles.STAFF)
  ContactView record(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID contactId,
      @Valid @RequestBody OutcomeRequest request) {
    return ContactView.of(
        contacts.record(
            principal,
            new CaseId(id),
            new ContactId(contactId),
            request.happenedAt().toInstant(),
            request.outcome(),
            request.notes(),
            request.officerId() == null ? null : new UserId(request.officerId()),
            request.version()));
  }

  @GetMapping("/api/v1/supervision/contacts/overdue")
  @PreAuthorize(SupervisionRoles.STAFF)
  List<StatusView> overdue(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(required = false) LocalDate asOf) {
    LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
    return contacts.overdue(principal, day).stream().map(StatusView::of).toList();
  }

  @GetMapping("/api/v1/supervision/agencies/{agencyId}/contact-standards")
  @PreAuthorize(SupervisionRoles.STAFF)
  List<StandardView> standards(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID agencyId) {
    requireOwn(principal, agencyId);
    return contacts.standards(principal).values().stream().map(StandardView::of).toList();
  }

  @PutMapping("/api/v1/supervision/agencies/{agencyId}/contact-standards/{level}")
  @PreAuthorize(SupervisionRoles.ADMINISTRATORS)
  StandardView setStandard(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID agencyId,
      @PathVariable SupervisionLevel level,
      @Valid @RequestBody StandardRequest request) {
    requireOwn(principal, agencyId);
    ContactStandard standard =
        new ContactStandard(
            level, request.contacts(), request.periodDays(), request.fieldEveryDays());
    long version = contacts.setStandard(principal, standard, request.version());
    return new StandardView(
        level,
        standard.contacts(),
        standard.periodDays(),
        standard.fieldEveryDays(),
        version,
        true);
  }

  /** Another agency's settings answer as missing, like its records. */
  static void requireOwn(BridgewayPrincipal principal, UUID agencyId) {
    if (!principal.belongsTo(new OrganizationId(agencyId))) {
      throw new NotFoundException("agency");
    }
  }
}
