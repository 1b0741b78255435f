package org.bridgeway.directory.openreferral;

/** How much of each organization an answer carries. */
public enum OrganizationShape {
  /** The organization's own fields ({@code organization_list}). */
  LIST,
  /** Fully nested, with each service's own fields only. */
  FULL,
  /** Fully nested, with each service fully nested ({@code full_service=true}). */
  FULL_WITH_SERVICES
}
