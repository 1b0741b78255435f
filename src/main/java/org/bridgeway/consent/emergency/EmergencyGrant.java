package org.bridgeway.consent.emergency;

import java.time.Instant;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;

/**
 * Medical-emergency access (§2.51) of one user or API client of a recipient organization to a
 * person's protected data, for a limited time, with a reason, reviewed afterwards by that
 * organization's administrators (its privacy officer).
 *
 * @param grantedTo actor reference of who invoked it; only they are covered
 */
public record EmergencyGrant(
    EmergencyGrantId id,
    PersonId person,
    OrganizationId organization,
    String grantedTo,
    String reason,
    Instant grantedAt,
    Instant expiresAt,
    Instant reviewedAt,
    String reviewedBy,
    String reviewNote,
    long version) {

  public boolean inForceAt(Instant moment) {
    return !grantedAt.isAfter(moment) && moment.isBefore(expiresAt);
  }

  public boolean reviewed() {
    return reviewedAt != null;
  }
}
