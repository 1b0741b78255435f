package org.bridgeway.care.alert.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.care.alert.AlertAction;
import org.bridgeway.care.alert.AlertRule;
import org.bridgeway.care.alert.AlertRules;
import org.bridgeway.care.alert.AlertState;
import org.bridgeway.care.alert.CareAlert;
import org.bridgeway.care.alert.CareAlertId;
import org.bridgeway.care.alert.CareAlerts;
import org.bridgeway.care.alert.CareAlerts.AlertShown;
import org.bridgeway.care.alert.CareAlerts.AlertsShown;
import org.bridgeway.care.alert.Compliance;
import org.bridgeway.consent.ConsentDecisions;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.WithholdingReason;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.supervision.PersonId;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alerts over the API: the alerts awaiting action on the caller's people (or the escalated ones, or
 * one person's), acknowledging one with the action taken, and the agency's alert rules. An alert's
 * rule and day are given only where the consent permits; otherwise {@code withheld} says why.
 */
@RestController
class AlertApiController {

  record AcknowledgeRequest(
      @NotNull AlertAction action,
      @Size(max = CareAlert.MAX_NOTE) String note,
      @NotNull @Min(0) Long version) {}

  record RuleRequest(@NotNull Boolean enabled, Integer threshold) {}

  record RulesRequest(
      @NotNull @Min(0) Long version, @NotNull Map<AlertRule, @Valid RuleRequest> rules) {}

  record RuleView(boolean enabled, Integer threshold, Integer min, Integer max) {}

  record RulesView(long version, Map<AlertRule, RuleView> rules) {}

  /**
   * An alert. {@code rule} and {@code day} are null when withheld; {@code withheld} then gives the
   * reason, and {@code withheldMessage} the sentence.
   */
  record AlertView(
      UUID id,
      long version,
      UUID personId,
      String personName,
      UUID providerId,
      String providerName,
      AlertRule rule,
      LocalDate day,
      AlertState state,
      Instant raisedAt,
      Instant escalatedAt,
      AlertAction action,
      Instant acknowledgedAt,
      WithholdingReason withheld,
      LocalDate withheldSince,
      String withheldMessage) {}

  record AlertsView(List<AlertView> alerts, String notice) {}

  record ConditionView(
      UUID conditionId,
      String kind,
      String description,
      Compliance.Status status,
      Compliance.Attendance attendance,
      Compliance.Tests tests) {}

  record WithheldView(
      UUID providerId,
      String providerName,
      InformationCategory category,
      WithholdingReason reason,
      LocalDate since) {}

  record ComplianceView(
      UUID personId,
      LocalDate from,
      LocalDate to,
      List<ConditionView> conditions,
      List<WithheldView> withheld,
      String notice) {}

  private final CareAlerts alerts;
  private final AlertRules rules;
  private final Compliance compliance;
  private final MessageSource messages;

  AlertApiController(
      CareAlerts alerts, AlertRules rules, Compliance compliance, MessageSource messages) {
    this.alerts = alerts;
    this.rules = rules;
    this.compliance = compliance;
    this.messages = messages;
  }

  @GetMapping("/api/v1/care/people/{id}/compliance")
  @PreAuthorize(AlertRoles.AGENCY_STAFF)
  ComplianceView compliance(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "" + Compliance.DEFAULT_DAYS) int days) {
    Compliance.PersonCompliance found = compliance.of(principal, new PersonId(id), days);
    return new ComplianceView(
        id,
        found.from(),
        found.to(),
        found.conditions().stream()
            .map(
                c ->
                    new ConditionView(
                        c.condition().id().value(),
                        c.condition().kind(),
                        c.condition().description(),
                        c.status(),
                        c.attendance(),
                        c.tests()))
            .toList(),
        found.withheld().stream()
            .map(
                w ->
                    new WithheldView(
                        w.provider().value(),
                        w.providerName(),
                        w.category(),
                        w.reason(),
                        w.since()))
            .toList(),
        found.noticeRequired()
            ? messages.getMessage(ConsentDecisions.NOTICE_KEY, null, Locale.ENGLISH)
            : null);
  }

  @GetMapping("/api/v1/care/alerts")
  @PreAuthorize(AlertRoles.AGENCY_STAFF)
  AlertsView list(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(required = false) UUID person,
      @RequestParam(defaultValue = "AWAITING") CareAlerts.Listing listing) {
    AlertsShown shown =
        person == null
            ? alerts.list(principal, listing)
            : alerts.ofPerson(principal, new PersonId(person));
    return view(shown);
  }

  @PostMapping("/api/v1/care/alerts/{id}/acknowledge")
  @PreAuthorize(AlertRoles.AGENCY_STAFF)
  AlertView acknowledge(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody AcknowledgeRequest request) {
    CareAlert acknowledged =
        alerts.acknowledge(
            principal, new CareAlertId(id), request.action(), request.note(), request.version());
    // The answer repeats only what the caller gave and the state: the details stay on the list.
    return new AlertView(
        acknowledged.id().value(),
        acknowledged.version(),
        acknowledged.person().value(),
        null,
        acknowledged.provider().value(),
        null,
        null,
        null,
        acknowledged.state(),
        acknowledged.raisedAt(),
        acknowledged.escalatedAt(),
        acknowledged.action(),
        acknowledged.acknowledgedAt(),
        null,
        null,
        null);
  }

  @GetMapping("/api/v1/care/alert-rules")
  @PreAuthorize(AlertRoles.AGENCY_STAFF)
  RulesView readRules(@AuthenticationPrincipal BridgewayPrincipal principal) {
    return view(rules.read(principal));
  }

  @PutMapping("/api/v1/care/alert-rules")
  @PreAuthorize(AlertRoles.LEADS)
  RulesView updateRules(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @Valid @RequestBody RulesRequest request) {
    Map<AlertRule, AlertRules.Setting> changes = new EnumMap<>(AlertRule.class);
    request
        .rules()
        .forEach(
            (rule, setting) ->
                changes.put(rule, new AlertRules.Setting(setting.enabled(), setting.threshold())));
    return view(rules.update(principal, changes, request.version()));
  }

  private static RulesView view(AlertRules.Settings settings) {
    Map<AlertRule, RuleView> views = new LinkedHashMap<>();
    for (AlertRule rule : AlertRule.values()) {
      AlertRules.Setting s = settings.of(rule);
      views.put(
          rule,
          new RuleView(
              s.enabled(),
              s.threshold(),
              rule.hasThreshold() ? rule.minThreshold() : null,
              rule.hasThreshold() ? rule.maxThreshold() : null));
    }
    return new RulesView(settings.version(), views);
  }

  private AlertsView view(AlertsShown shown) {
    return new AlertsView(
        shown.alerts().stream().map(this::view).toList(),
        shown.noticeRequired()
            ? messages.getMessage(ConsentDecisions.NOTICE_KEY, null, Locale.ENGLISH)
            : null);
  }

  private AlertView view(AlertShown shown) {
    CareAlert a = shown.alert();
    return new AlertView(
        a.id().value(),
        a.version(),
        a.person().value(),
        shown.person() == null ? null : shown.person().fullName(),
        a.provider().value(),
        shown.providerName(),
        shown.detailsShown() ? a.rule() : null,
        shown.detailsShown() ? a.day() : null,
        a.state(),
        a.raisedAt(),
        a.escalatedAt(),
        a.action(),
        a.acknowledgedAt(),
        shown.detailsShown() ? null : shown.withheldReason(),
        shown.detailsShown() ? null : shown.withheldSince(),
        shown.detailsShown() ? null : AlertTexts.withheld(shown, messages, Locale.ENGLISH));
  }
}
