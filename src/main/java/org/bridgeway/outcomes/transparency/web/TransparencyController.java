package org.bridgeway.outcomes.transparency.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bridgeway.outcomes.measure.MeasureFilter;
import org.bridgeway.outcomes.transparency.TransparencyReport;
import org.bridgeway.outcomes.transparency.TransparencyReport.Cell;
import org.bridgeway.outcomes.transparency.TransparencyReport.PublishedRate;
import org.bridgeway.outcomes.transparency.TransparencyReport.Report;
import org.bridgeway.outcomes.transparency.TransparencyReport.ReportRejected;
import org.bridgeway.outcomes.transparency.TransparencyReport.Row;
import org.bridgeway.shared.web.SpreadsheetCells;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public transparency report, open without signing in: aggregate figures only, small counts
 * suppressed, a CSV with the same suppression. Public caches may keep it for five minutes; the
 * figures behind it are cached until the outcome records change.
 */
@Controller
class TransparencyController {

  static final String CACHE =
      CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic().getHeaderValue();

  private final TransparencyReport reports;
  private final MessageSource messages;

  TransparencyController(TransparencyReport reports, MessageSource messages) {
    this.reports = reports;
    this.messages = messages;
  }

  @GetMapping("/transparency")
  @PreAuthorize("permitAll()")
  String page(
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String by,
      @RequestParam(required = false) String definition,
      Locale locale,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("agencies", reports.agencies());
    model.addAttribute("dimensions", TransparencyReport.DIMENSIONS);
    model.addAttribute("definitions", MeasureFilter.Definition.values());
    model.addAttribute("agencyParameter", agency);
    model.addAttribute("byParameter", by);
    model.addAttribute("definitionParameter", definition);
    try {
      Report report = reports.report(agency, by, definition);
      model.addAttribute("report", report);
      model.addAttribute("labels", labels(report, locale));
      response.setHeader("Cache-Control", CACHE);
    } catch (ReportRejected rejected) {
      model.addAttribute("error", rejected.violation());
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    return "outcomes/transparency";
  }

  @GetMapping(value = "/transparency.csv", produces = "text/csv")
  @PreAuthorize("permitAll()")
  void csv(
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String by,
      @RequestParam(required = false) String definition,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    Report report;
    try {
      report = reports.report(agency, by, definition);
    } catch (ReportRejected rejected) {
      response.sendError(
          HttpServletResponse.SC_BAD_REQUEST,
          rejected.violation().field() + " " + rejected.violation().message());
      return;
    }
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Cache-Control", CACHE);
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"transparency-"
            + report.dimension().name().toLowerCase(Locale.ROOT)
            + "-"
            + report.asOf()
            + ".csv\"");
    String withheld = text("transparency.suppressed", locale);
    List<String> labels = labels(report, locale);
    Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
      List<String> header = new ArrayList<>(List.of("group", "people"));
      for (String m : report.measures()) {
        header.addAll(List.of(m + "_count", m + "_of", m + "_rate"));
      }
      csv.printRecord(header);
      List<Row> rows = new ArrayList<>(report.rows());
      rows.add(report.total());
      for (int i = 0; i < rows.size(); i++) {
        Row row = rows.get(i);
        List<Object> record = new ArrayList<>();
        record.add(
            SpreadsheetCells.guard(
                i < labels.size() ? labels.get(i) : text("transparency.total", locale)));
        record.add(cell(row.people(), withheld));
        for (PublishedRate rate : row.rates()) {
          record.add(cell(rate.count(), withheld));
          record.add(cell(rate.of(), withheld));
          record.add(
              rate.rate() == null
                  ? (rate.suppressed() ? withheld : "")
                  : String.format(Locale.ROOT, "%.4f", rate.rate()));
        }
        csv.printRecord(record);
      }
    }
  }

  private static String cell(Cell cell, String withheld) {
    return cell.suppressed() ? withheld : Long.toString(cell.value());
  }

  /** The groups' names, in the rows' order. */
  private List<String> labels(Report report, Locale locale) {
    return report.rows().stream()
        .map(
            row ->
                messages.getMessage(
                    TransparencyReport.labelKey(report.dimension(), row.key()),
                    null,
                    messages.getMessage(
                        "outcomeMeasures.value." + row.key(), null, row.key(), locale),
                    locale))
        .toList();
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
