package org.bridgeway.care.episode;

/** The substances a drug test result names (positive, or of concern). */
public enum Substance {
  ALCOHOL,
  AMPHETAMINES,
  BENZODIAZEPINES,
  BUPRENORPHINE,
  CANNABIS,
  COCAINE,
  FENTANYL,
  METHADONE,
  METHAMPHETAMINE,
  OPIATES,
  OXYCODONE,
  OTHER;

  public String messageKey() {
    return "care.substance." + name();
  }
}
