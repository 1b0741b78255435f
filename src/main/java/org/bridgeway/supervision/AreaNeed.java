package org.bridgeway.supervision;

import org.bridgeway.shared.vocabulary.NeedDomain;

/**
 * How many people with an open supervision case have a need in a domain, by the area they live in:
 * an aggregate for service-gap analysis, naming nobody.
 *
 * @param area the five-digit ZIP code of the person's current address; null when none is recorded
 * @param people people whose latest assessment rated the domain MODERATE or HIGH
 */
public record AreaNeed(NeedDomain domain, String area, long people) {}
