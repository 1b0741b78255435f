package org.bridgeway.identity.user;

import java.time.Instant;
import org.springframework.data.relational.core.mapping.Table;

/** One failed sign-in, kept while it counts toward lockout. */
@Table("identity_sign_in_failure")
record SignInFailure(Instant failedAt) {}
