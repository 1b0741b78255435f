package org.bridgeway.consent.pages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.directive.ConsentTemplates;
import org.bridgeway.consent.directive.DirectiveKind;
import org.bridgeway.consent.directive.ExpiryEvent;
import org.bridgeway.consent.directive.RecipientClass;
import org.bridgeway.consent.directive.SignatureMethod;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.NetworkOrganizations;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.StaffDirectory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** The choices of the directive and template form, as [value, text] pairs. */
final class DirectiveFormOptions {

  /** Organizations that may disclose: treatment providers and supervising agencies. */
  static final List<OrganizationKind> DISCLOSER_KINDS =
      List.of(OrganizationKind.TREATMENT_PROVIDER, OrganizationKind.PROBATION_AGENCY);

  /** Organizations that may receive. */
  static final List<OrganizationKind> RECIPIENT_KINDS =
      List.of(
          OrganizationKind.PROBATION_AGENCY,
          OrganizationKind.COURT,
          OrganizationKind.TREATMENT_PROVIDER,
          OrganizationKind.SOCIAL_SERVICES);

  private DirectiveFormOptions() {}

  /** The options by model attribute name. */
  static Map<String, Object> of(
      BridgewayPrincipal principal,
      ConsentTemplates templates,
      NetworkOrganizations organizations,
      StaffDirectory staff,
      MessageSource messages,
      boolean forTemplate) {
    Map<String, Object> model = new LinkedHashMap<>();
    if (!forTemplate) {
      List<List<String>> templateOptions = new ArrayList<>();
      templateOptions.add(List.of("", text(messages, "consent.pages.form.template.none")));
      templates
          .templatesOf(principal)
          .forEach(t -> templateOptions.add(List.of(t.id().toString(), t.name())));
      model.put("templateOptions", templateOptions);
    }
    model.put(
        "kindOptions", enumOptions(DirectiveKind.values(), "consent.pages.kind.", messages, false));
    model.put("discloserOptions", organizationOptions(organizations, DISCLOSER_KINDS));
    model.put("recipientOptions", organizationOptions(organizations, RECIPIENT_KINDS));
    model.put(
        "userOptions",
        staff.staffOf(principal.organization()).stream()
            .map(m -> List.of(m.id().toString(), m.displayName()))
            .toList());
    model.put(
        "recipientClassOptions",
        enumOptions(RecipientClass.values(), "consent.pages.recipientClass.", messages, true));
    model.put(
        "categoryOptions",
        Arrays.stream(InformationCategory.values())
            .map(c -> List.of(c.name(), text(messages, c.messageKey())))
            .toList());
    model.put(
        "purposeOptions",
        Arrays.stream(DisclosurePurpose.values())
            .map(p -> List.of(p.name(), text(messages, p.messageKey())))
            .toList());
    model.put(
        "eventOptions",
        enumOptions(ExpiryEvent.values(), "consent.pages.eventOption.", messages, true));
    model.put(
        "irrevocableEventOptions",
        enumOptions(
            new ExpiryEvent[] {ExpiryEvent.END_OF_SUPERVISION},
            "consent.pages.eventOption.",
            messages,
            true));
    model.put(
        "signatureOptions",
        enumOptions(SignatureMethod.values(), "consent.pages.signatureMethod.", messages, false));
    model.put(
        "languageOptions",
        List.of(
            List.of("en", text(messages, "consent.pages.language.en")),
            List.of("es", text(messages, "consent.pages.language.es"))));
    return model;
  }

  private static List<List<String>> organizationOptions(
      NetworkOrganizations organizations, List<OrganizationKind> kinds) {
    Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (OrganizationKind kind : kinds) {
      organizations
          .activeOfKind(kind)
          .forEach(o -> byName.put(o.name() + " " + o.id(), List.of(o.id().toString(), o.name())));
    }
    return List.copyOf(byName.values());
  }

  private static List<List<String>> enumOptions(
      Enum<?>[] values, String prefix, MessageSource messages, boolean withNone) {
    List<List<String>> options = new ArrayList<>();
    if (withNone) {
      options.add(List.of("", text(messages, prefix + "none")));
    }
    for (Enum<?> value : values) {
      options.add(List.of(value.name(), text(messages, prefix + value.name())));
    }
    return options;
  }

  private static String text(MessageSource messages, String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }
}
