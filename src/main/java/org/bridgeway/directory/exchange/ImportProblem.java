package org.bridgeway.directory.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One thing wrong with an import (an error: nothing is written) or worth knowing about it (a
 * warning), located as precisely as the input allows.
 *
 * @param file the uploaded file, or the file inside a ZIP, it was found in
 * @param line the CSV line (1 is the header), null for JSON
 * @param pointer the JSON pointer of the object or value in a JSON file, null for CSV
 * @param field the HSDS field (column) at fault, null when the row or file as a whole is
 * @param code what kind of problem it is: the key of its message under {@code
 *     directory.exchange.problem.} in the message bundle
 * @param arguments the values the message names, in order
 * @param message the problem in English
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportProblem(
    String file,
    Integer line,
    String pointer,
    String field,
    String code,
    List<String> arguments,
    String message) {

  public ImportProblem {
    arguments = arguments == null ? List.of() : List.copyOf(arguments);
  }

  /** Where the problem is, in one phrase: {@code services.csv, line 7} or a JSON pointer. */
  public String location() {
    StringBuilder where = new StringBuilder(file == null ? "" : file);
    if (line != null) {
      where.append(where.isEmpty() ? "" : ", ").append("line ").append(line);
    }
    if (pointer != null && !pointer.isEmpty()) {
      where.append(where.isEmpty() ? "" : ", ").append(pointer);
    }
    return where.toString();
  }
}
