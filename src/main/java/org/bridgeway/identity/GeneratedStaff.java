package org.bridgeway.identity;

import java.time.Instant;
import java.util.List;

/**
 * Staff accounts for generated data: the data generator and the benchmarks build an agency's
 * officers and supervisors at a scale profile through this. The accounts are invited (they cannot
 * sign in until someone accepts the invitation and enrols a second factor) and count as active, so
 * that cases may be assigned to them. Never used on a request path.
 */
public interface GeneratedStaff {

  /** One account to have: its id decides whether it exists already. */
  record Account(
      UserId id, OrganizationId organization, String email, String displayName, Role role) {}

  /**
   * Invites the accounts that do not exist yet (by id); existing ones are left as they are.
   *
   * @return how many were created
   */
  int ensure(List<Account> accounts, Instant at);
}
