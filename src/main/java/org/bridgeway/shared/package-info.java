/**
 * Shared kernel: typed identifiers, the clock, the embedded database, problem details, paging, the
 * acting user as seen by other modules, and the demo-data mechanism.
 *
 * <p>Allowed dependencies: none. Every module may use it, so it stays small and holds no business
 * rule.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Shared kernel",
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.bridgeway.shared;
