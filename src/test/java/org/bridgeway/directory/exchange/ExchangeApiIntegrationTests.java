package org.bridgeway.directory.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.Principals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/** Import and export over the API: 202 and a job to follow, problems for what cannot be read. */
@IntegrationTest
@AutoConfigureMockMvc
class ExchangeApiIntegrationTests {

  private static final BridgewayPrincipal CLIENT =
      Principals.apiClient(
          OrganizationId.random(), OrganizationKind.PROBATION_AGENCY, Role.NETWORK_ADMIN);

  @Autowired MockMvc mvc;
  @Autowired ImportJobRunner runner;
  @Autowired JdbcClient jdbc;

  private static RequestPostProcessor client() {
    return authentication(Principals.authenticationOf(CLIENT));
  }

  private long jobCount() {
    return jdbc.sql("SELECT count(*) FROM directory_import_job").query(Long.class).single();
  }

  private static byte[] example(String name) {
    return ExchangeFixtures.exampleWithFreshIds(name).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anImportIsAcceptedWithTheLocationOfItsJob() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post("/api/v1/directory/imports")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(example("service_list.json"))
                    .with(client()))
            .andExpect(status().isAccepted())
            .andExpect(jsonPath("$.status").value("QUEUED"))
            .andReturn()
            .getResponse();
    String location = response.getHeader("Location");
    assertThat(location).startsWith("/api/v1/directory/imports/");
    UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

    runner.run(id);

    mvc.perform(get(location).with(client()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("SUCCEEDED"))
        .andExpect(jsonPath("$.kind").value("JSON_LIST"))
        .andExpect(jsonPath("$.report.counts[?(@.type == 'service')].created").value(1));
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyGetsTheSameJob() throws Exception {
    byte[] body = example("organization_list.json");
    String key = "import-" + UUID.randomUUID();
    long before = jobCount();

    String first =
        mvc.perform(
                post("/api/v1/directory/imports")
                    .header("Idempotency-Key", key)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body)
                    .with(client()))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String second =
        mvc.perform(
                post("/api/v1/directory/imports")
                    .header("Idempotency-Key", key)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body)
                    .with(client()))
            .andExpect(status().isAccepted())
            .andExpect(header().string("Idempotent-Replayed", "true"))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(ExchangeFixtures.JSON.readTree(second).get("id"))
        .isEqualTo(ExchangeFixtures.JSON.readTree(first).get("id"));
    assertThat(jobCount()).isEqualTo(before + 1);
  }

  @Test
  void malformedJsonIsAProblemResponseAndNothingIsQueued() throws Exception {
    long before = jobCount();

    mvc.perform(
            post("/api/v1/directory/imports")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"id\": \"x\",\n \"name\": }")
                .with(client()))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("body"))
        .andExpect(jsonPath("$.errors[0].code").value("json-syntax"))
        .andExpect(jsonPath("$.problems[0].arguments[0]").value("2"));

    assertThat(jobCount()).isEqualTo(before);
  }

  @Test
  void aCsvFileNeedsItsHsdsName() throws Exception {
    byte[] csv =
        ("id,name,description\n" + UUID.randomUUID() + ",Org,An organization\n")
            .getBytes(StandardCharsets.UTF_8);

    mvc.perform(
            post("/api/v1/directory/imports").contentType("text/csv").content(csv).with(client()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].code").value("unknown-file"));
    mvc.perform(
            post("/api/v1/directory/imports")
                .contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"organizations.csv\"")
                .content(csv)
                .with(client()))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.fileName").value("organizations.csv"));
  }

  @Test
  void aBodyOfAnotherKindIsRefused() throws Exception {
    mvc.perform(
            post("/api/v1/directory/imports")
                .contentType(MediaType.TEXT_PLAIN)
                .content("hello")
                .with(client()))
        .andExpect(status().isUnsupportedMediaType());
  }

  @Test
  void aZipWithTooManyFilesIsRefused() throws Exception {
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 100; i++) {
      files.put("notes-" + i + ".txt", new byte[] {'x'});
    }
    mvc.perform(
            post("/api/v1/directory/imports")
                .contentType("application/zip")
                .content(ExchangeFixtures.zip(files))
                .with(client()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].code").value("zip-too-many-entries"));
  }

  @Test
  void aBodyAboveTheLimitIsRefusedWith413() throws Exception {
    byte[] big = new byte[50 * 1024 * 1024 + 1];
    mvc.perform(
            post("/api/v1/directory/imports")
                .contentType(MediaType.APPLICATION_JSON)
                .content(big)
                .with(client()))
        .andExpect(status().isPayloadTooLarge());
  }

  @Test
  void anUnknownJobIsNotFound() throws Exception {
    mvc.perform(get("/api/v1/directory/imports/" + UUID.randomUUID()).with(client()))
        .andExpect(status().isNotFound());
  }

  @Test
  void theExportStreamsJsonOrACsvDatapackage() throws Exception {
    String organization = UUID.randomUUID().toString();
    String json =
        """
        {"id": "%s", "name": "Org", "description": "An organization",
         "services": [{"id": "%s", "name": "Meals", "description": "Hot meals", "status": "active"}]}
        """
            .formatted(organization, UUID.randomUUID());
    String location =
        mvc.perform(
                post("/api/v1/directory/imports")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json)
                    .with(client()))
            .andReturn()
            .getResponse()
            .getHeader("Location");
    runner.run(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));

    byte[] exported =
        mvc.perform(
                get("/api/v1/directory/export").param("organization", organization).with(client()))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andExpect(
                header()
                    .string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    JsonNode organizations = ExchangeFixtures.JSON.readTree(exported);
    assertThat(organizations.get(0).get("services").get(0).get("name").asString())
        .isEqualTo("Meals");

    byte[] zip =
        mvc.perform(
                get("/api/v1/directory/export")
                    .param("format", "csv")
                    .param("organization", organization)
                    .with(client()))
            .andExpect(status().isOk())
            .andExpect(content().contentType("application/zip"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(ExchangeFixtures.unzip(zip)).containsKeys("datapackage.json", "services.csv");
  }

  @Test
  void exportFiltersThatDoNotParseAreNamedInTheProblem() throws Exception {
    mvc.perform(
            get("/api/v1/directory/export")
                .param("format", "xml")
                .param("organization", "not-a-uuid")
                .param("needDomain", "GARDENING")
                .param("modifiedAfter", "yesterday")
                .with(client()))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(
                    org.hamcrest.Matchers.containsInAnyOrder(
                        "format", "organization", "needDomain", "modifiedAfter")));
  }
}
