package org.bridgeway.supervision.assessment.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The assessment form: the instrument version, the day, the chosen option per item key and,
 * optionally, a level per responsivity factor. Everything binds as text, so that what was sent is
 * shown again beside its error.
 */
public class AssessmentForm {

  private String instrumentId;
  private String assessedOn;
  private Map<String, String> answers = new LinkedHashMap<>();
  private Map<String, String> responsivity = new LinkedHashMap<>();

  public String getInstrumentId() {
    return instrumentId;
  }

  public void setInstrumentId(String instrumentId) {
    this.instrumentId = instrumentId;
  }

  public String getAssessedOn() {
    return assessedOn;
  }

  public void setAssessedOn(String assessedOn) {
    this.assessedOn = assessedOn;
  }

  public Map<String, String> getAnswers() {
    return answers;
  }

  public void setAnswers(Map<String, String> answers) {
    this.answers = answers;
  }

  public Map<String, String> getResponsivity() {
    return responsivity;
  }

  public void setResponsivity(Map<String, String> responsivity) {
    this.responsivity = responsivity;
  }
}
