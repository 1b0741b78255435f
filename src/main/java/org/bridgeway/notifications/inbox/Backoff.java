package org.bridgeway.notifications.inbox;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to try again after a failed attempt: exponential, capped, with "equal jitter" (half the
 * delay fixed, half random) so that many failures at once do not retry in lockstep.
 */
public final class Backoff {

  private final Duration first;
  private final Duration cap;
  private final DoubleSupplier random;

  public Backoff(Duration first, Duration cap, DoubleSupplier random) {
    this.first = first;
    this.cap = cap;
    this.random = random;
  }

  /**
   * The delay after the given number of failed attempts (1 for the first failure): {@code first ×
   * 2^(attempts-1)}, at most the cap, of which a random half is taken away.
   */
  public Duration after(int attempts) {
    int doublings = Math.max(0, Math.min(attempts - 1, 30));
    long millis = first.toMillis() << doublings;
    if (millis <= 0 || millis > cap.toMillis()) {
      millis = cap.toMillis();
    }
    long half = millis / 2;
    return Duration.ofMillis(half + (long) (random.getAsDouble() * (millis - half)));
  }
}
