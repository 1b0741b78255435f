package org.bridgeway.referrals.pages;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.referrals.lifecycle.ConsentNotCovering;
import org.bridgeway.referrals.lifecycle.IneligibleForService;
import org.bridgeway.referrals.lifecycle.ReferralInputRejected;
import org.bridgeway.referrals.lifecycle.ReferralTransitionRejected;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.validation.BindingResult;

/**
 * Runs one change of a referral page and turns what the service refuses into errors beside the
 * form's fields: bad input 400, a rule (eligibility, consent, state) 422, a stale version 409 with
 * "someone else changed this referral". The service writes nothing when it refuses.
 */
final class PageAttempt {

  static final int BAD_REQUEST = 400;
  static final int UNPROCESSABLE = 422;
  static final int CONFLICT = 409;

  private PageAttempt() {}

  /**
   * @return 0 if the change was made, else the status to answer with the form shown again
   */
  static int attempt(
      List<FieldViolation> parsed,
      BindingResult errors,
      Set<String> fields,
      MessageSource messages,
      Runnable change) {
    return attempt(parsed, errors, fields, Map.of("intakeAt", "intakeDate"), messages, change);
  }

  /**
   * @param renamed the form field a service field is entered in, where the names differ
   */
  static int attempt(
      List<FieldViolation> parsed,
      BindingResult errors,
      Set<String> fields,
      Map<String, String> renamed,
      MessageSource messages,
      Runnable change) {
    ReferralPageForms.reject(parsed, errors, fields, renamed, messages);
    if (errors.hasErrors()) {
      return BAD_REQUEST;
    }
    try {
      change.run();
      return 0;
    } catch (ReferralInputRejected rejected) {
      ReferralPageForms.reject(rejected.violations(), errors, fields, renamed, messages);
      return BAD_REQUEST;
    } catch (IneligibleForService ineligible) {
      String rules =
          ineligible.failedRules().stream()
              .map(rule -> text(messages, "referralPages.rule." + rule, rule))
              .collect(Collectors.joining(", "));
      String message = text(messages, "referralPages.error.ineligible", null, rules);
      if (fields.contains("eligibilityJustification")) {
        errors.rejectValue("eligibilityJustification", "referralPages.ineligible", message);
      } else {
        errors.reject("referralPages.ineligible", message);
      }
      return UNPROCESSABLE;
    } catch (ConsentNotCovering consent) {
      String categories =
          consent.withheld().keySet().stream()
              .sorted()
              .map(InformationCategory::name)
              .map(c -> text(messages, "consent.category." + c, c))
              .collect(Collectors.joining(", "));
      String message = text(messages, "referralPages.error.consent", null, categories);
      if (fields.contains("sharedCategories")) {
        errors.rejectValue("sharedCategories", "referralPages.consent", message);
      } else {
        errors.reject("referralPages.consent", message);
      }
      return UNPROCESSABLE;
    } catch (ReferralTransitionRejected illegal) {
      String state = text(messages, "referrals.state." + illegal.state().name(), null);
      errors.reject(
          "referralPages.transition",
          text(messages, "referralPages.error.transition", null, state));
      return UNPROCESSABLE;
    } catch (DomainRuleViolation rule) {
      String message = text(messages, rule.code(), rule.getMessage());
      if (rule.field() != null && fields.contains(rule.field())) {
        errors.rejectValue(rule.field(), rule.code(), message);
      } else {
        errors.reject(rule.code(), message);
      }
      return UNPROCESSABLE;
    } catch (OptimisticLockingFailureException stale) {
      errors.reject("referralPages.stale", text(messages, "referralPages.error.stale", null));
      return CONFLICT;
    }
  }

  static String text(MessageSource messages, String key, String fallback, Object... args) {
    return messages.getMessage(key, args, fallback, LocaleContextHolder.getLocale());
  }
}
