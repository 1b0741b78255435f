package org.bridgeway.identity.user;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bridgeway.identity.GeneratedStaff;
import org.bridgeway.identity.UserId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link GeneratedStaff} over the stored users: invited accounts, saved together. */
@Service
class UserGeneratedStaff implements GeneratedStaff {

  private final Users users;

  UserGeneratedStaff(Users users) {
    this.users = users;
  }

  @Override
  @Transactional
  public int ensure(List<Account> accounts, Instant at) {
    Set<UserId> existing = new HashSet<>();
    users
        .findAllById(accounts.stream().map(Account::id).toList())
        .forEach(u -> existing.add(u.id()));
    List<User> invited =
        accounts.stream()
            .filter(account -> !existing.contains(account.id()))
            .map(
                account ->
                    User.invite(
                        account.id(),
                        account.organization(),
                        account.email(),
                        account.displayName(),
                        Set.of(account.role()),
                        at))
            .toList();
    users.saveAll(invited);
    return invited.size();
  }
}
