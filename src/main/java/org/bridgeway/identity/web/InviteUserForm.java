package org.bridgeway.identity.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.identity.Role;

/** Inviting a user. */
record InviteUserForm(
    @NotNull(message = "{identity.admin.user.organization.required}") UUID organization,
    @NotBlank(message = "{identity.admin.user.email.required}")
        @Email(message = "{identity.admin.user.email.format}")
        @Size(max = 254, message = "{identity.admin.user.email.size}")
        String email,
    @NotBlank(message = "{identity.admin.user.name.required}")
        @Size(max = 200, message = "{identity.admin.user.name.size}")
        String displayName,
    @NotEmpty(message = "{identity.admin.user.roles.required}") Set<Role> roles) {}
