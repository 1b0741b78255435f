package org.bridgeway.care.session;

/** What an appointment is for. */
public enum AppointmentKind {
  INTAKE,
  INDIVIDUAL,
  GROUP;

  public String messageKey() {
    return "care.appointment.kind." + name();
  }
}
