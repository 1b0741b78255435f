package org.bridgeway.referrals;

/**
 * Where a referral stands in its loop (DOMAIN.md). Each state maps to the status of a FHIR R4
 * {@code Task}, as the Gravity SDOH Clinical Care guide exchanges referrals.
 */
public enum ReferralState {
  DRAFT("draft", false),
  SENT("requested", false),
  ACCEPTED("accepted", false),
  WAITLISTED("on-hold", false),
  INTAKE_SCHEDULED("accepted", false),
  IN_PROGRESS("in-progress", false),
  DECLINED("rejected", true),
  COMPLETED("completed", true),
  ENDED_EARLY("failed", true),
  WITHDRAWN("cancelled", true);

  private final String fhirTaskStatus;
  private final boolean closed;

  ReferralState(String fhirTaskStatus, boolean closed) {
    this.fhirTaskStatus = fhirTaskStatus;
    this.closed = closed;
  }

  /** The FHIR R4 Task.status code of this state. */
  public String fhirTaskStatus() {
    return fhirTaskStatus;
  }

  /** Whether the loop is closed: no further transition is possible. */
  public boolean closed() {
    return closed;
  }

  /** Whether the provider still owes a first answer (accept, decline or waitlist). */
  public boolean awaitsResponse() {
    return this == SENT;
  }
}
