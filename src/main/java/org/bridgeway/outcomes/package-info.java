/**
 * Outcomes and evidence: the events that happen to people on supervision (arrests, convictions,
 * revocations, employment, housing, completions), entered, derived from Bridgeway's own records or
 * imported with historical cohorts; the measures computed from them (recidivism, Kaplan-Meier
 * survival, completion, employment and housing stability), program effectiveness against matched
 * comparison groups, risk instrument validation, equity and service gaps, dashboards and the public
 * transparency report.
 *
 * <p>The module keeps its own read model (people, spells, events, participation; ADR 0024), fed by
 * the other modules' events and facades: it only listens and asks, it never changes their records.
 * Allowed dependencies: {@code shared}, {@code identity} (who acts, which organizations), {@code
 * audit} (person-level drill-down and imports), {@code supervision} (people, cases, assessments),
 * {@code consent} (person-level protected data), {@code directory} (programs and capacity), {@code
 * referrals} and {@code care} (participation, attendance and discharge).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Outcomes",
    allowedDependencies = {
      "shared",
      "shared :: *",
      "identity",
      "audit",
      "supervision",
      "consent",
      "directory",
      "referrals",
      "care"
    })
package org.bridgeway.outcomes;
