package org.bridgeway.outcomes.measure.web;

import java.util.List;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.outcomes.measure.MeasureFilter;
import org.bridgeway.outcomes.measure.MeasureFilter.FilterRejected;
import org.bridgeway.outcomes.measure.MeasureScope;
import org.bridgeway.outcomes.measure.OutcomeMeasures;
import org.bridgeway.outcomes.measure.OutcomeMeasures.Dashboard;
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
 * The outcome measures as JSON: the same figures as the dashboard, for the caller's scope. Bad
 * parameters answer 400 with a problem naming each one.
 */
@RestController
class OutcomeMeasuresApiController {

  private final OutcomeMeasures measures;

  OutcomeMeasuresApiController(OutcomeMeasures measures) {
    this.measures = measures;
  }

  @GetMapping("/api/v1/outcomes/measures")
  @PreAuthorize(OutcomeMeasuresController.READERS)
  Dashboard dashboard(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String definition,
      @RequestParam(required = false) String groupBy,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String program,
      @RequestParam(required = false) String riskLevel,
      @RequestParam(required = false) String team) {
    MeasureFilter filter =
        MeasureFilter.parse(
            new MeasureFilter.Request(
                OutcomeMeasuresController.kindFor(principal, kind),
                definition,
                groupBy,
                from,
                to,
                program,
                riskLevel,
                team),
            measures.today());
    return measures.dashboard(MeasureScope.of(principal, filter.myTeam()), filter);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> rejected(FilterRejected rejected) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The request is not valid: see the errors for each field.");
    problem.setProperty("errors", List.copyOf(rejected.violations()));
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
