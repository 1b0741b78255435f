package org.bridgeway.directory.listing.web;

import java.util.List;
import org.bridgeway.directory.listing.ListingRejected;
import org.bridgeway.shared.web.FieldViolation;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A listing edit over the API that breaks the directory's rules answers 422 with every field at
 * fault in {@code errors}, as the shared problem handler does for a single rule. Ordered ahead of
 * that handler, whose catch-all would otherwise answer first.
 */
@RestControllerAdvice(assignableTypes = ListingApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ListingApiAdvice {

  @ExceptionHandler
  ResponseEntity<ProblemDetail> rejected(ListingRejected rejected) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_CONTENT, "The request breaks the directory's rules.");
    problem.setTitle("Unprocessable Content");
    List<FieldViolation> errors = rejected.violations();
    problem.setProperty("errors", errors);
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
