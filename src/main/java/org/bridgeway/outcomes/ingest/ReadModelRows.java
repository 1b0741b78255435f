package org.bridgeway.outcomes.ingest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bridgeway.care.CareHistory.EpisodeCourse;
import org.bridgeway.care.CareHistory.Release;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.directory.ServicePrograms.ServiceProgram;
import org.bridgeway.outcomes.OutcomeEventKind;
import org.bridgeway.referrals.ReferralHistory.ReferralCourse;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisionHistory;
import org.bridgeway.supervision.SupervisionHistory.CaseFacts;
import org.bridgeway.supervision.SupervisionHistory.ViolationFacts;

/**
 * The outcomes read model's rows for what the platform's own records hold: a pure function of the
 * facades' answers, so that a rebuild and the listeners (which refresh the people an event touched
 * with the same function) write the same rows. Row ids are derived from what a row was copied from,
 * so that a row keeps its id across refreshes and rebuilds.
 */
final class ReadModelRows {

  static final String PLATFORM = "PLATFORM";
  static final String DERIVED = "DERIVED";

  record PersonRow(
      UUID id,
      UUID agency,
      String externalRef,
      LocalDate birthDate,
      String gender,
      String race,
      String ethnicity,
      String area) {}

  record SpellRow(
      UUID id,
      UUID person,
      UUID agency,
      String kind,
      String sourceRef,
      LocalDate startDate,
      LocalDate endDate,
      String endReason,
      String supervisionType,
      String supervisionLevel,
      String riskLevel,
      String instrument,
      BigDecimal riskScore,
      UUID officer,
      UUID team,
      UUID office,
      String program) {}

  record EventRow(
      UUID id,
      UUID person,
      UUID agency,
      OutcomeEventKind kind,
      LocalDate occurredOn,
      String detail,
      String sourceRef) {}

  record ParticipationRow(
      UUID id,
      UUID person,
      UUID agency,
      String sourceRef,
      String program,
      String programName,
      String service,
      UUID provider,
      String needDomain,
      LocalDate referredOn,
      LocalDate acceptedOn,
      LocalDate declinedOn,
      LocalDate firstSessionOn,
      int sessionsScheduled,
      int sessionsAttended,
      LocalDate endedOn,
      String completion) {}

  final List<PersonRow> people = new ArrayList<>();
  final List<SpellRow> spells = new ArrayList<>();
  final List<EventRow> events = new ArrayList<>();
  final List<ParticipationRow> participations = new ArrayList<>();

  private ReadModelRows() {}

  /**
   * The rows of the people in the supervision history; referrals, episodes and releases of anyone
   * else are left out.
   */
  static ReadModelRows of(
      SupervisionHistory.History history,
      List<ReferralCourse> referrals,
      List<EpisodeCourse> episodes,
      List<Release> releases,
      Map<ServiceId, ServiceProgram> programs) {
    ReadModelRows rows = new ReadModelRows();
    Map<PersonId, UUID> agencies = new HashMap<>();
    history.people().forEach(p -> agencies.put(p.id(), p.agency().value()));
    Set<PersonId> known = agencies.keySet();
    history
        .people()
        .forEach(
            p ->
                rows.people.add(
                    new PersonRow(
                        p.id().value(),
                        p.agency().value(),
                        p.agencyNumber(),
                        p.birthDate(),
                        p.gender(),
                        p.race(),
                        p.ethnicity(),
                        p.zip())));
    Map<PersonId, List<CaseFacts>> casesByPerson = new HashMap<>();
    for (CaseFacts c : history.cases()) {
      casesByPerson.computeIfAbsent(c.person(), k -> new ArrayList<>()).add(c);
      rows.spells.add(supervisionSpell(c));
      if (c.closedOn() != null) {
        rows.closureEvents(c);
      }
    }
    for (ViolationFacts v : history.violations()) {
      if (!known.contains(v.person())) {
        continue;
      }
      rows.events.add(
          new EventRow(
              id("event", v.id().value().toString()),
              v.person().value(),
              agencies.get(v.person()),
              violationKind(v.kind()),
              v.occurredOn(),
              "violation " + v.kind(),
              v.id().value().toString()));
    }
    Map<UUID, EpisodeCourse> episodeOfReferral = new HashMap<>();
    for (EpisodeCourse e : episodes) {
      if (e.referral() != null) {
        episodeOfReferral.put(e.referral().value(), e);
      }
    }
    Set<UUID> referred = new HashSet<>();
    for (ReferralCourse r : referrals) {
      if (!known.contains(r.person()) || r.service() == null) {
        // Off the platform there is no directory program to measure, only a provider's name.
        continue;
      }
      rows.participations.add(participation(r, episodeOfReferral.get(r.id().value()), programs));
      referred.add(r.id().value());
    }
    for (EpisodeCourse e : episodes) {
      if (known.contains(e.person())
          && e.directoryService() != null
          && (e.referral() == null || !referred.contains(e.referral().value()))) {
        // Care that began without a referral sent on the platform (opened by the provider, or
        // referred by phone or before the agency joined) is participation all the same.
        rows.participations.add(participationWithoutReferral(e, programs));
      }
    }
    for (EpisodeCourse e : episodes) {
      if (!known.contains(e.person()) || e.dischargedOn() == null) {
        continue;
      }
      String program = programOf(e.directoryService(), programs);
      CaseFacts during = caseOn(casesByPerson.get(e.person()), e.dischargedOn());
      rows.spells.add(
          contextSpell(
              "PROGRAM_EXIT",
              e.id().value().toString(),
              e.person().value(),
              e.agency().value(),
              e.dischargedOn(),
              during,
              program));
      if ("COMPLETED".equals(completion(e))) {
        rows.events.add(
            new EventRow(
                id("event", e.discharge().toString()),
                e.person().value(),
                e.agency().value(),
                OutcomeEventKind.PROGRAM_COMPLETION,
                e.dischargedOn(),
                "discharge COMPLETED",
                e.discharge().toString()));
      }
    }
    for (Release release : releases) {
      if (!known.contains(release.person()) || release.releasedOn() == null) {
        continue;
      }
      rows.spells.add(
          contextSpell(
              "RELEASE",
              release.transition().toString(),
              release.person().value(),
              release.agency().value(),
              release.releasedOn(),
              caseOn(casesByPerson.get(release.person()), release.releasedOn()),
              null));
    }
    return rows;
  }

  /** The people the rows are about. */
  Set<UUID> personIds() {
    return people.stream().map(PersonRow::id).collect(Collectors.toUnmodifiableSet());
  }

  private void closureEvents(CaseFacts c) {
    String reason = c.closureReason();
    addCaseEvent(c, OutcomeEventKind.SUPERVISION_CLOSURE, reason);
    if ("REVOCATION".equals(reason)) {
      addCaseEvent(c, OutcomeEventKind.REVOCATION, reason);
    } else if ("ABSCONDING".equals(reason)) {
      addCaseEvent(c, OutcomeEventKind.ABSCONDING, reason);
    }
  }

  private void addCaseEvent(CaseFacts c, OutcomeEventKind kind, String reason) {
    // One case closure gives up to two events, so the case id alone cannot be their reference.
    String ref = c.id().value() + ":" + kind.name();
    events.add(
        new EventRow(
            id("event", ref),
            c.person().value(),
            c.agency().value(),
            kind,
            c.closedOn(),
            "case closed " + reason,
            ref));
  }

  private static SpellRow supervisionSpell(CaseFacts c) {
    return new SpellRow(
        id("spell:SUPERVISION_START", c.id().value().toString()),
        c.person().value(),
        c.agency().value(),
        "SUPERVISION_START",
        c.id().value().toString(),
        c.startDate(),
        c.closedOn(),
        endReason(c.closureReason()),
        c.supervisionType(),
        c.level(),
        c.risk() == null ? null : c.risk().level().name(),
        c.risk() == null ? null : instrumentCode(c.risk().instrument()),
        c.risk() == null ? null : c.risk().score(),
        c.officer(),
        c.team(),
        c.office(),
        null);
  }

  /**
   * A release or program exit spell, with what the person's case at that day knew (type, level,
   * risk, officer): the follow-up from it is measured against the same context.
   */
  private static SpellRow contextSpell(
      String kind,
      String sourceRef,
      UUID person,
      UUID agency,
      LocalDate start,
      CaseFacts during,
      String program) {
    return new SpellRow(
        id("spell:" + kind, sourceRef),
        person,
        agency,
        kind,
        sourceRef,
        start,
        null,
        null,
        during == null ? null : during.supervisionType(),
        during == null ? null : during.level(),
        during == null || during.risk() == null ? null : during.risk().level().name(),
        during == null || during.risk() == null ? null : instrumentCode(during.risk().instrument()),
        during == null || during.risk() == null ? null : during.risk().score(),
        during == null ? null : during.officer(),
        during == null ? null : during.team(),
        during == null ? null : during.office(),
        program);
  }

  private static ParticipationRow participation(
      ReferralCourse r, EpisodeCourse episode, Map<ServiceId, ServiceProgram> programs) {
    ServiceProgram program = programs.get(new ServiceId(r.service()));
    String programId =
        program != null && program.program() != null
            ? program.program().toString()
            : r.service().toString();
    String programName =
        program != null && program.name() != null
            ? program.name()
            : (r.serviceName() == null ? r.service().toString() : r.serviceName());
    int scheduled = episode == null ? 0 : episode.sessionsScheduled();
    int attended = episode == null ? 0 : Math.min(episode.sessionsAttended(), scheduled);
    LocalDate endedOn = episode == null ? null : episode.dischargedOn();
    return new ParticipationRow(
        id("participation", r.id().value().toString()),
        r.person().value(),
        r.agency().value(),
        r.id().value().toString(),
        programId,
        truncate(programName, 300),
        r.service().toString(),
        r.provider() == null ? null : r.provider().value(),
        r.needDomain(),
        r.sentOn(),
        r.acceptedOn(),
        r.declinedOn(),
        episode == null ? null : episode.firstAttendedOn(),
        scheduled,
        attended,
        endedOn,
        episode == null || endedOn == null ? null : completion(episode));
  }

  /**
   * An episode's participation when no platform referral led to it: its start stands for the
   * referral and the acceptance, and it has no need domain of its own.
   */
  private static ParticipationRow participationWithoutReferral(
      EpisodeCourse e, Map<ServiceId, ServiceProgram> programs) {
    ServiceProgram program = programs.get(new ServiceId(e.directoryService()));
    String programName =
        program != null && program.name() != null
            ? program.name()
            : e.directoryService().toString();
    String sourceRef = "episode:" + e.id().value();
    int scheduled = e.sessionsScheduled();
    return new ParticipationRow(
        id("participation", sourceRef),
        e.person().value(),
        e.agency().value(),
        sourceRef,
        programOf(e.directoryService(), programs),
        truncate(programName, 300),
        e.directoryService().toString(),
        e.provider() == null ? null : e.provider().value(),
        null,
        e.startedOn(),
        e.startedOn(),
        null,
        e.firstAttendedOn(),
        scheduled,
        Math.min(e.sessionsAttended(), scheduled),
        e.dischargedOn(),
        completion(e));
  }

  /**
   * A discharge completed as planned is a completion; one that found some plan goal achieved or
   * partly achieved is partial; any other is not completed.
   */
  static String completion(EpisodeCourse e) {
    if (e.dischargedOn() == null) {
      return null;
    }
    if ("COMPLETED".equals(e.dischargeReason())) {
      return "COMPLETED";
    }
    return e.goalsMet() > 0 ? "PARTIAL" : "NOT_COMPLETED";
  }

  /** Supervision's closure reasons in the read model's words. */
  static String endReason(String closureReason) {
    if (closureReason == null) {
      return null;
    }
    return switch (closureReason) {
      case "SUCCESSFUL_COMPLETION" -> "COMPLETED";
      case "EARLY_DISCHARGE" -> "EARLY_DISCHARGE";
      case "REVOCATION" -> "REVOKED";
      case "ABSCONDING" -> "ABSCONDED";
      case "DEATH" -> "DECEASED";
      case "TRANSFER_OUT" -> "TRANSFERRED";
      default -> "OTHER";
    };
  }

  /**
   * A new offense is a law violation: counted as an arrest (recidivism); absconding as absconding;
   * any other violation as technical.
   */
  static OutcomeEventKind violationKind(String kind) {
    return switch (kind) {
      case "NEW_OFFENSE" -> OutcomeEventKind.ARREST;
      case "ABSCONDING" -> OutcomeEventKind.ABSCONDING;
      default -> OutcomeEventKind.TECHNICAL_VIOLATION;
    };
  }

  private static String programOf(UUID service, Map<ServiceId, ServiceProgram> programs) {
    if (service == null) {
      return null;
    }
    ServiceProgram program = programs.get(new ServiceId(service));
    return program != null && program.program() != null
        ? program.program().toString()
        : service.toString();
  }

  /** The case that was open on the day (the latest started, if several). */
  private static CaseFacts caseOn(List<CaseFacts> cases, LocalDate day) {
    if (cases == null) {
      return null;
    }
    return cases.stream()
        .filter(c -> !c.startDate().isAfter(day))
        .filter(c -> c.closedOn() == null || !c.closedOn().isBefore(day))
        .max(Comparator.comparing(CaseFacts::startDate).thenComparing(c -> c.id().value()))
        .orElse(null);
  }

  static String instrumentCode(String name) {
    return name == null ? null : truncate(name.strip(), 200);
  }

  private static String truncate(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }

  /** A row id derived from what the row was copied from. */
  static UUID id(String kind, String sourceRef) {
    return UUID.nameUUIDFromBytes(
        ("bridgeway-outcomes:" + kind + ":" + sourceRef).getBytes(StandardCharsets.UTF_8));
  }
}
