package org.bridgeway.identity.signin;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.UserId;
import org.bridgeway.identity.organization.Organization;
import org.bridgeway.identity.organization.Organizations;
import org.bridgeway.identity.token.TokenHashing;
import org.bridgeway.identity.user.User;
import org.bridgeway.identity.user.Users;
import org.bridgeway.shared.security.Actor;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two steps of signing in: password, then second factor (or enrolment of one). Every failure
 * counts toward lockout and is audited; every answer to the caller is the same whether the account
 * is unknown, disabled, locked or the password wrong, so sign-in reveals nothing about accounts.
 */
@Service
public class SignInService {

  static final String ISSUER = "Bridgeway";
  private static final int RECOVERY_CODES = 10;

  private final Users users;
  private final Organizations organizations;
  private final PasswordEncoder passwords;
  private final AuditTrail audit;
  private final Clock clock;
  private final TransactionTemplate transactions;

  /** Compared against when the account is unknown, so both cases take as long. */
  private final String decoyHash;

  SignInService(
      Users users,
      Organizations organizations,
      PasswordEncoder passwords,
      AuditTrail audit,
      Clock clock,
      TransactionTemplate transactions) {
    this.users = users;
    this.organizations = organizations;
    this.passwords = passwords;
    this.audit = audit;
    this.clock = clock;
    this.transactions = transactions;
    this.decoyHash = passwords.encode("decoy-password-for-timing");
  }

  /** The result of the password step. */
  public sealed interface PasswordStep {
    record Accepted(UserId user, boolean needsEnrolment) implements PasswordStep {}

    record Refused() implements PasswordStep {}
  }

  /** The result of the second-factor step. */
  public sealed interface SecondFactorStep {
    record Verified(BridgewayPrincipal principal, List<String> newRecoveryCodes)
        implements SecondFactorStep {}

    record Refused(boolean locked) implements SecondFactorStep {}
  }

  /** What the enrolment page shows. */
  public record Enrolment(String secret, String qrCodeDataUri) {}

  public PasswordStep checkPassword(String email, String password) {
    return retryOnConflict(
        () -> transactions.execute(status -> checkPasswordOnce(email, password)));
  }

  private PasswordStep checkPasswordOnce(String email, String password) {
    Instant now = clock.instant();
    Optional<User> found =
        email == null || email.isBlank() || email.length() > 254
            ? Optional.empty()
            : users.findByEmail(User.normalizeEmail(email));
    if (found.isEmpty()) {
      passwords.matches(password == null ? "" : password, decoyHash);
      audit.record(
          AuditEvent.failure("identity.sign-in.password").withDetail("reason", "unknown-account"));
      return new PasswordStep.Refused();
    }
    User user = found.get();
    boolean passwordMatches =
        user.passwordHash() != null
            && password != null
            && passwords.matches(password, user.passwordHash());
    if (!passwordMatches || !user.canSignIn() || !organizationActive(user)) {
      String reason =
          !passwordMatches ? "wrong-password" : user.isLocked() ? "locked" : "not-active";
      refuse(
          user,
          !passwordMatches,
          now,
          AuditEvent.failure("identity.sign-in.password").withDetail("reason", reason));
      return new PasswordStep.Refused();
    }
    audit.record(
        AuditEvent.success("identity.sign-in.password")
            .withActor(actorOf(user))
            .withRecord("user", user.id().value()));
    return new PasswordStep.Accepted(user.id(), !user.hasConfirmedSecondFactor());
  }

  /** Checks a TOTP code or a recovery code for a user who passed the password step. */
  public SecondFactorStep verifySecondFactor(UserId userId, String code) {
    return retryOnConflict(() -> transactions.execute(status -> verifyOnce(userId, code)));
  }

  private SecondFactorStep verifyOnce(UserId userId, String code) {
    Instant now = clock.instant();
    User user = users.findById(userId).orElseThrow();
    if (!user.canSignIn() || !user.hasConfirmedSecondFactor() || !organizationActive(user)) {
      return new SecondFactorStep.Refused(user.isLocked());
    }
    String entered = code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    boolean accepted;
    String method;
    if (entered.matches("\\d{6}")) {
      method = "totp";
      OptionalLong step = Totp.matchingStep(user.totpSecret(), entered, now);
      accepted = step.isPresent() && user.acceptTotpStep(step.getAsLong());
    } else {
      method = "recovery-code";
      accepted = entered.length() == 10 && user.redeemRecoveryCode(TokenHashing.sha256(entered));
    }
    return completeOrFail(user, accepted, method, now, List.of());
  }

  /**
   * Starts (or resumes) enrolment of an authenticator app for a user who passed the password step.
   */
  public Enrolment beginEnrolment(UserId userId) {
    return retryOnConflict(
        () ->
            transactions.execute(
                status -> {
                  User user = users.findById(userId).orElseThrow();
                  if (user.hasConfirmedSecondFactor()) {
                    throw new IllegalStateException("The second factor is already enrolled");
                  }
                  if (user.totpSecret() == null) {
                    user.beginSecondFactorEnrolment(Totp.newSecret());
                    users.save(user);
                  }
                  return new Enrolment(
                      user.totpSecret(),
                      QrCodes.svgDataUri(
                          Totp.provisioningUri(ISSUER, user.email(), user.totpSecret())));
                }));
  }

  /** Confirms enrolment with the first code from the app; returns fresh recovery codes. */
  public SecondFactorStep confirmEnrolment(UserId userId, String code) {
    return retryOnConflict(
        () ->
            transactions.execute(
                status -> {
                  Instant now = clock.instant();
                  User user = users.findById(userId).orElseThrow();
                  if (!user.canSignIn()
                      || user.hasConfirmedSecondFactor()
                      || user.totpSecret() == null) {
                    return new SecondFactorStep.Refused(user.isLocked());
                  }
                  OptionalLong step =
                      Totp.matchingStep(user.totpSecret(), code == null ? "" : code.strip(), now);
                  if (step.isEmpty()) {
                    return completeOrFail(user, false, "enrolment", now, List.of());
                  }
                  List<String> codes = newRecoveryCodes();
                  user.confirmSecondFactor(
                      step.getAsLong(),
                      codes.stream()
                          .map(c -> TokenHashing.sha256(c.replace("-", "")))
                          .collect(Collectors.toSet()));
                  audit.record(
                      AuditEvent.success("identity.second-factor.enrol")
                          .withActor(actorOf(user))
                          .withRecord("user", user.id().value()));
                  return completeOrFail(user, true, "enrolment", now, codes);
                }));
  }

  private SecondFactorStep completeOrFail(
      User user, boolean accepted, String method, Instant now, List<String> recoveryCodes) {
    if (!accepted) {
      refuse(
          user,
          true,
          now,
          AuditEvent.failure("identity.sign-in.second-factor").withDetail("method", method));
      return new SecondFactorStep.Refused(user.isLocked());
    }
    user.recordSignIn(now);
    users.save(user);
    BridgewayPrincipal principal = principalOf(user);
    audit.record(
        AuditEvent.success("identity.sign-in")
            .withActor(principal)
            .withRecord("user", user.id().value())
            .withDetail("method", method));
    return new SecondFactorStep.Verified(principal, recoveryCodes);
  }

  /**
   * Audits a refused step and, when it counts as a failure, counts it toward lockout and audits the
   * lock it may cause. A refusal because the account is already locked or disabled does not count
   * again.
   */
  private void refuse(User user, boolean countsAsFailure, Instant now, AuditEvent failure) {
    boolean lockedNow = countsAsFailure && user.recordFailedSignIn(now);
    users.save(user);
    audit.record(failure.withActor(actorOf(user)).withRecord("user", user.id().value()));
    if (lockedNow) {
      audit.record(
          AuditEvent.success("identity.account.lock")
              .withActor(actorOf(user))
              .withRecord("user", user.id().value()));
    }
  }

  /** The principal a signed-in user acts as. */
  BridgewayPrincipal principalOf(User user) {
    Organization organization = organizations.findById(user.organizationId()).orElseThrow();
    return BridgewayPrincipal.user(
        user.id(),
        organization.id(),
        organization.kind(),
        organization.name(),
        user.displayName(),
        user.roles());
  }

  /**
   * Who acts in the audit entries of a sign-in: the account, which has no principal yet. The audit
   * trail needs only the ids, so nothing is loaded for it.
   */
  private static Actor actorOf(User user) {
    return new SigningInUser(user.id().value(), user.organizationId().value());
  }

  private record SigningInUser(UUID userId, UUID organizationId) implements Actor {
    @Override
    public UUID apiTokenId() {
      return null;
    }
  }

  private boolean organizationActive(User user) {
    return organizations.findById(user.organizationId()).map(Organization::active).orElse(false);
  }

  private static List<String> newRecoveryCodes() {
    Set<String> codes = new LinkedHashSet<>();
    while (codes.size() < RECOVERY_CODES) {
      String raw = Totp.newSecret().substring(0, 10).toLowerCase(Locale.ROOT);
      codes.add(raw.substring(0, 5) + "-" + raw.substring(5));
    }
    return List.copyOf(codes);
  }

  /** Two sign-in attempts on one account at once: the loser reads the new state and tries again. */
  private static <T> T retryOnConflict(Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (OptimisticLockingFailureException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }
}
