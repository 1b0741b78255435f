package org.bridgeway.supervision.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.web.FieldViolation;

/**
 * One version of an assessment instrument an agency configured. Defined with {@link #define};
 * changed with {@link #revise}, which edits this version in place while no assessment used it, and
 * otherwise retires it and returns the next version, so that every completed assessment keeps the
 * exact items and thresholds it was scored with.
 */
public class Instrument {

  private final InstrumentId id;
  private final OrganizationId organizationId;
  private final UUID seriesId;
  private final int number;
  private String name;
  private InstrumentDefinition definition;
  private boolean current;
  private final String createdBy;
  private final Instant createdAt;
  private Instant updatedAt;
  private long version;

  Instrument(
      InstrumentId id,
      OrganizationId organizationId,
      UUID seriesId,
      int number,
      String name,
      InstrumentDefinition definition,
      boolean current,
      String createdBy,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    this.id = id;
    this.organizationId = organizationId;
    this.seriesId = seriesId;
    this.number = number;
    this.name = name;
    this.definition = definition;
    this.current = current;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.version = version;
  }

  /**
   * A new instrument, version 1.
   *
   * @throws IllegalArgumentException if the name is blank or the definition breaks a rule
   */
  public static Instrument define(
      InstrumentId id,
      OrganizationId agency,
      String name,
      InstrumentDefinition definition,
      String by,
      Instant at) {
    requireValid(name, definition);
    return new Instrument(
        id, agency, UUID.randomUUID(), 1, name.strip(), definition, true, by, at, at, 0);
  }

  /**
   * Changes the instrument. If assessments used this version, this version is retired and the
   * change becomes the next version (returned); otherwise this version changes in place (and is
   * returned).
   *
   * @param inUse whether any assessment used this version
   * @throws IllegalStateException if this version is no longer current
   * @throws IllegalArgumentException if the name is blank or the definition breaks a rule
   */
  public Instrument revise(
      String newName,
      InstrumentDefinition newDefinition,
      boolean inUse,
      InstrumentId nextId,
      String by,
      Instant at) {
    if (!current) {
      throw new IllegalStateException("Only the current version of an instrument can change");
    }
    requireValid(newName, newDefinition);
    if (!inUse) {
      name = newName.strip();
      definition = newDefinition;
      updatedAt = at;
      return this;
    }
    current = false;
    updatedAt = at;
    return new Instrument(
        nextId,
        organizationId,
        seriesId,
        number + 1,
        newName.strip(),
        newDefinition,
        true,
        by,
        at,
        at,
        0);
  }

  /** Scores answers; see {@link InstrumentDefinition#score}. */
  public InstrumentDefinition.Scored score(
      Map<String, Integer> answers, List<FieldViolation> violations) {
    return definition.score(answers, violations);
  }

  private static void requireValid(String name, InstrumentDefinition definition) {
    Objects.requireNonNull(definition, "definition");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("An instrument needs a name");
    }
    if (!definition.violations().isEmpty()) {
      throw new IllegalArgumentException("Invalid definition: " + definition.violations());
    }
  }

  void stored(long newVersion) {
    version = newVersion;
  }

  public InstrumentId id() {
    return id;
  }

  public OrganizationId organizationId() {
    return organizationId;
  }

  public UUID seriesId() {
    return seriesId;
  }

  /** The version number within the instrument's series, from 1. */
  public int number() {
    return number;
  }

  public String name() {
    return name;
  }

  public InstrumentDefinition definition() {
    return definition;
  }

  public boolean current() {
    return current;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** The optimistic-locking version. */
  public long version() {
    return version;
  }
}
