package org.bridgeway.care.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.care.episode.DrugTestResult;
import org.bridgeway.care.episode.EndReason;
import org.bridgeway.care.episode.ProviderReport;
import org.bridgeway.care.episode.Substance;
import org.bridgeway.care.episode.TreatmentBasis;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.FormRejections;
import org.bridgeway.shared.web.FormValues;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;

/**
 * The forms of the care pages, every field bound as text, and how their violations land beside the
 * fields: each value that cannot be read adds a violation and reads as null, so that a form
 * re-renders with everything typed.
 */
final class CareForms {

  private CareForms() {}

  /** The agency records an episode: the provider, its directory program, why and since when. */
  record EpisodeForm(String providerId, String directoryServiceId, String basis, String startedOn) {

    static final Set<String> FIELDS =
        Set.of("providerId", "directoryServiceId", "basis", "startedOn");

    static EpisodeForm empty() {
      return new EpisodeForm(null, null, TreatmentBasis.COURT_ORDERED.name(), null);
    }

    record Parsed(
        OrganizationId provider,
        UUID directoryService,
        TreatmentBasis basis,
        LocalDate startedOn,
        List<FieldViolation> violations) {}

    Parsed parse() {
      List<FieldViolation> violations = new ArrayList<>();
      UUID provider = id("providerId", providerId, true, violations);
      UUID service = id("directoryServiceId", directoryServiceId, false, violations);
      TreatmentBasis why = FormValues.choice("basis", basis, TreatmentBasis.class, violations);
      LocalDate start = FormValues.date("startedOn", startedOn, violations);
      return new Parsed(
          provider == null ? null : new OrganizationId(provider), service, why, start, violations);
    }
  }

  /** A provider's report: the category, the day, a summary and, for drug tests, the result. */
  record ReportForm(
      String category, String reportedOn, String summary, String result, List<String> substances) {

    static final Set<String> FIELDS =
        Set.of("category", "reportedOn", "summary", "result", "substances");

    static ReportForm empty() {
      return new ReportForm(InformationCategory.ATTENDANCE.name(), null, null, "", List.of());
    }

    record Parsed(ProviderReport.Content content, List<FieldViolation> violations) {}

    Parsed parse() {
      List<FieldViolation> violations = new ArrayList<>();
      InformationCategory kind =
          FormValues.choice("category", category, InformationCategory.class, violations);
      LocalDate day = FormValues.date("reportedOn", reportedOn, violations);
      String text = summary == null ? "" : summary.strip();
      if (text.isEmpty()) {
        violations.add(new FieldViolation("summary", "required", "is required"));
      } else if (text.length() > ProviderReport.MAX_SUMMARY) {
        violations.add(new FieldViolation("summary", "tooLong", "is too long"));
      }
      DrugTestResult outcome =
          result == null || result.isBlank()
              ? null
              : FormValues.choice("result", result, DrugTestResult.class, violations);
      Set<Substance> named = EnumSet.noneOf(Substance.class);
      for (String value : substances == null ? List.<String>of() : substances) {
        Substance substance = FormValues.choice("substances", value, Substance.class, violations);
        if (substance != null) {
          named.add(substance);
        }
      }
      return new Parsed(new ProviderReport.Content(kind, day, text, outcome, named), violations);
    }
  }

  /** The provider ends an episode, quoting the version it read. */
  record EndForm(String endedOn, String endReason, String version) {

    static final Set<String> FIELDS = Set.of("endedOn", "endReason");

    static EndForm empty(long version) {
      return new EndForm(null, EndReason.COMPLETED.name(), Long.toString(version));
    }

    record Parsed(
        LocalDate endedOn, EndReason reason, Long version, List<FieldViolation> violations) {}

    Parsed parse() {
      List<FieldViolation> violations = new ArrayList<>();
      LocalDate day = FormValues.date("endedOn", endedOn, violations);
      EndReason why = FormValues.choice("endReason", endReason, EndReason.class, violations);
      Long read = null;
      try {
        read = Long.parseLong(version == null ? "" : version.strip());
      } catch (NumberFormatException e) {
        violations.add(new FieldViolation(null, "stale", "reload the page"));
      }
      return new Parsed(day, why, read, violations);
    }
  }

  static UUID id(String field, String value, boolean required, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      if (required) {
        violations.add(new FieldViolation(field, "required", "is required"));
      }
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      violations.add(new FieldViolation(field, "choice", "is not one of the choices"));
      return null;
    }
  }

  /** Rejects each violation on its form field, or on the form (see {@link FormRejections}). */
  static void reject(
      List<FieldViolation> violations,
      BindingResult errors,
      Set<String> formFields,
      Map<String, String> renamed,
      MessageSource messages) {
    FormRejections.reject(
        violations, errors, formFields, renamed, messages, "care.page.error", "care");
  }

  static void reject(DomainRuleViolation rule, BindingResult errors, MessageSource messages) {
    errors.reject(
        rule.code(),
        messages.getMessage(rule.code(), null, rule.getMessage(), LocaleContextHolder.getLocale()));
  }
}
