package org.bridgeway.shared.web;

/**
 * Who is signed in, as the page header shows it.
 *
 * @param displayName the person's name, or null when the principal does not say
 * @param organizationName the organization's name, or null when the principal does not say
 */
public record CurrentUser(String displayName, String organizationName) {}
