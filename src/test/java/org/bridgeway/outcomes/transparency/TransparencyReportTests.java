package org.bridgeway.outcomes.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.outcomes.measure.SpellFacts;
import org.bridgeway.outcomes.transparency.TransparencyReport.Report;
import org.bridgeway.outcomes.transparency.TransparencyReport.Row;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.OutcomeFixtures;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The public report: open without signing in, aggregates only, a small group's count never shown
 * and never recoverable from the totals, the CSV suppressed alike.
 */
@IntegrationTest
@AutoConfigureMockMvc
class TransparencyReportTests {

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired JdbcClient jdbc;
  @Autowired SpellFacts facts;
  @Autowired TransparencyReport reports;

  OrganizationId agency;

  /**
   * 7 Asian, 20 Black and 30 White people, all starting supervision four years ago; every third
   * person of a group is rearrested 100 days after the start. Seven is the small group.
   */
  @BeforeEach
  void setUp() {
    agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    OutcomeFixtures f = new OutcomeFixtures(jdbc);
    LocalDate start = LocalDate.now().minusYears(4).withDayOfMonth(1);
    for (Map.Entry<String, Integer> group :
        Map.of("ASIAN", 7, "BLACK_OR_AFRICAN_AMERICAN", 20, "WHITE", 30).entrySet()) {
      for (int i = 0; i < group.getValue(); i++) {
        var person =
            f.person(agency.value(), "MALE", group.getKey(), null, LocalDate.of(1985, 5, 5));
        f.spell(person, "SUPERVISION_START", start.plusDays(i), null, null, "LOW", null);
        if (i % 3 == 0) {
          f.event(person, "ARREST", start.plusDays(i + 100), "PROPERTY");
        }
      }
    }
    facts.refreshAgency(agency.value());
  }

  @Test
  void aSmallGroupsCountIsSuppressedWithAComplementSoTotalsDoNotRevealIt() {
    Report report = reports.report(agency.value().toString(), "RACE", null);
    assertThat(report.rows())
        .extracting(Row::key)
        .containsExactly("ASIAN", "BLACK_OR_AFRICAN_AMERICAN", "WHITE");
    Row asian = report.rows().get(0);
    // 7 people: suppressed, and its value is not in the report at all
    assertThat(asian.people().suppressed()).isTrue();
    assertThat(asian.people().value()).isEqualTo(-1);
    // the total (57) is published, so one more group must be hidden: the smaller, 20
    assertThat(report.total().people().value()).isEqualTo(57);
    assertThat(report.rows().get(1).people().suppressed()).isTrue();
    assertThat(report.rows().get(2).people().value()).isEqualTo(30);
    // in every published column, a suppressed count has a suppressed partner (none is alone), so
    // column total minus the published counts never isolates it
    for (int m = 0; m < report.measures().size(); m++) {
      int measure = m;
      List<Boolean> hidden =
          report.rows().stream().map(r -> r.rates().get(measure).count().suppressed()).toList();
      long hiddenCount = hidden.stream().filter(h -> h).count();
      boolean totalHidden = report.total().rates().get(measure).count().suppressed();
      assertThat(hiddenCount + (totalHidden ? 1 : 0)).isNotEqualTo(1);
      // the small group's rate is never shown (3 of 7 rearrested within a year)
      assertThat(asian.rates().get(measure).rate()).isNull();
    }
  }

  @Test
  void thePublicPageNeedsNoSignInAndNeverShowsTheSmallCount() throws Exception {
    MvcResult result =
        mvc.perform(get("/transparency?by=RACE&agency=" + agency.value())).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    assertThat(result.getResponse().getHeader("Cache-Control"))
        .contains("public")
        .contains("max-age=300");
    String page = result.getResponse().getContentAsString();
    String asianRow =
        page.substring(page.indexOf(">Asian<"), page.indexOf("</tr>", page.indexOf(">Asian<")));
    assertThat(asianRow).contains("suppressed").doesNotContain(">7<").doesNotContain("of 7)");
    assertThat(page).contains(">57<").contains(">30<").contains("Methodology");

    String csv =
        mvc.perform(get("/transparency.csv?by=RACE&agency=" + agency.value()))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String asianLine = csv.lines().filter(l -> l.startsWith("Asian")).findFirst().orElseThrow();
    assertThat(asianLine).startsWith("Asian,suppressed,").doesNotContain(",7,");
    assertThat(csv.lines().filter(l -> l.startsWith("All people")).findFirst().orElseThrow())
        .startsWith("All people,57,");
  }

  @Test
  void anUnknownAgencyOrDimensionIsNamed() throws Exception {
    MvcResult agencyResult = mvc.perform(get("/transparency?agency=not-a-uuid")).andReturn();
    assertThat(agencyResult.getResponse().getStatus()).isEqualTo(400);
    assertThat(agencyResult.getResponse().getContentAsString()).contains("href=\"#agency\"");
    MvcResult by = mvc.perform(get("/transparency.csv?by=SHOE_SIZE")).andReturn();
    assertThat(by.getResponse().getStatus()).isEqualTo(400);
    // an organization that is not a probation agency is not offered
    OrganizationId funder = users.organization(OrganizationKind.FUNDER);
    assertThat(
            mvc.perform(get("/transparency?agency=" + funder.value()))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(400);
  }
}
