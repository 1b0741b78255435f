package org.bridgeway.shared.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;

/**
 * Puts a service's field violations on a page's form, so that the error summary links each one to
 * its field and says it in the reader's language.
 */
public final class FormRejections {

  private FormRejections() {}

  /**
   * Rejects each violation on its form field or, if the form has no such field, on the form as a
   * whole. The message is {@code <messagePrefix>.<field>.<code>}, else {@code
   * <messagePrefix>.<code>}, else the violation's own; a field keeps its first error only.
   *
   * @param formFields the form's field names
   * @param renamed the form field a service field is entered in, where the names differ
   * @param messagePrefix the page module's prefix of error messages, e.g. {@code care.page.error}
   * @param codePrefix the prefix of the error codes on the binding result, e.g. {@code care}
   */
  public static void reject(
      List<FieldViolation> violations,
      BindingResult errors,
      Set<String> formFields,
      Map<String, String> renamed,
      MessageSource messages,
      String messagePrefix,
      String codePrefix) {
    for (FieldViolation violation : violations) {
      String field =
          violation.field() == null
              ? null
              : renamed.getOrDefault(violation.field(), violation.field());
      String general =
          messages.getMessage(
              messagePrefix + "." + violation.code(),
              null,
              violation.message(),
              LocaleContextHolder.getLocale());
      String message =
          field == null
              ? general
              : messages.getMessage(
                  messagePrefix + "." + field + "." + violation.code(),
                  null,
                  general,
                  LocaleContextHolder.getLocale());
      if (field != null && formFields.contains(field)) {
        if (!errors.hasFieldErrors(field)) {
          errors.rejectValue(field, codePrefix + "." + violation.code(), message);
        }
      } else {
        errors.reject(codePrefix + "." + violation.code(), message);
      }
    }
  }
}
