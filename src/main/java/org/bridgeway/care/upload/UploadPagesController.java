package org.bridgeway.care.upload;

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
 * The provider's upload pages: upload an attendance file or a drug test file (chosen in a select),
 * then follow its job until the report, either what was written or every error by row and column
 * (then nothing was written). A file that cannot be a file of its kind at all is refused on the
 * upload page at once.
 */
@Controller
@RequestMapping("/care/provider/uploads")
class UploadPagesController {

  static final int RECENT = 10;

  private final CareUploads jobs;

  UploadPagesController(CareUploads jobs) {
    this.jobs = jobs;
  }

  @GetMapping
  @PreAuthorize(UploadApiController.PROVIDER_STAFF)
  ModelAndView page(@AuthenticationPrincipal BridgewayPrincipal principal) {
    return page(principal, UploadKind.ATTENDANCE, null, null, HttpStatus.OK);
  }

  @PostMapping
  @PreAuthorize(UploadApiController.PROVIDER_STAFF)
  ModelAndView upload(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "kind", required = false) String kindName) {
    // The select offers only known kinds: anything else is the default's page again, with its
    // error.
    UploadKind kind = UploadKind.ofParameter(kindName).orElse(null);
    if (kind == null) {
      return page(
          principal,
          UploadKind.ATTENDANCE,
          null,
          "care.upload.page.noKind",
          HttpStatus.BAD_REQUEST);
    }
    if (file == null || (file.isEmpty() && blank(file.getOriginalFilename()))) {
      return page(principal, kind, null, "care.upload.page.noFile", HttpStatus.BAD_REQUEST);
    }
    try {
      UUID id = jobs.submit(principal, kind, file.getOriginalFilename(), read(file));
      return new ModelAndView("redirect:/care/provider/uploads/" + id);
    } catch (UploadRejected rejected) {
      return page(
          principal,
          kind,
          rejected.report(),
          null,
          rejected.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST);
    }
  }

  @GetMapping("/{id}")
  @PreAuthorize(UploadApiController.PROVIDER_STAFF)
  ModelAndView job(@AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    UploadJob job = jobs.find(principal, id).orElseThrow(() -> new NotFoundException("upload"));
    ModelAndView page = new ModelAndView("care/upload/job");
    page.addObject("job", job);
    return page;
  }

  @GetMapping("/{id}/errors.csv")
  @PreAuthorize(UploadApiController.PROVIDER_STAFF)
  ResponseEntity<String> errors(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    UploadJob job = jobs.find(principal, id).orElseThrow(() -> new NotFoundException("upload"));
    return UploadApiController.errorReport(job);
  }

  private ModelAndView page(
      BridgewayPrincipal principal,
      UploadKind kind,
      UploadReport report,
      String formError,
      HttpStatus status) {
    ModelAndView page = new ModelAndView("care/upload/uploads");
    page.addObject("kinds", UploadKind.values());
    page.addObject("kind", kind);
    page.addObject("report", report);
    page.addObject("formError", formError);
    page.addObject("maxMegabytes", jobs.maxFileBytes() / (1024 * 1024));
    page.addObject("maxRows", jobs.maxRows());
    List<UploadJob> recent = jobs.recent(principal, RECENT);
    page.addObject("recent", recent);
    page.addObject("header", jobs.exampleHeader(UploadKind.ATTENDANCE));
    page.addObject("testHeader", jobs.exampleHeader(UploadKind.DRUG_TESTS));
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
