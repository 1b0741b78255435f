package org.bridgeway.care.alert;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.care.episode.CareInputRejected;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.Role;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alert rules of each supervising agency: the defaults of ADR 0020 until the agency's
 * supervisors or administrators change them. The settings change as a whole, at the version read.
 */
@Service
public class AlertRules {

  /** One rule as an agency has it. */
  public record Setting(boolean enabled, Integer threshold) {}

  /**
   * An agency's rules, every one present.
   *
   * @param version 0 while the agency keeps the defaults
   */
  public record Settings(Map<AlertRule, Setting> rules, long version) {

    public Settings {
      rules = Map.copyOf(rules);
    }

    public Setting of(AlertRule rule) {
      return rules.get(rule);
    }

    /** Whether the rule raises alerts; for a rule with a threshold, also its threshold. */
    public boolean enabled(AlertRule rule) {
      return rules.get(rule).enabled();
    }

    public int threshold(AlertRule rule) {
      return rules.get(rule).threshold();
    }
  }

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  AlertRules(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** The defaults of ADR 0020: every rule on, at its default threshold. */
  public static Settings defaults() {
    Map<AlertRule, Setting> rules = new EnumMap<>(AlertRule.class);
    for (AlertRule rule : AlertRule.values()) {
      rules.put(rule, new Setting(true, rule.defaultThreshold()));
    }
    return new Settings(rules, 0);
  }

  /** The rules of the caller's agency, audited as a read. */
  @Transactional
  public Settings read(BridgewayPrincipal principal) {
    Settings settings = of(principal.organization());
    audit.record(
        AuditEvent.success("care.alert.rules.read")
            .withDetail("agency", principal.organization().toString()));
    return settings;
  }

  /** An agency's rules, not audited (for the alert watch, which audits what it raises). */
  @Transactional(readOnly = true)
  public Settings of(OrganizationId agency) {
    Map<AlertRule, Setting> rules = new EnumMap<>(defaults().rules());
    jdbc.sql("SELECT rule, enabled, threshold FROM care_alert_rule WHERE agency_id = :agency")
        .param("agency", agency.value())
        .query(
            (rs, n) -> {
              AlertRule rule = AlertRule.valueOf(rs.getString("rule"));
              Integer threshold = (Integer) rs.getObject("threshold");
              return rules.put(
                  rule,
                  new Setting(
                      rs.getBoolean("enabled"),
                      rule.hasThreshold() && threshold != null
                          ? threshold
                          : rule.defaultThreshold()));
            })
        .list();
    long version =
        jdbc.sql("SELECT version FROM care_alert_rule_version WHERE agency_id = :agency")
            .param("agency", agency.value())
            .query(Long.class)
            .optional()
            .orElse(0L);
    return new Settings(rules, version);
  }

  /**
   * Replaces the caller's agency's rules. Rules left out keep their setting; a threshold must be
   * within the rule's bounds, and only rules with a threshold take one.
   *
   * @throws NotFoundException if the caller is not a supervisor or administrator of the agency
   * @throws CareInputRejected naming each field at fault ({@code
   *     rules.NO_SHOWS_IN_A_ROW.threshold})
   * @throws OptimisticLockingFailureException if the rules changed since the version read
   */
  @Transactional
  public Settings update(
      BridgewayPrincipal principal, Map<AlertRule, Setting> changes, long version) {
    if (!mayEdit(principal)) {
      throw new NotFoundException("alert rules");
    }
    // A rule switched off keeps its default threshold when none is given.
    Map<AlertRule, Setting> normalized = new EnumMap<>(AlertRule.class);
    changes.forEach(
        (rule, setting) ->
            normalized.put(
                rule,
                !setting.enabled() && setting.threshold() == null && rule.hasThreshold()
                    ? new Setting(false, rule.defaultThreshold())
                    : setting));
    changes = normalized;
    List<FieldViolation> violations = new ArrayList<>();
    for (Map.Entry<AlertRule, Setting> change : changes.entrySet()) {
      AlertRule rule = change.getKey();
      Integer threshold = change.getValue().threshold();
      String field = "rules." + rule.name() + ".threshold";
      if (!rule.hasThreshold()) {
        if (threshold != null) {
          violations.add(new FieldViolation(field, "NotAllowed", "this rule takes no threshold"));
        }
      } else if (threshold == null) {
        violations.add(new FieldViolation(field, "Required", "must be given"));
      } else if (threshold < rule.minThreshold() || threshold > rule.maxThreshold()) {
        violations.add(
            new FieldViolation(
                field,
                "Range",
                "must be between " + rule.minThreshold() + " and " + rule.maxThreshold()));
      }
    }
    if (!violations.isEmpty()) {
      throw new CareInputRejected(violations);
    }
    OrganizationId agency = principal.organization();
    Settings current = of(agency);
    if (current.version() != version) {
      throw new OptimisticLockingFailureException(
          "The alert rules are at version " + current.version() + ", not " + version);
    }
    long next = version + 1;
    int moved =
        version == 0
            ? jdbc.sql(
                    "INSERT INTO care_alert_rule_version (agency_id, version) VALUES (:agency, 1)"
                        + " ON CONFLICT (agency_id) DO NOTHING")
                .param("agency", agency.value())
                .update()
            : jdbc.sql(
                    "UPDATE care_alert_rule_version SET version = :next"
                        + " WHERE agency_id = :agency AND version = :version")
                .param("agency", agency.value())
                .param("next", next)
                .param("version", version)
                .update();
    if (moved != 1) {
      throw new OptimisticLockingFailureException("The alert rules changed meanwhile");
    }
    Timestamp now = Timestamp.from(clock.instant());
    for (Map.Entry<AlertRule, Setting> change : changes.entrySet()) {
      jdbc.sql(
              """
              INSERT INTO care_alert_rule (agency_id, rule, enabled, threshold, updated_by, updated_at)
              VALUES (:agency, :rule, :enabled, :threshold, :by, :at)
              ON CONFLICT (agency_id, rule) DO UPDATE SET enabled = :enabled,
                  threshold = :threshold, updated_by = :by, updated_at = :at
              """)
          .param("agency", agency.value())
          .param("rule", change.getKey().name())
          .param("enabled", change.getValue().enabled())
          .param("threshold", change.getValue().threshold())
          .param("by", principal.reference())
          .param("at", now)
          .update();
    }
    AuditEvent event =
        AuditEvent.success("care.alert.rules.update")
            .withDetail("agency", agency.toString())
            .withDetail("version", Long.toString(next));
    for (Map.Entry<AlertRule, Setting> change : changes.entrySet()) {
      Setting s = change.getValue();
      event =
          event.withDetail(
              change.getKey().name(),
              s.enabled() ? "on" + (s.threshold() == null ? "" : ":" + s.threshold()) : "off");
    }
    audit.record(event);
    return of(agency);
  }

  /** Whether the caller may change the agency's rules: its supervisors and administrators. */
  public static boolean mayEdit(BridgewayPrincipal principal) {
    return principal.has(Role.SUPERVISOR)
        || principal.has(Role.ORGANIZATION_ADMIN)
        || principal.has(Role.NETWORK_ADMIN);
  }
}
