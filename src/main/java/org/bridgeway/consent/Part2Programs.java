package org.bridgeway.consent;

import org.bridgeway.identity.OrganizationId;

/**
 * Which organizations are 42 CFR Part 2 programs. Everything that comes from one is Part 2 data;
 * modules that hold a provider's records stamp them with {@link #sensitivityOf}.
 */
public interface Part2Programs {

  boolean isPart2Program(OrganizationId organization);

  /** The sensitivity of health information an organization discloses. */
  default Sensitivity sensitivityOf(OrganizationId organization) {
    return isPart2Program(organization) ? Sensitivity.PART_2 : Sensitivity.HEALTH;
  }
}
