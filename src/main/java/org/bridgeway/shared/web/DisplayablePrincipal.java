package org.bridgeway.shared.web;

/**
 * A principal that can tell the page header who is signed in. The shared kernel cannot know the
 * identity module's principal type, so that type implements this interface instead.
 */
public interface DisplayablePrincipal {

  /** The name to show for the signed-in person, such as "Dana Reyes". */
  String displayName();

  /** The name of the organization the person acts for, or null when it is not known. */
  default String organizationName() {
    return null;
  }

  /**
   * Whether the person acts for an organization that keeps people on supervision (a probation
   * agency), whose administrators work with caseloads.
   */
  default boolean supervisesPeople() {
    return false;
  }
}
