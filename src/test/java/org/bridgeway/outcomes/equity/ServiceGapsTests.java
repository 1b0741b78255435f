package org.bridgeway.outcomes.equity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.outcomes.equity.ServiceGaps.Gap;
import org.bridgeway.outcomes.evidence.EvidenceScope;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Service gaps from supervision's assessed needs and the directory's capacity: unmet need = people
 * in need − open places, greatest first; small cells flagged; stale capacity not counted; another
 * agency's people not counted.
 */
@IntegrationTest
class ServiceGapsTests {

  static final String AREA = "99950";
  static final String OTHER_AREA = "99951";

  @Autowired ServiceGaps gaps;
  @Autowired SupervisionFixtures supervision;
  @Autowired TestUsers users;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  /** A person with an open case living in the area, assessed with a MODERATE need in the domain. */
  private void inNeed(OrganizationId agency, String area, NeedDomain domain) {
    UUID person = supervision.supervised(agency).person();
    jdbc.sql(
            "INSERT INTO supervision_person_address (person_id, position, line1, city, state,"
                + " postal_code, valid_from) VALUES (:p, 0, '1 Main St', 'Town', 'AK', :zip,"
                + " '2020-01-01')")
        .param("p", person)
        .param("zip", area)
        .update();
    UUID assessment = UUID.randomUUID();
    LocalDate today = LocalDate.now(clock);
    jdbc.sql(
            "INSERT INTO supervision_assessment (id, organization_id, person_id, source,"
                + " instrument_name, assessed_on, risk_level, next_due_on, assessed_by,"
                + " recorded_at) VALUES (:id, :org, :p, 'EXTERNAL', 'External', :on, 'HIGH',"
                + " :due, 'test', :at)")
        .param("id", assessment)
        .param("org", agency.value())
        .param("p", person)
        .param("on", Date.valueOf(today.minusDays(10)))
        .param("due", Date.valueOf(today.plusMonths(6)))
        .param("at", Timestamp.from(clock.instant()))
        .update();
    jdbc.sql(
            "INSERT INTO supervision_assessment_domain (assessment_id, domain, severity) VALUES"
                + " (:a, :d, 'MODERATE')")
        .param("a", assessment)
        .param("d", domain.name())
        .update();
  }

  /** An active service in the area for the domain, its capacity reported {@code age} ago. */
  private void service(NeedDomain domain, String area, int open, int waitlist, Duration age) {
    Instant now = clock.instant();
    jdbc.sql(
            "INSERT INTO directory_search_entry (entry_id, service_id, status, service_name,"
                + " search_vector, postal_code, need_domains, open_slots, waitlist_length,"
                + " capacity_updated_at, refreshed_at) VALUES (:id, :id, 'active', 'Gap service',"
                + " to_tsvector('simple', 'gap'), :zip, ARRAY[:domain]::text[], :open, :wait,"
                + " :reported, :now)")
        .param("id", UUID.randomUUID())
        .param("zip", area)
        .param("domain", domain.name())
        .param("open", open)
        .param("wait", waitlist)
        .param("reported", Timestamp.from(now.minus(age)))
        .param("now", Timestamp.from(now))
        .update();
  }

  @Test
  void theGreatestUnmetNeedComesFirstAndSmallCellsLast() {
    OrganizationId agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    for (int i = 0; i < 14; i++) {
      inNeed(agency, AREA, NeedDomain.HOUSING);
    }
    for (int i = 0; i < 12; i++) {
      inNeed(agency, AREA, NeedDomain.SUBSTANCE_USE);
    }
    for (int i = 0; i < 3; i++) {
      inNeed(agency, OTHER_AREA, NeedDomain.EDUCATION_EMPLOYMENT);
    }
    service(NeedDomain.HOUSING, AREA, 2, 5, Duration.ofDays(1));
    // Reported 10 days ago: stale, so its 50 places do not count (the service still does).
    service(NeedDomain.HOUSING, AREA, 50, 7, Duration.ofDays(10));
    service(NeedDomain.SUBSTANCE_USE, AREA, 10, 0, Duration.ofHours(2));

    List<Gap> result = gaps.of(new EvidenceScope(agency.value()));

    Gap housing = find(result, NeedDomain.HOUSING, AREA);
    Gap substance = find(result, NeedDomain.SUBSTANCE_USE, AREA);
    Gap employment = find(result, NeedDomain.EDUCATION_EMPLOYMENT, OTHER_AREA);
    // HOUSING: 14 in need − 2 open = 12 unmet; SUBSTANCE_USE: 12 − 10 = 2
    assertThat(housing.needing()).isEqualTo(14);
    assertThat(housing.services()).isEqualTo(2);
    assertThat(housing.openSlots()).isEqualTo(2);
    assertThat(housing.waitlist()).isEqualTo(5);
    assertThat(housing.unmet()).isEqualTo(12);
    assertThat(substance.unmet()).isEqualTo(2);
    assertThat(employment.tooFew()).isTrue();
    assertThat(employment.unmet()).isNull();
    assertThat(result.indexOf(housing)).isLessThan(result.indexOf(substance));
    assertThat(result.indexOf(substance)).isLessThan(result.indexOf(employment));

    // Another agency's analysts see the capacity but none of these people.
    List<Gap> others =
        gaps.of(new EvidenceScope(users.organization(OrganizationKind.PROBATION_AGENCY).value()));
    assertThat(find(others, NeedDomain.HOUSING, AREA).needing()).isZero();
    assertThat(find(others, NeedDomain.HOUSING, AREA).unmet()).isEqualTo(-2);
  }

  private static Gap find(List<Gap> gaps, NeedDomain domain, String area) {
    return gaps.stream()
        .filter(g -> g.domain() == domain && g.area().equals(area))
        .findFirst()
        .orElseThrow();
  }
}
