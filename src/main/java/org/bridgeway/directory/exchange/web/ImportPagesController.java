package org.bridgeway.directory.exchange.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bridgeway.directory.exchange.ImportJob;
import org.bridgeway.directory.exchange.ImportJobs;
import org.bridgeway.directory.exchange.ImportStatus;
import org.bridgeway.directory.exchange.Upload;
import org.bridgeway.directory.exchange.UploadRejected;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The import pages: upload a file (or several CSV files) and follow the job until its report. The
 * upload is refused at once when it cannot be an HSDS import at all; everything else is checked by
 * the job, whose page shows the report.
 */
@Controller
@RequestMapping("/directory/imports")
class ImportPagesController {

  static final int RECENT = 20;

  /** What the job page polls for. */
  record Progress(
      String status,
      String statusText,
      boolean finished,
      boolean determinate,
      int done,
      int total,
      Integer percent,
      String progressText) {}

  private final ImportJobs jobs;
  private final MessageSource messages;

  ImportPagesController(ImportJobs jobs, MessageSource messages) {
    this.jobs = jobs;
    this.messages = messages;
  }

  @GetMapping
  @PreAuthorize(Curators.IMPORT)
  ModelAndView imports() {
    return uploadPage(List.of(), HttpStatus.OK);
  }

  @PostMapping
  @PreAuthorize(Curators.IMPORT)
  ModelAndView upload(
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      @AuthenticationPrincipal BridgewayPrincipal principal) {
    List<Upload> uploads = new ArrayList<>();
    if (files != null) {
      for (MultipartFile file : files) {
        if (!file.isEmpty()
            || (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank())) {
          uploads.add(upload(file));
        }
      }
    }
    if (uploads.isEmpty()) {
      return uploadPage(List.of("directory.exchange.import.error.noFile"), HttpStatus.BAD_REQUEST);
    }
    try {
      UUID id = jobs.submit(uploads, principal);
      return new ModelAndView("redirect:/directory/imports/" + id);
    } catch (UploadRejected rejected) {
      ModelAndView page =
          uploadPage(
              List.of(),
              rejected.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST);
      page.addObject("problems", rejected.problems());
      return page;
    }
  }

  @GetMapping("/{id}")
  @PreAuthorize(Curators.IMPORT)
  ModelAndView job(@PathVariable UUID id) {
    ImportJob job = jobs.find(id).orElseThrow(() -> new NotFoundException("import"));
    ModelAndView page = new ModelAndView("directory/exchange/import");
    page.addObject("job", job);
    return page;
  }

  @GetMapping(path = "/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize(Curators.IMPORT)
  @ResponseBody
  Progress progress(@PathVariable UUID id) {
    ImportJob job = jobs.find(id).orElseThrow(() -> new NotFoundException("import"));
    var locale = LocaleContextHolder.getLocale();
    boolean determinate = job.status() == ImportStatus.VALIDATING && job.total() > 0;
    String progressText =
        switch (job.status()) {
          case WRITING ->
              messages.getMessage(
                  "directory.exchange.import.progress.writing", new Object[] {job.total()}, locale);
          case VALIDATING ->
              determinate
                  ? messages.getMessage(
                      "directory.exchange.import.progress.count",
                      new Object[] {job.done(), job.total()},
                      locale)
                  : messages.getMessage("directory.exchange.import.progress.unknown", null, locale);
          default -> messages.getMessage(job.status().messageKey(), null, locale);
        };
    return new Progress(
        job.status().name(),
        messages.getMessage(job.status().messageKey(), null, locale),
        job.finished(),
        determinate,
        job.done(),
        job.total(),
        job.percent(),
        progressText);
  }

  private ModelAndView uploadPage(List<String> errors, HttpStatus status) {
    ModelAndView page = new ModelAndView("directory/exchange/imports");
    page.addObject("errors", errors);
    page.addObject("problems", List.of());
    page.addObject("recent", jobs.recent(RECENT));
    page.addObject("maxUploadMegabytes", jobs.maxUploadBytes() / (1024 * 1024));
    page.setStatus(status);
    return page;
  }

  private static Upload upload(MultipartFile file) {
    try {
      return new Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
