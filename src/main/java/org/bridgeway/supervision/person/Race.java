package org.bridgeway.supervision.person;

/** A race as the person reports it (several may apply); never inferred by staff. */
public enum Race {
  AMERICAN_INDIAN_OR_ALASKA_NATIVE,
  ASIAN,
  BLACK_OR_AFRICAN_AMERICAN,
  MIDDLE_EASTERN_OR_NORTH_AFRICAN,
  NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER,
  WHITE,
  OTHER
}
