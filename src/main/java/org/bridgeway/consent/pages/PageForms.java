package org.bridgeway.consent.pages;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.directive.DirectiveKind;
import org.bridgeway.consent.directive.DirectiveTerms;
import org.bridgeway.consent.directive.DiscloserClass;
import org.bridgeway.consent.directive.ExpiryEvent;
import org.bridgeway.consent.directive.FormLanguage;
import org.bridgeway.consent.directive.RecipientClass;
import org.bridgeway.consent.directive.SignatureMethod;
import org.bridgeway.consent.directive.TemplateId;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.FormRejections;
import org.bridgeway.shared.web.FormValues;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;

/**
 * The forms of the consent pages, every field bound as text so that a rejected form comes back with
 * everything as typed, and how violations (the form's own and the services') land beside the
 * fields.
 */
final class PageForms {

  private PageForms() {}

  /**
   * A directive's terms and signature, as a template or a directive with the person. Empty choices
   * read as none; an unknown choice or a malformed date is a violation of that field.
   */
  record DirectiveForm(
      String templateId,
      String kind,
      String discloserClass,
      List<String> disclosers,
      String allCategories,
      List<String> categories,
      String recipientClass,
      List<String> recipientOrganizations,
      List<String> recipientUsers,
      List<String> purposes,
      String expiresOn,
      String expiryEvent,
      String irrevocableUntil,
      String irrevocableUntilEvent,
      String revocationInstructions,
      String signedOn,
      String signatureMethod,
      String typedName,
      String attested,
      String language,
      String scan,
      String name,
      String version) {

    static final Set<String> FIELDS =
        Set.of(
            "templateId",
            "kind",
            "discloserClass",
            "disclosers",
            "categories",
            "recipientClass",
            "recipientOrganizations",
            "recipientUsers",
            "purposes",
            "expiresOn",
            "expiryEvent",
            "irrevocableUntil",
            "irrevocableUntilEvent",
            "revocationInstructions",
            "signedOn",
            "signatureMethod",
            "typedName",
            "attested",
            "language",
            "scan",
            "name");

    DirectiveForm {
      disclosers = disclosers == null ? List.of() : disclosers;
      categories = categories == null ? List.of() : categories;
      recipientOrganizations = recipientOrganizations == null ? List.of() : recipientOrganizations;
      recipientUsers = recipientUsers == null ? List.of() : recipientUsers;
      purposes = purposes == null ? List.of() : purposes;
    }

    /** How the services' field names land on the form. */
    static final Map<String, String> RENAMED =
        Map.of(
            "recipients", "recipientOrganizations",
            "scan.contentType", "scan",
            "scan.content", "scan");

    static DirectiveForm blank(LocalDate today, String language) {
      return new DirectiveForm(
          "",
          "GENERAL",
          null,
          List.of(),
          null,
          List.of(),
          "",
          List.of(),
          List.of(),
          List.of(),
          null,
          "",
          null,
          "",
          null,
          today.toString(),
          "ELECTRONIC",
          null,
          null,
          language,
          null,
          null,
          null);
    }

    /** A form with the terms filled in (a template's, or the directive an amendment replaces). */
    static DirectiveForm of(
        DirectiveTerms t, String templateId, LocalDate today, String name, String version) {
      return new DirectiveForm(
          templateId == null ? "" : templateId,
          t.kind() == null ? "GENERAL" : t.kind().name(),
          t.discloserClass() == null ? null : t.discloserClass().name(),
          t.disclosers().stream().map(o -> o.value().toString()).sorted().toList(),
          t.allCategories() ? "true" : null,
          t.allCategories() ? List.of() : t.categories().stream().map(Enum::name).sorted().toList(),
          t.recipientClass() == null ? "" : t.recipientClass().name(),
          t.recipientOrganizations().stream().map(o -> o.value().toString()).sorted().toList(),
          t.recipientUsers().stream().map(u -> u.value().toString()).sorted().toList(),
          t.purposes().stream().map(Enum::name).sorted().toList(),
          t.expiresOn() == null ? null : t.expiresOn().toString(),
          t.expiryEvent() == null ? "" : t.expiryEvent().name(),
          t.irrevocableUntil() == null ? null : t.irrevocableUntil().toString(),
          t.irrevocableUntilEvent() == null ? "" : t.irrevocableUntilEvent().name(),
          t.revocationInstructions(),
          today == null ? null : today.toString(),
          "ELECTRONIC",
          null,
          null,
          "en",
          null,
          name,
          version);
    }

    /** What the form says, read, with a violation for each field that cannot be read. */
    record Parsed(
        DirectiveTerms terms,
        TemplateId template,
        LocalDate signedOn,
        SignatureMethod signatureMethod,
        FormLanguage language,
        Long version,
        List<FieldViolation> violations) {}

    Parsed parse() {
      List<FieldViolation> v = new ArrayList<>();
      UUID template = uuid("templateId", templateId, v);
      DirectiveTerms terms =
          new DirectiveTerms(
              choice("kind", kind, DirectiveKind.class, v),
              choice("discloserClass", discloserClass, DiscloserClass.class, v),
              ids("disclosers", disclosers, OrganizationId::new, v),
              "true".equals(allCategories),
              choices("categories", categories, InformationCategory.class, v),
              choice("recipientClass", recipientClass, RecipientClass.class, v),
              ids("recipientOrganizations", recipientOrganizations, OrganizationId::new, v),
              ids("recipientUsers", recipientUsers, UserId::new, v),
              choices("purposes", purposes, DisclosurePurpose.class, v),
              date("expiresOn", expiresOn, v),
              choice("expiryEvent", expiryEvent, ExpiryEvent.class, v),
              date("irrevocableUntil", irrevocableUntil, v),
              choice("irrevocableUntilEvent", irrevocableUntilEvent, ExpiryEvent.class, v),
              revocationInstructions);
      LocalDate signed = date("signedOn", signedOn, v);
      SignatureMethod method = choice("signatureMethod", signatureMethod, SignatureMethod.class, v);
      FormLanguage form = null;
      if (language != null && !language.isBlank()) {
        try {
          form = FormLanguage.ofCode(language.strip());
        } catch (IllegalArgumentException unknown) {
          v.add(new FieldViolation("language", "choice", "is not one of the choices"));
        }
      }
      Long read = null;
      if (version != null && !version.isBlank()) {
        try {
          read = Long.parseLong(version.strip());
        } catch (NumberFormatException e) {
          v.add(new FieldViolation(null, "stale", "reload the page"));
        }
      }
      return new Parsed(
          terms, template == null ? null : new TemplateId(template), signed, method, form, read, v);
    }

    boolean isAttested() {
      return "true".equals(attested);
    }
  }

  /** The person revokes a directive: how, quoting the version read. */
  record RevocationForm(String method, String version) {
    static final Set<String> FIELDS = Set.of("method");
  }

  /** Medical-emergency access: why and for how long. */
  record EmergencyForm(String reason, String hours) {
    static final Set<String> FIELDS = Set.of("reason", "hours");
  }

  /** The privacy officer's review of an emergency access. */
  record ReviewForm(String note, String version) {}

  static <E extends Enum<E>> E choice(
      String field, String value, Class<E> type, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      violations.add(new FieldViolation(field, "choice", "is not one of the choices"));
      return null;
    }
  }

  static <E extends Enum<E>> Set<E> choices(
      String field, List<String> values, Class<E> type, List<FieldViolation> violations) {
    Set<E> result = new LinkedHashSet<>();
    for (String value : values == null ? List.<String>of() : values) {
      E one = choice(field, value, type, violations);
      if (one != null) {
        result.add(one);
      }
    }
    return result;
  }

  static <T> Set<T> ids(
      String field, List<String> values, Function<UUID, T> wrap, List<FieldViolation> violations) {
    Set<T> result = new LinkedHashSet<>();
    for (String value : values == null ? List.<String>of() : values) {
      UUID id = uuid(field, value, violations);
      if (id != null) {
        result.add(wrap.apply(id));
      }
    }
    return result;
  }

  static UUID uuid(String field, String value, List<FieldViolation> violations) {
    return FormValues.id(field, value, violations);
  }

  static LocalDate date(String field, String value, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      violations.add(new FieldViolation(field, "date", "must be a date"));
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
        violations, errors, formFields, renamed, messages, "consent.pages.error", "consent");
  }
}
