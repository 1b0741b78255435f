package org.bridgeway.identity.web;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.identity.Role;

/** Issuing an API token. */
record ApiTokenForm(
    @NotNull(message = "{identity.admin.token.organization.required}") UUID organization,
    @NotBlank(message = "{identity.admin.token.name.required}")
        @Size(max = 120, message = "{identity.admin.token.name.size}")
        String name,
    @NotEmpty(message = "{identity.admin.token.roles.required}") Set<Role> roles,
    @Future(message = "{identity.admin.token.expires.future}") LocalDate expiresOn) {}
