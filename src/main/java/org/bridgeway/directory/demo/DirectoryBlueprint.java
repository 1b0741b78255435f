package org.bridgeway.directory.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bridgeway.directory.AccessibilityFeature;
import org.bridgeway.directory.CostKind;
import org.bridgeway.directory.demo.RiversidePlaces.Place;
import org.bridgeway.directory.demo.ServiceCatalog.Provider;
import org.bridgeway.directory.demo.ServiceCatalog.Template;
import org.bridgeway.directory.geo.Coordinates;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.hsds.HsdsType;
import org.bridgeway.directory.profile.Capacity;
import org.bridgeway.directory.profile.ServiceProfile;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.demo.DemoProperties.Scale;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.InsuranceCoverage;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo directory, built in memory one organization at a time: pure and deterministic. Every
 * value comes from {@link DemoData#random} streams named after the organization, and every id from
 * {@link DemoData#id}, so the same seed, scale, network and instant give the same records.
 *
 * <p>The first organizations are the network's treatment providers and community organizations (the
 * {@link Member}s), stewarded by them; the rest exist only in the directory, as a county's 211 data
 * would bring them. Services at locations are spread over organizations with a skewed (log-normal)
 * weight, services drawn from {@link ServiceCatalog} by weight, and locations clustered around
 * Riverside County ZIP centroids.
 */
final class DirectoryBlueprint {

  /** Who HSDS metadata and capacity reports name as the source of generated data. */
  static final String SOURCE = "system";

  /** How many network organizations the identity demo data has, and where they start. */
  static final int NETWORK_TREATMENT_PROVIDERS = 14;

  static final int NETWORK_COMMUNITY_ORGANIZATIONS = 15;
  static final int FIRST_NETWORK_PROVIDER_INDEX = 7;

  /** The size of a scale profile (PERFORMANCE.md). */
  record Targets(int organizations, int serviceAtLocations) {
    static Targets of(Scale scale) {
      return switch (scale) {
        case DEMO -> new Targets(40, 150);
        case COUNTY -> new Targets(400, 2_500);
        case STATE -> new Targets(4_000, 25_000);
      };
    }
  }

  /**
   * A network organization that stewards one of the first directory organizations.
   *
   * @param name its name, or null if it is not in the network (the directory organization then gets
   *     a generated name and no steward)
   */
  record Member(OrganizationId id, String name, boolean treatment) {}

  /** What one directory organization adds to the directory. */
  record OrganizationContent(
      UUID organizationId,
      OrganizationId steward,
      List<HsdsRecord> records,
      List<ServiceProfile> profiles,
      List<Capacity> capacityReports,
      int services,
      int locations,
      int serviceAtLocations) {}

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final String[] DAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  private static final String[] DAY_NAMES = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
  };
  private static final String[] EVOCATIVE = {
    "New Horizons",
    "Second Chance",
    "Open Door",
    "Bridge",
    "Harvest",
    "Lighthouse",
    "Cornerstone",
    "Pathways",
    "Hope",
    "Desert Sun",
    "Inland Valley",
    "Mountain View",
    "Sunrise",
    "Good Samaritan",
    "Safe Harbor",
    "Fresh Start",
    "True North",
    "Olive Branch",
    "Mission",
    "Arroyo",
    "Sierra",
    "Jacinto",
    "Citrus",
    "Palm",
    "Golden Hills",
    "Valley Star",
    "Turning Point"
  };
  private static final String[] SURNAMES = {
    "Alvarez",
    "Brooks",
    "Castillo",
    "Delgado",
    "Estrada",
    "Franklin",
    "Guerrero",
    "Harris",
    "Ibarra",
    "Jackson",
    "Kwan",
    "Lozano",
    "Mendoza",
    "Nguyen",
    "Ochoa",
    "Pham",
    "Quintero",
    "Ramirez",
    "Soto",
    "Torres",
    "Underwood",
    "Vasquez",
    "Washington",
    "Young",
    "Zamora"
  };
  private static final String[] TREATMENT_KINDS = {
    "Recovery Services", "Counseling Center", "Behavioral Health", "Treatment Center",
    "Wellness Clinic", "Recovery House", "Health Services", "Family Services"
  };
  private static final String[] COMMUNITY_KINDS = {
    "Community Action Partnership",
    "Family Resource Center",
    "Outreach Ministry",
    "Rescue Mission",
    "Food Bank",
    "Workforce Center",
    "Reentry Coalition",
    "Legal Services",
    "Foundation",
    "Community Center",
    "Housing Alliance",
    "Youth Services"
  };
  private static final String[][] LANGUAGES = {
    {"vi", "Vietnamese", "0.04"},
    {"tl", "Tagalog", "0.04"},
    {"zh", "Chinese", "0.02"},
    {"ko", "Korean", "0.02"},
    {"ar", "Arabic", "0.02"}
  };

  private final DemoData demo;
  private final Targets targets;
  private final List<Member> members;
  private final Instant now;
  private final RiversidePlaces places;
  private final int[] serviceAtLocations;

  DirectoryBlueprint(
      DemoData demo, Scale scale, List<Member> members, Instant now, RiversidePlaces places) {
    this.demo = demo;
    this.targets = Targets.of(scale);
    this.members = List.copyOf(members);
    this.now = now;
    this.places = places;
    this.serviceAtLocations = allocate();
  }

  /** The ids the identity demo data gives its treatment providers and community organizations. */
  static List<OrganizationId> networkProviderIds(DemoData demo) {
    List<OrganizationId> ids = new ArrayList<>();
    for (int i = 0; i < NETWORK_TREATMENT_PROVIDERS + NETWORK_COMMUNITY_ORGANIZATIONS; i++) {
      ids.add(new OrganizationId(demo.id("organization:" + (FIRST_NETWORK_PROVIDER_INDEX + i))));
    }
    return ids;
  }

  int organizations() {
    return targets.organizations();
  }

  UUID organizationId(int index) {
    return demo.id("directory:organization:" + index);
  }

  /** The demo's service taxonomy and its terms. */
  List<HsdsRecord> taxonomy() {
    UUID taxonomy = demo.id("directory:taxonomy:services");
    String uri = "https://bridgeway.example/taxonomy/demo-services";
    List<HsdsRecord> records = new ArrayList<>();
    ObjectNode document = JSON.createObjectNode();
    document.put("id", taxonomy.toString());
    document.put("name", "Community Service Categories");
    document.put(
        "description",
        "The demo directory's service categories, after the top levels of the 211 (AIRS)"
            + " classification.");
    document.put("uri", uri);
    document.put("version", "1");
    records.add(new HsdsRecord(HsdsType.TAXONOMY, taxonomy, document));
    for (ServiceCatalog.Term term : ServiceCatalog.TERMS) {
      UUID id = termId(term.code());
      ObjectNode node = JSON.createObjectNode();
      node.put("id", id.toString());
      node.put("code", term.code());
      node.put("name", term.name());
      node.put("description", term.name());
      node.put("taxonomy", "Community Service Categories");
      node.put("taxonomy_id", taxonomy.toString());
      node.put("term_uri", uri + "/" + term.code());
      if (term.parent() != null) {
        node.put("parent_id", termId(term.parent()).toString());
      }
      records.add(new HsdsRecord(HsdsType.TAXONOMY_TERM, id, node));
    }
    return records;
  }

  private UUID termId(String code) {
    return demo.id("directory:term:" + code);
  }

  /**
   * How many services at locations each organization has: a log-normal weight each, scaled to the
   * target, at least one each; network members weigh a little more (they are the network's main
   * providers).
   */
  private int[] allocate() {
    int count = targets.organizations();
    double[] weights = new double[count];
    double sum = 0;
    for (int i = 0; i < count; i++) {
      Random random = demo.random("directory:weight:" + i);
      weights[i] = Math.exp(0.9 * random.nextGaussian()) * (i < members.size() ? 1.5 : 1.0);
      sum += weights[i];
    }
    int spare = targets.serviceAtLocations() - count;
    int[] allocated = new int[count];
    double[] remainders = new double[count];
    int given = 0;
    for (int i = 0; i < count; i++) {
      double share = spare * weights[i] / sum;
      allocated[i] = 1 + (int) Math.floor(share);
      remainders[i] = share - Math.floor(share);
      given += allocated[i];
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      order.add(i);
    }
    order.sort((a, b) -> Double.compare(remainders[b], remainders[a]));
    for (int k = 0; given < targets.serviceAtLocations(); k++, given++) {
      allocated[order.get(k % count)]++;
    }
    return allocated;
  }

  /** Everything one directory organization brings: records, profiles and capacity reports. */
  OrganizationContent organization(int index) {
    Random random = demo.random("directory:organization:" + index);
    Member member = index < members.size() ? members.get(index) : null;
    boolean treatment = member != null ? member.treatment() : random.nextDouble() < 0.35;
    Place home =
        member != null && member.name() != null
            ? places.homeOf(member.name(), random)
            : places.draw(random);
    String name =
        member != null && member.name() != null
            ? member.name()
            : organizationName(treatment, home, random);
    UUID organizationId = organizationId(index);
    String slug = slug(name, index);
    String key = Integer.toString(index);
    List<HsdsRecord> records = new ArrayList<>();
    List<ServiceProfile> profiles = new ArrayList<>();
    List<Capacity> reports = new ArrayList<>();

    records.add(organizationRecord(organizationId, name, slug, treatment, home, random));
    records.add(
        record(
            HsdsType.PHONE,
            demo.id("directory:phone:organization:" + key),
            "organization_id",
            organizationId.toString(),
            "number",
            RiversidePlaces.phone(home, random),
            "type",
            "voice",
            "description",
            "Main office"));

    int pairs = serviceAtLocations[index];
    int locationCount =
        Math.clamp(Math.round(pairs / (2.0 + 3.0 * random.nextDouble())), 1, Math.min(8, pairs));
    int serviceCount = Math.max(1, (pairs + locationCount - 1) / locationCount);

    List<UUID> locations = new ArrayList<>();
    List<Place> locationPlaces = new ArrayList<>();
    for (int k = 0; k < locationCount; k++) {
      Place place = k == 0 ? home : places.near(home, random);
      UUID location = demo.id("directory:location:" + key + ":" + k);
      locations.add(location);
      locationPlaces.add(place);
      records.addAll(locationRecords(location, organizationId, name, place, k, random));
    }

    List<Template> templates = chooseTemplates(serviceCount, treatment, random);
    for (int j = 0; j < serviceCount; j++) {
      UUID service = demo.id("directory:service:" + key + ":" + j);
      Template template = templates.get(j);
      String serviceName = serviceName(template, templates, j);
      ServiceProfile profile = profile(service, template, home, random);
      profiles.add(profile);
      List<Capacity> history = capacityReports(service, template, random);
      reports.addAll(history);
      records.addAll(
          serviceRecords(
              service,
              organizationId,
              name,
              slug,
              serviceName,
              template,
              profile,
              history.isEmpty() ? null : history.getLast(),
              home,
              random));
    }
    for (int p = 0; p < pairs; p++) {
      int service = p % serviceCount;
      int location = (service + p / serviceCount) % locationCount;
      UUID serviceId = demo.id("directory:service:" + key + ":" + service);
      records.add(
          record(
              HsdsType.SERVICE_AT_LOCATION,
              demo.id("directory:sal:" + key + ":" + service + ":" + location),
              "service_id",
              serviceId.toString(),
              "location_id",
              locations.get(location).toString()));
    }
    return new OrganizationContent(
        organizationId,
        member != null && member.name() != null ? member.id() : null,
        records,
        profiles,
        reports,
        serviceCount,
        locationCount,
        pairs);
  }

  private static String organizationName(boolean treatment, Place home, Random random) {
    String[] kinds = treatment ? TREATMENT_KINDS : COMMUNITY_KINDS;
    String kind = kinds[random.nextInt(kinds.length)];
    double pattern = random.nextDouble();
    if (pattern < 0.45) {
      return home.city() + " " + kind;
    }
    if (pattern < 0.85) {
      return EVOCATIVE[random.nextInt(EVOCATIVE.length)] + " " + kind;
    }
    return SURNAMES[random.nextInt(SURNAMES.length)] + " " + kind;
  }

  private HsdsRecord organizationRecord(
      UUID id, String name, String slug, boolean treatment, Place home, Random random) {
    ObjectNode document = JSON.createObjectNode();
    document.put("id", id.toString());
    document.put("name", name);
    document.put(
        "description",
        (treatment
                ? "A licensed provider of treatment and counseling"
                : "A community organization offering practical help")
            + " based in "
            + home.city()
            + ", California, serving people across Riverside County.");
    document.put("email", "info@" + slug + ".example.org");
    document.put("website", "https://www." + slug + ".example.org");
    document.put("tax_status", "501(c)(3)");
    document.put("year_incorporated", 1960 + random.nextInt(62));
    document.put("legal_status", "Nonprofit corporation");
    return new HsdsRecord(HsdsType.ORGANIZATION, id, document);
  }

  private List<HsdsRecord> locationRecords(
      UUID location, UUID organization, String name, Place place, int k, Random random) {
    Coordinates point = RiversidePlaces.around(place, random);
    String street = RiversidePlaces.street(random);
    List<HsdsRecord> records = new ArrayList<>();
    ObjectNode document = JSON.createObjectNode();
    document.put("id", location.toString());
    document.put("organization_id", organization.toString());
    document.put("location_type", "physical");
    document.put("name", k == 0 ? name : name + " – " + place.city() + " " + (k + 1));
    document.put("latitude", point.latitude());
    document.put("longitude", point.longitude());
    if (random.nextDouble() < 0.5) {
      document.put("transportation", "Near a Riverside Transit Agency bus stop.");
    }
    records.add(new HsdsRecord(HsdsType.LOCATION, location, document));
    records.add(
        record(
            HsdsType.ADDRESS,
            demo.id("directory:address:" + location),
            "location_id",
            location.toString(),
            "address_1",
            street,
            "city",
            place.city(),
            "state_province",
            "CA",
            "postal_code",
            place.zip(),
            "country",
            "US",
            "address_type",
            "physical"));
    if (random.nextDouble() < 0.85) {
      records.add(
          record(
              HsdsType.ACCESSIBILITY,
              demo.id("directory:accessibility:" + location),
              "location_id",
              location.toString(),
              "description",
              "Wheelchair accessible entrance and restroom",
              "details",
              "Step-free entrance, accessible parking"));
    }
    return records;
  }

  /** The services of an organization: kinds drawn by weight, those of its own sort favoured. */
  private static List<Template> chooseTemplates(int count, boolean treatment, Random random) {
    List<Template> pool = new ArrayList<>(ServiceCatalog.TEMPLATES);
    List<Template> chosen = new ArrayList<>();
    while (chosen.size() < count) {
      if (pool.isEmpty()) {
        chosen.add(chosen.get(random.nextInt(chosen.size())));
        continue;
      }
      double[] weights = new double[pool.size()];
      double sum = 0;
      for (int i = 0; i < pool.size(); i++) {
        Template template = pool.get(i);
        double fit =
            template.provider == Provider.EITHER
                ? 0.8
                : (template.provider == Provider.TREATMENT) == treatment ? 1.0 : 0.08;
        weights[i] = template.weight * fit;
        sum += weights[i];
      }
      double target = random.nextDouble() * sum;
      int pick = pool.size() - 1;
      for (int i = 0; i < pool.size(); i++) {
        target -= weights[i];
        if (target < 0) {
          pick = i;
          break;
        }
      }
      chosen.add(pool.remove(pick));
    }
    return chosen;
  }

  private static String serviceName(Template template, List<Template> all, int index) {
    int earlier = 0;
    for (int i = 0; i < index; i++) {
      if (all.get(i) == template) {
        earlier++;
      }
    }
    String[] variants = {"Evening Program", "Spanish-Language Program", "Satellite Program"};
    return earlier == 0
        ? template.name
        : template.name + " – " + variants[(earlier - 1) % variants.length];
  }

  private ServiceProfile profile(UUID service, Template template, Place home, Random random) {
    Integer minimumAge = template.minimumAge;
    Integer maximumAge = template.maximumAge;
    if (minimumAge != null && minimumAge == 18 && maximumAge == null) {
      double draw = random.nextDouble();
      if (draw < 0.07) {
        maximumAge = 25;
      } else if (draw < 0.12) {
        minimumAge = 21;
      } else if (draw < 0.15) {
        minimumAge = 55;
      }
    }
    Set<Gender> genders = EnumSet.noneOf(Gender.class);
    double gender = random.nextDouble();
    if (gender < template.femaleOnly) {
      genders.add(Gender.FEMALE);
    } else if (gender < template.femaleOnly + template.maleOnly) {
      genders.add(Gender.MALE);
    }
    Set<SupervisionType> types = EnumSet.noneOf(SupervisionType.class);
    double type = random.nextDouble();
    if (type < 0.12) {
      types.addAll(EnumSet.of(SupervisionType.PROBATION, SupervisionType.PAROLE));
    } else if (type < 0.17) {
      types.add(SupervisionType.PROBATION);
    } else if (type < 0.21) {
      types.addAll(EnumSet.of(SupervisionType.PRETRIAL, SupervisionType.DIVERSION));
    }
    Set<SupervisionLevel> levels = EnumSet.noneOf(SupervisionLevel.class);
    if (random.nextDouble() < 0.1) {
      levels.addAll(
          EnumSet.of(SupervisionLevel.LOW, SupervisionLevel.MODERATE, SupervisionLevel.HIGH));
    }
    Set<OffenseCategory> excluded = EnumSet.noneOf(OffenseCategory.class);
    if (random.nextDouble() < template.exclusionChance) {
      for (OffenseCategory offense : template.exclusions) {
        if (random.nextDouble() < 0.85) {
          excluded.add(offense);
        }
      }
    }
    if (random.nextDouble() < 0.05) {
      excluded.add(OffenseCategory.SEX_OFFENSE);
    }
    Set<InsuranceCoverage> insurance = EnumSet.noneOf(InsuranceCoverage.class);
    for (InsuranceCoverage coverage : template.insurance) {
      if (random.nextDouble() < (coverage == InsuranceCoverage.MEDICAID ? 0.95 : 0.8)) {
        insurance.add(coverage);
      }
    }
    Set<String> residency = new TreeSet<>();
    if (random.nextDouble() < 0.08) {
      places.places().stream()
          .filter(place -> place.city().equals(home.city()))
          .forEach(place -> residency.add(place.zip()));
    }
    Set<String> languages = new TreeSet<>(List.of("en"));
    if (random.nextDouble() < ("760".equals(home.areaCode()) ? 0.85 : 0.65)) {
      languages.add("es");
    }
    for (String[] language : LANGUAGES) {
      if (random.nextDouble() < Double.parseDouble(language[2])) {
        languages.add(language[0]);
      }
    }
    Set<AccessibilityFeature> accessibility = EnumSet.noneOf(AccessibilityFeature.class);
    addWith(accessibility, AccessibilityFeature.WHEELCHAIR_ACCESS, 0.85, random);
    addWith(accessibility, AccessibilityFeature.NEAR_PUBLIC_TRANSIT, 0.55, random);
    addWith(accessibility, AccessibilityFeature.HEARING_LOOP, 0.08, random);
    addWith(accessibility, AccessibilityFeature.SIGN_LANGUAGE, 0.05, random);
    addWith(accessibility, AccessibilityFeature.LARGE_PRINT_OR_BRAILLE, 0.1, random);
    if (template.remote) {
      addWith(accessibility, AccessibilityFeature.REMOTE_ATTENDANCE, 0.6, random);
    }
    double cost = template.costMin + (template.costMax - template.costMin) * random.nextDouble();
    BigDecimal unitCost =
        cost < 20
            ? BigDecimal.valueOf(Math.round(cost * 2) / 2.0).setScale(2, RoundingMode.HALF_UP)
            : BigDecimal.valueOf(Math.round(cost)).setScale(2, RoundingMode.HALF_UP);
    return new ServiceProfile(
        service,
        template.domains,
        minimumAge,
        maximumAge,
        genders,
        types,
        levels,
        excluded,
        insurance,
        residency,
        languages,
        accessibility,
        template.cost,
        unitCost,
        template.unit,
        0);
  }

  private static <E> void addWith(Set<E> set, E value, double chance, Random random) {
    if (random.nextDouble() < chance) {
      set.add(value);
    }
  }

  /**
   * A service's capacity reports, oldest first: none for some services, otherwise a few weekly-ish
   * reports ending in the current figures, which are stale (older than 7 days) for about a fifth.
   */
  private List<Capacity> capacityReports(UUID service, Template template, Random random) {
    if (random.nextDouble() < 0.08) {
      return List.of();
    }
    Duration age =
        random.nextDouble() < 0.22
            ? Duration.ofHours(24L * 8 + random.nextInt(24 * 82))
            : Duration.ofMinutes(30 + random.nextInt(60 * 24 * 6));
    Instant at = now.minus(age).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    int reports = 1 + (template.slotsMax > 0 ? 2 + random.nextInt(6) : 0);
    List<Capacity> history = new ArrayList<>();
    for (int n = 0; n < reports; n++) {
      int open =
          random.nextDouble() < 0.35
              ? 0
              : 1 + (int) (template.slotsMax * Math.pow(random.nextDouble(), 1.8));
      int waitlist =
          open == 0
              ? (template.waitlistMax == 0 ? 0 : 1 + random.nextInt(template.waitlistMax))
              : random.nextDouble() < 0.2 ? random.nextInt(3) : 0;
      Integer waitDays = null;
      if (waitlist > 0) {
        waitDays = 3 + random.nextInt(55);
      } else if (open > 0) {
        waitDays = 0;
      }
      history.add(new Capacity(service, open, waitlist, waitDays, at, SOURCE, 0));
      at = at.minus(Duration.ofHours(24L * 3 + random.nextInt(24 * 11)));
    }
    return history.reversed();
  }

  private List<HsdsRecord> serviceRecords(
      UUID service,
      UUID organization,
      String organizationName,
      String slug,
      String name,
      Template template,
      ServiceProfile profile,
      Capacity capacity,
      Place home,
      Random random) {
    List<HsdsRecord> records = new ArrayList<>();
    String id = service.toString();
    ObjectNode document = JSON.createObjectNode();
    document.put("id", id);
    document.put("organization_id", organization.toString());
    document.put("name", name);
    document.put(
        "description",
        template.description + " Offered by " + organizationName + " in " + home.city() + ".");
    double status = random.nextDouble();
    document.put(
        "status", status < 0.95 ? "active" : status < 0.98 ? "temporarily closed" : "inactive");
    document.put("url", "https://www." + slug + ".example.org/services/" + slug(name, -1));
    document.put("email", "intake@" + slug + ".example.org");
    document.put("application_process", template.application);
    document.put("fees_description", feesDescription(profile));
    document.put("eligibility_description", eligibilityDescription(profile, home));
    document.put(
        "wait_time",
        capacity == null
            ? "Call for current availability."
            : capacity.waitlistLength() > 0
                ? "Usually "
                    + Math.max(1, capacity.estimatedWaitDays() / 7)
                    + " to "
                    + (capacity.estimatedWaitDays() / 7 + 2)
                    + " weeks."
                : "Usually within a week.");
    if (profile.minimumAge() != null) {
      document.put("minimum_age", profile.minimumAge());
    }
    if (profile.maximumAge() != null) {
      document.put("maximum_age", profile.maximumAge());
    }
    records.add(new HsdsRecord(HsdsType.SERVICE, service, document));
    records.add(
        record(
            HsdsType.PHONE,
            demo.id("directory:phone:" + id),
            "service_id",
            id,
            "number",
            RiversidePlaces.phone(home, random),
            "type",
            "voice",
            "description",
            "Intake line"));
    int schedule = 0;
    for (String[] hours : schedules(template, random)) {
      records.add(
          record(
              HsdsType.SCHEDULE,
              demo.id("directory:schedule:" + id + ":" + schedule++),
              "service_id",
              id,
              "freq",
              "WEEKLY",
              "byday",
              hours[0],
              "opens_at",
              hours[1],
              "closes_at",
              hours[2],
              "description",
              describe(hours)));
    }
    for (String language : profile.languages()) {
      records.add(
          record(
              HsdsType.LANGUAGE,
              demo.id("directory:language:" + id + ":" + language),
              "service_id",
              id,
              "name",
              Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH),
              "code",
              language));
    }
    for (String term : template.terms) {
      records.add(
          record(
              HsdsType.ATTRIBUTE,
              demo.id("directory:attribute:" + id + ":" + term),
              "link_id",
              id,
              "taxonomy_term_id",
              termId(term).toString(),
              "link_type",
              "service_category",
              "link_entity",
              "service",
              "value",
              term));
    }
    if (profile.costKind() == CostKind.SLIDING_SCALE || profile.costKind() == CostKind.FIXED) {
      ObjectNode option = JSON.createObjectNode();
      UUID optionId = demo.id("directory:cost:" + id);
      option.put("id", optionId.toString());
      option.put("service_id", id);
      option.put(
          "option",
          profile.costKind() == CostKind.FIXED ? "Program fee" : "Sliding scale, full fee");
      option.put("currency", "USD");
      option.put("amount", profile.unitCost().doubleValue());
      option.put("amount_description", "per " + profile.costUnit());
      records.add(new HsdsRecord(HsdsType.COST_OPTION, optionId, option));
    }
    if (template.documents != null) {
      records.add(
          record(
              HsdsType.REQUIRED_DOCUMENT,
              demo.id("directory:document:" + id),
              "service_id",
              id,
              "document",
              template.documents));
    }
    return records;
  }

  /** Weekly opening hours: {byday, opens_at, closes_at} each. */
  private static List<String[]> schedules(Template template, Random random) {
    String weekdays = "MO,TU,WE,TH,FR";
    return switch (template.hours) {
      case OFFICE -> {
        String[][] variants = {
          {"08:00", "17:00"}, {"08:30", "17:00"}, {"09:00", "17:00"}, {"08:00", "16:30"}
        };
        String[] hours = variants[random.nextInt(variants.length)];
        yield List.<String[]>of(new String[] {weekdays, hours[0], hours[1]});
      }
      case EXTENDED -> {
        List<String[]> hours = new ArrayList<>();
        hours.add(new String[] {"MO,TU,WE,TH", "08:00", "20:00"});
        hours.add(new String[] {"FR", "08:00", "17:00"});
        if (random.nextDouble() < 0.3) {
          hours.add(new String[] {"SA", "09:00", "13:00"});
        }
        yield hours;
      }
      case EVENING_GROUPS ->
          List.of(
              new String[] {weekdays, "09:00", "17:00"},
              new String[] {random.nextBoolean() ? "TU,TH" : "MO,WE", "18:00", "20:00"});
      case ALWAYS -> List.<String[]>of(new String[] {"MO,TU,WE,TH,FR,SA,SU", "00:00", "24:00"});
      case DISTRIBUTION -> {
        String day = DAYS[random.nextInt(5)];
        List<String[]> hours = new ArrayList<>();
        hours.add(new String[] {day, "10:00", "13:00"});
        if (random.nextBoolean()) {
          hours.add(new String[] {"SA", "09:00", "12:00"});
        }
        yield hours;
      }
      case WEEKDAY_MORNINGS -> List.<String[]>of(new String[] {weekdays, "06:30", "12:00"});
    };
  }

  private static String describe(String[] hours) {
    List<String> days = new ArrayList<>();
    for (String code : hours[0].split(",")) {
      for (int i = 0; i < DAYS.length; i++) {
        if (DAYS[i].equals(code)) {
          days.add(DAY_NAMES[i]);
        }
      }
    }
    String when =
        days.size() == 7
            ? "Every day"
            : days.size() > 2 && hours[0].equals("MO,TU,WE,TH,FR")
                ? "Monday to Friday"
                : String.join(" and ", days);
    return "24:00".equals(hours[2]) && "00:00".equals(hours[1])
        ? when + ", 24 hours"
        : when + ", " + hours[1] + " to " + hours[2];
  }

  private static String feesDescription(ServiceProfile profile) {
    return switch (profile.costKind()) {
      case FREE -> "Free of charge.";
      case SLIDING_SCALE ->
          "Sliding scale based on household income; no one is turned away for inability to pay.";
      case INSURANCE -> "Billed to Medi-Cal or private insurance; self-pay rates available.";
      case FIXED ->
          "$"
              + profile.unitCost().toPlainString()
              + " per "
              + profile.costUnit()
              + "; payment plans available.";
    };
  }

  private static String eligibilityDescription(ServiceProfile profile, Place home) {
    List<String> parts = new ArrayList<>();
    Integer minimum = profile.minimumAge();
    Integer maximum = profile.maximumAge();
    if (minimum == null && maximum == null) {
      parts.add("All ages.");
    } else if (maximum == null) {
      parts.add("Adults " + minimum + " and older.");
    } else {
      parts.add("Ages " + (minimum == null ? 0 : minimum) + " to " + maximum + ".");
    }
    if (profile.genders().equals(Set.of(Gender.FEMALE))) {
      parts.add("Women only.");
    } else if (profile.genders().equals(Set.of(Gender.MALE))) {
      parts.add("Men only.");
    }
    if (!profile.excludedOffenses().isEmpty()) {
      parts.add(
          "Not open to people with "
              + profile.excludedOffenses().stream()
                  .sorted()
                  .map(o -> o.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                  .collect(Collectors.joining(" or "))
              + " convictions.");
    }
    if (profile.insuranceAccepted().contains(InsuranceCoverage.MEDICAID)) {
      parts.add("Medi-Cal accepted.");
    }
    if (!profile.residencyPostcodes().isEmpty()) {
      parts.add("For residents of " + home.city() + ".");
    }
    return String.join(" ", parts);
  }

  private static HsdsRecord record(HsdsType type, UUID id, String... fields) {
    ObjectNode document = JSON.createObjectNode();
    document.put("id", id.toString());
    for (int i = 0; i < fields.length; i += 2) {
      document.put(fields[i], fields[i + 1]);
    }
    return new HsdsRecord(type, id, document);
  }

  /** A host-name-safe slug; {@code index} (when not negative) keeps organizations' apart. */
  static String slug(String name, int index) {
    String slug =
        java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    if (slug.length() > 50) {
      slug = slug.substring(0, 50).replaceAll("-+$", "");
    }
    return index < 0 ? slug : slug + "-" + index;
  }

  /** For tests: the number of services at locations each organization gets. */
  Map<Integer, Integer> allocation() {
    Map<Integer, Integer> map = new LinkedHashMap<>();
    for (int i = 0; i < serviceAtLocations.length; i++) {
      map.put(i, serviceAtLocations[i]);
    }
    return map;
  }
}
