package org.bridgeway.care.record;

/** How a test specimen was collected. */
public enum TestMethod {
  URINE,
  ORAL_FLUID,
  BREATH,
  BLOOD,
  HAIR,
  SWEAT_PATCH;

  public String messageKey() {
    return "care.testMethod." + name();
  }
}
