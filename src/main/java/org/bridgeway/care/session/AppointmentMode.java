package org.bridgeway.care.session;

/** How the person meets the provider. */
public enum AppointmentMode {
  IN_PERSON,
  PHONE,
  VIDEO;

  public String messageKey() {
    return "care.appointment.mode." + name();
  }
}
