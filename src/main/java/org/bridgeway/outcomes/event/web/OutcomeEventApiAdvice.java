package org.bridgeway.outcomes.event.web;

import org.bridgeway.outcomes.event.DuplicateOutcomeEvent;
import org.bridgeway.outcomes.event.EventImportRejected;
import org.bridgeway.outcomes.event.EventInputRejected;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The outcome events API's own problems, ahead of the shared handler: rules across fields answer
 * 400 naming every field, a duplicate event 409, a rejected import 400 (413 for its size) with
 * every error by row and column.
 */
@RestControllerAdvice(
    assignableTypes = {OutcomeEventApiController.class, OutcomeEventImportApiController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class OutcomeEventApiAdvice {

  @ExceptionHandler
  ResponseEntity<ProblemDetail> rejected(EventInputRejected rejected) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The request is not valid: see the errors for each field.");
    problem.setProperty("errors", rejected.violations());
    return answer(HttpStatus.BAD_REQUEST, problem);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> duplicate(DuplicateOutcomeEvent duplicate) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, duplicate.getMessage());
    problem.setProperty("code", "outcomes.event.duplicate");
    return answer(HttpStatus.CONFLICT, problem);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> importRejected(EventImportRejected rejected) {
    HttpStatus status = rejected.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            status,
            "The import was refused and nothing was written. Correct every error listed and send"
                + " the whole file again.");
    problem.setProperty("code", "outcomes.import.rejected");
    problem.setProperty("report", rejected.report());
    return answer(status, problem);
  }

  private static ResponseEntity<ProblemDetail> answer(HttpStatus status, ProblemDetail problem) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
