package org.bridgeway.care.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.care.report.Continuity.Engagement;
import org.bridgeway.care.report.Continuity.Gaps;
import org.bridgeway.care.report.Continuity.Session;
import org.bridgeway.care.report.Continuity.Span;
import org.bridgeway.consent.ConsentDecision;
import org.bridgeway.consent.ConsentDecisions;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.DisclosureRequest;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.Part2Programs;
import org.bridgeway.consent.WithholdingReason;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.NetworkOrganizations;
import org.bridgeway.identity.NetworkOrganizations.NetworkOrganization;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.SentReferrals;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.bridgeway.supervision.SupervisedPeople.PersonHeading;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Continuity of care measured, for a person and for a program (a treatment provider), for the
 * supervising agency's staff. A person's measures use only what the consent engine permits the
 * caller to see of each provider (attendance for engagement and first sessions, discharge for the
 * end of episodes), disclosed like the treatment page. A program's measures are aggregates over the
 * caller agency's people at the provider, with no person in them, and are shown only when at least
 * {@link #MIN_PEOPLE} people contribute (ADR 0021).
 */
@Service
public class ContinuityMeasures {

  /** The fewest people a program's measures are shown for. */
  public static final int MIN_PEOPLE = 5;

  static final DisclosurePurpose PURPOSE = DisclosurePurpose.SUPERVISION_MONITORING;

  /** A release and the days to the first attended session after it (null: none yet). */
  public record ReleaseMeasure(LocalDate releasedOn, Long days) {}

  /** A referral that opened an episode, and the days from sending to the first attended session. */
  public record ReferralMeasure(String providerName, LocalDate sentOn, Long days) {}

  /** A provider's information withheld from the measures, and why. */
  public record Withheld(
      String providerName,
      InformationCategory category,
      WithholdingReason reason,
      LocalDate since) {}

  /**
   * A person's measures.
   *
   * @param gaps null when the end of an episode is withheld
   */
  public record PersonMeasures(
      PersonHeading person,
      Gaps gaps,
      List<ReleaseMeasure> releases,
      List<ReferralMeasure> referrals,
      Engagement engagement,
      List<Withheld> withheld,
      boolean noticeRequired) {}

  /**
   * A program's measures over the caller agency's people there.
   *
   * @param suppressed whether fewer than {@link #MIN_PEOPLE} people contribute (every figure null)
   * @param gapsBefore how many episodes at the program followed an earlier episode
   * @param meanGapBeforeDays the mean days without care before those episodes
   */
  public record ProgramMeasures(
      NetworkOrganization provider,
      int people,
      boolean suppressed,
      Integer gapsBefore,
      Double meanGapBeforeDays,
      Integer releases,
      Double medianReleaseDays,
      Integer referrals,
      Double medianReferralDays,
      Engagement engagement) {}

  private record EpisodeRow(
      UUID id,
      PersonId person,
      OrganizationId provider,
      LocalDate startedOn,
      LocalDate endedOn,
      UUID referral) {}

  private record SessionRow(
      UUID episode, OrganizationId provider, PersonId person, Session session) {}

  private final JdbcClient jdbc;
  private final SupervisedPeople people;
  private final NetworkOrganizations organizations;
  private final Part2Programs part2;
  private final ConsentDecisions consent;
  private final SentReferrals referrals;
  private final AuditTrail audit;
  private final Clock clock;

  ContinuityMeasures(
      JdbcClient jdbc,
      SupervisedPeople people,
      NetworkOrganizations organizations,
      Part2Programs part2,
      ConsentDecisions consent,
      SentReferrals referrals,
      AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.people = people;
    this.organizations = organizations;
    this.part2 = part2;
    this.consent = consent;
    this.referrals = referrals;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * A person's measures for a caller who sees the person; audited as {@code care.measures.person}.
   *
   * @throws NotFoundException if there is no such person or the caller does not see them
   */
  @Transactional
  public PersonMeasures ofPerson(BridgewayPrincipal principal, PersonId id) {
    PersonHeading person = people.visibleTo(principal, id);
    Instant now = clock.instant();
    LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
    List<EpisodeRow> episodes = episodes("e.person_id = :key", id.value());
    List<SessionRow> sessions = sessions("a.person_id = :key", id.value());

    // Ask the engine once per provider and category the measures read.
    Set<OrganizationId> providers = new HashSet<>();
    episodes.forEach(e -> providers.add(e.provider()));
    List<DisclosureRequest> asked = new ArrayList<>();
    for (OrganizationId provider : providers) {
      for (InformationCategory category :
          List.of(InformationCategory.ATTENDANCE, InformationCategory.DISCHARGE_SUMMARY)) {
        asked.add(
            new DisclosureRequest(id, provider, category, PURPOSE, part2.sensitivityOf(provider)));
      }
    }
    List<ConsentDecision> decided =
        asked.isEmpty() ? List.of() : consent.decideAll(principal, asked);
    Set<OrganizationId> attendanceShown = new HashSet<>();
    Set<OrganizationId> endShown = new HashSet<>();
    Map<OrganizationId, String> names = new HashMap<>();
    List<Withheld> withheld = new ArrayList<>();
    boolean notice = false;
    for (int i = 0; i < asked.size(); i++) {
      DisclosureRequest request = asked.get(i);
      ConsentDecision decision = decided.get(i);
      boolean used =
          request.category() == InformationCategory.ATTENDANCE
              ? sessions.stream().anyMatch(s -> s.provider().equals(request.discloser()))
              : episodes.stream()
                  .anyMatch(e -> e.provider().equals(request.discloser()) && e.endedOn() != null);
      if (!used) {
        continue;
      }
      if (decision.permitted()) {
        decision = consent.disclose(principal, request, "continuity measures");
      }
      String name = names.computeIfAbsent(request.discloser(), this::nameOf);
      if (!decision.permitted()) {
        withheld.add(new Withheld(name, request.category(), decision.reason(), decision.since()));
        continue;
      }
      notice |= request.sensitivity().needsConsent();
      (request.category() == InformationCategory.ATTENDANCE ? attendanceShown : endShown)
          .add(request.discloser());
    }

    boolean endsKnown =
        episodes.stream().allMatch(e -> e.endedOn() == null || endShown.contains(e.provider()));
    Gaps gaps =
        endsKnown
            ? Continuity.gaps(
                episodes.stream().map(e -> new Span(e.startedOn(), e.endedOn())).toList(), today)
            : null;
    List<Session> shown =
        sessions.stream()
            .filter(s -> attendanceShown.contains(s.provider()))
            .map(SessionRow::session)
            .toList();
    List<ReleaseMeasure> releases =
        releasesOf(List.of(id)).getOrDefault(id, List.of()).stream()
            .map(day -> new ReleaseMeasure(day, Continuity.daysToFirstAttended(day, shown)))
            .toList();
    List<ReferralMeasure> referralMeasures = new ArrayList<>();
    Map<ReferralId, org.bridgeway.referrals.SentReferrals.SentReferral> sent =
        sentReferrals(episodes);
    for (EpisodeRow episode : episodes) {
      if (episode.referral() == null || !sent.containsKey(new ReferralId(episode.referral()))) {
        continue;
      }
      LocalDate sentOn =
          sent.get(new ReferralId(episode.referral()))
              .sentAt()
              .atOffset(ZoneOffset.UTC)
              .toLocalDate();
      Long days =
          attendanceShown.contains(episode.provider())
              ? Continuity.daysToFirstAttended(sentOn, sessionsOf(sessions, episode.id()))
              : null;
      referralMeasures.add(
          new ReferralMeasure(
              names.computeIfAbsent(episode.provider(), this::nameOf), sentOn, days));
    }
    Engagement engagement = Continuity.engagement(shown, now);
    audit.record(
        AuditEvent.success("care.measures.person")
            .withRecord("supervision-person", id.value())
            .withPerson(id.value())
            .withPurpose(PURPOSE.name())
            .withDetail("episodes", Integer.toString(episodes.size()))
            .withDetail("groupsWithheld", Integer.toString(withheld.size())));
    return new PersonMeasures(
        person,
        gaps,
        releases,
        List.copyOf(referralMeasures),
        engagement,
        List.copyOf(withheld),
        notice);
  }

  /** The network's active treatment providers, by name, to choose a program from. */
  @Transactional(readOnly = true)
  public List<NetworkOrganization> programs() {
    return organizations.activeOfKind(OrganizationKind.TREATMENT_PROVIDER);
  }

  /**
   * A program's measures over the caller agency's people at the provider; audited as {@code
   * care.measures.program}.
   *
   * @throws NotFoundException if there is no such provider
   */
  @Transactional
  public ProgramMeasures ofProgram(BridgewayPrincipal principal, OrganizationId providerId) {
    NetworkOrganization provider =
        organizations
            .find(providerId)
            .filter(o -> o.kind() == OrganizationKind.TREATMENT_PROVIDER)
            .orElseThrow(() -> new NotFoundException("program"));
    Instant now = clock.instant();
    OrganizationId agency = principal.organization();
    List<EpisodeRow> atProgram =
        episodes("e.provider_id = :key AND e.agency_id = :agency", providerId.value(), agency);
    Set<PersonId> persons = new HashSet<>();
    atProgram.forEach(e -> persons.add(e.person()));
    ProgramMeasures measures;
    if (persons.size() < MIN_PEOPLE) {
      measures =
          new ProgramMeasures(
              provider, persons.size(), true, null, null, null, null, null, null, null);
    } else {
      UUID[] ids = persons.stream().map(PersonId::value).toArray(UUID[]::new);
      List<EpisodeRow> all =
          episodes("e.person_id = ANY(:key) AND e.agency_id = :agency", ids, agency);
      List<SessionRow> sessions = sessions("a.person_id = ANY(:key)", ids);

      // Days without care before each episode at the program that followed an earlier one.
      List<Long> gapsBefore = new ArrayList<>();
      for (EpisodeRow episode : atProgram) {
        LocalDate coveredTo = null;
        boolean earlier = false;
        for (EpisodeRow other : all) {
          if (other.person().equals(episode.person())
              && !other.id().equals(episode.id())
              && other.startedOn().isBefore(episode.startedOn())) {
            earlier = true;
            LocalDate end = other.endedOn() == null ? episode.startedOn() : other.endedOn();
            coveredTo = coveredTo == null || end.isAfter(coveredTo) ? end : coveredTo;
          }
        }
        if (earlier) {
          gapsBefore.add(Math.max(0, ChronoUnit.DAYS.between(coveredTo, episode.startedOn()) - 1));
        }
      }

      // Releases whose first attended session afterwards was at the program.
      List<Long> releaseDays = new ArrayList<>();
      for (Map.Entry<PersonId, List<LocalDate>> entry : releasesOf(persons).entrySet()) {
        List<SessionRow> own =
            sessions.stream().filter(s -> s.person().equals(entry.getKey())).toList();
        for (LocalDate released : entry.getValue()) {
          Optional<SessionRow> first =
              own.stream()
                  .filter(s -> s.session().attended() && !s.session().day().isBefore(released))
                  .min((a, b) -> a.session().startsAt().compareTo(b.session().startsAt()));
          if (first.isPresent() && first.get().provider().equals(providerId)) {
            releaseDays.add(ChronoUnit.DAYS.between(released, first.get().session().day()));
          }
        }
      }

      List<Long> referralDays = new ArrayList<>();
      Map<ReferralId, org.bridgeway.referrals.SentReferrals.SentReferral> sent =
          sentReferrals(atProgram);
      for (EpisodeRow episode : atProgram) {
        if (episode.referral() == null || !sent.containsKey(new ReferralId(episode.referral()))) {
          continue;
        }
        LocalDate sentOn =
            sent.get(new ReferralId(episode.referral()))
                .sentAt()
                .atOffset(ZoneOffset.UTC)
                .toLocalDate();
        Long days = Continuity.daysToFirstAttended(sentOn, sessionsOf(sessions, episode.id()));
        if (days != null) {
          referralDays.add(days);
        }
      }
      Engagement engagement =
          Continuity.engagement(
              sessions.stream()
                  .filter(s -> s.provider().equals(providerId))
                  .map(SessionRow::session)
                  .toList(),
              now);
      measures =
          new ProgramMeasures(
              provider,
              persons.size(),
              false,
              gapsBefore.size(),
              gapsBefore.isEmpty()
                  ? null
                  : gapsBefore.stream().mapToLong(Long::longValue).average().orElse(0),
              releaseDays.size(),
              Continuity.median(releaseDays),
              referralDays.size(),
              Continuity.median(referralDays),
              engagement);
    }
    audit.record(
        AuditEvent.success("care.measures.program")
            .withDetail("provider", providerId.toString())
            .withDetail("people", Integer.toString(persons.size()))
            .withDetail("suppressed", Boolean.toString(measures.suppressed())));
    return measures;
  }

  private List<EpisodeRow> episodes(String where, Object key) {
    return episodes(where, key, null);
  }

  private List<EpisodeRow> episodes(String where, Object key, OrganizationId agency) {
    var spec =
        jdbc.sql(
                "SELECT e.id, e.person_id, e.provider_id, e.started_on, e.ended_on, e.referral_id"
                    + " FROM care_episode e WHERE "
                    + where
                    + " ORDER BY e.started_on")
            .param("key", key);
    if (agency != null) {
      spec = spec.param("agency", agency.value());
    }
    return spec.query(
            (rs, n) ->
                new EpisodeRow(
                    rs.getObject("id", UUID.class),
                    new PersonId(rs.getObject("person_id", UUID.class)),
                    new OrganizationId(rs.getObject("provider_id", UUID.class)),
                    rs.getObject("started_on", LocalDate.class),
                    rs.getObject("ended_on", LocalDate.class),
                    rs.getObject("referral_id", UUID.class)))
        .list();
  }

  private List<SessionRow> sessions(String where, Object key) {
    return jdbc.sql(
            "SELECT a.episode_id, a.provider_id, a.person_id, a.starts_at, a.status, t.outcome"
                + " FROM care_appointment a LEFT JOIN care_attendance t ON t.appointment_id = a.id"
                + " WHERE "
                + where
                + " ORDER BY a.starts_at")
        .param("key", key)
        .query(
            (rs, n) -> {
              String outcome = rs.getString("outcome");
              return new SessionRow(
                  rs.getObject("episode_id", UUID.class),
                  new OrganizationId(rs.getObject("provider_id", UUID.class)),
                  new PersonId(rs.getObject("person_id", UUID.class)),
                  new Session(
                      rs.getTimestamp("starts_at").toInstant(),
                      "CANCELLED".equals(rs.getString("status")),
                      "ATTENDED".equals(outcome) || "LATE".equals(outcome)));
            })
        .list();
  }

  private static List<Session> sessionsOf(List<SessionRow> sessions, UUID episode) {
    return sessions.stream()
        .filter(s -> s.episode().equals(episode))
        .map(SessionRow::session)
        .toList();
  }

  /** The release days of these people, from their release transitions, earliest first. */
  private Map<PersonId, List<LocalDate>> releasesOf(Collection<PersonId> persons) {
    Map<PersonId, List<LocalDate>> found = new LinkedHashMap<>();
    if (persons.isEmpty()) {
      return found;
    }
    jdbc.sql(
            """
            SELECT person_id, released_on FROM care_transition
            WHERE kind = 'RELEASE' AND person_id = ANY(:people) AND released_on <= :today
            ORDER BY released_on
            """)
        .param("people", persons.stream().map(PersonId::value).toArray(UUID[]::new))
        .param("today", clock.instant().atOffset(ZoneOffset.UTC).toLocalDate())
        .query(
            (rs, n) -> {
              found
                  .computeIfAbsent(
                      new PersonId(rs.getObject("person_id", UUID.class)), p -> new ArrayList<>())
                  .add(rs.getObject("released_on", LocalDate.class));
              return 0;
            })
        .list();
    return found;
  }

  private Map<ReferralId, org.bridgeway.referrals.SentReferrals.SentReferral> sentReferrals(
      List<EpisodeRow> episodes) {
    List<ReferralId> ids =
        episodes.stream()
            .filter(e -> e.referral() != null)
            .map(e -> new ReferralId(e.referral()))
            .toList();
    return ids.isEmpty() ? Map.of() : referrals.sentReferrals(ids);
  }

  private String nameOf(OrganizationId provider) {
    return organizations.find(provider).map(NetworkOrganization::name).orElse("");
  }

  static Timestamp at(Instant instant) {
    return Timestamp.from(instant);
  }
}
