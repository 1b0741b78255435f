package org.bridgeway.identity.user;

import java.util.List;
import java.util.Optional;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.identity.UserId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link StaffDirectory} over the stored users. */
@Service
class UserStaffDirectory implements StaffDirectory {

  private final Users users;

  UserStaffDirectory(Users users) {
    this.users = users;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<StaffMember> find(UserId id) {
    return users.findById(id).map(UserStaffDirectory::member);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<StaffMember> findByEmail(String email) {
    return users.findByEmail(User.normalizeEmail(email)).map(UserStaffDirectory::member);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<String> emailOf(UserId id) {
    return users.findById(id).filter(user -> user.status() != UserStatus.DISABLED).map(User::email);
  }

  @Override
  @Transactional(readOnly = true)
  public List<StaffMember> staffOf(OrganizationId organization) {
    return users.findByOrganizationIdOrderByDisplayName(organization).stream()
        .map(UserStaffDirectory::member)
        .filter(StaffMember::active)
        .toList();
  }

  private static StaffMember member(User user) {
    return new StaffMember(
        user.id(),
        user.organizationId(),
        user.displayName(),
        user.roles(),
        user.status() != UserStatus.DISABLED);
  }
}
