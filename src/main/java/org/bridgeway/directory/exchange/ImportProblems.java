package org.bridgeway.directory.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bridgeway.directory.hsds.HsdsSchemas;
import org.springframework.context.MessageSource;

/**
 * Collects the errors and warnings of one import. Lists are capped; counts are not. Messages are
 * worded in English from the message bundle (keys {@code directory.exchange.problem.<code>}), and
 * the code and arguments are kept so that a page can word them in the reader's language.
 */
final class ImportProblems {

  private final MessageSource messages;
  private final int cap;
  private final List<ImportProblem> errors = new ArrayList<>();
  private final List<ImportProblem> warnings = new ArrayList<>();
  private int errorCount;
  private int warningCount;

  ImportProblems(MessageSource messages, int cap) {
    this.messages = messages;
    this.cap = cap;
  }

  synchronized void error(Origin origin, String field, String code, Object... arguments) {
    errorCount++;
    if (errors.size() < cap) {
      errors.add(problem(origin, field, code, arguments));
    }
  }

  synchronized void warning(Origin origin, String field, String code, Object... arguments) {
    warningCount++;
    if (warnings.size() < cap) {
      warnings.add(problem(origin, field, code, arguments));
    }
  }

  /** A schema violation, as the validator words it. */
  void schema(Origin origin, HsdsSchemas.Violation violation) {
    String field =
        violation.field() == null || violation.field().isEmpty() ? null : violation.field();
    error(origin.below(violation.pointer()), field, "schema", violation.message());
  }

  synchronized boolean hasErrors() {
    return errorCount > 0;
  }

  synchronized int errorCount() {
    return errorCount;
  }

  synchronized List<ImportProblem> errors() {
    return List.copyOf(errors);
  }

  synchronized int warningCount() {
    return warningCount;
  }

  synchronized List<ImportProblem> warnings() {
    return List.copyOf(warnings);
  }

  private ImportProblem problem(Origin origin, String field, String code, Object[] arguments) {
    String message =
        messages.getMessage("directory.exchange.problem." + code, arguments, code, Locale.ENGLISH);
    List<String> texts = Arrays.stream(arguments).map(String::valueOf).toList();
    return new ImportProblem(
        origin.file(), origin.line(), origin.pointer(), field, code, texts, message);
  }
}
