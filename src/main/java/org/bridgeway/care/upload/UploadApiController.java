package org.bridgeway.care.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.web.ApiBodyLimit;
import org.bridgeway.shared.web.FieldViolation;
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
 * A provider's bulk upload of attendance or of drug test results over the API (the {@code kind}
 * parameter: {@code attendance}, the default, or {@code drug-tests}): the file as {@code text/csv}
 * (named by {@code Content-Disposition} or the {@code filename} parameter) or as the part {@code
 * file} of a multipart form. The upload runs in the background: the answer is 202 with the job's
 * location, which reports progress and, once finished, what was written (appointments created,
 * updated, unchanged) or every error by row and column (also as CSV at the job's {@code errors}). A
 * file that cannot be a file of its kind at all (too large, not UTF-8, no known header, too many
 * rows) is refused at once with 400 (413 if too large), as problem details or, when the client
 * accepts {@code text/csv} first, as a CSV error report. Retries are safe with an {@code
 * Idempotency-Key}, and a file sent again changes nothing.
 */
@RestController
@RequestMapping("/api/v1/care/provider/uploads")
class UploadApiController {

  static final String PROVIDER_STAFF =
      "hasAnyRole('PROVIDER_STAFF','ORGANIZATION_ADMIN','NETWORK_ADMIN')";
  static final String BASE = "/api/v1/care/provider/uploads";

  /** The values of the {@code kind} parameter. */
  static final String KINDS =
      Arrays.stream(UploadKind.values())
          .map(UploadKind::parameter)
          .collect(Collectors.joining(" or "));

  /**
   * An upload job as the API shows it.
   *
   * @param kind what the file holds: {@code attendance} or {@code drug-tests}
   * @param percent progress of the current phase (checking, then writing)
   * @param errorReport where the errors are as CSV, once the job is rejected or failed; else null
   */
  record UploadJobView(
      UUID id,
      String kind,
      UploadStatus status,
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
      UploadReport report,
      String errorReport) {

    static UploadJobView of(UploadJob job) {
      boolean errors = job.status() == UploadStatus.REJECTED || job.status() == UploadStatus.FAILED;
      return new UploadJobView(
          job.id(),
          job.kind().parameter(),
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

  private final CareUploads jobs;

  UploadApiController(CareUploads jobs) {
    this.jobs = jobs;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ApiBodyLimit("201MB")
  @PreAuthorize(PROVIDER_STAFF)
  ResponseEntity<?> uploadForm(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestPart("file") MultipartFile file,
      @RequestParam(name = "kind", required = false) String kind,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    return submit(principal, kind, file.getOriginalFilename(), read(file), accept);
  }

  @PostMapping(consumes = "text/csv")
  @ApiBodyLimit("201MB")
  @PreAuthorize(PROVIDER_STAFF)
  ResponseEntity<?> uploadCsv(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestBody(required = false) byte[] body,
      @RequestHeader(name = HttpHeaders.CONTENT_DISPOSITION, required = false) String disposition,
      @RequestParam(name = "filename", required = false) String filename,
      @RequestParam(name = "kind", required = false) String kind,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    return submit(
        principal,
        kind,
        fileName(filename, disposition),
        body == null ? new byte[0] : body,
        accept);
  }

  @GetMapping("/{id}")
  @PreAuthorize(PROVIDER_STAFF)
  UploadJobView job(@AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return jobs.find(principal, id)
        .map(UploadJobView::of)
        .orElseThrow(() -> new NotFoundException("upload"));
  }

  @GetMapping(path = "/{id}/errors", produces = "text/csv")
  @PreAuthorize(PROVIDER_STAFF)
  ResponseEntity<String> errors(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    UploadJob job = jobs.find(principal, id).orElseThrow(() -> new NotFoundException("upload"));
    return errorReport(job);
  }

  /** A job's errors as a CSV attachment (just the header while it has none). */
  static ResponseEntity<String> errorReport(UploadJob job) {
    UploadReport report =
        job.report() == null ? UploadReport.rejected(job.rows(), 0, List.of()) : job.report();
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"upload-errors-" + job.id() + ".csv\"")
        .body(UploadErrorsCsv.of(report));
  }

  private ResponseEntity<?> submit(
      BridgewayPrincipal principal, String kindName, String fileName, byte[] bytes, String accept) {
    Optional<UploadKind> kind = UploadKind.ofParameter(kindName);
    if (kind.isEmpty()) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST, "The request is not valid: see the errors for each field.");
      problem.setProperty(
          "errors",
          List.of(new FieldViolation("kind", "Unknown", "must be " + KINDS + " (or none)")));
      return ResponseEntity.badRequest()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    try {
      UUID id = jobs.submit(principal, kind.get(), fileName, bytes);
      UploadJob job = jobs.find(principal, id).orElseThrow();
      return ResponseEntity.accepted()
          .location(URI.create(BASE + "/" + id))
          .body(UploadJobView.of(job));
    } catch (UploadRejected rejected) {
      HttpStatus status =
          rejected.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
      UploadReport report = rejected.report();
      if (prefersCsv(accept)) {
        return ResponseEntity.status(status)
            .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"upload-errors.csv\"")
            .body(UploadErrorsCsv.of(report));
      }
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              status,
              "The file was not uploaded: nothing was written. Correct every error listed and"
                  + " send the whole file again.");
      problem.setProperty("code", "care.upload.rejected");
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
