package org.bridgeway.identity.user;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A staff user of one organization. Holds the rules of its own account: lockout after repeated
 * failures, second-factor enrolment and replay protection, dormancy, roles.
 */
@Table("identity_user")
public class User {

  /** Failed sign-ins within {@link #LOCKOUT_WINDOW} that lock the account. */
  public static final int LOCKOUT_THRESHOLD = 5;

  public static final Duration LOCKOUT_WINDOW = Duration.ofMinutes(15);

  /** Accounts not used for this long are disabled. */
  public static final Duration DORMANCY_LIMIT = Duration.ofDays(90);

  @Id private final UserId id;
  private final OrganizationId organizationId;
  private String email;
  private String displayName;
  private String passwordHash;
  private UserStatus status;
  private String totpSecret;
  private boolean totpConfirmed;
  private Long lastTotpStep;
  private Instant lockedAt;
  private String disabledReason;
  private final Instant createdAt;
  private Instant lastSignInAt;
  private Instant passwordChangedAt;

  @MappedCollection(idColumn = "identity_user")
  private Set<RoleGrant> roles;

  /** A list, not a set: two failures in the same instant are two failures. */
  @MappedCollection(idColumn = "identity_user", keyColumn = "position")
  private List<SignInFailure> failures;

  @MappedCollection(idColumn = "identity_user")
  private Set<RecoveryCode> recoveryCodes;

  @Version private Long version;

  @PersistenceCreator
  User(
      UserId id,
      OrganizationId organizationId,
      String email,
      String displayName,
      String passwordHash,
      UserStatus status,
      String totpSecret,
      boolean totpConfirmed,
      Long lastTotpStep,
      Instant lockedAt,
      String disabledReason,
      Instant createdAt,
      Instant lastSignInAt,
      Instant passwordChangedAt,
      Set<RoleGrant> roles,
      List<SignInFailure> failures,
      Set<RecoveryCode> recoveryCodes,
      Long version) {
    this.id = id;
    this.organizationId = organizationId;
    this.email = email;
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.status = status;
    this.totpSecret = totpSecret;
    this.totpConfirmed = totpConfirmed;
    this.lastTotpStep = lastTotpStep;
    this.lockedAt = lockedAt;
    this.disabledReason = disabledReason;
    this.createdAt = createdAt;
    this.lastSignInAt = lastSignInAt;
    this.passwordChangedAt = passwordChangedAt;
    this.roles = new HashSet<>(roles == null ? Set.of() : roles);
    this.failures = new ArrayList<>(failures == null ? List.of() : failures);
    this.recoveryCodes = new HashSet<>(recoveryCodes == null ? Set.of() : recoveryCodes);
    this.version = version;
  }

  /** A new account that waits for its owner to accept the invitation and set a password. */
  public static User invite(
      UserId id,
      OrganizationId organization,
      String email,
      String displayName,
      Set<Role> roles,
      Instant at) {
    requireRoles(roles);
    return new User(
        id,
        Objects.requireNonNull(organization),
        normalizeEmail(email),
        requireText(displayName, "display name"),
        null,
        UserStatus.INVITED,
        null,
        false,
        null,
        null,
        null,
        at,
        null,
        null,
        grants(roles),
        List.of(),
        Set.of(),
        null);
  }

  public static String normalizeEmail(String email) {
    return requireText(email, "email").toLowerCase(java.util.Locale.ROOT);
  }

  /** Sets the first password of an invited account and makes it active. */
  public void acceptInvitation(String newPasswordHash, Instant at) {
    if (status != UserStatus.INVITED) {
      throw new IllegalStateException("Only an invited account can accept an invitation");
    }
    this.passwordHash = Objects.requireNonNull(newPasswordHash);
    this.passwordChangedAt = at;
    this.status = UserStatus.ACTIVE;
  }

  /** Whether the account may attempt to sign in at all. */
  public boolean canSignIn() {
    return status == UserStatus.ACTIVE && lockedAt == null && passwordHash != null;
  }

  /**
   * Counts a failed sign-in (wrong password or wrong second factor). Failures older than the
   * lockout window no longer count.
   *
   * @return true if this failure locked the account
   */
  public boolean recordFailedSignIn(Instant at) {
    Instant windowStart = at.minus(LOCKOUT_WINDOW);
    failures.removeIf(failure -> !failure.failedAt().isAfter(windowStart));
    failures.add(new SignInFailure(at));
    if (lockedAt == null && failures.size() >= LOCKOUT_THRESHOLD) {
      lockedAt = at;
      return true;
    }
    return false;
  }

  public void recordSignIn(Instant at) {
    failures.clear();
    lastSignInAt = at;
  }

  public boolean isLocked() {
    return lockedAt != null;
  }

  /** Only an administrator unlocks an account; the failure count starts again. */
  public void unlock() {
    lockedAt = null;
    failures.clear();
  }

  /** Starts second-factor enrolment with a new secret; the old one stops working. */
  public void beginSecondFactorEnrolment(String base32Secret) {
    this.totpSecret = Objects.requireNonNull(base32Secret);
    this.totpConfirmed = false;
    this.lastTotpStep = null;
    this.recoveryCodes.clear();
  }

  /** Completes enrolment once the user proved they hold the secret. */
  public void confirmSecondFactor(long acceptedStep, Set<String> recoveryCodeHashes) {
    if (totpSecret == null) {
      throw new IllegalStateException("No second factor enrolment is in progress");
    }
    this.totpConfirmed = true;
    this.lastTotpStep = acceptedStep;
    this.recoveryCodes =
        recoveryCodeHashes.stream()
            .map(RecoveryCode::new)
            .collect(Collectors.toCollection(HashSet::new));
  }

  /**
   * Accepts a verified time step once: a code seen before (or an older one) is refused, so an
   * observed code cannot be replayed.
   */
  public boolean acceptTotpStep(long step) {
    if (lastTotpStep != null && step <= lastTotpStep) {
      return false;
    }
    lastTotpStep = step;
    return true;
  }

  /** Uses up a recovery code; each works once. */
  public boolean redeemRecoveryCode(String codeHash) {
    return recoveryCodes.remove(new RecoveryCode(codeHash));
  }

  /** An administrator's reset: the user enrols again at the next sign-in. */
  public void resetSecondFactor() {
    totpSecret = null;
    totpConfirmed = false;
    lastTotpStep = null;
    recoveryCodes.clear();
  }

  public void changeRoles(Set<Role> newRoles) {
    requireRoles(newRoles);
    roles = grants(newRoles);
  }

  public void rename(String newDisplayName) {
    displayName = requireText(newDisplayName, "display name");
  }

  public void disable(DisableReason reason) {
    status = UserStatus.DISABLED;
    disabledReason = reason.name();
  }

  /** Re-enables a disabled account; it counts as used from now, so dormancy starts again. */
  public void enable(Instant at) {
    if (status != UserStatus.DISABLED) {
      return;
    }
    status = passwordHash == null ? UserStatus.INVITED : UserStatus.ACTIVE;
    disabledReason = null;
    lastSignInAt = at;
  }

  /** Not signed in (or, if never signed in, not created) within the dormancy limit. */
  public boolean isDormant(Instant now) {
    Instant lastUse = lastSignInAt != null ? lastSignInAt : createdAt;
    return status != UserStatus.DISABLED && lastUse.isBefore(now.minus(DORMANCY_LIMIT));
  }

  public void changePassword(String newPasswordHash, Instant at) {
    this.passwordHash = Objects.requireNonNull(newPasswordHash);
    this.passwordChangedAt = at;
  }

  private static void requireRoles(Set<Role> roles) {
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException("A user needs at least one role");
    }
  }

  private static Set<RoleGrant> grants(Set<Role> roles) {
    return roles.stream().map(RoleGrant::new).collect(Collectors.toCollection(HashSet::new));
  }

  private static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A user needs a " + what);
    }
    return value.strip();
  }

  public UserId id() {
    return id;
  }

  public OrganizationId organizationId() {
    return organizationId;
  }

  public String email() {
    return email;
  }

  public String displayName() {
    return displayName;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public UserStatus status() {
    return status;
  }

  public String totpSecret() {
    return totpSecret;
  }

  public boolean hasConfirmedSecondFactor() {
    return totpConfirmed;
  }

  public Instant lockedAt() {
    return lockedAt;
  }

  public String disabledReason() {
    return disabledReason;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastSignInAt() {
    return lastSignInAt;
  }

  public int remainingRecoveryCodes() {
    return recoveryCodes.size();
  }

  public Set<Role> roles() {
    Set<Role> result = EnumSet.noneOf(Role.class);
    roles.forEach(grant -> result.add(grant.role()));
    return result;
  }

  public Long version() {
    return version;
  }
}
