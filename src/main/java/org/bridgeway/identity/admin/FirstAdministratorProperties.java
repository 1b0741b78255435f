package org.bridgeway.identity.admin;

import org.bridgeway.identity.OrganizationKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first network administrator of a new installation, created at start-up only while there are
 * no users at all.
 */
@ConfigurationProperties("bridgeway.bootstrap")
public record FirstAdministratorProperties(
    String organizationName,
    @DefaultValue("PROBATION_AGENCY") OrganizationKind organizationKind,
    String adminEmail,
    String adminName,
    @DefaultValue("http://localhost:8080") String baseUrl) {

  boolean requested() {
    return organizationName != null
        && !organizationName.isBlank()
        && adminEmail != null
        && !adminEmail.isBlank();
  }
}
