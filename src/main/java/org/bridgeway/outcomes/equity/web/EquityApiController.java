package org.bridgeway.outcomes.equity.web;

import java.time.LocalDate;
import java.util.List;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.outcomes.equity.EquityReport;
import org.bridgeway.outcomes.equity.ServiceGaps;
import org.bridgeway.outcomes.evidence.EvidenceRejected;
import org.bridgeway.outcomes.evidence.EvidenceScope;
import org.bridgeway.outcomes.evidence.OutcomeDefinition;
import org.bridgeway.outcomes.evidence.web.EvidenceProblems;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The equity API: disparity ratios across groups, and service gaps by need domain and area. */
@RestController
class EquityApiController {

  private final EquityReport equity;
  private final ServiceGaps gaps;

  EquityApiController(EquityReport equity, ServiceGaps gaps) {
    this.equity = equity;
    this.gaps = gaps;
  }

  @GetMapping("/api/v1/outcomes/equity")
  @PreAuthorize(EvidenceScope.READERS)
  EquityReport.Result equity(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(required = false) EquityReport.Dimension dimension,
      @RequestParam(required = false) String reference,
      @RequestParam(required = false) OutcomeDefinition outcome,
      @RequestParam(required = false) Integer years,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return equity.of(
        EvidenceScope.of(principal),
        new EquityReport.Request(dimension, reference, outcome, years, from, to));
  }

  @GetMapping("/api/v1/outcomes/equity/gaps")
  @PreAuthorize(EvidenceScope.READERS)
  List<ServiceGaps.Gap> gaps(@AuthenticationPrincipal BridgewayPrincipal principal) {
    return gaps.of(EvidenceScope.of(principal));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> rejected(EvidenceRejected rejected) {
    return EvidenceProblems.of(rejected);
  }
}
