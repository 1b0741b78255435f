package org.bridgeway.directory.exchange.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.bridgeway.directory.exchange.ImportJobs;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload to the import page larger than the servlet container accepts fails before any
 * controller runs; this shows the import page again with a clear message (413) instead of an error
 * page. Other pages' uploads are left to the default handling.
 */
@ControllerAdvice
class UploadLimitAdvice {

  private final ImportJobs jobs;

  UploadLimitAdvice(ImportJobs jobs) {
    this.jobs = jobs;
  }

  @ExceptionHandler
  ModelAndView tooLarge(MaxUploadSizeExceededException exception, HttpServletRequest request)
      throws MaxUploadSizeExceededException {
    boolean curator =
        request.isUserInRole("NETWORK_ADMIN") || request.isUserInRole("COMMUNITY_COORDINATOR");
    if (!"/directory/imports".equals(request.getRequestURI()) || !curator) {
      throw exception;
    }
    ModelAndView page = new ModelAndView("directory/exchange/imports");
    page.addObject("errors", List.of("directory.exchange.import.error.tooLarge"));
    page.addObject("problems", List.of());
    page.addObject("recent", jobs.recent(ImportPagesController.RECENT));
    page.addObject("maxUploadMegabytes", jobs.maxUploadBytes() / (1024 * 1024));
    page.setStatus(HttpStatus.CONTENT_TOO_LARGE);
    return page;
  }
}
