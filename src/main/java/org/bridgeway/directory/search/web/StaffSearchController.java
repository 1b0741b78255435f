package org.bridgeway.directory.search.web;

import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The staff search page: the public filters plus the facts of a person the services must accept
 * (age, gender, supervision, offense types, payment, language, ZIP code of residence), and fuller
 * capacity. The facts stay in the request; nothing about the person is stored.
 */
@Controller
class StaffSearchController {

  private final SearchPages pages;

  StaffSearchController(SearchPages pages) {
    this.pages = pages;
  }

  @GetMapping("/directory/search")
  @PreAuthorize("isAuthenticated()")
  ModelAndView search(DirectorySearchForm form, Locale locale) {
    return pages.page(
        "directory/search/staff",
        "/directory/search",
        form,
        DirectorySearchForm.Channel.STAFF,
        locale);
  }
}
