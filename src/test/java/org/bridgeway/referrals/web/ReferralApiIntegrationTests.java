package org.bridgeway.referrals.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.ReferralFixtures;
import org.bridgeway.testing.ReferralFixtures.Made;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.SupervisionFixtures.Supervised;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
@AutoConfigureMockMvc
class ReferralApiIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired SupervisionFixtures supervision;
  @Autowired ReferralFixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  OrganizationId agency;
  OrganizationId provider;
  BridgewayPrincipal referrer;
  BridgewayPrincipal staff;

  @BeforeEach
  void setUp() {
    agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    provider = users.organization(OrganizationKind.TREATMENT_PROVIDER);
    referrer = ReferralFixtures.referrerOf(agency);
    staff = ReferralFixtures.providerStaffOf(provider);
  }

  private MockHttpServletRequestBuilder as(
      BridgewayPrincipal principal, MockHttpServletRequestBuilder request) {
    return request.with(authentication(Principals.authenticationOf(principal)));
  }

  private MockMultipartHttpServletRequestBuilder as(
      BridgewayPrincipal principal, MockMultipartHttpServletRequestBuilder request) {
    return request.with(authentication(Principals.authenticationOf(principal)));
  }

  private MockHttpServletRequestBuilder jsonPost(
      BridgewayPrincipal principal, String path, String body) {
    return as(principal, post(path).contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private String draftBody(UUID person, String reason) {
    return """
        {"personId":"%s","needDomain":"SUBSTANCE_USE","reason":%s,"urgency":"URGENT",
         "preferredContact":"TEXT","riskInformation":"None"}
        """
        .formatted(person, json.writeValueAsString(reason));
  }

  @Test
  void draftPostIsIdempotentWithTheSameKey() throws Exception {
    Supervised person = supervision.supervised(agency);
    String key = "draft-" + UUID.randomUUID();
    String body = draftBody(person.person(), "Needs treatment");
    String first =
        mvc.perform(jsonPost(referrer, "/api/v1/referrals", body).header("Idempotency-Key", key))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String again =
        mvc.perform(jsonPost(referrer, "/api/v1/referrals", body).header("Idempotency-Key", key))
            .andExpect(status().isCreated())
            .andExpect(header().string("Idempotent-Replayed", "true"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(json.readTree(again).get("id")).isEqualTo(json.readTree(first).get("id"));
    assertThat(
            jdbc.sql("SELECT count(*) FROM referral WHERE person_id = :p")
                .param("p", person.person())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void badInputNamesTheField() throws Exception {
    Supervised person = supervision.supervised(agency);
    mvc.perform(
            jsonPost(
                referrer,
                "/api/v1/referrals",
                "{\"personId\":\"%s\",\"needDomain\":\"HOUSING\",\"urgency\":\"SOON\"}"
                    .formatted(person.person())))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("urgency"));
    mvc.perform(
            jsonPost(
                referrer,
                "/api/v1/referrals",
                "{\"personId\":\"%s\",\"needDomain\":\"HOUSING\",\"urgency\":\"ROUTINE\","
                        .formatted(person.person())
                    + "\"preferredContact\":\"PHONE\",\"reason\":\"  \"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    Made sent = fixtures.sentTo(provider);
    mvc.perform(
            jsonPost(
                staff,
                "/api/v1/referrals/provider/" + sent.id() + "/decline",
                "{\"reason\":\"NO_CAPACITY\",\"version\":%d}".formatted(sent.version())))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("note"));
    mvc.perform(
            jsonPost(
                staff,
                "/api/v1/referrals/provider/" + sent.id() + "/waitlist",
                "{\"estimatedDate\":\"2001-01-01\",\"version\":%d}".formatted(sent.version())))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("estimatedDate"));
  }

  @Test
  void illegalTransitionAnswers422NamingTheState() throws Exception {
    Made sent = fixtures.sentTo(provider);
    mvc.perform(
            jsonPost(
                staff,
                "/api/v1/referrals/provider/" + sent.id() + "/complete",
                "{\"version\":%d}".formatted(sent.version())))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.state").value("SENT"))
        .andExpect(jsonPath("$.code").value("referrals.transition.illegal"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("SENT")));
  }

  @Test
  void staleVersionAnswers409() throws Exception {
    Made sent = fixtures.sentTo(provider);
    String path = "/api/v1/referrals/provider/" + sent.id() + "/accept";
    String body = "{\"version\":%d}".formatted(sent.version());
    mvc.perform(jsonPost(staff, path, body)).andExpect(status().isOk());
    mvc.perform(jsonPost(staff, path, body)).andExpect(status().isConflict());
  }

  @Test
  void twoConcurrentAcceptsOneWinsTheOtherGets409() throws Exception {
    Made sent = fixtures.sentTo(provider);
    String path = "/api/v1/referrals/provider/" + sent.id() + "/accept";
    String body = "{\"version\":%d}".formatted(sent.version());
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  return mvc.perform(jsonPost(staff, path, body))
                      .andReturn()
                      .getResponse()
                      .getStatus();
                }));
      }
      go.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        statuses.add(answer.get());
      }
      assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM referral_timeline_entry WHERE referral_id = :id AND kind = 'ACCEPTED'")
                .param("id", sent.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void otherOrganizationsReferralAnswers404() throws Exception {
    Made sent = fixtures.sentTo(provider);
    BridgewayPrincipal stranger =
        ReferralFixtures.providerStaffOf(users.organization(OrganizationKind.TREATMENT_PROVIDER));
    mvc.perform(as(stranger, get("/api/v1/referrals/provider/" + sent.id())))
        .andExpect(status().isNotFound());
    mvc.perform(as(referrer, get("/api/v1/referrals/" + sent.id())))
        .andExpect(status().isNotFound());
    mvc.perform(as(staff, get("/api/v1/referrals/" + sent.id()))).andExpect(status().isForbidden());
    mvc.perform(as(staff, get("/api/v1/referrals/provider/" + UUID.randomUUID())))
        .andExpect(status().isNotFound());
  }

  @Test
  void providerSeesTheSharedContentAndTheOfficerSeesTheAnswer() throws Exception {
    Made sent = fixtures.sentTo(provider);
    mvc.perform(as(staff, get("/api/v1/referrals/provider/" + sent.id())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.side").value("PROVIDER"))
        .andExpect(jsonPath("$.personId").doesNotExist())
        .andExpect(jsonPath("$.reason").value("Needs stable housing before release planning"))
        .andExpect(jsonPath("$.fhirTaskStatus").value("requested"));
    mvc.perform(
            jsonPost(
                staff,
                "/api/v1/referrals/provider/" + sent.id() + "/decline",
                "{\"reason\":\"NOT_ELIGIBLE\",\"note\":\"Age limit\",\"version\":%d}"
                    .formatted(sent.version())))
        .andExpect(status().isOk());
    mvc.perform(
            as(ReferralFixtures.referrerOf(sent.agency()), get("/api/v1/referrals/" + sent.id())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("DECLINED"))
        .andExpect(jsonPath("$.fhirTaskStatus").value("rejected"))
        .andExpect(jsonPath("$.closingReason").value("NOT_ELIGIBLE"))
        .andExpect(jsonPath("$.closingNote").value("Age limit"))
        .andExpect(jsonPath("$.timeline[-1].kind").value("DECLINED"));
  }

  @Test
  void hostileTextIsStoredAndReturnedAsText() throws Exception {
    Supervised person = supervision.supervised(agency);
    String hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    String answer =
        mvc.perform(jsonPost(referrer, "/api/v1/referrals", draftBody(person.person(), hostile)))
            .andExpect(status().isCreated())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode node = json.readTree(answer);
    assertThat(node.get("reason").asString()).isEqualTo(hostile);
  }

  @Test
  void attachmentsOfTheWrongTypeOrSizeAreRefusedAndGoodOnesComeBack() throws Exception {
    Made sent = fixtures.sentTo(provider);
    BridgewayPrincipal theirs = ReferralFixtures.referrerOf(sent.agency());
    String path = "/api/v1/referrals/" + sent.id() + "/attachments";
    mvc.perform(
            as(
                theirs,
                multipart(path)
                    .file(
                        new MockMultipartFile(
                            "file", "photo.png", "image/png", new byte[] {'M', 'Z', 0, 0, 1}))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("file"))
        .andExpect(jsonPath("$.errors[0].code").value("MediaType"));
    mvc.perform(
            as(
                theirs,
                multipart(path)
                    .file(
                        new MockMultipartFile(
                            "file", "big.pdf", "application/pdf", bigPdf(5 * 1024 * 1024 + 10)))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].code").value("Size"));
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};
    String stored =
        mvc.perform(
                as(
                    theirs,
                    multipart(path)
                        .file(new MockMultipartFile("file", "scan.png", "application/pdf", png))))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.mediaType").value("image/png"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String attachment = json.readTree(stored).get("id").asString();
    mvc.perform(
            as(
                staff,
                get("/api/v1/referrals/provider/" + sent.id() + "/attachments/" + attachment)))
        .andExpect(status().isOk())
        .andExpect(content().contentType("image/png"))
        .andExpect(content().bytes(png))
        .andExpect(
            header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")));
  }

  @Test
  void providerAdministratorSetsTheDeadline() throws Exception {
    BridgewayPrincipal admin =
        Principals.apiClient(
            provider,
            OrganizationKind.TREATMENT_PROVIDER,
            org.bridgeway.identity.Role.ORGANIZATION_ADMIN);
    String path = "/api/v1/referrals/providers/" + provider + "/settings";
    mvc.perform(as(admin, get(path)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.responseBusinessDays").value(3))
        .andExpect(jsonPath("$.configured").value(false));
    mvc.perform(
            as(
                admin,
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"responseBusinessDays\":0,\"reminderHours\":4,\"version\":0}")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("responseBusinessDays"));
    mvc.perform(
            as(
                admin,
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"responseBusinessDays\":5,\"reminderHours\":4,\"version\":0}")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(1));
    mvc.perform(
            as(
                admin,
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"responseBusinessDays\":6,\"reminderHours\":4,\"version\":0}")))
        .andExpect(status().isConflict());
  }

  private static byte[] bigPdf(int size) {
    byte[] content = new byte[size];
    byte[] magic = "%PDF-1.7".getBytes();
    System.arraycopy(magic, 0, content, 0, magic.length);
    return content;
  }
}
