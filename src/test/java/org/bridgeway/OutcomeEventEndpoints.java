package org.bridgeway;

import static org.bridgeway.AuthorizationMatrixTests.api;
import static org.bridgeway.AuthorizationMatrixTests.get;
import static org.bridgeway.AuthorizationMatrixTests.post;
import static org.bridgeway.AuthorizationMatrixTests.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bridgeway.AuthorizationMatrixTests.Scope;
import org.bridgeway.AuthorizationMatrixTests.Target;
import org.bridgeway.identity.Role;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The authorization matrix rows of outcome events and imports. A person's events are reached by the
 * officers and supervisors whose caseload the person is on (supervision's rule): the matrix calls
 * without a caseload, so they get 404 on their own agency's person as on another's (the caseload is
 * tested with users in {@code OutcomeEventEntryIntegrationTests}). Imports are for the caller's own
 * agency, by its analysts and supervisors: the same answer whatever the target. An import job is
 * reached only by its agency; the matrix asks for one that does not exist (404 alike), and the
 * agency isolation of real jobs is tested in {@code CohortImportIntegrationTests}.
 */
final class OutcomeEventEndpoints {

  static final Set<Role> STAFF = EnumSet.of(Role.OFFICER, Role.SUPERVISOR);
  static final Set<Role> IMPORTERS = EnumSet.of(Role.ANALYST, Role.SUPERVISOR);

  private OutcomeEventEndpoints() {}

  static void register() {
    String events = "/api/v1/outcomes/people/{personId}/events";
    SupervisionEndpoints.record(
        HttpMethod.GET, events, STAFF, 200, t -> get(eventsOf(t, "/api/v1/outcomes/people/")));
    SupervisionEndpoints.record(
        HttpMethod.POST,
        events,
        STAFF,
        201,
        t ->
            MockMvcRequestBuilders.post(eventsOf(t, "/api/v1/outcomes/people/"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"EMPLOYMENT_START\",\"occurredOn\":\"2026-01-05\"}"));
    SupervisionEndpoints.record(
        HttpMethod.POST,
        events + "/{eventId}/retraction",
        STAFF,
        204,
        t ->
            MockMvcRequestBuilders.post(
                    eventsOf(t, "/api/v1/outcomes/people/")
                        + "/"
                        + UUID.randomUUID()
                        + "/retraction")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"Matrix\"}"));
    String page = "/outcomes/people/{personId}/events";
    SupervisionEndpoints.record(
        HttpMethod.GET, page, STAFF, 200, t -> get(eventsOf(t, "/outcomes/people/")));
    SupervisionEndpoints.record(
        HttpMethod.POST,
        page,
        STAFF,
        302,
        t ->
            post(eventsOf(t, "/outcomes/people/"))
                .param("kind", "EMPLOYMENT_START")
                .param("occurredOn", "2026-01-05"));
    SupervisionEndpoints.record(
        HttpMethod.POST,
        page + "/{eventId}/retraction",
        STAFF,
        302,
        t ->
            post(eventsOf(t, "/outcomes/people/") + "/" + UUID.randomUUID() + "/retraction")
                .param("reason", "Matrix"));

    // An import with a header and no rows: refused (400) once the caller is let in.
    api(
        HttpMethod.POST,
        "/api/v1/outcomes/event-imports",
        IMPORTERS,
        Scope.NETWORK,
        400,
        t ->
            MockMvcRequestBuilders.post("/api/v1/outcomes/event-imports")
                .contentType("text/csv")
                .content("source_ref,person_id,kind,occurred_on\n"));
    web(
        HttpMethod.GET,
        "/outcomes/event-imports",
        IMPORTERS,
        Scope.NETWORK,
        200,
        t -> get("/outcomes/event-imports"));
    web(
        HttpMethod.POST,
        "/outcomes/event-imports",
        IMPORTERS,
        Scope.NETWORK,
        400,
        t -> post("/outcomes/event-imports"));

    api(
        HttpMethod.POST,
        "/api/v1/outcomes/cohort-imports",
        IMPORTERS,
        Scope.NETWORK,
        202,
        t ->
            MockMvcRequestBuilders.post("/api/v1/outcomes/cohort-imports")
                .contentType("application/zip")
                .content(cohortZip()));
    web(
        HttpMethod.GET,
        "/outcomes/cohort-imports",
        IMPORTERS,
        Scope.NETWORK,
        200,
        t -> get("/outcomes/cohort-imports"));
    web(
        HttpMethod.POST,
        "/outcomes/cohort-imports",
        IMPORTERS,
        Scope.NETWORK,
        400,
        t -> post("/outcomes/cohort-imports"));
    job(HttpMethod.GET, "/api/v1/outcomes/cohort-imports/{id}", "/api/v1/outcomes/cohort-imports/");
    job(HttpMethod.GET, "/outcomes/cohort-imports/{id}", "/outcomes/cohort-imports/");
  }

  /** A job nobody has: 404 to every caller let in, as another agency's job is. */
  private static void job(HttpMethod method, String pattern, String prefix) {
    api(method, pattern, IMPORTERS, Scope.ORGANIZATION, 404, t -> get(prefix + UUID.randomUUID()));
    SupervisionEndpoints.AGENCY_ONLY.add(method + " " + pattern);
  }

  private static String eventsOf(Target t, String prefix) {
    return prefix + t.fixtures().supervised(t.organization()).person() + "/events";
  }

  private static byte[] cohortZip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.putNextEntry(new ZipEntry("people.csv"));
      out.write(
          ("person_ref,birth_date\nM-"
                  + UUID.randomUUID().toString().substring(0, 8)
                  + ",1980-01-01\n")
              .getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
