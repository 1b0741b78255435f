package org.bridgeway.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bridgeway.shared.web.ApiClients.anyClient;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The browser-hardening headers are on every response, API and pages alike, and the API never hands
 * out a session or a cookie.
 */
@ApiConventionsTest
class SecurityHeadersTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  private static void assertStrictHeaders(MockHttpServletResponse response) {
    String csp = response.getHeader("Content-Security-Policy");
    assertThat(csp)
        .contains("default-src 'self'")
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'")
        .contains("object-src 'none'")
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval");
    assertThat(response.getHeader("Strict-Transport-Security"))
        .startsWith("max-age=")
        .contains("includeSubDomains");
    assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
    assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void apiResponsesCarryTheSecurityHeaders() throws Exception {
    MvcResult result =
        mvc.perform(get("/api/v1/test-only/numbers").with(anyClient()))
            .andExpect(status().isOk())
            .andReturn();
    assertStrictHeaders(result.getResponse());
  }

  @Test
  void apiErrorResponsesCarryTheSecurityHeaders() throws Exception {
    MvcResult result =
        mvc.perform(get("/api/v1/test-only/numbers"))
            .andExpect(status().isUnauthorized())
            .andReturn();
    assertStrictHeaders(result.getResponse());
  }

  @Test
  void apiRefusalsOfTheConventionFiltersCarryTheSecurityHeaders() throws Exception {
    MvcResult tooLarge =
        mvc.perform(
                post("/api/v1/test-only/things")
                    .with(anyClient())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(new byte[1024 * 1024 + 1]))
            .andExpect(status().isContentTooLarge())
            .andReturn();
    assertStrictHeaders(tooLarge.getResponse());

    MvcResult badKey =
        mvc.perform(
                post("/api/v1/test-only/things")
                    .with(anyClient())
                    .header("Idempotency-Key", "")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{}"))
            .andExpect(status().isBadRequest())
            .andReturn();
    assertStrictHeaders(badKey.getResponse());
  }

  @Test
  void webPagesCarryTheSecurityHeaders() throws Exception {
    MvcResult result = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn();
    assertStrictHeaders(result.getResponse());
  }

  @Test
  void apiSetsNoCookieAndCreatesNoSession() throws Exception {
    ApiConventionsTestController.createTable(jdbc);
    long sessionsBefore = sessions();

    MvcResult read =
        mvc.perform(get("/api/v1/test-only/numbers").with(anyClient()))
            .andExpect(status().isOk())
            .andReturn();
    MvcResult write =
        mvc.perform(
                post("/api/v1/test-only/things")
                    .with(anyClient())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"Cookie jar\",\"quantity\":1}"))
            .andExpect(status().isCreated())
            .andReturn();
    MvcResult refused = mvc.perform(get("/api/v1/test-only/numbers")).andReturn();

    for (MvcResult result : new MvcResult[] {read, write, refused}) {
      assertThat(result.getResponse().getHeaders("Set-Cookie")).isEmpty();
      assertThat(result.getResponse().getCookies()).isEmpty();
      assertThat(result.getRequest().getSession(false)).isNull();
    }
    assertThat(sessions()).isEqualTo(sessionsBefore);
  }

  private long sessions() {
    return jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single();
  }
}
