package org.bridgeway.care.session;

/** Which party asked for an appointment to be moved or cancelled. */
public enum ChangeParty {
  PERSON,
  PROVIDER,
  OFFICER;

  public String messageKey() {
    return "care.appointment.party." + name();
  }
}
