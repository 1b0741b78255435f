package org.bridgeway.identity.web;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.Set;
import org.bridgeway.identity.Role;

/** Changing a user's roles. */
record RolesForm(
    @NotEmpty(message = "{identity.admin.user.roles.required}") Set<Role> roles,
    @NotNull Long version) {}
