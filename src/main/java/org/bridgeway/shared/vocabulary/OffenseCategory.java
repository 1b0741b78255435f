package org.bridgeway.shared.vocabulary;

/**
 * A category of offense, used for case records and for the exclusions some services declare (sex
 * offenses, arson).
 */
public enum OffenseCategory {
  VIOLENT,
  SEX_OFFENSE,
  ARSON,
  DOMESTIC_VIOLENCE,
  WEAPONS,
  DRUG_POSSESSION,
  DRUG_DISTRIBUTION,
  DUI,
  PROPERTY,
  FRAUD,
  PUBLIC_ORDER;

  /** The message key of the display name. */
  public String messageKey() {
    return "offenseCategory." + name();
  }
}
