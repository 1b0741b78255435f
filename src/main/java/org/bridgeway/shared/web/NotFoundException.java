package org.bridgeway.shared.web;

/**
 * The record does not exist or is not the caller's to see. Both answer the same (404), so an id
 * that belongs to another organization reveals nothing.
 */
public class NotFoundException extends RuntimeException {

  private final String recordType;

  public NotFoundException(String recordType) {
    super("No " + recordType + " with that id");
    this.recordType = recordType;
  }

  public String recordType() {
    return recordType;
  }
}
