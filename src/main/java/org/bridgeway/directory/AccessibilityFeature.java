package org.bridgeway.directory;

/** An accessibility feature a service or its location offers. */
public enum AccessibilityFeature {
  WHEELCHAIR_ACCESS,
  HEARING_LOOP,
  SIGN_LANGUAGE,
  LARGE_PRINT_OR_BRAILLE,
  NEAR_PUBLIC_TRANSIT,
  REMOTE_ATTENDANCE;

  public String messageKey() {
    return "accessibilityFeature." + name();
  }
}
