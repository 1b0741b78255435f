package org.bridgeway.shared.web;

/**
 * Guards the text cells of exported CSV files against formula injection (ADR 0007), for every
 * module that exports CSV, and undoes the guard on import.
 *
 * <p>A spreadsheet opening a CSV file runs a cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return as a formula. Exports therefore prefix such a text cell
 * with a single quote, which spreadsheets show as text. So that the prefix is lossless, a text that
 * already starts with quotes followed by one of those characters gets one more quote. Imports
 * remove one leading quote from a text cell that starts with one or more quotes followed by one of
 * those characters, and leave every other cell alone. Number and boolean cells need no guard.
 */
public final class SpreadsheetCells {

  private static final String TRIGGERS = "=+-@\t\r";

  private SpreadsheetCells() {}

  /** The text as an exported cell: guarded if a spreadsheet would read it as a formula. */
  public static String guard(String value) {
    if (value == null) {
      return "";
    }
    return needsGuard(value) ? "'" + value : value;
  }

  /** The text of an imported cell, without the guard an export put in front of it. */
  public static String unguard(String value) {
    if (value.length() > 1 && value.charAt(0) == '\'' && needsGuard(value.substring(1))) {
      return value.substring(1);
    }
    return value;
  }

  private static boolean needsGuard(String value) {
    int i = 0;
    while (i < value.length() && value.charAt(i) == '\'') {
      i++;
    }
    return i < value.length() && TRIGGERS.indexOf(value.charAt(i)) >= 0;
  }
}
