package org.bridgeway.supervision.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;

/** Puts the supervision rules' violations beside the page form fields they concern. */
final class PageErrors {

  private PageErrors() {}

  /**
   * Rejects each violation on its form field ({@code renamed} maps a service field to a form field)
   * or, if the form has no such field, on the form as a whole. The message is {@code
   * supervision.page.error.<field>.<code>}, else {@code supervision.page.error.<code>}.
   */
  static void reject(
      List<FieldViolation> violations,
      BindingResult errors,
      Set<String> formFields,
      Map<String, String> renamed,
      MessageSource messages) {
    for (FieldViolation violation : violations) {
      String field =
          violation.field() == null
              ? null
              : renamed.getOrDefault(violation.field(), violation.field());
      String message = message(field, violation.code(), violation.message(), messages);
      if (field != null && formFields.contains(field)) {
        if (!errors.hasFieldErrors(field)) {
          errors.rejectValue(field, "supervision." + violation.code(), message);
        }
      } else {
        errors.reject("supervision." + violation.code(), message);
      }
    }
  }

  static void reject(
      DomainRuleViolation rule,
      BindingResult errors,
      Set<String> formFields,
      MessageSource messages) {
    String text =
        messages.getMessage(rule.code(), null, rule.getMessage(), LocaleContextHolder.getLocale());
    if (rule.field() != null && formFields.contains(rule.field())) {
      errors.rejectValue(rule.field(), rule.code(), text);
    } else {
      errors.reject(rule.code(), text);
    }
  }

  private static String message(
      String field, String code, String fallback, MessageSource messages) {
    String general =
        messages.getMessage(
            "supervision.page.error." + code, null, fallback, LocaleContextHolder.getLocale());
    if (field == null) {
      return general;
    }
    return messages.getMessage(
        "supervision.page.error." + field + "." + code,
        null,
        general,
        LocaleContextHolder.getLocale());
  }
}
