package org.bridgeway.consent.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.identity.OrganizationId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates consent directives for the people of an agency at scale (for the benchmarks): about two
 * in three people have one to three directives, from one of the given programs to the agency or
 * (criminal-justice consents) the monitoring class; some expired, revoked or amended, as a real
 * agency's would be. Deterministic for a seed; written in batches without audit (nobody acted).
 */
@Component
public class ConsentGenerator {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  ConsentGenerator(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Directives for the agency's people; returns how many were written. */
  @Transactional
  public int generate(OrganizationId agency, List<OrganizationId> programs, long seed) {
    Random random = new Random(seed);
    List<UUID> people =
        jdbc.queryForList(
            "SELECT id FROM supervision_person WHERE organization_id = ? ORDER BY id",
            UUID.class,
            agency.value());
    LocalDate today = LocalDate.now(clock);
    Instant now = clock.instant();
    List<Object[]> rows = new ArrayList<>();
    for (UUID person : people) {
      if (random.nextInt(3) == 0) {
        continue;
      }
      int count = 1 + random.nextInt(3);
      for (int i = 0; i < count; i++) {
        boolean criminalJustice = random.nextInt(3) == 0;
        Set<InformationCategory> categories = EnumSet.noneOf(InformationCategory.class);
        for (InformationCategory category : InformationCategory.values()) {
          if (random.nextInt(2) == 0) {
            categories.add(category);
          }
        }
        categories.add(InformationCategory.ATTENDANCE);
        Set<DisclosurePurpose> purposes =
            random.nextBoolean()
                ? EnumSet.of(DisclosurePurpose.SUPERVISION_MONITORING)
                : EnumSet.of(
                    DisclosurePurpose.SUPERVISION_MONITORING, DisclosurePurpose.COURT_REPORTING);
        LocalDate signed = today.minusDays(random.nextInt(700));
        LocalDate expires =
            random.nextInt(3) == 0 ? signed.plusDays(180 + random.nextInt(400)) : null;
        boolean revoked = random.nextInt(8) == 0;
        rows.add(
            new Object[] {
              UUID.randomUUID(),
              person,
              agency.value(),
              criminalJustice ? "CRIMINAL_JUSTICE" : "GENERAL",
              "{" + programs.get(random.nextInt(programs.size())).value() + "}",
              names(categories),
              criminalJustice ? "MONITORING" : null,
              criminalJustice ? "{}" : "{" + agency.value() + "}",
              names(purposes),
              expires == null ? null : Date.valueOf(expires),
              expires == null || random.nextBoolean() ? "END_OF_SUPERVISION" : null,
              criminalJustice ? "END_OF_SUPERVISION" : null,
              Date.valueOf(signed),
              Timestamp.from(now.minusSeconds(random.nextInt(1_000_000))),
              revoked ? Timestamp.from(now.minusSeconds(random.nextInt(1_000_000))) : null,
              revoked ? "system:generator" : null,
              revoked ? "IN_WRITING" : null
            });
      }
    }
    jdbc.batchUpdate(
        """
        INSERT INTO consent_directive (id, person_id, organization_id, kind, discloser_ids,
          all_categories, categories, recipient_class, recipient_organization_ids,
          recipient_user_ids, purposes, expires_on, expiry_event, irrevocable_until_event,
          revocation_instructions, signed_on, signature_method, language, recorded_by,
          recorded_at, revoked_at, revoked_by, revocation_method, version)
        VALUES (?, ?, ?, ?, CAST(? AS uuid[]), FALSE, CAST(? AS varchar[]), ?, CAST(? AS uuid[]),
          '{}', CAST(? AS varchar[]), ?, ?, ?, 'In writing to the agency.', ?, 'PAPER', 'en',
          'system:generator', ?, ?, ?, ?, 0)
        """,
        rows);
    return rows.size();
  }

  private static String names(Set<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).collect(Collectors.joining(",", "{", "}"));
  }
}
