package org.bridgeway.referrals.web;

import java.util.List;
import java.util.stream.Collectors;
import org.bridgeway.referrals.lifecycle.ConsentNotCovering;
import org.bridgeway.referrals.lifecycle.IneligibleForService;
import org.bridgeway.referrals.lifecycle.ReferralInputRejected;
import org.bridgeway.referrals.lifecycle.ReferralTransitionRejected;
import org.bridgeway.shared.web.FieldViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The referral API's own problems, ahead of the shared handler: 400 naming every field at fault,
 * 422 for an illegal transition naming the current state, for an ineligible person (field {@code
 * service} and the failed rules) and for missing consent (field {@code sharedCategories} and why),
 * and 409 for a stale version.
 */
@RestControllerAdvice(
    assignableTypes = {ReferralApiController.class, ProviderReferralApiController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReferralApiAdvice {

  private final MessageSource messages;

  ReferralApiAdvice(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> rejected(ReferralInputRejected rejected) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, message("referrals.problem.invalid"));
    problem.setProperty("errors", rejected.violations());
    return answer(HttpStatus.BAD_REQUEST, problem);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> illegal(ReferralTransitionRejected illegal) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_CONTENT,
            message(ReferralTransitionRejected.CODE, illegal.action(), illegal.state().name()));
    problem.setProperty("code", illegal.code());
    problem.setProperty("state", illegal.state().name());
    return answer(HttpStatus.UNPROCESSABLE_CONTENT, problem);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> ineligible(IneligibleForService ineligible) {
    String detail = message(IneligibleForService.CODE, String.join(", ", ineligible.failedRules()));
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
    problem.setProperty("code", ineligible.code());
    problem.setProperty("failedRules", ineligible.failedRules());
    problem.setProperty(
        "errors", List.of(new FieldViolation("service", ineligible.code(), detail)));
    return answer(HttpStatus.UNPROCESSABLE_CONTENT, problem);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> noConsent(ConsentNotCovering missing) {
    String categories =
        missing.withheld().keySet().stream()
            .map(Enum::name)
            .sorted()
            .collect(Collectors.joining(", "));
    String detail = message(ConsentNotCovering.CODE, categories);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
    problem.setProperty("code", missing.code());
    problem.setProperty("withheld", missing.withheld());
    problem.setProperty(
        "errors", List.of(new FieldViolation("sharedCategories", missing.code(), detail)));
    return answer(HttpStatus.UNPROCESSABLE_CONTENT, problem);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException stale) {
    return answer(
        HttpStatus.CONFLICT,
        ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, message("referrals.problem.stale")));
  }

  private String message(String code, Object... arguments) {
    return messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale());
  }

  private static ResponseEntity<ProblemDetail> answer(HttpStatus status, ProblemDetail problem) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
