package org.bridgeway.identity.user;

import org.springframework.data.relational.core.mapping.Table;

/** An unused recovery code, as its SHA-256 hash. */
@Table("identity_recovery_code")
record RecoveryCode(String codeHash) {}
