package org.bridgeway.care.alert;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.care.episode.CareInputRejected;
import org.bridgeway.consent.ConsentDecision;
import org.bridgeway.consent.ConsentDecisions;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.DisclosureRequest;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.consent.WithholdingReason;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.NetworkOrganizations;
import org.bridgeway.identity.NetworkOrganizations.NetworkOrganization;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.bridgeway.supervision.SupervisedPeople.PersonHeading;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alerts as the supervising agency's staff see them: only on people they see (the caseload
 * rule), and of each alert its rule and day only as far as the consent engine permits, because an
 * alert reveals a fact of the provider's records (a no-show, a positive test, a concern, a
 * discharge). The engine decides every alert of a page at once; what is shown is disclosed once per
 * provider, category and sensitivity. A withheld alert still shows that it exists, that it awaits
 * action and why its details are withheld, so that the officer can follow up through the person or
 * the consent.
 */
@Service
public class CareAlerts {

  /** The purpose an officer reads alerts for. */
  public static final DisclosurePurpose PURPOSE = DisclosurePurpose.SUPERVISION_MONITORING;

  /** The most alerts on one list. */
  public static final int MAX_LISTED = 500;

  /** Which alerts a list shows. */
  public enum Listing {
    /** Open and escalated alerts: those that await action. */
    AWAITING,
    /** Escalated alerts only: the supervisor's view. */
    ESCALATED
  }

  /**
   * An alert as shown.
   *
   * @param detailsShown whether the rule and day may be shown (the consent permits it)
   * @param withheldReason why the details are withheld, when they are
   * @param withheldSince since when the reason applies, if known
   */
  public record AlertShown(
      CareAlert alert,
      PersonHeading person,
      String providerName,
      boolean detailsShown,
      WithholdingReason withheldReason,
      LocalDate withheldSince) {}

  /**
   * Alerts as shown, with whether the §2.32 notice must go with them.
   *
   * @param noticeRequired whether details of protected data are shown
   */
  public record AlertsShown(List<AlertShown> alerts, boolean noticeRequired) {}

  private record Group(
      PersonId person, OrganizationId provider, InformationCategory category, Sensitivity level) {

    static Group of(CareAlert alert) {
      return new Group(alert.person(), alert.provider(), alert.category(), alert.sensitivity());
    }
  }

  private final AlertStore store;
  private final SupervisedPeople people;
  private final NetworkOrganizations organizations;
  private final ConsentDecisions consent;
  private final AuditTrail audit;
  private final Clock clock;

  CareAlerts(
      AlertStore store,
      SupervisedPeople people,
      NetworkOrganizations organizations,
      ConsentDecisions consent,
      AuditTrail audit,
      Clock clock) {
    this.store = store;
    this.people = people;
    this.organizations = organizations;
    this.consent = consent;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The alerts of the people the caller sees (an officer: their caseload; a supervisor: their
   * team's too; an administrator: the agency's), oldest first; audited as one list read.
   */
  @Transactional
  public AlertsShown list(BridgewayPrincipal principal, Listing listing) {
    Set<AlertState> states =
        listing == Listing.ESCALATED
            ? EnumSet.of(AlertState.ESCALATED)
            : EnumSet.of(AlertState.OPEN, AlertState.ESCALATED);
    List<CareAlert> found = store.ofAgency(principal.organization(), states, MAX_LISTED);
    Map<PersonId, PersonHeading> seen =
        people.headingsSeenBy(principal, found.stream().map(CareAlert::person).distinct().toList());
    List<CareAlert> visible = found.stream().filter(a -> seen.containsKey(a.person())).toList();
    AlertsShown shown = show(principal, visible, seen);
    audit.record(
        AuditEvent.success("care.alert.list")
            .withPurpose(PURPOSE.name())
            .withDetail("listing", listing.name())
            .withDetail("alerts", Integer.toString(visible.size()))
            .withDetail("withheld", Long.toString(withheld(shown))));
    return shown;
  }

  /**
   * A person's alerts, latest first, for a caller who sees the person; audited as a read.
   *
   * @throws NotFoundException if there is no such person or the caller does not see them
   */
  @Transactional
  public AlertsShown ofPerson(BridgewayPrincipal principal, PersonId person) {
    PersonHeading heading = people.visibleTo(principal, person);
    List<CareAlert> found = store.ofPerson(principal.organization(), person);
    AlertsShown shown = show(principal, found, Map.of(person, heading));
    audit.record(
        AuditEvent.success("care.alert.read")
            .withRecord("supervision-person", person.value())
            .withPerson(person.value())
            .withPurpose(PURPOSE.name())
            .withDetail("alerts", Integer.toString(found.size()))
            .withDetail("withheld", Long.toString(withheld(shown))));
    return shown;
  }

  /**
   * Acknowledges an alert with the action the caller took.
   *
   * @throws NotFoundException if there is no such alert or the caller does not see its person
   * @throws CareInputRejected if the action is missing or the note too long
   * @throws OptimisticLockingFailureException if the alert changed since the version read
   * @throws DomainRuleViolation if it was acknowledged already
   */
  @Transactional
  public CareAlert acknowledge(
      BridgewayPrincipal principal, CareAlertId id, AlertAction action, String note, long version) {
    CareAlert alert =
        store
            .find(id)
            .filter(a -> principal.belongsTo(a.agency()))
            .filter(a -> people.sees(principal, a.person()))
            .orElseThrow(() -> new NotFoundException("alert"));
    List<FieldViolation> violations = new ArrayList<>();
    if (action == null) {
      violations.add(new FieldViolation("action", "Required", "must be given"));
    }
    String kept = note == null || note.isBlank() ? null : note.strip();
    if (kept != null && kept.length() > CareAlert.MAX_NOTE) {
      violations.add(
          new FieldViolation(
              "note", "Size", "must be at most " + CareAlert.MAX_NOTE + " characters"));
    }
    if (!violations.isEmpty()) {
      throw new CareInputRejected(violations);
    }
    if (alert.version() != version) {
      throw new OptimisticLockingFailureException(
          "The alert " + id + " is at version " + alert.version() + ", not " + version);
    }
    alert.checkAcknowledgeable();
    if (!store.acknowledge(id, version, principal.reference(), clock.instant(), action, kept)) {
      throw new OptimisticLockingFailureException("The alert " + id + " changed meanwhile");
    }
    audit.record(
        AuditEvent.success("care.alert.acknowledge")
            .withRecord(AlertRaiser.ALERT, id.value())
            .withPerson(alert.person().value())
            .withDetail("rule", alert.rule().name())
            .withDetail("action", action.name())
            .withDetail("from", alert.state().name()));
    return store.find(id).orElseThrow();
  }

  /** Decides every alert at once and discloses each permitted group once. */
  private AlertsShown show(
      BridgewayPrincipal principal, List<CareAlert> alerts, Map<PersonId, PersonHeading> headings) {
    if (alerts.isEmpty()) {
      return new AlertsShown(List.of(), false);
    }
    List<ConsentDecision> decided =
        consent.decideAll(principal, alerts.stream().map(a -> request(Group.of(a))).toList());
    Map<Group, Integer> counts = new LinkedHashMap<>();
    Map<Group, ConsentDecision> first = new LinkedHashMap<>();
    for (int i = 0; i < alerts.size(); i++) {
      Group group = Group.of(alerts.get(i));
      counts.merge(group, 1, Integer::sum);
      first.putIfAbsent(group, decided.get(i));
    }
    // The disclosure's answer is the one that counts (a revocation in between withholds).
    Map<Group, ConsentDecision> decisions = new HashMap<>();
    first.forEach(
        (group, decision) ->
            decisions.put(
                group,
                decision.permitted()
                    ? consent.disclose(
                        principal, request(group), describe(group, counts.get(group)))
                    : decision));
    Map<OrganizationId, String> names = new HashMap<>();
    List<AlertShown> shown = new ArrayList<>();
    boolean notice = false;
    for (CareAlert alert : alerts) {
      Group group = Group.of(alert);
      ConsentDecision decision = decisions.get(group);
      notice |= decision.permitted() && group.level().needsConsent();
      shown.add(
          new AlertShown(
              alert,
              headings.get(alert.person()),
              names.computeIfAbsent(alert.provider(), this::nameOf),
              decision.permitted(),
              decision.reason(),
              decision.since()));
    }
    return new AlertsShown(List.copyOf(shown), notice);
  }

  private static DisclosureRequest request(Group group) {
    return new DisclosureRequest(
        group.person(), group.provider(), group.category(), PURPOSE, group.level());
  }

  private static String describe(Group group, int count) {
    return count
        + (count == 1 ? " alert on " : " alerts on ")
        + group.category().name().toLowerCase().replace('_', ' ');
  }

  private static long withheld(AlertsShown shown) {
    return shown.alerts().stream().filter(a -> !a.detailsShown()).count();
  }

  private String nameOf(OrganizationId provider) {
    return organizations.find(provider).map(NetworkOrganization::name).orElse("");
  }
}
