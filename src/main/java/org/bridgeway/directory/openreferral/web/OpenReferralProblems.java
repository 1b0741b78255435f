package org.bridgeway.directory.openreferral.web;

import java.util.List;
import org.bridgeway.directory.openreferral.HsdsParameterException;
import org.bridgeway.shared.web.FieldViolation;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A bad query parameter of the {@code /hsds} API: 400, as a problem naming the parameter in {@code
 * errors}, like every other API error of Bridgeway. Everything else (404 for an unknown id, 500) is
 * left to the application's common problem handler.
 */
@RestControllerAdvice(assignableTypes = OpenReferralController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OpenReferralProblems {

  @ExceptionHandler
  ResponseEntity<ProblemDetail> invalidParameter(HsdsParameterException ex) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "The query parameter " + ex.parameter() + " " + ex.getMessage() + ".");
    problem.setProperty(
        "errors", List.of(new FieldViolation(ex.parameter(), ex.code(), ex.getMessage())));
    return ResponseEntity.badRequest().body(problem);
  }
}
