package org.bridgeway.supervision.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.bridgeway.identity.BridgewayPrincipal;
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
 * The import page: upload the legacy export and read the report on the same page, either what was
 * written or every error by row and column (then nothing was written).
 */
@Controller
@RequestMapping("/supervision/imports")
class PeopleImportPagesController {

  private final PeopleImport imports;

  PeopleImportPagesController(PeopleImport imports) {
    this.imports = imports;
  }

  @GetMapping
  @PreAuthorize(PeopleImportApiController.ADMINISTRATORS)
  ModelAndView page() {
    return page(null, null, HttpStatus.OK);
  }

  @PostMapping
  @PreAuthorize(PeopleImportApiController.ADMINISTRATORS)
  ModelAndView upload(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(name = "file", required = false) MultipartFile file) {
    if (file == null || (file.isEmpty() && blank(file.getOriginalFilename()))) {
      return page(null, "supervision.import.page.noFile", HttpStatus.BAD_REQUEST);
    }
    try {
      return page(imports.importFile(principal, read(file)), null, HttpStatus.OK);
    } catch (ImportRejected rejected) {
      return page(
          rejected.report(),
          null,
          rejected.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST);
    }
  }

  private ModelAndView page(ImportReport report, String formError, HttpStatus status) {
    ModelAndView page = new ModelAndView("supervision/import/imports");
    page.addObject("report", report);
    page.addObject("formError", formError);
    page.addObject("maxMegabytes", imports.maxFileBytes() / (1024 * 1024));
    page.addObject("maxRows", imports.maxRows());
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
