/**
 * Matching: from a person's assessed needs, facts and responsivity to the directory's services
 * ranked for them, each with its score, the contribution of every factor and the reasons for its
 * place; the services a person cannot use, with the rule each one breaks; an eligibility verdict
 * for one service; and the scoring weights each agency sets.
 *
 * <p>Allowed dependencies: {@code shared} (vocabulary, problems), {@code identity} (who asks, for
 * which agency), {@code audit} (every read of a person's record), {@code directory} (the services,
 * their eligibility and capacity) and {@code supervision} (the person, their needs, goals and who
 * sees them).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Matching",
    allowedDependencies = {
      "shared",
      "shared :: *",
      "identity",
      "audit",
      "directory",
      "supervision"
    })
package org.bridgeway.matching;
