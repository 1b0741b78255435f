package org.bridgeway.care.episode;

/** Why a person on supervision is in treatment. */
public enum TreatmentBasis {
  COURT_ORDERED,
  SUPERVISION_CONDITION,
  VOLUNTARY;

  public String messageKey() {
    return "care.basis." + name();
  }
}
