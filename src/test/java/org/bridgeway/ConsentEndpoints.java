package org.bridgeway;

import static org.bridgeway.AuthorizationMatrixTests.api;
import static org.bridgeway.AuthorizationMatrixTests.get;
import static org.bridgeway.SupervisionEndpoints.ADMINISTRATORS;
import static org.bridgeway.SupervisionEndpoints.STAFF;
import static org.bridgeway.SupervisionEndpoints.agencyRecord;
import static org.bridgeway.SupervisionEndpoints.json;
import static org.bridgeway.SupervisionEndpoints.record;
import static org.bridgeway.SupervisionEndpoints.supervised;

import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.AuthorizationMatrixTests.Scope;
import org.bridgeway.AuthorizationMatrixTests.Target;
import org.bridgeway.identity.Role;
import org.bridgeway.testing.ConsentFixtures;
import org.bridgeway.testing.ConsentFixtures.Recorded;
import org.bridgeway.testing.SupervisionFixtures.Versioned;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The authorization matrix rows of the consent API. A person's directives and accounting follow the
 * person's rules ({@link SupervisionEndpoints#record}: the supervising agency only, through the
 * caseload, so officers' and supervisors' tokens get 404). Templates and the emergency-access
 * review belong to one organization: nobody else reaches them, not even another organization's
 * network administrator. Decisions are asked for the caller; the Part 2 register is the network's.
 */
final class ConsentEndpoints {

  private static final String BASE = "/api/v1/consent";

  /** Staff of any organization who may ask the engine. */
  static final Set<Role> ASKERS =
      EnumSet.of(
          Role.OFFICER,
          Role.SUPERVISOR,
          Role.PROVIDER_STAFF,
          Role.PARTNER_STAFF,
          Role.ORGANIZATION_ADMIN,
          Role.NETWORK_ADMIN);

  private ConsentEndpoints() {}

  static String directiveBody(Target t) {
    return """
        {"terms":{"kind":"GENERAL","disclosers":["%1$s"],"categories":["ATTENDANCE"],
          "recipientOrganizations":["%1$s"],"purposes":["SUPERVISION_MONITORING"],
          "expiryEvent":"END_OF_SUPERVISION","revocationInstructions":"In writing."},
         "signedOn":"%2$s","signatureMethod":"PAPER","language":"es",
         "scan":{"contentType":"application/pdf","content":"%3$s"}}
        """
        .formatted(
            t.organization(),
            LocalDate.now().minusDays(1),
            Base64.getEncoder().encodeToString(ConsentFixtures.PDF));
  }

  static void register() {
    record(
        HttpMethod.GET,
        BASE + "/people/{id}/directives",
        STAFF,
        200,
        t -> get(BASE + "/people/" + supervised(t).person() + "/directives"));
    record(
        HttpMethod.POST,
        BASE + "/people/{id}/directives",
        STAFF,
        201,
        t ->
            json(
                MockMvcRequestBuilders.post(
                    BASE + "/people/" + supervised(t).person() + "/directives"),
                directiveBody(t)));
    record(
        HttpMethod.GET,
        BASE + "/directives/{id}",
        STAFF,
        200,
        t -> get(BASE + "/directives/" + directive(t).directive()));
    record(
        HttpMethod.GET,
        BASE + "/directives/{id}/scan",
        STAFF,
        200,
        t -> get(BASE + "/directives/" + directive(t).directive() + "/scan"));
    record(
        HttpMethod.POST,
        BASE + "/directives/{id}/revocation",
        STAFF,
        200,
        t -> {
          Recorded r = directive(t);
          return json(
              MockMvcRequestBuilders.post(BASE + "/directives/" + r.directive() + "/revocation"),
              "{\"method\":\"IN_WRITING\",\"version\":%d}".formatted(r.version()));
        });
    record(
        HttpMethod.POST,
        BASE + "/directives/{id}/amendment",
        STAFF,
        201,
        t -> {
          Recorded r = directive(t);
          return json(
              MockMvcRequestBuilders.post(BASE + "/directives/" + r.directive() + "/amendment"),
              "{\"version\":%d,\"directive\":%s}".formatted(r.version(), directiveBody(t)));
        });
    record(
        HttpMethod.GET,
        BASE + "/people/{id}/accounting",
        STAFF,
        200,
        t -> get(BASE + "/people/" + supervised(t).person() + "/accounting"));
    api(
        HttpMethod.GET,
        BASE + "/templates",
        STAFF,
        Scope.NETWORK,
        200,
        t -> get(BASE + "/templates"));
    api(
        HttpMethod.POST,
        BASE + "/templates",
        ADMINISTRATORS,
        Scope.NETWORK,
        201,
        t ->
            json(
                MockMvcRequestBuilders.post(BASE + "/templates"),
                "{\"name\":\"Matrix %s\",\"terms\":{\"kind\":\"GENERAL\",\"allCategories\":true}}"
                    .formatted(UUID.randomUUID())));
    agencyRecord(
        HttpMethod.GET,
        BASE + "/templates/{id}",
        STAFF,
        200,
        t -> get(BASE + "/templates/" + template(t).id()));
    agencyRecord(
        HttpMethod.PUT,
        BASE + "/templates/{id}",
        ADMINISTRATORS,
        200,
        t -> {
          Versioned template = template(t);
          return json(
              MockMvcRequestBuilders.put(BASE + "/templates/" + template.id()),
              "{\"name\":\"Renamed %s\",\"terms\":{\"kind\":\"GENERAL\"},\"version\":%d}"
                  .formatted(UUID.randomUUID(), template.version()));
        });
    agencyRecord(
        HttpMethod.DELETE,
        BASE + "/templates/{id}",
        ADMINISTRATORS,
        204,
        t -> MockMvcRequestBuilders.delete(BASE + "/templates/" + template(t).id()));
    api(
        HttpMethod.POST,
        BASE + "/decisions",
        ASKERS,
        Scope.NETWORK,
        200,
        t ->
            json(
                MockMvcRequestBuilders.post(BASE + "/decisions"),
                "{\"personId\":\"%s\",\"discloserId\":\"%s\",\"category\":\"ATTENDANCE\",\"purpose\":\"TREATMENT\"}"
                    .formatted(supervised(t).person(), t.organization())));
    api(
        HttpMethod.POST,
        BASE + "/emergency-access",
        EnumSet.of(Role.PROVIDER_STAFF),
        Scope.NETWORK,
        201,
        t ->
            json(
                MockMvcRequestBuilders.post(BASE + "/emergency-access"),
                "{\"personId\":\"%s\",\"reason\":\"Unconscious on arrival\",\"hours\":2}"
                    .formatted(supervised(t).person())));
    api(
        HttpMethod.GET,
        BASE + "/emergency-access/reviews",
        ADMINISTRATORS,
        Scope.NETWORK,
        200,
        t -> get(BASE + "/emergency-access/reviews"));
    agencyRecord(
        HttpMethod.POST,
        BASE + "/emergency-access/{id}/review",
        ADMINISTRATORS,
        200,
        t -> {
          Versioned grant = t.fixtures().consent().emergencyGrant(t.organization(), supervised(t));
          return json(
              MockMvcRequestBuilders.post(BASE + "/emergency-access/" + grant.id() + "/review"),
              "{\"note\":\"Reviewed with the physician\",\"version\":%d}"
                  .formatted(grant.version()));
        });
    api(
        HttpMethod.GET,
        BASE + "/part2-programs",
        AuthorizationMatrixTests.EVERY_ROLE,
        Scope.NETWORK,
        200,
        t -> get(BASE + "/part2-programs"));
    api(
        HttpMethod.PUT,
        BASE + "/part2-programs/{organizationId}",
        AuthorizationMatrixTests.NETWORK_ADMIN,
        Scope.NETWORK,
        204,
        t -> MockMvcRequestBuilders.put(BASE + "/part2-programs/" + t.organization()));
    api(
        HttpMethod.DELETE,
        BASE + "/part2-programs/{organizationId}",
        AuthorizationMatrixTests.NETWORK_ADMIN,
        Scope.NETWORK,
        204,
        t -> MockMvcRequestBuilders.delete(BASE + "/part2-programs/" + t.organization()));
  }

  private static Recorded directive(Target t) {
    return t.fixtures().consent().directive(t.organization());
  }

  private static Versioned template(Target t) {
    return t.fixtures().consent().template(t.organization());
  }
}
