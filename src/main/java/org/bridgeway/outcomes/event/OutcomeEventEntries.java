package org.bridgeway.outcomes.event;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.outcomes.OutcomeEventKind;
import org.bridgeway.outcomes.OutcomeRecordsChanged;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outcome events that staff enter for a person they supervise: record, list and retract. Who sees
 * the person is supervision's rule ({@link SupervisedPeople}); a person the caller does not see
 * does not exist. Every read and change is audited.
 */
@Service
public class OutcomeEventEntries {

  static final String RECORD_TYPE = "outcomes_event";

  /** An event to record, as the form or the API sent it. */
  public record NewEvent(
      OutcomeEventKind kind,
      LocalDate occurredOn,
      OffenseCategory offenseCategory,
      HousingStatus housingStatus,
      String detail) {}

  /**
   * An event of the person as pages and the API show it.
   *
   * @param retractable whether staff may retract it (only entered events: derived and imported ones
   *     are corrected at their source)
   */
  public record EventView(
      UUID id,
      OutcomeEventKind kind,
      LocalDate occurredOn,
      String offenseCategory,
      String housingStatus,
      String detail,
      String source,
      Instant recordedAt,
      boolean retractable) {

    static EventView of(EventStore.StoredEvent event) {
      return new EventView(
          event.id(),
          event.kind(),
          event.occurredOn(),
          event.offenseCategory(),
          event.housingStatus(),
          event.detail(),
          event.source(),
          event.recordedAt(),
          "ENTERED".equals(event.source()));
    }
  }

  /** A retracted event, kept with when and why. */
  public record RetractedView(EventView event, Instant retractedAt, String reason) {}

  /** The person's events: standing ones, and the retracted ones kept for the record. */
  public record PersonEvents(
      SupervisedPeople.PersonHeading person,
      List<EventView> events,
      List<RetractedView> retracted) {}

  private final SupervisedPeople people;
  private final OutcomePeople outcomePeople;
  private final EventStore store;
  private final AuditTrail audit;
  private final ApplicationEventPublisher publisher;
  private final EventMessages messages;
  private final Clock clock;

  OutcomeEventEntries(
      SupervisedPeople people,
      OutcomePeople outcomePeople,
      EventStore store,
      AuditTrail audit,
      ApplicationEventPublisher publisher,
      EventMessages messages,
      Clock clock) {
    this.people = people;
    this.outcomePeople = outcomePeople;
    this.store = store;
    this.audit = audit;
    this.publisher = publisher;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * The person's outcome events, latest first, with the retracted ones; audited.
   *
   * @throws NotFoundException if the caller does not see the person (or there is none)
   */
  @Transactional
  public PersonEvents list(BridgewayPrincipal principal, PersonId person) {
    SupervisedPeople.PersonHeading heading = people.visibleTo(principal, person);
    audit.record(
        AuditEvent.success("outcomes.events.read")
            .withRecord("supervision_person", person.value())
            .withPerson(person.value()));
    List<EventView> events = store.ofPerson(person.value()).stream().map(EventView::of).toList();
    List<RetractedView> retracted =
        store.retractedOf(person.value()).stream()
            .map(r -> new RetractedView(EventView.of(r.event()), r.retractedAt(), r.reason()))
            .toList();
    return new PersonEvents(heading, events, retracted);
  }

  /**
   * Records an event the caller entered for a person they see.
   *
   * @throws NotFoundException if the caller does not see the person
   * @throws EventInputRejected if the event breaks a rule (nothing written)
   * @throws DuplicateOutcomeEvent if the person already has the same event
   */
  @Transactional
  public EventView record(BridgewayPrincipal principal, PersonId person, NewEvent event) {
    SupervisedPeople.PersonHeading heading = people.visibleTo(principal, person);
    LocalDate today = LocalDate.now(clock);
    String detail = blankToNull(event.detail());
    List<FieldViolation> violations =
        EventRules.check(
            event.kind(),
            event.occurredOn(),
            event.offenseCategory(),
            event.housingStatus(),
            detail,
            heading.dateOfBirth(),
            today,
            EventRules.Fields.API,
            messages);
    if (!violations.isEmpty()) {
      throw new EventInputRejected(violations);
    }
    OrganizationId agency =
        outcomePeople
            .ensurePlatformPerson(person)
            .orElseThrow(() -> new NotFoundException("person"));
    String offense = event.offenseCategory() == null ? null : event.offenseCategory().name();
    String housing = event.housingStatus() == null ? null : event.housingStatus().name();
    if (store.sameExists(person.value(), event.kind(), event.occurredOn(), offense, housing)) {
      throw duplicate();
    }
    EventStore.StoredEvent stored =
        new EventStore.StoredEvent(
            UUID.randomUUID(),
            person.value(),
            agency.value(),
            event.kind(),
            event.occurredOn(),
            offense,
            housing,
            detail,
            "ENTERED",
            null,
            clock.instant(),
            principal.reference());
    try {
      store.insert(stored);
    } catch (DuplicateKeyException raced) {
      throw duplicate();
    }
    audit.record(
        AuditEvent.success("outcomes.event.record")
            .withRecord(RECORD_TYPE, stored.id())
            .withPerson(person.value())
            .withDetail("kind", event.kind().name()));
    publisher.publishEvent(new OutcomeRecordsChanged(agency.value(), Set.of(person.value())));
    return EventView.of(stored);
  }

  /**
   * Retracts an event entered by staff (entered in error), keeping it with the reason.
   *
   * @throws NotFoundException if the caller does not see the person or the person has no such event
   * @throws EventInputRejected if the reason is missing or too long, or the event was not entered
   *     by staff
   */
  @Transactional
  public void retract(BridgewayPrincipal principal, PersonId person, UUID eventId, String reason) {
    people.visibleTo(principal, person);
    EventStore.StoredEvent event =
        store.find(person.value(), eventId).orElseThrow(() -> new NotFoundException("event"));
    String why = blankToNull(reason);
    if (why == null) {
      throw new EventInputRejected(
          List.of(new FieldViolation("reason", "Required", messages.error("reasonRequired"))));
    }
    if (why.length() > EventRules.DETAIL_MAX) {
      throw new EventInputRejected(
          List.of(
              new FieldViolation(
                  "reason", "Size", messages.error("detailTooLong", EventRules.DETAIL_MAX))));
    }
    if (!"ENTERED".equals(event.source())) {
      throw new EventInputRejected(
          List.of(new FieldViolation(null, "NotEntered", messages.error("notEntered"))));
    }
    store.retract(eventId, clock.instant(), principal.reference(), why);
    audit.record(
        AuditEvent.success("outcomes.event.retract")
            .withRecord(RECORD_TYPE, eventId)
            .withPerson(person.value())
            .withDetail("kind", event.kind().name()));
    publisher.publishEvent(new OutcomeRecordsChanged(event.agency(), Set.of(person.value())));
  }

  private DuplicateOutcomeEvent duplicate() {
    return new DuplicateOutcomeEvent(messages.error("duplicate"));
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
