package org.bridgeway.matching.weights;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.matching.MatchingInputRejected;
import org.bridgeway.matching.MatchingWeights;
import org.bridgeway.shared.web.FieldViolation;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The matching weights of the caller's agency: read (the defaults when none are set) and changed
 * with optimistic locking, each change audited with the new weights (numbers only).
 */
@Service
public class WeightsSettings {

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  WeightsSettings(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** The agency's weights, or the defaults at version 0. */
  @Transactional(readOnly = true)
  public AgencyWeights of(UUID agency) {
    return jdbc.sql(
            """
            SELECT need_fit, distance, capacity, language_access, cost, completion, version
            FROM matching_weights WHERE organization_id = :agency
            """)
        .param("agency", agency)
        .query(
            (rs, n) ->
                new AgencyWeights(
                    new MatchingWeights(
                        rs.getInt(1),
                        rs.getInt(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getInt(6)),
                    rs.getLong(7)))
        .optional()
        .orElse(new AgencyWeights(MatchingWeights.DEFAULTS, 0));
  }

  /**
   * Replaces the caller's agency's weights.
   *
   * @param version the version the caller read (0 for the defaults)
   * @throws MatchingInputRejected for a weight outside 0..10, or all zero
   * @throws OptimisticLockingFailureException when the weights changed since that version
   */
  @Transactional
  public AgencyWeights change(BridgewayPrincipal by, MatchingWeights weights, long version) {
    List<FieldViolation> violations = weights.violations();
    if (version < 0) {
      violations = new java.util.ArrayList<>(violations);
      violations.add(new FieldViolation("version", "Min", "must be 0 or more"));
    }
    if (!violations.isEmpty()) {
      throw new MatchingInputRejected(violations);
    }
    UUID agency = by.organizationId();
    int changed;
    if (version == 0) {
      changed =
          jdbc.sql(
                  """
                  INSERT INTO matching_weights (organization_id, need_fit, distance, capacity,
                      language_access, cost, completion, version, updated_at, updated_by)
                  VALUES (:agency, :needFit, :distance, :capacity, :languageAccess, :cost,
                      :completion, 1, :at, :by)
                  ON CONFLICT (organization_id) DO NOTHING
                  """)
              .params(parameters(weights))
              .param("agency", agency)
              .param("at", java.sql.Timestamp.from(clock.instant()))
              .param("by", by.userId())
              .update();
    } else {
      changed =
          jdbc.sql(
                  """
                  UPDATE matching_weights SET need_fit = :needFit, distance = :distance,
                      capacity = :capacity, language_access = :languageAccess, cost = :cost,
                      completion = :completion, version = version + 1, updated_at = :at,
                      updated_by = :by
                  WHERE organization_id = :agency AND version = :version
                  """)
              .params(parameters(weights))
              .param("agency", agency)
              .param("version", version)
              .param("at", java.sql.Timestamp.from(clock.instant()))
              .param("by", by.userId())
              .update();
    }
    if (changed == 0) {
      throw new OptimisticLockingFailureException(
          "The matching weights were changed by someone else since version " + version);
    }
    AuditEvent event =
        AuditEvent.success("matching.weights.changed").withRecord("organization", agency);
    for (var entry : weights.byFactor().entrySet()) {
      event =
          event.withDetail(MatchingWeights.fieldOf(entry.getKey()), entry.getValue().toString());
    }
    audit.record(event);
    return new AgencyWeights(weights, version + 1);
  }

  private static java.util.Map<String, Object> parameters(MatchingWeights w) {
    return java.util.Map.of(
        "needFit", w.needFit(),
        "distance", w.distance(),
        "capacity", w.capacity(),
        "languageAccess", w.languageAccess(),
        "cost", w.cost(),
        "completion", w.completion());
  }
}
