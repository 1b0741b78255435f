package org.bridgeway.shared.web;

/**
 * One entry of the primary navigation as the layout renders it.
 *
 * @param labelKey the message key of the label
 * @param path the application-relative path the entry links to
 * @param current whether the entry is the page being shown, for {@code aria-current="page"}
 */
public record NavigationItem(String labelKey, String path, boolean current) {}
