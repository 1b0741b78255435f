package org.bridgeway.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Error pages for the browser application: a record that is missing or not the user's is a 404
 * page, and an edit that lost a race is a 409 page that says to reload. REST controllers have their
 * own problem-details handler, which takes precedence.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

  @ExceptionHandler(NotFoundException.class)
  ModelAndView notFound(HttpServletResponse response) {
    return errorPage(response, HttpServletResponse.SC_NOT_FOUND);
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ModelAndView conflict(HttpServletResponse response) {
    return errorPage(response, HttpServletResponse.SC_CONFLICT);
  }

  private static ModelAndView errorPage(HttpServletResponse response, int status) {
    response.setStatus(status);
    ModelAndView page = new ModelAndView("error");
    page.addObject("status", status);
    return page;
  }
}
