package org.bridgeway.care.record;

/**
 * The level of care of a treatment plan, as the ASAM Criteria (third edition) name them, from early
 * intervention (0.5) to medically managed intensive inpatient services (4). ADR 0019.
 */
public enum LevelOfCare {
  /** 0.5 Early intervention. */
  ASAM_0_5("0.5"),
  /** 1 Outpatient services. */
  ASAM_1("1"),
  /** 2.1 Intensive outpatient services. */
  ASAM_2_1("2.1"),
  /** 2.5 Partial hospitalization services. */
  ASAM_2_5("2.5"),
  /** 3.1 Clinically managed low-intensity residential services. */
  ASAM_3_1("3.1"),
  /** 3.3 Clinically managed population-specific high-intensity residential services. */
  ASAM_3_3("3.3"),
  /** 3.5 Clinically managed high-intensity residential services. */
  ASAM_3_5("3.5"),
  /** 3.7 Medically monitored intensive inpatient services. */
  ASAM_3_7("3.7"),
  /** 4 Medically managed intensive inpatient services. */
  ASAM_4("4");

  private final String level;

  LevelOfCare(String level) {
    this.level = level;
  }

  /** The level as ASAM writes it, such as {@code 2.1}. */
  public String level() {
    return level;
  }

  public String messageKey() {
    return "care.levelOfCare." + name();
  }
}
