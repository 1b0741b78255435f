package org.bridgeway.outcomes.equity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.outcomes.equity.EquityReport;
import org.bridgeway.outcomes.equity.ServiceGaps;
import org.bridgeway.outcomes.evidence.Estimates.Estimate;
import org.bridgeway.outcomes.evidence.EvidenceRejected;
import org.bridgeway.outcomes.evidence.EvidenceScope;
import org.bridgeway.outcomes.evidence.OutcomeDefinition;
import org.bridgeway.outcomes.evidence.web.EvidenceParameters;
import org.bridgeway.shared.web.SpreadsheetCells;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The equity and service-gap pages, each with a chart beside its table, and their CSV. */
@Controller
class EquityPagesController {

  /** How many of the greatest gaps the chart shows; the table shows them all. */
  static final int CHARTED_GAPS = 15;

  private final EquityReport equity;
  private final ServiceGaps gaps;
  private final MessageSource messages;
  private final JsonMapper json;

  EquityPagesController(
      EquityReport equity, ServiceGaps gaps, MessageSource messages, JsonMapper json) {
    this.equity = equity;
    this.gaps = gaps;
    this.messages = messages;
    this.json = json;
  }

  @GetMapping("/outcomes/equity")
  @PreAuthorize(EvidenceScope.READERS)
  String equityPage(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam Map<String, String> parameters,
      Locale locale,
      HttpServletResponse response,
      Model model) {
    EvidenceScope scope = EvidenceScope.of(principal);
    model.addAttribute("form", parameters);
    model.addAttribute("dimensions", EquityReport.Dimension.values());
    model.addAttribute(
        "outcomes",
        List.of(OutcomeDefinition.values()).stream()
            .filter(OutcomeDefinition::recidivism)
            .toList());
    model.addAttribute("prefixes", EvidenceParameters.LABEL_PREFIXES);
    try {
      EquityReport.Result result = equity.of(scope, request(parameters));
      model.addAttribute("result", result);
      model.addAttribute("chart", equityChart(result, locale));
    } catch (EvidenceRejected rejected) {
      model.addAttribute("error", rejected.violation());
      // An empty period is not the caller's mistake on first arrival: show the form plainly.
      if (!"Empty".equals(rejected.violation().code()) || !parameters.isEmpty()) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      }
    }
    return "outcomes/equity/equity";
  }

  @GetMapping(value = "/outcomes/equity.csv", produces = "text/csv")
  @PreAuthorize(EvidenceScope.READERS)
  void equityCsv(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam Map<String, String> parameters,
      HttpServletResponse response)
      throws IOException {
    EquityReport.Result result;
    try {
      result = equity.of(EvidenceScope.of(principal), request(parameters));
    } catch (EvidenceRejected rejected) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, rejected.getMessage());
      return;
    }
    try (CSVPrinter csv = csv(response, "equity.csv")) {
      csv.printRecord(
          "dimension",
          "group",
          "reference",
          "measure",
          "count",
          "denominator",
          "rate",
          "rate_low",
          "rate_high",
          "ratio",
          "ratio_low",
          "ratio_high");
      for (var row : result.groups()) {
        print(csv, result, row, "referral", row.referral());
        print(csv, result, row, "acceptance", row.acceptance());
        print(csv, result, row, "completion", row.completion());
        print(csv, result, row, "outcome", row.outcome());
      }
    }
  }

  @GetMapping("/outcomes/equity/gaps")
  @PreAuthorize(EvidenceScope.READERS)
  String gapsPage(
      @AuthenticationPrincipal BridgewayPrincipal principal, Locale locale, Model model) {
    List<ServiceGaps.Gap> result = gaps.of(EvidenceScope.of(principal));
    model.addAttribute("gaps", result);
    model.addAttribute("chart", gapsChart(result, locale));
    return "outcomes/equity/gaps";
  }

  @GetMapping(value = "/outcomes/equity/gaps.csv", produces = "text/csv")
  @PreAuthorize(EvidenceScope.READERS)
  void gapsCsv(@AuthenticationPrincipal BridgewayPrincipal principal, HttpServletResponse response)
      throws IOException {
    List<ServiceGaps.Gap> result = gaps.of(EvidenceScope.of(principal));
    try (CSVPrinter csv = csv(response, "service-gaps.csv")) {
      csv.printRecord(
          "need_domain", "area", "people_in_need", "services", "open_slots", "waitlist", "unmet");
      for (var gap : result) {
        csv.printRecord(
            gap.domain().name(),
            SpreadsheetCells.guard(gap.area()),
            gap.tooFew() ? "fewer_than_11" : gap.needing(),
            gap.services(),
            gap.openSlots(),
            gap.waitlist(),
            gap.tooFew() ? "" : gap.unmet());
      }
    }
  }

  private static EquityReport.Request request(Map<String, String> p) {
    return new EquityReport.Request(
        EvidenceParameters.enumValue(EquityReport.Dimension.class, "dimension", p.get("dimension")),
        p.get("reference"),
        EvidenceParameters.enumValue(OutcomeDefinition.class, "outcome", p.get("outcome")),
        EvidenceParameters.integer("years", p.get("years")),
        EvidenceParameters.date("from", p.get("from")),
        EvidenceParameters.date("to", p.get("to")));
  }

  private static void print(
      CSVPrinter csv,
      EquityReport.Result result,
      EquityReport.GroupRow row,
      String measure,
      EquityReport.Measure m)
      throws IOException {
    Estimate rate = m.rate();
    Estimate ratio = m.ratio();
    csv.printRecord(
        result.dimension().name(),
        SpreadsheetCells.guard(row.group()),
        row.reference(),
        measure,
        m.numerator(),
        m.denominator(),
        rate == null ? "too_few_to_compare" : number(rate.value()),
        rate == null ? "" : number(rate.lower()),
        rate == null ? "" : number(rate.upper()),
        ratio == null ? "" : number(ratio.value()),
        ratio == null ? "" : number(ratio.lower()),
        ratio == null ? "" : number(ratio.upper()));
  }

  private static CSVPrinter csv(HttpServletResponse response, String filename) throws IOException {
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    return new CSVPrinter(
        new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
        CSVFormat.DEFAULT);
  }

  private static String number(Double value) {
    return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
  }

  /** The four disparity ratios per group (groups too small to compare left at 0). */
  private String equityChart(EquityReport.Result result, Locale locale) {
    List<String> labels = new ArrayList<>();
    List<Double> referral = new ArrayList<>();
    List<Double> acceptance = new ArrayList<>();
    List<Double> completion = new ArrayList<>();
    List<Double> outcome = new ArrayList<>();
    String prefix = EvidenceParameters.LABEL_PREFIXES.get(result.dimension().name());
    for (var row : result.groups()) {
      labels.add(label(prefix, row.group(), locale));
      referral.add(ratio(row.referral()));
      acceptance.add(ratio(row.acceptance()));
      completion.add(ratio(row.completion()));
      outcome.add(ratio(row.outcome()));
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("type", "bar");
    chart.put("labels", labels);
    chart.put(
        "datasets",
        List.of(
            Map.of("label", text("equity.measure.referral", locale), "data", referral),
            Map.of("label", text("equity.measure.acceptance", locale), "data", acceptance),
            Map.of("label", text("equity.measure.completion", locale), "data", completion),
            Map.of("label", text("equity.measure.outcome", locale), "data", outcome)));
    return json.writeValueAsString(chart);
  }

  private static double ratio(EquityReport.Measure m) {
    return m.ratio() == null ? 0 : Math.round(m.ratio().value() * 100) / 100.0;
  }

  /** Unmet need of the greatest gaps (cells too small to show are left out). */
  private String gapsChart(List<ServiceGaps.Gap> result, Locale locale) {
    List<ServiceGaps.Gap> shown =
        result.stream().filter(g -> !g.tooFew()).limit(CHARTED_GAPS).toList();
    if (shown.isEmpty()) {
      return null;
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("type", "bar");
    chart.put(
        "labels",
        shown.stream()
            .map(
                g ->
                    text(g.domain().messageKey(), locale)
                        + " – "
                        + (g.area().isEmpty() ? text("gaps.noArea", locale) : g.area()))
            .toList());
    chart.put(
        "datasets",
        List.of(
            Map.of(
                "label",
                text("gaps.unmet", locale),
                "data",
                shown.stream().map(ServiceGaps.Gap::unmet).toList()),
            Map.of(
                "label",
                text("gaps.waitlist", locale),
                "data",
                shown.stream().map(ServiceGaps.Gap::waitlist).toList())));
    return json.writeValueAsString(chart);
  }

  private String label(String prefix, String value, Locale locale) {
    String key = messages.getMessage(prefix + value, null, null, locale);
    if (key != null) {
      return key;
    }
    return messages.getMessage("evidence.value." + value, null, value, locale);
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
