package org.bridgeway.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bridgeway.shared.web.ApiClients.anyClient;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.ServletContext;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

@ApiConventionsTest
@ExtendWith(OutputCaptureExtension.class)
class ApiProblemDetailsTests {

  private static final String THINGS = "/api/v1/test-only/things";
  private static final String VALID_THING = "{\"name\":\"Lamp\",\"quantity\":2}";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void createTable() {
    ApiConventionsTestController.createTable(jdbc);
  }

  private ResultActions postJson(String path, String json) throws Exception {
    return mvc.perform(
        post(path).with(anyClient()).contentType(MediaType.APPLICATION_JSON).content(json));
  }

  /** A problem response must never show Java internals. */
  private static void assertNoInternals(MvcResult result) throws Exception {
    String body = result.getResponse().getContentAsString();
    assertThat(body)
        .doesNotContain(
            "Exception", "java.", "org.springframework", "tools.jackson", "org.bridgeway")
        .doesNotContain("\tat ", "trace");
  }

  @Test
  void validBodyIsAccepted() throws Exception {
    postJson(THINGS, VALID_THING)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.name").value("Lamp"));
  }

  @Test
  void malformedJsonIsA400ProblemWithoutInternals() throws Exception {
    MvcResult result =
        postJson(THINGS, "{\"name\": \"Lamp\", \"quantity\": ")
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.status").value(400))
            .andExpect(jsonPath("$.title").value("Bad Request"))
            .andExpect(jsonPath("$.detail", containsString("not well-formed JSON")))
            .andExpect(jsonPath("$.instance").value(THINGS))
            .andReturn();
    assertNoInternals(result);
  }

  @Test
  void wrongTypeNamesTheField() throws Exception {
    MvcResult result =
        postJson(THINGS, "{\"name\":\"Lamp\",\"quantity\":\"many\"}")
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.errors", hasSize(1)))
            .andExpect(jsonPath("$.errors[0].field").value("quantity"))
            .andExpect(jsonPath("$.errors[0].code").value("TypeMismatch"))
            .andExpect(jsonPath("$.errors[0].message").value("must be a whole number"))
            .andReturn();
    assertNoInternals(result);
  }

  @Test
  void wrongDateFormatNamesTheField() throws Exception {
    MvcResult result =
        postJson(THINGS, "{\"name\":\"Lamp\",\"quantity\":1,\"due\":\"next tuesday\"}")
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("due"))
            .andExpect(jsonPath("$.errors[0].message").value("must be a date (YYYY-MM-DD)"))
            .andReturn();
    assertNoInternals(result);
  }

  @Test
  void missingRequiredFieldsAreNamed() throws Exception {
    postJson(THINGS, "{\"email\":\"not an email\"}")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors", hasSize(3)))
        .andExpect(jsonPath("$.errors[?(@.field == 'name')].code").value("NotBlank"))
        .andExpect(jsonPath("$.errors[?(@.field == 'quantity')].code").value("NotNull"))
        .andExpect(jsonPath("$.errors[?(@.field == 'email')].code").value("Email"))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'email')].message")
                .value("must be a well-formed email address"));
  }

  @Test
  void missingBodyIsA400Problem() throws Exception {
    MvcResult result =
        mvc.perform(post(THINGS).with(anyClient()).contentType(MediaType.APPLICATION_JSON))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail").value("The request body is missing or empty."))
            .andReturn();
    assertNoInternals(result);
  }

  @Test
  void wrongTypeOfPathVariableNamesIt() throws Exception {
    mvc.perform(get(THINGS + "/not-a-uuid").with(anyClient()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("id"))
        .andExpect(jsonPath("$.errors[0].message").value("must be a UUID"));
  }

  @Test
  void wrongTypeOfQueryParameterNamesIt() throws Exception {
    mvc.perform(
            get("/api/v1/test-only/search")
                .param("term", "xy")
                .param("limit", "ten")
                .with(anyClient()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("limit"))
        .andExpect(jsonPath("$.errors[0].code").value("TypeMismatch"));
  }

  @Test
  void constraintsOnQueryParametersNameThem() throws Exception {
    mvc.perform(
            get("/api/v1/test-only/search")
                .param("term", "x")
                .param("limit", "51")
                .with(anyClient()))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors", hasSize(2)))
        .andExpect(jsonPath("$.errors[?(@.field == 'term')].code").value("Size"))
        .andExpect(jsonPath("$.errors[?(@.field == 'limit')].code").value("Max"))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'limit')].message")
                .value("must be less than or equal to 50"));
  }

  @Test
  void missingQueryParameterIsNamed() throws Exception {
    mvc.perform(get("/api/v1/test-only/search").with(anyClient()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("term"))
        .andExpect(jsonPath("$.errors[0].code").value("Required"));
  }

  @Test
  void deniedMethodAuthorizationStaysA403() throws Exception {
    mvc.perform(get("/api/v1/test-only/admin-only").with(anyClient()))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(403));
  }

  @Test
  void unknownRecordIsA404Problem() throws Exception {
    mvc.perform(get(THINGS + "/" + java.util.UUID.randomUUID()).with(anyClient()))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("The thing was not found."));
  }

  @Test
  void unknownApiPathIsA404Problem() throws Exception {
    mvc.perform(get("/api/v1/test-only/nothing-here").with(anyClient()))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(404));
  }

  @Test
  void unsupportedMethodIsA405Problem() throws Exception {
    mvc.perform(delete(THINGS).with(anyClient()))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(header().string("Allow", containsString("POST")))
        .andExpect(jsonPath("$.status").value(405));
  }

  @Test
  void unsupportedMediaTypeIsA415Problem() throws Exception {
    mvc.perform(
            post(THINGS).with(anyClient()).contentType(MediaType.TEXT_PLAIN).content(VALID_THING))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(415));
  }

  @Test
  void optimisticLockFailureIsA409WithAClearMessage() throws Exception {
    MvcResult result =
        postJson("/api/v1/test-only/stale-things", VALID_THING)
            .andExpect(status().isConflict())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.detail", containsString("Someone else changed this record")))
            .andReturn();
    assertThat(result.getResponse().getContentAsString())
        .doesNotContain("secret_thing", "version 3");
  }

  @Test
  void businessRuleViolationIsA422NamingTheField() throws Exception {
    postJson("/api/v1/test-only/rule-breaking-things", VALID_THING)
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("test.thing.name.taken"))
        .andExpect(jsonPath("$.detail").value("A thing with this name exists"))
        .andExpect(jsonPath("$.errors[0].field").value("name"))
        .andExpect(jsonPath("$.errors[0].code").value("test.thing.name.taken"));
  }

  @Test
  void unexpectedErrorIsAGeneric500WithALoggedCorrelationId(CapturedOutput output)
      throws Exception {
    MvcResult result =
        mvc.perform(post("/api/v1/test-only/broken").with(anyClient()))
            .andExpect(status().isInternalServerError())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.correlationId").isNotEmpty())
            .andExpect(jsonPath("$.detail", not(containsString("hunter2"))))
            .andReturn();
    String body = result.getResponse().getContentAsString();
    assertThat(body).doesNotContain("hunter2", "IllegalStateException", "org.bridgeway");
    String correlationId = com.jayway.jsonpath.JsonPath.read(body, "$.correlationId").toString();
    assertThat(body).contains(correlationId);
    assertThat(output.getOut() + output.getErr())
        .contains("correlationId=" + correlationId)
        .contains("password=hunter2");
  }

  @Test
  void bodyDeclaredLargerThanTheLimitIsRefusedWith413() throws Exception {
    byte[] big = jsonOfSize(1024 * 1024 + 1);
    MvcResult result =
        mvc.perform(
                post(THINGS).with(anyClient()).contentType(MediaType.APPLICATION_JSON).content(big))
            .andExpect(status().isContentTooLarge())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.maxBytes").value(1024 * 1024))
            .andReturn();
    assertNoInternals(result);
  }

  @Test
  void bodyOfUnknownLengthIsCutOffAtTheLimit() throws Exception {
    byte[] big = jsonOfSize(1024 * 1024 + 1);
    MockHttpServletRequest[] sent = new MockHttpServletRequest[1];
    mvc.perform(
            new UnknownLengthPost(THINGS)
                .with(
                    request -> {
                      sent[0] = request;
                      return request;
                    })
                .with(anyClient())
                .contentType(MediaType.APPLICATION_JSON)
                .content(big))
        .andExpect(status().isContentTooLarge())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.maxBytes").value(1024 * 1024));
    assertThat(sent[0].getContentLengthLong()).isEqualTo(-1);
  }

  @Test
  void handlerCanDeclareALargerLimit() throws Exception {
    byte[] body = jsonOfSize(2 * 1024 * 1024);
    mvc.perform(
            post("/api/v1/test-only/uploads")
                .with(anyClient())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.characters").value(body.length));
    mvc.perform(
            post("/api/v1/test-only/uploads")
                .with(anyClient())
                .contentType(MediaType.APPLICATION_JSON)
                .content(jsonOfSize(3 * 1024 * 1024 + 1)))
        .andExpect(status().isContentTooLarge());
  }

  /** A JSON string value padded to exactly {@code size} bytes. */
  private static byte[] jsonOfSize(int size) {
    byte[] json = new byte[size];
    Arrays.fill(json, (byte) 'a');
    json[0] = '"';
    json[size - 1] = '"';
    return json;
  }

  /** A POST whose body declares no length, as a chunked request does. */
  private static final class UnknownLengthPost
      extends AbstractMockHttpServletRequestBuilder<UnknownLengthPost> {

    UnknownLengthPost(String uri) {
      super(HttpMethod.POST);
      uri(uri);
    }

    @Override
    protected MockHttpServletRequest createServletRequest(ServletContext servletContext) {
      return new MockHttpServletRequest(servletContext) {
        @Override
        public int getContentLength() {
          return -1;
        }

        @Override
        public long getContentLengthLong() {
          return -1;
        }
      };
    }
  }
}
