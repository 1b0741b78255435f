package org.bridgeway.care.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Continuity measure pages for the supervising agency's staff: a person's measures (with what is
 * withheld), a program's measures over the agency's people there, and both as CSV.
 */
@Controller
class MeasuresPagesController {

  private final ContinuityMeasures measures;
  private final MessageSource messages;

  MeasuresPagesController(ContinuityMeasures measures, MessageSource messages) {
    this.measures = measures;
    this.messages = messages;
  }

  @GetMapping("/care/people/{id}/measures")
  @PreAuthorize(ReportRoles.AGENCY_STAFF)
  Object person(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @RequestParam(name = "format", required = false) String format,
      Model model) {
    ContinuityMeasures.PersonMeasures shown = measures.ofPerson(principal, new PersonId(id));
    List<String> withheld =
        shown.withheld().stream()
            .map(
                w ->
                    ReportTexts.withheld(
                        new CourtProgressReports.Withheld(
                            w.providerName(), w.category(), w.reason(), w.since()),
                        messages))
            .toList();
    if ("csv".equalsIgnoreCase(format)) {
      StringBuilder csv = new StringBuilder();
      if (shown.noticeRequired()) {
        row(csv, List.of(text(org.bridgeway.consent.ConsentDecisions.NOTICE_KEY)));
      }
      row(csv, List.of(text("care.measures.csv.measure"), text("care.measures.csv.value")));
      if (shown.gaps() != null) {
        row(csv, List.of(text("care.measures.gapDays"), Long.toString(shown.gaps().totalDays())));
        row(csv, List.of(text("care.measures.gapCount"), Integer.toString(shown.gaps().gaps())));
      }
      for (ContinuityMeasures.ReleaseMeasure release : shown.releases()) {
        row(
            csv,
            List.of(
                text("care.measures.release") + " " + release.releasedOn(),
                release.days() == null ? "" : Long.toString(release.days())));
      }
      for (ContinuityMeasures.ReferralMeasure referral : shown.referrals()) {
        row(
            csv,
            List.of(
                text("care.measures.referral")
                    + " "
                    + referral.providerName()
                    + " "
                    + referral.sentOn(),
                referral.days() == null ? "" : Long.toString(referral.days())));
      }
      row(
          csv,
          List.of(
              text("care.measures.engagement"),
              shown.engagement().attended() + "/" + shown.engagement().scheduled()));
      withheld.forEach(line -> row(csv, List.of(line)));
      return csv("measures-" + id + ".csv", csv);
    }
    model.addAttribute("measures", shown);
    model.addAttribute("personId", id);
    model.addAttribute("withheldLines", withheld);
    return "care/person-measures";
  }

  @GetMapping("/care/programs/measures")
  @PreAuthorize(ReportRoles.AGENCY_STAFF)
  Object program(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(name = "providerId", required = false) UUID providerId,
      @RequestParam(name = "format", required = false) String format,
      Model model) {
    ContinuityMeasures.ProgramMeasures shown =
        providerId == null ? null : measures.ofProgram(principal, new OrganizationId(providerId));
    if (shown != null && "csv".equalsIgnoreCase(format)) {
      StringBuilder csv = new StringBuilder();
      row(csv, List.of(text("care.measures.csv.measure"), text("care.measures.csv.value")));
      row(csv, List.of(text("care.measures.program"), shown.provider().name()));
      row(csv, List.of(text("care.measures.people"), Integer.toString(shown.people())));
      if (!shown.suppressed()) {
        row(csv, List.of(text("care.measures.meanGapBefore"), number(shown.meanGapBeforeDays())));
        row(csv, List.of(text("care.measures.medianRelease"), number(shown.medianReleaseDays())));
        row(csv, List.of(text("care.measures.medianReferral"), number(shown.medianReferralDays())));
        row(
            csv,
            List.of(
                text("care.measures.engagement"),
                shown.engagement().attended() + "/" + shown.engagement().scheduled()));
      } else {
        row(csv, List.of(text("care.measures.suppressed")));
      }
      return csv("program-measures-" + providerId + ".csv", csv);
    }
    List<List<String>> options = new ArrayList<>();
    options.add(List.of("", text("care.measures.program.choose")));
    measures.programs().forEach(p -> options.add(List.of(p.id().toString(), p.name())));
    model.addAttribute("programOptions", options);
    model.addAttribute("providerId", providerId == null ? "" : providerId.toString());
    model.addAttribute("measures", shown);
    return "care/program-measures";
  }

  private static String number(Double value) {
    return value == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", value);
  }

  private ResponseEntity<byte[]> csv(String filename, StringBuilder csv) {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** One CSV row, its cells guarded against formula injection. */
  private static void row(StringBuilder csv, List<String> cells) {
    List<String> quoted = new ArrayList<>();
    for (String cell : cells) {
      quoted.add("\"" + SpreadsheetCells.guard(cell).replace("\"", "\"\"") + "\"");
    }
    csv.append(String.join(",", quoted)).append("\r\n");
  }

  private String text(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }
}
