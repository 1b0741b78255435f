package org.bridgeway.outcomes.event;

/**
 * One error of an import: where (file, row, column) and what is wrong.
 *
 * @param file the file of a cohort ZIP, or null for an events import
 * @param row the row in the file counting the header as row 1, or 0 for the file as a whole
 * @param column the column at fault, or null for the whole row
 * @param code machine-readable: {@code Required}, {@code Unknown}, {@code Ambiguous}...
 */
public record ImportError(String file, int row, String column, String code, String message) {}
