package org.bridgeway.directory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.bridgeway.directory.CostKind;
import org.bridgeway.directory.DirectorySearch;
import org.bridgeway.directory.DirectorySearchException;
import org.bridgeway.directory.DirectorySearchFacets;
import org.bridgeway.directory.DirectorySearchHit;
import org.bridgeway.directory.DirectorySearchQuery;
import org.bridgeway.directory.DirectorySearchQuery.Near;
import org.bridgeway.directory.DirectorySearchQuery.OpenAt;
import org.bridgeway.directory.DirectorySearchQuery.PersonFacts;
import org.bridgeway.directory.DirectorySearchReason;
import org.bridgeway.directory.DirectorySearchResult;
import org.bridgeway.directory.hsds.HsdsRecords;
import org.bridgeway.directory.profile.Capacities;
import org.bridgeway.directory.profile.ServiceProfiles;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.InsuranceCoverage;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ranking, filters, facets and eligibility of directory search, on services each test writes the
 * way the directory's writers do. Each test restricts its searches to its own taxonomy term.
 */
@IntegrationTest
class DirectorySearchIntegrationTests {

  // Portland, Oregon: downtown (97201) and a point about 6.5 miles east (97230 is further).
  static final double DOWNTOWN_LAT = 45.5152;
  static final double DOWNTOWN_LON = -122.6784;

  @Autowired DirectorySearch search;
  @Autowired HsdsRecords records;
  @Autowired ServiceProfiles profiles;
  @Autowired Capacities capacities;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired Clock clock;

  SearchFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new SearchFixtures(records, profiles, capacities, events, transactions, clock);
  }

  DirectorySearchQuery.Builder mine() {
    return DirectorySearchQuery.builder().taxonomyTermIds(Set.of(fixtures.term));
  }

  List<String> names(DirectorySearchResult result) {
    return result.hits().stream().map(DirectorySearchHit::serviceName).toList();
  }

  @Test
  void wordsAreStemmedAndAccentsIgnored() {
    fixtures
        .service("Résumé Workshop")
        .description("Help writing a résumé and preparing for interviews")
        .create();
    fixtures.service("Counseling for Families").description("Family counselling").create();

    assertThat(names(search.search(mine().text("resume").build())))
        .containsExactly("Résumé Workshop");
    assertThat(names(search.search(mine().text("COUNSELLORS counselled").build())))
        .containsExactly("Counseling for Families");
    assertThat(names(search.search(mine().text("interview résumés").build())))
        .containsExactly("Résumé Workshop");
  }

  @Test
  void aCorrectionKeptFromEarlierSearchesGivesWayWhenTheDirectoryLearnsTheWord() {
    fixtures.service("Quillonette Tutoring").description("Reading help").create();
    DirectorySearchResult before = search.search(mine().text("quillonetta").build());
    assertThat(before.corrections())
        .containsExactly(new DirectorySearchResult.Correction("quillonetta", "quillonette"));
    assertThat(search.search(mine().text("quillonetta").build()).corrections())
        .as("the same search again, answered from the kept correction")
        .isEqualTo(before.corrections());

    fixtures.service("Quillonetta Literacy Circle").description("Adult reading").create();

    DirectorySearchResult after = search.search(mine().text("quillonetta").build());
    assertThat(after.corrections()).isEmpty();
    assertThat(after.words()).containsExactly("quillonetta");
    assertThat(names(after)).containsExactly("Quillonetta Literacy Circle");
  }

  @Test
  void aMisspelledWordIsReplacedByTheClosestWordOfTheDirectory() {
    String unusual = "Zephyrine";
    fixtures.service(unusual + " Recovery House").description("Peer recovery support").create();

    DirectorySearchResult result = search.search(mine().text("zephyrene recovery").build());

    assertThat(names(result)).containsExactly(unusual + " Recovery House");
    assertThat(result.corrections())
        .containsExactly(new DirectorySearchResult.Correction("zephyrene", "zephyrine"));
    assertThat(result.words()).containsExactly("zephyrine", "recovery");
    assertThat(result.hits().getFirst().reasons())
        .contains(new DirectorySearchReason("text.name", List.of("zephyrine", "recovery")));
  }

  @Test
  void aNameMatchRanksAboveADescriptionMatch() {
    fixtures.service("Legal Clinic").description("Expungement help and housing advice").create();
    fixtures.service("Housing Navigation").description("Finding a place to live").create();

    DirectorySearchResult result = search.search(mine().text("housing").build());

    assertThat(names(result)).containsExactly("Housing Navigation", "Legal Clinic");
    assertThat(result.hits().get(1).reasons())
        .contains(new DirectorySearchReason("text.description", List.of("housing")));
  }

  @Test
  void needDomainsAreSearchableByTheirNamesAndFilterable() {
    fixtures.service("Bridge Program").domains(NeedDomain.SUBSTANCE_USE).create();
    fixtures.service("Pantry").domains(NeedDomain.FOOD).create();

    assertThat(names(search.search(mine().text("substance use").build())))
        .containsExactly("Bridge Program");
    DirectorySearchResult filtered =
        search.search(mine().needDomains(Set.of(NeedDomain.FOOD, NeedDomain.HOUSING)).build());
    assertThat(names(filtered)).containsExactly("Pantry");
    assertThat(filtered.hits().getFirst().reasons())
        .contains(new DirectorySearchReason("needDomain", List.of("FOOD")));
  }

  @Test
  void distanceFiltersAndRanksAndEachServiceAppearsOnceAtItsNearestLocation() {
    fixtures
        .service("Two Sites")
        .location("East office", 45.5152, -122.55, "97216")
        .location("Downtown office", 45.5160, -122.6790, "97204")
        .create();
    fixtures.service("Far Away").location("Salem office", 44.9429, -123.0351, "97301").create();
    fixtures.service("Helpline").description("By telephone").create();

    DirectorySearchResult result =
        search.search(mine().near(Near.point(DOWNTOWN_LAT, DOWNTOWN_LON, 10)).build());

    assertThat(names(result)).containsExactly("Two Sites", "Helpline");
    DirectorySearchHit twoSites = result.hits().getFirst();
    assertThat(twoSites.locationName()).isEqualTo("Downtown office");
    assertThat(twoSites.otherLocations()).isEqualTo(1);
    assertThat(twoSites.distanceMiles()).isLessThan(0.2);
    assertThat(result.hits().get(1).remote()).isTrue();
    assertThat(result.hits().get(1).reasons()).contains(DirectorySearchReason.of("remote"));
  }

  @Test
  void aZipCodeOrAnAddressIsPlacedAtTheCenterOfItsZipCode() {
    fixtures.service("Near Zip").location("Office", 45.5230, -122.6840, "97209").create();

    DirectorySearchResult byZip = search.search(mine().near(Near.zip("97209", 2)).build());
    DirectorySearchResult byAddress =
        search.search(
            mine().near(Near.address("1200 NW Everett St, Portland, OR 97209-1234", 2)).build());

    assertThat(names(byZip)).containsExactly("Near Zip");
    assertThat(byAddress.origin().source()).isEqualTo(DirectorySearchResult.Source.ADDRESS);
    assertThat(byAddress.origin().zip()).isEqualTo("97209");
    assertThat(names(byAddress)).containsExactly("Near Zip");
  }

  @Test
  void anUnknownZipCodeOrAnAddressWithoutOneIsRefusedNamingTheField() {
    assertThatThrownBy(() -> search.search(mine().near(Near.zip("00000", 5)).build()))
        .isInstanceOfSatisfying(
            DirectorySearchException.class,
            e -> assertThat(e.violations()).extracting("field").containsExactly("zip"));
    assertThatThrownBy(
            () -> search.search(mine().near(Near.address("12 Main Street, Portland", 5)).build()))
        .isInstanceOfSatisfying(
            DirectorySearchException.class,
            e -> assertThat(e.violations()).extracting("code").containsExactly("NoZipCode"));
  }

  @Test
  void eligibilityChecksEveryFactOfThePerson() {
    fixtures.service("Adults Only").ages(18, 64).create();
    fixtures.service("Women Only").genders(Gender.FEMALE).create();
    fixtures
        .service("Probation Low")
        .supervision(Set.of(SupervisionType.PROBATION), Set.of(SupervisionLevel.LOW))
        .create();
    fixtures.service("No Arson").excludes(OffenseCategory.ARSON).create();
    fixtures.service("Medicaid Clinic").insurance(InsuranceCoverage.MEDICAID).create();
    fixtures.service("Spanish Group").profileLanguages("es").create();
    fixtures.service("County Residents").residency("97201").create();
    fixtures.service("Anyone").create();

    PersonFacts person =
        new PersonFacts(
            30,
            Gender.MALE,
            SupervisionType.PAROLE,
            SupervisionLevel.HIGH,
            Set.of(OffenseCategory.ARSON),
            Set.of(InsuranceCoverage.PRIVATE),
            "en",
            "97030");
    assertThat(names(search.search(mine().person(person).build())))
        .containsExactlyInAnyOrder("Adults Only", "Anyone");

    PersonFacts young =
        new PersonFacts(
            16,
            Gender.FEMALE,
            SupervisionType.PROBATION,
            SupervisionLevel.LOW,
            Set.of(),
            Set.of(InsuranceCoverage.MEDICAID),
            null,
            "97201");
    assertThat(names(search.search(mine().person(young).build())))
        .containsExactlyInAnyOrder(
            "Women Only",
            "Probation Low",
            "No Arson",
            "Medicaid Clinic",
            "Spanish Group",
            "County Residents",
            "Anyone");

    PersonFacts spanishSpeaker =
        new PersonFacts(null, null, null, null, Set.of(), Set.of(), "spa", null);
    DirectorySearchResult spanish = search.search(mine().person(spanishSpeaker).build());
    assertThat(names(spanish)).containsExactly("Spanish Group");
    assertThat(spanish.hits().getFirst().reasons())
        .contains(DirectorySearchReason.of("eligible.language", "spa"));
  }

  @Test
  void openAtUsesTheWeeklySchedulesAndAServiceWithoutOneIsNotMatched() {
    ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    String today = now.getDayOfWeek().name().substring(0, 2);
    String tomorrow = now.getDayOfWeek().plus(1).name().substring(0, 2);
    fixtures.service("Open All Day Today").schedule(today, "00:00", "00:00").create();
    fixtures.service("Open Tomorrow").schedule(tomorrow, "09:00", "17:00").create();
    fixtures.service("No Schedule").create();

    assertThat(names(search.search(mine().openNow(true).build())))
        .containsExactly("Open All Day Today");
    assertThat(
            names(
                search.search(
                    mine()
                        .openAt(
                            new OpenAt(now.getDayOfWeek().plus(1), java.time.LocalTime.of(10, 30)))
                        .build())))
        .containsExactly("Open Tomorrow");
    DirectorySearchResult all = search.search(mine().build());
    assertThat(all.hits())
        .filteredOn(h -> h.serviceName().equals("No Schedule"))
        .singleElement()
        .satisfies(h -> assertThat(h.openNow()).isNull());
  }

  @Test
  void capacityCountsOnlyWhenFreshAndRanksServicesWithRoomFirst() {
    fixtures.service("Room Now").capacity(3, 0, clock.instant()).create();
    fixtures.service("Full").capacity(0, 12, clock.instant()).create();
    fixtures
        .service("Stale Room")
        .capacity(5, 0, clock.instant().minus(Duration.ofDays(8)))
        .create();
    fixtures.service("Never Reported").create();

    assertThat(names(search.search(mine().hasCapacity(true).build()))).containsExactly("Room Now");
    DirectorySearchResult all = search.search(mine().build());
    assertThat(names(all).getFirst()).isEqualTo("Room Now");
    assertThat(names(all).getLast()).isEqualTo("Full");
    DirectorySearchHit stale =
        all.hits().stream().filter(h -> h.serviceName().equals("Stale Room")).findFirst().get();
    assertThat(stale.capacity().stale()).isTrue();
    assertThat(stale.capacity().available()).isFalse();
  }

  @Test
  void costAndLanguageFiltersAndFacetsCountEachServiceOnce() {
    fixtures
        .service("Free Spanish")
        .cost(CostKind.FREE)
        .language("es")
        .domains(NeedDomain.FOOD)
        .location("A", 45.5, -122.6, "97201")
        .location("B", 45.6, -122.6, "97201")
        .capacity(2, 0, clock.instant())
        .create();
    fixtures.service("Sliding English").cost(CostKind.SLIDING_SCALE).language("en").create();
    fixtures.service("Paid").cost(CostKind.FIXED).domains(NeedDomain.FOOD).create();

    DirectorySearchResult result =
        search.search(
            mine()
                .costKinds(Set.of(CostKind.FREE, CostKind.SLIDING_SCALE))
                .withFacets(true)
                .build());
    assertThat(names(result)).containsExactlyInAnyOrder("Free Spanish", "Sliding English");
    assertThat(names(search.search(mine().languages(Set.of("spa")).build())))
        .containsExactly("Free Spanish");

    DirectorySearchFacets facets = search.search(mine().withFacets(true).build()).facets();
    assertThat(facets.needDomains())
        .containsExactly(new DirectorySearchFacets.Count<>(NeedDomain.FOOD, 2));
    assertThat(facets.costKinds()).hasSize(3);
    assertThat(facets.languages())
        .containsExactlyInAnyOrder(
            new DirectorySearchFacets.Count<>("es", 1), new DirectorySearchFacets.Count<>("en", 1));
    assertThat(facets.withCapacity()).isEqualTo(1);
    assertThat(facets.taxonomyTerms())
        .containsExactly(new DirectorySearchFacets.TermCount(fixtures.term, "Search test term", 3));
  }

  @Test
  void inactiveServicesAreNotFoundAndPagingIsStable() {
    fixtures.service("Closed Service").status("inactive").create();
    for (int i = 0; i < 5; i++) {
      fixtures.service("Paged " + i).create();
    }

    DirectorySearchResult first = search.search(mine().size(2).build());
    DirectorySearchResult third = search.search(mine().size(2).page(2).build());

    assertThat(first.totalHits()).isEqualTo(5);
    assertThat(names(first)).containsExactly("Paged 0", "Paged 1");
    assertThat(names(third)).containsExactly("Paged 4");
    assertThat(third.hasNext()).isFalse();
    assertThat(search.search(mine().size(2).page(9).build()).hits()).isEmpty();
  }

  @Test
  void changesReachTheProjectionInTheWritingTransaction() {
    SearchFixtures.Service service =
        fixtures
            .service("Renamed Later")
            .location("First site", 45.5, -122.6, "97201")
            .capacity(0, 3, clock.instant())
            .create();
    assertThat(search.search(mine().hasCapacity(true).build()).hits()).isEmpty();

    transactions.executeWithoutResult(
        tx -> {
          capacities.report(service.id, 4, 0, null, "test", clock.instant(), null);
          events.publishEvent(
              new org.bridgeway.directory.hsds.DirectoryRecordsChanged(Set.of(service.id)));
        });
    assertThat(names(search.search(mine().hasCapacity(true).build())))
        .containsExactly("Renamed Later");

    var location =
        service.written.stream()
            .filter(r -> r.id().equals(service.locationIds.getFirst()))
            .findFirst()
            .orElseThrow();
    var renamed = location.document().deepCopy();
    renamed.put("name", "Quixotic Annex");
    fixtures.write(
        List.of(
            new org.bridgeway.directory.hsds.HsdsRecord(location.type(), location.id(), renamed)));
    assertThat(names(search.search(mine().text("quixotic").build())))
        .containsExactly("Renamed Later");

    var sal =
        service.written.stream()
            .filter(r -> r.id().equals(service.serviceAtLocationIds.getFirst()))
            .findFirst()
            .orElseThrow();
    fixtures.delete(List.of(sal));
    DirectorySearchHit remote = search.search(mine().build()).hits().getFirst();
    assertThat(remote.remote()).isTrue();
    assertThat(search.search(mine().text("quixotic").build()).hits()).isEmpty();
  }
}
