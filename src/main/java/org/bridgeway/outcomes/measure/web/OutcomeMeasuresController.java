package org.bridgeway.outcomes.measure.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.outcomes.measure.Estimates.Rate;
import org.bridgeway.outcomes.measure.Estimates.Step;
import org.bridgeway.outcomes.measure.MeasureFilter;
import org.bridgeway.outcomes.measure.MeasureFilter.FilterRejected;
import org.bridgeway.outcomes.measure.MeasureFilter.Request;
import org.bridgeway.outcomes.measure.MeasureScope;
import org.bridgeway.outcomes.measure.OutcomeMeasures;
import org.bridgeway.outcomes.measure.OutcomeMeasures.Dashboard;
import org.bridgeway.outcomes.measure.OutcomeMeasures.GroupFigures;
import org.bridgeway.outcomes.measure.OutcomeMeasures.ProgramFigures;
import org.bridgeway.shared.web.HtmlPdf;
import org.bridgeway.shared.web.SpreadsheetCells;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.bridgeway.supervision.SupervisedPeople.PersonHeading;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The outcomes dashboard: one page for directors (an agency's analysts and supervisors),
 * supervisors (their team, with {@code team=mine}), providers (their programs) and funders (the
 * network by program), whose scope follows from who asks ({@link MeasureScope}); each figure as
 * CSV, the whole as PDF, and the people behind a group for staff who may see them.
 */
@Controller
class OutcomeMeasuresController {

  static final String READERS =
      "hasAnyRole('ANALYST','SUPERVISOR','NETWORK_ADMIN','PROVIDER_STAFF')";
  static final String DRILLERS = "hasAnyRole('SUPERVISOR','OFFICER')";
  static final Set<String> FIGURES = Set.of("groups", "survival", "programs", "revocations");

  private final OutcomeMeasures measures;
  private final DashboardView views;
  private final ITemplateEngine templates;
  private final SupervisedPeople people;
  private final AuditTrail audit;

  OutcomeMeasuresController(
      OutcomeMeasures measures,
      DashboardView views,
      ITemplateEngine templates,
      SupervisedPeople people,
      AuditTrail audit) {
    this.measures = measures;
    this.views = views;
    this.templates = templates;
    this.people = people;
    this.audit = audit;
  }

  /**
   * A provider's outcomes are those of the people leaving its programs: its dashboard starts from
   * program exits unless asked otherwise.
   */
  static String kindFor(BridgewayPrincipal principal, String kind) {
    if ((kind == null || kind.isBlank()) && MeasureScope.of(principal, false).provider() != null) {
      return MeasureFilter.StartKind.PROGRAM_EXIT.name();
    }
    return kind;
  }

  /** The filters as sent, with a provider's default start kind ({@link #kindFor}). */
  private static Request withProviderDefault(BridgewayPrincipal principal, Request filters) {
    return new Request(
        kindFor(principal, filters.kind()),
        filters.definition(),
        filters.groupBy(),
        filters.from(),
        filters.to(),
        filters.program(),
        filters.riskLevel(),
        filters.team());
  }

  @GetMapping("/outcomes/measures")
  @PreAuthorize(READERS)
  String page(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      Request filters,
      Locale locale,
      HttpServletResponse response,
      Model model) {
    Request request = withProviderDefault(principal, filters);
    model.addAttribute("request", request);
    model.addAttribute("kinds", MeasureFilter.StartKind.values());
    model.addAttribute("definitions", MeasureFilter.Definition.values());
    model.addAttribute("groupings", MeasureFilter.GroupBy.values());
    model.addAttribute("supervisor", principal.has(org.bridgeway.identity.Role.SUPERVISOR));
    model.addAttribute("drill", principal.has(org.bridgeway.identity.Role.SUPERVISOR));
    try {
      MeasureFilter filter = MeasureFilter.parse(request, measures.today());
      Dashboard dashboard = measures.dashboard(MeasureScope.of(principal, filter.myTeam()), filter);
      model.addAttribute("dashboard", dashboard);
      model.addAttribute("view", views.of(dashboard, locale));
      model.addAttribute("query", query(request));
    } catch (FilterRejected rejected) {
      model.addAttribute("errors", rejected.violations());
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    return "outcomes/measures";
  }

  @GetMapping(value = "/outcomes/measures.csv", produces = "text/csv")
  @PreAuthorize(READERS)
  void csv(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(required = false) String figure,
      Request filters,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    String which = figure == null || figure.isBlank() ? "groups" : figure.strip();
    MeasureFilter filter;
    try {
      filter = MeasureFilter.parse(withProviderDefault(principal, filters), measures.today());
    } catch (FilterRejected rejected) {
      response.sendError(
          HttpServletResponse.SC_BAD_REQUEST,
          rejected.violations().getFirst().field()
              + " "
              + rejected.violations().getFirst().message());
      return;
    }
    if (!FIGURES.contains(which)) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "figure must be one of " + FIGURES);
      return;
    }
    Dashboard d = measures.dashboard(MeasureScope.of(principal, filter.myTeam()), filter);
    DashboardView.View view = views.of(d, locale);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"outcome-" + which + "-" + d.asOf() + ".csv\"");
    Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
      switch (which) {
        case "survival" -> {
          csv.printRecord(
              "group", "people", "events", "day", "at_risk", "survival", "ci_low", "ci_high");
          for (var curve : d.curves()) {
            for (Step s : curve.steps()) {
              csv.printRecord(
                  SpreadsheetCells.guard(view.labels().getOrDefault(curve.key(), curve.key())),
                  curve.people(),
                  curve.events(),
                  s.day(),
                  s.atRisk(),
                  decimal(s.survival()),
                  decimal(s.low()),
                  decimal(s.high()));
            }
          }
        }
        case "programs" -> {
          csv.printRecord(
              "program_id",
              "program",
              "referred",
              "ended",
              "completed",
              "completion_rate",
              "completion_ci_low",
              "completion_ci_high",
              "sessions_attended",
              "sessions_scheduled",
              "engagement",
              "median_days_to_first_session");
          List<ProgramFigures> rows = new ArrayList<>(d.programs());
          if (d.programTotal() != null) {
            rows.add(0, d.programTotal());
          }
          for (ProgramFigures p : rows) {
            csv.printRecord(
                SpreadsheetCells.guard(p.programId()),
                SpreadsheetCells.guard(p.name() == null ? "" : p.name()),
                p.referred(),
                p.completion().of(),
                p.completion().count(),
                decimal(p.completion().value()),
                decimal(p.completion().low()),
                decimal(p.completion().high()),
                p.engagement().count(),
                p.engagement().of(),
                decimal(p.engagement().value()),
                decimal(p.medianDaysToFirstSession()));
          }
        }
        case "revocations" -> {
          csv.printRecord("type", "revocations");
          for (Map.Entry<String, Long> r : d.revocationsByType().entrySet()) {
            csv.printRecord(
                SpreadsheetCells.guard(views.revocationType(r.getKey(), locale)), r.getValue());
          }
        }
        default -> {
          List<String> header = new ArrayList<>(List.of("group", "people"));
          for (String m :
              List.of(
                  "recidivism_1y",
                  "recidivism_2y",
                  "recidivism_3y",
                  "employed_6m",
                  "employed_12m",
                  "housing_stable_12m",
                  "supervision_success")) {
            header.addAll(
                List.of(m + "_count", m + "_of", m + "_rate", m + "_ci_low", m + "_ci_high"));
          }
          csv.printRecord(header);
          List<GroupFigures> rows = new ArrayList<>(List.of(d.total()));
          rows.addAll(d.groups());
          for (GroupFigures g : rows) {
            List<Object> record = new ArrayList<>();
            record.add(SpreadsheetCells.guard(view.labels().getOrDefault(g.key(), g.key())));
            record.add(g.people());
            for (Rate r :
                List.of(
                    g.recidivism1(),
                    g.recidivism2(),
                    g.recidivism3(),
                    g.employed6(),
                    g.employed12(),
                    g.housingStable12(),
                    g.supervisionSuccess())) {
              record.addAll(
                  List.of(
                      r.count(), r.of(), decimal(r.value()), decimal(r.low()), decimal(r.high())));
            }
            csv.printRecord(record);
          }
        }
      }
    }
  }

  @GetMapping(value = "/outcomes/measures.pdf", produces = "application/pdf")
  @PreAuthorize(READERS)
  ResponseEntity<byte[]> pdf(
      @AuthenticationPrincipal BridgewayPrincipal principal, Request filters, Locale locale) {
    MeasureFilter filter =
        MeasureFilter.parse(withProviderDefault(principal, filters), measures.today());
    Dashboard d = measures.dashboard(MeasureScope.of(principal, filter.myTeam()), filter);
    Context context = new Context(locale);
    context.setVariable("dashboard", d);
    context.setVariable("view", views.of(d, locale));
    byte[] pdf = HtmlPdf.render(templates.process("outcomes/measures-pdf", context));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("outcome-measures-" + d.asOf() + ".pdf")
                .build()
                .toString())
        .body(pdf);
  }

  /**
   * The people behind one group of the cohort, limited to those the user sees on their caseload or
   * team (supervision's rule), and audited as a person-level read of each.
   */
  @GetMapping("/outcomes/measures/people")
  @PreAuthorize(DRILLERS)
  String people(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(required = false) String group,
      Request filters,
      HttpServletResponse response,
      Model model) {
    Request request = filters;
    MeasureFilter filter;
    try {
      filter = MeasureFilter.parse(request, measures.today());
    } catch (FilterRejected rejected) {
      model.addAttribute("errors", rejected.violations());
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "outcomes/measure-people";
    }
    String key = group == null || group.isBlank() ? filter.kind().name() : group.strip();
    if (key.length() > 60) {
      model.addAttribute(
          "errors",
          List.of(
              new org.bridgeway.shared.web.FieldViolation(
                  "group", "Size", "must be at most 60 characters")));
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "outcomes/measure-people";
    }
    MeasureScope scope = MeasureScope.agency(principal.organization().value());
    List<UUID> ids = measures.peopleOf(scope, filter, key, measures.today());
    List<PersonId> candidates = ids.stream().map(PersonId::new).toList();
    List<PersonHeading> seen = new ArrayList<>();
    for (PersonId id : people.seenAmong(principal, candidates)) {
      seen.add(people.visibleTo(principal, id));
    }
    seen.sort(java.util.Comparator.comparing(PersonHeading::fullName));
    for (PersonHeading heading : seen) {
      audit.record(
          AuditEvent.success("outcomes.measure.drill-down")
              .withActor(principal)
              .withPerson(heading.id().value())
              .withDetail("group", key)
              .withDetail("kind", filter.kind().name()));
    }
    model.addAttribute("group", key);
    model.addAttribute("people", seen);
    model.addAttribute("hidden", ids.size() - seen.size());
    model.addAttribute("query", query(request));
    return "outcomes/measure-people";
  }

  /** A PDF asked for with a bad filter: the problem, as the page would name it. */
  @org.springframework.web.bind.annotation.ExceptionHandler
  ResponseEntity<String> rejected(FilterRejected rejected) {
    var first = rejected.violations().getFirst();
    return ResponseEntity.badRequest()
        .contentType(MediaType.TEXT_PLAIN)
        .body(first.field() + " " + first.message());
  }

  /** The filter's parameters, for links that keep it (CSV, PDF, drill-down). */
  static Map<String, String> query(Request r) {
    Map<String, String> q = new java.util.LinkedHashMap<>();
    put(q, "kind", r.kind());
    put(q, "definition", r.definition());
    put(q, "groupBy", r.groupBy());
    put(q, "from", r.from());
    put(q, "to", r.to());
    put(q, "program", r.program());
    put(q, "riskLevel", r.riskLevel());
    put(q, "team", r.team());
    return q;
  }

  private static void put(Map<String, String> q, String key, String value) {
    if (value != null && !value.isBlank()) {
      q.put(key, value.strip());
    }
  }

  private static String decimal(Double value) {
    return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
  }
}
