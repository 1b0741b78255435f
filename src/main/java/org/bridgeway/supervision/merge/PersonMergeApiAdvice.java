package org.bridgeway.supervision.merge;

import org.bridgeway.supervision.SupervisionInputRejected;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The merge API's rules across fields answer 400 with the fields at fault. */
@RestControllerAdvice(assignableTypes = PersonMergeApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PersonMergeApiAdvice {

  @ExceptionHandler
  ResponseEntity<ProblemDetail> rejected(SupervisionInputRejected rejected) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The request is not valid: see the errors for each field.");
    problem.setProperty("errors", rejected.violations());
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
