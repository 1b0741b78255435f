package org.bridgeway.care.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.testing.Principals;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** What an upload is refused for at once, before anything is stored. */
class CareUploadsTest {

  static final String HEADER = "external_id,episode_id,starts_at,kind,mode,attendance\n";
  static final String ROW =
      "E-1,0b7f4c2e-2a57-4f7e-9d8e-1c2b3a4d5e6f,2026-01-05T10:00:00Z,GROUP,VIDEO,LATE\n";

  final List<AuditEvent> audited = new ArrayList<>();
  final CareUploads uploads =
      new CareUploads(
          null,
          null,
          audited::add,
          new CareUploadProperties(DataSize.ofBytes(1_000), 3, 100, 3, Duration.ofDays(14)),
          Clock.systemUTC(),
          null);
  final BridgewayPrincipal staff =
      Principals.apiClient(
          OrganizationId.random(), OrganizationKind.TREATMENT_PROVIDER, Role.PROVIDER_STAFF);

  private UploadRejected refused(String text) {
    return refused(text.getBytes(StandardCharsets.UTF_8));
  }

  private UploadRejected refused(byte[] bytes) {
    return catchThrowableOfType(UploadRejected.class, () -> uploads.submit(staff, "a.csv", bytes));
  }

  private static List<String> codes(UploadRejected rejected) {
    return rejected.report().errors().stream().map(UploadError::code).toList();
  }

  @Test
  void aFileOverTheSizeLimitIsTooLargeAndAudited() {
    UploadRejected rejected = refused(HEADER + ROW.repeat(20));
    assertThat(rejected.tooLarge()).isTrue();
    assertThat(codes(rejected)).containsExactly("TooLarge");
    assertThat(audited).hasSize(1);
  }

  @Test
  void aFileWithMoreRowsThanTheLimitIsTooLarge() {
    UploadRejected rejected = refused(HEADER + ROW.repeat(4));
    assertThat(rejected.tooLarge()).isTrue();
    assertThat(codes(rejected)).containsExactly("TooManyRows");
    assertThat(rejected.report().rows()).isEqualTo(4);
  }

  @Test
  void aFileThatIsNotAnAttendanceFileIsABadRequestNamingEachProblem() {
    assertThat(codes(refused(new byte[] {'a', (byte) 0xff, '\n'}))).containsExactly("NotText");
    assertThat(codes(refused(""))).containsExactly("Empty");
    assertThat(codes(refused(HEADER))).containsExactly("Empty");
    UploadRejected header = refused("external_id,external_id,colour\n" + "a,b,c\n");
    assertThat(header.tooLarge()).isFalse();
    assertThat(header.report().errors())
        .extracting(e -> e.column() + " " + e.code())
        .contains(
            "external_id Duplicate",
            "null UnknownColumn",
            "starts_at MissingColumn",
            "kind MissingColumn",
            "mode MissingColumn",
            "attendance MissingColumn",
            "episode_id MissingColumn");
  }

  @Test
  void aFileNameKeepsNoPathAndNoControlCharacters() {
    assertThat(CareUploads.baseName("C:\\exports\\week\u0007.csv")).isEqualTo("week.csv");
    assertThat(CareUploads.baseName("  ")).isEqualTo("upload.csv");
  }
}
