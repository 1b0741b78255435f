package org.bridgeway.care.web;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.care.episode.CareInputRejected;
import org.bridgeway.care.episode.CareRecords;
import org.bridgeway.care.episode.ProviderReport;
import org.bridgeway.care.episode.TreatmentBasis;
import org.bridgeway.care.episode.TreatmentDisclosures;
import org.bridgeway.care.episode.TreatmentDisclosures.TreatmentShown;
import org.bridgeway.care.record.Discharge;
import org.bridgeway.care.record.DrugTest;
import org.bridgeway.care.record.ProgressReport;
import org.bridgeway.care.record.TreatmentPlan;
import org.bridgeway.care.session.Appointment;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.web.SpreadsheetCells;
import org.bridgeway.supervision.PersonId;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's treatment for the supervising agency's staff: the episodes, the providers' reports the
 * person's consent allows (with the §2.32 notice), what is withheld and why, a form to record an
 * episode, and the export of the permitted reports.
 */
@Controller
class TreatmentPagesController {

  private static final String PAGE = "care/treatment";

  private final TreatmentDisclosures treatment;
  private final CareRecords care;
  private final MessageSource messages;
  private final TreatmentPdf pdf;

  TreatmentPagesController(
      TreatmentDisclosures treatment, CareRecords care, MessageSource messages, TreatmentPdf pdf) {
    this.treatment = treatment;
    this.care = care;
    this.messages = messages;
    this.pdf = pdf;
  }

  @GetMapping("/care/people/{id}/treatment")
  @PreAuthorize(CareRoles.AGENCY_STAFF)
  String show(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    if (!model.containsAttribute("episodeForm")) {
      model.addAttribute("episodeForm", CareForms.EpisodeForm.empty());
    }
    addPageModel(principal, id, model);
    return PAGE;
  }

  @PostMapping("/care/people/{id}/treatment/episodes")
  @PreAuthorize(CareRoles.AGENCY_STAFF)
  String record(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("episodeForm") CareForms.EpisodeForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    CareForms.EpisodeForm.Parsed parsed = form.parse();
    CareForms.reject(parsed.violations(), errors, CareForms.EpisodeForm.FIELDS, Map.of(), messages);
    if (!errors.hasErrors()) {
      try {
        care.recordEpisode(
            principal,
            new PersonId(id),
            new CareRecords.NewEpisode(
                parsed.provider(), parsed.directoryService(), parsed.basis(), parsed.startedOn()));
        redirect.addFlashAttribute("saved", "episode");
        return "redirect:/care/people/" + id + "/treatment";
      } catch (CareInputRejected rejected) {
        CareForms.reject(
            rejected.violations(), errors, CareForms.EpisodeForm.FIELDS, Map.of(), messages);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    addPageModel(principal, id, model);
    return PAGE;
  }

  /**
   * The permitted reports as a PDF (or, with {@code format=csv}, as CSV): the §2.32 notice first,
   * then the reports, then what is withheld. Disclosed through the engine like the page.
   */
  @GetMapping("/care/people/{id}/treatment/export")
  @PreAuthorize(CareRoles.AGENCY_STAFF)
  ResponseEntity<byte[]> export(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @RequestParam(name = "format", required = false) String format) {
    TreatmentShown shown = treatment.treatmentOf(principal, new PersonId(id), true);
    if (!"csv".equalsIgnoreCase(format)) {
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_PDF)
          .header(
              HttpHeaders.CONTENT_DISPOSITION,
              ContentDisposition.attachment()
                  .filename("treatment-" + id + ".pdf")
                  .build()
                  .toString())
          .body(
              pdf.render(
                  shown,
                  TreatmentTexts.withheld(shown.withheld(), messages),
                  shown.episodes().stream().map(this::recordRows).toList()));
    }
    return csv(id, shown);
  }

  private ResponseEntity<byte[]> csv(UUID id, TreatmentShown shown) {
    StringBuilder csv = new StringBuilder();
    if (shown.noticeRequired()) {
      row(csv, List.of(TreatmentTexts.notice(messages)));
      csv.append("\r\n");
    }
    row(
        csv,
        List.of(
            text("care.export.provider"),
            text("care.export.category"),
            text("care.export.reportedOn"),
            text("care.export.result"),
            text("care.export.substances"),
            text("care.export.summary")));
    for (TreatmentDisclosures.EpisodeShown episode : shown.episodes()) {
      for (ProviderReport report : episode.reports()) {
        row(
            csv,
            List.of(
                episode.providerName(),
                text("care.category." + report.category().name()),
                report.reportedOn().toString(),
                report.drugTestResult() == null ? "" : text(report.drugTestResult().messageKey()),
                String.join(
                    "; ", report.substances().stream().map(s -> text(s.messageKey())).toList()),
                report.summary()));
      }
    }
    for (TreatmentDisclosures.EpisodeShown episode : shown.episodes()) {
      recordRows(episode).forEach(cells -> row(csv, cells));
    }
    if (!shown.withheld().isEmpty()) {
      csv.append("\r\n");
      for (String line : TreatmentTexts.withheld(shown.withheld(), messages)) {
        row(csv, List.of(line));
      }
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("treatment-" + id + ".csv").build().toString())
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The provider's records of an episode in the report columns: appointments with attendance and
   * the feedback for the officer (never the session note), the plan, progress, tests, discharge.
   */
  private List<List<String>> recordRows(TreatmentDisclosures.EpisodeShown episode) {
    List<List<String>> rows = new ArrayList<>();
    String provider = episode.providerName();
    for (Appointment a : episode.recordsOf(Appointment.class)) {
      String outcome =
          a.attendance() == null
              ? text(a.status().messageKey())
              : text(a.attendance().outcome().messageKey())
                  + (a.attendance().concernFlags().isEmpty()
                      ? ""
                      : " ("
                          + String.join(
                              ", ",
                              a.attendance().concernFlags().stream()
                                  .map(c -> text(c.messageKey()))
                                  .toList())
                          + ")");
      String feedback =
          a.attendance() == null
              ? ""
              : String.join(
                  " ",
                  java.util.stream.Stream.of(a.attendance().reason(), a.attendance().feedback())
                      .filter(java.util.Objects::nonNull)
                      .toList());
      rows.add(
          List.of(
              provider,
              text("care.category.ATTENDANCE"),
              a.startsAtUtc().toString(),
              outcome,
              "",
              feedback));
    }
    for (TreatmentPlan p : episode.recordsOf(TreatmentPlan.class)) {
      rows.add(
          List.of(
              provider,
              text("care.category.TREATMENT_PLAN"),
              p.effectiveOn().toString(),
              text(p.levelOfCare().messageKey()),
              "",
              String.join("; ", p.goals().stream().map(g -> g.description()).toList())));
    }
    for (ProgressReport r : episode.recordsOf(ProgressReport.class)) {
      rows.add(
          List.of(
              provider,
              text("care.category.PROGRESS"),
              r.periodTo().toString(),
              text(r.engagement().messageKey()),
              "",
              r.summary()));
    }
    for (DrugTest t : episode.recordsOf(DrugTest.class)) {
      rows.add(
          List.of(
              provider,
              text("care.category.DRUG_TEST_RESULTS"),
              t.collectedOn().toString(),
              text(t.result().messageKey()),
              String.join("; ", t.found().stream().map(f -> text(f.messageKey())).toList()),
              text(t.panel().messageKey())
                  + ", "
                  + text(t.method().messageKey())
                  + ", "
                  + text(t.confirmation().messageKey())
                  + (t.specimenId() == null ? "" : ", " + t.specimenId())));
    }
    for (Discharge d : episode.recordsOf(Discharge.class)) {
      rows.add(
          List.of(
              provider,
              text("care.category.DISCHARGE_SUMMARY"),
              d.dischargedOn().toString(),
              text(d.reason().messageKey()),
              "",
              d.summary()));
    }
    return rows;
  }

  private String text(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }

  /** One CSV row, its cells guarded against formula injection. */
  static void row(StringBuilder csv, List<String> cells) {
    List<String> quoted = new ArrayList<>();
    for (String cell : cells) {
      String value = SpreadsheetCells.guard(cell);
      quoted.add("\"" + value.replace("\"", "\"\"") + "\"");
    }
    csv.append(String.join(",", quoted)).append("\r\n");
  }

  private void addPageModel(BridgewayPrincipal principal, UUID id, Model model) {
    TreatmentShown shown = treatment.treatmentOf(principal, new PersonId(id), false);
    model.addAttribute("shown", shown);
    // The record types the page picks from each episode's disclosed records.
    model.addAttribute("appointmentType", Appointment.class);
    model.addAttribute("planType", TreatmentPlan.class);
    model.addAttribute("progressType", ProgressReport.class);
    model.addAttribute("testType", DrugTest.class);
    model.addAttribute("dischargeType", Discharge.class);
    model.addAttribute("personId", id);
    model.addAttribute("withheldLines", TreatmentTexts.withheld(shown.withheld(), messages));
    List<List<String>> providers = new ArrayList<>();
    providers.add(List.of("", text("care.page.provider.choose")));
    care.providers().forEach(p -> providers.add(List.of(p.id().toString(), p.name())));
    model.addAttribute("providerOptions", providers);
    model.addAttribute(
        "basisOptions",
        java.util.Arrays.stream(TreatmentBasis.values())
            .map(b -> List.of(b.name(), text(b.messageKey())))
            .toList());
  }
}
