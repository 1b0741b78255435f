package org.bridgeway.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.benchmark.BenchmarkReport;
import org.bridgeway.benchmark.Samples;
import org.bridgeway.directory.ServiceCandidate;
import org.bridgeway.directory.ServiceCandidates;
import org.bridgeway.directory.demo.DirectoryGenerator;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.matching.scoring.MatchScoring;
import org.bridgeway.matching.scoring.Seeker;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.demo.DemoProperties.Scale;
import org.bridgeway.supervision.MatchingFacts;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisionFacts;
import org.bridgeway.supervision.SupervisionNeeds;
import org.bridgeway.supervision.demo.SupervisionGenerator;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The recommendations target of PERFORMANCE.md (p99 <= 30 ms per person) at a scale profile ({@code
 * -Dbenchmark.scale=county}, the default, or {@code state}): the directory and supervision
 * generators fill the directory and an agency, then for a fixed sample of the agency's people with
 * an open case
 *
 * <ul>
 *   <li>the facade, {@link Recommendations#recommend} for the person's needs, top 10: the access
 *       check, the person's facts and needs (audited), the candidates the directory pre-selects by
 *       need domain, scoring and ranking;
 *   <li>the baseline: every active service's attributes loaded into memory once ({@link
 *       ServiceCandidates#all}), and for each person the same pure scoring function ({@link
 *       MatchScoring#rank}) over all of them;
 * </ul>
 *
 * and asserts that both give the same top 10 for every sampled person. Run with {@code ./mvnw
 * -Pbenchmark verify -Dit.test=RecommendationBenchmark}; not part of the suite and never fails on
 * time.
 */
@IntegrationTest
class RecommendationBenchmark {

  static final int PEOPLE = 300;
  static final int ROUNDS = 3;
  static final int TOP = 10;

  @Autowired DirectoryGenerator directory;
  @Autowired SupervisionGenerator supervision;
  @Autowired Recommendations recommendations;
  @Autowired ServiceCandidates candidates;
  @Autowired SupervisionFacts facts;
  @Autowired SupervisionNeeds needs;
  @Autowired TestUsers users;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Test
  void recommendationsAtTheScaleProfile() {
    Scale scale =
        "state".equalsIgnoreCase(System.getProperty("benchmark.scale"))
            ? Scale.STATE
            : Scale.COUNTY;
    DemoData demo = new DemoData(Path.of("target", "benchmark"));
    directory.generate(demo, scale);
    OrganizationId agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    supervision.generate(demo, scale, agency);
    jdbc.sql("ANALYZE").update();
    BridgewayPrincipal admin = SupervisionFixtures.administratorOf(agency);

    List<PersonId> sample =
        jdbc.sql(
                """
                SELECT DISTINCT c.person_id, md5(c.person_id::text) FROM supervision_case c
                WHERE c.organization_id = :agency AND c.status = 'OPEN'
                ORDER BY md5(c.person_id::text) LIMIT :n
                """)
            .param("agency", agency.value())
            .param("n", PEOPLE)
            .query((rs, row) -> new PersonId(rs.getObject(1, UUID.class)))
            .list();

    Samples loadAll = new Samples();
    List<ServiceCandidate> all = loadAll.time(candidates::all);
    MatchingWeights weights = MatchingWeights.DEFAULTS;
    Instant now = clock.instant();
    List<Seeker> seekers = new ArrayList<>();
    for (PersonId person : sample) {
      MatchingFacts known = facts.matchingFacts(admin, person);
      seekers.add(
          Seeker.of(
              known,
              needs.latestForSystem(person),
              candidates.centerOf(known.homeZip()).orElse(null),
              null));
    }

    Samples facade = new Samples();
    Samples baseline = new Samples();
    long considered = 0;
    long withResults = 0;
    int compared = 0;
    for (int round = 0; round <= ROUNDS; round++) {
      for (int i = 0; i < sample.size(); i++) {
        PersonId person = sample.get(i);
        Seeker seeker = seekers.get(i);
        RecommendationRequest request = new RecommendationRequest(null, null, TOP, false);
        RecommendationList viaFacade;
        MatchScoring.Ranking exhaustive;
        if (round == 0) {
          viaFacade = recommendations.recommend(admin, person, request);
          exhaustive = MatchScoring.rank(seeker, all, weights, now, TOP);
        } else {
          viaFacade = facade.time(() -> recommendations.recommend(admin, person, request));
          exhaustive = baseline.time(() -> MatchScoring.rank(seeker, all, weights, now, TOP));
        }
        if (round == 1) {
          List<UUID> expected =
              exhaustive.best().stream().map(s -> s.service().id().value()).toList();
          List<UUID> actual =
              viaFacade.recommendations().stream().map(r -> r.service().value()).toList();
          assertThat(actual).as("top %d for person %s", TOP, person).isEqualTo(expected);
          compared++;
          considered += viaFacade.considered();
          withResults += actual.isEmpty() ? 0 : 1;
        }
      }
    }

    BenchmarkReport report =
        new BenchmarkReport(
            "Recommendations at the " + scale.name().toLowerCase(Locale.ROOT) + " profile");
    report.row("operation", "samples", "p50", "p99", "ratio p50 to baseline");
    report.row(
        "facade: recommend(person, needs), top " + TOP,
        Integer.toString(facade.count()),
        BenchmarkReport.millis(facade.medianMillis()),
        BenchmarkReport.millis(facade.p99Millis()),
        BenchmarkReport.ratio(facade.medianMillis() / baseline.medianMillis()));
    report.row(
        "baseline: score every service in memory",
        Integer.toString(baseline.count()),
        BenchmarkReport.millis(baseline.medianMillis()),
        BenchmarkReport.millis(baseline.p99Millis()),
        "1.00x");
    report.row(
        "baseline: load every service once",
        "1",
        BenchmarkReport.millis(loadAll.medianMillis()),
        BenchmarkReport.millis(loadAll.p99Millis()),
        "");
    report.note(
        "Active services: "
            + all.size()
            + "; people sampled: "
            + sample.size()
            + " ("
            + withResults
            + " with recommendations); services considered per person (serving a need): "
            + BenchmarkReport.number(compared == 0 ? 0 : (double) considered / compared));
    report.note(
        "Same top "
            + TOP
            + " from the facade and the exhaustive baseline for all "
            + compared
            + " people sampled.");
    report.note(
        "The facade includes the access check, the person's facts and needs and one audit"
            + " entry per call; the baseline only scores.");
    report.print();
    assertThat(Map.of("compared", compared)).containsEntry("compared", sample.size());
  }
}
