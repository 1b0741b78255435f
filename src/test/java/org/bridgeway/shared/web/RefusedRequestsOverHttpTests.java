package org.bridgeway.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.bridgeway.testing.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Requests the security firewall refuses before any controller, over real HTTP. */
@WebIntegrationTest
class RefusedRequestsOverHttpTests {

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anApiAddressWithAnEmptySegmentIsA400ProblemThatDoesNotEchoIt() throws Exception {
    HttpResponse<String> response = get("/api/v1/care/provider/episodes//reports");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body())
        .contains("\"status\":400", "empty path segment")
        .doesNotContain("episodes//reports", "Exception", "timestamp");
  }

  @Test
  void aPageAddressWithAnEmptySegmentIsA400PageNotAProblem() throws Exception {
    HttpResponse<String> response = get("/directory//search");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).doesNotStartWith("application/problem+json"));
  }
}
