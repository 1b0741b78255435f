package org.bridgeway.audit.internal;

import java.io.PrintStream;
import org.bridgeway.audit.AuditLog;
import org.bridgeway.audit.ChainVerification;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --bridgeway.audit.verify=true}: verifies the audit chain, prints the result and exits with
 * status 0 when the chain is intact and 1 when it is broken, so that a scheduled job or an
 * auditor's script can act on it. See {@code docs/audit.md}.
 */
@Component
@ConditionalOnBooleanProperty("bridgeway.audit.verify")
class AuditVerificationCommand implements ApplicationRunner {

  static final int INTACT = 0;
  static final int BROKEN = 1;

  private final AuditLog auditLog;
  private final ConfigurableApplicationContext context;

  AuditVerificationCommand(AuditLog auditLog, ConfigurableApplicationContext context) {
    this.auditLog = auditLog;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments arguments) {
    int status = verifyAndReport(System.out);
    System.exit(SpringApplication.exit(context, () -> status));
  }

  /** Verifies, prints one line per finding, and returns the exit status. */
  int verifyAndReport(PrintStream out) {
    ChainVerification result = auditLog.verifyChain();
    if (result.intact()) {
      out.printf(
          "Audit chain intact: %d entries verified. Head hash: %s%n",
          result.entriesChecked(), result.headHash());
      return INTACT;
    }
    String meaning =
        switch (result.breakKind()) {
          case HASH_MISMATCH -> "its stored hash does not match its fields (the entry was altered)";
          case PREVIOUS_HASH_MISMATCH ->
              "its previous_hash does not match the entry before it"
                  + " (an entry before it was removed, inserted, or altered and re-hashed)";
        };
    out.printf(
        "Audit chain BROKEN at seq %d: %s. %d entries verified before it; last good hash: %s%n",
        result.brokenAtSeq(), meaning, result.entriesChecked(), result.headHash());
    return BROKEN;
  }
}
