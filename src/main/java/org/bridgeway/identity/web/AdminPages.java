package org.bridgeway.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;

/** Small helpers the administration pages share. */
final class AdminPages {

  private AdminPages() {}

  /** Shows a broken business rule beside its field, with status 400. */
  static void reject(
      DomainRuleViolation violation,
      BindingResult errors,
      HttpServletResponse response,
      MessageSource messages) {
    String message =
        messages.getMessage(
            violation.code(), null, violation.getMessage(), LocaleContextHolder.getLocale());
    if (violation.field() != null) {
      errors.rejectValue(violation.field(), violation.code(), message);
    } else {
      errors.reject(violation.code(), message);
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
  }
}
