package org.bridgeway.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.token.ApiTokenService;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.TestUsers;
import org.bridgeway.testing.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The supervision API over real HTTP with bearer tokens, as an agency's case management system
 * calls it: the agency's people are its own, and another agency's token cannot tell them from ids
 * that do not exist.
 */
@WebIntegrationTest
class SupervisionOverHttpTests {

  @LocalServerPort int port;
  @Autowired TestUsers testUsers;
  @Autowired ApiTokenService tokens;

  private final HttpClient http = HttpClient.newHttpClient();
  String agencyToken;
  String otherAgencyToken;
  String officerToken;

  @BeforeEach
  void setUp() {
    OrganizationId agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    OrganizationId other = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    agencyToken = token(agency, Role.ORGANIZATION_ADMIN);
    officerToken = token(agency, Role.OFFICER);
    otherAgencyToken = token(other, Role.ORGANIZATION_ADMIN);
  }

  @Test
  void anAgencyKeepsItsPeopleToItself() throws Exception {
    String family = "Abernathy" + Long.toHexString(UUID.randomUUID().getMostSignificantBits());
    HttpResponse<String> created =
        send("POST", "/api/v1/supervision/people", agencyToken, person("Imogen", family, ""));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Set-Cookie")).isEmpty();
    String id = json(created).get("id").asString();
    assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> l.endsWith(id));

    HttpResponse<String> read = send("GET", "/api/v1/supervision/people/" + id, agencyToken, null);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(json(read).get("name").get("family").asString()).isEqualTo(family);

    HttpResponse<String> foreign =
        send("GET", "/api/v1/supervision/people/" + id, otherAgencyToken, null);
    HttpResponse<String> missing =
        send("GET", "/api/v1/supervision/people/" + UUID.randomUUID(), otherAgencyToken, null);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body().replace(id, "ID"))
        .isEqualTo(missing.body().replaceAll("[0-9a-f-]{36}", "ID"));
    // An officer's token has no caseload.
    assertThat(send("GET", "/api/v1/supervision/people/" + id, officerToken, null).statusCode())
        .isEqualTo(404);
    assertThat(send("GET", "/api/v1/supervision/people/" + id, null, null).statusCode())
        .isEqualTo(401);

    HttpResponse<String> again =
        send("POST", "/api/v1/supervision/people", agencyToken, person("Imogen", family, ""));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(json(again).get("candidates").get(0).get("personId").asString()).isEqualTo(id);
  }

  @Test
  void malformedInputIsAProblemNamingTheFieldNeverAServerError() throws Exception {
    HttpResponse<String> wrongDate =
        send(
            "POST",
            "/api/v1/supervision/people",
            agencyToken,
            person("Ivo", "Brandt", "").replace("1986-08-19", "19-08-1986"));
    assertThat(wrongDate.statusCode()).isEqualTo(400);
    assertThat(json(wrongDate).get("errors").get(0).get("field").asString())
        .isEqualTo("dateOfBirth");
    HttpResponse<String> truncated =
        send("POST", "/api/v1/supervision/people", agencyToken, "{\"name\":");
    assertThat(truncated.statusCode()).isEqualTo(400);
    HttpResponse<String> notAnId =
        send("GET", "/api/v1/supervision/people/not-a-uuid", agencyToken, null);
    assertThat(notAnId.statusCode()).isEqualTo(400);
    assertThat(json(notAnId).get("errors").get(0).get("field").asString()).isEqualTo("id");
  }

  private String token(OrganizationId organization, Role role) {
    BridgewayPrincipal issuer =
        Principals.user(organization, OrganizationKind.PROBATION_AGENCY, Role.ORGANIZATION_ADMIN);
    return tokens.issue(issuer, organization, "Case system", Set.of(role), null).value();
  }

  private static String person(String given, String family, String extra) {
    return """
        {"name":{"given":"%s","family":"%s"},"dateOfBirth":"1986-08-19",
         "identifiers":[{"kind":"AGENCY_ID","value":"H-%s"}],
         "contact":{"method":"TEXT","phone":"951-555-0199","quietHoursStart":"21:00",
                    "quietHoursEnd":"08:00"}%s}
        """
        .formatted(given, family, UUID.randomUUID().toString().substring(0, 8), extra);
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JsonMapper.shared().readTree(response.body());
  }
}
