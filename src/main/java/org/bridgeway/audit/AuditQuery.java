package org.bridgeway.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * What an administrator searches the audit trail for. Every filter is optional (null); the ones
 * given must all match.
 *
 * @param personId entries about this person on supervision
 * @param userId entries by this staff user
 * @param organizationId entries by actors of this organization
 * @param actionPrefix entries whose action starts with this, such as {@code identity.}
 * @param from entries at or after this instant
 * @param until entries strictly before this instant
 * @param page the page, counting from 0
 */
public record AuditQuery(
    UUID personId,
    UUID userId,
    UUID organizationId,
    String actionPrefix,
    Instant from,
    Instant until,
    int page) {

  /** Entries per page. */
  public static final int PAGE_SIZE = 50;

  /** Longest accepted action prefix; action codes are short dotted words. */
  public static final int MAX_ACTION_PREFIX_LENGTH = 100;

  public AuditQuery {
    if (page < 0) {
      throw new IllegalArgumentException("page must not be negative");
    }
    if (from != null && until != null && from.isAfter(until)) {
      throw new IllegalArgumentException("from must not be after until");
    }
    actionPrefix = actionPrefix == null || actionPrefix.isBlank() ? null : actionPrefix.strip();
    if (actionPrefix != null && actionPrefix.length() > MAX_ACTION_PREFIX_LENGTH) {
      throw new IllegalArgumentException("actionPrefix is too long");
    }
  }

  /** The newest entries, unfiltered. */
  public static AuditQuery newest() {
    return new AuditQuery(null, null, null, null, null, null, 0);
  }

  public AuditQuery forPerson(UUID person) {
    return new AuditQuery(person, userId, organizationId, actionPrefix, from, until, page);
  }

  public AuditQuery byUser(UUID user) {
    return new AuditQuery(personId, user, organizationId, actionPrefix, from, until, page);
  }

  public AuditQuery inOrganization(UUID organization) {
    return new AuditQuery(personId, userId, organization, actionPrefix, from, until, page);
  }

  public AuditQuery withActionPrefix(String prefix) {
    return new AuditQuery(personId, userId, organizationId, prefix, from, until, page);
  }

  public AuditQuery between(Instant fromInclusive, Instant untilExclusive) {
    return new AuditQuery(
        personId, userId, organizationId, actionPrefix, fromInclusive, untilExclusive, page);
  }

  public AuditQuery onPage(int number) {
    return new AuditQuery(personId, userId, organizationId, actionPrefix, from, until, number);
  }
}
