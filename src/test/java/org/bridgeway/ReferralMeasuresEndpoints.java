package org.bridgeway;

import static org.bridgeway.AuthorizationMatrixTests.api;
import static org.bridgeway.AuthorizationMatrixTests.get;
import static org.bridgeway.AuthorizationMatrixTests.web;

import java.util.EnumSet;
import java.util.Set;
import org.bridgeway.AuthorizationMatrixTests.Scope;
import org.bridgeway.identity.Role;
import org.springframework.http.HttpMethod;

/**
 * The authorization matrix rows of the referral measures: aggregates of the caller's own
 * organization only (there is no record of another organization to ask for), for supervisors,
 * analysts, administrators and provider staff.
 */
final class ReferralMeasuresEndpoints {

  static final Set<Role> READERS =
      EnumSet.of(Role.SUPERVISOR, Role.ANALYST, Role.ORGANIZATION_ADMIN, Role.PROVIDER_STAFF);

  private ReferralMeasuresEndpoints() {}

  static void register() {
    web(
        HttpMethod.GET,
        "/referrals/measures",
        READERS,
        Scope.NETWORK,
        200,
        t -> get("/referrals/measures"));
    web(
        HttpMethod.GET,
        "/referrals/measures.csv",
        READERS,
        Scope.NETWORK,
        200,
        t -> get("/referrals/measures.csv"));
    api(
        HttpMethod.GET,
        "/api/v1/referrals/measures",
        READERS,
        Scope.NETWORK,
        200,
        t -> get("/api/v1/referrals/measures"));
  }
}
