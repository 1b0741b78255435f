package org.bridgeway.supervision;

import java.time.LocalDate;

/**
 * The latest record of one responsivity factor of a person.
 *
 * @param notes free text for the people who serve the person; may be null
 * @param recordedOn the day it was recorded
 */
public record Responsivity(
    ResponsivityFactor factor, ResponsivityLevel level, String notes, LocalDate recordedOn) {}
