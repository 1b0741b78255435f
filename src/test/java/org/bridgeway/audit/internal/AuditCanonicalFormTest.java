package org.bridgeway.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.bridgeway.audit.AuditOutcome;
import org.junit.jupiter.api.Test;

class AuditCanonicalFormTest {

  private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000001");
  private static final UUID USER = UUID.fromString("00000000-0000-4000-8000-000000000002");
  private static final UUID ORGANIZATION = UUID.fromString("00000000-0000-4000-8000-000000000003");
  private static final Instant AT = Instant.parse("2025-03-31T10:15:30.123456Z");

  @Test
  void canonicalFormListsEveryFieldInFixedOrderWithNullsExplicit() {
    CanonicalEntry entry =
        entry("identity.sign-in", AT, "203.0.113.7", Map.of("reason", "ok", "attempt", "2"));

    assertThat(entry.canonicalForm())
        .isEqualTo(
            """
            bridgeway-audit-v1
            id=36:00000000-0000-4000-8000-000000000001
            occurred_at=16:1743416130123456
            actor_ref=41:user:00000000-0000-4000-8000-000000000002
            actor_user_id=36:00000000-0000-4000-8000-000000000002
            organization_id=36:00000000-0000-4000-8000-000000000003
            action=16:identity.sign-in
            outcome=7:SUCCESS
            record_type=-
            record_id=-
            person_id=-
            purpose=-
            source_address=11:203.0.113.7
            session_ref=-
            details=1:2
            detail_key=7:attempt
            detail_value=1:2
            detail_key=6:reason
            detail_value=2:ok
            """);
  }

  @Test
  void theSameFieldsAlwaysGiveTheSameHash() {
    CanonicalEntry first = entry("a.b", AT, null, Map.of("x", "1", "y", "2"));
    CanonicalEntry second = entry("a.b", AT, null, new TreeMap<>(Map.of("y", "2", "x", "1")));

    assertThat(first.chainHash(CanonicalEntry.GENESIS_HASH))
        .isEqualTo(second.chainHash(CanonicalEntry.GENESIS_HASH))
        .isEqualTo(first.chainHash(CanonicalEntry.GENESIS_HASH))
        .matches("[0-9a-f]{64}");
  }

  @Test
  void theHashIsSha256OfThePreviousHashFollowedByTheCanonicalForm() {
    CanonicalEntry entry = entry("a.b", AT, null, Map.of());
    String previous = "ab".repeat(32);

    assertThat(entry.chainHash(previous))
        .isEqualTo(CanonicalEntry.sha256Hex(previous + entry.canonicalForm()));
  }

  @Test
  void theHashDependsOnThePreviousHash() {
    CanonicalEntry entry = entry("a.b", AT, null, Map.of());

    assertThat(entry.chainHash(CanonicalEntry.GENESIS_HASH))
        .isNotEqualTo(entry.chainHash("ab".repeat(32)));
  }

  @Test
  void changingAnyFieldChangesTheHash() {
    String original = entry("a.b", AT, "10.0.0.1", Map.of("k", "v")).chainHash(genesis());

    assertThat(entry("a.c", AT, "10.0.0.1", Map.of("k", "v")).chainHash(genesis()))
        .isNotEqualTo(original);
    assertThat(entry("a.b", AT.plusNanos(1_000), "10.0.0.1", Map.of("k", "v")).chainHash(genesis()))
        .isNotEqualTo(original);
    assertThat(entry("a.b", AT, "10.0.0.2", Map.of("k", "v")).chainHash(genesis()))
        .isNotEqualTo(original);
    assertThat(entry("a.b", AT, "10.0.0.1", Map.of("k", "w")).chainHash(genesis()))
        .isNotEqualTo(original);
    assertThat(entry("a.b", AT, "10.0.0.1", Map.of()).chainHash(genesis())).isNotEqualTo(original);
  }

  @Test
  void aNullValueAndAnEmptyValueHashDifferently() {
    assertThat(entry("a.b", AT, null, Map.of()).chainHash(genesis()))
        .isNotEqualTo(entry("a.b", AT, "", Map.of()).chainHash(genesis()));
  }

  @Test
  void valuesThatLookLikeTheFormatCannotForgeAnotherEntry() {
    // Without length prefixes these two would serialize to the same text.
    CanonicalEntry oneDetail = entry("a.b", AT, null, Map.of("k", "v\ndetail_key=1:z"));
    CanonicalEntry sneaky = entry("a.b", AT, null, Map.of("k", "v", "z", ""));

    assertThat(oneDetail.canonicalForm()).isNotEqualTo(sneaky.canonicalForm());
  }

  @Test
  void timeIsKeptToTheMicrosecondAsPostgresqlStoresIt() {
    CanonicalEntry written = entry("a.b", AT.plusNanos(789), null, Map.of());
    CanonicalEntry reRead = entry("a.b", AT, null, Map.of());

    assertThat(written.occurredAt()).isEqualTo(AT);
    assertThat(written.chainHash(genesis())).isEqualTo(reRead.chainHash(genesis()));
  }

  @Test
  void timesBeforeTheEpochCountDownwardInMicroseconds() {
    assertThat(CanonicalEntry.epochMicros(Instant.parse("1969-12-31T23:59:59.999999Z")))
        .isEqualTo(-1L);
  }

  @Test
  void charactersPostgresqlCannotStoreAreReplacedBeforeHashing() {
    CanonicalEntry entry =
        entry("a\u0000b", AT, "x\uD800y", Map.of("emoji\uD83D\uDE00", "lone\uDC00"));

    assertThat(entry.action()).isEqualTo("a\uFFFDb");
    assertThat(entry.sourceAddress()).isEqualTo("x\uFFFDy");
    assertThat(entry.details()).containsExactly(Map.entry("emoji\uD83D\uDE00", "lone\uFFFD"));
  }

  private static String genesis() {
    return CanonicalEntry.GENESIS_HASH;
  }

  private static CanonicalEntry entry(
      String action, Instant at, String sourceAddress, Map<String, String> details) {
    return new CanonicalEntry(
        ID,
        at,
        "user:" + USER,
        USER,
        ORGANIZATION,
        action,
        AuditOutcome.SUCCESS,
        null,
        null,
        null,
        null,
        sourceAddress,
        null,
        new TreeMap<>(details));
  }
}
