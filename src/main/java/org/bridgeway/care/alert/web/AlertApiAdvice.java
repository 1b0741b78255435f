package org.bridgeway.care.alert.web;

import org.bridgeway.care.episode.CareInputRejected;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Rules of the alert API that a request shape cannot express (a threshold out of its rule's bounds)
 * answer 400 with every field at fault, as Bean Validation does.
 */
@RestControllerAdvice(assignableTypes = AlertApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AlertApiAdvice {

  @ExceptionHandler
  ResponseEntity<ProblemDetail> rejected(CareInputRejected rejected) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The request is not valid: see the errors for each field.");
    problem.setProperty("errors", rejected.violations());
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
