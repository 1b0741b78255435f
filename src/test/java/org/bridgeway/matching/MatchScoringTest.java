package org.bridgeway.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.directory.AccessibilityFeature;
import org.bridgeway.directory.CostKind;
import org.bridgeway.directory.ServiceCandidate;
import org.bridgeway.directory.ServiceCandidate.Capacity;
import org.bridgeway.directory.ServiceCandidate.Place;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.matching.scoring.MatchScoring;
import org.bridgeway.matching.scoring.Outcome;
import org.bridgeway.matching.scoring.Seeker;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.supervision.NeedSeverity;
import org.junit.jupiter.api.Test;

/**
 * The scoring function alone: every factor moves the ranking the right way, every rule excludes.
 */
class MatchScoringTest {

  static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  static final Place HOME = new Place(45.5, -122.6);

  /** A place about the given miles north of home. */
  static Place milesAway(double miles) {
    return new Place(HOME.latitude() + miles / 69.05, HOME.longitude());
  }

  /** A service that addresses housing, near home, free, with open slots, and restricts no one. */
  static Service service() {
    return new Service();
  }

  static final class Service {
    UUID id = UUID.randomUUID();
    Set<NeedDomain> domains = Set.of(NeedDomain.HOUSING);
    Integer minimumAge;
    Integer maximumAge;
    Set<Gender> genders = Set.of();
    Set<SupervisionType> types = Set.of();
    Set<SupervisionLevel> levels = Set.of();
    Set<OffenseCategory> excluded = Set.of();
    Set<String> postcodes = Set.of();
    Set<String> languages = Set.of("en");
    Set<AccessibilityFeature> access = Set.of();
    CostKind cost = CostKind.FREE;
    Capacity capacity = new Capacity(3, 0, null, NOW.minus(Duration.ofDays(1)));
    List<Place> places = List.of(milesAway(2));

    Service id(String uuid) {
      id = UUID.fromString(uuid);
      return this;
    }

    Service domains(NeedDomain... values) {
      domains = Set.of(values);
      return this;
    }

    Service ages(Integer min, Integer max) {
      minimumAge = min;
      maximumAge = max;
      return this;
    }

    Service excluding(OffenseCategory... values) {
      excluded = Set.of(values);
      return this;
    }

    Service genders(Gender... values) {
      genders = Set.of(values);
      return this;
    }

    Service postcodes(String... values) {
      postcodes = Set.of(values);
      return this;
    }

    Service languages(String... values) {
      languages = Set.of(values);
      return this;
    }

    Service access(AccessibilityFeature... values) {
      access = Set.of(values);
      return this;
    }

    Service cost(CostKind value) {
      cost = value;
      return this;
    }

    Service capacity(Capacity value) {
      capacity = value;
      return this;
    }

    Service at(double miles) {
      places = List.of(milesAway(miles));
      return this;
    }

    Service remote() {
      places = List.of();
      return this;
    }

    ServiceCandidate build() {
      return new ServiceCandidate(
          new ServiceId(id),
          "Service " + id,
          "Organization",
          domains,
          minimumAge,
          maximumAge,
          genders,
          types,
          levels,
          excluded,
          Set.of(),
          postcodes,
          languages,
          access,
          cost,
          capacity,
          places,
          places.isEmpty());
    }
  }

  static Seeker person() {
    return person(Map.of(NeedDomain.HOUSING, NeedSeverity.HIGH), false, false);
  }

  static Seeker person(
      Map<NeedDomain, NeedSeverity> needs, boolean transportation, boolean disability) {
    return new Seeker(
        34,
        Gender.MALE,
        SupervisionType.PROBATION,
        SupervisionLevel.MODERATE,
        Set.of(OffenseCategory.DUI),
        "en",
        false,
        "97201",
        HOME,
        needs,
        null,
        transportation,
        disability);
  }

  static Seeker speaking(String language, boolean interpreter) {
    Seeker p = person();
    return new Seeker(
        p.age(),
        p.gender(),
        p.supervisionType(),
        p.supervisionLevel(),
        p.offenses(),
        language,
        interpreter,
        p.homeZip(),
        p.home(),
        p.needs(),
        null,
        false,
        false);
  }

  static List<UUID> ranking(Seeker seeker, MatchingWeights weights, Service... services) {
    return MatchScoring.rank(
            seeker, List.of(services).stream().map(Service::build).toList(), weights, NOW, 10)
        .best()
        .stream()
        .map(s -> s.service().id().value())
        .toList();
  }

  static List<UUID> ranking(Seeker seeker, Service... services) {
    return ranking(seeker, MatchingWeights.DEFAULTS, services);
  }

  static Outcome.Scored scored(Seeker seeker, Service service) {
    return (Outcome.Scored)
        MatchScoring.score(seeker, service.build(), MatchingWeights.DEFAULTS, NOW);
  }

  static List<Reason> exclusion(Seeker seeker, Service service) {
    Outcome outcome = MatchScoring.score(seeker, service.build(), MatchingWeights.DEFAULTS, NOW);
    assertThat(outcome).isInstanceOf(Outcome.Excluded.class);
    return ((Outcome.Excluded) outcome).reasons();
  }

  @Test
  void theHighestNeedComesFirst() {
    Seeker seeker =
        person(
            Map.of(
                NeedDomain.HOUSING,
                NeedSeverity.MODERATE,
                NeedDomain.SUBSTANCE_USE,
                NeedSeverity.HIGH),
            false,
            false);
    Service housing = service().domains(NeedDomain.HOUSING);
    Service treatment = service().domains(NeedDomain.SUBSTANCE_USE);
    assertThat(ranking(seeker, housing, treatment)).containsExactly(treatment.id, housing.id);
    assertThat(scored(seeker, treatment).reasons().getFirst())
        .isEqualTo(Reason.of("need.high", "SUBSTANCE_USE"));
    assertThat(scored(seeker, treatment).need()).isEqualTo(NeedDomain.SUBSTANCE_USE);
  }

  @Test
  void aServiceForSeveralOfTheNeedsRanksAboveOneForOne() {
    Seeker seeker =
        person(
            Map.of(
                NeedDomain.HOUSING,
                NeedSeverity.HIGH,
                NeedDomain.EDUCATION_EMPLOYMENT,
                NeedSeverity.MODERATE),
            false,
            false);
    Service one = service().domains(NeedDomain.HOUSING);
    Service both = service().domains(NeedDomain.HOUSING, NeedDomain.EDUCATION_EMPLOYMENT);
    assertThat(ranking(seeker, one, both)).containsExactly(both.id, one.id);
    assertThat(scored(seeker, both).reasons()).contains(Reason.of("need.also", "1"));
  }

  @Test
  void servicesForNoneOfTheNeedsAreNeitherRankedNorExcluded() {
    Service food = service().domains(NeedDomain.FOOD);
    assertThat(MatchScoring.score(person(), food.build(), MatchingWeights.DEFAULTS, NOW))
        .isInstanceOf(Outcome.Irrelevant.class);
    Seeker none = person(Map.of(NeedDomain.FOOD, NeedSeverity.NONE), false, false);
    assertThat(none.relevantDomains()).isEmpty();
  }

  @Test
  void aFocusLooksOnlyAtThatNeed() {
    Seeker seeker = person().focusedOn(NeedDomain.FOOD);
    Service food = service().domains(NeedDomain.FOOD);
    Service housing = service().domains(NeedDomain.HOUSING);
    assertThat(ranking(seeker, food, housing)).containsExactly(food.id);
    assertThat(scored(seeker, food).reasons()).contains(Reason.of("need.focus", "FOOD"));
  }

  @Test
  void nearerRanksHigherAndATransportationBarrierMakesDistanceCountMore() {
    Service near = service().at(3);
    Service far = service().at(12);
    assertThat(ranking(person(), far, near)).containsExactly(near.id, far.id);

    double plain = scored(person(), far).contributions().get(Factor.DISTANCE);
    Seeker burdened = person(Map.of(NeedDomain.HOUSING, NeedSeverity.HIGH), true, false);
    double withBarrier = scored(burdened, far).contributions().get(Factor.DISTANCE);
    assertThat(withBarrier).isLessThan(plain);
    assertThat(withBarrier).isZero();
  }

  @Test
  void withATransportationBarrierATransitServiceBeatsAnEquallyFarOne() {
    Seeker burdened = person(Map.of(NeedDomain.HOUSING, NeedSeverity.HIGH), true, false);
    Service plain = service().at(5).id("00000000-0000-0000-0000-000000000001");
    Service transit = service().at(5).access(AccessibilityFeature.NEAR_PUBLIC_TRANSIT);
    assertThat(ranking(burdened, plain, transit)).containsExactly(transit.id, plain.id);
    assertThat(scored(burdened, transit).reasons()).contains(Reason.of("distance.transit"));
  }

  @Test
  void openSlotsBeatAWaitlistAndStaleCapacityCountsAsUnknown() {
    Service open = service();
    Service waitlist = service().capacity(new Capacity(0, 12, 30, NOW.minus(Duration.ofDays(2))));
    Service stale = service().capacity(new Capacity(9, 0, null, NOW.minus(Duration.ofDays(8))));
    assertThat(ranking(person(), waitlist, stale, open))
        .containsExactly(open.id, stale.id, waitlist.id);
    assertThat(scored(person(), stale).reasons()).contains(Reason.of("capacity.unknown"));
    assertThat(scored(person(), waitlist).reasons())
        .contains(Reason.of("capacity.waitlistDays", "12", "30"));
  }

  @Test
  void freeBeatsSlidingScaleBeatsFixedFee() {
    Service fixed = service().cost(CostKind.FIXED);
    Service sliding = service().cost(CostKind.SLIDING_SCALE);
    Service free = service().cost(CostKind.FREE);
    assertThat(ranking(person(), fixed, sliding, free))
        .containsExactly(free.id, sliding.id, fixed.id);
  }

  @Test
  void aServiceInThePersonsLanguageRanksFirst() {
    Seeker spanish = speaking("es", false);
    Service english = service().id("00000000-0000-0000-0000-000000000001");
    Service both = service().languages("en", "spa");
    assertThat(ranking(spanish, english, both)).containsExactly(both.id, english.id);
    assertThat(scored(spanish, both).reasons()).contains(Reason.of("language.offered", "es"));
    assertThat(scored(spanish, english).reasons()).contains(Reason.of("language.notOffered", "es"));
  }

  @Test
  void withADisabilityAnAccessibleServiceRanksFirst() {
    Seeker disabled = person(Map.of(NeedDomain.HOUSING, NeedSeverity.HIGH), false, true);
    Service plain = service().id("00000000-0000-0000-0000-000000000001");
    Service accessible = service().access(AccessibilityFeature.WHEELCHAIR_ACCESS);
    assertThat(ranking(disabled, plain, accessible)).containsExactly(accessible.id, plain.id);
  }

  @Test
  void weightsChangeTheOrder() {
    Service nearWithWaitlist =
        service().at(1).capacity(new Capacity(0, 20, 90, NOW.minus(Duration.ofDays(1))));
    Service farWithSlots = service().at(25);
    MatchingWeights distanceFirst = new MatchingWeights(1, 10, 1, 0, 0, 0);
    MatchingWeights capacityFirst = new MatchingWeights(1, 1, 10, 0, 0, 0);
    assertThat(ranking(person(), distanceFirst, nearWithWaitlist, farWithSlots))
        .containsExactly(nearWithWaitlist.id, farWithSlots.id);
    assertThat(ranking(person(), capacityFirst, nearWithWaitlist, farWithSlots))
        .containsExactly(farWithSlots.id, nearWithWaitlist.id);
  }

  @Test
  void contributionsAddUpToTheScoreAndCompletionIsNeutral() {
    Outcome.Scored s = scored(person(), service());
    double sum = s.contributions().values().stream().mapToDouble(Double::doubleValue).sum();
    assertThat(sum).isCloseTo(s.score(), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(s.score()).isBetween(0.0, 100.0);
    assertThat(s.contributions().get(Factor.COMPLETION))
        .isCloseTo(
            100.0 * 2 * 0.5 / MatchingWeights.DEFAULTS.total(),
            org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void equalScoresAreOrderedByServiceId() {
    Service b = service().id("00000000-0000-0000-0000-00000000000b");
    Service a = service().id("00000000-0000-0000-0000-00000000000a");
    assertThat(ranking(person(), b, a)).containsExactly(a.id, b.id);
  }

  @Test
  void anAgeBelowTheMinimumExcludesWithBothFigures() {
    assertThat(exclusion(person(), service().ages(40, null)))
        .containsExactly(Reason.of("excluded.ageBelow", "34", "40"));
    assertThat(exclusion(person(), service().ages(18, 30)))
        .containsExactly(Reason.of("excluded.ageAbove", "34", "30"));
  }

  @Test
  void anExcludedOffenseExcludes() {
    assertThat(exclusion(person(), service().excluding(OffenseCategory.DUI, OffenseCategory.ARSON)))
        .containsExactly(Reason.of("excluded.offense", "DUI"));
    assertThat(
            MatchScoring.score(
                person(),
                service().excluding(OffenseCategory.ARSON).build(),
                MatchingWeights.DEFAULTS,
                NOW))
        .isInstanceOf(Outcome.Scored.class);
  }

  @Test
  void everyFailedRuleIsNamed() {
    List<Reason> reasons =
        exclusion(
            person(), service().genders(Gender.FEMALE).postcodes("97301").ages(50, null).at(80));
    assertThat(reasons)
        .containsExactlyInAnyOrder(
            Reason.of("excluded.ageBelow", "34", "50"),
            Reason.of("excluded.gender", "MALE"),
            Reason.of("excluded.residence", "97201"),
            Reason.of("excluded.distance", "80.1", "50.0"));
  }

  @Test
  void aLanguageExcludesOnlyWhenThePersonNeedsAnInterpreter() {
    Service english = service();
    assertThat(exclusion(speaking("es", true), english))
        .containsExactly(Reason.of("excluded.language", "es"));
    assertThat(
            MatchScoring.score(
                speaking("es", false), english.build(), MatchingWeights.DEFAULTS, NOW))
        .isInstanceOf(Outcome.Scored.class);
  }

  @Test
  void unknownFactsExcludeNothing() {
    Seeker unknown =
        new Seeker(
            null,
            null,
            null,
            null,
            Set.of(),
            null,
            false,
            null,
            null,
            Map.of(NeedDomain.HOUSING, NeedSeverity.HIGH),
            null,
            false,
            false);
    Service strict = service().ages(18, 25).genders(Gender.FEMALE).postcodes("97301").at(400);
    Outcome.Scored s = scored(unknown, strict);
    assertThat(s.distanceMiles()).isNull();
    assertThat(s.reasons()).contains(Reason.of("distance.unknown"));
  }

  @Test
  void aRemoteServiceNeedsNoTravel() {
    Seeker burdened = person(Map.of(NeedDomain.HOUSING, NeedSeverity.HIGH), true, false);
    Service remote = service().remote();
    Service near = service().at(4);
    assertThat(ranking(burdened, near, remote)).containsExactly(remote.id, near.id);
  }

  @Test
  void weightsOutOfRangeOrAllZeroNameTheirField() {
    assertThat(new MatchingWeights(11, 5, 5, 5, 5, 5).violations())
        .extracting(v -> v.field() + ":" + v.code())
        .containsExactly("needFit:Range");
    assertThat(new MatchingWeights(0, 0, 0, 0, 0, 0).violations())
        .extracting(v -> v.field() + ":" + v.code())
        .containsExactly("needFit:AllZero");
    assertThat(new MatchingWeights(1, 0, -1, 0, 0, 0).violations())
        .extracting(v -> v.field() + ":" + v.code())
        .containsExactly("capacity:Range");
    assertThat(MatchingWeights.DEFAULTS.violations()).isEmpty();
  }
}
