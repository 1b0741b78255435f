package org.bridgeway.outcomes.event.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.outcomes.event.EventImportRejected;
import org.bridgeway.outcomes.event.EventImportReport;
import org.bridgeway.outcomes.event.EventMessages;
import org.bridgeway.outcomes.event.OutcomeEventImports;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The outcome-event import page of an agency's analysts and supervisors: upload a CSV of court,
 * police or employment events, and see at once what was written or every error by row and column
 * (then nothing was written).
 */
@Controller
@RequestMapping("/outcomes/event-imports")
class OutcomeEventImportPagesController {

  private final OutcomeEventImports imports;
  private final ImportAccess access;
  private final EventMessages messages;

  OutcomeEventImportPagesController(
      OutcomeEventImports imports, ImportAccess access, EventMessages messages) {
    this.imports = imports;
    this.access = access;
    this.messages = messages;
  }

  @GetMapping
  @PreAuthorize(OutcomeEventImportApiController.IMPORTERS)
  ModelAndView page(@AuthenticationPrincipal BridgewayPrincipal principal) {
    access.requireAgency(principal);
    return page(null, null, HttpStatus.OK);
  }

  @PostMapping
  @PreAuthorize(OutcomeEventImportApiController.IMPORTERS)
  ModelAndView upload(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(name = "file", required = false) MultipartFile file) {
    access.requireAgency(principal);
    if (file == null || file.isEmpty()) {
      return page(null, "outcomes.imports.page.noFile", HttpStatus.BAD_REQUEST);
    }
    if (file.getSize() > OutcomeEventImports.MAX_BYTES) {
      return page(
          EventImportReport.rejected(
              0,
              1,
              java.util.List.of(
                  new org.bridgeway.outcomes.event.ImportError(
                      null,
                      0,
                      null,
                      "TooLarge",
                      messages.error("tooLarge", OutcomeEventImports.MAX_BYTES / (1024 * 1024))))),
          null,
          HttpStatus.CONTENT_TOO_LARGE);
    }
    try {
      return page(imports.importCsv(principal, read(file)), null, HttpStatus.OK);
    } catch (EventImportRejected rejected) {
      return page(
          (EventImportReport) rejected.report(),
          null,
          rejected.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST);
    }
  }

  private static ModelAndView page(EventImportReport report, String formError, HttpStatus status) {
    ModelAndView page = new ModelAndView("outcomes/event-imports");
    page.addObject("report", report);
    page.addObject("formError", formError);
    page.addObject("header", String.join(",", OutcomeEventImports.COLUMNS));
    page.addObject("maxMegabytes", OutcomeEventImports.MAX_BYTES / (1024 * 1024));
    page.addObject("maxRows", OutcomeEventImports.MAX_ROWS);
    page.setStatus(status);
    return page;
  }

  private static byte[] read(MultipartFile file) {
    try (InputStream in = file.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
