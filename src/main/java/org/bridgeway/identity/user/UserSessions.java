package org.bridgeway.identity.user;

import org.bridgeway.identity.UserId;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every session of a user, on every node, when an administrator disables the account, changes
 * its roles or resets its second factor: the change must not wait for the user to sign out.
 */
@Component
public class UserSessions {

  private final FindByIndexNameSessionRepository<? extends Session> sessions;

  UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
    this.sessions = sessions;
  }

  public void endAll(UserId user) {
    sessions.findByPrincipalName("user:" + user.value()).keySet().forEach(sessions::deleteById);
  }
}
