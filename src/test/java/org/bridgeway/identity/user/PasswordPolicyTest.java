package org.bridgeway.identity.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.bridgeway.identity.user.PasswordPolicy.Violation;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  private final PasswordPolicy policy = new PasswordPolicy();

  @Test
  void acceptsALongUncommonPassphrase() {
    assertThat(policy.check("copper kettle under juniper", "maria@example.org", "Maria Lopez"))
        .isEmpty();
  }

  @Test
  void refusesPasswordsShorterThanTwelveCharacters() {
    assertThat(policy.check("Xq7!pL2#vR9", "a@example.org", "A")).contains(Violation.TOO_SHORT);
    assertThat(policy.check(null, "a@example.org", "A")).contains(Violation.TOO_SHORT);
  }

  @Test
  void refusesPasswordsBcryptWouldTruncate() {
    assertThat(policy.check("x".repeat(65), "a@example.org", "A")).contains(Violation.TOO_LONG);
    // 40 characters but 80 bytes in UTF-8
    assertThat(policy.check("é".repeat(40), "a@example.org", "A")).contains(Violation.TOO_LONG);
  }

  @Test
  void refusesCommonPasswordsAndCommonWordsDressedUp() {
    assertThat(policy.check("password1234", "a@example.org", "A")).contains(Violation.COMMON);
    assertThat(policy.check("P@ssw0rd2026!", "a@example.org", "A")).contains(Violation.COMMON);
    assertThat(policy.check("Qwertyuiop123", "a@example.org", "A")).contains(Violation.COMMON);
    assertThat(policy.check("123456789012", "a@example.org", "A")).contains(Violation.COMMON);
    assertThat(policy.check("!!Welcome2026!!", "a@example.org", "A")).contains(Violation.COMMON);
  }

  @Test
  void refusesPasswordsBuiltOnTheUsersOwnNameOrEmailOrTheSystem() {
    assertThat(policy.check("mlopez-secure-2026", "mlopez@example.org", "Maria Lopez"))
        .contains(Violation.PERSONAL);
    assertThat(policy.check("Maria-is-great-99", "x@example.org", "Maria Lopez"))
        .contains(Violation.PERSONAL);
    assertThat(policy.check("my bridgeway key 7", "x@example.org", "Kim Ng"))
        .contains(Violation.PERSONAL);
  }

  @Test
  void refusesRepetitivePasswords() {
    assertThat(policy.check("abababababab", "x@example.org", "Kim Ng"))
        .contains(Violation.REPETITIVE);
    assertThat(policy.check("zzzzzzzzzzzzzz", "x@example.org", "Kim Ng"))
        .contains(Violation.REPETITIVE);
  }

  @Test
  void theCoreOfAPasswordUndoesLookAlikesAndPadding() {
    assertThat(PasswordPolicy.core("p@ssw0rd2026!")).isEqualTo("password");
    assertThat(PasswordPolicy.core("2026$ummer!!")).isEqualTo("summer");
  }
}
