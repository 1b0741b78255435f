package org.bridgeway.identity.user;

import java.util.List;
import java.util.Optional;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;
import org.springframework.data.repository.ListCrudRepository;

/** All staff users. Emails are stored in lower case, so look-ups use the normalized form. */
public interface Users extends ListCrudRepository<User, UserId> {

  Optional<User> findByEmail(String normalizedEmail);

  List<User> findByOrganizationIdOrderByDisplayName(OrganizationId organization);

  List<User> findAllByOrderByDisplayName();

  List<User> findByStatusNot(UserStatus status);
}
