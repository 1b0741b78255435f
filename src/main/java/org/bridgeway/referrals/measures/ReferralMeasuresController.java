package org.bridgeway.referrals.measures;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.referrals.measures.ReferralMeasures.Figures;
import org.bridgeway.referrals.measures.ReferralMeasures.Grouping;
import org.bridgeway.referrals.measures.ReferralMeasures.PeriodRejected;
import org.bridgeway.referrals.measures.ReferralMeasures.Report;
import org.bridgeway.shared.web.SpreadsheetCells;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The referral measures: a page with charts and tables and the same figures as CSV (the API is
 * {@link ReferralMeasuresApiController}). Supervisors, analysts and administrators of an agency see
 * theirs per provider and officer; provider staff see their organization's per referring agency.
 */
@Controller
class ReferralMeasuresController {

  static final String READERS =
      "hasAnyRole('SUPERVISOR','ANALYST','ORGANIZATION_ADMIN','PROVIDER_STAFF')";

  private final ReferralMeasures measures;
  private final MessageSource messages;
  private final JsonMapper json;

  ReferralMeasuresController(ReferralMeasures measures, MessageSource messages, JsonMapper json) {
    this.measures = measures;
    this.messages = messages;
    this.json = json;
  }

  @GetMapping("/referrals/measures")
  @PreAuthorize(READERS)
  String page(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Locale locale,
      HttpServletResponse response,
      Model model) {
    LocalDate first = parse(from);
    LocalDate last = parse(to);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    if ((from != null && !from.isBlank() && first == null)
        || (to != null && !to.isBlank() && last == null)) {
      model.addAttribute(
          "periodError", first == null && from != null && !from.isBlank() ? "from" : "to");
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "referrals/measures";
    }
    try {
      Report report = measures.of(principal, first, last);
      model.addAttribute("report", report);
      model.addAttribute("charts", charts(report, locale));
      model.addAttribute("from", report.from().toString());
      model.addAttribute("to", report.to().toString());
    } catch (PeriodRejected rejected) {
      model.addAttribute("periodError", rejected.violation().field());
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    return "referrals/measures";
  }

  @GetMapping(value = "/referrals/measures.csv", produces = "text/csv")
  @PreAuthorize(READERS)
  void csv(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    Report report;
    try {
      report = measures.of(principal, from, to);
    } catch (PeriodRejected rejected) {
      response.sendError(
          HttpServletResponse.SC_BAD_REQUEST,
          rejected.violation().field() + " " + rejected.violation().message());
      return;
    }
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"referral-measures-" + report.from() + "-" + report.to() + ".csv\"");
    Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
      csv.printRecord(
          "grouping",
          "name",
          "sent",
          "accepted",
          "declined",
          "waitlisted",
          "unanswered",
          "overdue",
          "acceptance_rate",
          "median_hours_to_first_response",
          "median_days_to_intake");
      print(csv, "TOTAL", report.total(), locale);
      for (Map.Entry<Grouping, List<Figures>> group : report.groups().entrySet()) {
        for (Figures figures : group.getValue()) {
          print(csv, group.getKey().name(), figures, locale);
        }
      }
    }
  }

  /**
   * The charts' data as JSON for {@code data-chart} attributes (static/js/charts.js draws them):
   * the declines by reason, and the answers per provider or referring agency.
   */
  private Map<String, String> charts(Report report, Locale locale) {
    List<String> reasons =
        report.declinedByReason().keySet().stream()
            .map(r -> messages.getMessage("referralMeasures.reason." + r, null, r, locale))
            .toList();
    Map<String, Object> declines =
        Map.of(
            "type",
            "bar",
            "labels",
            reasons,
            "datasets",
            List.of(
                Map.of(
                    "label", text("referralMeasures.declined", locale),
                    "data", List.copyOf(report.declinedByReason().values()))));
    Grouping grouping = report.provider() ? Grouping.REFERRING_AGENCY : Grouping.PROVIDER;
    List<Figures> rows = report.groups().getOrDefault(grouping, List.of());
    List<String> labels =
        rows.stream()
            .map(
                f ->
                    f.label() != null
                        ? f.label()
                        : text("referralMeasures.unnamed." + grouping.name(), locale))
            .toList();
    Map<String, Object> answers =
        Map.of(
            "type",
            "bar",
            "stacked",
            true,
            "labels",
            labels,
            "datasets",
            List.of(
                dataset("referralMeasures.accepted", rows, Figures::accepted, locale),
                dataset("referralMeasures.waitlisted", rows, Figures::waitlisted, locale),
                dataset("referralMeasures.declined", rows, Figures::declined, locale),
                dataset("referralMeasures.unanswered", rows, Figures::unanswered, locale)));
    return Map.of(
        "declines", json.writeValueAsString(declines),
        "answers", json.writeValueAsString(answers));
  }

  private Map<String, Object> dataset(
      String key,
      List<Figures> rows,
      java.util.function.ToLongFunction<Figures> value,
      Locale locale) {
    return Map.of(
        "label", text(key, locale), "data", rows.stream().mapToLong(value).boxed().toList());
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }

  private void print(CSVPrinter csv, String grouping, Figures figures, Locale locale)
      throws IOException {
    String name =
        figures.label() != null
            ? figures.label()
            : grouping.equals("TOTAL") ? "" : text("referralMeasures.unnamed." + grouping, locale);
    csv.printRecord(
        grouping,
        SpreadsheetCells.guard(name),
        figures.sent(),
        figures.accepted(),
        figures.declined(),
        figures.waitlisted(),
        figures.unanswered(),
        figures.overdue(),
        figures.acceptanceRate() == null
            ? ""
            : String.format(Locale.ROOT, "%.3f", figures.acceptanceRate()),
        figures.medianHoursToFirstResponse() == null
            ? ""
            : String.format(Locale.ROOT, "%.1f", figures.medianHoursToFirstResponse()),
        figures.medianDaysToIntake() == null
            ? ""
            : String.format(Locale.ROOT, "%.1f", figures.medianDaysToIntake()));
  }

  private static LocalDate parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
