package org.bridgeway;

import static org.bridgeway.AuthorizationMatrixTests.api;
import static org.bridgeway.AuthorizationMatrixTests.get;
import static org.bridgeway.AuthorizationMatrixTests.post;
import static org.bridgeway.SupervisionEndpoints.ADMINISTRATORS;
import static org.bridgeway.SupervisionEndpoints.STAFF;
import static org.bridgeway.SupervisionEndpoints.agencyRecord;
import static org.bridgeway.SupervisionEndpoints.record;

import java.util.UUID;
import org.bridgeway.AuthorizationMatrixTests.Scope;
import org.bridgeway.AuthorizationMatrixTests.Target;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.SupervisionFixtures.Planned;
import org.bridgeway.testing.SupervisionFixtures.Supervised;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorization matrix rows of needs assessments and case plans, API and pages. Instruments are
 * an agency's own (agency administrators change them, its staff read them); assessments and plans
 * are reached through a person's caseload, as people and cases are ({@link SupervisionEndpoints}).
 */
final class AssessmentEndpoints {

  private static final String API = "/api/v1/supervision";

  private AssessmentEndpoints() {}

  static void register() {
    api(
        HttpMethod.GET,
        API + "/instruments",
        STAFF,
        Scope.NETWORK,
        200,
        t -> get(API + "/instruments"));
    api(
        HttpMethod.POST,
        API + "/instruments",
        ADMINISTRATORS,
        Scope.NETWORK,
        201,
        t ->
            json(
                MockMvcRequestBuilders.post(API + "/instruments"),
                "{\"name\":\"Matrix screening\",\"definition\":" + definition() + "}"));
    agencyRecord(
        HttpMethod.GET,
        API + "/instruments/{id}",
        STAFF,
        200,
        t -> get(API + "/instruments/" + fixtures(t).instrument(t.organization())));
    agencyRecord(
        HttpMethod.PUT,
        API + "/instruments/{id}",
        ADMINISTRATORS,
        200,
        t ->
            json(
                MockMvcRequestBuilders.put(
                    API + "/instruments/" + fixtures(t).instrument(t.organization())),
                "{\"name\":\"Renamed\",\"definition\":" + definition() + ",\"version\":0}"));
    record(
        HttpMethod.POST,
        API + "/people/{id}/assessments",
        STAFF,
        201,
        t -> {
          Supervised s = supervised(t);
          UUID instrument = fixtures(t).instrument(t.organization());
          return json(
              MockMvcRequestBuilders.post(API + "/people/" + s.person() + "/assessments"),
              "{\"instrumentId\":\"%s\",\"assessedOn\":\"%s\",\"answers\":{\"h1\":1,\"h2\":0,\"e1\":2}}"
                  .formatted(instrument, s.startedOn()));
        });
    record(
        HttpMethod.POST,
        API + "/people/{id}/assessments/external",
        STAFF,
        201,
        t -> {
          Supervised s = supervised(t);
          return json(
              MockMvcRequestBuilders.post(API + "/people/" + s.person() + "/assessments/external"),
              ("{\"instrumentName\":\"County screening\",\"assessedOn\":\"%s\","
                      + "\"riskLevel\":\"HIGH\",\"domains\":[{\"domain\":\"HOUSING\","
                      + "\"severity\":\"HIGH\",\"score\":9}]}")
                  .formatted(s.startedOn()));
        });
    record(
        HttpMethod.GET,
        API + "/people/{id}/assessments",
        STAFF,
        200,
        t -> get(API + "/people/" + supervised(t).person() + "/assessments"));
    record(
        HttpMethod.POST,
        API + "/people/{id}/responsivity",
        STAFF,
        201,
        t -> {
          Supervised s = supervised(t);
          return json(
              MockMvcRequestBuilders.post(API + "/people/" + s.person() + "/responsivity"),
              "{\"recordedOn\":\"%s\",\"factors\":[{\"factor\":\"TRANSPORTATION\",\"level\":\"SOME\"}]}"
                  .formatted(s.startedOn()));
        });
    record(
        HttpMethod.GET,
        API + "/people/{id}/needs",
        STAFF,
        200,
        t -> get(API + "/people/" + supervised(t).person() + "/needs"));
    api(
        HttpMethod.GET,
        API + "/assessments/due",
        STAFF,
        Scope.NETWORK,
        200,
        t -> get(API + "/assessments/due?withinDays=30"));

    String plan = API + "/cases/{id}/plan";
    record(
        HttpMethod.POST,
        plan,
        STAFF,
        201,
        t -> MockMvcRequestBuilders.post(planOf(supervised(t).supervisionCase())));
    record(HttpMethod.GET, plan, STAFF, 200, t -> get(planOf(planned(t))));
    record(
        HttpMethod.POST,
        plan + "/goals",
        STAFF,
        201,
        t -> {
          Planned p = planned(t);
          return json(
              MockMvcRequestBuilders.post(planOf(p) + "/goals"),
              "{\"domain\":\"FOOD\",\"description\":\"Regular meals\",\"version\":%d}"
                  .formatted(p.planVersion()));
        });
    record(
        HttpMethod.PUT,
        plan + "/goals/{goalId}",
        STAFF,
        200,
        t -> {
          Planned p = planned(t);
          return json(
              MockMvcRequestBuilders.put(planOf(p) + "/goals/" + p.goal()),
              "{\"description\":\"Stable housing\",\"status\":\"ACTIVE\",\"version\":%d}"
                  .formatted(p.planVersion()));
        });
    record(
        HttpMethod.POST,
        plan + "/goals/{goalId}/tasks",
        STAFF,
        201,
        t -> {
          Planned p = planned(t);
          return json(
              MockMvcRequestBuilders.post(planOf(p) + "/goals/" + p.goal() + "/tasks"),
              "{\"description\":\"Call the landlord\",\"owner\":\"OFFICER\",\"version\":%d}"
                  .formatted(p.planVersion()));
        });
    record(
        HttpMethod.PUT,
        plan + "/goals/{goalId}/tasks/{taskId}",
        STAFF,
        200,
        t -> {
          Planned p = planned(t);
          return json(
              MockMvcRequestBuilders.put(planOf(p) + "/goals/" + p.goal() + "/tasks/" + p.task()),
              "{\"status\":\"DONE\",\"version\":%d}".formatted(p.planVersion()));
        });
    record(
        HttpMethod.POST,
        plan + "/goals/{goalId}/notes",
        STAFF,
        201,
        t -> {
          Planned p = planned(t);
          return json(
              MockMvcRequestBuilders.post(planOf(p) + "/goals/" + p.goal() + "/notes"),
              "{\"notedOn\":\"%s\",\"text\":\"Went well.\",\"version\":%d}"
                  .formatted(p.createdOn(), p.planVersion()));
        });
    record(
        HttpMethod.POST,
        plan + "/signature",
        STAFF,
        200,
        t -> {
          Planned p = planned(t);
          return json(
              MockMvcRequestBuilders.post(planOf(p) + "/signature"),
              "{\"signedOn\":\"%s\",\"version\":%d}".formatted(p.createdOn(), p.planVersion()));
        });

    registerPages();
  }

  private static void registerPages() {
    String people = "/supervision/people/{id}/assessments";
    record(
        HttpMethod.GET,
        people,
        STAFF,
        200,
        t -> get("/supervision/people/" + supervised(t).person() + "/assessments"));
    record(
        HttpMethod.GET,
        people + "/new",
        STAFF,
        200,
        t -> get("/supervision/people/" + supervised(t).person() + "/assessments/new"));
    record(
        HttpMethod.POST,
        people,
        STAFF,
        302,
        t -> {
          Supervised s = supervised(t);
          return post("/supervision/people/" + s.person() + "/assessments")
              .param("instrumentId", fixtures(t).instrument(t.organization()).toString())
              .param("assessedOn", s.startedOn().toString())
              .param("answers[h1]", "1")
              .param("answers[h2]", "0")
              .param("answers[e1]", "2");
        });
    record(
        HttpMethod.GET,
        people + "/external",
        STAFF,
        200,
        t -> get("/supervision/people/" + supervised(t).person() + "/assessments/external"));
    record(
        HttpMethod.POST,
        people + "/external",
        STAFF,
        302,
        t -> {
          Supervised s = supervised(t);
          return post("/supervision/people/" + s.person() + "/assessments/external")
              .param("instrumentName", "County screening")
              .param("assessedOn", s.startedOn().toString())
              .param("riskLevel", "LOW")
              .param("severity[HOUSING]", "MODERATE");
        });

    String plan = "/supervision/cases/{id}/plan";
    record(
        HttpMethod.GET,
        plan,
        STAFF,
        200,
        t -> get("/supervision/cases/" + supervised(t).supervisionCase() + "/plan"));
    record(HttpMethod.GET, plan + "/print", STAFF, 200, t -> get(pageOf(planned(t)) + "/print"));
    record(
        HttpMethod.POST,
        plan,
        STAFF,
        302,
        t -> post("/supervision/cases/" + supervised(t).supervisionCase() + "/plan"));
    record(
        HttpMethod.POST,
        plan + "/goals",
        STAFF,
        302,
        t -> {
          Planned p = planned(t);
          return post(pageOf(p) + "/goals")
              .param("domain", "FOOD")
              .param("description", "Regular meals")
              .param("version", Long.toString(p.planVersion()));
        });
    record(
        HttpMethod.POST,
        plan + "/goals/{goalId}",
        STAFF,
        302,
        t -> {
          Planned p = planned(t);
          return post(pageOf(p) + "/goals/" + p.goal())
              .param("description", "Stable housing")
              .param("status", "ACTIVE")
              .param("position", "1")
              .param("version", Long.toString(p.planVersion()));
        });
    record(
        HttpMethod.POST,
        plan + "/goals/{goalId}/tasks",
        STAFF,
        302,
        t -> {
          Planned p = planned(t);
          return post(pageOf(p) + "/goals/" + p.goal() + "/tasks")
              .param("description", "Call the landlord")
              .param("owner", "OFFICER")
              .param("version", Long.toString(p.planVersion()));
        });
    record(
        HttpMethod.POST,
        plan + "/goals/{goalId}/tasks/{taskId}",
        STAFF,
        302,
        t -> {
          Planned p = planned(t);
          return post(pageOf(p) + "/goals/" + p.goal() + "/tasks/" + p.task())
              .param("status", "DONE")
              .param("version", Long.toString(p.planVersion()));
        });
    record(
        HttpMethod.POST,
        plan + "/goals/{goalId}/notes",
        STAFF,
        302,
        t -> {
          Planned p = planned(t);
          return post(pageOf(p) + "/goals/" + p.goal() + "/notes")
              .param("notedOn", p.createdOn().toString())
              .param("text", "Went well.")
              .param("version", Long.toString(p.planVersion()));
        });
    record(
        HttpMethod.POST,
        plan + "/signature",
        STAFF,
        302,
        t -> {
          Planned p = planned(t);
          return post(pageOf(p) + "/signature")
              .param("signedOn", p.createdOn().toString())
              .param("version", Long.toString(p.planVersion()));
        });
  }

  private static String planOf(UUID supervisionCase) {
    return API + "/cases/" + supervisionCase + "/plan";
  }

  private static String planOf(Planned p) {
    return planOf(p.supervised().supervisionCase());
  }

  private static String pageOf(Planned p) {
    return "/supervision/cases/" + p.supervised().supervisionCase() + "/plan";
  }

  private static SupervisionFixtures fixtures(Target t) {
    return t.fixtures().supervision();
  }

  private static Supervised supervised(Target t) {
    return t.fixtures().supervised(t.organization());
  }

  private static Planned planned(Target t) {
    return fixtures(t).planned(t.organization());
  }

  private static String definition() {
    return JsonMapper.shared().writeValueAsString(SupervisionFixtures.smallInstrument());
  }

  private static MockHttpServletRequestBuilder json(
      MockHttpServletRequestBuilder builder, String body) {
    return builder.contentType(MediaType.APPLICATION_JSON).content(body);
  }
}
