package org.bridgeway.notifications.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.bridgeway.notifications.inbox.NotificationProperties;
import org.springframework.stereotype.Component;

/**
 * Keeps webhooks from being turned against the network Bridgeway runs in (server-side request
 * forgery): only {@code https} URLs, or {@code http} to localhost where the configuration allows it
 * (development and tests); never an address that is private, link-local, loopback (unless so
 * allowed), unspecified or multicast. Checked when an endpoint is registered and again, after name
 * resolution, before every delivery.
 */
@Component
class WebhookAddresses {

  static final int MAX_LENGTH = 500;
  private static final Set<String> LOCAL_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final boolean allowHttpLocalhost;

  WebhookAddresses(NotificationProperties properties) {
    this.allowHttpLocalhost = properties.allowHttpLocalhost();
  }

  /** Why the URL may not receive webhooks (a message key), or empty if it may. */
  Optional<String> refusal(String url) {
    if (url == null || url.isBlank()) {
      return Optional.of("notifications.webhook.url.required");
    }
    if (url.length() > MAX_LENGTH) {
      return Optional.of("notifications.webhook.url.tooLong");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return Optional.of("notifications.webhook.url.malformed");
    }
    if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
      return Optional.of("notifications.webhook.url.malformed");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    boolean local = LOCAL_NAMES.contains(host);
    if (local) {
      return allowHttpLocalhost
          ? Optional.empty()
          : Optional.of("notifications.webhook.url.blockedAddress");
    }
    if (!"https".equals(scheme)) {
      return Optional.of("notifications.webhook.url.httpsOnly");
    }
    if (isIpLiteral(host)) {
      try {
        if (blocked(InetAddress.getByName(stripBrackets(host)))) {
          return Optional.of("notifications.webhook.url.blockedAddress");
        }
      } catch (UnknownHostException e) {
        return Optional.of("notifications.webhook.url.malformed");
      }
    }
    return Optional.empty();
  }

  /**
   * Resolves the URL's host and checks every address it has, just before a delivery.
   *
   * @throws BlockedAddressException if the URL or any of its addresses may not be called
   */
  URI checkedForDelivery(String url) {
    Optional<String> refusal = refusal(url);
    if (refusal.isPresent()) {
      throw new BlockedAddressException(refusal.get());
    }
    URI uri = URI.create(url.strip());
    try {
      for (InetAddress address : InetAddress.getAllByName(stripBrackets(uri.getHost()))) {
        if (blocked(address) && !(allowHttpLocalhost && address.isLoopbackAddress())) {
          throw new BlockedAddressException("notifications.webhook.url.blockedAddress");
        }
      }
    } catch (UnknownHostException e) {
      throw new BlockedAddressException("notifications.webhook.url.unknownHost");
    }
    return uri;
  }

  static boolean blocked(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isSiteLocalAddress()
        || address.isLinkLocalAddress()
        || address.isAnyLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet6Address) {
      // Unique local addresses fc00::/7 are IPv6's private range.
      return (bytes[0] & 0xfe) == 0xfc;
    }
    // Carrier-grade NAT 100.64.0.0/10 and the 0.0.0.0/8 block.
    return (bytes[0] == 100 && (bytes[1] & 0xc0) == 64) || bytes[0] == 0;
  }

  private static boolean isIpLiteral(String host) {
    return host.startsWith("[") || host.matches("[0-9.]+");
  }

  private static String stripBrackets(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** A delivery refused before any connection was made. */
  static class BlockedAddressException extends RuntimeException {
    BlockedAddressException(String code) {
      super(code);
    }
  }
}
