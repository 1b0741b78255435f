package org.bridgeway.directory.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.Principals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The upload page flow, through MockMvc with real multipart requests. */
@IntegrationTest
@AutoConfigureMockMvc
class ImportPagesIntegrationTests {

  private static final Pattern JOB = Pattern.compile("/directory/imports/([0-9a-f-]{36})");
  private static final BridgewayPrincipal COORDINATOR =
      Principals.user(
          OrganizationId.random(), OrganizationKind.PROBATION_AGENCY, Role.COMMUNITY_COORDINATOR);

  @Autowired MockMvc mvc;
  @Autowired ImportJobs jobs;
  @Autowired JdbcClient jdbc;
  @Autowired ImportJobRunner runner;

  private static RequestPostProcessor coordinator() {
    return authentication(Principals.authenticationOf(COORDINATOR));
  }

  private static String example(String name) {
    return ExchangeFixtures.exampleWithFreshIds(name);
  }

  private long jobCount() {
    return jdbc.sql("SELECT count(*) FROM directory_import_job").query(Long.class).single();
  }

  @Test
  void theUploadPageOffersTheFormAndTheRecentImports() throws Exception {
    String page =
        mvc.perform(get("/directory/imports").with(coordinator()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(page)
        .contains("enctype=\"multipart/form-data\"", "name=\"files\"", "Recent imports");
  }

  @Test
  void anUploadIsQueuedAndItsPageShowsProgressThenTheReport() throws Exception {
    MockMultipartFile file =
        new MockMultipartFile(
            "files",
            "service_full.json",
            "application/json",
            example("service_full.json").getBytes(StandardCharsets.UTF_8));

    String location =
        mvc.perform(multipart("/directory/imports").file(file).with(csrf()).with(coordinator()))
            .andExpect(status().isFound())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    Matcher matcher = JOB.matcher(location);
    assertThat(matcher.matches()).isTrue();
    UUID id = UUID.fromString(matcher.group(1));

    String queued =
        mvc.perform(get(location).with(coordinator()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(queued).contains("<progress", "data-import-progress", "Waiting to start");
    mvc.perform(get(location + "/progress").with(coordinator()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("QUEUED"))
        .andExpect(jsonPath("$.finished").value(false));

    runner.run(id);

    mvc.perform(get(location + "/progress").with(coordinator()))
        .andExpect(jsonPath("$.finished").value(true))
        .andExpect(jsonPath("$.statusText").value("Written"));
    String done =
        mvc.perform(get(location).with(coordinator()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(done).contains("id=\"import-result\"", "id=\"import-counts\"", "service");
    assertThat(done).doesNotContain("data-import-progress");
  }

  @Test
  void severalCsvFilesUploadedTogetherAreOneDatapackage() throws Exception {
    UUID organization = UUID.randomUUID();
    MockMultipartFile organizations =
        new MockMultipartFile(
            "files",
            "organizations.csv",
            "text/csv",
            ("id,name,description\n" + organization + ",Org,An organization\n")
                .getBytes(StandardCharsets.UTF_8));
    MockMultipartFile services =
        new MockMultipartFile(
            "files",
            "services.csv",
            "text/csv",
            ("id,organization_id,name,description,status\n"
                    + UUID.randomUUID()
                    + ","
                    + organization
                    + ",Meals,Hot meals,active\n")
                .getBytes(StandardCharsets.UTF_8));

    String location =
        mvc.perform(
                multipart("/directory/imports")
                    .file(organizations)
                    .file(services)
                    .with(csrf())
                    .with(coordinator()))
            .andExpect(status().isFound())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    runner.run(id);

    assertThat(jobs.find(id).orElseThrow().status()).isEqualTo(ImportStatus.SUCCEEDED);
    assertThat(jobs.find(id).orElseThrow().kind()).isEqualTo("CSV_PACKAGE");
    assertThat(jobs.find(id).orElseThrow().createdCount()).isEqualTo(2);
  }

  @Test
  void aRejectedImportShowsItsErrorsByFileRowAndField() throws Exception {
    MockMultipartFile services =
        new MockMultipartFile(
            "files",
            "services.csv",
            "text/csv",
            ("id,organization_id,name,status\n"
                    + UUID.randomUUID()
                    + ","
                    + UUID.randomUUID()
                    + ",Meals,open\n")
                .getBytes(StandardCharsets.UTF_8));
    String location =
        mvc.perform(multipart("/directory/imports").file(services).with(csrf()).with(coordinator()))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    runner.run(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));

    String page =
        mvc.perform(get(location).with(coordinator()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(page).contains("Rejected: nothing written", "id=\"import-errors\"", "line 2");
    assertThat(page).contains("<code>status</code>", "<code>organization_id</code>");
  }

  @Test
  void aMalformedFileIsRefusedOnTheFormAndNothingIsQueued() throws Exception {
    long before = jobCount();
    MockMultipartFile broken =
        new MockMultipartFile(
            "files",
            "broken.json",
            "application/json",
            "{\"id\": [".getBytes(StandardCharsets.UTF_8));

    String page =
        mvc.perform(multipart("/directory/imports").file(broken).with(csrf()).with(coordinator()))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(page).contains("id=\"error-summary\"", "not well-formed", "line 1");
    assertThat(jobCount()).isEqualTo(before);
  }

  @Test
  void aSubmissionWithoutAFileAsksForOne() throws Exception {
    mvc.perform(multipart("/directory/imports").with(csrf()).with(coordinator()))
        .andExpect(status().isBadRequest());
  }

  @Test
  void anOversizedFileIsRefusedWith413() throws Exception {
    long before = jobCount();
    byte[] big = new byte[50 * 1024 * 1024 + 1];
    big[0] = '[';
    MockMultipartFile file = new MockMultipartFile("files", "big.json", "application/json", big);

    mvc.perform(multipart("/directory/imports").file(file).with(csrf()).with(coordinator()))
        .andExpect(status().isPayloadTooLarge());

    assertThat(jobCount()).isEqualTo(before);
  }
}
