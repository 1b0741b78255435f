package org.bridgeway.consent;

import static org.bridgeway.benchmark.BenchmarkReport.millis;
import static org.bridgeway.benchmark.BenchmarkReport.number;
import static org.bridgeway.benchmark.BenchmarkReport.ratio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.bridgeway.benchmark.BenchmarkReport;
import org.bridgeway.benchmark.Samples;
import org.bridgeway.consent.demo.ConsentGenerator;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.demo.DemoProperties.Scale;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.demo.SupervisionGenerationSummary;
import org.bridgeway.supervision.demo.SupervisionGenerator;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Consent decisions at the county profile ({@code -Dbenchmark.scale=state} for the state one): the
 * supervision generator fills an agency, the consent generator gives two in three of its people
 * directives from three Part 2 programs, then, for an officer's caseload of about 60 people,
 *
 * <ul>
 *   <li>{@link ConsentDecisions#decideAll} for the 60 rows of a caseload page (one question per
 *       person: attendance from a program, for monitoring), against the same directives read by one
 *       plain JDBC query (the baseline: what the engine cannot avoid);
 *   <li>{@link ConsentDecisions#decide} for one row at a time.
 * </ul>
 *
 * Run with {@code ./mvnw -Pbenchmark verify -Dit.test=ConsentDecisionBenchmark}; not part of the
 * suite and never fails on time.
 */
@IntegrationTest
class ConsentDecisionBenchmark {

  static final int ROUNDS = 200;

  @Autowired SupervisionGenerator supervision;
  @Autowired ConsentGenerator consents;
  @Autowired ConsentDecisions decisions;
  @Autowired TestUsers users;
  @Autowired JdbcClient jdbc;

  @Test
  void decisionsPerSecondAtTheScaleProfile() {
    Scale scale =
        "state".equalsIgnoreCase(System.getProperty("benchmark.scale"))
            ? Scale.STATE
            : Scale.COUNTY;
    OrganizationId agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    SupervisionGenerationSummary generated =
        supervision.generate(new DemoData(Path.of("target", "benchmark")), scale, agency);
    List<OrganizationId> programs =
        List.of(
            users.organization(OrganizationKind.TREATMENT_PROVIDER),
            users.organization(OrganizationKind.TREATMENT_PROVIDER),
            users.organization(OrganizationKind.TREATMENT_PROVIDER));
    int directives = consents.generate(agency, programs, 20_261_202L);
    jdbc.sql("ANALYZE").update();

    UUID officer =
        jdbc.sql(
                "SELECT officer_id FROM supervision_case WHERE organization_id = ? AND status ="
                    + " 'OPEN' GROUP BY officer_id ORDER BY abs(count(*) - 60), officer_id LIMIT 1")
            .param(agency.value())
            .query(UUID.class)
            .single();
    BridgewayPrincipal principal =
        BridgewayPrincipal.user(
            new UserId(officer),
            agency,
            OrganizationKind.PROBATION_AGENCY,
            "Benchmark agency",
            "Benchmark officer",
            Set.of(Role.OFFICER));
    List<PersonId> caseload =
        jdbc.sql(
                "SELECT DISTINCT person_id FROM supervision_case WHERE officer_id = ? AND status ="
                    + " 'OPEN' ORDER BY person_id LIMIT 60")
            .param(officer)
            .query((rs, n) -> new PersonId(rs.getObject(1, UUID.class)))
            .list();
    List<DisclosureRequest> rows = new ArrayList<>();
    for (int i = 0; i < caseload.size(); i++) {
      rows.add(
          new DisclosureRequest(
              caseload.get(i),
              programs.get(i % programs.size()),
              InformationCategory.ATTENDANCE,
              DisclosurePurpose.SUPERVISION_MONITORING,
              Sensitivity.PART_2));
    }
    String ids =
        caseload.stream()
            .map(p -> p.value().toString())
            .collect(java.util.stream.Collectors.joining(",", "{", "}"));

    Samples baseline = new Samples();
    Samples page = new Samples();
    Samples single = new Samples();
    int permitted = 0;
    for (int round = 0; round <= ROUNDS; round++) {
      boolean measured = round > 0;
      measure(
          measured ? baseline : null,
          () ->
              jdbc.sql("SELECT * FROM consent_directive WHERE person_id = ANY(CAST(? AS uuid[]))")
                  .param(ids)
                  .query()
                  .listOfRows()
                  .size());
      List<ConsentDecision> answers =
          measure(measured ? page : null, () -> decisions.decideAll(principal, rows));
      permitted = (int) answers.stream().filter(ConsentDecision::permitted).count();
      DisclosureRequest one = rows.get(round % rows.size());
      measure(measured ? single : null, () -> decisions.decide(principal, one));
    }

    // The page's answers must be the answers row by row: the batch reads (who the officer sees,
    // whose supervision ended) may not change a decision.
    List<ConsentDecision> rowByRow =
        rows.stream().map(r -> decisions.decide(principal, r)).toList();
    if (!rowByRow.equals(decisions.decideAll(principal, rows))) {
      throw new AssertionError("decideAll answers differently from decide row by row");
    }

    BenchmarkReport report =
        new BenchmarkReport("Consent decisions at the " + scale.name().toLowerCase() + " profile");
    report.row("What", "samples", "median", "p99", "ratio (median, p99)", "decisions/s (median)");
    report.row(
        "Directives of 60 people, one JDBC query (baseline)",
        Integer.toString(baseline.count()),
        millis(baseline.medianMillis()),
        millis(baseline.p99Millis()),
        "1.00x, 1.00x",
        "");
    report.row(
        "decideAll for a caseload page of " + rows.size() + " rows",
        Integer.toString(page.count()),
        millis(page.medianMillis()),
        millis(page.p99Millis()),
        ratio(page.medianMillis() / baseline.medianMillis())
            + ", "
            + ratio(page.p99Millis() / baseline.p99Millis()),
        number(rows.size() / page.medianMillis() * 1000));
    report.row(
        "decide for one row",
        Integer.toString(single.count()),
        millis(single.medianMillis()),
        millis(single.p99Millis()),
        ratio(single.medianMillis() / baseline.medianMillis())
            + ", "
            + ratio(single.p99Millis() / baseline.p99Millis()),
        number(1 / single.medianMillis() * 1000));
    report.note("generated: " + generated + "; consent directives: " + directives);
    report.note("rows permitted on the page: " + permitted + " of " + rows.size());
    report.print();
  }

  private static <T> T measure(Samples samples, Supplier<T> call) {
    return samples == null ? call.get() : samples.time(call);
  }
}
