package org.bridgeway.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.bridgeway.audit.AuditLog;
import org.bridgeway.audit.AuditQuery;
import org.bridgeway.audit.AuditSearchResult;
import org.bridgeway.audit.ChainVerification;
import org.bridgeway.audit.ChainVerification.Break;
import org.junit.jupiter.api.Test;

class AuditVerificationCommandTest {

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @Test
  void anIntactChainExitsWithZeroAndPrintsTheCountAndHeadHash() {
    String head = "ab".repeat(32);
    var command =
        new AuditVerificationCommand(logAnswering(ChainVerification.intact(42, head)), null);

    int status = command.verifyAndReport(out);

    assertThat(status).isZero();
    assertThat(output()).contains("intact", "42 entries", head);
  }

  @Test
  void aHashMismatchExitsWithOneAndNamesTheSeq() {
    var command =
        new AuditVerificationCommand(
            logAnswering(ChainVerification.broken(56, 57, Break.HASH_MISMATCH, "cd".repeat(32))),
            null);

    int status = command.verifyAndReport(out);

    assertThat(status).isEqualTo(1);
    assertThat(output()).contains("BROKEN at seq 57", "was altered", "56 entries");
  }

  @Test
  void aBrokenLinkExitsWithOneAndSaysAnEarlierEntryChanged() {
    var command =
        new AuditVerificationCommand(
            logAnswering(
                ChainVerification.broken(9, 11, Break.PREVIOUS_HASH_MISMATCH, "cd".repeat(32))),
            null);

    int status = command.verifyAndReport(out);

    assertThat(status).isEqualTo(1);
    assertThat(output()).contains("BROKEN at seq 11", "previous_hash", "removed");
  }

  private String output() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  private static AuditLog logAnswering(ChainVerification verification) {
    return new AuditLog() {
      @Override
      public AuditSearchResult search(AuditQuery query) {
        throw new UnsupportedOperationException("the command only verifies");
      }

      @Override
      public ChainVerification verifyChain() {
        return verification;
      }
    };
  }
}
