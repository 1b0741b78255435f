package org.bridgeway.supervision.assessment.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.supervision.NeedSeverity;
import org.bridgeway.supervision.PersonNeeds;
import org.bridgeway.supervision.Responsivity;
import org.bridgeway.supervision.RiskLevel;
import org.bridgeway.supervision.assessment.Assessment;
import org.bridgeway.supervision.assessment.AssessmentRecords;
import org.bridgeway.supervision.assessment.DomainChange;
import org.bridgeway.supervision.assessment.Instrument;
import org.bridgeway.supervision.assessment.InstrumentDefinition;

/** Instruments and assessments as the API answers them. */
final class AssessmentViews {

  private AssessmentViews() {}

  record InstrumentView(
      UUID id,
      long version,
      UUID seriesId,
      int number,
      String name,
      boolean current,
      InstrumentDefinition definition,
      Instant updatedAt) {

    static InstrumentView of(Instrument i) {
      return new InstrumentView(
          i.id().value(),
          i.version(),
          i.seriesId(),
          i.number(),
          i.name(),
          i.current(),
          i.definition(),
          i.updatedAt());
    }
  }

  record DomainView(NeedDomain domain, NeedSeverity severity, Integer score) {}

  record AssessmentView(
      UUID id,
      Assessment.Source source,
      UUID instrumentId,
      String instrumentName,
      Integer instrumentNumber,
      LocalDate assessedOn,
      Integer totalScore,
      RiskLevel riskLevel,
      LocalDate nextDueOn,
      List<DomainView> domains,
      Map<String, Integer> answers) {

    static AssessmentView of(Assessment a) {
      return new AssessmentView(
          a.id().value(),
          a.source(),
          a.instrumentId() == null ? null : a.instrumentId().value(),
          a.instrumentName(),
          a.instrumentNumber(),
          a.assessedOn(),
          a.totalScore(),
          a.riskLevel(),
          a.nextDueOn(),
          a.results().entrySet().stream()
              .map(e -> new DomainView(e.getKey(), e.getValue().severity(), e.getValue().score()))
              .toList(),
          a.answers());
    }
  }

  record HistoryView(
      UUID personId,
      LocalDate nextDueOn,
      boolean overdue,
      List<DomainChange> changes,
      List<Responsivity> responsivity,
      List<AssessmentView> assessments) {

    static HistoryView of(UUID person, AssessmentRecords.History h) {
      return new HistoryView(
          person,
          h.nextDueOn(),
          h.overdue(),
          h.changes(),
          h.responsivity(),
          h.assessments().stream().map(AssessmentView::of).toList());
    }
  }

  record DueView(
      UUID personId,
      String name,
      UUID latestAssessmentId,
      LocalDate assessedOn,
      RiskLevel riskLevel,
      LocalDate nextDueOn,
      boolean overdue) {

    static DueView of(AssessmentRecords.Due d) {
      return new DueView(
          d.person().value(),
          d.name().full(),
          d.latest().value(),
          d.assessedOn(),
          d.riskLevel(),
          d.nextDueOn(),
          d.overdue());
    }
  }

  record NeedView(NeedDomain domain, NeedSeverity severity) {}

  /** The latest needs, highest first; the ids are null if the person was never assessed. */
  record NeedsView(
      UUID personId,
      UUID assessmentId,
      LocalDate assessedOn,
      RiskLevel riskLevel,
      List<NeedView> needs,
      List<Responsivity> responsivity) {

    static NeedsView of(PersonNeeds n) {
      return new NeedsView(
          n.person().value(),
          n.assessment() == null ? null : n.assessment().value(),
          n.assessedOn(),
          n.riskLevel(),
          n.needs().entrySet().stream().map(e -> new NeedView(e.getKey(), e.getValue())).toList(),
          n.responsivity());
    }
  }
}
