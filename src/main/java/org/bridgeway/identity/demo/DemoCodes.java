package org.bridgeway.identity.demo;

import java.time.Clock;
import java.util.Optional;
import org.bridgeway.identity.UserId;
import org.bridgeway.identity.signin.DemoSecondFactorHints;
import org.bridgeway.identity.signin.Totp;
import org.bridgeway.identity.user.Users;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** In the demo profile only: the current code of demo users (never of anyone else). */
@Component
@Profile("demo")
class DemoCodes implements DemoSecondFactorHints {

  private final Users users;
  private final Clock clock;

  DemoCodes(Users users, Clock clock) {
    this.users = users;
    this.clock = clock;
  }

  @Override
  public Optional<String> currentCodeFor(UserId user) {
    return users
        .findById(user)
        .filter(u -> u.email().endsWith("@" + IdentityDemoData.EMAIL_DOMAIN))
        .filter(u -> u.hasConfirmedSecondFactor())
        .map(u -> Totp.codeAt(u.totpSecret(), clock.instant()));
  }
}
