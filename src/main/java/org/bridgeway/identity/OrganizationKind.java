package org.bridgeway.identity;

/** The kinds of organization that make up a supervision network. */
public enum OrganizationKind {
  PROBATION_AGENCY,
  COURT,
  LAW_ENFORCEMENT,
  SOCIAL_SERVICES,
  TREATMENT_PROVIDER,
  COMMUNITY_ORGANIZATION,
  FUNDER
}
