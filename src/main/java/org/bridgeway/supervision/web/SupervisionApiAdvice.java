package org.bridgeway.supervision.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.supervision.SupervisionInputRejected;
import org.bridgeway.supervision.person.DuplicateCandidate;
import org.bridgeway.supervision.person.PersonName;
import org.bridgeway.supervision.person.PossibleDuplicates;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The supervision API's own problems, ahead of the shared handler: rules across fields answer 400
 * with every field at fault, as Bean Validation does; likely duplicates answer 409 with the
 * candidates.
 */
@RestControllerAdvice(
    assignableTypes = {
      PeopleApiController.class,
      CaseApiController.class,
      TeamApiController.class,
      OfficeApiController.class
    })
@Order(Ordered.HIGHEST_PRECEDENCE)
class SupervisionApiAdvice {

  /** A likely duplicate; {@code name} and {@code dateOfBirth} only if the caller sees them. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Candidate(
      UUID personId,
      double score,
      Set<DuplicateCandidate.MatchReason> reasons,
      PersonName name,
      java.time.LocalDate dateOfBirth) {

    static Candidate of(DuplicateCandidate candidate) {
      return new Candidate(
          candidate.person().value(),
          candidate.score(),
          candidate.reasons(),
          candidate.seen() == null ? null : candidate.seen().name(),
          candidate.seen() == null ? null : candidate.seen().dateOfBirth());
    }
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> rejected(SupervisionInputRejected rejected) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The request is not valid: see the errors for each field.");
    problem.setProperty("errors", rejected.violations());
    return answer(HttpStatus.BAD_REQUEST, problem);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> duplicates(PossibleDuplicates duplicates) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "The agency already has people who may be this person. Review the candidates; to"
                + " enter the person anyway, send the request again with createAnyway: true.");
    problem.setProperty("code", "supervision.person.possibleDuplicates");
    List<Candidate> candidates = duplicates.candidates().stream().map(Candidate::of).toList();
    problem.setProperty("candidates", candidates);
    return answer(HttpStatus.CONFLICT, problem);
  }

  private static ResponseEntity<ProblemDetail> answer(HttpStatus status, ProblemDetail problem) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
