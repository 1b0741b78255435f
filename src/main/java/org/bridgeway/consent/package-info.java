/**
 * Consent and confidentiality: consent directives with every element of 42 CFR Part 2 §2.31, the
 * decision engine every module asks before it reads, shows, exports or sends protected data, the
 * record of every disclosure with its §2.32 notice, the accounting of disclosures, and
 * medical-emergency (break-glass) access.
 *
 * <p>Allowed dependencies: {@code shared}, {@code identity} (who asks, for which organization),
 * {@code audit} and {@code supervision} (the person, who sees them, when supervision ended).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Consent",
    allowedDependencies = {"shared", "shared :: *", "identity", "audit", "supervision"})
package org.bridgeway.consent;
