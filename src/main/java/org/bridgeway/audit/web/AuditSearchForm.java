package org.bridgeway.audit.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bridgeway.audit.AuditQuery;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit search filters exactly as typed. Everything is bound as text and parsed here, so that
 * bad input becomes an error message naming the field rather than a conversion failure.
 *
 * @param from the first day, inclusive, as {@code yyyy-MM-dd}
 * @param to the last day, inclusive, as {@code yyyy-MM-dd}
 * @param page the page, counting from 1
 */
record AuditSearchForm(
    String personId,
    String userId,
    String organizationId,
    String action,
    String from,
    String to,
    String page) {

  /** Bounds the OFFSET scan; past this, administrators should narrow the filters. */
  static final int MAX_PAGE = 10_000;

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern ACTION_TEXT =
      Pattern.compile("[A-Za-z0-9._:-]{1," + AuditQuery.MAX_ACTION_PREFIX_LENGTH + "}");
  private static final Pattern DATE_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern PAGE_TEXT = Pattern.compile("\\d{1,5}");

  /**
   * Either a query or, when any field is invalid, the message key of each invalid field in form
   * order (and no query).
   */
  record Parsed(AuditQuery query, Map<String, String> errors) {}

  /** Days are read in the given zone: {@code to} covers its whole day. */
  Parsed parse(ZoneId zone) {
    Map<String, String> errors = new LinkedHashMap<>();
    UUID person = uuid("personId", personId, errors);
    UUID user = uuid("userId", userId, errors);
    UUID organization = uuid("organizationId", organizationId, errors);
    String actionPrefix = null;
    if (present(action)) {
      if (ACTION_TEXT.matcher(action.strip()).matches()) {
        actionPrefix = action.strip();
      } else {
        errors.put("action", "audit.error.action");
      }
    }
    LocalDate fromDay = date("from", from, errors);
    LocalDate toDay = date("to", to, errors);
    if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
      errors.put("to", "audit.error.range");
    }
    int pageNumber = 1;
    if (present(page)) {
      pageNumber = PAGE_TEXT.matcher(page.strip()).matches() ? Integer.parseInt(page.strip()) : 0;
      if (pageNumber < 1 || pageNumber > MAX_PAGE) {
        errors.put("page", "audit.error.page");
      }
    }
    if (!errors.isEmpty()) {
      return new Parsed(null, Collections.unmodifiableMap(errors));
    }
    Instant start = fromDay == null ? null : fromDay.atStartOfDay(zone).toInstant();
    Instant end = toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toInstant();
    return new Parsed(
        new AuditQuery(person, user, organization, actionPrefix, start, end, pageNumber - 1),
        Map.of());
  }

  /** The link to another page of the same search (pages count from 1). */
  String linkToPage(int number) {
    UriComponentsBuilder link = UriComponentsBuilder.fromPath("/admin/audit");
    addIfPresent(link, "personId", personId);
    addIfPresent(link, "userId", userId);
    addIfPresent(link, "organizationId", organizationId);
    addIfPresent(link, "action", action);
    addIfPresent(link, "from", from);
    addIfPresent(link, "to", to);
    return link.queryParam("page", number).encode().build().toUriString();
  }

  private static void addIfPresent(UriComponentsBuilder link, String name, String value) {
    if (present(value)) {
      link.queryParam(name, value.strip());
    }
  }

  private static UUID uuid(String field, String text, Map<String, String> errors) {
    if (!present(text)) {
      return null;
    }
    if (!UUID_TEXT.matcher(text.strip()).matches()) {
      errors.put(field, "audit.error." + field);
      return null;
    }
    return UUID.fromString(text.strip());
  }

  private static LocalDate date(String field, String text, Map<String, String> errors) {
    if (!present(text)) {
      return null;
    }
    try {
      if (DATE_TEXT.matcher(text.strip()).matches()) {
        return LocalDate.parse(text.strip());
      }
    } catch (DateTimeException e) {
      // An impossible date such as 2025-02-30: reported below like any other malformed one.
    }
    errors.put(field, "audit.error." + field);
    return null;
  }

  private static boolean present(String text) {
    return text != null && !text.isBlank();
  }
}
