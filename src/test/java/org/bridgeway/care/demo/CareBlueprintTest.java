package org.bridgeway.care.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CareBlueprintTest {

  static final LocalDate TODAY = LocalDate.of(2027, 3, 1);
  static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

  private static CareBlueprint blueprint(long seed) {
    List<CareBlueprint.Person> people = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      people.add(new CareBlueprint.Person(new UUID(7, i), "Person " + i, LocalDate.of(1980, 1, 1)));
    }
    return new CareBlueprint(
        seed,
        new UUID(9, 9),
        people,
        List.of(
            new CareBlueprint.Provider(
                new UUID(8, 1), "PART_2", List.of(new UUID(9, 1), new UUID(9, 2))),
            new CareBlueprint.Provider(new UUID(8, 2), "HEALTH", List.of())),
        TODAY,
        NOW);
  }

  private static CareBlueprint.Tables generate(long seed, int episodes) {
    CareBlueprint blueprint = blueprint(seed);
    CareBlueprint.Tables tables = new CareBlueprint.Tables();
    for (int n = 0; n < episodes; n++) {
      blueprint.episode(n, tables);
    }
    return tables;
  }

  /** The share of rows of a table by the value of one column. */
  private static Map<String, Double> shares(CopyRows table, int column) {
    List<String> values =
        Arrays.stream(table.text().split("\n")).map(line -> line.split("\t")[column]).toList();
    return values.stream()
        .collect(
            Collectors.groupingBy(
                Function.identity(),
                Collectors.collectingAndThen(
                    Collectors.counting(), n -> n / (double) values.size())));
  }

  @Test
  void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() {
    CareBlueprint.Tables first = generate(42, 200);
    CareBlueprint.Tables again = generate(42, 200);
    CareBlueprint.Tables other = generate(43, 200);
    for (int i = 0; i < first.all().size(); i++) {
      assertThat(again.all().get(i).text()).isEqualTo(first.all().get(i).text());
    }
    assertThat(other.attendance.text()).isNotEqualTo(first.attendance.text());
  }

  @Test
  void attendanceAndTestsFollowRealisticRates() {
    CareBlueprint.Tables tables = generate(7, 2_000);
    Map<String, Double> outcomes = shares(tables.attendance, 1);
    double noShows =
        outcomes.getOrDefault("NO_SHOW_UNEXCUSED", 0.0)
            + outcomes.getOrDefault("NO_SHOW_EXCUSED", 0.0);
    assertThat(noShows).as("no-shows of all sessions").isBetween(0.08, 0.30);
    assertThat(outcomes.get("ATTENDED")).isGreaterThan(0.6);
    assertThat(outcomes.get("CANCELLED_BY_PROVIDER")).isBetween(0.005, 0.04);

    Map<String, Double> results = shares(tables.drugTest, 10);
    assertThat(results.get("POSITIVE")).as("positive tests").isBetween(0.08, 0.25);
    assertThat(results.get("NEGATIVE")).isGreaterThan(0.5);
    assertThat(results).containsKeys("MISSED", "REFUSED", "DILUTE");

    Map<String, Double> ends = shares(tables.episode, 9);
    assertThat(ends).containsKeys("COMPLETED", "NON_ATTENDANCE", "LEFT_AGAINST_ADVICE", "\\N");
    assertThat(ends.get("NON_ATTENDANCE")).as("dropouts").isBetween(0.03, 0.35);
    assertThat(tables.discharge.count())
        .isEqualTo(tables.episode.count() - Math.round(ends.get("\\N") * tables.episode.count()));
  }

  @Test
  void noShowsComeInStreaks() {
    CareBlueprint.Tables tables = generate(11, 2_000);
    List<String> outcomes =
        Arrays.stream(tables.attendance.text().split("\n")).map(l -> l.split("\t")[1]).toList();
    int missed = 0;
    int missedAfterMissed = 0;
    int afterMissed = 0;
    for (int i = 1; i < outcomes.size(); i++) {
      boolean now = outcomes.get(i).startsWith("NO_SHOW");
      boolean before = outcomes.get(i - 1).startsWith("NO_SHOW");
      missed += now ? 1 : 0;
      if (before) {
        afterMissed++;
        missedAfterMissed += now ? 1 : 0;
      }
    }
    double overall = missed / (double) outcomes.size();
    double afterAMiss = missedAfterMissed / (double) afterMissed;
    assertThat(afterAMiss).as("a no-show after a no-show").isGreaterThan(overall * 1.5);
  }
}
