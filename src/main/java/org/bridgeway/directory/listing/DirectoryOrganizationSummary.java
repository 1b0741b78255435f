package org.bridgeway.directory.listing;

import java.util.UUID;

/**
 * A directory (HSDS) organization on the curators' stewardship page.
 *
 * @param steward the network organization keeping its listings, or null
 */
public record DirectoryOrganizationSummary(
    UUID id, String name, int services, NetworkOrganization steward) {}
