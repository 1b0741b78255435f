package org.bridgeway.referrals.measures;

import java.time.LocalDate;
import java.util.List;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.referrals.measures.ReferralMeasures.PeriodRejected;
import org.bridgeway.referrals.measures.ReferralMeasures.Report;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The referral measures API. A {@code @RestController} of its own, so that the shared API handler
 * answers its bad parameters (a date that is not a date) with a problem naming the field.
 */
@RestController
class ReferralMeasuresApiController {

  private final ReferralMeasures measures;

  ReferralMeasuresApiController(ReferralMeasures measures) {
    this.measures = measures;
  }

  @GetMapping("/api/v1/referrals/measures")
  @PreAuthorize(ReferralMeasuresController.READERS)
  Report api(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return measures.of(principal, from, to);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> rejected(PeriodRejected rejected) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The request is not valid: see the errors for each field.");
    problem.setProperty("errors", List.of(rejected.violation()));
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
