/**
 * Supervision: the people on supervision an agency keeps (identity, identifiers, demographics,
 * contact preferences, addresses), duplicate detection when a person is entered, their supervision
 * cases with offenses, officer assignments and closure, the conditions of a case, contacts with the
 * agency's contact standards, violations with graduated responses and incentives, and the agency's
 * teams that decide which officer and supervisor sees whom.
 *
 * <p>Allowed dependencies: {@code shared} (ids, vocabulary, problem details), {@code identity} (who
 * acts for which agency; staff looked up through its {@code StaffDirectory}) and {@code audit}
 * (every read and change of a person's record).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Supervision",
    allowedDependencies = {"shared", "shared :: *", "identity", "audit"})
package org.bridgeway.supervision;
