package org.bridgeway.supervision;

/** How much a responsivity factor shapes how services must be delivered. */
public enum ResponsivityLevel {
  NONE,
  SOME,
  SIGNIFICANT;

  public String messageKey() {
    return "responsivityLevel." + name();
  }
}
