package org.bridgeway.supervision.workspace.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bridgeway.shared.web.FieldViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;

/**
 * Puts the supervision rules' violations beside the form fields they concern, in the page's words:
 * {@code workspace.error.<field>.<code>}, else {@code workspace.error.<code>} with the field's
 * label ({@code workspace.field.<field>}), else the label and the rule's English message.
 */
final class FormErrors {

  private FormErrors() {}

  /**
   * Rejects each violation on the form field its request field maps to, or on the form as a whole.
   *
   * @param fields request field (as the services name it) to form field
   */
  static void reject(
      List<FieldViolation> violations,
      BindingResult errors,
      Map<String, String> fields,
      MessageSource messages) {
    for (FieldViolation violation : violations) {
      String field = violation.field() == null ? null : fields.get(violation.field());
      if (field == null && violation.field() != null && isFormField(errors, violation.field())) {
        field = violation.field();
      }
      String message = message(field, violation.code(), violation.message(), messages);
      if (field != null) {
        if (!errors.hasFieldErrors(field)) {
          errors.rejectValue(field, "workspace." + violation.code(), message);
        }
      } else {
        errors.reject("workspace." + violation.code(), message);
      }
    }
  }

  private static boolean isFormField(BindingResult errors, String name) {
    Object target = errors.getTarget();
    if (target == null || !target.getClass().isRecord()) {
      return false;
    }
    return Arrays.stream(target.getClass().getRecordComponents())
        .anyMatch(component -> component.getName().equals(name));
  }

  /** A row of a repeatable part of a form: {@code aliases[1].familyName}. */
  private static final Pattern ROW_FIELD = Pattern.compile("(\\w+)\\[(\\d+)]\\.(\\w+)");

  /**
   * A field's label: {@code workspace.field.<field>}; for a row of a repeatable part, {@code
   * workspace.field.<part>.<field>} with the row's number (from 1).
   */
  private static String label(String field, MessageSource messages, java.util.Locale locale) {
    Matcher row = ROW_FIELD.matcher(field);
    if (row.matches()) {
      return messages.getMessage(
          "workspace.field." + row.group(1) + "." + row.group(3),
          new Object[] {Integer.parseInt(row.group(2)) + 1},
          field,
          locale);
    }
    return messages.getMessage("workspace.field." + field, null, field, locale);
  }

  /** The page's message for a rule broken on a field (null for the form as a whole). */
  static String message(String field, String code, String english, MessageSource messages) {
    var locale = LocaleContextHolder.getLocale();
    if (field == null) {
      return messages.getMessage("workspace.error." + code, null, english, locale);
    }
    String label = label(field, messages, locale);
    String general =
        messages.getMessage(
            "workspace.error." + code, new Object[] {label}, label + ": " + english, locale);
    return messages.getMessage("workspace.error." + field + "." + code, null, general, locale);
  }
}
