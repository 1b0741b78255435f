package org.bridgeway.notifications.webhook;

import java.io.Serializable;
import java.util.UUID;
import org.bridgeway.shared.Identifier;

/** Identifies a partner system's webhook endpoint. */
public record WebhookEndpointId(UUID value) implements Identifier, Serializable {

  public static WebhookEndpointId random() {
    return new WebhookEndpointId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
