package org.bridgeway.identity.user;

import org.bridgeway.identity.Role;
import org.springframework.data.relational.core.mapping.Table;

/** A role held by a user. */
@Table("identity_user_role")
record RoleGrant(Role role) {}
