package org.bridgeway.care.session;

/**
 * Where an appointment stands: scheduled until its attendance is recorded (held) or it is
 * cancelled. Held and cancelled appointments change no more.
 */
public enum AppointmentStatus {
  SCHEDULED,
  CANCELLED,
  HELD;

  public String messageKey() {
    return "care.appointment.status." + name();
  }
}
