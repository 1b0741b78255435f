package org.bridgeway.directory.exchange.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.directory.exchange.DirectoryExport;
import org.bridgeway.shared.vocabulary.NeedDomain;

/**
 * The export filters as typed (page) or sent (API): directory organization ids (repeated, or
 * separated by spaces or commas), need domains (repeated), and a date or date-time after which
 * something must have changed.
 */
record ExportForm(List<String> organization, List<String> needDomain, String modifiedAfter) {

  static final int MAX_ORGANIZATIONS = 1_000;

  /** The filter, or the errors: field name to message key. */
  record Parsed(DirectoryExport.Filter filter, Map<String, String> errors) {}

  ExportForm {
    organization = organization == null ? List.of() : List.copyOf(organization);
    needDomain = needDomain == null ? List.of() : List.copyOf(needDomain);
  }

  /** The organization ids as one text, for the form's text field. */
  public String organizationText() {
    return String.join(" ", organization);
  }

  public boolean selected(NeedDomain domain) {
    return needDomain.contains(domain.name());
  }

  Parsed parse() {
    Map<String, String> errors = new LinkedHashMap<>();
    Set<UUID> organizations = new LinkedHashSet<>();
    for (String value : organization) {
      for (String part : value.split("[\\s,]+")) {
        if (part.isEmpty()) {
          continue;
        }
        try {
          organizations.add(UUID.fromString(part));
        } catch (IllegalArgumentException e) {
          errors.putIfAbsent("organization", "directory.exchange.export.error.organization");
        }
      }
    }
    if (organizations.size() > MAX_ORGANIZATIONS) {
      errors.putIfAbsent("organization", "directory.exchange.export.error.tooManyOrganizations");
    }
    Set<NeedDomain> domains = EnumSet.noneOf(NeedDomain.class);
    for (String value : needDomain) {
      try {
        domains.add(NeedDomain.valueOf(value.strip()));
      } catch (IllegalArgumentException e) {
        errors.putIfAbsent("needDomain", "directory.exchange.export.error.needDomain");
      }
    }
    Instant after = null;
    if (modifiedAfter != null && !modifiedAfter.isBlank()) {
      after = instant(modifiedAfter.strip());
      if (after == null) {
        errors.put("modifiedAfter", "directory.exchange.export.error.modifiedAfter");
      }
    }
    if (!errors.isEmpty()) {
      return new Parsed(null, errors);
    }
    return new Parsed(new DirectoryExport.Filter(organizations, domains, after), Map.of());
  }

  /** A date (the start of that day, UTC) or an ISO 8601 date-time with an offset. */
  private static Instant instant(String text) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
