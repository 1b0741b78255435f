package org.bridgeway.supervision.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.ContactId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.caseload.CaseRecords;
import org.bridgeway.supervision.caseload.ConditionKind;
import org.bridgeway.supervision.caseload.Offense;
import org.bridgeway.supervision.caseload.OpenCase;
import org.bridgeway.supervision.caseload.Teams;
import org.bridgeway.supervision.contact.ContactOutcome;
import org.bridgeway.supervision.contact.ContactRecords;
import org.bridgeway.supervision.person.Person;
import org.bridgeway.supervision.person.PersonRecords;
import org.bridgeway.supervision.violation.ViolationKind;
import org.bridgeway.supervision.violation.ViolationRecords;
import org.bridgeway.supervision.violation.ViolationSeverity;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.SupervisionFixtures.Supervised;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.BindingResult;

/**
 * The officer's workspace pages on the embedded database, as signed-in staff: whose caseload shows
 * what, the supervisor's team, the person page (404 outside the caller's access, audited inside),
 * sorting, filtering and search, and the forms' answers to bad input, likely duplicates and stale
 * edits.
 */
@IntegrationTest
@AutoConfigureMockMvc
class WorkspacePagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures fixtures;
  @Autowired PersonRecords people;
  @Autowired CaseRecords cases;
  @Autowired Teams teams;
  @Autowired ViolationRecords violations;
  @Autowired ContactRecords contacts;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  OrganizationId agency;
  BridgewayPrincipal admin;
  BridgewayPrincipal officer;
  BridgewayPrincipal colleague;
  BridgewayPrincipal supervisor;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    admin =
        user(
            testUsers.withoutSecondFactor(agency, Role.ORGANIZATION_ADMIN).id(),
            Role.ORGANIZATION_ADMIN);
    officer = user(fixtures.officer(agency), Role.OFFICER);
    colleague = user(fixtures.officer(agency), Role.OFFICER);
    supervisor = user(testUsers.withoutSecondFactor(agency, Role.SUPERVISOR).id(), Role.SUPERVISOR);
  }

  @Test
  void theCaseloadShowsOnlyTheOfficersPeopleAndTheAdministratorTheWholeAgency() throws Exception {
    Supervised mine = fixtures.supervised(agency, officerId(officer));
    Supervised alsoMine = fixtures.supervised(agency, officerId(officer));
    Supervised theirs = fixtures.supervised(agency, officerId(colleague));

    assertThat(personIds(caseload(officer, "")))
        .containsExactlyInAnyOrder(mine.person(), alsoMine.person());
    assertThat(personIds(caseload(colleague, ""))).containsExactly(theirs.person());
    assertThat(personIds(caseload(admin, "")))
        .contains(mine.person(), alsoMine.person(), theirs.person());
    // An officer cannot look at a colleague's caseload by its id: it answers like a missing one.
    page(get("/supervision/caseload?officer=" + colleague.userId()), officer, 404);
    page(get("/supervision/caseload?officer=" + UUID.randomUUID()), admin, 404);
    assertThat(personIds(caseload(admin, "officer=" + colleague.userId())))
        .containsExactly(theirs.person());
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_entry WHERE action = 'supervision.caseload.read'"
                        + " AND actor_user_id = ?")
                .param(officer.userId())
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void theSupervisorSeesTheTeamsWorkloadAndEachCaseload() throws Exception {
    Supervised mine = fixtures.supervised(agency, officerId(officer));
    fixtures.supervised(agency, officerId(officer));
    fixtures.supervised(agency, officerId(colleague));
    teams.assign(
        SupervisionFixtures.administratorOf(agency), officerId(officer), officerId(supervisor));

    MvcResult team = page(get("/supervision/team"), supervisor, 200);
    @SuppressWarnings("unchecked")
    List<OfficerWorkload> workloads =
        (List<OfficerWorkload>) team.getModelAndView().getModel().get("workloads");
    assertThat(workloads)
        .extracting(OfficerWorkload::officer, OfficerWorkload::openCases)
        .contains(org.assertj.core.groups.Tuple.tuple(officer.userId(), 2))
        .extracting(t -> t.toArray()[0])
        .doesNotContain(colleague.userId());
    assertThat(team.getResponse().getContentAsString())
        .contains("/supervision/caseload?officer=" + officer.userId());

    assertThat(personIds(caseload(supervisor, "officer=" + officer.userId())))
        .contains(mine.person())
        .hasSize(2);
    page(get("/supervision/caseload?officer=" + colleague.userId()), supervisor, 404);
    page(get("/supervision/team"), officer, 403);
    MvcResult agencyTeam = page(get("/supervision/team"), admin, 200);
    @SuppressWarnings("unchecked")
    List<OfficerWorkload> everyone =
        (List<OfficerWorkload>) agencyTeam.getModelAndView().getModel().get("workloads");
    assertThat(everyone)
        .extracting(OfficerWorkload::officer)
        .contains(officer.userId(), colleague.userId(), supervisor.userId());
  }

  @Test
  void sortingFilteringAndSearchWork() throws Exception {
    LocalDate today = LocalDate.now(clock);
    PersonId adams = openCase("Adams", SupervisionLevel.HIGH, today.plusDays(30));
    PersonId baker = openCase("Baker", SupervisionLevel.LOW, today.plusYears(1));
    PersonId clark = openCase("Clark", SupervisionLevel.INTENSIVE, today.plusDays(200));

    assertThat(personIds(caseload(officer, "sort=NAME-asc")))
        .containsExactly(adams.value(), baker.value(), clark.value());
    assertThat(personIds(caseload(officer, "sort=NAME-desc")))
        .containsExactly(clark.value(), baker.value(), adams.value());
    assertThat(personIds(caseload(officer, "sort=LEVEL-desc")))
        .containsExactly(clark.value(), adams.value(), baker.value());
    assertThat(personIds(caseload(officer, "sort=END-asc")))
        .containsExactly(adams.value(), clark.value(), baker.value());
    assertThat(personIds(caseload(officer, "level=LOW"))).containsExactly(baker.value());
    assertThat(personIds(caseload(officer, "ending=true"))).containsExactly(adams.value());
    assertThat(personIds(caseload(officer, "q=clar"))).containsExactly(clark.value());
    String agencyId = people.visible(admin, baker).details().identifiers().getFirst().value();
    assertThat(personIds(caseload(officer, "q=" + agencyId.toLowerCase())))
        .containsExactly(baker.value());
    // Sorting by a column other parts fill in still answers every line, by name within a value.
    assertThat(personIds(caseload(officer, "sort=RISK-asc")))
        .containsExactly(adams.value(), baker.value(), clark.value());
    assertThat(personIds(caseload(officer, "overdue=true&sort=NOSUCH&level=NOSUCH"))).isEmpty();

    String html =
        page(get("/supervision/caseload?sort=NAME-asc"), officer, 200)
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("aria-sort=\"ascending\"")
        .contains("value=\"NAME-desc\"")
        .contains("<caption>")
        .contains("scope=\"col\"")
        .contains("Ending soon");
  }

  @Test
  void anotherAgencysPersonPageAnswersLikeAMissingOne() throws Exception {
    OrganizationId otherAgency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    Supervised theirs = fixtures.supervised(otherAgency);
    Supervised colleagues = fixtures.supervised(agency, officerId(colleague));
    for (BridgewayPrincipal caller : List.of(admin, officer)) {
      page(get("/supervision/people/" + theirs.person()), caller, 404);
      page(get("/supervision/people/" + UUID.randomUUID()), caller, 404);
      page(get("/supervision/people/" + theirs.person() + "/edit"), caller, 404);
      page(get("/supervision/cases/" + theirs.supervisionCase() + "/close"), caller, 404);
      page(
          post("/supervision/cases/" + theirs.supervisionCase() + "/conditions")
              .param("kind", "OTHER")
              .param("description", "Should not be set"),
          caller,
          404);
    }
    page(get("/supervision/people/" + colleagues.person()), officer, 404);
    assertThat(
            jdbc.sql("SELECT count(*) FROM supervision_condition WHERE case_id = ?")
                .param(theirs.supervisionCase())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void thePersonPageIsAuditedAndShowsTheTimeline() throws Exception {
    Supervised mine = fixtures.supervised(agency, officerId(officer));
    MvcResult result = page(get("/supervision/people/" + mine.person()), officer, 200);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_entry WHERE person_id = ? AND action ="
                        + " 'supervision.person.read' AND outcome = 'SUCCESS' AND actor_user_id = ?")
                .params(mine.person(), officer.userId())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    String html = result.getResponse().getContentAsString();
    assertThat(html)
        .contains("Probation case opened at level Moderate")
        .contains("Condition set: Drug testing")
        .contains("/supervision/cases/" + mine.supervisionCase() + "/plan")
        .contains("/supervision/people/" + mine.person() + "/assessments")
        .contains("/supervision/cases/" + mine.supervisionCase() + "/contacts")
        .contains("/supervision/cases/" + mine.supervisionCase() + "/violations");

    String conditions =
        page(get("/supervision/people/" + mine.person() + "?kind=condition"), officer, 200)
            .getResponse()
            .getContentAsString();
    assertThat(conditions)
        .contains("Condition set: Drug testing")
        .doesNotContain("case opened at level");
  }

  @Test
  void theEnterAPersonFormNamesBadInputAndWritesNothing() throws Exception {
    String given = "Formtest" + Long.toHexString(UUID.randomUUID().getMostSignificantBits());
    MvcResult result =
        page(
            post("/supervision/people")
                .param("givenName", given)
                .param("familyName", "")
                .param("dateOfBirth", "31/02/1990")
                .param("postalCode", "ABC")
                .param("line1", "1 Main Street")
                .param("contactMethod", "TEXT"),
            officer,
            400);
    BindingResult errors = bindingResult(result, "personForm");
    assertThat(errors.getFieldErrors())
        .extracting(e -> e.getField())
        .contains("familyName", "dateOfBirth", "postalCode", "city", "state", "addressFrom");
    String html = result.getResponse().getContentAsString();
    assertThat(html)
        .contains("id=\"error-summary\"")
        .contains("Family name is required")
        .contains("href=\"#familyName\"")
        .contains("Date of birth must be a date such as 2026-03-31");

    // A rule the service checks (text needs a phone) is named on its field too.
    MvcResult ruled =
        page(
            post("/supervision/people")
                .param("givenName", given)
                .param("familyName", "Person")
                .param("dateOfBirth", "1990-02-03")
                .param("contactMethod", "TEXT"),
            officer,
            400);
    assertThat(bindingResult(ruled, "personForm").getFieldErrors())
        .extracting(e -> e.getField())
        .containsExactly("phone");
    assertThat(
            jdbc.sql("SELECT count(*) FROM supervision_person WHERE given_name = ?")
                .param(given)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aLikelyDuplicateIsShownAndTheOfficerMayEnterThePersonAnyway() throws Exception {
    String family = "Dupe" + Long.toHexString(UUID.randomUUID().getMostSignificantBits());
    MvcResult first = page(personForm("Marisol", family), officer, 302);
    String location = first.getResponse().getRedirectedUrl();
    assertThat(location).startsWith("/supervision/people/");

    MvcResult again = page(personForm("Marisol", family), officer, 409);
    String html = again.getResponse().getContentAsString();
    assertThat(html)
        .contains("This may be someone the agency already has")
        .contains("href=\"" + location + "\"")
        .contains("name=\"createAnyway\"");
    assertThat(countFamily(family)).isEqualTo(1);

    page(personForm("Marisol", family).param("createAnyway", "true"), officer, 302);
    assertThat(countFamily(family)).isEqualTo(2);
  }

  @Test
  void aStaleEditSaysSoAndChangesNothing() throws Exception {
    page(personForm("Stale", "Editor"), officer, 302);
    PersonId id =
        new PersonId(
            jdbc.sql(
                    "SELECT id FROM supervision_person WHERE created_by = ? ORDER BY created_at"
                        + " DESC LIMIT 1")
                .param(officer.userId())
                .query(UUID.class)
                .single());
    Person before = people.visible(officer, id);
    // A colleague saves first.
    people.revise(admin, id, before.details(), before.version());

    MvcResult stale =
        page(
            personForm("/supervision/people/" + id + "/edit", "Stale", "Edited")
                .param("version", Long.toString(before.version())),
            officer,
            409);
    assertThat(stale.getResponse().getContentAsString())
        .contains("Someone changed this record since you opened it");
    assertThat(people.visible(officer, id).name().family()).isEqualTo("Editor");

    Person current = people.visible(officer, id);
    MvcResult saved =
        page(
            personForm("/supervision/people/" + id + "/edit", "Stale", "Edited")
                .param("version", Long.toString(current.version())),
            officer,
            302);
    assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/supervision/people/" + id);
    assertThat(people.visible(officer, id).name().family()).isEqualTo("Edited");
  }

  @Test
  void theCaseFormsOpenCloseAndRecordConditionsAndNameBadInput() throws Exception {
    page(personForm("Casey", "Forms" + UUID.randomUUID().toString().substring(0, 6)), officer, 302);
    UUID person =
        jdbc.sql(
                "SELECT id FROM supervision_person WHERE created_by = ? ORDER BY created_at DESC LIMIT 1")
            .param(officer.userId())
            .query(UUID.class)
            .single();
    LocalDate today = LocalDate.now(clock);
    MvcResult bad =
        page(
            post("/supervision/people/" + person + "/cases")
                .param("supervisionType", "PROBATION")
                .param("court", "Superior Court")
                .param("docketNumber", "CR-1")
                .param("startDate", today.toString())
                .param("expectedEndDate", today.minusDays(1).toString())
                .param("level", "HIGH")
                .param("officerId", officer.userId().toString()),
            officer,
            400);
    assertThat(bindingResult(bad, "openCaseForm").getFieldErrors())
        .extracting(e -> e.getField())
        .containsExactly("expectedEndDate");
    page(
        post("/supervision/people/" + person + "/cases")
            .param("supervisionType", "PROBATION")
            .param("court", "Superior Court")
            .param("docketNumber", "CR-1")
            .param("startDate", today.minusDays(10).toString())
            .param("expectedEndDate", today.plusYears(1).toString())
            .param("level", "HIGH")
            .param("officerId", officer.userId().toString())
            .param("offenseCategory", "PROPERTY")
            .param("offenseDescription", "Theft"),
        officer,
        302);
    UUID caseId =
        jdbc.sql("SELECT id FROM supervision_case WHERE person_id = ?")
            .param(person)
            .query(UUID.class)
            .single();

    page(
        post("/supervision/cases/" + caseId + "/conditions")
            .param("kind", "CURFEW")
            .param("description", "Home by 22:00"),
        officer,
        302);
    UUID condition =
        jdbc.sql("SELECT id FROM supervision_condition WHERE case_id = ?")
            .param(caseId)
            .query(UUID.class)
            .single();
    page(
        post("/supervision/cases/" + caseId + "/conditions/" + condition)
            .param("kind", "CURFEW")
            .param("description", "Home by 22:00")
            .param("status", "OUT_OF_COMPLIANCE")
            .param("notedOn", today.toString())
            .param("noteText", "Out past curfew twice.")
            .param("version", "0"),
        officer,
        302);
    String html =
        page(get("/supervision/people/" + person), officer, 200).getResponse().getContentAsString();
    assertThat(html)
        .contains("Out past curfew twice.")
        .contains("status recorded as Out of compliance");

    MvcResult future =
        page(
            post("/supervision/cases/" + caseId + "/close")
                .param("reason", "SUCCESSFUL_COMPLETION")
                .param("closedOn", today.plusDays(3).toString())
                .param("version", "0"),
            officer,
            400);
    assertThat(bindingResult(future, "closeForm").getFieldErrors())
        .extracting(e -> e.getField())
        .containsExactly("closedOn");
    MvcResult stale =
        page(
            post("/supervision/cases/" + caseId + "/close")
                .param("reason", "SUCCESSFUL_COMPLETION")
                .param("closedOn", today.toString())
                .param("version", "7"),
            officer,
            409);
    assertThat(stale.getResponse().getContentAsString())
        .contains("Someone changed this record since you opened it");
    page(
        post("/supervision/cases/" + caseId + "/close")
            .param("reason", "SUCCESSFUL_COMPLETION")
            .param("closedOn", today.toString())
            .param("version", "0"),
        officer,
        302);
    assertThat(
            jdbc.sql("SELECT status FROM supervision_case WHERE id = ?")
                .param(caseId)
                .query(String.class)
                .single())
        .isEqualTo("CLOSED");
    page(get("/supervision/cases/" + caseId + "/transfer"), officer, 403);
  }

  @Test
  void assessmentsContactsAndViolationsFillTheColumnsTheTeamAndTheTimeline() throws Exception {
    SupervisionFixtures.Planned planned = fixtures.planned(agency);
    Supervised supervised = planned.supervised();
    LocalDate today = LocalDate.now(clock);
    violations.record(
        SupervisionFixtures.administratorOf(agency),
        new CaseId(supervised.supervisionCase()),
        new ViolationRecords.NewViolation(
            today, null, ViolationKind.TECHNICAL, ViolationSeverity.LOW, "Missed a visit", false));
    String family = people.visible(admin, new PersonId(supervised.person())).name().family();

    CaseloadLine line = caseload(admin, "q=" + family).lines().getFirst();
    assertThat(line.person().value()).isEqualTo(supervised.person());
    assertThat(line.flags().riskLevel()).isEqualTo("HIGH");
    assertThat(line.topNeeds()).containsExactly("HOUSING", "EDUCATION_EMPLOYMENT");
    assertThat(line.flags().nextContactDue()).isNotNull();
    assertThat(line.contactOverdue()).isTrue();
    assertThat(line.reassessmentOverdue()).isFalse();
    assertThat(line.alerts()).isEqualTo(1);
    assertThat(personIds(caseload(admin, "risk=HIGH&overdue=true&sort=RISK-desc")))
        .contains(supervised.person());
    assertThat(personIds(caseload(admin, "risk=LOW&q=" + family))).isEmpty();
    String html =
        page(get("/supervision/caseload?q=" + family), admin, 200)
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("Housing").contains(">High<").contains("Overdue");

    MvcResult team = page(get("/supervision/team"), admin, 200);
    @SuppressWarnings("unchecked")
    List<OfficerWorkload> workloads =
        (List<OfficerWorkload>) team.getModelAndView().getModel().get("workloads");
    assertThat(workloads)
        .filteredOn(w -> w.officer().equals(supervised.officer().value()))
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.openCases()).isEqualTo(1);
              assertThat(w.overdue()).isEqualTo(1);
              assertThat(w.highRisk()).isEqualTo(1);
            });

    SupervisionFixtures.Versioned scheduled = fixtures.scheduledContact(agency, supervised);
    contacts.record(
        SupervisionFixtures.administratorOf(agency),
        new CaseId(supervised.supervisionCase()),
        new ContactId(scheduled.id()),
        clock.instant(),
        ContactOutcome.COMPLETED,
        "Met at the office.",
        supervised.officer(),
        scheduled.version());
    assertThat(caseload(admin, "q=" + family).lines().getFirst().contactOverdue()).isFalse();

    String timeline =
        page(get("/supervision/people/" + supervised.person()), admin, 200)
            .getResponse()
            .getContentAsString();
    assertThat(timeline)
        .contains("Fixture screening assessment of " + supervised.startedOn() + ": risk High")
        .contains("Case plan created")
        .contains("Violation (Technical, Low severity) on " + today)
        .contains("Office visit: Completed")
        .contains("Met at the office.");
    String onlyContacts =
        page(get("/supervision/people/" + supervised.person() + "?kind=contact"), admin, 200)
            .getResponse()
            .getContentAsString();
    assertThat(onlyContacts)
        .contains("Office visit: Completed")
        .doesNotContain("Case plan created");
  }

  private PersonId openCase(String family, SupervisionLevel level, LocalDate end) {
    BridgewayPrincipal agencyAdmin = SupervisionFixtures.administratorOf(agency);
    Person person =
        people.enter(
            agencyAdmin,
            fixtures.details(
                "Sorted" + Long.toHexString(UUID.randomUUID().getMostSignificantBits()),
                family,
                LocalDate.of(1980, 5, 5)),
            true);
    var opened =
        cases.open(
            agencyAdmin,
            new OpenCase(
                person.id(),
                SupervisionType.PROBATION,
                "Court",
                "D-" + UUID.randomUUID().toString().substring(0, 6),
                LocalDate.now(clock).minusMonths(1),
                end,
                level,
                officerId(officer),
                List.of(new Offense(OffenseCategory.PROPERTY, "Theft"))));
    cases.addCondition(agencyAdmin, opened.id(), ConditionKind.OTHER, false, "Report monthly");
    return person.id();
  }

  private MockHttpServletRequestBuilder personForm(String given, String family) {
    return personForm("/supervision/people", given, family);
  }

  private MockHttpServletRequestBuilder personForm(String path, String given, String family) {
    return post(path)
        .param("givenName", given)
        .param("familyName", family)
        .param("dateOfBirth", "1991-07-14")
        .param("preferredLanguage", "es")
        .param("contactMethod", "NONE");
  }

  private long countFamily(String family) {
    return jdbc.sql("SELECT count(*) FROM supervision_person WHERE family_name = ?")
        .param(family)
        .query(Long.class)
        .single();
  }

  private CaseloadPage caseload(BridgewayPrincipal who, String query) throws Exception {
    MvcResult result = page(get("/supervision/caseload?" + query), who, 200);
    return (CaseloadPage) result.getModelAndView().getModel().get("caseload");
  }

  private static List<UUID> personIds(CaseloadPage page) {
    return page.lines().stream().map(line -> line.person().value()).toList();
  }

  private static BindingResult bindingResult(MvcResult result, String form) {
    return (BindingResult)
        result.getModelAndView().getModel().get(BindingResult.MODEL_KEY_PREFIX + form);
  }

  private MvcResult page(
      MockHttpServletRequestBuilder request, BridgewayPrincipal who, int expected)
      throws Exception {
    MvcResult result =
        mvc.perform(request.with(csrf()).with(authentication(Principals.authenticationOf(who))))
            .andReturn();
    assertThat(result.getResponse().getStatus())
        .as(result.getRequest().getRequestURI())
        .isEqualTo(expected);
    return result;
  }

  private static UserId officerId(BridgewayPrincipal principal) {
    return new UserId(principal.userId());
  }

  private BridgewayPrincipal user(UserId id, Role role) {
    return BridgewayPrincipal.user(
        id, agency, OrganizationKind.PROBATION_AGENCY, "Test agency", "Test " + role, Set.of(role));
  }
}
