package org.bridgeway.directory.openreferral;

/** How much of each service a list of services carries. */
public enum ServiceShape {
  /** Just {@code id} and {@code last_modified} ({@code minimal=true}). */
  MINIMAL,
  /** The service's own fields with its organization and program ({@code service_list}). */
  LIST,
  /** The fully nested service, Bridgeway attributes included ({@code full=true}). */
  FULL
}
