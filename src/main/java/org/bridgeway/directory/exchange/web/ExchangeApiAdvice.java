package org.bridgeway.directory.exchange.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bridgeway.directory.exchange.UploadRejected;
import org.bridgeway.shared.web.FieldViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem responses (RFC 9457) of the import and export API, in the shape of the project's other
 * problems: {@code errors} lists what is wrong. A refused upload also lists its problems in full
 * ({@code problems}: file, line or JSON pointer, field, code, message).
 */
@RestControllerAdvice(assignableTypes = {ImportApiController.class, ExportApiController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExchangeApiAdvice {

  /** Query parameters that do not make a filter: parameter name to message key. */
  static final class InvalidParameters extends RuntimeException {

    private final Map<String, String> errors;

    InvalidParameters(Map<String, String> errors) {
      super("Invalid export parameters: " + errors.keySet());
      this.errors = Map.copyOf(errors);
    }
  }

  private final MessageSource messages;

  ExchangeApiAdvice(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> rejected(UploadRejected rejected) {
    HttpStatus status = rejected.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            status,
            rejected.tooLarge()
                ? "The upload is larger than imports accept."
                : "The upload is not an HSDS import Bridgeway can read: see the errors.");
    problem.setProperty(
        "errors",
        rejected.problems().stream()
            .map(p -> new FieldViolation("body", p.code(), p.message()))
            .toList());
    problem.setProperty("problems", rejected.problems());
    HttpHeaders headers = new HttpHeaders();
    if (rejected.tooLarge()) {
      headers.setConnection("close");
    }
    return ResponseEntity.status(status).headers(headers).body(problem);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> invalid(InvalidParameters invalid) {
    Locale locale = LocaleContextHolder.getLocale();
    List<FieldViolation> errors =
        invalid.errors.entrySet().stream()
            .map(
                e ->
                    new FieldViolation(
                        e.getKey(), "Invalid", messages.getMessage(e.getValue(), null, locale)))
            .toList();
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The request is not valid: see the errors for each field.");
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }
}
