package org.bridgeway.outcomes.cohort.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.outcomes.cohort.CohortImportJob;
import org.bridgeway.outcomes.cohort.CohortImports;
import org.bridgeway.outcomes.cohort.CohortReport;
import org.bridgeway.outcomes.cohort.CohortStatus;
import org.bridgeway.shared.web.ApiBodyLimit;
import org.bridgeway.shared.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Historical cohort imports over the API, for the caller's agency: the ZIP as {@code
 * application/zip} or as the part {@code file} of a multipart form. The import runs in the
 * background: the answer is 202 with the job's location, which reports progress and, once finished,
 * what each file added, changed or left unchanged, or every error by file, row and column (then
 * nothing was written). A ZIP that cannot be a cohort at all is refused at once (400, 413 if too
 * large).
 */
@RestController
@RequestMapping(CohortImportApiController.BASE)
class CohortImportApiController {

  static final String BASE = "/api/v1/outcomes/cohort-imports";

  /** Who imports an agency's history: its analysts and supervisors. */
  static final String IMPORTERS = "hasAnyRole('ANALYST','SUPERVISOR')";

  /** A cohort import as the API shows it. */
  record JobView(
      UUID id,
      CohortStatus status,
      String fileName,
      long size,
      int rows,
      int rowsDone,
      int percent,
      Instant createdAt,
      Instant finishedAt,
      CohortReport report) {

    static JobView of(CohortImportJob job) {
      return new JobView(
          job.id(),
          job.status(),
          job.fileName(),
          job.size(),
          job.rows(),
          job.rowsDone(),
          job.percent(),
          job.createdAt(),
          job.finishedAt(),
          job.report());
    }
  }

  private final CohortImports imports;

  CohortImportApiController(CohortImports imports) {
    this.imports = imports;
  }

  @PostMapping(consumes = {"application/zip", "application/x-zip-compressed"})
  @ApiBodyLimit("101MB")
  @PreAuthorize(IMPORTERS)
  ResponseEntity<?> uploadZip(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestBody(required = false) byte[] body,
      @RequestParam(name = "filename", required = false) String filename) {
    return submit(principal, filename, body == null ? new byte[0] : body);
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ApiBodyLimit("101MB")
  @PreAuthorize(IMPORTERS)
  ResponseEntity<?> uploadForm(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestPart("file") MultipartFile file) {
    return submit(principal, file.getOriginalFilename(), read(file));
  }

  @GetMapping("/{id}")
  @PreAuthorize(IMPORTERS)
  JobView job(@AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return imports
        .find(principal, id)
        .map(JobView::of)
        .orElseThrow(() -> new NotFoundException("cohort import"));
  }

  private ResponseEntity<?> submit(BridgewayPrincipal principal, String fileName, byte[] zip) {
    requireAgency(principal);
    try {
      UUID id = imports.submit(principal, fileName, zip);
      CohortImportJob job = imports.find(principal, id).orElseThrow();
      return ResponseEntity.accepted().location(URI.create(BASE + "/" + id)).body(JobView.of(job));
    } catch (org.bridgeway.outcomes.event.EventImportRejected rejected) {
      HttpStatus status =
          rejected.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              status,
              "The cohort was not imported: nothing was written. Correct every error listed and"
                  + " send the whole ZIP again.");
      problem.setProperty("code", "outcomes.import.rejected");
      problem.setProperty("report", rejected.report());
      return ResponseEntity.status(status)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
  }

  static void requireAgency(BridgewayPrincipal principal) {
    if (principal.organizationKind() != OrganizationKind.PROBATION_AGENCY) {
      throw new AccessDeniedException("Only a probation agency imports a cohort");
    }
  }

  static byte[] read(MultipartFile file) {
    try (InputStream in = file.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
