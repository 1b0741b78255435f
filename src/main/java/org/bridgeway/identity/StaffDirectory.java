package org.bridgeway.identity;

import java.util.List;
import java.util.Optional;

/**
 * Looks up staff users for other modules, for example to check that an officer a case is assigned
 * to works for the supervising agency. Answers facts about accounts, never credentials.
 */
public interface StaffDirectory {

  Optional<StaffMember> find(UserId id);

  /** The user with this email address, compared without regard to case. */
  Optional<StaffMember> findByEmail(String email);

  /**
   * The address to write to an active user at (notifications); empty for a disabled or unknown
   * account.
   */
  Optional<String> emailOf(UserId id);

  /** The active staff of an organization, by display name (for choosing a colleague). */
  List<StaffMember> staffOf(OrganizationId organization);
}
