package org.bridgeway.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.bridgeway.identity.OrganizationKind;

/** Registering or editing an organization. */
record OrganizationForm(
    @NotBlank(message = "{identity.admin.organization.name.required}")
        @Size(max = 200, message = "{identity.admin.organization.name.size}")
        String name,
    @NotNull(message = "{identity.admin.organization.kind.required}") OrganizationKind kind,
    Boolean active,
    Long version) {

  /** An unchecked checkbox sends nothing, which means "not active". */
  boolean isActive() {
    return Boolean.TRUE.equals(active);
  }
}
