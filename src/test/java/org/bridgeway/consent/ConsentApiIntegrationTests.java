package org.bridgeway.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.MutableClock;
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
 * The consent API end to end: an officer records a consent with a person, a treatment provider's
 * data becomes visible to the officer exactly as far as it allows and disappears when it is revoked
 * or expires; bad input names the field and changes nothing; emergency access is reviewed and
 * listed in the accounting.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ConsentApiIntegrationTests {

  static final String BASE = "/api/v1/consent";

  @Autowired MockMvc mvc;
  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures supervision;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired Clock appClock;

  OrganizationId agency;
  OrganizationId program;
  Supervised supervised;
  BridgewayPrincipal officer;
  BridgewayPrincipal networkAdmin;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    program = testUsers.organization(OrganizationKind.TREATMENT_PROVIDER);
    supervised = supervision.supervised(agency);
    officer =
        BridgewayPrincipal.user(
            supervised.officer(),
            agency,
            OrganizationKind.PROBATION_AGENCY,
            "Agency",
            "Officer",
            Set.of(Role.OFFICER));
    networkAdmin = Principals.user(agency, OrganizationKind.PROBATION_AGENCY, Role.NETWORK_ADMIN);
  }

  String directive(String expiry, String extra) {
    return """
        {"terms":{"kind":"GENERAL","disclosers":["%s"],"categories":["ATTENDANCE","PROGRESS"],
          "recipientOrganizations":["%s"],"purposes":["SUPERVISION_MONITORING"],%s
          "revocationInstructions":"Tell your officer or the program."},
         "signedOn":"%s","signatureMethod":"ELECTRONIC","typedName":"Pat Example",
         "attested":true,"language":"en"%s}
        """
        .formatted(program, agency, expiry, LocalDate.now(clock), extra);
  }

  String question(String category) {
    return """
        {"personId":"%s","discloserId":"%s","category":"%s","purpose":"SUPERVISION_MONITORING"}
        """
        .formatted(supervised.person(), program, category);
  }

  @Test
  void officerRecordsAConsentAndTheProvidersDataFollowsIt() throws Exception {
    call(put(BASE + "/part2-programs/" + program), null, networkAdmin, 204);
    JsonNode recorded =
        call(
            post(BASE + "/people/" + supervised.person() + "/directives"),
            directive("\"expiryEvent\":\"END_OF_SUPERVISION\",", ""),
            officer,
            201);
    String id = recorded.get("id").asString();
    assertThat(recorded.get("status").asString()).isEqualTo("ACTIVE");

    JsonNode permitted = call(post(BASE + "/decisions"), question("ATTENDANCE"), officer, 200);
    assertThat(permitted.get("permitted").asBoolean()).isTrue();
    assertThat(permitted.get("directiveId").asString()).isEqualTo(id);
    assertThat(permitted.get("noticeKey").asString()).isEqualTo(ConsentDecisions.NOTICE_KEY);

    JsonNode otherCategory = call(post(BASE + "/decisions"), question("DIAGNOSIS"), officer, 200);
    assertThat(otherCategory.get("reason").asString()).isEqualTo("CATEGORY_NOT_COVERED");

    JsonNode revoked =
        call(
            post(BASE + "/directives/" + id + "/revocation"),
            "{\"method\":\"IN_PERSON\",\"version\":0}",
            officer,
            200);
    assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");

    JsonNode afterwards = call(post(BASE + "/decisions"), question("ATTENDANCE"), officer, 200);
    assertThat(afterwards.get("permitted").asBoolean()).isFalse();
    assertThat(afterwards.get("reason").asString()).isEqualTo("REVOKED");
    assertThat(afterwards.get("since").asString()).isEqualTo(LocalDate.now(clock).toString());

    JsonNode again =
        call(
            post(BASE + "/directives/" + id + "/revocation"),
            "{\"method\":\"IN_PERSON\",\"version\":1}",
            officer,
            422);
    assertThat(again.get("code").asString()).isEqualTo("consent.directive.revoked");
    call(
        post(BASE + "/directives/" + id + "/revocation"),
        "{\"method\":\"IN_PERSON\",\"version\":0}",
        officer,
        409);
  }

  @Test
  void consentExpiresWithoutAnyJob() throws Exception {
    LocalDate expiry = LocalDate.now(clock).plusDays(1);
    call(
        post(BASE + "/people/" + supervised.person() + "/directives"),
        directive("\"expiresOn\":\"" + expiry + "\",", ""),
        officer,
        201);
    assertThat(
            call(post(BASE + "/decisions"), question("PROGRESS"), officer, 200)
                .get("permitted")
                .asBoolean())
        .isTrue();
    clock.advance(Duration.ofDays(2));
    try {
      JsonNode expired = call(post(BASE + "/decisions"), question("PROGRESS"), officer, 200);
      assertThat(expired.get("reason").asString()).isEqualTo("EXPIRED");
      assertThat(expired.get("since").asString()).isEqualTo(expiry.toString());
    } finally {
      clock.advance(Duration.ofDays(-2));
    }
  }

  @Test
  void badInputNamesTheFieldAndChangesNothing() throws Exception {
    String person = BASE + "/people/" + supervised.person() + "/directives";
    List<String[]> cases = new ArrayList<>();
    cases.add(new String[] {directive("", ""), "expiresOn"});
    cases.add(
        new String[] {
          directive("\"expiresOn\":\"" + LocalDate.now(clock).minusDays(3) + "\",", ""), "expiresOn"
        });
    cases.add(
        new String[] {
          directive("\"expiryEvent\":\"END_OF_SUPERVISION\",", "")
              .replace(agency.toString(), UUID.randomUUID().toString()),
          "recipientOrganizations"
        });
    cases.add(
        new String[] {
          directive("\"expiryEvent\":\"END_OF_SUPERVISION\",", "")
              .replace(agency.toString(), "not-a-uuid"),
          "terms.recipientOrganizations[0]"
        });
    cases.add(
        new String[] {
          directive("\"expiryEvent\":\"END_OF_SUPERVISION\",", "").replace("\"en\"", "\"fr\""),
          "language"
        });
    cases.add(
        new String[] {
          directive("\"expiryEvent\":\"END_OF_SUPERVISION\",", "")
              .replace(
                  "\"signedOn\":\"" + LocalDate.now(clock),
                  "\"signedOn\":\"" + LocalDate.now(clock).plusDays(5)),
          "signedOn"
        });
    cases.add(
        new String[] {
          directive("\"expiryEvent\":\"END_OF_SUPERVISION\",", "")
              .replace("\"ELECTRONIC\"", "\"PAPER\""),
          "scan"
        });
    cases.add(
        new String[] {
          directive("\"expiryEvent\":\"END_OF_SUPERVISION\",", "")
              .replace("\"kind\":\"GENERAL\"", "\"kind\":\"CRIMINAL_JUSTICE\"")
              .replace(
                  "\"recipientOrganizations\":[\"" + agency + "\"]",
                  "\"recipientClass\":\"TREATMENT_PAYMENT_OPERATIONS\""),
          "recipientClass"
        });
    cases.add(
        new String[] {
          directive("\"expiryEvent\":\"END_OF_SUPERVISION\",", "")
              .replace("\"ELECTRONIC\"", "\"PAPER\"")
              .replace(
                  "\"language\":\"en\"",
                  "\"language\":\"en\",\"scan\":{\"contentType\":\"application/pdf\",\"content\":\""
                      + Base64.getEncoder().encodeToString("<script>".getBytes())
                      + "\"}"),
          "scan.content"
        });
    for (String[] bad : cases) {
      JsonNode problem = call(post(person), bad[0], officer, 400);
      List<String> fields = new ArrayList<>();
      problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
      assertThat(fields).as(bad[1]).contains(bad[1]);
    }
    assertThat(call(get(person), null, officer, 200).size()).isZero();
  }

  @Test
  void otherOfficersAndOrganizationsGetNotFound() throws Exception {
    JsonNode recorded =
        call(
            post(BASE + "/people/" + supervised.person() + "/directives"),
            directive("\"expiryEvent\":\"END_OF_SUPERVISION\",", ""),
            officer,
            201);
    BridgewayPrincipal colleague =
        BridgewayPrincipal.user(
            supervision.officer(agency),
            agency,
            OrganizationKind.PROBATION_AGENCY,
            "Agency",
            "Colleague",
            Set.of(Role.OFFICER));
    call(get(BASE + "/directives/" + recorded.get("id").asString()), null, colleague, 404);
    call(get(BASE + "/people/" + supervised.person() + "/accounting"), null, colleague, 404);
    BridgewayPrincipal counselor =
        Principals.user(program, OrganizationKind.TREATMENT_PROVIDER, Role.PROVIDER_STAFF);
    call(get(BASE + "/directives/" + recorded.get("id").asString()), null, counselor, 403);
    JsonNode asked = call(post(BASE + "/decisions"), question("ATTENDANCE"), counselor, 200);
    assertThat(asked.get("reason").asString()).isEqualTo("NO_CONSENT");
  }

  @Test
  void emergencyAccessIsTimeLimitedReviewedAndAccounted() throws Exception {
    BridgewayPrincipal medic =
        BridgewayPrincipal.user(
            UserId.random(),
            program,
            OrganizationKind.TREATMENT_PROVIDER,
            "Program",
            "Nurse",
            Set.of(Role.PROVIDER_STAFF));
    String ask =
        """
        {"personId":"%s","discloserId":"%s","category":"DIAGNOSIS","purpose":"TREATMENT","sensitivity":"PART_2"}
        """
            .formatted(supervised.person(), agency);
    assertThat(call(post(BASE + "/decisions"), ask, medic, 200).get("permitted").asBoolean())
        .isFalse();
    JsonNode missingReason =
        call(
            post(BASE + "/emergency-access"),
            "{\"personId\":\"%s\",\"hours\":48}".formatted(supervised.person()),
            medic,
            400);
    List<String> fields = new ArrayList<>();
    missingReason.get("errors").forEach(e -> fields.add(e.get("field").asString()));
    assertThat(fields).containsExactlyInAnyOrder("reason", "hours");

    JsonNode grant =
        call(
            post(BASE + "/emergency-access"),
            "{\"personId\":\"%s\",\"reason\":\"Unresponsive, possible overdose\",\"hours\":1}"
                .formatted(supervised.person()),
            medic,
            201);
    JsonNode permitted = call(post(BASE + "/decisions"), ask, medic, 200);
    assertThat(permitted.get("permitted").asBoolean()).isTrue();
    assertThat(permitted.get("breakGlass").asBoolean()).isTrue();

    BridgewayPrincipal privacyOfficer =
        Principals.user(program, OrganizationKind.TREATMENT_PROVIDER, Role.ORGANIZATION_ADMIN);
    JsonNode pending = call(get(BASE + "/emergency-access/reviews"), null, privacyOfficer, 200);
    assertThat(pending.size()).isEqualTo(1);
    call(
        post(BASE + "/emergency-access/" + grant.get("id").asString() + "/review"),
        "{\"note\":\"Appropriate\",\"version\":0}",
        privacyOfficer,
        200);
    assertThat(call(get(BASE + "/emergency-access/reviews"), null, privacyOfficer, 200).size())
        .isZero();
    call(
        post(BASE + "/emergency-access/" + grant.get("id").asString() + "/review"),
        "{\"version\":1}",
        Principals.user(agency, OrganizationKind.PROBATION_AGENCY, Role.ORGANIZATION_ADMIN),
        404);

    JsonNode accounting =
        call(get(BASE + "/people/" + supervised.person() + "/accounting"), null, officer, 200);
    assertThat(accounting.get("entries").get(0).get("kind").asString())
        .isEqualTo("EMERGENCY_ACCESS");
    assertThat(accounting.get("entries").get(0).get("reviewed").asBoolean()).isTrue();

    clock.advance(Duration.ofHours(2));
    try {
      assertThat(call(post(BASE + "/decisions"), ask, medic, 200).get("permitted").asBoolean())
          .isFalse();
    } finally {
      clock.advance(Duration.ofHours(-2));
    }
  }

  @Test
  void templatesStartDirectivesAndStayInTheirAgency() throws Exception {
    BridgewayPrincipal admin =
        Principals.user(agency, OrganizationKind.PROBATION_AGENCY, Role.ORGANIZATION_ADMIN);
    JsonNode template =
        call(
            post(BASE + "/templates"),
            """
            {"name":"Treatment court standard","terms":{"kind":"GENERAL","disclosers":["%s"],
             "allCategories":true,"recipientOrganizations":["%s"],"purposes":["SUPERVISION_MONITORING"],
             "expiryEvent":"END_OF_SUPERVISION","revocationInstructions":"In writing."}}
            """
                .formatted(program, agency),
            admin,
            201);
    JsonNode recorded =
        call(
            post(BASE + "/people/" + supervised.person() + "/directives"),
            """
            {"templateId":"%s","terms":{},"signedOn":"%s","signatureMethod":"ELECTRONIC",
             "typedName":"Pat Example","attested":true,"language":"es"}
            """
                .formatted(template.get("id").asString(), LocalDate.now(appClock)),
            officer,
            201);
    assertThat(recorded.get("terms").get("allCategories").asBoolean()).isTrue();
    assertThat(recorded.get("templateId").asString()).isEqualTo(template.get("id").asString());
    OrganizationId otherAgency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    call(
        get(BASE + "/templates/" + template.get("id").asString()),
        null,
        Principals.user(otherAgency, OrganizationKind.PROBATION_AGENCY, Role.NETWORK_ADMIN),
        404);
  }

  private static MockHttpServletRequestBuilder put(String path) {
    return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path);
  }

  private JsonNode call(
      MockHttpServletRequestBuilder request, String body, BridgewayPrincipal who, int expected)
      throws Exception {
    if (body != null) {
      request.content(body);
    }
    String response =
        mvc.perform(
                request
                    .contentType(MediaType.APPLICATION_JSON)
                    .with(authentication(Principals.authenticationOf(who))))
            .andExpect(status().is(expected))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return response.isEmpty()
        ? JsonMapper.shared().nullNode()
        : JsonMapper.shared().readTree(response);
  }
}
