package org.bridgeway.directory.listing.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bridgeway.directory.listing.ListingRejected;
import org.bridgeway.shared.web.FieldViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Puts the directory's rule violations beside the form fields they concern, in the page's words.
 */
final class ListingErrors {

  private ListingErrors() {}

  /**
   * The message of a violation: {@code listing.error.<field>.<code>}, else {@code
   * listing.error.<code>}, else the directory's English message.
   */
  static String message(FieldViolation violation, MessageSource messages) {
    String fallback =
        messages.getMessage(
            "listing.error." + violation.code(),
            null,
            violation.message(),
            LocaleContextHolder.getLocale());
    if (violation.field() == null) {
      return fallback;
    }
    return messages.getMessage(
        "listing.error." + violation.field() + "." + violation.code(),
        null,
        fallback,
        LocaleContextHolder.getLocale());
  }

  /**
   * Rejects each violation on its field, or on the form as a whole if the form has no such field.
   */
  static void reject(
      ListingRejected rejected,
      BindingResult errors,
      Set<String> formFields,
      MessageSource messages) {
    reject(rejected.violations(), errors, formFields, messages);
  }

  /**
   * Rejects each violation on its field, or on the form as a whole if the form has no such field.
   */
  static void reject(
      List<FieldViolation> violations,
      BindingResult errors,
      Set<String> formFields,
      MessageSource messages) {
    for (FieldViolation violation : violations) {
      String message = message(violation, messages);
      if (violation.field() != null && formFields.contains(violation.field())) {
        if (!errors.hasFieldErrors(violation.field())) {
          errors.rejectValue(violation.field(), "listing." + violation.code(), message);
        }
      } else {
        errors.reject("listing." + violation.code(), message);
      }
    }
  }

  /** The field errors of a binding result as field → message, in the order they were found. */
  static Map<String, String> byField(BindingResult errors, MessageSource messages) {
    Map<String, String> byField = new LinkedHashMap<>();
    for (FieldError error : errors.getFieldErrors()) {
      byField.putIfAbsent(
          error.getField(), messages.getMessage(error, LocaleContextHolder.getLocale()));
    }
    return byField;
  }
}
