package org.bridgeway.care.report;

import java.time.LocalDate;
import java.util.UUID;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Generates a progress report for a court or partner agency over the API: the PDF, with everything
 * in it disclosed to the recipient through the consent engine. A POST, since it records
 * disclosures; it takes an {@code Idempotency-Key} like every API write (a retry gets the same PDF
 * without disclosing twice).
 */
@RestController
class ProgressReportApiController {

  record ReportRequest(UUID recipientId, DisclosurePurpose purpose, LocalDate from, LocalDate to) {}

  private final CourtProgressReports reports;
  private final ProgressReportPdf pdf;

  ProgressReportApiController(CourtProgressReports reports, ProgressReportPdf pdf) {
    this.reports = reports;
    this.pdf = pdf;
  }

  @PostMapping("/api/v1/care/people/{id}/progress-reports")
  @PreAuthorize(ReportRoles.AGENCY_STAFF)
  ResponseEntity<byte[]> generate(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @RequestBody ReportRequest request) {
    CourtProgressReports.ProgressReport report =
        reports.generate(
            principal,
            new PersonId(id),
            new CourtProgressReports.Request(
                request.recipientId() == null ? null : new OrganizationId(request.recipientId()),
                request.purpose(),
                request.from(),
                request.to()));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("progress-report-" + id + ".pdf")
                .build()
                .toString())
        .body(pdf.render(report));
  }
}
