package org.bridgeway.notifications.web;

/** The authorization rules of the notifications pages and API (ADR 0005, ADR 0018). */
final class NotificationRoles {

  /**
   * A signed-in user: notifications and preferences are personal, so an API token, which acts for
   * an organization and no user, has none and is refused.
   */
  static final String USER = "isAuthenticated() and principal.user() != null";

  /** An organization's administrator keeps its webhook endpoints. */
  static final String WEBHOOK_ADMIN = "hasRole('ORGANIZATION_ADMIN')";

  /** Administrators see the mail outbox: their organization's, or all for the network's. */
  static final String MAIL_ADMIN = "hasAnyRole('ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  private NotificationRoles() {}
}
