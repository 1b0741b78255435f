package org.bridgeway.notifications.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void theDelayDoublesWithEachFailureUpToTheCap() {
    Backoff longest = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(10), () -> 1.0);
    assertThat(longest.after(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(longest.after(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(longest.after(3)).isEqualTo(Duration.ofSeconds(120));
    assertThat(longest.after(6)).isEqualTo(Duration.ofMinutes(10));
    assertThat(longest.after(200)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void jitterTakesAwayAtMostHalfTheDelay() {
    Backoff shortest = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(10), () -> 0.0);
    Backoff middle = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(10), () -> 0.5);
    assertThat(shortest.after(2)).isEqualTo(Duration.ofSeconds(30));
    assertThat(middle.after(2)).isEqualTo(Duration.ofSeconds(45));
    assertThat(shortest.after(50)).isEqualTo(Duration.ofMinutes(5));
  }
}
