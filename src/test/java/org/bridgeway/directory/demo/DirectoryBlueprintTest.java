package org.bridgeway.directory.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bridgeway.directory.geo.ZipCentroids;
import org.bridgeway.directory.hsds.HsdsGraph;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.hsds.HsdsSchemas;
import org.bridgeway.directory.hsds.HsdsType;
import org.bridgeway.directory.profile.Capacity;
import org.bridgeway.directory.profile.ServiceProfile;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.demo.DemoProperties.Scale;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.InsuranceCoverage;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DirectoryBlueprintTest {

  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  static final ZipCentroids CENTROIDS = new ZipCentroids();
  static final HsdsSchemas SCHEMAS = new HsdsSchemas();
  static List<DirectoryBlueprint.OrganizationContent> demo;
  static DirectoryBlueprint blueprint;

  static DirectoryBlueprint blueprint(Scale scale) {
    DemoData data = new DemoData(Path.of("target"));
    List<DirectoryBlueprint.Member> members = new ArrayList<>();
    List<OrganizationId> ids = DirectoryBlueprint.networkProviderIds(data);
    for (int i = 0; i < ids.size(); i++) {
      members.add(new DirectoryBlueprint.Member(ids.get(i), "Network provider " + i, i < 14));
    }
    return new DirectoryBlueprint(data, scale, members, NOW, new RiversidePlaces(CENTROIDS));
  }

  @BeforeAll
  static void build() {
    blueprint = blueprint(Scale.DEMO);
    demo = IntStream.range(0, blueprint.organizations()).mapToObj(blueprint::organization).toList();
  }

  @Test
  void theSameSeedGivesTheSameIdsAndValues() {
    DirectoryBlueprint again = blueprint(Scale.DEMO);
    for (int i = 0; i < again.organizations(); i++) {
      DirectoryBlueprint.OrganizationContent content = again.organization(i);
      assertThat(content.records()).isEqualTo(demo.get(i).records());
      assertThat(content.profiles()).isEqualTo(demo.get(i).profiles());
      assertThat(content.capacityReports()).isEqualTo(demo.get(i).capacityReports());
    }
    assertThat(again.taxonomy()).isEqualTo(blueprint.taxonomy());
  }

  @Test
  void eachScaleHasTheSizeOfItsPerformanceProfile() {
    assertThat(demo).hasSize(40);
    assertThat(demo.stream().mapToInt(c -> c.serviceAtLocations()).sum()).isEqualTo(150);
    DirectoryBlueprint county = blueprint(Scale.COUNTY);
    assertThat(county.organizations()).isEqualTo(400);
    assertThat(county.allocation().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(2_500);
    DirectoryBlueprint state = blueprint(Scale.STATE);
    assertThat(state.organizations()).isEqualTo(4_000);
    assertThat(state.allocation().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(25_000);
    assertThat(state.allocation().values()).allSatisfy(n -> assertThat(n).isPositive());
    assertThat(state.allocation().values().stream().mapToInt(Integer::intValue).max().getAsInt())
        .as("skewed: some organizations have many services at locations")
        .isGreaterThan(30);
  }

  @Test
  void theNetworksProvidersAreTheFirstOrganizationsAndTheirStewards() {
    List<OrganizationId> ids =
        DirectoryBlueprint.networkProviderIds(new DemoData(Path.of("target")));
    assertThat(ids).hasSize(29);
    for (int i = 0; i < ids.size(); i++) {
      assertThat(demo.get(i).steward()).isEqualTo(ids.get(i));
      HsdsRecord organization = organization(demo.get(i));
      assertThat(organization.text("name")).contains("Network provider " + i);
    }
    assertThat(demo.subList(29, 40)).allSatisfy(c -> assertThat(c.steward()).isNull());
  }

  @Test
  void everyRecordAndEveryNestedServiceValidatesAgainstTheHsdsSchemas() {
    List<HsdsRecord> all = new ArrayList<>(blueprint.taxonomy());
    demo.forEach(content -> all.addAll(content.records()));
    assertThat(all.stream().map(HsdsRecord::id).distinct().count())
        .as("ids are unique")
        .isEqualTo(all.size());
    for (HsdsRecord record : all) {
      assertThat(SCHEMAS.validate(record.type(), record.document()))
          .as(record.type() + " " + record.document())
          .isEmpty();
    }
    HsdsGraph.RecordSource source = HsdsGraph.inMemory(all);
    List<HsdsRecord> services = ofType(all, HsdsType.SERVICE);
    assertThat(services).hasSizeGreaterThan(40);
    for (HsdsRecord service : services) {
      var nested = HsdsGraph.assemble(service, source, HsdsGraph.Shape.NESTED);
      assertThat(SCHEMAS.validate(HsdsType.SERVICE, nested)).as(nested.toString()).isEmpty();
      assertThat(nested.get("service_at_locations").size()).isPositive();
    }
    for (HsdsRecord organization : ofType(all, HsdsType.ORGANIZATION)) {
      var nested =
          HsdsGraph.assemble(organization, source, HsdsGraph.Shape.ORGANIZATION_WITH_SERVICES);
      assertThat(SCHEMAS.validate(HsdsType.ORGANIZATION, nested)).isEmpty();
    }
    assertThat(ofType(all, HsdsType.SERVICE_AT_LOCATION)).hasSize(150);
  }

  @Test
  void aNetworkProviderNamedAfterACityHasItsMainOfficeThere() {
    DemoData data = new DemoData(Path.of("target"));
    List<OrganizationId> ids = DirectoryBlueprint.networkProviderIds(data);
    List<DirectoryBlueprint.Member> members = new ArrayList<>();
    members.add(new DirectoryBlueprint.Member(ids.get(0), "Riverside Recovery Center", true));
    members.add(new DirectoryBlueprint.Member(ids.get(1), "Moreno Valley Legal Services", false));
    DirectoryBlueprint named =
        new DirectoryBlueprint(data, Scale.DEMO, members, NOW, new RiversidePlaces(CENTROIDS));

    assertThat(mainOfficeCity(named.organization(0))).isEqualTo("Riverside");
    assertThat(mainOfficeCity(named.organization(1))).isEqualTo("Moreno Valley");
  }

  private static String mainOfficeCity(DirectoryBlueprint.OrganizationContent content) {
    return ofType(content.records(), HsdsType.ADDRESS).getFirst().text("city").orElseThrow();
  }

  @Test
  void locationsClusterAroundRiversideCountyZipCodes() {
    List<HsdsRecord> addresses =
        demo.stream().flatMap(c -> ofType(c.records(), HsdsType.ADDRESS).stream()).toList();
    assertThat(addresses)
        .allSatisfy(
            address -> {
              String zip = address.text("postal_code").orElseThrow();
              int code = Integer.parseInt(zip);
              assertThat(code)
                  .satisfiesAnyOf(
                      c -> assertThat(c).isBetween(92501, 92599),
                      c -> assertThat(c).isBetween(92201, 92399));
              assertThat(CENTROIDS.centroid(zip)).isPresent();
              assertThat(address.text("state_province")).contains("CA");
            });
    for (HsdsRecord location :
        demo.stream().flatMap(c -> ofType(c.records(), HsdsType.LOCATION).stream()).toList()) {
      double latitude = location.document().get("latitude").asDouble();
      double longitude = location.document().get("longitude").asDouble();
      assertThat(latitude).isBetween(32.5, 35.5);
      assertThat(longitude).isBetween(-118.0, -114.0);
    }
    DirectoryBlueprint county = blueprint(Scale.COUNTY);
    var cities =
        IntStream.range(0, county.organizations())
            .mapToObj(county::organization)
            .flatMap(c -> ofType(c.records(), HsdsType.ADDRESS).stream())
            .collect(
                Collectors.groupingBy(a -> a.text("city").orElseThrow(), Collectors.counting()));
    String largest =
        cities.entrySet().stream()
            .max(java.util.Map.Entry.comparingByValue())
            .orElseThrow()
            .getKey();
    assertThat(largest).as("the county seat has the most sites; " + cities).isEqualTo("Riverside");
  }

  @Test
  void eligibilityCostAndCapacityLookLikeARealDirectory() {
    DirectoryBlueprint county = blueprint(Scale.COUNTY);
    List<ServiceProfile> profiles = new ArrayList<>();
    List<Capacity> reports = new ArrayList<>();
    for (int i = 0; i < county.organizations(); i++) {
      DirectoryBlueprint.OrganizationContent content = county.organization(i);
      profiles.addAll(content.profiles());
      reports.addAll(content.capacityReports());
    }
    assertThat(profiles).allSatisfy(p -> assertThat(p.violations()).isEmpty());
    assertThat(profiles).allSatisfy(p -> assertThat(p.languages()).contains("en"));
    assertThat(share(profiles, p -> p.languages().contains("es"))).isBetween(0.5, 0.9);
    assertThat(share(profiles, p -> p.genders().equals(Set.of(Gender.FEMALE))))
        .isBetween(0.02, 0.2);
    assertThat(share(profiles, p -> p.excludedOffenses().contains(OffenseCategory.SEX_OFFENSE)))
        .isBetween(0.05, 0.4);
    assertThat(share(profiles, p -> p.excludedOffenses().contains(OffenseCategory.ARSON)))
        .isPositive();
    assertThat(share(profiles, p -> p.insuranceAccepted().contains(InsuranceCoverage.MEDICAID)))
        .isBetween(0.2, 0.8);
    assertThat(profiles).allSatisfy(p -> assertThat(p.unitCost()).isNotNull());

    var current =
        reports.stream()
            .collect(
                Collectors.toMap(
                    Capacity::serviceId,
                    c -> c,
                    (a, b) -> a.updatedAt().isAfter(b.updatedAt()) ? a : b));
    assertThat(current.size()).isLessThan(profiles.size()).isGreaterThan(profiles.size() * 8 / 10);
    double stale =
        current.values().stream().filter(c -> c.isStale(NOW)).count() / (double) current.size();
    assertThat(stale).isBetween(0.1, 0.35);
    assertThat(current.values()).anySatisfy(c -> assertThat(c.openSlots()).isZero());
    assertThat(current.values()).allSatisfy(c -> assertThat(c.updatedAt()).isBefore(NOW));
    assertThat(reports.size()).as("history").isGreaterThan(current.size() * 3);

    Set<UUID> services =
        profiles.stream().map(ServiceProfile::serviceId).collect(Collectors.toSet());
    assertThat(services).hasSize(profiles.size());
  }

  private static double share(
      List<ServiceProfile> profiles, java.util.function.Predicate<ServiceProfile> test) {
    return profiles.stream().filter(test).count() / (double) profiles.size();
  }

  private static HsdsRecord organization(DirectoryBlueprint.OrganizationContent content) {
    return ofType(content.records(), HsdsType.ORGANIZATION).getFirst();
  }

  private static List<HsdsRecord> ofType(List<HsdsRecord> records, HsdsType type) {
    return records.stream().filter(r -> r.type() == type).toList();
  }
}
