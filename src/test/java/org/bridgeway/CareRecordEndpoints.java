package org.bridgeway;

import static org.bridgeway.AuthorizationMatrixTests.api;
import static org.bridgeway.AuthorizationMatrixTests.get;
import static org.bridgeway.AuthorizationMatrixTests.post;
import static org.bridgeway.AuthorizationMatrixTests.web;
import static org.bridgeway.SupervisionEndpoints.json;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.bridgeway.AuthorizationMatrixTests.Scope;
import org.bridgeway.AuthorizationMatrixTests.Target;
import org.bridgeway.testing.CareFixtures.Appt;
import org.bridgeway.testing.CareFixtures.Episode;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The authorization matrix rows of the provider's records on an episode (appointments, attendance,
 * plan, progress, tests, discharge), over the API and the episode page's forms: only the provider's
 * own staff reach them, every other organization gets 404, network administrators included.
 */
final class CareRecordEndpoints {

  private static final String API = "/api/v1/care/provider/episodes/";
  private static final String PAGE = "/care/provider/episodes/";

  private CareRecordEndpoints() {}

  static void register() {
    registerPages();
    apiRow(HttpMethod.GET, "/appointments", 200, t -> get(API + episode(t).id() + "/appointments"));
    apiRow(
        HttpMethod.POST,
        "/appointments",
        201,
        t ->
            json(
                MockMvcRequestBuilders.post(API + episode(t).id() + "/appointments"),
                "{\"kind\":\"INTAKE\",\"mode\":\"PHONE\",\"startsAt\":\"%s\",\"durationMinutes\":45}"
                    .formatted(future())));
    apiRow(
        HttpMethod.GET,
        "/appointments/{appointmentId}",
        200,
        t -> {
          Episode e = episode(t);
          Appt a = t.fixtures().care().appointment(e, future());
          return get(API + e.id() + "/appointments/" + a.id());
        });
    apiRow(
        HttpMethod.POST,
        "/appointments/{appointmentId}/reschedule",
        200,
        t -> {
          Episode e = episode(t);
          Appt a = t.fixtures().care().appointment(e, future());
          return json(
              MockMvcRequestBuilders.post(API + e.id() + "/appointments/" + a.id() + "/reschedule"),
              "{\"startsAt\":\"%s\",\"requestedBy\":\"PERSON\",\"reason\":\"Work\",\"version\":%d}"
                  .formatted(future().plus(1, ChronoUnit.DAYS), a.version()));
        });
    apiRow(
        HttpMethod.POST,
        "/appointments/{appointmentId}/cancel",
        200,
        t -> {
          Episode e = episode(t);
          Appt a = t.fixtures().care().appointment(e, future());
          return json(
              MockMvcRequestBuilders.post(API + e.id() + "/appointments/" + a.id() + "/cancel"),
              "{\"requestedBy\":\"PROVIDER\",\"reason\":\"Counsellor ill\",\"version\":%d}"
                  .formatted(a.version()));
        });
    apiRow(
        HttpMethod.POST,
        "/appointments/{appointmentId}/attendance",
        200,
        t -> {
          Episode e = episode(t);
          Appt a = t.fixtures().care().pastAppointment(e);
          return json(
              MockMvcRequestBuilders.post(API + e.id() + "/appointments/" + a.id() + "/attendance"),
              "{\"outcome\":\"ATTENDED\",\"version\":%d}".formatted(a.version()));
        });
    apiRow(HttpMethod.GET, "/plan", 200, t -> get(API + episode(t).id() + "/plan"));
    apiRow(
        HttpMethod.POST,
        "/plan",
        201,
        t -> {
          Episode e = episode(t);
          return json(
              MockMvcRequestBuilders.post(API + e.id() + "/plan"),
              "{\"levelOfCare\":\"ASAM_2_1\",\"plannedSessions\":20,\"effectiveOn\":\"%s\",\"goals\":[{\"description\":\"Abstinence\"}]}"
                  .formatted(e.startedOn()));
        });
    apiRow(
        HttpMethod.GET,
        "/progress-reports",
        200,
        t -> get(API + episode(t).id() + "/progress-reports"));
    apiRow(
        HttpMethod.POST,
        "/progress-reports",
        201,
        t -> {
          Episode e = episode(t);
          return json(
              MockMvcRequestBuilders.post(API + e.id() + "/progress-reports"),
              "{\"periodFrom\":\"%s\",\"periodTo\":\"%s\",\"engagement\":\"ENGAGED\",\"summary\":\"Engaged\"}"
                  .formatted(e.startedOn(), e.startedOn()));
        });
    apiRow(HttpMethod.GET, "/drug-tests", 200, t -> get(API + episode(t).id() + "/drug-tests"));
    apiRow(
        HttpMethod.POST,
        "/drug-tests",
        201,
        t -> {
          Episode e = episode(t);
          return json(
              MockMvcRequestBuilders.post(API + e.id() + "/drug-tests"),
              "{\"collectedOn\":\"%s\",\"panel\":\"FIVE_PANEL\",\"method\":\"URINE\",\"specimenId\":\"S-1\",\"result\":\"NEGATIVE\"}"
                  .formatted(e.startedOn()));
        });
    apiRow(
        HttpMethod.GET,
        "/discharge",
        200,
        t -> {
          Episode e = episode(t);
          t.fixtures().care().discharge(e);
          return get(API + e.id() + "/discharge");
        });
    apiRow(
        HttpMethod.POST,
        "/discharge",
        201,
        t -> {
          Episode e = episode(t);
          List<UUID> goals = t.fixtures().care().plan(e);
          return json(
              MockMvcRequestBuilders.post(API + e.id() + "/discharge"),
              "{\"dischargedOn\":\"%s\",\"reason\":\"COMPLETED\",\"summary\":\"Done\",\"goals\":[{\"goalId\":\"%s\",\"outcome\":\"ACHIEVED\"}],\"version\":%d}"
                  .formatted(e.startedOn(), goals.get(0), e.version()));
        });
  }

  /** The episode page's forms and the appointment page: 302 after a write, like every form. */
  static void registerPages() {
    pageRow(
        HttpMethod.POST,
        "/appointments",
        302,
        t ->
            post(PAGE + episode(t).id() + "/appointments")
                .param("kind", "INDIVIDUAL")
                .param("mode", "IN_PERSON")
                .param("startsOn", "2099-03-02")
                .param("startsTime", "10:00")
                .param("durationMinutes", "60"));
    pageRow(
        HttpMethod.GET,
        "/appointments/{appointmentId}",
        200,
        t -> {
          Episode e = episode(t);
          Appt a = t.fixtures().care().appointment(e, future());
          return get(PAGE + e.id() + "/appointments/" + a.id());
        });
    pageRow(
        HttpMethod.POST,
        "/appointments/{appointmentId}/attendance",
        302,
        t -> {
          Episode e = episode(t);
          Appt a = t.fixtures().care().pastAppointment(e);
          return post(PAGE + e.id() + "/appointments/" + a.id() + "/attendance")
              .param("outcome", "LATE")
              .param("version", Long.toString(a.version()));
        });
    pageRow(
        HttpMethod.POST,
        "/appointments/{appointmentId}/reschedule",
        302,
        t -> {
          Episode e = episode(t);
          Appt a = t.fixtures().care().appointment(e, future());
          return post(PAGE + e.id() + "/appointments/" + a.id() + "/reschedule")
              .param("startsOn", "2099-03-09")
              .param("startsTime", "11:00")
              .param("moveRequestedBy", "PROVIDER")
              .param("moveReason", "Counsellor away")
              .param("version", Long.toString(a.version()));
        });
    pageRow(
        HttpMethod.POST,
        "/appointments/{appointmentId}/cancel",
        302,
        t -> {
          Episode e = episode(t);
          Appt a = t.fixtures().care().appointment(e, future());
          return post(PAGE + e.id() + "/appointments/" + a.id() + "/cancel")
              .param("cancelRequestedBy", "PERSON")
              .param("cancelReason", "Moved away")
              .param("version", Long.toString(a.version()));
        });
    pageRow(
        HttpMethod.POST,
        "/plan",
        302,
        t -> {
          Episode e = episode(t);
          return post(PAGE + e.id() + "/plan")
              .param("levelOfCare", "ASAM_1")
              .param("plannedSessions", "10")
              .param("effectiveOn", e.startedOn().toString())
              .param("goalIds", "")
              .param("goalDescriptions", "Abstinence")
              .param("revises", "0");
        });
    pageRow(
        HttpMethod.POST,
        "/progress",
        302,
        t -> {
          Episode e = episode(t);
          return post(PAGE + e.id() + "/progress")
              .param("periodFrom", e.startedOn().toString())
              .param("periodTo", e.startedOn().toString())
              .param("engagement", "ENGAGED")
              .param("progressSummary", "Engaged");
        });
    pageRow(
        HttpMethod.POST,
        "/drug-tests",
        302,
        t -> {
          Episode e = episode(t);
          return post(PAGE + e.id() + "/drug-tests")
              .param("collectedOn", e.startedOn().toString())
              .param("panel", "FIVE_PANEL")
              .param("method", "URINE")
              .param("specimenId", "S-2")
              .param("testResult", "NEGATIVE")
              .param("confirmation", "NOT_SENT");
        });
    pageRow(
        HttpMethod.POST,
        "/discharge",
        302,
        t -> {
          Episode e = episode(t);
          return post(PAGE + e.id() + "/discharge")
              .param("dischargedOn", e.startedOn().toString())
              .param("dischargeReason", "TRANSFERRED")
              .param("dischargeSummary", "Moved to another program")
              .param("version", Long.toString(e.version()));
        });
  }

  private static Instant future() {
    return Instant.parse("2099-03-02T15:00:00Z");
  }

  private static void apiRow(
      HttpMethod method,
      String tail,
      int success,
      Function<Target, MockHttpServletRequestBuilder> request) {
    api(
        method,
        "/api/v1/care/provider/episodes/{id}" + tail,
        CareEndpoints.PROVIDERS,
        Scope.ORGANIZATION,
        success,
        request);
    SupervisionEndpoints.AGENCY_ONLY.add(method + " /api/v1/care/provider/episodes/{id}" + tail);
  }

  private static void pageRow(
      HttpMethod method,
      String tail,
      int success,
      Function<Target, MockHttpServletRequestBuilder> request) {
    web(
        method,
        PAGE + "{id}" + tail,
        CareEndpoints.PROVIDERS,
        Scope.ORGANIZATION,
        success,
        request);
    SupervisionEndpoints.AGENCY_ONLY.add(method + " " + PAGE + "{id}" + tail);
  }

  private static Episode episode(Target t) {
    return t.fixtures().care().episodeAt(t.organization());
  }
}
