package org.bridgeway.notifications.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.referrals.ReferralChanged.Change;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A partner system's address that receives its organization's referral events, signed with a secret
 * shared once at registration. Registered with {@link #register}, told which events it wants with
 * {@link #subscribe}, and {@link #pause}d or {@link #resume}d.
 */
@Table("webhook_endpoint")
public class WebhookEndpoint {

  @Id private final WebhookEndpointId id;
  private final OrganizationId organizationId;
  private final String url;
  private String events;
  private final String secret;
  private boolean active;
  private final Instant createdAt;
  private Instant updatedAt;
  @Version private Long version;

  @PersistenceCreator
  WebhookEndpoint(
      WebhookEndpointId id,
      OrganizationId organizationId,
      String url,
      String events,
      String secret,
      boolean active,
      Instant createdAt,
      Instant updatedAt,
      Long version) {
    this.id = id;
    this.organizationId = organizationId;
    this.url = url;
    this.events = events;
    this.secret = secret;
    this.active = active;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.version = version;
  }

  /**
   * Registers an active endpoint for the events.
   *
   * @throws IllegalArgumentException without any event
   */
  static WebhookEndpoint register(
      OrganizationId organization, String url, Set<Change> events, String secret, Instant at) {
    WebhookEndpoint endpoint =
        new WebhookEndpoint(
            WebhookEndpointId.random(),
            Objects.requireNonNull(organization),
            Objects.requireNonNull(url),
            encode(events),
            Objects.requireNonNull(secret),
            true,
            at,
            at,
            null);
    return endpoint;
  }

  /**
   * Sets the events the endpoint wants.
   *
   * @throws IllegalArgumentException without any event
   */
  void subscribe(Set<Change> wanted, Instant at) {
    events = encode(wanted);
    updatedAt = at;
  }

  /**
   * Stops deliveries until resumed: no new ones are written, waiting ones are held.
   *
   * @throws IllegalStateException if already paused
   */
  void pause(Instant at) {
    if (!active) {
      throw new IllegalStateException("The endpoint is already paused");
    }
    active = false;
    updatedAt = at;
  }

  /**
   * Starts deliveries again.
   *
   * @throws IllegalStateException if active
   */
  void resume(Instant at) {
    if (active) {
      throw new IllegalStateException("The endpoint is already active");
    }
    active = true;
    updatedAt = at;
  }

  /** Whether the endpoint wants this kind of change. */
  public boolean wants(Change change) {
    return active && events().contains(change);
  }

  private static String encode(Set<Change> events) {
    if (events == null || events.isEmpty()) {
      throw new IllegalArgumentException("An endpoint wants at least one event");
    }
    return EnumSet.copyOf(events).stream().map(Enum::name).collect(Collectors.joining(","));
  }

  public WebhookEndpointId id() {
    return id;
  }

  public OrganizationId organizationId() {
    return organizationId;
  }

  public String url() {
    return url;
  }

  public Set<Change> events() {
    return Arrays.stream(events.split(","))
        .map(Change::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Change.class)));
  }

  String secret() {
    return secret;
  }

  public boolean active() {
    return active;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Long version() {
    return version;
  }
}
