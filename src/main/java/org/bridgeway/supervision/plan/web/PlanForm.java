package org.bridgeway.supervision.plan.web;

/**
 * Any of the case-plan editor's forms: each sends the plan version it was based on and its own
 * fields. Everything binds as text, so that what was sent is shown again beside its error.
 */
public class PlanForm {

  private String version;
  private String domain;
  private String description;
  private String targetDate;
  private String status;
  private String position;
  private String owner;
  private String ownerName;
  private String dueOn;
  private String notedOn;
  private String text;
  private String signedOn;

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getDomain() {
    return domain;
  }

  public void setDomain(String domain) {
    this.domain = domain;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getTargetDate() {
    return targetDate;
  }

  public void setTargetDate(String targetDate) {
    this.targetDate = targetDate;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getPosition() {
    return position;
  }

  public void setPosition(String position) {
    this.position = position;
  }

  public String getOwner() {
    return owner;
  }

  public void setOwner(String owner) {
    this.owner = owner;
  }

  public String getOwnerName() {
    return ownerName;
  }

  public void setOwnerName(String ownerName) {
    this.ownerName = ownerName;
  }

  public String getDueOn() {
    return dueOn;
  }

  public void setDueOn(String dueOn) {
    this.dueOn = dueOn;
  }

  public String getNotedOn() {
    return notedOn;
  }

  public void setNotedOn(String notedOn) {
    this.notedOn = notedOn;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getSignedOn() {
    return signedOn;
  }

  public void setSignedOn(String signedOn) {
    this.signedOn = signedOn;
  }
}
