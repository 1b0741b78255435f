package org.bridgeway.supervision.contact;

/** How an officer meets (or tries to meet) a person on supervision. */
public enum ContactKind {
  OFFICE,
  HOME,
  FIELD,
  PHONE,
  VIDEO,
  /** With someone other than the person: an employer, family, a treatment provider. */
  COLLATERAL;

  /** Whether the contact is where the person lives or spends their days, as some levels require. */
  public boolean inTheCommunity() {
    return this == HOME || this == FIELD;
  }

  public String messageKey() {
    return "contactKind." + name();
  }
}
