/**
 * Identity: organizations of the network, staff users and their roles, sign-in with a second
 * factor, sessions, API tokens, and the web security configuration.
 *
 * <p>Allowed dependencies: {@code shared} for ids and the clock, {@code audit} to record sign-ins
 * and administration. Other modules use its root package to know who is acting and for which
 * organization.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Identity",
    allowedDependencies = {"shared", "shared :: *", "audit"})
package org.bridgeway.identity;
