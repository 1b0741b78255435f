package org.bridgeway.supervision.assessment.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The form for the results of an external instrument: its name, the day, the risk level it gave and
 * a severity (and optional score) per domain it covered. Binds as text.
 */
public class ExternalForm {

  private String instrumentName;
  private String assessedOn;
  private String riskLevel;
  private Map<String, String> severity = new LinkedHashMap<>();
  private Map<String, String> score = new LinkedHashMap<>();

  public String getInstrumentName() {
    return instrumentName;
  }

  public void setInstrumentName(String instrumentName) {
    this.instrumentName = instrumentName;
  }

  public String getAssessedOn() {
    return assessedOn;
  }

  public void setAssessedOn(String assessedOn) {
    this.assessedOn = assessedOn;
  }

  public String getRiskLevel() {
    return riskLevel;
  }

  public void setRiskLevel(String riskLevel) {
    this.riskLevel = riskLevel;
  }

  public Map<String, String> getSeverity() {
    return severity;
  }

  public void setSeverity(Map<String, String> severity) {
    this.severity = severity;
  }

  public Map<String, String> getScore() {
    return score;
  }

  public void setScore(Map<String, String> score) {
    this.score = score;
  }
}
