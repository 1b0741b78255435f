package org.bridgeway.outcomes.evidence;

/**
 * Age bands at a spell's start, for matching and equity breakdowns: under 25, 25 to 34, 35 to 44,
 * 45 and over (the bands of the outcome measures), UNKNOWN without a birth date.
 */
public final class AgeBands {

  public static final java.util.List<String> BANDS =
      java.util.List.of("UNDER_25", "25_34", "35_44", "45_PLUS", "UNKNOWN");

  private AgeBands() {}

  public static String of(Integer age) {
    if (age == null) {
      return "UNKNOWN";
    }
    if (age < 25) {
      return "UNDER_25";
    }
    if (age < 35) {
      return "25_34";
    }
    if (age < 45) {
      return "35_44";
    }
    return "45_PLUS";
  }
}
