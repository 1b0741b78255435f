package org.bridgeway.outcomes.evidence.web;

import java.util.List;
import org.bridgeway.outcomes.evidence.EvidenceRejected;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The RFC 9457 answer to a rejected evidence request: 400, naming the parameter. */
public final class EvidenceProblems {

  private EvidenceProblems() {}

  public static ResponseEntity<ProblemDetail> of(EvidenceRejected rejected) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The request is not valid: see the errors for each field.");
    problem.setProperty("errors", List.of(rejected.violation()));
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
