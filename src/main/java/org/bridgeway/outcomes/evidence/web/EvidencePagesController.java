package org.bridgeway.outcomes.evidence.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.outcomes.evidence.Estimates.Estimate;
import org.bridgeway.outcomes.evidence.EvidenceRejected;
import org.bridgeway.outcomes.evidence.EvidenceScope;
import org.bridgeway.outcomes.evidence.InstrumentValidation;
import org.bridgeway.outcomes.evidence.OutcomeDefinition;
import org.bridgeway.outcomes.evidence.ProgramEffectiveness;
import org.bridgeway.shared.web.SpreadsheetCells;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The program effectiveness and instrument validation pages, each with a chart beside its table and
 * the same figures as CSV. A bad parameter is shown beside its field with status 400.
 */
@Controller
class EvidencePagesController {

  private final ProgramEffectiveness effectiveness;
  private final InstrumentValidation validation;
  private final MessageSource messages;
  private final JsonMapper json;

  EvidencePagesController(
      ProgramEffectiveness effectiveness,
      InstrumentValidation validation,
      MessageSource messages,
      JsonMapper json) {
    this.effectiveness = effectiveness;
    this.validation = validation;
    this.messages = messages;
    this.json = json;
  }

  @GetMapping("/outcomes/evidence/effectiveness")
  @PreAuthorize(EvidenceScope.READERS)
  String effectivenessPage(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam Map<String, String> parameters,
      Locale locale,
      HttpServletResponse response,
      Model model) {
    EvidenceScope scope = EvidenceScope.of(principal);
    model.addAttribute("form", parameters);
    model.addAttribute("programs", effectiveness.programs(scope));
    model.addAttribute("outcomes", OutcomeDefinition.values());
    model.addAttribute("methods", ProgramEffectiveness.Method.values());
    model.addAttribute("prefixes", EvidenceParameters.LABEL_PREFIXES);
    String program = parameters.get("program");
    if (program == null || program.isBlank()) {
      return "outcomes/evidence/effectiveness";
    }
    try {
      ProgramEffectiveness.Result result =
          effectiveness.compare(scope, effectivenessRequest(parameters));
      model.addAttribute("result", result);
      model.addAttribute("chart", effectivenessChart(result, locale));
    } catch (EvidenceRejected rejected) {
      model.addAttribute("error", rejected.violation());
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    return "outcomes/evidence/effectiveness";
  }

  @GetMapping(value = "/outcomes/evidence/effectiveness.csv", produces = "text/csv")
  @PreAuthorize(EvidenceScope.READERS)
  void effectivenessCsv(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam Map<String, String> parameters,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    ProgramEffectiveness.Result result;
    try {
      result = effectiveness.compare(EvidenceScope.of(principal), effectivenessRequest(parameters));
    } catch (EvidenceRejected rejected) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, rejected.getMessage());
      return;
    }
    try (CSVPrinter csv = csv(response, "program-effectiveness.csv")) {
      csv.printRecord(
          "section",
          "covariate",
          "value",
          "participants",
          "comparison",
          "smd",
          "low",
          "high",
          "imbalanced");
      csv.printRecord(
          "sample_before", "", "", result.participants(), result.comparisonPool(), "", "", "", "");
      csv.printRecord(
          "sample_after",
          "",
          "",
          result.matchedParticipants(),
          result.matchedComparison(),
          "",
          "",
          "",
          "");
      for (var row : result.balance()) {
        csv.printRecord(
            "balance_before",
            row.covariate(),
            SpreadsheetCells.guard(row.value()),
            number(row.participantShareBefore()),
            number(row.comparisonShareBefore()),
            number(row.smdBefore()),
            "",
            "",
            row.imbalancedBefore());
        csv.printRecord(
            "balance_after",
            row.covariate(),
            SpreadsheetCells.guard(row.value()),
            number(row.participantShareAfter()),
            number(row.comparisonShareAfter()),
            number(row.smdAfter()),
            "",
            "",
            row.imbalancedAfter());
      }
      if (result.tooFew()) {
        csv.printRecord("outcome", "", "too_few_to_compare", "", "", "", "", "", "");
      } else {
        csv.printRecord(
            "outcome_rate",
            result.outcome().name(),
            "",
            number(result.participantRate().estimate().value()),
            number(result.comparisonRate().estimate().value()),
            "",
            "",
            "",
            "");
        csv.printRecord(
            "difference",
            result.outcome().name(),
            "",
            "",
            "",
            number(result.difference().value()),
            number(result.difference().lower()),
            number(result.difference().upper()),
            "");
      }
    }
  }

  @GetMapping("/outcomes/evidence/validation")
  @PreAuthorize(EvidenceScope.READERS)
  String validationPage(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam Map<String, String> parameters,
      Locale locale,
      HttpServletResponse response,
      Model model) {
    EvidenceScope scope = EvidenceScope.of(principal);
    model.addAttribute("form", parameters);
    model.addAttribute("instruments", validation.instruments(scope));
    model.addAttribute(
        "outcomes",
        List.of(OutcomeDefinition.values()).stream()
            .filter(OutcomeDefinition::recidivism)
            .toList());
    model.addAttribute("prefixes", EvidenceParameters.LABEL_PREFIXES);
    String instrument = parameters.get("instrument");
    if (instrument == null || instrument.isBlank()) {
      return "outcomes/evidence/validation";
    }
    try {
      InstrumentValidation.Result result =
          validation.validate(scope, validationRequest(parameters));
      model.addAttribute("result", result);
      model.addAttribute("chart", calibrationChart(result, locale));
    } catch (EvidenceRejected rejected) {
      model.addAttribute("error", rejected.violation());
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    return "outcomes/evidence/validation";
  }

  @GetMapping(value = "/outcomes/evidence/validation.csv", produces = "text/csv")
  @PreAuthorize(EvidenceScope.READERS)
  void validationCsv(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam Map<String, String> parameters,
      HttpServletResponse response)
      throws IOException {
    InstrumentValidation.Result result;
    try {
      result = validation.validate(EvidenceScope.of(principal), validationRequest(parameters));
    } catch (EvidenceRejected rejected) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, rejected.getMessage());
      return;
    }
    try (CSVPrinter csv = csv(response, "instrument-validation.csv")) {
      csv.printRecord(
          "section",
          "group",
          "measure",
          "denominator",
          "count",
          "value",
          "low",
          "high",
          "ratio",
          "ratio_low",
          "ratio_high");
      for (var level : result.calibration()) {
        printEstimate(
            csv,
            "calibration",
            level.level(),
            "rate",
            level.spells(),
            level.withOutcome(),
            level.rate(),
            null);
      }
      if (result.auc() != null) {
        printEstimate(
            csv,
            "auc",
            result.aucByScore() ? "score" : "level",
            "auc",
            result.spells(),
            result.withOutcome(),
            result.auc(),
            null);
      }
      for (var grouping : result.errorRates().entrySet()) {
        for (var row : grouping.getValue()) {
          String group = grouping.getKey().name() + ":" + row.group();
          printEstimate(
              csv,
              "error_rates",
              group,
              "false_positive_rate",
              row.withoutOutcome(),
              row.falsePositives(),
              row.falsePositiveRate(),
              row.falsePositiveRatio());
          printEstimate(
              csv,
              "error_rates",
              group,
              "false_negative_rate",
              row.withOutcome(),
              row.falseNegatives(),
              row.falseNegativeRate(),
              row.falseNegativeRatio());
        }
      }
    }
  }

  private static void printEstimate(
      CSVPrinter csv,
      String section,
      String group,
      String measure,
      long denominator,
      long count,
      Estimate estimate,
      Estimate ratio)
      throws IOException {
    csv.printRecord(
        section,
        SpreadsheetCells.guard(group),
        measure,
        denominator,
        count,
        estimate == null ? "too_few_to_compare" : number(estimate.value()),
        estimate == null ? "" : number(estimate.lower()),
        estimate == null ? "" : number(estimate.upper()),
        ratio == null ? "" : number(ratio.value()),
        ratio == null ? "" : number(ratio.lower()),
        ratio == null ? "" : number(ratio.upper()));
  }

  static CSVPrinter csv(HttpServletResponse response, String filename) throws IOException {
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    return new CSVPrinter(writer, CSVFormat.DEFAULT);
  }

  static String number(Double value) {
    return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
  }

  private static ProgramEffectiveness.Request effectivenessRequest(Map<String, String> p) {
    return new ProgramEffectiveness.Request(
        p.get("program"),
        EvidenceParameters.enumValue(OutcomeDefinition.class, "outcome", p.get("outcome")),
        EvidenceParameters.integer("years", p.get("years")),
        EvidenceParameters.enumValue(ProgramEffectiveness.Method.class, "method", p.get("method")),
        EvidenceParameters.decimal("caliper", p.get("caliper")),
        EvidenceParameters.date("from", p.get("from")),
        EvidenceParameters.date("to", p.get("to")));
  }

  private static InstrumentValidation.Request validationRequest(Map<String, String> p) {
    return new InstrumentValidation.Request(
        p.get("instrument"),
        EvidenceParameters.enumValue(OutcomeDefinition.class, "outcome", p.get("outcome")),
        EvidenceParameters.integer("years", p.get("years")),
        EvidenceParameters.date("from", p.get("from")),
        EvidenceParameters.date("to", p.get("to")));
  }

  /** The outcome rate of participants and matched comparison, in percent, as a bar chart. */
  private String effectivenessChart(ProgramEffectiveness.Result result, Locale locale) {
    if (result.tooFew()) {
      return null;
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("type", "bar");
    chart.put(
        "labels",
        List.of(text("evidence.participants", locale), text("evidence.matchedComparison", locale)));
    chart.put(
        "datasets",
        List.of(
            Map.of(
                "label",
                text(result.outcome().messageKey(), locale),
                "data",
                List.of(
                    percent(result.participantRate().estimate().value()),
                    percent(result.comparisonRate().estimate().value())))));
    return json.writeValueAsString(chart);
  }

  /** The observed rate per risk level, in percent (levels too small to compare left at 0). */
  private String calibrationChart(InstrumentValidation.Result result, Locale locale) {
    List<String> labels = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    for (var level : result.calibration()) {
      labels.add(text("riskLevel." + level.level(), locale));
      rates.add(level.rate() == null ? 0 : percent(level.rate().value()));
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("type", "bar");
    chart.put("labels", labels);
    chart.put(
        "datasets",
        List.of(Map.of("label", text(result.outcome().messageKey(), locale), "data", rates)));
    return json.writeValueAsString(chart);
  }

  static double percent(double share) {
    return Math.round(share * 1000) / 10.0;
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
