package org.bridgeway.consent.web;

import org.bridgeway.consent.ConsentInputRejected;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The consent API's own problem: rules across fields answer 400 with every field at fault, as Bean
 * Validation does. Everything else goes to the shared handler.
 */
@RestControllerAdvice(
    assignableTypes = {
      DirectiveApiController.class,
      ConsentTemplateApiController.class,
      DecisionApiController.class
    })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsentApiAdvice {

  @ExceptionHandler
  ResponseEntity<ProblemDetail> rejected(ConsentInputRejected rejected) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The request is not valid: see the errors for each field.");
    problem.setProperty("errors", rejected.violations());
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
