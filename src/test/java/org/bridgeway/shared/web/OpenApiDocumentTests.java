package org.bridgeway.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI document is public, valid OpenAPI 3, and describes the API's conventions. */
@ApiConventionsTest
class OpenApiDocumentTests {

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;

  private JsonNode document() throws Exception {
    String body =
        mvc.perform(get("/api/openapi").accept(MediaType.APPLICATION_JSON))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(body);
  }

  @Test
  void documentIsOpenApi3AndNeedsNoSignIn() throws Exception {
    JsonNode document = document();
    assertThat(document.path("openapi").asString()).startsWith("3.");
    assertThat(document.path("info").path("title").asString()).isEqualTo("Bridgeway API");
    assertThat(document.path("info").path("version").asString()).isEqualTo("v1");
    assertThat(document.path("paths").isObject()).isTrue();
  }

  @Test
  void everyOperationNeedsABearerToken() throws Exception {
    JsonNode document = document();
    JsonNode scheme = document.path("components").path("securitySchemes").path("bearer");
    assertThat(scheme.path("type").asString()).isEqualTo("http");
    assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
    assertThat(document.path("security").get(0).has("bearer")).isTrue();
  }

  @Test
  void serverUrlIsRelative() throws Exception {
    JsonNode servers = document().path("servers");
    assertThat(servers.size()).isEqualTo(1);
    assertThat(servers.get(0).path("url").asString()).isEqualTo("/");
  }

  @Test
  void onlyApiPathsAreDescribed() throws Exception {
    JsonNode paths = document().path("paths");
    assertThat(paths.propertyNames()).isNotEmpty().allMatch(path -> path.startsWith("/api/v1/"));
    assertThat(paths.has("/api/v1/test-only/things")).isTrue();
  }

  @Test
  void postOperationsDocumentTheIdempotencyKey() throws Exception {
    JsonNode post = document().path("paths").path("/api/v1/test-only/things").path("post");
    assertThat(post.path("parameters").valueStream().map(p -> p.path("name").asString()))
        .contains("Idempotency-Key");
  }

  @Test
  void swaggerUiIsServed() throws Exception {
    mvc.perform(get("/api/docs")).andExpect(status().is3xxRedirection());
  }
}
