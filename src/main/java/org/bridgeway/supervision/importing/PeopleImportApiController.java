package org.bridgeway.supervision.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.web.ApiBodyLimit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The CSV import of people and cases over the API: the file as {@code text/csv} or as the part
 * {@code file} of a multipart form. Answers 200 with the report when the file was imported; a
 * rejected file answers 400 (413 if too large) with every error by row and column, as problem
 * details or, when the client accepts {@code text/csv} first, as a CSV error report.
 */
@RestController
@RequestMapping("/api/v1/supervision/imports")
class PeopleImportApiController {

  static final String ADMINISTRATORS = "hasAnyRole('ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  private final PeopleImport imports;

  PeopleImportApiController(PeopleImport imports) {
    this.imports = imports;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ApiBodyLimit("21MB")
  @PreAuthorize(ADMINISTRATORS)
  ResponseEntity<?> uploadForm(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestPart("file") MultipartFile file,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    return answer(principal, read(file), accept);
  }

  @PostMapping(consumes = "text/csv")
  @ApiBodyLimit("21MB")
  @PreAuthorize(ADMINISTRATORS)
  ResponseEntity<?> uploadCsv(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestBody(required = false) byte[] body,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    return answer(principal, body == null ? new byte[0] : body, accept);
  }

  private ResponseEntity<?> answer(BridgewayPrincipal principal, byte[] bytes, String accept) {
    try {
      return ResponseEntity.ok(imports.importFile(principal, bytes));
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
