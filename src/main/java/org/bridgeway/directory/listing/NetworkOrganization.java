package org.bridgeway.directory.listing;

import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;

/** A member organization of the network that may steward directory organizations. */
public record NetworkOrganization(OrganizationId id, String name, OrganizationKind kind) {}
