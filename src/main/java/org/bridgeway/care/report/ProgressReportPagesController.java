package org.bridgeway.care.report;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.care.episode.CareInputRejected;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.FormRejections;
import org.bridgeway.shared.web.FormValues;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
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

/**
 * The page on which the supervising agency's staff generate a progress report for a court or a
 * partner agency: the recipient, the purpose and the period; the answer is the PDF.
 */
@Controller
class ProgressReportPagesController {

  private static final String PAGE = "care/progress-report";

  /** The form, every field bound as text. */
  record ReportForm(String recipientId, String purpose, String from, String to) {

    static final Set<String> FIELDS = Set.of("recipientId", "purpose", "from", "to");

    record Parsed(CourtProgressReports.Request request, List<FieldViolation> violations) {}

    Parsed parse() {
      List<FieldViolation> violations = new ArrayList<>();
      UUID recipient =
          recipientId == null || recipientId.isBlank()
              ? null
              : FormValues.id("recipientId", recipientId, violations);
      if (recipientId == null || recipientId.isBlank()) {
        violations.add(new FieldViolation("recipientId", "required", "is required"));
      }
      DisclosurePurpose why =
          purpose == null || purpose.isBlank()
              ? null
              : FormValues.choice("purpose", purpose, DisclosurePurpose.class, violations);
      LocalDate first = FormValues.date("from", from, violations);
      LocalDate last = FormValues.date("to", to, violations);
      return new Parsed(
          new CourtProgressReports.Request(
              recipient == null ? null : new OrganizationId(recipient), why, first, last),
          violations);
    }
  }

  private final CourtProgressReports reports;
  private final ProgressReportPdf pdf;
  private final SupervisedPeople people;
  private final MessageSource messages;
  private final Clock clock;

  ProgressReportPagesController(
      CourtProgressReports reports,
      ProgressReportPdf pdf,
      SupervisedPeople people,
      MessageSource messages,
      Clock clock) {
    this.reports = reports;
    this.pdf = pdf;
    this.people = people;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/care/people/{id}/progress-report")
  @PreAuthorize(ReportRoles.AGENCY_STAFF)
  String show(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    LocalDate today = LocalDate.now(clock);
    model.addAttribute(
        "reportForm", new ReportForm(null, "", today.minusDays(90).toString(), today.toString()));
    addPageModel(principal, id, model);
    return PAGE;
  }

  @PostMapping("/care/people/{id}/progress-report")
  @PreAuthorize(ReportRoles.AGENCY_STAFF)
  Object generate(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("reportForm") ReportForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model) {
    ReportForm.Parsed parsed = form.parse();
    reject(parsed.violations(), errors);
    if (!errors.hasErrors()) {
      try {
        CourtProgressReports.ProgressReport report =
            reports.generate(principal, new PersonId(id), parsed.request());
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_PDF)
            .header(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                    .filename("progress-report-" + id + ".pdf")
                    .build()
                    .toString())
            .body(pdf.render(report));
      } catch (CareInputRejected rejected) {
        reject(rejected.violations(), errors);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    addPageModel(principal, id, model);
    return PAGE;
  }

  private void reject(List<FieldViolation> violations, BindingResult errors) {
    FormRejections.reject(
        violations, errors, ReportForm.FIELDS, Map.of(), messages, "care.report.error", "care");
  }

  private void addPageModel(BridgewayPrincipal principal, UUID id, Model model) {
    model.addAttribute("person", people.visibleTo(principal, new PersonId(id)));
    model.addAttribute("personId", id);
    List<List<String>> recipients = new ArrayList<>();
    recipients.add(List.of("", text("care.report.recipient.choose")));
    reports
        .recipients()
        .forEach(
            r ->
                recipients.add(
                    List.of(
                        r.id().toString(),
                        r.name() + " (" + text("care.report.kind." + r.kind().name()) + ")")));
    model.addAttribute("recipientOptions", recipients);
    List<List<String>> purposes = new ArrayList<>();
    purposes.add(List.of("", text("care.report.purpose.default")));
    for (DisclosurePurpose purpose :
        List.of(
            DisclosurePurpose.COURT_REPORTING,
            DisclosurePurpose.SUPERVISION_MONITORING,
            DisclosurePurpose.CARE_COORDINATION)) {
      purposes.add(List.of(purpose.name(), text(purpose.messageKey())));
    }
    model.addAttribute("purposeOptions", purposes);
  }

  private String text(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }
}
