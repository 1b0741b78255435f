package org.bridgeway.supervision.assessment;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.AssessmentCompleted;
import org.bridgeway.supervision.AssessmentId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.Responsivity;
import org.bridgeway.supervision.ResponsivityFactor;
import org.bridgeway.supervision.RiskLevel;
import org.bridgeway.supervision.SupervisionInputRejected;
import org.bridgeway.supervision.access.CaseloadAccess;
import org.bridgeway.supervision.person.Person;
import org.bridgeway.supervision.person.PersonName;
import org.bridgeway.supervision.person.PersonRecords;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessment instruments, assessments of people and their responsivity factors. Instruments belong
 * to an agency and are kept by its administrators; assessments are read and recorded by whoever
 * sees the person ({@link CaseloadAccess}). Every read of a person's assessments and every change
 * is audited in the same transaction, with ids and codes only.
 */
@Service
public class AssessmentRecords {

  static final String INSTRUMENT = "supervision-instrument";
  static final String ASSESSMENT = "supervision-assessment";
  private static final int MAX_DUE_DAYS = 366;

  private final Instruments instruments;
  private final Assessments assessments;
  private final ResponsivityFactors responsivity;
  private final PersonRecords people;
  private final ReviewIntervals intervals;
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  AssessmentRecords(
      Instruments instruments,
      Assessments assessments,
      ResponsivityFactors responsivity,
      PersonRecords people,
      ReviewIntervals intervals,
      JdbcClient jdbc,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.instruments = instruments;
    this.assessments = assessments;
    this.responsivity = responsivity;
    this.people = people;
    this.intervals = intervals;
    this.jdbc = jdbc;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** The current versions of the caller's agency's instruments. */
  @Transactional(readOnly = true)
  public List<Instrument> instruments(BridgewayPrincipal principal) {
    return instruments.currentOf(principal.organization());
  }

  /**
   * One version of an instrument of the caller's agency.
   *
   * @throws NotFoundException if there is none or it is another organization's
   */
  @Transactional(readOnly = true)
  public Instrument instrument(BridgewayPrincipal principal, InstrumentId id) {
    return instruments
        .findById(id)
        .filter(found -> principal.belongsTo(found.organizationId()))
        .orElseThrow(() -> new NotFoundException("instrument"));
  }

  /**
   * Defines a new instrument for the caller's agency.
   *
   * @throws SupervisionInputRejected if the definition breaks a rule
   * @throws AccessDeniedException if the caller does not administer a supervising agency
   */
  @Transactional
  public Instrument define(
      BridgewayPrincipal principal, String name, InstrumentDefinition definition) {
    if (principal.organizationKind() != OrganizationKind.PROBATION_AGENCY
        || !CaseloadAccess.manages(principal, principal.organization())) {
      throw new AccessDeniedException("Only a supervising agency's administrators");
    }
    rejectIfAny(definition.violations());
    Instrument instrument =
        Instrument.define(
            InstrumentId.random(),
            principal.organization(),
            name,
            definition,
            principal.reference(),
            clock.instant());
    instruments.save(instrument);
    audit.record(
        AuditEvent.success("supervision.instrument.define")
            .withRecord(INSTRUMENT, instrument.id().value()));
    return instrument;
  }

  /**
   * Changes an instrument: in place while no assessment used it, otherwise as its next version.
   *
   * @return the changed or the new version
   * @throws NotFoundException if the instrument is not the caller's agency's
   * @throws OptimisticLockingFailureException if it changed since the caller read it
   * @throws DomainRuleViolation if the version is no longer current
   */
  @Transactional
  public Instrument revise(
      BridgewayPrincipal principal,
      InstrumentId id,
      String name,
      InstrumentDefinition definition,
      long version) {
    Instrument found = instrument(principal, id);
    if (!CaseloadAccess.manages(principal, found.organizationId())) {
      throw new NotFoundException("instrument");
    }
    if (found.version() != version) {
      throw new OptimisticLockingFailureException(
          "The instrument " + id + " is at version " + found.version() + ", not " + version);
    }
    if (!found.current()) {
      throw superseded("id");
    }
    rejectIfAny(definition.violations());
    Instrument revised =
        found.revise(
            name,
            definition,
            instruments.inUse(id),
            InstrumentId.random(),
            principal.reference(),
            clock.instant());
    instruments.save(found);
    if (revised != found) {
      instruments.save(revised);
    }
    audit.record(
        AuditEvent.success("supervision.instrument.revise")
            .withRecord(INSTRUMENT, revised.id().value())
            .withDetail("number", Integer.toString(revised.number()))
            .withDetail("from", id.toString()));
    return revised;
  }

  /**
   * Records an assessment answered item by item with the current version of an instrument of the
   * person's agency; scored here. Responsivity factors given are recorded with it.
   *
   * @param answers the chosen option's index (from 0) per item key
   * @throws NotFoundException if the caller does not see the person
   * @throws SupervisionInputRejected if the day is in the future, the instrument unknown, an item
   *     unanswered or an answer unknown, or a responsivity factor repeated; nothing is written
   * @throws DomainRuleViolation if the instrument version is no longer current
   */
  @Transactional
  public Assessment complete(
      BridgewayPrincipal principal,
      PersonId personId,
      InstrumentId instrumentId,
      Map<String, Integer> answers,
      LocalDate assessedOn,
      List<NewResponsivity> factors) {
    Person person = people.visible(principal, personId);
    LocalDate today = LocalDate.now(clock);
    List<FieldViolation> violations = new ArrayList<>();
    dateViolations(assessedOn, today, violations);
    factorViolations(factors, violations);
    Instrument instrument =
        instruments
            .findById(instrumentId)
            .filter(found -> found.organizationId().equals(person.organizationId()))
            .orElse(null);
    InstrumentDefinition.Scored scored = null;
    if (instrument == null) {
      violations.add(
          new FieldViolation(
              "instrumentId", "UnknownInstrument", "is not an instrument of the agency"));
    } else {
      scored = instrument.score(answers, violations);
    }
    rejectIfAny(violations);
    if (!instrument.current()) {
      throw superseded("instrumentId");
    }
    Instant now = clock.instant();
    Assessment assessment =
        Assessment.completed(
            AssessmentId.random(),
            personId,
            person.organizationId(),
            instrument,
            answers,
            scored,
            assessedOn,
            today,
            intervals,
            principal.reference(),
            now);
    return recorded(principal, assessment, factors, now);
  }

  /** The results of an external instrument to import. */
  public record ExternalResult(
      String instrumentName,
      LocalDate assessedOn,
      RiskLevel riskLevel,
      Map<NeedDomain, DomainResult> domains) {}

  /**
   * Records the results of an external instrument as it gave them.
   *
   * @throws NotFoundException if the caller does not see the person
   * @throws SupervisionInputRejected if the day is in the future or no domain is given; nothing is
   *     written
   */
  @Transactional
  public Assessment importResult(
      BridgewayPrincipal principal,
      PersonId personId,
      ExternalResult result,
      List<NewResponsivity> factors) {
    Person person = people.visible(principal, personId);
    LocalDate today = LocalDate.now(clock);
    List<FieldViolation> violations = new ArrayList<>();
    dateViolations(result.assessedOn(), today, violations);
    factorViolations(factors, violations);
    if (result.domains() == null || result.domains().isEmpty()) {
      violations.add(new FieldViolation("domains", "NotEmpty", "must have at least one domain"));
    }
    rejectIfAny(violations);
    Instant now = clock.instant();
    Assessment assessment =
        Assessment.imported(
            AssessmentId.random(),
            personId,
            person.organizationId(),
            result.instrumentName(),
            result.assessedOn(),
            result.riskLevel(),
            result.domains(),
            today,
            intervals,
            principal.reference(),
            now);
    return recorded(principal, assessment, factors, now);
  }

  private Assessment recorded(
      BridgewayPrincipal principal,
      Assessment assessment,
      List<NewResponsivity> factors,
      Instant now) {
    assessments.add(assessment);
    for (NewResponsivity factor : factors == null ? List.<NewResponsivity>of() : factors) {
      responsivity.add(
          assessment.organizationId(),
          assessment.personId(),
          factor,
          assessment.assessedOn(),
          assessment.id(),
          principal.reference(),
          now);
    }
    AuditEvent event =
        AuditEvent.success("supervision.assessment.record")
            .withRecord(ASSESSMENT, assessment.id().value())
            .withPerson(assessment.personId().value())
            .withDetail("source", assessment.source().name())
            .withDetail("risk", assessment.riskLevel().name());
    if (assessment.instrumentId() != null) {
      event = event.withDetail("instrument", assessment.instrumentId().toString());
    }
    audit.record(event);
    events.publishEvent(
        new AssessmentCompleted(
            assessment.id(),
            assessment.personId(),
            assessment.organizationId(),
            assessment.assessedOn(),
            assessment.riskLevel(),
            assessment.source() == Assessment.Source.EXTERNAL));
    return assessment;
  }

  /**
   * A person's assessments, latest first, with how each domain changed between the latest and the
   * previous one, the latest responsivity factors and whether a reassessment is overdue today.
   */
  public record History(
      PersonName person,
      List<Assessment> assessments,
      List<DomainChange> changes,
      List<Responsivity> responsivity,
      LocalDate nextDueOn,
      boolean overdue) {}

  /**
   * A person's assessment history, audited as a read.
   *
   * @throws NotFoundException if the caller does not see the person
   */
  @Transactional
  public History history(BridgewayPrincipal principal, PersonId personId) {
    Person person = people.visible(principal, personId);
    List<Assessment> all = assessments.ofPerson(personId);
    audit.record(
        AuditEvent.success("supervision.assessment.read")
            .withRecord(ASSESSMENT, all.isEmpty() ? null : all.getFirst().id().value())
            .withPerson(personId.value())
            .withDetail("count", Integer.toString(all.size())));
    LocalDate today = LocalDate.now(clock);
    return new History(
        person.name(),
        all,
        changesOf(all),
        responsivity.latestOf(personId),
        all.isEmpty() ? null : all.getFirst().nextDueOn(),
        all.isEmpty() || all.getFirst().overdueOn(today));
  }

  /** How each domain changed between the latest and the previous assessment; empty if fewer. */
  static List<DomainChange> changesOf(List<Assessment> latestFirst) {
    if (latestFirst.size() < 2) {
      return List.of();
    }
    return latestFirst.get(0).changesSince(latestFirst.get(1));
  }

  /**
   * Records responsivity factors of a person on their own, dated.
   *
   * @throws SupervisionInputRejected if the day is in the future, no factor or one twice is given
   */
  @Transactional
  public List<Responsivity> recordResponsivity(
      BridgewayPrincipal principal,
      PersonId personId,
      LocalDate on,
      List<NewResponsivity> factors) {
    Person person = people.visible(principal, personId);
    List<FieldViolation> violations = new ArrayList<>();
    if (on.isAfter(LocalDate.now(clock))) {
      violations.add(
          new FieldViolation("recordedOn", "PastOrPresent", "must not be in the future"));
    }
    if (factors == null || factors.isEmpty()) {
      violations.add(new FieldViolation("factors", "NotEmpty", "must have at least one factor"));
    } else {
      factorViolations(factors, violations);
    }
    rejectIfAny(violations);
    Instant now = clock.instant();
    for (NewResponsivity factor : factors) {
      responsivity.add(
          person.organizationId(), personId, factor, on, null, principal.reference(), now);
    }
    audit.record(
        AuditEvent.success("supervision.responsivity.record")
            .withRecord(PersonRecordsType.PERSON, personId.value())
            .withPerson(personId.value())
            .withDetail("factors", Integer.toString(factors.size())));
    return responsivity.latestOf(personId);
  }

  /** A person due for reassessment. */
  public record Due(
      PersonId person,
      PersonName name,
      AssessmentId latest,
      LocalDate assessedOn,
      RiskLevel riskLevel,
      LocalDate nextDueOn,
      boolean overdue) {}

  /**
   * The people the caller sees whose next assessment is due within the days from today (overdue
   * ones included), soonest first; people never assessed are not listed. At most 500.
   *
   * @throws SupervisionInputRejected if the days are not 0 to 366
   */
  @Transactional
  public List<Due> due(BridgewayPrincipal principal, int withinDays) {
    if (withinDays < 0 || withinDays > MAX_DUE_DAYS) {
      throw SupervisionInputRejected.of("withinDays", "Range", "must be from 0 to " + MAX_DUE_DAYS);
    }
    LocalDate today = LocalDate.now(clock);
    CaseloadAccess.Scope scope = CaseloadAccess.scopeOf(principal);
    List<Due> due =
        jdbc.sql(
                "SELECT p.id, p.given_name, p.middle_name, p.family_name, l.id AS latest,"
                    + " l.assessed_on, l.risk_level, l.next_due_on FROM supervision_person p JOIN"
                    + " LATERAL (SELECT a.id, a.assessed_on, a.risk_level, a.next_due_on FROM"
                    + " supervision_assessment a WHERE a.person_id = p.id ORDER BY a.assessed_on"
                    + " DESC, a.recorded_at DESC LIMIT 1) l ON TRUE WHERE l.next_due_on <= :until"
                    + " AND "
                    + CaseloadAccess.VISIBLE
                    + " ORDER BY l.next_due_on, p.id LIMIT 500")
            .params(scope.parameters())
            .param("until", Date.valueOf(today.plusDays(withinDays)))
            .query(
                (rs, n) -> {
                  LocalDate next = rs.getDate("next_due_on").toLocalDate();
                  return new Due(
                      new PersonId(rs.getObject("id", UUID.class)),
                      new PersonName(
                          rs.getString("given_name"),
                          rs.getString("middle_name"),
                          rs.getString("family_name")),
                      new AssessmentId(rs.getObject("latest", UUID.class)),
                      rs.getDate("assessed_on").toLocalDate(),
                      RiskLevel.valueOf(rs.getString("risk_level")),
                      next,
                      next.isBefore(today));
                })
            .list();
    audit.record(
        AuditEvent.success("supervision.assessment.due")
            .withDetail("withinDays", Integer.toString(withinDays))
            .withDetail("count", Integer.toString(due.size())));
    return due;
  }

  private static void dateViolations(
      LocalDate assessedOn, LocalDate today, List<FieldViolation> violations) {
    if (assessedOn != null && assessedOn.isAfter(today)) {
      violations.add(
          new FieldViolation("assessedOn", "PastOrPresent", "must not be in the future"));
    }
  }

  private static void factorViolations(
      List<NewResponsivity> factors, List<FieldViolation> violations) {
    if (factors == null) {
      return;
    }
    Set<ResponsivityFactor> seen = EnumSet.noneOf(ResponsivityFactor.class);
    for (int i = 0; i < factors.size(); i++) {
      NewResponsivity factor = factors.get(i);
      String path = "responsivity[" + i + "]";
      if (factor == null || factor.factor() == null || factor.level() == null) {
        violations.add(new FieldViolation(path, "NotNull", "needs a factor and a level"));
      } else if (!seen.add(factor.factor())) {
        violations.add(new FieldViolation(path + ".factor", "Duplicate", "is given twice"));
      } else if (factor.notes() != null
          && factor.notes().length() > ResponsivityFactors.MAX_NOTES) {
        violations.add(
            new FieldViolation(
                path + ".notes", "Size", "must have at most " + ResponsivityFactors.MAX_NOTES));
      }
    }
  }

  private static DomainRuleViolation superseded(String field) {
    return new DomainRuleViolation(
        field,
        "supervision.instrument.superseded",
        "This version of the instrument was replaced by a newer one.");
  }

  private static void rejectIfAny(List<FieldViolation> violations) {
    if (!violations.isEmpty()) {
      throw new SupervisionInputRejected(violations);
    }
  }

  /** The audit record type of a person, as the person records use it. */
  private static final class PersonRecordsType {
    static final String PERSON = "person";
  }
}
