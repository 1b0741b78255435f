package org.bridgeway;

import static org.bridgeway.AuthorizationMatrixTests.api;
import static org.bridgeway.AuthorizationMatrixTests.get;
import static org.bridgeway.AuthorizationMatrixTests.post;
import static org.bridgeway.AuthorizationMatrixTests.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Function;
import org.bridgeway.AuthorizationMatrixTests.Scope;
import org.bridgeway.AuthorizationMatrixTests.Target;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The authorization matrix rows of the providers' upload of attendance and of drug tests (one
 * endpoint: the {@code kind} parameter chooses the file, and changes nothing of who may upload):
 * the upload page and the API's upload reach the provider's staff (an upload is for the caller's
 * own organization), and a job is reached only by staff of the organization that uploaded it (404
 * for every other organization, network administrators included, like the provider's episodes).
 */
final class CareUploadEndpoints {

  private CareUploadEndpoints() {}

  static void register() {
    web(
        HttpMethod.GET,
        "/care/provider/uploads",
        CareEndpoints.PROVIDERS,
        Scope.NETWORK,
        200,
        t -> get("/care/provider/uploads"));
    web(
        HttpMethod.POST,
        "/care/provider/uploads",
        CareEndpoints.PROVIDERS,
        Scope.NETWORK,
        400,
        t -> post("/care/provider/uploads"));
    api(
        HttpMethod.POST,
        "/api/v1/care/provider/uploads",
        CareEndpoints.PROVIDERS,
        Scope.NETWORK,
        202,
        t ->
            MockMvcRequestBuilders.post("/api/v1/care/provider/uploads")
                .contentType("text/csv")
                .content(
                    ("external_id,episode_id,starts_at,kind,mode,attendance\nM-1,"
                            + UUID.randomUUID()
                            + ",2026-01-05T10:00:00Z,INDIVIDUAL,IN_PERSON,ATTENDED\n")
                        .getBytes(StandardCharsets.UTF_8)));
    job(
        HttpMethod.GET,
        "/api/v1/care/provider/uploads/{id}",
        t -> get("/api/v1/care/provider/uploads/" + job(t)));
    job(
        HttpMethod.GET,
        "/api/v1/care/provider/uploads/{id}/errors",
        t -> get("/api/v1/care/provider/uploads/" + job(t) + "/errors"));
    job(
        HttpMethod.GET,
        "/care/provider/uploads/{id}",
        t -> get("/care/provider/uploads/" + job(t)));
    job(
        HttpMethod.GET,
        "/care/provider/uploads/{id}/errors.csv",
        t -> get("/care/provider/uploads/" + job(t) + "/errors.csv"));
  }

  /** A job of an organization: only its own staff reach it. */
  private static void job(
      HttpMethod method, String pattern, Function<Target, MockHttpServletRequestBuilder> request) {
    api(method, pattern, CareEndpoints.PROVIDERS, Scope.ORGANIZATION, 200, request);
    SupervisionEndpoints.AGENCY_ONLY.add(method + " " + pattern);
  }

  private static UUID job(Target t) {
    return t.fixtures().care().uploadJob(t.organization());
  }
}
