package org.bridgeway.outcomes.event.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.outcomes.OutcomeEventKind;
import org.bridgeway.outcomes.event.HousingStatus;
import org.bridgeway.outcomes.event.OutcomeEventEntries;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.supervision.PersonId;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's outcome events over the API: list them, record one, retract one entered in error.
 * Officers and supervisors reach the people of their caseloads (supervision's rule); anyone else's
 * person answers 404. A {@code POST} with an {@code Idempotency-Key} is safe to retry.
 */
@RestController
@RequestMapping(OutcomeEventApiController.BASE)
class OutcomeEventApiController {

  static final String BASE = "/api/v1/outcomes/people/{personId}/events";

  /** Staff who enter outcome events: the officers and supervisors of the person's agency. */
  static final String STAFF = "hasAnyRole('OFFICER','SUPERVISOR')";

  /** An event to record; a kind or category outside the lists answers 400 naming the field. */
  record EventRequest(
      OutcomeEventKind kind,
      LocalDate occurredOn,
      OffenseCategory offenseCategory,
      HousingStatus housingStatus,
      String detail) {}

  /** Why an event is retracted (entered in error, wrong person...). */
  record RetractionRequest(String reason) {}

  record PersonEventsView(
      UUID personId,
      List<OutcomeEventEntries.EventView> events,
      List<OutcomeEventEntries.RetractedView> retracted) {}

  private final OutcomeEventEntries entries;

  OutcomeEventApiController(OutcomeEventEntries entries) {
    this.entries = entries;
  }

  @GetMapping
  @PreAuthorize(STAFF)
  PersonEventsView list(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID personId) {
    OutcomeEventEntries.PersonEvents events = entries.list(principal, new PersonId(personId));
    return new PersonEventsView(personId, events.events(), events.retracted());
  }

  @PostMapping
  @PreAuthorize(STAFF)
  ResponseEntity<OutcomeEventEntries.EventView> record(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID personId,
      @RequestBody EventRequest request) {
    OutcomeEventEntries.EventView event =
        entries.record(
            principal,
            new PersonId(personId),
            new OutcomeEventEntries.NewEvent(
                request.kind(),
                request.occurredOn(),
                request.offenseCategory(),
                request.housingStatus(),
                request.detail()));
    return ResponseEntity.created(
            URI.create("/api/v1/outcomes/people/" + personId + "/events/" + event.id()))
        .body(event);
  }

  @PostMapping("/{eventId}/retraction")
  @PreAuthorize(STAFF)
  ResponseEntity<Void> retract(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID personId,
      @PathVariable UUID eventId,
      @RequestBody RetractionRequest request) {
    entries.retract(principal, new PersonId(personId), eventId, request.reason());
    return ResponseEntity.noContent().build();
  }
}
