package org.bridgeway.identity;

import java.util.Set;

/**
 * A staff user as other modules need to know them: which organization they work for, what roles
 * they hold, and whether their account is usable.
 *
 * @param active false for a disabled account (an invited user who has not signed in yet counts as
 *     active: work may be assigned to them)
 */
public record StaffMember(
    UserId id, OrganizationId organization, String displayName, Set<Role> roles, boolean active) {

  public StaffMember {
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
