package org.bridgeway.identity.token;

import java.util.UUID;

/** A token just issued: the only time its secret value is known. */
public record IssuedToken(UUID id, String value) {}
