package org.bridgeway.consent.pages;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.bridgeway.consent.directive.DirectiveTerms;
import org.bridgeway.identity.NetworkOrganizations;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.identity.UserId;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A directive's terms in plain language, in the person's words as the form says them ("Riverside
 * Recovery may share my attendance with the probation agency to monitor my progress, until the end
 * of my supervision"), in English or Spanish, with the names of the organizations and people.
 */
@Component
class ConsentTexts {

  private final MessageSource messages;
  private final NetworkOrganizations organizations;
  private final StaffDirectory staff;

  ConsentTexts(MessageSource messages, NetworkOrganizations organizations, StaffDirectory staff) {
    this.messages = messages;
    this.organizations = organizations;
    this.staff = staff;
  }

  /** Who may disclose what to whom, for which purposes, until when. */
  String summary(DirectiveTerms terms, Locale locale) {
    return text(
        "consent.pages.summary",
        locale,
        disclosers(terms, locale),
        categories(terms, locale),
        recipients(terms, locale),
        purposes(terms, locale),
        until(terms, locale));
  }

  String disclosers(DirectiveTerms terms, Locale locale) {
    List<String> names = new ArrayList<>(organizationNames(terms.disclosers(), locale));
    if (terms.discloserClass() != null) {
      names.add(text("consent.pages.discloserClass." + terms.discloserClass().name(), locale));
    }
    return list(names, locale);
  }

  String categories(DirectiveTerms terms, Locale locale) {
    if (terms.allCategories()) {
      return text("consent.pages.categories.all", locale);
    }
    return list(
        terms.categories().stream()
            .sorted()
            .map(c -> text(c.messageKey(), locale).toLowerCase(locale))
            .toList(),
        locale);
  }

  String recipients(DirectiveTerms terms, Locale locale) {
    List<String> names = new ArrayList<>(organizationNames(terms.recipientOrganizations(), locale));
    terms.recipientUsers().stream().map(this::userName).sorted().forEach(names::add);
    if (terms.recipientClass() != null) {
      names.add(text("consent.pages.recipientClass." + terms.recipientClass().name(), locale));
    }
    return list(names, locale);
  }

  String purposes(DirectiveTerms terms, Locale locale) {
    return list(
        terms.purposes().stream()
            .sorted()
            .map(p -> text(p.messageKey(), locale).toLowerCase(locale))
            .toList(),
        locale);
  }

  String until(DirectiveTerms terms, Locale locale) {
    List<String> ends = new ArrayList<>();
    if (terms.expiresOn() != null) {
      ends.add(date(terms.expiresOn(), locale));
    }
    if (terms.expiryEvent() != null) {
      ends.add(text("consent.pages.event." + terms.expiryEvent().name(), locale));
    }
    if (ends.size() == 2) {
      return text("consent.pages.firstOf", locale, ends.get(0), ends.get(1));
    }
    return ends.isEmpty() ? "" : ends.get(0);
  }

  /** The right to revoke and how, or until when a criminal-justice consent cannot be revoked. */
  String revocation(DirectiveTerms terms, Locale locale) {
    String how = terms.revocationInstructions() == null ? "" : terms.revocationInstructions();
    if (!terms.irrevocable()) {
      return text("consent.pages.revocable", locale, how);
    }
    List<String> ends = new ArrayList<>();
    if (terms.irrevocableUntil() != null) {
      ends.add(date(terms.irrevocableUntil(), locale));
    }
    if (terms.irrevocableUntilEvent() != null) {
      ends.add(text("consent.pages.event." + terms.irrevocableUntilEvent().name(), locale));
    }
    String until =
        ends.size() == 2
            ? text("consent.pages.firstOf", locale, ends.get(0), ends.get(1))
            : ends.get(0);
    return text("consent.pages.irrevocable", locale, until, how);
  }

  /** A user's or API client's name from an actor reference ({@code user:<id>}). */
  String actor(String reference) {
    if (reference != null && reference.startsWith("user:")) {
      try {
        return userName(new UserId(UUID.fromString(reference.substring(5))));
      } catch (IllegalArgumentException malformed) {
        return reference;
      }
    }
    return text("consent.pages.apiClient", null);
  }

  String organizationName(OrganizationId id) {
    return organizations
        .find(id)
        .map(NetworkOrganizations.NetworkOrganization::name)
        .orElse(text("consent.pages.unknownOrganization", null));
  }

  String moment(java.time.Instant at, java.time.ZoneId zone, Locale locale) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(locale == null ? Locale.US : locale)
        .withZone(zone)
        .format(at);
  }

  String date(LocalDate day, Locale locale) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(locale == null ? Locale.US : locale)
        .format(day);
  }

  private String userName(UserId id) {
    return staff
        .find(id)
        .map(StaffMember::displayName)
        .orElse(text("consent.pages.unknownUser", null));
  }

  private List<String> organizationNames(java.util.Collection<OrganizationId> ids, Locale locale) {
    return ids.stream().map(this::organizationName).sorted(Comparator.naturalOrder()).toList();
  }

  private String list(List<String> items, Locale locale) {
    if (items.isEmpty()) {
      return text("consent.pages.nobody", locale);
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " "
        + text("consent.pages.and", locale)
        + " "
        + items.get(items.size() - 1);
  }

  String text(String key, Locale locale, Object... args) {
    Locale in =
        locale != null ? locale : org.springframework.context.i18n.LocaleContextHolder.getLocale();
    return messages.getMessage(key, args, key, in);
  }
}
