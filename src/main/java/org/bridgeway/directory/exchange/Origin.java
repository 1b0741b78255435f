package org.bridgeway.directory.exchange;

/**
 * Where an object of an import came from: a CSV file and line, or a JSON file and pointer.
 *
 * @param line the CSV line, null for JSON
 * @param pointer the JSON pointer, null for CSV
 */
record Origin(String file, Integer line, String pointer) {

  static Origin file(String file) {
    return new Origin(file, null, null);
  }

  static Origin csv(String file, long line) {
    return new Origin(file, (int) Math.min(Integer.MAX_VALUE, line), null);
  }

  static Origin json(String file, String pointer) {
    return new Origin(file, null, pointer);
  }

  /** A place inside this one: a pointer below a JSON object (CSV rows have nothing below). */
  Origin below(String subPointer) {
    if (pointer == null || subPointer == null || subPointer.isEmpty()) {
      return this;
    }
    return new Origin(file, line, pointer + subPointer);
  }
}
