package org.bridgeway.consent.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bridgeway.consent.ConsentDecision;
import org.bridgeway.consent.DisclosureRequest;
import org.bridgeway.consent.WithholdingReason;
import org.bridgeway.consent.directive.ConsentDirective;
import org.bridgeway.consent.directive.DirectiveKind;
import org.bridgeway.consent.directive.DirectiveTerms;
import org.bridgeway.consent.directive.DiscloserClass;
import org.bridgeway.consent.directive.ExpiryEvent;
import org.bridgeway.consent.directive.RecipientClass;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationKind;

/**
 * The consent engine's decision as a pure function of the directives, the question, the recipient,
 * the facts and the moment (ADR 0014). No I/O: {@link ConsentEngine} loads what it needs.
 *
 * <p>Each directive of the person is taken as far as it goes: discloser and recipient covered, then
 * a monitoring recipient for criminal-justice consents, then category, then purpose, then in force.
 * A directive that goes all the way permits. Otherwise the answer carries the reason of the
 * directive that went furthest, so that a page says the most specific thing: a consent that covers
 * everything but expired says "expired on ..." rather than "no consent".
 */
public final class ConsentRules {

  /** Kinds of organization whose staff can belong to the monitoring class. */
  static final Set<OrganizationKind> MONITORING_KINDS =
      EnumSet.of(OrganizationKind.PROBATION_AGENCY, OrganizationKind.COURT);

  /** Which of several equally far-reaching directives answers: the newest signature first. */
  public static final Comparator<ConsentDirective> PREFERENCE =
      Comparator.comparing((ConsentDirective d) -> d.signature().signedOn())
          .thenComparing(ConsentDirective::recordedAt)
          .reversed()
          .thenComparing(d -> d.id().value());

  /** How far a directive reached for a question; higher is more specific. */
  private enum Stage {
    NOT_MONITORING,
    CATEGORY,
    PURPOSE,
    ENDED,
    PERMITS
  }

  /** How a directive ended, if it did: the reason and the first day it no longer permitted. */
  public record Ending(WithholdingReason reason, LocalDate since) {}

  private record Candidate(ConsentDirective directive, Stage stage, Ending ending) {}

  private ConsentRules() {}

  /**
   * Decides one question.
   *
   * @param directives the person's directives (others are ignored)
   * @param zone the zone in which days are counted
   */
  public static ConsentDecision decide(
      BridgewayPrincipal recipient,
      DisclosureRequest request,
      List<ConsentDirective> directives,
      DecisionFacts facts,
      Instant now,
      ZoneId zone) {
    if (!request.sensitivity().needsConsent()) {
      return ConsentDecision.ordinary();
    }
    LocalDate today = LocalDate.ofInstant(now, zone);
    Candidate best = null;
    for (ConsentDirective directive : directives) {
      Candidate candidate = evaluate(directive, recipient, request, facts, now, today, zone);
      if (candidate != null && better(candidate, best)) {
        best = candidate;
      }
    }
    if (best != null && best.stage() == Stage.PERMITS) {
      return ConsentDecision.permittedBy(best.directive().id());
    }
    if (facts.emergencyGrantInForce(request.person())) {
      return ConsentDecision.emergency();
    }
    if (best == null) {
      return ConsentDecision.withheld(WithholdingReason.NO_CONSENT, null, null);
    }
    return switch (best.stage()) {
      case NOT_MONITORING ->
          ConsentDecision.withheld(
              WithholdingReason.RECIPIENT_NOT_MONITORING, best.directive().id(), null);
      case CATEGORY ->
          ConsentDecision.withheld(
              WithholdingReason.CATEGORY_NOT_COVERED, best.directive().id(), null);
      case PURPOSE ->
          ConsentDecision.withheld(
              WithholdingReason.PURPOSE_NOT_COVERED, best.directive().id(), null);
      case ENDED ->
          ConsentDecision.withheld(
              best.ending().reason(), best.directive().id(), best.ending().since());
      case PERMITS -> throw new IllegalStateException("unreachable");
    };
  }

  private static boolean better(Candidate candidate, Candidate best) {
    if (best == null) {
      return true;
    }
    int byStage = candidate.stage().compareTo(best.stage());
    if (byStage != 0) {
      return byStage > 0;
    }
    if (candidate.stage() == Stage.ENDED) {
      int bySince = candidate.ending().since().compareTo(best.ending().since());
      if (bySince != 0) {
        return bySince > 0;
      }
    }
    return PREFERENCE.compare(candidate.directive(), best.directive()) < 0;
  }

  /** How far one directive reaches for the question; null if it does not cover it at all. */
  private static Candidate evaluate(
      ConsentDirective directive,
      BridgewayPrincipal recipient,
      DisclosureRequest request,
      DecisionFacts facts,
      Instant now,
      LocalDate today,
      ZoneId zone) {
    if (!directive.person().equals(request.person())) {
      return null;
    }
    if (directive.superseded() && !directive.supersededAt().isAfter(now)) {
      return null;
    }
    if (directive.signature().signedOn().isAfter(today)) {
      return null;
    }
    DirectiveTerms terms = directive.terms();
    boolean discloser =
        terms.disclosers().contains(request.discloser())
            || (terms.discloserClass() == DiscloserClass.ANY_PART_2_PROGRAM
                && facts.isPart2Program(request.discloser()));
    if (!discloser) {
      return null;
    }
    Boolean monitoring = recipientCovered(terms, recipient, request, facts);
    if (monitoring == null) {
      return null;
    }
    if (!monitoring) {
      return new Candidate(directive, Stage.NOT_MONITORING, null);
    }
    if (!terms.categories().contains(request.category())) {
      return new Candidate(directive, Stage.CATEGORY, null);
    }
    if (!terms.purposes().contains(request.purpose())) {
      return new Candidate(directive, Stage.PURPOSE, null);
    }
    Optional<Ending> ending = endingOf(directive, now, today, zone, facts, request);
    return ending
        .map(e -> new Candidate(directive, Stage.ENDED, e))
        .orElseGet(() -> new Candidate(directive, Stage.PERMITS, null));
  }

  /**
   * Whether the recipient is among the directive's recipients: null if not at all, false if only by
   * kind but not monitoring the person (criminal-justice consents and the monitoring class), true
   * if covered.
   */
  private static Boolean recipientCovered(
      DirectiveTerms terms,
      BridgewayPrincipal recipient,
      DisclosureRequest request,
      DecisionFacts facts) {
    boolean named =
        (recipient.user() != null && terms.recipientUsers().contains(recipient.user()))
            || terms.recipientOrganizations().contains(recipient.organization());
    boolean monitoringKind = MONITORING_KINDS.contains(recipient.organizationKind());
    boolean inMonitoringClass =
        terms.recipientClass() == RecipientClass.MONITORING && monitoringKind;
    if (terms.kind() == DirectiveKind.CRIMINAL_JUSTICE) {
      if (!named && !inMonitoringClass) {
        return null;
      }
      boolean court = named && recipient.organizationKind() == OrganizationKind.COURT;
      return court || facts.recipientSees(request.person());
    }
    if (named) {
      return true;
    }
    if (terms.recipientClass() == RecipientClass.TREATMENT_PAYMENT_OPERATIONS
        && recipient.organizationKind() == OrganizationKind.TREATMENT_PROVIDER) {
      return true;
    }
    if (inMonitoringClass) {
      return facts.recipientSees(request.person());
    }
    return null;
  }

  /**
   * Whether and how the directive ended by the given moment: revoked, expired by date or by event,
   * whichever took effect first (on the same day: revocation, then date, then event).
   *
   * @param request the question, for the end of treatment at its discloser; null to judge the
   *     directive as a whole (treatment ended at every named discloser)
   */
  public static Optional<Ending> endingOf(
      ConsentDirective directive,
      Instant now,
      LocalDate today,
      ZoneId zone,
      DecisionFacts facts,
      DisclosureRequest request) {
    Ending ending = null;
    if (directive.revoked() && !directive.revokedAt().isAfter(now)) {
      ending =
          new Ending(WithholdingReason.REVOKED, LocalDate.ofInstant(directive.revokedAt(), zone));
    }
    DirectiveTerms terms = directive.terms();
    if (terms.expiresOn() != null && !terms.expiresOn().isAfter(today)) {
      ending = earlier(ending, new Ending(WithholdingReason.EXPIRED, terms.expiresOn()));
    }
    if (terms.expiryEvent() != null) {
      Optional<LocalDate> event = eventDay(terms.expiryEvent(), directive, facts, request);
      if (event.isPresent() && !event.get().isAfter(today)) {
        ending = earlier(ending, new Ending(WithholdingReason.EXPIRED_BY_EVENT, event.get()));
      }
    }
    return Optional.ofNullable(ending);
  }

  private static Optional<LocalDate> eventDay(
      ExpiryEvent event,
      ConsentDirective directive,
      DecisionFacts facts,
      DisclosureRequest request) {
    if (event == ExpiryEvent.END_OF_SUPERVISION) {
      return facts.supervisionEndedOn(directive.person());
    }
    if (request != null) {
      return facts.treatmentEndedOn(directive.person(), request.discloser());
    }
    if (directive.terms().disclosers().isEmpty()) {
      return Optional.empty();
    }
    LocalDate last = null;
    for (var program : directive.terms().disclosers()) {
      Optional<LocalDate> ended = facts.treatmentEndedOn(directive.person(), program);
      if (ended.isEmpty()) {
        return Optional.empty();
      }
      last = last == null || ended.get().isAfter(last) ? ended.get() : last;
    }
    return Optional.of(last);
  }

  private static Ending earlier(Ending current, Ending other) {
    return current == null || other.since().isBefore(current.since()) ? other : current;
  }
}
