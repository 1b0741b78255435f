package org.bridgeway.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.directory.CostKind;
import org.bridgeway.directory.ServiceCandidates;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.directory.hsds.HsdsRecords;
import org.bridgeway.directory.profile.Capacities;
import org.bridgeway.directory.profile.ServiceProfiles;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.person.PersonRecords;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recommendations facade and the matching API against the whole application: ranking of the
 * agency's person, exclusions with their rules, eligibility verdicts, next best, another
 * organization's person, bad parameters, the audit trail, and the weights API and page.
 */
@IntegrationTest
@AutoConfigureMockMvc
class MatchingIntegrationTests {

  @Autowired Recommendations recommendations;
  @Autowired ServiceCandidates candidates;
  @Autowired HsdsRecords records;
  @Autowired ServiceProfiles profiles;
  @Autowired Capacities capacities;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired SupervisionFixtures supervision;
  @Autowired PersonRecords people;
  @Autowired TestUsers testUsers;
  @Autowired Clock clock;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  OrganizationId agency;
  BridgewayPrincipal admin;
  MatchingTestData data;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    admin = SupervisionFixtures.administratorOf(agency);
    data =
        new MatchingTestData(
            records,
            profiles,
            capacities,
            events,
            transactions,
            supervision,
            people,
            clock,
            candidates.centerOf(MatchingTestData.HOME_ZIP).orElseThrow());
  }

  PersonId person() {
    return new PersonId(data.person(agency).supervised().person());
  }

  static List<UUID> mine(RecommendationList list, UUID... ids) {
    Set<UUID> wanted = Set.of(ids);
    List<UUID> result = new ArrayList<>();
    for (Recommendation r : list.recommendations()) {
      if (wanted.contains(r.service().value())) {
        result.add(r.service().value());
      }
    }
    return result;
  }

  @Test
  void theHighestNeedNearbyComesFirstAndExcludedServicesSayWhy() {
    PersonId person = person();
    UUID housing = data.service("Housing near", NeedDomain.HOUSING).create();
    UUID employment = data.service("Jobs near", NeedDomain.EDUCATION_EMPLOYMENT).create();
    UUID housingFar = data.service("Housing far", NeedDomain.HOUSING).milesAway(35).create();
    UUID noDui =
        data.service("Housing no DUI", NeedDomain.HOUSING).excluding(OffenseCategory.DUI).create();
    UUID tooFar = data.service("Housing too far", NeedDomain.HOUSING).milesAway(70).create();

    RecommendationList list =
        recommendations.recommend(
            admin,
            person,
            new RecommendationRequest(null, null, RecommendationRequest.MAX_LIMIT, true));

    assertThat(list.needs())
        .containsExactlyInAnyOrder(NeedDomain.HOUSING, NeedDomain.EDUCATION_EMPLOYMENT);
    assertThat(mine(list, housing, employment, housingFar, noDui, tooFar))
        .containsExactly(housing, employment, housingFar);
    // The database is shared: other tests' services may tie with this test's best one.
    Recommendation best =
        list.recommendations().stream()
            .filter(r -> r.service().value().equals(housing))
            .findFirst()
            .orElseThrow();
    assertThat(best.rank()).isLessThan(rankOf(list, employment));
    assertThat(best.need()).isEqualTo(NeedDomain.HOUSING);
    assertThat(best.reasons()).contains(Reason.of("need.high", "HOUSING"));
    assertThat(best.distanceMiles()).isBetween(0.5, 1.5);
    assertThat(list.excluded())
        .filteredOn(e -> e.service().value().equals(noDui))
        .singleElement()
        .satisfies(
            e -> assertThat(e.reasons()).containsExactly(Reason.of("excluded.offense", "DUI")));
    assertThat(list.excluded())
        .filteredOn(e -> e.service().value().equals(tooFar))
        .singleElement()
        .satisfies(e -> assertThat(e.reasons().getFirst().code()).isEqualTo("excluded.distance"));
    assertThat(list.notes()).contains("completionNoData");
    assertThat(list.defaultWeights()).isTrue();

    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_entry WHERE person_id = :p"
                        + " AND action = 'matching.recommendations.read'")
                .param("p", person.value())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_entry WHERE person_id = :p"
                        + " AND action IN ('supervision.facts.read', 'supervision.needs.read')")
                .param("p", person.value())
                .query(Long.class)
                .single())
        .as("the recommendation's one entry records the read of the person")
        .isZero();
  }

  @Test
  void aGoalFocusesOnItsNeedDomain() {
    SupervisionFixtures.Planned planned = data.person(agency);
    PersonId person = new PersonId(planned.supervised().person());
    UUID housing = data.service("Housing", NeedDomain.HOUSING).create();
    UUID employment = data.service("Jobs", NeedDomain.EDUCATION_EMPLOYMENT).create();
    RecommendationList all =
        recommendations.recommend(admin, person, RecommendationRequest.forNeeds());
    NeedDomain goalDomain =
        all.goals().stream()
            .filter(g -> g.id().equals(planned.goal()))
            .findFirst()
            .orElseThrow()
            .domain();

    RecommendationList focused =
        recommendations.recommend(
            admin, person, new RecommendationRequest(null, planned.goal(), 50, false));

    assertThat(focused.focus()).isEqualTo(goalDomain);
    UUID expected = goalDomain == NeedDomain.HOUSING ? housing : employment;
    UUID other = goalDomain == NeedDomain.HOUSING ? employment : housing;
    assertThat(mine(focused, housing, employment)).containsExactly(expected);
    assertThat(focused.recommendations().getFirst().reasons())
        .contains(Reason.of("need.focus", goalDomain.name()));
    assertThat(other).isNotEqualTo(expected);
  }

  @Test
  void eligibilityNamesEveryFailedRule() {
    PersonId person = person();
    UUID adultsOver70 = data.service("Seniors", NeedDomain.HOUSING).minimumAge(70).create();
    UUID open = data.service("Open", NeedDomain.HOUSING).create();

    EligibilityVerdict refused =
        recommendations.eligibility(admin, person, new ServiceId(adultsOver70));
    assertThat(refused.eligible()).isFalse();
    assertThat(refused.failedRules())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.code()).isEqualTo("excluded.ageBelow");
              assertThat(r.values().get(1)).isEqualTo("70");
            });
    assertThat(recommendations.eligibility(admin, person, new ServiceId(open)).eligible()).isTrue();
    assertThatThrownBy(
            () -> recommendations.eligibility(admin, person, new ServiceId(UUID.randomUUID())))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void nextBestLeavesOutTheServicesAlreadyTried() {
    PersonId person = person();
    UUID first = data.service("First", NeedDomain.HOUSING).create();
    UUID second = data.service("Second", NeedDomain.HOUSING).cost(CostKind.FIXED).create();
    List<Recommendation> before =
        recommendations.nextBest(admin, person, NeedDomain.HOUSING, Set.of(), 50);
    assertThat(
            before.stream().map(r -> r.service().value()).filter(Set.of(first, second)::contains))
        .containsExactly(first, second);

    List<Recommendation> after =
        recommendations.nextBest(
            admin, person, NeedDomain.HOUSING, Set.of(new ServiceId(first)), 50);
    assertThat(after).extracting(r -> r.service().value()).doesNotContain(first).contains(second);
    assertThat(after.getFirst().rank()).isEqualTo(1);
  }

  @Test
  void anotherOrganizationsPersonIsNotFoundLikeAMissingOne() throws Exception {
    OrganizationId otherAgency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    PersonId theirs = new PersonId(supervision.supervised(otherAgency).person());
    UUID service = data.service("Any", NeedDomain.HOUSING).create();
    assertThatThrownBy(
            () -> recommendations.recommend(admin, theirs, RecommendationRequest.forNeeds()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> recommendations.eligibility(admin, theirs, new ServiceId(service)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () -> recommendations.nextBest(admin, theirs, NeedDomain.HOUSING, Set.of(), 5))
        .isInstanceOf(NotFoundException.class);

    BridgewayPrincipal api =
        Principals.apiClient(agency, OrganizationKind.PROBATION_AGENCY, Role.ORGANIZATION_ADMIN);
    JsonNode hidden = call(get("/api/v1/matching/people/" + theirs + "/recommendations"), api, 404);
    JsonNode missing =
        call(get("/api/v1/matching/people/" + UUID.randomUUID() + "/recommendations"), api, 404);
    assertThat(hidden.get("detail")).isEqualTo(missing.get("detail"));
    call(get("/api/v1/matching/people/" + theirs + "/eligibility?service=" + service), api, 404);
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_entry WHERE person_id = :p")
                .param("p", theirs.value())
                .query(Long.class)
                .single())
        .as("nothing about the other agency's person is read")
        .isEqualTo(
            jdbc.sql(
                    "SELECT count(*) FROM audit_entry WHERE person_id = :p"
                        + " AND action NOT LIKE 'matching.%'")
                .param("p", theirs.value())
                .query(Long.class)
                .single());
  }

  @Test
  void theApiRanksAndExplainsAndRejectsBadParametersNamingTheField() throws Exception {
    PersonId person = person();
    UUID housing = data.service("Housing api", NeedDomain.HOUSING).create();
    BridgewayPrincipal api =
        Principals.apiClient(agency, OrganizationKind.PROBATION_AGENCY, Role.ORGANIZATION_ADMIN);
    String base = "/api/v1/matching/people/" + person;

    JsonNode list =
        call(get(base + "/recommendations?need=HOUSING&limit=50&explainExcluded=true"), api, 200);
    assertThat(list.get("focus").asString()).isEqualTo("HOUSING");
    JsonNode first = list.get("recommendations").get(0);
    assertThat(first.get("rank").asInt()).isEqualTo(1);
    assertThat(first.get("contributions").get("NEED_FIT").asDouble()).isPositive();
    boolean found = false;
    for (JsonNode r : list.get("recommendations")) {
      found |= r.get("serviceId").asString().equals(housing.toString());
    }
    assertThat(found).isTrue();

    assertThat(field(call(get(base + "/recommendations?limit=0"), api, 400))).isEqualTo("limit");
    assertThat(field(call(get(base + "/recommendations?limit=abc"), api, 400))).isEqualTo("limit");
    assertThat(field(call(get(base + "/recommendations?need=NOPE"), api, 400))).isEqualTo("need");
    assertThat(field(call(get(base + "/recommendations?goal=" + UUID.randomUUID()), api, 400)))
        .isEqualTo("goal");
    assertThat(field(call(get(base + "/recommendations?goal=not-a-uuid"), api, 400)))
        .isEqualTo("goal");
    assertThat(field(call(get(base + "/eligibility?service=x"), api, 400))).isEqualTo("service");
    assertThat(field(call(get(base + "/eligibility"), api, 400))).isEqualTo("service");

    JsonNode verdict = call(get(base + "/eligibility?service=" + housing), api, 200);
    assertThat(verdict.get("eligible").asBoolean()).isTrue();
    assertThat(verdict.get("failedRules")).isEmpty();
  }

  @Test
  void weightsStartAtTheDefaultsAndAStaleChangeIsRefused() throws Exception {
    BridgewayPrincipal supervisor =
        Principals.user(agency, OrganizationKind.PROBATION_AGENCY, Role.SUPERVISOR);
    JsonNode defaults = call(get("/api/v1/matching/weights"), supervisor, 200);
    assertThat(defaults.get("defaults").asBoolean()).isTrue();
    assertThat(defaults.get("version").asLong()).isZero();
    assertThat(defaults.get("needFit").asInt()).isEqualTo(MatchingWeights.DEFAULTS.needFit());

    JsonNode changed =
        call(
            put("/api/v1/matching/weights").content(weights(2, 10, 1, 1, 1, 0, 0)),
            supervisor,
            200);
    assertThat(changed.get("version").asLong()).isEqualTo(1);
    assertThat(changed.get("distance").asInt()).isEqualTo(10);
    call(put("/api/v1/matching/weights").content(weights(3, 3, 3, 3, 3, 3, 0)), supervisor, 409);
    assertThat(
            field(
                call(
                    put("/api/v1/matching/weights").content(weights(11, 3, 3, 3, 3, 3, 1)),
                    supervisor,
                    400)))
        .isEqualTo("needFit");
    assertThat(
            field(
                call(
                    put("/api/v1/matching/weights").content(weights(0, 0, 0, 0, 0, 0, 1)),
                    supervisor,
                    400)))
        .isEqualTo("needFit");
    assertThat(
            field(
                call(put("/api/v1/matching/weights").content("{\"needFit\":1}"), supervisor, 400)))
        .isNotNull();
    JsonNode kept = call(get("/api/v1/matching/weights"), supervisor, 200);
    assertThat(kept.get("distance").asInt()).isEqualTo(10);
    assertThat(kept.get("version").asLong()).isEqualTo(1);

    RecommendationList list =
        recommendations.recommend(admin, person(), RecommendationRequest.forNeeds());
    assertThat(list.defaultWeights()).isFalse();
    assertThat(list.weights().distance()).isEqualTo(10);
  }

  @Test
  void theWeightsPageSavesAndShowsErrorsBesideTheFields() throws Exception {
    BridgewayPrincipal orgAdmin =
        Principals.user(agency, OrganizationKind.PROBATION_AGENCY, Role.ORGANIZATION_ADMIN);
    String page = page(get("/matching/weights"), orgAdmin, 200);
    assertThat(page).contains("Matching weights").contains("id=\"needFit\"");

    String invalid =
        page(
            post("/matching/weights")
                .with(csrf())
                .param("needFit", "12")
                .param("distance", "five")
                .param("capacity", "6")
                .param("languageAccess", "4")
                .param("cost", "3")
                .param("completion", "2")
                .param("version", "0"),
            orgAdmin,
            400);
    assertThat(invalid).contains("error-summary").contains("Enter a whole number from 0 to 10.");
    assertThat(
            jdbc.sql("SELECT count(*) FROM matching_weights WHERE organization_id = :a")
                .param("a", agency.value())
                .query(Long.class)
                .single())
        .isZero();

    page(
        post("/matching/weights")
            .with(csrf())
            .param("needFit", "7")
            .param("distance", "5")
            .param("capacity", "6")
            .param("languageAccess", "4")
            .param("cost", "3")
            .param("completion", "2")
            .param("version", "0"),
        orgAdmin,
        302);
    String stale =
        page(
            post("/matching/weights")
                .with(csrf())
                .param("needFit", "6")
                .param("distance", "5")
                .param("capacity", "6")
                .param("languageAccess", "4")
                .param("cost", "3")
                .param("completion", "2")
                .param("version", "0"),
            orgAdmin,
            409);
    assertThat(stale).contains("Someone else changed the weights");
    assertThat(
            jdbc.sql("SELECT need_fit FROM matching_weights WHERE organization_id = :a")
                .param("a", agency.value())
                .query(Integer.class)
                .single())
        .isEqualTo(7);
  }

  @Test
  void theRecommendationsPageRanksComparesAndExplains() throws Exception {
    SupervisionFixtures.Planned planned = data.person(agency);
    UUID person = planned.supervised().person();
    UUID near = data.service("Page near", NeedDomain.HOUSING).create();
    UUID far = data.service("Page far", NeedDomain.HOUSING).milesAway(10).create();
    data.service("Page no DUI", NeedDomain.HOUSING).excluding(OffenseCategory.DUI).create();
    BridgewayPrincipal orgAdmin =
        Principals.user(agency, OrganizationKind.PROBATION_AGENCY, Role.ORGANIZATION_ADMIN);

    String page = page(get("/people/" + person + "/recommendations"), orgAdmin, 200);
    assertThat(page)
        .contains("Page near")
        .contains("Addresses a high need: Housing.")
        .contains("/referrals/new?person=" + person + "&amp;service=" + near + "&amp;need=HOUSING")
        .contains("Excludes offenses: Driving under the influence.")
        .contains("goal:" + planned.goal());
    assertThat(page.indexOf("Page near")).isLessThan(page.indexOf("Page far"));

    String compared =
        page(
            get("/people/" + person + "/recommendations")
                .param("focus", "need:HOUSING")
                .param("compare", near.toString(), far.toString()),
            orgAdmin,
            200);
    assertThat(compared).contains("id=\"compare-table\"").doesNotContain("error-summary");
    String tooFew =
        page(
            get("/people/" + person + "/recommendations").param("compare", near.toString()),
            orgAdmin,
            200);
    assertThat(tooFew).contains("Choose 2 or 3 of the services listed to compare.");
    String badFocus =
        page(
            get("/people/" + person + "/recommendations").param("focus", "need:NOPE"),
            orgAdmin,
            200);
    assertThat(badFocus).contains("Choose a goal or need from the list.");

    OrganizationId otherAgency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    UUID theirs = supervision.supervised(otherAgency).person();
    page(get("/people/" + theirs + "/recommendations"), orgAdmin, 404);
  }

  static int rankOf(RecommendationList list, UUID service) {
    return list.recommendations().stream()
        .filter(r -> r.service().value().equals(service))
        .findFirst()
        .orElseThrow()
        .rank();
  }

  static String weights(int n, int d, int c, int l, int cost, int completion, long version) {
    return ("{\"needFit\":%d,\"distance\":%d,\"capacity\":%d,\"languageAccess\":%d,\"cost\":%d,"
            + "\"completion\":%d,\"version\":%d}")
        .formatted(n, d, c, l, cost, completion, version);
  }

  @Test
  void theServicesKeptInMemoryFollowEveryCommittedCapacityReportAndNoRolledBackOne() {
    UUID service = data.service("Housing with room", NeedDomain.HOUSING).openSlots(4).create();
    assertThat(slotsOf(service)).isEqualTo(4);

    reportSlots(service, 0);
    assertThat(slotsOf(service)).as("the next read after a commit").isEqualTo(0);

    transactions.executeWithoutResult(
        tx -> {
          reportSlots(service, 9);
          // Read inside the write: the copy taken here holds the uncommitted report.
          assertThat(slotsOf(service)).isEqualTo(9);
          tx.setRollbackOnly();
        });
    assertThat(slotsOf(service)).as("after the rollback").isEqualTo(0);

    assertThat(candidates.serving(Set.of(NeedDomain.HOUSING)))
        .filteredOn(c -> c.id().value().equals(service))
        .singleElement()
        .satisfies(c -> assertThat(c.capacity().openSlots()).isZero());
    assertThat(candidates.serving(Set.of(NeedDomain.EDUCATION_EMPLOYMENT)))
        .noneMatch(c -> c.id().value().equals(service));
  }

  private int slotsOf(UUID service) {
    return candidates
        .find(new org.bridgeway.directory.ServiceId(service))
        .orElseThrow()
        .capacity()
        .openSlots();
  }

  private void reportSlots(UUID service, int openSlots) {
    transactions.executeWithoutResult(
        tx -> {
          capacities.report(service, openSlots, 0, null, "test", clock.instant(), null);
          events.publishEvent(
              new org.bridgeway.directory.hsds.DirectoryRecordsChanged(Set.of(service)));
        });
  }

  static String field(JsonNode problem) {
    return problem.get("errors").get(0).get("field").asString();
  }

  private JsonNode call(MockHttpServletRequestBuilder request, BridgewayPrincipal who, int expected)
      throws Exception {
    String body =
        mvc.perform(
                request
                    .contentType(MediaType.APPLICATION_JSON)
                    .with(authentication(Principals.authenticationOf(who))))
            .andExpect(status().is(expected))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return body.isEmpty() ? JsonMapper.shared().nullNode() : JsonMapper.shared().readTree(body);
  }

  private String page(MockHttpServletRequestBuilder request, BridgewayPrincipal who, int expected)
      throws Exception {
    return mvc.perform(request.with(authentication(Principals.authenticationOf(who))))
        .andExpect(status().is(expected))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
