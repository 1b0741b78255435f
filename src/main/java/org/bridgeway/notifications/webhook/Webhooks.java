package org.bridgeway.notifications.webhook;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.referrals.ReferralChanged;
import org.bridgeway.referrals.ReferralChanged.Change;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organization's webhook endpoints, kept by its administrators, and the deliveries written for
 * them. Another organization's endpoint answers like a missing one. Changes are audited with ids
 * and codes; the secret is shown once, at registration, and never audited or listed.
 */
@Service
public class Webhooks {

  /** A newly registered endpoint and its secret, which is never shown again. */
  public record Registered(WebhookEndpoint endpoint, String secret) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final WebhookEndpoints endpoints;
  private final WebhookAddresses addresses;
  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final AuditTrail audit;
  private final Clock clock;

  Webhooks(
      WebhookEndpoints endpoints,
      WebhookAddresses addresses,
      JdbcClient jdbc,
      JsonMapper json,
      AuditTrail audit,
      Clock clock) {
    this.endpoints = endpoints;
    this.addresses = addresses;
    this.jdbc = jdbc;
    this.json = json;
    this.audit = audit;
    this.clock = clock;
  }

  /** The endpoints of the caller's organization, oldest first. */
  @Transactional(readOnly = true)
  public List<WebhookEndpoint> endpointsOf(BridgewayPrincipal principal) {
    return endpoints.findByOrganizationIdOrderByCreatedAt(principal.organization());
  }

  /**
   * An endpoint of the caller's organization.
   *
   * @throws NotFoundException if the caller's organization has no such endpoint
   */
  @Transactional(readOnly = true)
  public WebhookEndpoint read(BridgewayPrincipal principal, WebhookEndpointId id) {
    return endpoints
        .findById(id)
        .filter(endpoint -> principal.belongsTo(endpoint.organizationId()))
        .orElseThrow(() -> new NotFoundException("webhook endpoint"));
  }

  /**
   * Registers an endpoint of the caller's organization with a new secret.
   *
   * @throws DomainRuleViolation if the URL may not receive webhooks or no event is chosen
   */
  @Transactional
  public Registered register(BridgewayPrincipal principal, String url, Set<Change> events) {
    addresses
        .refusal(url)
        .ifPresent(
            code -> {
              throw new DomainRuleViolation("url", code, "The URL may not receive webhooks.");
            });
    requireEvents(events);
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = "whsec_" + HexFormat.of().formatHex(bytes);
    WebhookEndpoint endpoint =
        endpoints.save(
            WebhookEndpoint.register(
                principal.organization(), url.strip(), events, secret, clock.instant()));
    audit.record(
        AuditEvent.success("notifications.webhook.register")
            .withRecord("webhook-endpoint", endpoint.id().value())
            .withDetail(
                "events", String.join(",", endpoint.events().stream().map(Enum::name).toList())));
    return new Registered(endpoint, secret);
  }

  /**
   * Sets the events an endpoint wants and whether it is active.
   *
   * @throws NotFoundException if the caller's organization has no such endpoint
   * @throws OptimisticLockingFailureException if the endpoint changed since the given version
   * @throws DomainRuleViolation if no event is chosen
   */
  @Transactional
  public WebhookEndpoint update(
      BridgewayPrincipal principal,
      WebhookEndpointId id,
      Set<Change> events,
      boolean active,
      long version) {
    WebhookEndpoint endpoint = read(principal, id);
    if (!Objects.equals(endpoint.version(), version)) {
      throw new OptimisticLockingFailureException("webhook endpoint " + id + " changed");
    }
    requireEvents(events);
    Instant now = clock.instant();
    endpoint.subscribe(events, now);
    if (active && !endpoint.active()) {
      endpoint.resume(now);
    } else if (!active && endpoint.active()) {
      endpoint.pause(now);
    }
    WebhookEndpoint saved = endpoints.save(endpoint);
    audit.record(
        AuditEvent.success("notifications.webhook.update")
            .withRecord("webhook-endpoint", id.value())
            .withDetail("active", Boolean.toString(active))
            .withDetail(
                "events", String.join(",", saved.events().stream().map(Enum::name).toList())));
    return saved;
  }

  private static void requireEvents(Set<Change> events) {
    if (events == null || events.isEmpty()) {
      throw new DomainRuleViolation(
          "events", "notifications.webhook.events.required", "Choose at least one event.");
    }
  }

  /** The newest deliveries of an endpoint of the caller's organization. */
  @Transactional(readOnly = true)
  public List<Delivery> deliveries(BridgewayPrincipal principal, WebhookEndpointId id) {
    read(principal, id);
    return jdbc.sql(
            """
            SELECT id, referral_id, referral_version, event_type, status, attempts,
              last_status_code, next_attempt_at, created_at, delivered_at
            FROM webhook_delivery WHERE endpoint_id = ? ORDER BY created_at DESC, referral_version DESC
            LIMIT 100
            """)
        .param(id.value())
        .query(
            (rs, n) ->
                new Delivery(
                    rs.getObject("id", UUID.class),
                    rs.getObject("referral_id", UUID.class),
                    rs.getLong("referral_version"),
                    rs.getString("event_type"),
                    Delivery.Status.valueOf(rs.getString("status")),
                    rs.getInt("attempts"),
                    (Integer) rs.getObject("last_status_code"),
                    rs.getTimestamp("next_attempt_at").toInstant(),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("delivered_at") == null
                        ? null
                        : rs.getTimestamp("delivered_at").toInstant()))
        .list();
  }

  /**
   * Sends a delivery again from its first attempt, whatever became of it.
   *
   * @throws NotFoundException if the delivery is not one of an endpoint of the caller's
   *     organization
   */
  @Transactional
  public void redeliver(BridgewayPrincipal principal, WebhookEndpointId id, UUID delivery) {
    read(principal, id);
    int found =
        jdbc.sql(
                """
                UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ?
                WHERE id = ? AND endpoint_id = ?
                """)
            .params(Timestamp.from(clock.instant()), delivery, id.value())
            .update();
    if (found == 0) {
      throw new NotFoundException("webhook delivery");
    }
    audit.record(
        AuditEvent.success("notifications.webhook.redeliver")
            .withRecord("webhook-delivery", delivery)
            .withDetail("endpoint", id.toString()));
  }

  /**
   * Writes a delivery of the change for every active endpoint, of the referring or the providing
   * organization, that wants it (in the caller's transaction; a republished event adds none).
   *
   * @return how many deliveries were written
   */
  @Transactional
  public int enqueue(ReferralChanged event) {
    Set<OrganizationId> concerned = new LinkedHashSet<>();
    if (event.referringOrganization() != null) {
      concerned.add(event.referringOrganization());
    }
    if (event.providerOrganization() != null) {
      concerned.add(event.providerOrganization());
    }
    int written = 0;
    Timestamp now = Timestamp.from(clock.instant());
    for (OrganizationId organization : concerned) {
      for (WebhookEndpoint endpoint :
          endpoints.findByOrganizationIdOrderByCreatedAt(organization)) {
        if (!endpoint.wants(event.change())) {
          continue;
        }
        UUID id = UUID.randomUUID();
        written +=
            jdbc.sql(
                    """
                    INSERT INTO webhook_delivery (id, endpoint_id, organization_id, referral_id,
                      referral_version, event_type, payload, status, attempts, next_attempt_at,
                      created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
                    ON CONFLICT (endpoint_id, referral_id, referral_version, event_type) DO NOTHING
                    """)
                .params(
                    id,
                    endpoint.id().value(),
                    organization.value(),
                    event.referral().value(),
                    event.version(),
                    typeOf(event.change()),
                    payload(id, event),
                    now,
                    now)
                .update();
      }
    }
    return written;
  }

  /** The event type partners see: {@code referral.} and the change in lower case. */
  static String typeOf(Change change) {
    return "referral." + change.name().toLowerCase(java.util.Locale.ROOT);
  }

  private String payload(UUID id, ReferralChanged event) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id.toString());
    body.put("type", typeOf(event.change()));
    body.put("referralId", event.referral().toString());
    body.put("state", event.state().name());
    body.put("fhirTaskStatus", event.state().fhirTaskStatus());
    body.put("occurredAt", event.occurredAt().toString());
    body.put("version", event.version());
    body.put("links", Map.of("self", "/api/v1/referrals/" + event.referral()));
    return json.writeValueAsString(body);
  }
}
