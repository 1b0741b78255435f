package org.bridgeway.directory.exchange.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bridgeway.directory.exchange.DirectoryExport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directory, or a part of it, as HSDS 3.0 over the API: {@code format=json} (an array of
 * organizations with their services) or {@code format=csv} (the tabular datapackage as a ZIP).
 * Filters: {@code organization} (directory organization ids), {@code needDomain}, {@code
 * modifiedAfter} (a date or an ISO 8601 date-time). The answer streams.
 */
@RestController
@RequestMapping("/api/v1/directory/export")
class ExportApiController {

  private final DirectoryExport exports;

  ExportApiController(DirectoryExport exports) {
    this.exports = exports;
  }

  @GetMapping
  @PreAuthorize(Curators.EXPORT)
  void export(
      @RequestParam(name = "format", defaultValue = "json") String format,
      @RequestParam(name = "organization", required = false) List<String> organization,
      @RequestParam(name = "needDomain", required = false) List<String> needDomain,
      @RequestParam(name = "modifiedAfter", required = false) String modifiedAfter,
      HttpServletResponse response)
      throws IOException {
    ExportForm.Parsed parsed = new ExportForm(organization, needDomain, modifiedAfter).parse();
    Map<String, String> errors = new LinkedHashMap<>(parsed.errors());
    if (!format.equals("json") && !format.equals("csv")) {
      errors.put("format", "directory.exchange.export.error.format");
    }
    if (!errors.isEmpty()) {
      throw new ExchangeApiAdvice.InvalidParameters(errors);
    }
    ExportDownloads.write(exports, parsed.filter(), format.equals("json"), response);
  }

  /** How pages and the API send an export. */
  static final class ExportDownloads {

    private ExportDownloads() {}

    static void write(
        DirectoryExport exports,
        DirectoryExport.Filter filter,
        boolean json,
        HttpServletResponse response)
        throws IOException {
      String name = exports.fileName(json ? "json" : "zip");
      response.setContentType(json ? "application/json" : "application/zip");
      response.setHeader(
          HttpHeaders.CONTENT_DISPOSITION,
          ContentDisposition.attachment().filename(name).build().toString());
      if (json) {
        exports.writeJson(filter, response.getOutputStream());
      } else {
        exports.writeCsvPackage(filter, response.getOutputStream());
      }
      response.flushBuffer();
    }
  }
}
