package org.bridgeway;

import static org.bridgeway.AuthorizationMatrixTests.api;
import static org.bridgeway.AuthorizationMatrixTests.get;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.bridgeway.AuthorizationMatrixTests.Scope;
import org.bridgeway.AuthorizationMatrixTests.Target;
import org.bridgeway.identity.Role;
import org.bridgeway.testing.SupervisionFixtures.Supervised;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The authorization matrix rows of the supervision API: people on supervision, cases, conditions
 * and teams.
 *
 * <p>A person is kept by the supervising agency: nobody outside it reaches the person, not even a
 * network administrator of another organization ({@link #agencyOnly}: another organization's record
 * answers 404 for every role). Within the agency, officers and supervisors reach the people on
 * their and their team's caseloads; the matrix calls as API clients, which have no caseload, so an
 * officer's or supervisor's token gets 404 on the agency's records ({@link #expectedOwn}). The
 * caseload itself is tested with users in {@code SupervisionApiIntegrationTests}.
 */
final class SupervisionEndpoints {

  static final Set<Role> STAFF =
      EnumSet.of(Role.OFFICER, Role.SUPERVISOR, Role.ORGANIZATION_ADMIN, Role.NETWORK_ADMIN);
  static final Set<Role> ASSIGNERS =
      EnumSet.of(Role.SUPERVISOR, Role.ORGANIZATION_ADMIN, Role.NETWORK_ADMIN);
  static final Set<Role> ADMINISTRATORS = EnumSet.of(Role.ORGANIZATION_ADMIN, Role.NETWORK_ADMIN);

  private static final String BASE = "/api/v1/supervision";

  /**
   * Endpoints ("METHOD pattern") on one agency's records: no one outside the agency reaches them.
   */
  static final Set<String> AGENCY_ONLY = new HashSet<>();

  /** Endpoints whose records are reached through a caseload, which API clients do not have. */
  static final Set<String> CASELOAD = new HashSet<>();

  private SupervisionEndpoints() {}

  static boolean agencyOnly(String endpoint) {
    return AGENCY_ONLY.contains(endpoint);
  }

  /** The status an allowed role gets on a record of its own agency. */
  static int expectedOwn(String endpoint, Role role, int success) {
    if (CASELOAD.contains(endpoint) && (role == Role.OFFICER || role == Role.SUPERVISOR)) {
      return 404;
    }
    return success;
  }

  static void register() {
    api(
        HttpMethod.POST,
        BASE + "/people",
        STAFF,
        Scope.NETWORK,
        201,
        t -> json(MockMvcRequestBuilders.post(BASE + "/people"), newPerson()));
    api(
        HttpMethod.GET,
        BASE + "/people",
        STAFF,
        Scope.NETWORK,
        200,
        t -> get(BASE + "/people?q=Fixture"));
    record(
        HttpMethod.GET,
        BASE + "/people/{id}",
        STAFF,
        200,
        t -> get(BASE + "/people/" + supervised(t).person()));
    record(
        HttpMethod.PUT,
        BASE + "/people/{id}",
        STAFF,
        200,
        t -> {
          Supervised s = supervised(t);
          return json(
              MockMvcRequestBuilders.put(BASE + "/people/" + s.person()),
              personBody("Corrected", "Name", ",\"version\":" + s.personVersion()));
        });
    record(
        HttpMethod.POST,
        BASE + "/people/{id}/cases",
        STAFF,
        201,
        t ->
            json(
                MockMvcRequestBuilders.post(BASE + "/people/" + supervised(t).person() + "/cases"),
                """
                {"supervisionType":"PROBATION","court":"Matrix Court","docketNumber":"M-1",
                 "startDate":"%s","expectedEndDate":"%s","level":"LOW","officerId":"%s",
                 "offenses":[{"category":"PROPERTY","description":"Theft"}]}
                """
                    .formatted(
                        LocalDate.now().minusDays(10),
                        LocalDate.now().plusYears(1),
                        t.fixtures().officer(t.organization()))));
    record(
        HttpMethod.GET,
        BASE + "/cases/{id}",
        STAFF,
        200,
        t -> get(BASE + "/cases/" + supervised(t).supervisionCase()));
    record(
        HttpMethod.POST,
        BASE + "/cases/{id}/transfer",
        ASSIGNERS,
        200,
        t -> {
          Supervised s = supervised(t);
          return json(
              MockMvcRequestBuilders.post(BASE + "/cases/" + s.supervisionCase() + "/transfer"),
              "{\"officerId\":\"%s\",\"reason\":\"Matrix\",\"version\":%d}"
                  .formatted(t.fixtures().officer(t.organization()), s.caseVersion()));
        });
    record(
        HttpMethod.POST,
        BASE + "/cases/{id}/close",
        STAFF,
        200,
        t -> {
          Supervised s = supervised(t);
          return json(
              MockMvcRequestBuilders.post(BASE + "/cases/" + s.supervisionCase() + "/close"),
              "{\"reason\":\"SUCCESSFUL_COMPLETION\",\"closedOn\":\"%s\",\"version\":%d}"
                  .formatted(s.startedOn(), s.caseVersion()));
        });
    record(
        HttpMethod.POST,
        BASE + "/cases/{id}/conditions",
        STAFF,
        201,
        t ->
            json(
                MockMvcRequestBuilders.post(
                    BASE + "/cases/" + supervised(t).supervisionCase() + "/conditions"),
                "{\"kind\":\"CURFEW\",\"special\":true,\"description\":\"Home by 22:00\"}"));
    record(
        HttpMethod.PUT,
        BASE + "/cases/{id}/conditions/{conditionId}",
        STAFF,
        200,
        t -> {
          Supervised s = supervised(t);
          return json(
              MockMvcRequestBuilders.put(
                  BASE + "/cases/" + s.supervisionCase() + "/conditions/" + s.condition()),
              "{\"kind\":\"DRUG_TESTING\",\"description\":\"Random drug tests\","
                  + "\"status\":\"IN_COMPLIANCE\",\"version\":%d}".formatted(s.conditionVersion()));
        });
    record(
        HttpMethod.POST,
        BASE + "/cases/{id}/conditions/{conditionId}/notes",
        STAFF,
        201,
        t -> {
          Supervised s = supervised(t);
          return json(
              MockMvcRequestBuilders.post(
                  BASE
                      + "/cases/"
                      + s.supervisionCase()
                      + "/conditions/"
                      + s.condition()
                      + "/notes"),
              "{\"notedOn\":\"%s\",\"text\":\"Tested negative.\"}".formatted(s.startedOn()));
        });
    api(
        HttpMethod.PUT,
        BASE + "/officers/{id}/supervisor",
        ADMINISTRATORS,
        Scope.ORGANIZATION,
        200,
        t ->
            json(
                MockMvcRequestBuilders.put(
                    BASE + "/officers/" + t.fixtures().officer(t.organization()) + "/supervisor"),
                "{\"supervisorId\":null}"));
    AGENCY_ONLY.add("PUT " + BASE + "/officers/{id}/supervisor");
    SupervisionContactEndpoints.register();
    registerImportAndMerge();
    SupervisionWorkspaceEndpoints.register();
    SupervisionOfficeEndpoints.register();
  }

  /**
   * The CSV import (the caller's own agency, whatever the target) and the reviewed merge. The
   * import page's POST is called without a file: an allowed caller gets the form's 400; the upload
   * itself is tested in the browser and over the API.
   */
  private static void registerImportAndMerge() {
    api(
        HttpMethod.POST,
        BASE + "/imports",
        ADMINISTRATORS,
        Scope.NETWORK,
        202,
        t ->
            MockMvcRequestBuilders.post(BASE + "/imports")
                .contentType("text/csv")
                .content(importFile()));
    agencyRecord(
        HttpMethod.GET,
        BASE + "/imports/{id}",
        ADMINISTRATORS,
        200,
        t -> get(BASE + "/imports/" + importJob(t)));
    agencyRecord(
        HttpMethod.GET,
        BASE + "/imports/{id}/errors",
        ADMINISTRATORS,
        200,
        t -> get(BASE + "/imports/" + importJob(t) + "/errors"));
    agencyRecord(
        HttpMethod.GET,
        "/supervision/imports/{id}",
        ADMINISTRATORS,
        200,
        t -> get("/supervision/imports/" + importJob(t)));
    agencyRecord(
        HttpMethod.GET,
        "/supervision/imports/{id}/errors.csv",
        ADMINISTRATORS,
        200,
        t -> get("/supervision/imports/" + importJob(t) + "/errors.csv"));
    api(
        HttpMethod.GET,
        "/supervision/imports",
        ADMINISTRATORS,
        Scope.NETWORK,
        200,
        t -> get("/supervision/imports"));
    api(
        HttpMethod.POST,
        "/supervision/imports",
        ADMINISTRATORS,
        Scope.NETWORK,
        400,
        t -> AuthorizationMatrixTests.post("/supervision/imports"));
    api(
        HttpMethod.GET,
        BASE + "/duplicates",
        ASSIGNERS,
        Scope.NETWORK,
        200,
        t -> get(BASE + "/duplicates"));
    api(
        HttpMethod.GET,
        "/supervision/duplicates",
        ASSIGNERS,
        Scope.NETWORK,
        200,
        t -> get("/supervision/duplicates"));
    record(
        HttpMethod.POST,
        BASE + "/people/{id}/merge",
        ASSIGNERS,
        200,
        t -> {
          Supervised survivor = supervised(t);
          Supervised other = supervised(t);
          return json(
              MockMvcRequestBuilders.post(BASE + "/people/" + survivor.person() + "/merge"),
              "{\"otherId\":\"%s\",\"reason\":\"Matrix\",\"version\":%d,\"otherVersion\":%d}"
                  .formatted(other.person(), survivor.personVersion(), other.personVersion()));
        });
    record(
        HttpMethod.GET,
        "/supervision/people/{id}/merge/{otherId}",
        ASSIGNERS,
        200,
        t ->
            get(
                "/supervision/people/"
                    + supervised(t).person()
                    + "/merge/"
                    + supervised(t).person()));
    record(
        HttpMethod.POST,
        "/supervision/people/{id}/merge/{otherId}",
        ASSIGNERS,
        302,
        t -> {
          Supervised first = supervised(t);
          Supervised second = supervised(t);
          return AuthorizationMatrixTests.post(
                  "/supervision/people/" + first.person() + "/merge/" + second.person())
              .param("survivor", first.person().toString())
              .param("reason", "Matrix")
              .param("version", Long.toString(first.personVersion()))
              .param("otherVersion", Long.toString(second.personVersion()));
        });
  }

  /** A queued import job of the target's agency (of an agency of that organization's own). */
  private static UUID importJob(Target t) {
    return t.fixtures().supervision().importJob(t.organization());
  }

  /** One new person without a case, unlike anyone else (a random name and birth date). */
  private static String importFile() {
    String given = "G" + Long.toHexString(UUID.randomUUID().getMostSignificantBits());
    String family = "F" + Long.toHexString(UUID.randomUUID().getLeastSignificantBits());
    LocalDate birth =
        LocalDate.of(1950, 1, 1).plusDays(Math.floorMod(UUID.randomUUID().hashCode(), 18_000));
    return "agency_id,given_name,family_name,date_of_birth\nM-%s,%s,%s,%s\n"
        .formatted(given.substring(1, 12), given, family, birth);
  }

  /** An endpoint on an agency's records reached through a caseload (a person, a case). */
  static void record(
      HttpMethod method,
      String pattern,
      Set<Role> allowed,
      int success,
      Function<Target, MockHttpServletRequestBuilder> request) {
    api(method, pattern, allowed, Scope.ORGANIZATION, success, request);
    AGENCY_ONLY.add(method + " " + pattern);
    CASELOAD.add(method + " " + pattern);
  }

  /**
   * An endpoint on an agency's records that do not depend on a caseload (its instruments): other
   * organizations never reach them.
   */
  static void agencyRecord(
      HttpMethod method,
      String pattern,
      Set<Role> allowed,
      int success,
      Function<Target, MockHttpServletRequestBuilder> request) {
    api(method, pattern, allowed, Scope.ORGANIZATION, success, request);
    AGENCY_ONLY.add(method + " " + pattern);
  }

  static Supervised supervised(Target t) {
    return t.fixtures().supervised(t.organization());
  }

  private static String newPerson() {
    return personBody(
        "Matrix" + Long.toHexString(UUID.randomUUID().getLeastSignificantBits()),
        "Person",
        ",\"createAnyway\":true");
  }

  private static String personBody(String given, String family, String extra) {
    return """
        {"name":{"given":"%s","family":"%s"},"dateOfBirth":"1985-04-12",
         "contact":{"method":"NONE"}%s}
        """
        .formatted(given, family, extra);
  }

  static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder builder, String body) {
    return builder.contentType(MediaType.APPLICATION_JSON).content(body);
  }
}
