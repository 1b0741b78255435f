/**
 * Audit: the append-only, tamper-evident trail of who did what to which record, from where, with
 * what outcome. Every module writes through {@link org.bridgeway.audit.AuditTrail}, inside the
 * transaction of the action it records.
 *
 * <p>Allowed dependencies: {@code shared} only, to know the acting user; it must not depend on the
 * modules it audits.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Audit trail",
    allowedDependencies = {"shared"})
package org.bridgeway.audit;
