package org.bridgeway.directory.exchange.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.bridgeway.directory.exchange.ImportJob;
import org.bridgeway.directory.exchange.ImportJobs;
import org.bridgeway.directory.exchange.ImportReport;
import org.bridgeway.directory.exchange.ImportStatus;
import org.bridgeway.directory.exchange.Upload;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.web.ApiBodyLimit;
import org.bridgeway.shared.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * HSDS imports over the API. The body is the file itself: HSDS JSON ({@code application/json}), a
 * ZIP of HSDS CSV files ({@code application/zip}), or one HSDS CSV file ({@code text/csv}, named by
 * {@code Content-Disposition} or the {@code filename} parameter, e.g. {@code services.csv}). The
 * import runs in the background: the answer is 202 with the job's location, which reports progress
 * and, when done, what changed or what is wrong. A body that cannot be an HSDS import (malformed
 * JSON, a broken or oversized ZIP) is refused at once with a problem response. Retries are safe
 * with an {@code Idempotency-Key}.
 */
@RestController
@RequestMapping("/api/v1/directory/imports")
class ImportApiController {

  static final MediaType ZIP = MediaType.parseMediaType("application/zip");

  /** An import job as the API shows it. */
  record ImportJobView(
      UUID id,
      ImportStatus status,
      String fileName,
      String kind,
      long size,
      int done,
      int total,
      Instant createdAt,
      Instant startedAt,
      Instant finishedAt,
      ImportReport report) {

    static ImportJobView of(ImportJob job) {
      return new ImportJobView(
          job.id(),
          job.status(),
          job.fileName(),
          job.kind(),
          job.size(),
          job.done(),
          job.total(),
          job.createdAt(),
          job.startedAt(),
          job.finishedAt(),
          job.report());
    }
  }

  private final ImportJobs jobs;

  ImportApiController(ImportJobs jobs) {
    this.jobs = jobs;
  }

  @PostMapping(
      consumes = {
        MediaType.APPLICATION_JSON_VALUE,
        "application/zip",
        "application/x-zip-compressed",
        "text/csv"
      })
  @ApiBodyLimit("50MB")
  @PreAuthorize(Curators.IMPORT)
  ResponseEntity<ImportJobView> submit(
      @RequestBody byte[] body,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
      @RequestHeader(name = HttpHeaders.CONTENT_DISPOSITION, required = false) String disposition,
      @RequestParam(name = "filename", required = false) String filename,
      @AuthenticationPrincipal BridgewayPrincipal principal) {
    String name = fileName(filename, disposition, contentType);
    UUID id = jobs.submit(List.of(new Upload(name, contentType.toString(), body)), principal);
    ImportJob job = jobs.find(id).orElseThrow();
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/directory/imports/" + id))
        .body(ImportJobView.of(job));
  }

  @GetMapping("/{id}")
  @PreAuthorize(Curators.IMPORT)
  ImportJobView job(@PathVariable UUID id) {
    return jobs.find(id).map(ImportJobView::of).orElseThrow(() -> new NotFoundException("import"));
  }

  private static String fileName(String filename, String disposition, MediaType contentType) {
    if (filename != null && !filename.isBlank()) {
      return filename;
    }
    if (disposition != null) {
      try {
        String named = ContentDisposition.parse(disposition).getFilename();
        if (named != null && !named.isBlank()) {
          return named;
        }
      } catch (IllegalArgumentException ignored) {
        // Fall back to a name from the content type.
      }
    }
    String subtype = contentType.getSubtype().toLowerCase(Locale.ROOT);
    if (subtype.contains("zip")) {
      return "upload.zip";
    }
    return subtype.equals("csv") ? "upload.csv" : "upload.json";
  }
}
