package org.bridgeway.directory.search.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.bridgeway.directory.CostKind;
import org.bridgeway.directory.DirectorySearchQuery;
import org.bridgeway.directory.DirectorySearchQuery.Near;
import org.bridgeway.directory.DirectorySearchQuery.OpenAt;
import org.bridgeway.directory.DirectorySearchQuery.PersonFacts;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.InsuranceCoverage;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.shared.web.FieldViolation;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The search filters exactly as sent, by the public and staff pages (GET forms, so that a search is
 * a link) and by the search API. Everything is bound as text and parsed here, so that a bad value
 * becomes a violation naming its parameter instead of a conversion failure.
 *
 * @param q words to look for
 * @param needDomain need domain codes (any of them)
 * @param taxonomyTerm taxonomy term ids (any of them)
 * @param lat latitude of the point to measure from (with lon)
 * @param lon longitude of the point to measure from (with lat)
 * @param zip a five-digit ZIP code to measure from
 * @param address an address to measure from: placed at the center of the ZIP code it contains
 * @param radiusMiles how far a service may be, in miles (default 10)
 * @param openNow "true" for services open now
 * @param openDay a day (MONDAY ... SUNDAY) the service must be open on, with openTime
 * @param openTime a time of day (HH:mm) the service must be open at, with openDay
 * @param hasCapacity "true" for services with open slots reported in the last 7 days
 * @param cost cost kinds (any of them): FREE, SLIDING_SCALE, INSURANCE, FIXED
 * @param language ISO 639 codes of languages offered (any of them)
 * @param age the person's age (staff only)
 * @param gender the person's gender (staff only)
 * @param supervisionType the person's supervision type (staff only)
 * @param supervisionLevel the person's supervision level (staff only)
 * @param offense the person's offense categories (staff only)
 * @param insurance the person's payment sources (staff only)
 * @param personLanguage the ISO 639 code of the language the person needs (staff only)
 * @param residenceZip the ZIP code the person lives in (staff only)
 * @param page the page: from 1 on the pages, from 0 in the API
 * @param size hits per page (API only; the pages show 20)
 */
@ParameterObject
record DirectorySearchForm(
    String q,
    List<String> needDomain,
    List<String> taxonomyTerm,
    String lat,
    String lon,
    String zip,
    String address,
    String radiusMiles,
    String openNow,
    String openDay,
    String openTime,
    String hasCapacity,
    List<String> cost,
    List<String> language,
    String age,
    String gender,
    String supervisionType,
    String supervisionLevel,
    List<String> offense,
    List<String> insurance,
    String personLanguage,
    String residenceZip,
    String page,
    String size) {

  /** Who is asking: decides which filters count and how pages are numbered. */
  enum Channel {
    /** The public directory: no facts of a person. */
    PUBLIC,
    /** The staff search page. */
    STAFF,
    /** The search API: pages from 0, size chosen by the client. */
    API
  }

  static final int PAGE_SIZE = 20;
  static final double DEFAULT_RADIUS_MILES = 10;
  private static final int MAX_NUMBER_LENGTH = 32;

  static DirectorySearchForm empty() {
    return new DirectorySearchForm(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null);
  }

  /**
   * The form as a request's parameters give it, read as Spring's data binding would read it: a text
   * sent twice is joined with commas, a list sent once is split at its commas (and may be sent as
   * {@code name[]}). Read directly because binding the record's 24 parameters by reflection took a
   * seventh of a search request's time in the server.
   *
   * @param parameter the values of a request parameter, or null when it was not sent
   */
  static DirectorySearchForm from(Function<String, String[]> parameter) {
    return new DirectorySearchForm(
        text(parameter, "q"),
        list(parameter, "needDomain"),
        list(parameter, "taxonomyTerm"),
        text(parameter, "lat"),
        text(parameter, "lon"),
        text(parameter, "zip"),
        text(parameter, "address"),
        text(parameter, "radiusMiles"),
        text(parameter, "openNow"),
        text(parameter, "openDay"),
        text(parameter, "openTime"),
        text(parameter, "hasCapacity"),
        list(parameter, "cost"),
        list(parameter, "language"),
        text(parameter, "age"),
        text(parameter, "gender"),
        text(parameter, "supervisionType"),
        text(parameter, "supervisionLevel"),
        list(parameter, "offense"),
        list(parameter, "insurance"),
        text(parameter, "personLanguage"),
        text(parameter, "residenceZip"),
        text(parameter, "page"),
        text(parameter, "size"));
  }

  private static String text(Function<String, String[]> parameter, String name) {
    String[] values = parameter.apply(name);
    if (values == null) {
      return null;
    }
    return values.length == 1 ? values[0] : String.join(",", values);
  }

  private static List<String> list(Function<String, String[]> parameter, String name) {
    String[] values = parameter.apply(name);
    if (values == null) {
      values = parameter.apply(name + "[]");
    }
    if (values == null) {
      return null;
    }
    if (values.length != 1) {
      return List.of(values);
    }
    List<String> split = new ArrayList<>();
    for (String value :
        org.springframework.util.StringUtils.commaDelimitedListToStringArray(values[0])) {
      split.add(value.trim());
    }
    return split;
  }

  /** Either a query or the violations of the filters, each naming its parameter. */
  record Parsed(DirectorySearchQuery query, List<FieldViolation> violations) {
    boolean valid() {
      return violations.isEmpty();
    }
  }

  Parsed parse(Channel channel) {
    List<FieldViolation> violations = new ArrayList<>();
    DirectorySearchQuery.Builder query = DirectorySearchQuery.builder();
    query.text(present(q) ? q : null);
    query.needDomains(enums("needDomain", needDomain, NeedDomain.class, violations));
    query.taxonomyTermIds(uuids("taxonomyTerm", taxonomyTerm, violations));
    query.near(near(violations));
    query.openNow(flag("openNow", openNow, violations));
    query.openAt(openAt(violations));
    query.hasCapacity(flag("hasCapacity", hasCapacity, violations));
    query.costKinds(enums("cost", cost, CostKind.class, violations));
    query.languages(texts("language", language, violations, code -> code.toLowerCase(Locale.ROOT)));
    if (channel != Channel.PUBLIC) {
      PersonFacts person = person(violations);
      query.person(person.isEmpty() ? null : person);
    }
    Integer number = integer("page", page, violations);
    Integer perPage = channel == Channel.API ? integer("size", size, violations) : null;
    if (channel == Channel.API) {
      query.page(number == null ? 0 : number);
      query.size(perPage == null ? 50 : perPage);
    } else {
      if (number != null && number < 1) {
        violations.add(new FieldViolation("page", "Min", "must be 1 or more"));
      }
      query.page(number == null || number < 1 ? 0 : number - 1);
      query.size(PAGE_SIZE);
    }
    query.withFacets(true);
    DirectorySearchQuery built = query.build();
    if (violations.isEmpty()) {
      violations.addAll(built.violations());
    }
    return new Parsed(violations.isEmpty() ? built : null, List.copyOf(violations));
  }

  /** Whether anything was asked at all: an empty form shows the form and everything. */
  public boolean isEmpty() {
    return toParameters().isEmpty();
  }

  /** Whether a filter beyond the basic ones is set, so that the page opens them. */
  public boolean hasPersonFacts() {
    return present(age)
        || present(gender)
        || present(supervisionType)
        || present(supervisionLevel)
        || nonEmpty(offense)
        || nonEmpty(insurance)
        || present(personLanguage)
        || present(residenceZip);
  }

  /** Whether a filter the pages keep folded away is set, so that they open it. */
  public boolean hasMoreFilters() {
    return nonEmpty(needDomain)
        || nonEmpty(cost)
        || nonEmpty(language)
        || nonEmpty(taxonomyTerm)
        || present(openNow)
        || present(openDay)
        || present(openTime)
        || present(hasCapacity);
  }

  private Near near(List<FieldViolation> violations) {
    boolean point = present(lat) || present(lon);
    int given = (point ? 1 : 0) + (present(zip) ? 1 : 0) + (present(address) ? 1 : 0);
    Double radius = decimal("radiusMiles", radiusMiles, violations);
    double miles = radius == null ? DEFAULT_RADIUS_MILES : radius;
    if (given == 0) {
      return null;
    }
    if (given > 1) {
      violations.add(
          new FieldViolation(
              present(zip) ? "zip" : "address",
              "Conflict",
              "give only one of lat and lon, zip, or address"));
      return null;
    }
    if (point) {
      Double latitude = decimal("lat", lat, violations);
      Double longitude = decimal("lon", lon, violations);
      if (present(lat) != present(lon)) {
        violations.add(
            new FieldViolation(
                present(lat) ? "lon" : "lat", "Required", "is needed with the other coordinate"));
        return null;
      }
      return latitude == null || longitude == null ? null : Near.point(latitude, longitude, miles);
    }
    if (present(zip)) {
      return Near.zip(zip.strip(), miles);
    }
    return Near.address(address.strip(), miles);
  }

  private OpenAt openAt(List<FieldViolation> violations) {
    if (!present(openDay) && !present(openTime)) {
      return null;
    }
    if (!present(openDay) || !present(openTime)) {
      violations.add(
          new FieldViolation(
              present(openDay) ? "openTime" : "openDay",
              "Required",
              "needs both a day and a time"));
      return null;
    }
    DayOfWeek day = null;
    try {
      day = DayOfWeek.valueOf(openDay.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      violations.add(new FieldViolation("openDay", "Unknown", "must be a day such as MONDAY"));
    }
    LocalTime time = null;
    if (openTime.strip().length() <= 8) {
      try {
        time = LocalTime.parse(openTime.strip());
      } catch (DateTimeParseException notATime) {
        // Reported below.
      }
    }
    if (time == null) {
      violations.add(new FieldViolation("openTime", "Format", "must be a time such as 14:30"));
    }
    return day == null || time == null ? null : new OpenAt(day, time);
  }

  private PersonFacts person(List<FieldViolation> violations) {
    return new PersonFacts(
        integer("age", age, violations),
        one("gender", gender, Gender.class, violations),
        one("supervisionType", supervisionType, SupervisionType.class, violations),
        one("supervisionLevel", supervisionLevel, SupervisionLevel.class, violations),
        enums("offense", offense, OffenseCategory.class, violations),
        enums("insurance", insurance, InsuranceCoverage.class, violations),
        present(personLanguage) ? personLanguage.strip().toLowerCase(Locale.ROOT) : null,
        present(residenceZip) ? residenceZip.strip() : null);
  }

  /** The filters as query parameters, for links to other pages and facets of the same search. */
  MultiValueMap<String, String> toParameters() {
    MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
    add(parameters, "q", q);
    addAll(parameters, "needDomain", needDomain);
    addAll(parameters, "taxonomyTerm", taxonomyTerm);
    add(parameters, "lat", lat);
    add(parameters, "lon", lon);
    add(parameters, "zip", zip);
    add(parameters, "address", address);
    add(parameters, "radiusMiles", radiusMiles);
    add(parameters, "openNow", openNow);
    add(parameters, "openDay", openDay);
    add(parameters, "openTime", openTime);
    add(parameters, "hasCapacity", hasCapacity);
    addAll(parameters, "cost", cost);
    addAll(parameters, "language", language);
    add(parameters, "age", age);
    add(parameters, "gender", gender);
    add(parameters, "supervisionType", supervisionType);
    add(parameters, "supervisionLevel", supervisionLevel);
    addAll(parameters, "offense", offense);
    addAll(parameters, "insurance", insurance);
    add(parameters, "personLanguage", personLanguage);
    add(parameters, "residenceZip", residenceZip);
    return parameters;
  }

  /** Whether a multi-valued filter holds a value, for checkboxes. */
  public boolean has(String field, String value) {
    List<String> values =
        switch (field) {
          case "needDomain" -> needDomain;
          case "taxonomyTerm" -> taxonomyTerm;
          case "cost" -> cost;
          case "language" -> language;
          case "offense" -> offense;
          case "insurance" -> insurance;
          default -> List.of();
        };
    return values != null && values.contains(value);
  }

  private static void add(MultiValueMap<String, String> parameters, String name, String value) {
    if (present(value)) {
      parameters.add(name, value.strip());
    }
  }

  private static void addAll(
      MultiValueMap<String, String> parameters, String name, List<String> values) {
    if (values != null) {
      values.stream()
          .filter(DirectorySearchForm::present)
          .forEach(v -> parameters.add(name, v.strip()));
    }
  }

  private static boolean flag(String field, String value, List<FieldViolation> violations) {
    if (!present(value)) {
      return false;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "on", "yes", "1" -> true;
      case "false", "off", "no", "0" -> false;
      default -> {
        violations.add(new FieldViolation(field, "TypeMismatch", "must be true or false"));
        yield false;
      }
    };
  }

  // Compiled once: String.matches compiles its pattern on every call, a few per search request.
  private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d+");
  private static final Pattern DECIMAL_NUMBER = Pattern.compile("[-+]?\\d{1,4}(\\.\\d{1,15})?");

  private static Integer integer(String field, String value, List<FieldViolation> violations) {
    if (!present(value)) {
      return null;
    }
    String text = value.strip();
    if (text.length() <= 9 && WHOLE_NUMBER.matcher(text).matches()) {
      return Integer.valueOf(text);
    }
    violations.add(new FieldViolation(field, "TypeMismatch", "must be a whole number"));
    return null;
  }

  private static Double decimal(String field, String value, List<FieldViolation> violations) {
    if (!present(value)) {
      return null;
    }
    String text = value.strip();
    if (text.length() <= MAX_NUMBER_LENGTH && DECIMAL_NUMBER.matcher(text).matches()) {
      return Double.valueOf(text);
    }
    violations.add(new FieldViolation(field, "TypeMismatch", "must be a number"));
    return null;
  }

  private static <E extends Enum<E>> E one(
      String field, String value, Class<E> type, List<FieldViolation> violations) {
    if (!present(value)) {
      return null;
    }
    Set<E> parsed = enums(field, List.of(value), type, violations);
    return parsed.isEmpty() ? null : parsed.iterator().next();
  }

  private static <E extends Enum<E>> Set<E> enums(
      String field, List<String> values, Class<E> type, List<FieldViolation> violations) {
    Set<E> parsed = EnumSet.noneOf(type);
    for (String text : texts(field, values, violations, v -> v)) {
      try {
        parsed.add(Enum.valueOf(type, text.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException unknown) {
        violations.add(new FieldViolation(field, "Unknown", "is not one of the allowed values"));
        break;
      }
    }
    return parsed;
  }

  private static Set<UUID> uuids(
      String field, List<String> values, List<FieldViolation> violations) {
    Set<UUID> parsed = new LinkedHashSet<>();
    for (String text : texts(field, values, violations, v -> v)) {
      if (text.length() != 36) {
        violations.add(new FieldViolation(field, "TypeMismatch", "must be a UUID"));
        break;
      }
      try {
        parsed.add(UUID.fromString(text));
      } catch (IllegalArgumentException notAUuid) {
        violations.add(new FieldViolation(field, "TypeMismatch", "must be a UUID"));
        break;
      }
    }
    return parsed;
  }

  private static Set<String> texts(
      String field,
      List<String> values,
      List<FieldViolation> violations,
      Function<String, String> normalize) {
    Set<String> texts = new LinkedHashSet<>();
    if (values == null) {
      return texts;
    }
    if (values.size() > DirectorySearchQuery.MAX_VALUES) {
      violations.add(
          new FieldViolation(
              field,
              "TooMany",
              "must have at most " + DirectorySearchQuery.MAX_VALUES + " values"));
      return texts;
    }
    for (String value : values) {
      if (!present(value)) {
        continue;
      }
      if (value.length() > 64) {
        violations.add(new FieldViolation(field, "TooLong", "has a value that is too long"));
        return new LinkedHashSet<>();
      }
      texts.add(normalize.apply(value.strip()));
    }
    return texts;
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static boolean nonEmpty(List<String> values) {
    return values != null && values.stream().anyMatch(DirectorySearchForm::present);
  }
}
