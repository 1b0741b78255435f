package org.bridgeway.directory;

import org.bridgeway.shared.vocabulary.NeedDomain;

/**
 * The active services addressing a need domain in an area, with their reported capacity summed: an
 * aggregate for service-gap analysis. A service counts in every domain it addresses, at the ZIP
 * code of its first location; capacity reported more than 7 days ago counts as unknown (0 open
 * slots, no waitlist), as in matching.
 *
 * @param area the five-digit ZIP code; null for services without a location (remote)
 */
public record AreaCapacity(
    NeedDomain domain, String area, int services, int openSlots, int waitlist) {}
