package org.bridgeway.identity;

/**
 * What a user may do. Roles grant capabilities; which records a user reaches is decided by the
 * organization and the relationship to the record, never by the role alone.
 */
public enum Role {
  OFFICER,
  SUPERVISOR,
  PROVIDER_STAFF,
  PARTNER_STAFF,
  ANALYST,
  COMMUNITY_COORDINATOR,
  /** Administers the users and tokens of their own organization only. */
  ORGANIZATION_ADMIN,
  /** Administers the network: all organizations, their users, and the audit trail. */
  NETWORK_ADMIN;

  /** The Spring Security authority, as used in {@code hasRole('OFFICER')}. */
  public String authority() {
    return "ROLE_" + name();
  }
}
