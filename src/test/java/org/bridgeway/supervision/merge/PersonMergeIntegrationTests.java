package org.bridgeway.supervision.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.person.Address;
import org.bridgeway.supervision.person.Person;
import org.bridgeway.supervision.person.PersonDetails;
import org.bridgeway.supervision.person.PersonRecords;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.SupervisionFixtures.Supervised;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reviewed merge of two records of one person over the API: everything moves to the survivor in
 * one transaction, the merged record is kept and points to it, stale versions answer 409, and only
 * the agency's supervisors and administrators who see both records merge.
 */
@IntegrationTest
@AutoConfigureMockMvc
class PersonMergeIntegrationTests {

  static final String PEOPLE = "/api/v1/supervision/people/";

  @Autowired MockMvc mvc;
  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures fixtures;
  @Autowired PersonRecords records;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  OrganizationId agency;
  BridgewayPrincipal admin;
  LocalDate today;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    admin =
        user(
            testUsers.withoutSecondFactor(agency, Role.ORGANIZATION_ADMIN).id(),
            Role.ORGANIZATION_ADMIN);
    today = LocalDate.now(clock);
  }

  @Test
  void mergeMovesCasesIdentifiersNamesAndAddressesAndKeepsTheMergedRecord() throws Exception {
    Supervised survivor = fixtures.supervised(agency);
    Supervised other = fixtures.supervised(agency);
    long survivorVersion = withAddress(survivor, "1 Survivor St", today.minusYears(1));
    long otherVersion = withAddress(other, "9 Other Rd", today.minusMonths(6));
    Person before = records.visible(admin, new PersonId(other.person()));

    JsonNode merged =
        call(
            post(PEOPLE + survivor.person() + "/merge")
                .content(
                    mergeBody(other.person(), "Same SID and photo", survivorVersion, otherVersion)),
            admin,
            200);
    assertThat(merged.get("casesMoved").asInt()).isEqualTo(1);
    assertThat(merged.get("mergedId").asString()).isEqualTo(other.person().toString());

    JsonNode kept = call(get(PEOPLE + survivor.person()), admin, 200);
    assertThat(kept.get("cases")).hasSize(2);
    List<String> caseIds = new ArrayList<>();
    kept.get("cases").forEach(c -> caseIds.add(c.get("id").asString()));
    assertThat(caseIds).contains(other.supervisionCase().toString());
    List<String> aliases = new ArrayList<>();
    kept.get("aliases").forEach(a -> aliases.add(a.get("family").asString()));
    assertThat(aliases).containsExactly(before.name().family());
    List<String> identifiers = new ArrayList<>();
    kept.get("identifiers").forEach(i -> identifiers.add(i.get("value").asString()));
    assertThat(identifiers).contains(before.details().identifiers().getFirst().value()).hasSize(2);
    List<String> addresses = new ArrayList<>();
    kept.get("addresses")
        .forEach(
            a ->
                addresses.add(
                    a.get("line1").asString()
                        + " until "
                        + (a.get("validTo").isNull() ? "now" : a.get("validTo").asString())));
    assertThat(addresses).containsExactly("1 Survivor St until now", "9 Other Rd until " + today);
    assertThat(kept.get("mergedInto").isNull()).isTrue();

    JsonNode gone = call(get(PEOPLE + other.person()), admin, 200);
    assertThat(gone.get("mergedInto").asString()).isEqualTo(survivor.person().toString());
    assertThat(gone.get("cases")).isEmpty();
    assertThat(
            jdbc.sql("SELECT merged_by || '|' || merge_reason FROM supervision_person WHERE id = ?")
                .param(other.person())
                .query(String.class)
                .single())
        .isEqualTo(admin.reference() + "|Same SID and photo");

    JsonNode refused =
        call(
            put(PEOPLE + other.person())
                .content(
                    "{\"name\":{\"given\":\"A\",\"family\":\"B\"},\"dateOfBirth\":\"1980-01-01\","
                        + "\"contact\":{\"method\":\"NONE\"},\"version\":"
                        + gone.get("version").asLong()
                        + "}"),
            admin,
            422);
    assertThat(refused.get("code").asString()).isEqualTo("supervision.person.merged");
    call(
        post(PEOPLE + survivor.person() + "/merge")
            .content(
                mergeBody(
                    other.person(),
                    "Again",
                    kept.get("version").asLong(),
                    gone.get("version").asLong())),
        admin,
        422);

    List<String> audit =
        jdbc.sql(
                "SELECT action || ' ' || details::text FROM audit_entry WHERE record_id IN (?, ?)"
                    + " AND action IN ('supervision.person.merge', 'supervision.person.merged-into')"
                    + " ORDER BY seq")
            .params(survivor.person(), other.person())
            .query(String.class)
            .list();
    assertThat(audit).hasSize(2);
    assertThat(audit.getFirst()).contains("\"merged\": \"" + other.person() + "\"");
    assertThat(String.join(" ", audit)).doesNotContain("Same SID");
  }

  @Test
  void aStaleVersionOfEitherRecordAnswers409AndMovesNothing() throws Exception {
    Supervised survivor = fixtures.supervised(agency);
    Supervised other = fixtures.supervised(agency);
    call(
        post(PEOPLE + survivor.person() + "/merge")
            .content(
                mergeBody(
                    other.person(), "Same", survivor.personVersion(), other.personVersion() + 1)),
        admin,
        409);
    call(
        post(PEOPLE + survivor.person() + "/merge")
            .content(
                mergeBody(
                    other.person(), "Same", survivor.personVersion() + 1, other.personVersion())),
        admin,
        409);
    assertThat(
            jdbc.sql("SELECT person_id FROM supervision_case WHERE id = ?")
                .param(other.supervisionCase())
                .query(UUID.class)
                .single())
        .isEqualTo(other.person());
    assertThat(
            jdbc.sql("SELECT merged_into_id IS NULL FROM supervision_person WHERE id = ?")
                .param(other.person())
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void anotherAgencysPersonAnswersLikeAMissingOne() throws Exception {
    Supervised mine = fixtures.supervised(agency);
    Supervised theirs =
        fixtures.supervised(testUsers.organization(OrganizationKind.PROBATION_AGENCY));
    JsonNode hidden =
        call(
            post(PEOPLE + mine.person() + "/merge")
                .content(
                    mergeBody(
                        theirs.person(), "Same", mine.personVersion(), theirs.personVersion())),
            admin,
            404);
    JsonNode missing =
        call(
            post(PEOPLE + mine.person() + "/merge")
                .content(mergeBody(UUID.randomUUID(), "Same", mine.personVersion(), 0)),
            admin,
            404);
    assertThat(hidden.get("detail")).isEqualTo(missing.get("detail"));
    call(
        post(PEOPLE + theirs.person() + "/merge")
            .content(
                mergeBody(mine.person(), "Same", theirs.personVersion(), mine.personVersion())),
        admin,
        404);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM supervision_person WHERE id IN (?, ?) AND merged_into_id IS NOT NULL")
                .params(mine.person(), theirs.person())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void officersMayNotMergeSupervisorsOnlyTheirTeamsAndEveryMergeNeedsAReason() throws Exception {
    UserId officerId = fixtures.officer(agency);
    Supervised first = fixtures.supervised(agency, officerId);
    Supervised second = fixtures.supervised(agency, officerId);
    String body = mergeBody(second.person(), "Same", first.personVersion(), second.personVersion());

    call(
        post(PEOPLE + first.person() + "/merge").content(body), user(officerId, Role.OFFICER), 403);
    BridgewayPrincipal supervisor =
        user(testUsers.withoutSecondFactor(agency, Role.SUPERVISOR).id(), Role.SUPERVISOR);
    call(post(PEOPLE + first.person() + "/merge").content(body), supervisor, 404);

    JsonNode noReason =
        call(
            post(PEOPLE + first.person() + "/merge")
                .content(
                    mergeBody(second.person(), " ", first.personVersion(), second.personVersion())),
            admin,
            400);
    assertThat(noReason.get("errors").get(0).get("field").asString()).isEqualTo("reason");
    JsonNode itself =
        call(
            post(PEOPLE + first.person() + "/merge")
                .content(
                    mergeBody(
                        first.person(), "Same", first.personVersion(), first.personVersion())),
            admin,
            400);
    assertThat(itself.get("errors").get(0).get("field").asString()).isEqualTo("otherId");

    call(
        put("/api/v1/supervision/officers/" + officerId + "/supervisor")
            .content("{\"supervisorId\":\"" + supervisor.userId() + "\"}"),
        admin,
        200);
    call(post(PEOPLE + first.person() + "/merge").content(body), supervisor, 200);
  }

  @Test
  void likelyDuplicatesAreListedForThoseWhoSeeBothRecords() throws Exception {
    String family =
        "Dupli" + Long.toHexString(UUID.randomUUID().getMostSignificantBits()).substring(0, 6);
    LocalDate birth = LocalDate.of(1971, 5, 17);
    Person a = records.enter(admin, fixtures.details("Katherine", family, birth), true);
    Person b = records.enter(admin, fixtures.details("Kathy", family, birth), true);

    JsonNode pairs = call(get("/api/v1/supervision/duplicates"), admin, 200);
    List<String> found = new ArrayList<>();
    pairs.forEach(
        pair ->
            found.add(
                pair.get("first").get("id").asString()
                    + "+"
                    + pair.get("second").get("id").asString()));
    assertThat(found).containsAnyOf(a.id() + "+" + b.id(), b.id() + "+" + a.id());

    BridgewayPrincipal supervisor =
        user(testUsers.withoutSecondFactor(agency, Role.SUPERVISOR).id(), Role.SUPERVISOR);
    assertThat(call(get("/api/v1/supervision/duplicates"), supervisor, 200)).isEmpty();
    call(get("/api/v1/supervision/duplicates"), user(fixtures.officer(agency), Role.OFFICER), 403);
  }

  private long withAddress(Supervised supervised, String line1, LocalDate since) {
    PersonId id = new PersonId(supervised.person());
    PersonDetails details = records.visible(admin, id).details();
    PersonDetails moved =
        new PersonDetails(
            details.name(),
            details.aliases(),
            details.dateOfBirth(),
            details.identifiers(),
            details.gender(),
            details.races(),
            details.ethnicity(),
            details.preferredLanguage(),
            details.interpreterNeeded(),
            List.of(new Address(line1, null, "Riverside", "CA", "92501", since, null)),
            details.contact(),
            details.emergencyContact());
    return records.revise(admin, id, moved, supervised.personVersion()).version();
  }

  private static String mergeBody(UUID other, String reason, long version, long otherVersion) {
    return "{\"otherId\":\"%s\",\"reason\":\"%s\",\"version\":%d,\"otherVersion\":%d}"
        .formatted(other, reason, version, otherVersion);
  }

  private BridgewayPrincipal user(UserId id, Role role) {
    return BridgewayPrincipal.user(
        id, agency, OrganizationKind.PROBATION_AGENCY, "Test agency", "Test " + role, Set.of(role));
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
}
