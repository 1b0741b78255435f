package org.bridgeway.identity.signin;

import java.util.Optional;
import org.bridgeway.identity.UserId;

/**
 * Shows the current second-factor code of a demo user, so that trying the demo needs no phone.
 * Implemented only in the demo profile; in every other profile there is no such bean.
 */
public interface DemoSecondFactorHints {

  Optional<String> currentCodeFor(UserId user);
}
