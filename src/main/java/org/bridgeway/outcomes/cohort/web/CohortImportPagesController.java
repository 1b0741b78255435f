package org.bridgeway.outcomes.cohort.web;

import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.outcomes.cohort.CohortImportJob;
import org.bridgeway.outcomes.cohort.CohortImports;
import org.bridgeway.outcomes.cohort.CohortReport;
import org.bridgeway.outcomes.event.EventImportRejected;
import org.bridgeway.shared.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The cohort import pages: upload a ZIP of the agency's history, then follow its job (a progress
 * bar while it runs) until its report: what each file added, changed or left unchanged, or every
 * error by file, row and column.
 */
@Controller
@RequestMapping("/outcomes/cohort-imports")
class CohortImportPagesController {

  static final int RECENT = 10;

  private final CohortImports imports;

  CohortImportPagesController(CohortImports imports) {
    this.imports = imports;
  }

  @GetMapping
  @PreAuthorize(CohortImportApiController.IMPORTERS)
  ModelAndView page(@AuthenticationPrincipal BridgewayPrincipal principal) {
    CohortImportApiController.requireAgency(principal);
    return page(principal, null, null, HttpStatus.OK);
  }

  @PostMapping
  @PreAuthorize(CohortImportApiController.IMPORTERS)
  ModelAndView upload(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(name = "file", required = false) MultipartFile file) {
    CohortImportApiController.requireAgency(principal);
    if (file == null || file.isEmpty()) {
      return page(principal, null, "outcomes.cohort.page.noFile", HttpStatus.BAD_REQUEST);
    }
    try {
      UUID id =
          imports.submit(
              principal, file.getOriginalFilename(), CohortImportApiController.read(file));
      return new ModelAndView("redirect:/outcomes/cohort-imports/" + id);
    } catch (EventImportRejected rejected) {
      return page(
          principal,
          (CohortReport) rejected.report(),
          null,
          rejected.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST);
    }
  }

  @GetMapping("/{id}")
  @PreAuthorize(CohortImportApiController.IMPORTERS)
  ModelAndView job(@AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    CohortImportJob job =
        imports.find(principal, id).orElseThrow(() -> new NotFoundException("cohort import"));
    ModelAndView page = new ModelAndView("outcomes/cohort-import");
    page.addObject("job", job);
    return page;
  }

  private ModelAndView page(
      BridgewayPrincipal principal, CohortReport report, String formError, HttpStatus status) {
    ModelAndView page = new ModelAndView("outcomes/cohort-imports");
    page.addObject("report", report);
    page.addObject("formError", formError);
    page.addObject("maxMegabytes", CohortImports.MAX_BYTES / (1024 * 1024));
    page.addObject("recent", imports.recent(principal, RECENT));
    page.setStatus(status);
    return page;
  }
}
