package org.bridgeway.identity.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.junit.jupiter.api.Test;

class UserTest {

  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  private static User activeUser() {
    User user =
        User.invite(
            UserId.random(),
            OrganizationId.random(),
            "Maria@Example.org",
            "Maria",
            Set.of(Role.OFFICER),
            T0);
    user.acceptInvitation("hash", T0);
    return user;
  }

  @Test
  void emailIsStoredInLowerCase() {
    assertThat(activeUser().email()).isEqualTo("maria@example.org");
  }

  @Test
  void fiveFailuresWithinFifteenMinutesLockTheAccount() {
    User user = activeUser();
    for (int i = 0; i < 4; i++) {
      assertThat(user.recordFailedSignIn(T0.plus(Duration.ofMinutes(i * 3)))).isFalse();
    }
    assertThat(user.recordFailedSignIn(T0.plus(Duration.ofMinutes(14)))).isTrue();
    assertThat(user.isLocked()).isTrue();
    assertThat(user.canSignIn()).isFalse();
  }

  @Test
  void failuresOlderThanFifteenMinutesNoLongerCount() {
    User user = activeUser();
    for (int i = 0; i < 4; i++) {
      user.recordFailedSignIn(T0.plus(Duration.ofMinutes(i)));
    }
    assertThat(user.recordFailedSignIn(T0.plus(Duration.ofMinutes(16)))).isFalse();
    assertThat(user.isLocked()).isFalse();
  }

  @Test
  void aSuccessfulSignInClearsTheFailures() {
    User user = activeUser();
    for (int i = 0; i < 4; i++) {
      user.recordFailedSignIn(T0);
    }
    user.recordSignIn(T0.plusSeconds(1));
    assertThat(user.recordFailedSignIn(T0.plusSeconds(2))).isFalse();
  }

  @Test
  void onlyUnlockingReopensALockedAccount() {
    User user = activeUser();
    for (int i = 0; i < 5; i++) {
      user.recordFailedSignIn(T0);
    }
    user.recordSignIn(T0.plus(Duration.ofHours(2)));
    assertThat(user.isLocked()).isTrue();
    user.unlock();
    assertThat(user.canSignIn()).isTrue();
  }

  @Test
  void aTotpStepIsAcceptedOnlyOnce() {
    User user = activeUser();
    user.beginSecondFactorEnrolment("SECRET");
    user.confirmSecondFactor(100, Set.of());
    assertThat(user.acceptTotpStep(100)).isFalse();
    assertThat(user.acceptTotpStep(99)).isFalse();
    assertThat(user.acceptTotpStep(101)).isTrue();
    assertThat(user.acceptTotpStep(101)).isFalse();
  }

  @Test
  void aRecoveryCodeWorksOnce() {
    User user = activeUser();
    user.beginSecondFactorEnrolment("SECRET");
    user.confirmSecondFactor(1, Set.of("h1", "h2"));
    assertThat(user.redeemRecoveryCode("h1")).isTrue();
    assertThat(user.redeemRecoveryCode("h1")).isFalse();
    assertThat(user.remainingRecoveryCodes()).isEqualTo(1);
  }

  @Test
  void resettingTheSecondFactorRequiresEnrolmentAgain() {
    User user = activeUser();
    user.beginSecondFactorEnrolment("SECRET");
    user.confirmSecondFactor(1, Set.of("h1"));
    user.resetSecondFactor();
    assertThat(user.hasConfirmedSecondFactor()).isFalse();
    assertThat(user.totpSecret()).isNull();
    assertThat(user.remainingRecoveryCodes()).isZero();
  }

  @Test
  void anAccountUnusedForNinetyDaysIsDormant() {
    User user = activeUser();
    user.recordSignIn(T0);
    assertThat(user.isDormant(T0.plus(Duration.ofDays(89)))).isFalse();
    assertThat(user.isDormant(T0.plus(Duration.ofDays(91)))).isTrue();
    user.disable(DisableReason.DORMANT);
    assertThat(user.isDormant(T0.plus(Duration.ofDays(91)))).isFalse();
  }

  @Test
  void reenablingRestartsTheDormancyClock() {
    User user = activeUser();
    user.disable(DisableReason.DORMANT);
    user.enable(T0.plus(Duration.ofDays(100)));
    assertThat(user.status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(user.isDormant(T0.plus(Duration.ofDays(101)))).isFalse();
  }

  @Test
  void aUserNeedsARole() {
    assertThatThrownBy(
            () ->
                User.invite(UserId.random(), OrganizationId.random(), "a@b.org", "A", Set.of(), T0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
