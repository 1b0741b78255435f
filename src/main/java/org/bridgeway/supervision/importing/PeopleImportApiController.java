package org.bridgeway.supervision.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.web.ApiBodyLimit;
import org.bridgeway.shared.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The CSV import of people and cases over the API: the file as {@code text/csv} (named by {@code
 * Content-Disposition} or the {@code filename} parameter) or as the part {@code file} of a
 * multipart form. The import runs in the background: the answer is 202 with the job's location,
 * which reports progress and, once finished, what was written or every error by row and column
 * (also as CSV at the job's {@code errors}). A file that cannot be this export at all (too large,
 * not UTF-8, no header, malformed quoting, too many rows) is refused at once with 400 (413 if too
 * large), as problem details or, when the client accepts {@code text/csv} first, as a CSV error
 * report. Retries are safe with an {@code Idempotency-Key}.
 */
@RestController
@RequestMapping("/api/v1/supervision/imports")
class PeopleImportApiController {

  static final String ADMINISTRATORS = "hasAnyRole('ORGANIZATION_ADMIN','NETWORK_ADMIN')";
  static final String BASE = "/api/v1/supervision/imports";

  /**
   * An import job as the API shows it.
   *
   * @param percent progress of the current phase (checking, then writing)
   * @param errorReport where the errors are as CSV, once the job is rejected or failed; else null
   */
  record ImportJobView(
      UUID id,
      ImportJobStatus status,
      String fileName,
      long size,
      int rows,
      int rowsValidated,
      int rowsWritten,
      int percent,
      int errorCount,
      Instant createdAt,
      Instant startedAt,
      Instant finishedAt,
      ImportReport report,
      String errorReport) {

    static ImportJobView of(ImportJob job) {
      boolean errors =
          job.status() == ImportJobStatus.REJECTED || job.status() == ImportJobStatus.FAILED;
      return new ImportJobView(
          job.id(),
          job.status(),
          job.fileName(),
          job.size(),
          job.rows(),
          job.rowsValidated(),
          job.rowsWritten(),
          job.percent(),
          job.errorCount(),
          job.createdAt(),
          job.startedAt(),
          job.finishedAt(),
          job.report(),
          errors ? BASE + "/" + job.id() + "/errors" : null);
    }
  }

  private final PeopleImportJobs jobs;

  PeopleImportApiController(PeopleImportJobs jobs) {
    this.jobs = jobs;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ApiBodyLimit("41MB")
  @PreAuthorize(ADMINISTRATORS)
  ResponseEntity<?> uploadForm(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestPart("file") MultipartFile file,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    return submit(principal, file.getOriginalFilename(), read(file), accept);
  }

  @PostMapping(consumes = "text/csv")
  @ApiBodyLimit("41MB")
  @PreAuthorize(ADMINISTRATORS)
  ResponseEntity<?> uploadCsv(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestBody(required = false) byte[] body,
      @RequestHeader(name = HttpHeaders.CONTENT_DISPOSITION, required = false) String disposition,
      @RequestParam(name = "filename", required = false) String filename,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    return submit(
        principal, fileName(filename, disposition), body == null ? new byte[0] : body, accept);
  }

  @GetMapping("/{id}")
  @PreAuthorize(ADMINISTRATORS)
  ImportJobView job(@AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return jobs.find(principal, id)
        .map(ImportJobView::of)
        .orElseThrow(() -> new NotFoundException("import"));
  }

  @GetMapping(path = "/{id}/errors", produces = "text/csv")
  @PreAuthorize(ADMINISTRATORS)
  ResponseEntity<String> errors(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    ImportJob job = jobs.find(principal, id).orElseThrow(() -> new NotFoundException("import"));
    return errorReport(job);
  }

  /** A job's errors as a CSV attachment (just the header while it has none). */
  static ResponseEntity<String> errorReport(ImportJob job) {
    ImportReport report =
        job.report() == null ? ImportReport.rejected(job.rows(), 0, List.of()) : job.report();
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"import-errors-" + job.id() + ".csv\"")
        .body(ErrorReportCsv.of(report));
  }

  private ResponseEntity<?> submit(
      BridgewayPrincipal principal, String fileName, byte[] bytes, String accept) {
    try {
      UUID id = jobs.submit(principal, fileName, bytes);
      ImportJob job = jobs.find(principal, id).orElseThrow();
      return ResponseEntity.accepted()
          .location(URI.create(BASE + "/" + id))
          .body(ImportJobView.of(job));
    } catch (ImportRejected rejected) {
      HttpStatus status =
          rejected.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
      ImportReport report = rejected.report();
      if (prefersCsv(accept)) {
        return ResponseEntity.status(status)
            .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-errors.csv\"")
            .body(ErrorReportCsv.of(report));
      }
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              status,
              "The file was not imported: nothing was written. Correct every error listed and"
                  + " send the whole file again.");
      problem.setProperty("code", "supervision.import.rejected");
      problem.setProperty("rows", report.rows());
      problem.setProperty("errorCount", report.errorCount());
      problem.setProperty("errors", report.errors());
      return ResponseEntity.status(status)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
  }

  private static String fileName(String filename, String disposition) {
    if (filename != null && !filename.isBlank()) {
      return filename;
    }
    if (disposition != null) {
      try {
        return ContentDisposition.parse(disposition).getFilename();
      } catch (IllegalArgumentException ignored) {
        // No usable name: the job is named upload.csv.
      }
    }
    return null;
  }

  private static boolean prefersCsv(String accept) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    try {
      List<MediaType> types = MediaType.parseMediaTypes(accept);
      return !types.isEmpty()
          && !types.getFirst().isWildcardType()
          && types.getFirst().isCompatibleWith(MediaType.valueOf("text/csv"));
    } catch (IllegalArgumentException unparseable) {
      return false;
    }
  }

  private static byte[] read(MultipartFile file) {
    try (InputStream in = file.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
