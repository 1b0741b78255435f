package org.bridgeway.supervision.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.supervision.AssessmentId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.RiskLevel;

/**
 * A needs assessment of a person at a point in time: the severity per need domain and the overall
 * risk level, either scored here from the answers to an agency instrument ({@link #completed}) or
 * imported from an external instrument ({@link #imported}). A recorded assessment does not change;
 * a reassessment is a new one, compared with the previous by {@link #changesSince}.
 */
public class Assessment {

  /** Where the results come from. */
  public enum Source {
    INSTRUMENT,
    EXTERNAL
  }

  private final AssessmentId id;
  private final OrganizationId organizationId;
  private final PersonId personId;
  private final Source source;
  private final InstrumentId instrumentId;
  private final String instrumentName;
  private final Integer instrumentNumber;
  private final LocalDate assessedOn;
  private final Integer totalScore;
  private final RiskLevel riskLevel;
  private final LocalDate nextDueOn;
  private final Map<String, Integer> answers;
  private final Map<NeedDomain, DomainResult> results;
  private final String assessedBy;
  private final Instant recordedAt;

  Assessment(
      AssessmentId id,
      OrganizationId organizationId,
      PersonId personId,
      Source source,
      InstrumentId instrumentId,
      String instrumentName,
      Integer instrumentNumber,
      LocalDate assessedOn,
      Integer totalScore,
      RiskLevel riskLevel,
      LocalDate nextDueOn,
      Map<String, Integer> answers,
      Map<NeedDomain, DomainResult> results,
      String assessedBy,
      Instant recordedAt) {
    this.id = Objects.requireNonNull(id);
    this.organizationId = Objects.requireNonNull(organizationId);
    this.personId = Objects.requireNonNull(personId);
    this.source = Objects.requireNonNull(source);
    this.instrumentId = instrumentId;
    this.instrumentName = Objects.requireNonNull(instrumentName);
    this.instrumentNumber = instrumentNumber;
    this.assessedOn = Objects.requireNonNull(assessedOn);
    this.totalScore = totalScore;
    this.riskLevel = Objects.requireNonNull(riskLevel);
    this.nextDueOn = Objects.requireNonNull(nextDueOn);
    this.answers =
        answers == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    EnumMap<NeedDomain, DomainResult> copy = new EnumMap<>(NeedDomain.class);
    copy.putAll(results);
    this.results = Collections.unmodifiableMap(copy);
    this.assessedBy = assessedBy;
    this.recordedAt = recordedAt;
  }

  /**
   * An assessment answered item by item with the current version of an agency instrument.
   *
   * @param scored the instrument's score of the answers
   * @throws IllegalArgumentException if the day is in the future or the instrument is another
   *     agency's
   * @throws IllegalStateException if the instrument version is no longer current
   */
  public static Assessment completed(
      AssessmentId id,
      PersonId person,
      OrganizationId agency,
      Instrument instrument,
      Map<String, Integer> answers,
      InstrumentDefinition.Scored scored,
      LocalDate assessedOn,
      LocalDate today,
      ReviewIntervals intervals,
      String by,
      Instant at) {
    requireNotFuture(assessedOn, today);
    if (!instrument.organizationId().equals(agency)) {
      throw new IllegalArgumentException("The instrument is another agency's");
    }
    if (!instrument.current()) {
      throw new IllegalStateException("Only the current version of an instrument is used");
    }
    return new Assessment(
        id,
        agency,
        person,
        Source.INSTRUMENT,
        instrument.id(),
        instrument.name(),
        instrument.number(),
        assessedOn,
        scored.total(),
        scored.riskLevel(),
        intervals.nextDue(assessedOn, scored.riskLevel()),
        answers,
        scored.domains(),
        by,
        at);
  }

  /**
   * The results of an external instrument, as it gave them.
   *
   * @throws IllegalArgumentException if the day is in the future, the name blank or no domain given
   */
  public static Assessment imported(
      AssessmentId id,
      PersonId person,
      OrganizationId agency,
      String instrumentName,
      LocalDate assessedOn,
      RiskLevel risk,
      Map<NeedDomain, DomainResult> results,
      LocalDate today,
      ReviewIntervals intervals,
      String by,
      Instant at) {
    requireNotFuture(assessedOn, today);
    if (instrumentName == null || instrumentName.isBlank()) {
      throw new IllegalArgumentException("An external result names its instrument");
    }
    if (results == null || results.isEmpty()) {
      throw new IllegalArgumentException("An external result has at least one domain");
    }
    return new Assessment(
        id,
        agency,
        person,
        Source.EXTERNAL,
        null,
        instrumentName.strip(),
        null,
        assessedOn,
        null,
        Objects.requireNonNull(risk, "risk"),
        intervals.nextDue(assessedOn, risk),
        null,
        results,
        by,
        at);
  }

  private static void requireNotFuture(LocalDate assessedOn, LocalDate today) {
    if (assessedOn.isAfter(today)) {
      throw new IllegalArgumentException("An assessment cannot be dated in the future");
    }
  }

  /**
   * How each need domain changed since an earlier assessment, for the domains either covered, in
   * the order of {@link NeedDomain}.
   */
  public List<DomainChange> changesSince(Assessment previous) {
    Set<NeedDomain> domains = EnumSet.noneOf(NeedDomain.class);
    domains.addAll(results.keySet());
    domains.addAll(previous.results.keySet());
    List<DomainChange> changes = new ArrayList<>();
    for (NeedDomain domain : domains) {
      DomainResult before = previous.results.get(domain);
      DomainResult after = results.get(domain);
      changes.add(
          DomainChange.between(
              domain,
              before == null ? null : before.severity(),
              after == null ? null : after.severity()));
    }
    return changes;
  }

  /** Whether the next assessment was due before the day (the day it is due is not overdue). */
  public boolean overdueOn(LocalDate day) {
    return nextDueOn.isBefore(day);
  }

  public AssessmentId id() {
    return id;
  }

  public OrganizationId organizationId() {
    return organizationId;
  }

  public PersonId personId() {
    return personId;
  }

  public Source source() {
    return source;
  }

  public InstrumentId instrumentId() {
    return instrumentId;
  }

  public String instrumentName() {
    return instrumentName;
  }

  public Integer instrumentNumber() {
    return instrumentNumber;
  }

  public LocalDate assessedOn() {
    return assessedOn;
  }

  public Integer totalScore() {
    return totalScore;
  }

  public RiskLevel riskLevel() {
    return riskLevel;
  }

  public LocalDate nextDueOn() {
    return nextDueOn;
  }

  /** The chosen option per item key; null for an external result. */
  public Map<String, Integer> answers() {
    return answers;
  }

  public Map<NeedDomain, DomainResult> results() {
    return results;
  }

  public String assessedBy() {
    return assessedBy;
  }

  public Instant recordedAt() {
    return recordedAt;
  }
}
