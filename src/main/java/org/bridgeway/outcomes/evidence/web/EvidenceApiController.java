package org.bridgeway.outcomes.evidence.web;

import java.time.LocalDate;
import java.util.List;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.outcomes.evidence.EvidenceRejected;
import org.bridgeway.outcomes.evidence.EvidenceScope;
import org.bridgeway.outcomes.evidence.InstrumentValidation;
import org.bridgeway.outcomes.evidence.OutcomeDefinition;
import org.bridgeway.outcomes.evidence.ProgramEffectiveness;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The evidence API: programs and their effectiveness, instruments and their validation. Aggregates
 * only, of the caller's agency (or the network for funders and network administrators).
 */
@RestController
class EvidenceApiController {

  private final ProgramEffectiveness effectiveness;
  private final InstrumentValidation validation;

  EvidenceApiController(ProgramEffectiveness effectiveness, InstrumentValidation validation) {
    this.effectiveness = effectiveness;
    this.validation = validation;
  }

  @GetMapping("/api/v1/outcomes/evidence/programs")
  @PreAuthorize(EvidenceScope.READERS)
  List<ProgramEffectiveness.Program> programs(
      @AuthenticationPrincipal BridgewayPrincipal principal) {
    return effectiveness.programs(EvidenceScope.of(principal));
  }

  @GetMapping("/api/v1/outcomes/evidence/effectiveness")
  @PreAuthorize(EvidenceScope.READERS)
  ProgramEffectiveness.Result effectiveness(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(required = false) String program,
      @RequestParam(required = false) OutcomeDefinition outcome,
      @RequestParam(required = false) Integer years,
      @RequestParam(required = false) ProgramEffectiveness.Method method,
      @RequestParam(required = false) Double caliper,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return effectiveness.compare(
        EvidenceScope.of(principal),
        new ProgramEffectiveness.Request(program, outcome, years, method, caliper, from, to));
  }

  @GetMapping("/api/v1/outcomes/evidence/instruments")
  @PreAuthorize(EvidenceScope.READERS)
  List<InstrumentValidation.Instrument> instruments(
      @AuthenticationPrincipal BridgewayPrincipal principal) {
    return validation.instruments(EvidenceScope.of(principal));
  }

  @GetMapping("/api/v1/outcomes/evidence/validation")
  @PreAuthorize(EvidenceScope.READERS)
  InstrumentValidation.Result validation(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(required = false) String instrument,
      @RequestParam(required = false) OutcomeDefinition outcome,
      @RequestParam(required = false) Integer years,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return validation.validate(
        EvidenceScope.of(principal),
        new InstrumentValidation.Request(instrument, outcome, years, from, to));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> rejected(EvidenceRejected rejected) {
    return EvidenceProblems.of(rejected);
  }
}
