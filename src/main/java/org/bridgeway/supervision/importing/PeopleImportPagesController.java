package org.bridgeway.supervision.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
 * The import pages: upload the legacy export, then follow its job until the report, either what was
 * written or every error by row and column (then nothing was written). A file that cannot be this
 * export at all is refused on the upload page at once.
 */
@Controller
@RequestMapping("/supervision/imports")
class PeopleImportPagesController {

  static final int RECENT = 10;

  private final PeopleImportJobs jobs;

  PeopleImportPagesController(PeopleImportJobs jobs) {
    this.jobs = jobs;
  }

  @GetMapping
  @PreAuthorize(PeopleImportApiController.ADMINISTRATORS)
  ModelAndView page(@AuthenticationPrincipal BridgewayPrincipal principal) {
    return page(principal, null, null, HttpStatus.OK);
  }

  @PostMapping
  @PreAuthorize(PeopleImportApiController.ADMINISTRATORS)
  ModelAndView upload(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(name = "file", required = false) MultipartFile file) {
    if (file == null || (file.isEmpty() && blank(file.getOriginalFilename()))) {
      return page(principal, null, "supervision.import.page.noFile", HttpStatus.BAD_REQUEST);
    }
    try {
      UUID id = jobs.submit(principal, file.getOriginalFilename(), read(file));
      return new ModelAndView("redirect:/supervision/imports/" + id);
    } catch (ImportRejected rejected) {
      return page(
          principal,
          rejected.report(),
          null,
          rejected.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST);
    }
  }

  @GetMapping("/{id}")
  @PreAuthorize(PeopleImportApiController.ADMINISTRATORS)
  ModelAndView job(@AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    ImportJob job = jobs.find(principal, id).orElseThrow(() -> new NotFoundException("import"));
    ModelAndView page = new ModelAndView("supervision/import/job");
    page.addObject("job", job);
    return page;
  }

  @GetMapping("/{id}/errors.csv")
  @PreAuthorize(PeopleImportApiController.ADMINISTRATORS)
  ResponseEntity<String> errors(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    ImportJob job = jobs.find(principal, id).orElseThrow(() -> new NotFoundException("import"));
    return PeopleImportApiController.errorReport(job);
  }

  private ModelAndView page(
      BridgewayPrincipal principal, ImportReport report, String formError, HttpStatus status) {
    ModelAndView page = new ModelAndView("supervision/import/imports");
    page.addObject("report", report);
    page.addObject("formError", formError);
    page.addObject("maxMegabytes", jobs.maxFileBytes() / (1024 * 1024));
    page.addObject("maxRows", jobs.maxRows());
    List<ImportJob> recent = jobs.recent(principal, RECENT);
    page.addObject("recent", recent);
    page.setStatus(status);
    return page;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static byte[] read(MultipartFile file) {
    try (InputStream in = file.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
