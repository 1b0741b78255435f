package org.bridgeway.referrals.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.referrals.ReferralChanged;
import org.bridgeway.referrals.ReferralChanged.Change;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.referrals.lifecycle.DeclineReason;
import org.bridgeway.referrals.lifecycle.ReferralRecords;
import org.bridgeway.referrals.measures.ReferralMeasures.Figures;
import org.bridgeway.referrals.measures.ReferralMeasures.Grouping;
import org.bridgeway.referrals.measures.ReferralMeasures.PeriodRejected;
import org.bridgeway.referrals.measures.ReferralMeasures.Report;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.ReferralFixtures;
import org.bridgeway.testing.ReferralFixtures.Made;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ReferralMeasuresIntegrationTests {

  @Autowired ReferralFixtures referrals;
  @Autowired ReferralRecords records;
  @Autowired ReferralMeasures measures;
  @Autowired ReferralMeasureRecorder recorder;
  @Autowired TestUsers users;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Test
  void figuresFollowTheProvidersAnswersPerProviderAndForTheProvider() {
    OrganizationId agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    OrganizationId busy = users.organization(OrganizationKind.TREATMENT_PROVIDER);
    OrganizationId other = users.organization(OrganizationKind.TREATMENT_PROVIDER);
    Made accepted = referrals.sent(agency, busy);
    Made declined = referrals.sent(agency, busy);
    Made unanswered = referrals.sent(agency, busy);
    Made waitlisted = referrals.sent(agency, other);
    BridgewayPrincipal busyStaff = ReferralFixtures.providerStaffOf(busy);
    records.accept(busyStaff, new ReferralId(accepted.id()), accepted.version());
    records.decline(
        busyStaff,
        new ReferralId(declined.id()),
        new ReferralRecords.Decline(DeclineReason.NO_CAPACITY, "Full until spring"),
        declined.version());
    records.waitlist(
        ReferralFixtures.providerStaffOf(other),
        new ReferralId(waitlisted.id()),
        LocalDate.now(clock).plusDays(20),
        waitlisted.version());

    awaitFirstResponses(List.of(accepted.id(), declined.id(), waitlisted.id()));
    assertThat(measured(unanswered.id())).isTrue();

    Report report = measures.of(supervisorOf(agency), null, null);
    assertThat(report.provider()).isFalse();
    Figures total = report.total();
    assertThat(total.sent()).isEqualTo(4);
    assertThat(total.accepted()).isEqualTo(1);
    assertThat(total.declined()).isEqualTo(1);
    assertThat(total.waitlisted()).isEqualTo(1);
    assertThat(total.unanswered()).isEqualTo(1);
    assertThat(total.acceptanceRate()).isEqualTo(1.0 / 3);
    assertThat(report.declinedByReason()).containsExactly(Map.entry("NO_CAPACITY", 1L));
    Figures atBusy = row(report, Grouping.PROVIDER, busy.value());
    assertThat(atBusy.sent()).isEqualTo(3);
    assertThat(atBusy.unanswered()).isEqualTo(1);
    assertThat(atBusy.label()).isNotBlank();
    assertThat(row(report, Grouping.PROVIDER, other.value()).waitlisted()).isEqualTo(1);
    assertThat(report.groups().get(Grouping.OFFICER)).extracting(Figures::sent).containsExactly(4L);

    Report atProvider = measures.of(ReferralFixtures.providerStaffOf(busy), null, null);
    assertThat(atProvider.provider()).isTrue();
    assertThat(atProvider.total().sent()).isEqualTo(3);
    assertThat(atProvider.groups()).containsOnlyKeys(Grouping.REFERRING_AGENCY);
    assertThat(row(atProvider, Grouping.REFERRING_AGENCY, agency.value()).declined()).isEqualTo(1);
  }

  @Test
  void anotherAgencySeesNoneOfTheseReferrals() {
    OrganizationId agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    Made sent = referrals.sentBy(agency);
    Awaitility.await("the measure of " + sent.id())
        .atMost(Duration.ofSeconds(10))
        .until(() -> measured(sent.id()));

    OrganizationId stranger = users.organization(OrganizationKind.PROBATION_AGENCY);
    assertThat(measures.of(supervisorOf(stranger), null, null).total().sent()).isZero();
    assertThat(measures.of(supervisorOf(agency), null, null).total().sent()).isEqualTo(1);
  }

  @Test
  void theFirstAnswerIsTheEarliestWhateverTheOrderEventsArriveIn() {
    Made sent = referrals.sentBy(users.organization(OrganizationKind.PROBATION_AGENCY));
    Instant sentAt = sentAt(sent.id());
    ReferralChanged waitlisted = event(sent, Change.WAITLISTED, sentAt.plusSeconds(5 * 3600), 3);
    ReferralChanged accepted = event(sent, Change.ACCEPTED, sentAt.plusSeconds(30 * 3600), 4);

    recorder.record(accepted);
    recorder.record(waitlisted);
    recorder.record(accepted);

    Map<String, Object> row =
        jdbc.sql(
                "SELECT first_response, first_response_at, accepted_at, last_version"
                    + " FROM referral_measure WHERE referral_id = :id")
            .param("id", sent.id())
            .query()
            .singleRow();
    assertThat(row.get("first_response")).isEqualTo("WAITLISTED");
    assertThat(((Timestamp) row.get("first_response_at")).toInstant())
        .isEqualTo(sentAt.plusSeconds(5 * 3600));
    assertThat(((Timestamp) row.get("accepted_at")).toInstant())
        .isEqualTo(sentAt.plusSeconds(30 * 3600));
    assertThat(row.get("last_version")).isEqualTo(4L);
  }

  @Test
  void medianTimeToFirstResponseIsInHours() {
    OrganizationId agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    for (int hours : new int[] {2, 4, 9}) {
      Made sent = referrals.sentBy(agency);
      recorder.record(
          event(sent, Change.ACCEPTED, sentAt(sent.id()).plusSeconds(hours * 3600L), 9));
    }

    Figures total = measures.of(supervisorOf(agency), null, null).total();

    assertThat(total.medianHoursToFirstResponse()).isEqualTo(4.0);
    assertThat(total.accepted()).isEqualTo(3);
  }

  @Test
  void aReversedOrOverlongPeriodIsRejectedNamingTheField() {
    BridgewayPrincipal supervisor =
        supervisorOf(users.organization(OrganizationKind.PROBATION_AGENCY));
    LocalDate day = LocalDate.of(2026, 6, 1);

    assertThatThrownBy(() -> measures.of(supervisor, day, day.minusDays(1)))
        .isInstanceOfSatisfying(
            PeriodRejected.class, e -> assertThat(e.violation().field()).isEqualTo("from"));
    assertThatThrownBy(() -> measures.of(supervisor, day, day.plusYears(4)))
        .isInstanceOfSatisfying(
            PeriodRejected.class, e -> assertThat(e.violation().field()).isEqualTo("to"));
  }

  private static BridgewayPrincipal supervisorOf(OrganizationId agency) {
    return Principals.apiClient(agency, OrganizationKind.PROBATION_AGENCY, Role.SUPERVISOR);
  }

  private static ReferralChanged event(Made made, Change change, Instant at, long version) {
    return new ReferralChanged(
        new ReferralId(made.id()),
        change,
        change == Change.ACCEPTED ? ReferralState.ACCEPTED : ReferralState.WAITLISTED,
        made.agency(),
        null,
        null,
        null,
        null,
        at,
        version);
  }

  private static Figures row(Report report, Grouping grouping, UUID key) {
    return report.groups().get(grouping).stream()
        .filter(f -> key.equals(f.key()))
        .findFirst()
        .orElseThrow();
  }

  private Instant sentAt(UUID referral) {
    return jdbc.sql("SELECT sent_at FROM referral WHERE id = :id")
        .param("id", referral)
        .query(Timestamp.class)
        .single()
        .toInstant();
  }

  private boolean measured(UUID referral) {
    return jdbc.sql("SELECT count(*) FROM referral_measure WHERE referral_id = :id")
            .param("id", referral)
            .query(Long.class)
            .single()
        == 1;
  }

  private void awaitFirstResponses(List<UUID> ids) {
    Awaitility.await("the first responses to be measured")
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.sql(
                            "SELECT count(*) FROM referral_measure"
                                + " WHERE referral_id = ANY(:ids) AND first_response IS NOT NULL")
                        .param("ids", ids.toArray(UUID[]::new))
                        .query(Long.class)
                        .single()
                    == ids.size());
  }
}
