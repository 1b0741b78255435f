package org.bridgeway.consent.directive;

/** A class of disclosers a directive names instead of (or besides) named organizations. */
public enum DiscloserClass {
  /**
   * Any 42 CFR Part 2 program that treats the person: any organization in the Part 2 register that
   * holds records about the person.
   */
  ANY_PART_2_PROGRAM
}
