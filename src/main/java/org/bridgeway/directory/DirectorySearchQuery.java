package org.bridgeway.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.InsuranceCoverage;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.shared.web.FieldViolation;

/**
 * What to search the directory for. Every filter is optional; an empty query lists every active
 * service. Filters combine with AND; the values of one multi-valued filter (need domains, taxonomy
 * terms, costs, languages) with OR.
 *
 * @param text words to look for in names, organizations, taxonomy terms, need domains,
 *     descriptions, locations and cities; stemmed, accents ignored, misspellings corrected
 * @param near where distances are measured from, and how far to look; null for anywhere
 * @param person the facts of a person the service must accept; null for no eligibility filter
 * @param openAt a time of the week the service must be open (by its schedules); null for any
 * @param openNow whether the service must be open now, in the directory's time zone
 * @param hasCapacity whether the service must have open slots reported within the last 7 days
 * @param withFacets whether to count results by need domain, cost, language, capacity and term
 * @param page the page, from 0
 * @param size how many hits per page
 */
public record DirectorySearchQuery(
    String text,
    Set<NeedDomain> needDomains,
    Set<UUID> taxonomyTermIds,
    Near near,
    PersonFacts person,
    OpenAt openAt,
    boolean openNow,
    boolean hasCapacity,
    Set<CostKind> costKinds,
    Set<String> languages,
    boolean withFacets,
    int page,
    int size) {

  /** The longest text accepted, in characters. */
  public static final int MAX_TEXT_LENGTH = 200;

  /** The most words a text may have. */
  public static final int MAX_WORDS = 12;

  /** The most values a multi-valued filter may have. */
  public static final int MAX_VALUES = 20;

  /** The largest page. */
  public static final int MAX_SIZE = 500;

  /** How deep paging may go: past this, narrow the search. */
  public static final int MAX_RESULTS = 10_000;

  /** The largest search radius, in miles. */
  public static final double MAX_RADIUS_MILES = 250;

  private static final Pattern ZIP = Pattern.compile("\\d{5}");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  public DirectorySearchQuery {
    needDomains = needDomains == null ? Set.of() : Set.copyOf(needDomains);
    taxonomyTermIds = taxonomyTermIds == null ? Set.of() : Set.copyOf(taxonomyTermIds);
    costKinds = costKinds == null ? Set.of() : Set.copyOf(costKinds);
    languages = languages == null ? Set.of() : Set.copyOf(languages);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The rules this query breaks, each naming its field as the search API's parameter is named
   * ({@code q}, {@code lat}, {@code age}, ...). Empty when the query can run.
   */
  public List<FieldViolation> violations() {
    List<FieldViolation> violations = new ArrayList<>();
    checkText("q", text, violations);
    if (text != null && violations.isEmpty() && words(text).size() > MAX_WORDS) {
      violations.add(
          new FieldViolation("q", "TooManyWords", "must have at most " + MAX_WORDS + " words"));
    }
    if (taxonomyTermIds.size() > MAX_VALUES) {
      violations.add(tooMany("taxonomyTerm"));
    }
    if (languages.size() > MAX_VALUES) {
      violations.add(tooMany("language"));
    }
    for (String language : languages) {
      if (!Languages.isKnown(language)) {
        violations.add(new FieldViolation("language", "Unknown", "must be ISO 639 language codes"));
        break;
      }
    }
    if (near != null) {
      near.violations(violations);
    }
    if (person != null) {
      person.violations(violations);
    }
    if (openNow && openAt != null) {
      violations.add(
          new FieldViolation("openNow", "Conflict", "cannot be combined with openDay/openTime"));
    }
    if (openAt != null && (openAt.day() == null || openAt.time() == null)) {
      violations.add(
          new FieldViolation("openTime", "Required", "needs both a day and a time of day"));
    }
    if (page < 0) {
      violations.add(new FieldViolation("page", "Min", "must be 0 or more"));
    }
    if (size < 1 || size > MAX_SIZE) {
      violations.add(new FieldViolation("size", "Range", "must be between 1 and " + MAX_SIZE));
    }
    if (page >= 0 && size >= 1 && (long) (page + 1) * size > MAX_RESULTS) {
      violations.add(
          new FieldViolation(
              "page",
              "TooDeep",
              "goes past the first " + MAX_RESULTS + " results; narrow the search"));
    }
    return violations;
  }

  /**
   * The words of a text as search uses them: runs of letters and digits, lower-cased, in order.
   * Everything else (punctuation, quotes, operators) only separates words.
   */
  public static List<String> words(String text) {
    if (text == null) {
      return List.of();
    }
    List<String> words = new ArrayList<>();
    var matcher = WORD.matcher(text);
    while (matcher.find()) {
      words.add(matcher.group().toLowerCase(Locale.ROOT));
    }
    return words;
  }

  static void checkText(String field, String value, List<FieldViolation> violations) {
    if (value == null) {
      return;
    }
    if (value.length() > MAX_TEXT_LENGTH) {
      violations.add(
          new FieldViolation(
              field, "TooLong", "must be at most " + MAX_TEXT_LENGTH + " characters"));
      return;
    }
    boolean hostile =
        value
            .codePoints()
            .anyMatch(
                c ->
                    Character.isISOControl(c)
                        || Character.getType(c) == Character.SURROGATE
                        || Character.getType(c) == Character.FORMAT && c != '\u200d');
    if (hostile) {
      violations.add(
          new FieldViolation(
              field, "ControlCharacter", "must not contain control or formatting characters"));
    }
  }

  private static FieldViolation tooMany(String field) {
    return new FieldViolation(field, "TooMany", "must have at most " + MAX_VALUES + " values");
  }

  /** Where distances are measured from, and how far a service may be. */
  public sealed interface Near {

    /** How far a service may be, in miles. */
    double radiusMiles();

    static Near point(double latitude, double longitude, double radiusMiles) {
      return new Point(latitude, longitude, radiusMiles);
    }

    static Near zip(String zip, double radiusMiles) {
      return new ZipCode(zip, radiusMiles);
    }

    static Near address(String address, double radiusMiles) {
      return new Address(address, radiusMiles);
    }

    default void violations(List<FieldViolation> violations) {
      if (!(radiusMiles() >= 0.1 && radiusMiles() <= MAX_RADIUS_MILES)) {
        violations.add(
            new FieldViolation(
                "radiusMiles", "Range", "must be between 0.1 and " + (int) MAX_RADIUS_MILES));
      }
    }

    /** A point in WGS 84 degrees. */
    record Point(double latitude, double longitude, double radiusMiles) implements Near {
      @Override
      public void violations(List<FieldViolation> violations) {
        if (!(latitude >= -90 && latitude <= 90)) {
          violations.add(new FieldViolation("lat", "Range", "must be between -90 and 90"));
        }
        if (!(longitude >= -180 && longitude <= 180)) {
          violations.add(new FieldViolation("lon", "Range", "must be between -180 and 180"));
        }
        Near.super.violations(violations);
      }
    }

    /** The center of a five-digit U.S. ZIP code (its Census ZCTA centroid). */
    record ZipCode(String zip, double radiusMiles) implements Near {
      @Override
      public void violations(List<FieldViolation> violations) {
        if (zip == null || !ZIP.matcher(zip).matches()) {
          violations.add(new FieldViolation("zip", "Format", "must be a five-digit ZIP code"));
        }
        Near.super.violations(violations);
      }
    }

    /**
     * A street address. There is no geocoder: the address is placed at the center of the ZIP code
     * it contains, and results say so.
     */
    record Address(String address, double radiusMiles) implements Near {
      @Override
      public void violations(List<FieldViolation> violations) {
        if (address == null || address.isBlank()) {
          violations.add(new FieldViolation("address", "Required", "must not be blank"));
        } else {
          checkText("address", address, violations);
        }
        Near.super.violations(violations);
      }
    }
  }

  /**
   * What a service's eligibility rules are checked against. Every fact is optional: an unknown fact
   * excludes nothing.
   *
   * @param language the ISO 639 code of the language the person needs the service in
   * @param residenceZip the five-digit ZIP code the person lives in
   */
  public record PersonFacts(
      Integer age,
      Gender gender,
      SupervisionType supervisionType,
      SupervisionLevel supervisionLevel,
      Set<OffenseCategory> offenses,
      Set<InsuranceCoverage> insurance,
      String language,
      String residenceZip) {

    public PersonFacts {
      offenses = offenses == null ? Set.of() : Set.copyOf(offenses);
      insurance = insurance == null ? Set.of() : Set.copyOf(insurance);
    }

    /** Whether any fact is known, so that eligibility is checked at all. */
    public boolean isEmpty() {
      return age == null
          && gender == null
          && supervisionType == null
          && supervisionLevel == null
          && offenses.isEmpty()
          && insurance.isEmpty()
          && language == null
          && residenceZip == null;
    }

    void violations(List<FieldViolation> violations) {
      if (age != null && (age < 0 || age > 120)) {
        violations.add(new FieldViolation("age", "Range", "must be between 0 and 120"));
      }
      if (language != null && !Languages.isKnown(language)) {
        violations.add(
            new FieldViolation("personLanguage", "Unknown", "must be an ISO 639 language code"));
      }
      if (residenceZip != null && !ZIP.matcher(residenceZip).matches()) {
        violations.add(
            new FieldViolation("residenceZip", "Format", "must be a five-digit ZIP code"));
      }
    }
  }

  /** A time of the week, in the directory's time zone. */
  public record OpenAt(DayOfWeek day, LocalTime time) {

    /** Minutes since Monday 00:00: how opening hours are kept. */
    public int minuteOfWeek() {
      return (day.getValue() - 1) * 24 * 60 + time.getHour() * 60 + time.getMinute();
    }
  }

  /** ISO 639 codes: two letters (639-1) or three (639-2/T), as {@link Locale} knows them. */
  public static final class Languages {

    private static final Set<String> KNOWN = known();

    private Languages() {}

    public static boolean isKnown(String code) {
      return code != null && KNOWN.contains(code);
    }

    /**
     * The codes that name the same language as the given one: its two- and three-letter forms,
     * since directories use either.
     */
    public static Set<String> equivalents(String code) {
      Set<String> codes = new LinkedHashSet<>();
      codes.add(code);
      Locale locale = Locale.of(code);
      try {
        codes.add(locale.getISO3Language());
      } catch (java.util.MissingResourceException noThreeLetterCode) {
        // The two-letter form is all there is.
      }
      if (code.length() == 3) {
        for (String two : Locale.getISOLanguages()) {
          try {
            if (Locale.of(two).getISO3Language().equals(code)) {
              codes.add(two);
            }
          } catch (java.util.MissingResourceException ignored) {
            // No three-letter form to compare.
          }
        }
      }
      codes.removeIf(String::isEmpty);
      return codes;
    }

    private static Set<String> known() {
      Set<String> codes = new java.util.HashSet<>();
      for (String two : Locale.getISOLanguages()) {
        codes.add(two);
        try {
          codes.add(Locale.of(two).getISO3Language());
        } catch (java.util.MissingResourceException ignored) {
          // Only the two-letter form.
        }
      }
      codes.removeIf(String::isEmpty);
      return Set.copyOf(codes);
    }
  }

  /** Builds a query; the defaults list every active service, 20 per page, without facets. */
  public static final class Builder {
    private String text;
    private Set<NeedDomain> needDomains = EnumSet.noneOf(NeedDomain.class);
    private Set<UUID> taxonomyTermIds = Set.of();
    private Near near;
    private PersonFacts person;
    private OpenAt openAt;
    private boolean openNow;
    private boolean hasCapacity;
    private Set<CostKind> costKinds = EnumSet.noneOf(CostKind.class);
    private Set<String> languages = Set.of();
    private boolean withFacets;
    private int page;
    private int size = 20;

    private Builder() {}

    public Builder text(String text) {
      this.text = text;
      return this;
    }

    public Builder needDomains(Set<NeedDomain> needDomains) {
      this.needDomains = needDomains;
      return this;
    }

    public Builder taxonomyTermIds(Set<UUID> taxonomyTermIds) {
      this.taxonomyTermIds = taxonomyTermIds;
      return this;
    }

    public Builder near(Near near) {
      this.near = near;
      return this;
    }

    public Builder person(PersonFacts person) {
      this.person = person;
      return this;
    }

    public Builder openAt(OpenAt openAt) {
      this.openAt = openAt;
      return this;
    }

    public Builder openNow(boolean openNow) {
      this.openNow = openNow;
      return this;
    }

    public Builder hasCapacity(boolean hasCapacity) {
      this.hasCapacity = hasCapacity;
      return this;
    }

    public Builder costKinds(Set<CostKind> costKinds) {
      this.costKinds = costKinds;
      return this;
    }

    public Builder languages(Set<String> languages) {
      this.languages = languages;
      return this;
    }

    public Builder withFacets(boolean withFacets) {
      this.withFacets = withFacets;
      return this;
    }

    public Builder page(int page) {
      this.page = page;
      return this;
    }

    public Builder size(int size) {
      this.size = size;
      return this;
    }

    public DirectorySearchQuery build() {
      return new DirectorySearchQuery(
          text,
          needDomains,
          taxonomyTermIds,
          near,
          person,
          openAt,
          openNow,
          hasCapacity,
          costKinds,
          languages,
          withFacets,
          page,
          size);
    }
  }
}
