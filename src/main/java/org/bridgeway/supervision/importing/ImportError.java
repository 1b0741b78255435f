package org.bridgeway.supervision.importing;

/**
 * One thing wrong with an imported file.
 *
 * @param row the row as a spreadsheet numbers it (the header is row 1), or 0 for the whole file
 * @param column the column at fault, or null for the whole row or file
 * @param code a stable code, such as {@code Required} or {@code UnknownOfficer}
 * @param message what is wrong, in English
 */
public record ImportError(int row, String column, String code, String message) {}
