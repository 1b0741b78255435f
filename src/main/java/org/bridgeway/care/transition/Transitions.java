package org.bridgeway.care.transition;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.care.episode.CareInputRejected;
import org.bridgeway.care.episode.EndReason;
import org.bridgeway.care.episode.TreatmentEpisode;
import org.bridgeway.care.episode.TreatmentEpisodes;
import org.bridgeway.consent.ConsentDecision;
import org.bridgeway.consent.ConsentDecisions;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.DisclosureRequest;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.Part2Programs;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.NetworkOrganizations;
import org.bridgeway.identity.NetworkOrganizations.NetworkOrganization;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.security.Actor;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.bridgeway.supervision.SupervisedPeople.PersonHeading;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transitions of care. The supervising agency's staff who see a person record a release from
 * custody (with the referral made before release and the intake window) or a hand-off between
 * providers (the sending and the receiving episode and the last day of their overlap), and see
 * whether intake after release was booked in time. The providers on either side of a hand-off see
 * it; the sending provider writes the transfer summary, which the receiving provider sees only as
 * the consent engine permits (purpose {@link #PURPOSE}, category {@link #CATEGORY}), recorded as a
 * disclosure. When the overlap is over the sending episode ends as {@code TRANSFERRED}.
 */
@Service
public class Transitions {

  /** Why the receiving provider reads the transfer summary. */
  public static final DisclosurePurpose PURPOSE = DisclosurePurpose.CARE_COORDINATION;

  /** The consent category of a transfer summary: a discharge summary of the sending provider. */
  public static final InformationCategory CATEGORY = InformationCategory.DISCHARGE_SUMMARY;

  static final String TRANSITION = "care-transition";

  /** Who ends a sending episode when the daily job does it. */
  private static final String SYSTEM = "system";

  /** What the agency records for a release. */
  public record NewRelease(
      LocalDate releasedOn, Integer intakeWithinDays, UUID referral, UUID intakeEpisode) {}

  /** What the agency records for a hand-off between providers. */
  public record NewHandOff(
      TransitionKind kind,
      UUID fromEpisode,
      UUID toEpisode,
      LocalDate overlapEndsOn,
      UUID referral) {}

  /** One side of a transition: an episode as the agency or a provider may see it. */
  public record Side(
      TreatmentEpisodeId episode,
      OrganizationId provider,
      String providerName,
      LocalDate startedOn,
      LocalDate endedOn) {}

  /** Whether intake after a release is booked in time. */
  public enum IntakeStatus {
    /** Booked on or after release, within the window. */
    ON_TIME,
    /** Booked, but after the window: a gap in care. */
    LATE,
    /** Not booked (or no receiving episode yet): a gap in care. */
    NOT_BOOKED;

    public boolean gap() {
      return this != ON_TIME;
    }
  }

  /**
   * A transition as the agency sees it.
   *
   * @param intakeOn a release's first booked appointment at the receiving episode, if any
   * @param intake a release's intake status; null for a hand-off
   * @param overlapDays a hand-off's days with both providers on the case (0 when none)
   */
  public record TransitionShown(
      CareTransition transition,
      Side from,
      Side to,
      LocalDate intakeOn,
      IntakeStatus intake,
      long overlapDays,
      boolean summaryWritten) {}

  /**
   * A hand-off as a provider sees it: the summary only for its writer, or for the receiver as the
   * consent engine permits.
   *
   * @param sending whether the caller's organization is the sending provider
   * @param summary the summary shown; null when not written or withheld
   * @param withheld the engine's answer when the summary is withheld from the receiver
   * @param noticeRequired whether protected data is shown (the §2.32 notice goes with it)
   */
  public record HandOffAtProvider(
      CareTransition transition,
      String personName,
      LocalDate personDateOfBirth,
      Side from,
      Side to,
      boolean sending,
      TransferSummary summary,
      ConsentDecision withheld,
      boolean noticeRequired) {}

  private final CareTransitions transitions;
  private final TransferSummaries summaries;
  private final TreatmentEpisodes episodes;
  private final SupervisedPeople people;
  private final NetworkOrganizations organizations;
  private final Part2Programs part2;
  private final ConsentDecisions consent;
  private final PersonReferrals referrals;
  private final IntakeBookings bookings;
  private final AuditTrail audit;
  private final Clock clock;

  Transitions(
      CareTransitions transitions,
      TransferSummaries summaries,
      TreatmentEpisodes episodes,
      SupervisedPeople people,
      NetworkOrganizations organizations,
      Part2Programs part2,
      ConsentDecisions consent,
      PersonReferrals referrals,
      IntakeBookings bookings,
      AuditTrail audit,
      Clock clock) {
    this.transitions = transitions;
    this.summaries = summaries;
    this.episodes = episodes;
    this.people = people;
    this.organizations = organizations;
    this.part2 = part2;
    this.consent = consent;
    this.referrals = referrals;
    this.bookings = bookings;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Records a release from custody of a person the caller sees.
   *
   * @throws NotFoundException if there is no such person or the caller does not see them
   * @throws CareInputRejected naming every field at fault (unknown referral, episode of another
   *     person, window out of range)
   */
  @Transactional
  public CareTransition recordRelease(
      BridgewayPrincipal principal, PersonId person, NewRelease release) {
    PersonHeading heading = people.visibleTo(principal, person);
    List<FieldViolation> violations = new ArrayList<>();
    int window =
        release.intakeWithinDays() == null
            ? CareTransition.DEFAULT_INTAKE_WINDOW
            : release.intakeWithinDays();
    if (window < 1 || window > CareTransition.MAX_INTAKE_WINDOW) {
      violations.add(
          new FieldViolation(
              "intakeWithinDays",
              "Range",
              "must be between 1 and " + CareTransition.MAX_INTAKE_WINDOW));
    }
    if (release.releasedOn() == null) {
      violations.add(new FieldViolation("releasedOn", "Required", "is required"));
    }
    checkReferral(person, release.referral(), violations);
    TreatmentEpisodeId intake = null;
    if (release.intakeEpisode() != null) {
      intake = new TreatmentEpisodeId(release.intakeEpisode());
      if (episodeOf(heading.id(), intake).isEmpty()) {
        violations.add(
            new FieldViolation(
                "intakeEpisodeId", "UnknownEpisode", "is not a treatment episode of the person"));
      }
    }
    if (!violations.isEmpty()) {
      throw new CareInputRejected(violations);
    }
    CareTransition transition =
        CareTransition.release(
            heading.id(),
            principal.organization(),
            release.releasedOn(),
            window,
            release.referral(),
            intake,
            principal.reference(),
            clock.instant());
    transitions.save(transition);
    audit.record(
        event("care.transition.record", transition)
            .withDetail("kind", transition.kind().name())
            .withDetail("intakeWithinDays", Integer.toString(window)));
    return transition;
  }

  /**
   * Records a hand-off between two open episodes of a person the caller sees, at different
   * providers. If the overlap is already over, the sending episode ends now as {@code TRANSFERRED}
   * on its last day; otherwise {@link #endOverlaps} ends it when the day comes.
   *
   * @throws NotFoundException if there is no such person or the caller does not see them
   * @throws CareInputRejected naming every field at fault
   */
  @Transactional
  public CareTransition recordHandOff(
      BridgewayPrincipal principal, PersonId person, NewHandOff handOff) {
    PersonHeading heading = people.visibleTo(principal, person);
    List<FieldViolation> violations = new ArrayList<>();
    if (handOff.kind() == null || !handOff.kind().isHandOff()) {
      violations.add(
          new FieldViolation("kind", "NotHandOff", "must be STEP_DOWN, STEP_UP or MOVE"));
    }
    Optional<TreatmentEpisode> from =
        handOff.fromEpisode() == null
            ? Optional.empty()
            : episodeOf(heading.id(), new TreatmentEpisodeId(handOff.fromEpisode()));
    Optional<TreatmentEpisode> to =
        handOff.toEpisode() == null
            ? Optional.empty()
            : episodeOf(heading.id(), new TreatmentEpisodeId(handOff.toEpisode()));
    if (from.isEmpty()) {
      violations.add(
          new FieldViolation(
              "fromEpisodeId", "UnknownEpisode", "is not a treatment episode of the person"));
    } else if (from.get().hasEnded()) {
      violations.add(new FieldViolation("fromEpisodeId", "Ended", "has already ended"));
    }
    if (to.isEmpty()) {
      violations.add(
          new FieldViolation(
              "toEpisodeId", "UnknownEpisode", "is not a treatment episode of the person"));
    } else if (to.get().hasEnded()) {
      violations.add(new FieldViolation("toEpisodeId", "Ended", "has already ended"));
    }
    if (from.isPresent() && to.isPresent()) {
      if (from.get().id().equals(to.get().id())) {
        violations.add(
            new FieldViolation("toEpisodeId", "SameEpisode", "must differ from fromEpisodeId"));
      } else if (from.get().providerId().equals(to.get().providerId())) {
        violations.add(
            new FieldViolation(
                "toEpisodeId", "SameProvider", "must be at another provider than fromEpisodeId"));
      }
    }
    if (handOff.overlapEndsOn() == null) {
      violations.add(new FieldViolation("overlapEndsOn", "Required", "is required"));
    } else if (to.isPresent() && handOff.overlapEndsOn().isBefore(to.get().startedOn())) {
      violations.add(
          new FieldViolation(
              "overlapEndsOn",
              "BeforeReceivingStart",
              "must not be before the receiving episode starts"));
    } else if (from.isPresent() && handOff.overlapEndsOn().isBefore(from.get().startedOn())) {
      violations.add(
          new FieldViolation(
              "overlapEndsOn",
              "BeforeSendingStart",
              "must not be before the sending episode starts"));
    }
    checkReferral(person, handOff.referral(), violations);
    if (!violations.isEmpty()) {
      throw new CareInputRejected(violations);
    }
    CareTransition transition =
        CareTransition.handOff(
            heading.id(),
            principal.organization(),
            handOff.kind(),
            from.get().id(),
            to.get().id(),
            handOff.overlapEndsOn(),
            handOff.referral(),
            principal.reference(),
            clock.instant());
    transitions.save(transition);
    audit.record(
        event("care.transition.record", transition)
            .withDetail("kind", transition.kind().name())
            .withDetail("fromEpisode", from.get().id().toString())
            .withDetail("toEpisode", to.get().id().toString()));
    LocalDate today = LocalDate.now(clock);
    if (transition.overlapOverOn(today)) {
      endSending(transition, from.get(), principal.reference(), today);
    }
    return transition;
  }

  /**
   * Ends the sending episode of every hand-off whose overlap is over, as {@code TRANSFERRED} on the
   * overlap's last day (the daily job; also safe to run at any time).
   *
   * @return how many episodes were ended
   */
  @Transactional
  public int endOverlaps() {
    LocalDate today = LocalDate.now(clock);
    int ended = 0;
    for (CareTransition transition : transitions.handOffsDueBy(today)) {
      TreatmentEpisode sending = episodes.findById(transition.fromEpisodeId()).orElseThrow();
      if (!sending.hasEnded()) {
        endSending(transition, sending, SYSTEM, today);
        ended++;
      }
    }
    return ended;
  }

  private void endSending(
      CareTransition transition, TreatmentEpisode sending, String by, LocalDate today) {
    LocalDate last =
        transition.overlapEndsOn().isBefore(sending.startedOn())
            ? sending.startedOn()
            : transition.overlapEndsOn();
    sending.end(last, EndReason.TRANSFERRED, by, clock.instant(), today);
    episodes.save(sending);
    AuditEvent event =
        AuditEvent.success("care.episode.end")
            .withRecord("care-episode", sending.id().value())
            .withPerson(sending.personId().value())
            .withDetail("reason", EndReason.TRANSFERRED.name())
            .withDetail("transition", transition.id().toString());
    audit.record(SYSTEM.equals(by) ? event.withActor(Actor.system()) : event);
  }

  /**
   * The person's transitions for a caller who sees the person, latest first, with the intake status
   * of releases; audited as one read.
   *
   * @throws NotFoundException if there is no such person or the caller does not see them
   */
  @Transactional
  public List<TransitionShown> transitionsOf(BridgewayPrincipal principal, PersonId person) {
    PersonHeading heading = people.visibleTo(principal, person);
    List<CareTransition> found = transitions.findByPersonIdOrderByRecordedAtDesc(heading.id());
    Map<TreatmentEpisodeId, TreatmentEpisode> byId = new HashMap<>();
    episodes.findByPersonIdOrderByStartedOnDesc(heading.id()).forEach(e -> byId.put(e.id(), e));
    Map<OrganizationId, String> names = new HashMap<>();
    List<TransitionShown> shown = new ArrayList<>();
    int gaps = 0;
    for (CareTransition transition : found) {
      TransitionShown one = shown(transition, byId, names);
      if (one.intake() != null && one.intake().gap()) {
        gaps++;
      }
      shown.add(one);
    }
    audit.record(
        AuditEvent.success("care.transition.list")
            .withRecord("supervision-person", heading.id().value())
            .withPerson(heading.id().value())
            .withDetail("transitions", Integer.toString(found.size()))
            .withDetail("intakeGaps", Integer.toString(gaps)));
    return List.copyOf(shown);
  }

  private TransitionShown shown(
      CareTransition transition,
      Map<TreatmentEpisodeId, TreatmentEpisode> byId,
      Map<OrganizationId, String> names) {
    Side from = side(byId.get(transition.fromEpisodeId()), names);
    Side to = side(byId.get(transition.toEpisodeId()), names);
    if (transition.kind() == TransitionKind.RELEASE) {
      Optional<LocalDate> intake =
          transition.toEpisodeId() == null
              ? Optional.empty()
              : bookings.firstBookedOnOrAfter(transition.toEpisodeId(), transition.releasedOn());
      IntakeStatus status =
          intake.isEmpty()
              ? IntakeStatus.NOT_BOOKED
              : transition.intakeOnTime(intake.get()) ? IntakeStatus.ON_TIME : IntakeStatus.LATE;
      return new TransitionShown(transition, from, to, intake.orElse(null), status, 0, false);
    }
    return new TransitionShown(
        transition,
        from,
        to,
        null,
        null,
        overlapDays(
            transition, byId.get(transition.fromEpisodeId()), byId.get(transition.toEpisodeId())),
        summaries.existsById(transition.id()));
  }

  /**
   * Days both providers are on the case: from the later start to the overlap's last day (or the
   * sending episode's end, if it ended earlier), counted inclusively; 0 when they do not overlap.
   */
  static long overlapDays(CareTransition transition, TreatmentEpisode from, TreatmentEpisode to) {
    if (from == null || to == null) {
      return 0;
    }
    LocalDate first = from.startedOn().isAfter(to.startedOn()) ? from.startedOn() : to.startedOn();
    LocalDate last = transition.overlapEndsOn();
    if (from.hasEnded() && from.endedOn().isBefore(last)) {
      last = from.endedOn();
    }
    if (to.hasEnded() && to.endedOn().isBefore(last)) {
      last = to.endedOn();
    }
    return last.isBefore(first) ? 0 : ChronoUnit.DAYS.between(first, last) + 1;
  }

  /**
   * The person's episodes to choose from in the transition forms, latest start first; not audited
   * on its own (the page that shows them audits its read through {@link #transitionsOf}).
   *
   * @throws NotFoundException if there is no such person or the caller does not see them
   */
  @Transactional(readOnly = true)
  public List<Side> episodeChoices(BridgewayPrincipal principal, PersonId person) {
    PersonHeading heading = people.visibleTo(principal, person);
    Map<OrganizationId, String> names = new HashMap<>();
    return episodes.findByPersonIdOrderByStartedOnDesc(heading.id()).stream()
        .map(e -> side(e, names))
        .toList();
  }

  /** The hand-offs the caller's organization sends or receives, latest first; audited. */
  @Transactional
  public List<TransitionShown> handOffsAtProvider(BridgewayPrincipal principal) {
    List<TransitionShown> shown = new ArrayList<>();
    Map<OrganizationId, String> names = new HashMap<>();
    for (TreatmentEpisode episode :
        episodes.findByProviderIdOrderByStartedOnDesc(principal.organization())) {
      for (CareTransition transition :
          transitions.findByFromEpisodeIdOrToEpisodeId(episode.id(), episode.id())) {
        if (transition.kind().isHandOff()
            && shown.stream().noneMatch(s -> s.transition().id().equals(transition.id()))) {
          Map<TreatmentEpisodeId, TreatmentEpisode> byId = new HashMap<>();
          episodes
              .findAllById(List.of(transition.fromEpisodeId(), transition.toEpisodeId()))
              .forEach(e -> byId.put(e.id(), e));
          shown.add(shown(transition, byId, names));
        }
      }
    }
    shown.sort((a, b) -> b.transition().recordedAt().compareTo(a.transition().recordedAt()));
    audit.record(
        AuditEvent.success("care.transition.list")
            .withDetail("provider", principal.organization().toString())
            .withDetail("transitions", Integer.toString(shown.size())));
    return List.copyOf(shown);
  }

  /**
   * A hand-off for a provider on either side of it. The sending provider sees its own summary; the
   * receiving provider sees it only as the consent engine permits, which records the disclosure.
   *
   * @throws NotFoundException if there is no such hand-off or the caller's organization is on
   *     neither side
   */
  @Transactional
  public HandOffAtProvider handOffAtProvider(BridgewayPrincipal principal, TransitionId id) {
    CareTransition transition = handOffFor(principal, id);
    TreatmentEpisode from = episodes.findById(transition.fromEpisodeId()).orElseThrow();
    TreatmentEpisode to = episodes.findById(transition.toEpisodeId()).orElseThrow();
    boolean sending = principal.belongsTo(from.providerId());
    Map<OrganizationId, String> names = new HashMap<>();
    TreatmentEpisode own = sending ? from : to;
    Optional<TransferSummary> summary = summaries.findById(id);
    TransferSummary shown = null;
    ConsentDecision withheld = null;
    boolean notice = false;
    if (summary.isPresent() && sending) {
      shown = summary.get();
    } else if (summary.isPresent()) {
      ConsentDecision decision =
          consent.disclose(
              principal,
              new DisclosureRequest(
                  transition.personId(),
                  summary.get().providerId(),
                  CATEGORY,
                  PURPOSE,
                  summary.get().sensitivity()),
              "1 transfer summary (transition " + id + ")");
      if (decision.permitted()) {
        shown = summary.get();
        notice = summary.get().sensitivity().needsConsent();
      } else {
        withheld = decision;
      }
    }
    audit.record(
        event("care.transition.read", transition)
            .withPurpose(PURPOSE.name())
            .withDetail("side", sending ? "SENDING" : "RECEIVING")
            .withDetail(
                "summary",
                summary.isEmpty() ? "NONE" : shown != null ? "SHOWN" : withheld.reason().name()));
    return new HandOffAtProvider(
        transition,
        own.person().name(),
        own.person().dateOfBirth(),
        side(from, names),
        side(to, names),
        sending,
        shown,
        withheld,
        notice);
  }

  /**
   * Writes (or rewrites) the transfer summary of a hand-off; only the sending provider may.
   *
   * @throws NotFoundException if there is no such hand-off or the caller's organization is not the
   *     sending provider (the receiving provider cannot tell it from a missing one either)
   * @throws CareInputRejected if the summary is blank or too long
   */
  @Transactional
  public TransferSummary writeSummary(
      BridgewayPrincipal principal, TransitionId id, String text, Long version) {
    CareTransition transition = handOffFor(principal, id);
    TreatmentEpisode from = episodes.findById(transition.fromEpisodeId()).orElseThrow();
    if (!principal.belongsTo(from.providerId())) {
      throw new NotFoundException("transfer summary");
    }
    String summary = text == null ? "" : text.strip();
    if (summary.isEmpty()) {
      throw rejected("summary", "NotBlank", "must not be blank");
    }
    if (summary.length() > TransferSummary.MAX_SUMMARY) {
      throw rejected(
          "summary", "Size", "must have at most " + TransferSummary.MAX_SUMMARY + " characters");
    }
    var level = part2.sensitivityOf(from.providerId());
    Optional<TransferSummary> existing = summaries.findById(id);
    TransferSummary written;
    if (existing.isPresent()) {
      written = existing.get();
      if (version != null && !version.equals(written.version())) {
        throw new org.springframework.dao.OptimisticLockingFailureException(
            "The transfer summary " + id + " is at version " + written.version());
      }
      written.rewrite(summary, level, principal.reference(), clock.instant());
    } else {
      written =
          TransferSummary.write(
              id, from.providerId(), summary, level, principal.reference(), clock.instant());
    }
    written = summaries.save(written);
    audit.record(
        event("care.transition.summary", transition)
            .withDetail("sensitivity", level.name())
            .withDetail("rewritten", Boolean.toString(existing.isPresent())));
    return written;
  }

  private CareTransition handOffFor(BridgewayPrincipal principal, TransitionId id) {
    CareTransition transition =
        transitions
            .findById(id)
            .filter(t -> t.kind().isHandOff())
            .orElseThrow(() -> new NotFoundException("transition"));
    List<OrganizationId> sides = new ArrayList<>();
    episodes
        .findAllById(List.of(transition.fromEpisodeId(), transition.toEpisodeId()))
        .forEach(e -> sides.add(e.providerId()));
    if (sides.stream().noneMatch(principal::belongsTo)) {
      throw new NotFoundException("transition");
    }
    return transition;
  }

  private Optional<TreatmentEpisode> episodeOf(PersonId person, TreatmentEpisodeId id) {
    return episodes.findById(id).filter(e -> e.personId().equals(person));
  }

  private void checkReferral(PersonId person, UUID referral, List<FieldViolation> violations) {
    if (referral != null && referrals.sentAt(person, referral).isEmpty()) {
      violations.add(
          new FieldViolation(
              "referralId", "UnknownReferral", "is not a sent referral of the person"));
    }
  }

  private Side side(TreatmentEpisode episode, Map<OrganizationId, String> names) {
    if (episode == null) {
      return null;
    }
    return new Side(
        episode.id(),
        episode.providerId(),
        names.computeIfAbsent(
            episode.providerId(),
            p -> organizations.find(p).map(NetworkOrganization::name).orElse("")),
        episode.startedOn(),
        episode.endedOn());
  }

  private static CareInputRejected rejected(String field, String code, String message) {
    return new CareInputRejected(List.of(new FieldViolation(field, code, message)));
  }

  private static AuditEvent event(String action, CareTransition transition) {
    return AuditEvent.success(action)
        .withRecord(TRANSITION, transition.id().value())
        .withPerson(transition.personId().value());
  }
}
