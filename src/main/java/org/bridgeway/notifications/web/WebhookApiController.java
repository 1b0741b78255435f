package org.bridgeway.notifications.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.notifications.webhook.Delivery;
import org.bridgeway.notifications.webhook.WebhookEndpoint;
import org.bridgeway.notifications.webhook.WebhookEndpointId;
import org.bridgeway.notifications.webhook.Webhooks;
import org.bridgeway.referrals.ReferralChanged.Change;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organization's webhook endpoints and their delivery logs, for its administrators (or its own
 * systems holding an administrator's token). The secret is in the answer to registration only.
 */
@RestController
class WebhookApiController {

  private static final String BASE = "/api/v1/notifications/webhooks";

  record EndpointView(
      UUID id, String url, Set<Change> events, boolean active, Instant createdAt, long version) {

    static EndpointView of(WebhookEndpoint endpoint) {
      return new EndpointView(
          endpoint.id().value(),
          endpoint.url(),
          endpoint.events(),
          endpoint.active(),
          endpoint.createdAt(),
          endpoint.version());
    }
  }

  record RegisteredView(EndpointView endpoint, String secret) {}

  record RegisterRequest(
      @NotBlank @Size(max = 500) String url, @NotEmpty Set<@NotNull Change> events) {}

  record UpdateRequest(
      @NotEmpty Set<@NotNull Change> events,
      @NotNull Boolean active,
      @NotNull @PositiveOrZero Long version) {}

  private final Webhooks webhooks;

  WebhookApiController(Webhooks webhooks) {
    this.webhooks = webhooks;
  }

  @GetMapping(BASE)
  @PreAuthorize(NotificationRoles.WEBHOOK_ADMIN)
  List<EndpointView> list(@AuthenticationPrincipal BridgewayPrincipal principal) {
    return webhooks.endpointsOf(principal).stream().map(EndpointView::of).toList();
  }

  @PostMapping(BASE)
  @PreAuthorize(NotificationRoles.WEBHOOK_ADMIN)
  @ResponseStatus(HttpStatus.CREATED)
  RegisteredView register(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @Valid @RequestBody RegisterRequest request) {
    Webhooks.Registered registered = webhooks.register(principal, request.url(), request.events());
    return new RegisteredView(EndpointView.of(registered.endpoint()), registered.secret());
  }

  @GetMapping(BASE + "/{id}")
  @PreAuthorize(NotificationRoles.WEBHOOK_ADMIN)
  EndpointView read(@AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return EndpointView.of(webhooks.read(principal, new WebhookEndpointId(id)));
  }

  @PutMapping(BASE + "/{id}")
  @PreAuthorize(NotificationRoles.WEBHOOK_ADMIN)
  EndpointView update(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody UpdateRequest request) {
    return EndpointView.of(
        webhooks.update(
            principal,
            new WebhookEndpointId(id),
            request.events(),
            request.active(),
            request.version()));
  }

  @GetMapping(BASE + "/{id}/deliveries")
  @PreAuthorize(NotificationRoles.WEBHOOK_ADMIN)
  List<Delivery> deliveries(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return webhooks.deliveries(principal, new WebhookEndpointId(id));
  }

  @PostMapping(BASE + "/{id}/deliveries/{delivery}/redeliver")
  @PreAuthorize(NotificationRoles.WEBHOOK_ADMIN)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void redeliver(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID delivery) {
    webhooks.redeliver(principal, new WebhookEndpointId(id), delivery);
  }
}
