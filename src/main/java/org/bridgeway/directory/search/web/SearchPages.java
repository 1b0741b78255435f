package org.bridgeway.directory.search.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bridgeway.directory.CostKind;
import org.bridgeway.directory.DirectorySearch;
import org.bridgeway.directory.DirectorySearchException;
import org.bridgeway.directory.DirectorySearchFacets;
import org.bridgeway.directory.DirectorySearchHit;
import org.bridgeway.directory.DirectorySearchResult;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.InsuranceCoverage;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.shared.web.FieldViolation;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.ModelAndView;

/**
 * Builds the public and staff search pages: runs the search the form asks for and turns the result
 * into what the templates show (reasons worded, facet and page links). A form with errors is
 * answered 400 with the errors and no results.
 */
@Component
class SearchPages {

  /** The distances offered, in miles. */
  static final List<String> RADII = List.of("1", "2", "5", "10", "25", "50");

  /** The languages offered for a person, most common first in U.S. justice settings. */
  static final List<String> PERSON_LANGUAGES =
      List.of("en", "es", "vi", "zh", "tl", "ar", "ko", "ru", "so", "uk", "fr", "ht", "pt", "fa");

  /** A choice of a select: its value and its label. */
  record Option(String value, String label) {}

  private final DirectorySearch search;
  private final SearchTexts texts;
  private final MessageSource messages;

  SearchPages(DirectorySearch search, SearchTexts texts, MessageSource messages) {
    this.search = search;
    this.texts = texts;
    this.messages = messages;
  }

  ModelAndView page(
      String view,
      String path,
      DirectorySearchForm form,
      DirectorySearchForm.Channel channel,
      Locale locale) {
    ModelAndView page = new ModelAndView(view);
    page.addObject("form", form);
    page.addObject("path", path);
    page.addObject("searched", !form.isEmpty());
    page.addObject("staff", channel == DirectorySearchForm.Channel.STAFF);
    page.addObject("needDomains", NeedDomain.values());
    page.addObject("costKinds", CostKind.values());
    page.addObject("genders", Gender.values());
    page.addObject("supervisionTypes", SupervisionType.values());
    page.addObject("supervisionLevels", SupervisionLevel.values());
    page.addObject("offenses", OffenseCategory.values());
    page.addObject("insurances", InsuranceCoverage.values());
    page.addObject(
        "days",
        java.util.Arrays.stream(DayOfWeek.values())
            .map(
                d ->
                    new Option(d.name(), d.getDisplayName(java.time.format.TextStyle.FULL, locale)))
            .toList());
    page.addObject("radii", RADII);
    page.addObject(
        "personLanguages",
        PERSON_LANGUAGES.stream()
            .map(code -> new Option(code, texts.language(code, locale)))
            .toList());
    DirectorySearchForm.Parsed parsed = form.parse(channel);
    List<FieldViolation> violations = parsed.violations();
    DirectorySearchResult result = null;
    if (parsed.valid()) {
      try {
        result = search.search(parsed.query());
      } catch (DirectorySearchException rejected) {
        violations = rejected.violations();
      }
    }
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldViolation violation : violations) {
      errors.putIfAbsent(violation.field(), errorText(violation, locale));
    }
    page.addObject("errors", errors);
    if (result == null) {
      page.setStatus(HttpStatus.BAD_REQUEST);
      return page;
    }
    page.addObject("result", result);
    page.addObject(
        "hits",
        result.hits().stream().map(hit -> HitView.of(hit, texts, messages, locale)).toList());
    page.addObject("pageNumber", result.page() + 1);
    page.addObject("totalPages", Math.max(1, result.totalPages()));
    if (result.hasPrevious()) {
      page.addObject("previousPage", pageLink(path, form, result.page()));
    }
    if (result.hasNext()) {
      page.addObject("nextPage", pageLink(path, form, result.page() + 2));
    }
    page.addObject("facets", facets(path, form, result.facets(), locale));
    if (!result.corrections().isEmpty()) {
      String corrections =
          result.corrections().stream()
              .map(
                  c ->
                      messages.getMessage(
                          "directorySearch.results.correction",
                          new Object[] {c.typed(), c.used()},
                          locale))
              .collect(java.util.stream.Collectors.joining("; "));
      page.addObject(
          "correctionText",
          messages.getMessage(
              "directorySearch.results.corrected", new Object[] {corrections}, locale));
    }
    return page;
  }

  private String errorText(FieldViolation violation, Locale locale) {
    String specific = "directorySearch.error." + violation.field() + "." + violation.code();
    String general = "directorySearch.error." + violation.code();
    return messages.getMessage(
        specific, null, messages.getMessage(general, null, violation.message(), locale), locale);
  }

  /** One hit as the pages show it. */
  record HitView(
      DirectorySearchHit hit,
      List<String> reasons,
      String languages,
      String distance,
      String capacityDate,
      String needDomains) {
    static HitView of(
        DirectorySearchHit hit, SearchTexts texts, MessageSource messages, Locale locale) {
      return new HitView(
          hit,
          texts.reasons(hit.reasons(), locale),
          texts.languages(hit.languages(), locale),
          hit.distanceMiles() == null ? null : String.format(locale, "%.1f", hit.distanceMiles()),
          hit.capacity() == null ? null : texts.date(hit.capacity().updatedAt(), locale),
          hit.needDomains().stream()
              .sorted()
              .map(d -> messages.getMessage(d.messageKey(), null, d.name(), locale))
              .collect(java.util.stream.Collectors.joining(", ")));
    }
  }

  /** One value of a facet: its label, count, and the link that adds or removes it. */
  record FacetValue(String label, long count, String href, boolean selected) {}

  /** The facets of a result, each a list of values, in display order. */
  record Facets(
      List<FacetValue> needDomains,
      List<FacetValue> costKinds,
      List<FacetValue> languages,
      FacetValue capacity,
      List<FacetValue> taxonomyTerms) {}

  private Facets facets(
      String path, DirectorySearchForm form, DirectorySearchFacets facets, Locale locale) {
    if (facets == null) {
      return null;
    }
    List<FacetValue> domains = new ArrayList<>();
    for (var count : facets.needDomains()) {
      String code = count.value().name();
      domains.add(
          toggle(
              path,
              form,
              "needDomain",
              code,
              messages.getMessage(count.value().messageKey(), null, code, locale),
              count.count()));
    }
    List<FacetValue> costs = new ArrayList<>();
    for (var count : facets.costKinds()) {
      String code = count.value().name();
      costs.add(
          toggle(
              path,
              form,
              "cost",
              code,
              messages.getMessage(count.value().messageKey(), null, code, locale),
              count.count()));
    }
    List<FacetValue> languages = new ArrayList<>();
    for (var count : facets.languages()) {
      languages.add(
          toggle(
              path,
              form,
              "language",
              count.value(),
              texts.language(count.value(), locale),
              count.count()));
    }
    List<FacetValue> terms = new ArrayList<>();
    for (var count : facets.taxonomyTerms()) {
      terms.add(
          toggle(path, form, "taxonomyTerm", count.id().toString(), count.name(), count.count()));
    }
    MultiValueMap<String, String> parameters = form.toParameters();
    boolean capacitySelected = parameters.containsKey("hasCapacity");
    if (capacitySelected) {
      parameters.remove("hasCapacity");
    } else {
      parameters.add("hasCapacity", "true");
    }
    FacetValue capacity =
        new FacetValue(
            messages.getMessage("directorySearch.facet.hasCapacity", null, locale),
            facets.withCapacity(),
            link(path, parameters),
            capacitySelected);
    return new Facets(domains, costs, languages, capacity, terms);
  }

  private static FacetValue toggle(
      String path,
      DirectorySearchForm form,
      String parameter,
      String value,
      String label,
      long count) {
    MultiValueMap<String, String> parameters = form.toParameters();
    List<String> values = new ArrayList<>(parameters.getOrDefault(parameter, List.of()));
    boolean selected = values.contains(value);
    if (selected) {
      values.remove(value);
    } else {
      values.add(value);
    }
    parameters.put(parameter, values);
    return new FacetValue(label, count, link(path, parameters), selected);
  }

  static String pageLink(String path, DirectorySearchForm form, int pageNumber) {
    MultiValueMap<String, String> parameters = form.toParameters();
    parameters.set("page", Integer.toString(pageNumber));
    return link(path, parameters);
  }

  /**
   * A link to a path with query parameters, each name and value form-encoded: whatever a user typed
   * comes back exactly, and nothing in it is read as part of the link.
   */
  static String link(String path, MultiValueMap<String, String> parameters) {
    StringBuilder link = new StringBuilder(path);
    char separator = '?';
    for (Map.Entry<String, List<String>> entry : new LinkedMultiValueMap<>(parameters).entrySet()) {
      for (String value : entry.getValue()) {
        link.append(separator)
            .append(URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8))
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        separator = '&';
      }
    }
    return link.toString();
  }
}
