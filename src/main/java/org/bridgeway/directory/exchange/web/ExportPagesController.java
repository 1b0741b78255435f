package org.bridgeway.directory.exchange.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.bridgeway.directory.exchange.DirectoryExport;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The export page (filters and a choice of HSDS JSON or the CSV datapackage) and the two downloads
 * it links to. A download with filters that do not parse shows the page again with the errors.
 */
@Controller
@RequestMapping("/directory")
class ExportPagesController {

  private final DirectoryExport exports;

  ExportPagesController(DirectoryExport exports) {
    this.exports = exports;
  }

  @GetMapping("/export")
  @PreAuthorize(Curators.EXPORT)
  ModelAndView page(@ModelAttribute("form") ExportForm form, Authentication authentication) {
    return page(form, Map.of(), HttpStatus.OK, authentication);
  }

  @GetMapping("/export.json")
  @PreAuthorize(Curators.EXPORT)
  ModelAndView json(
      @ModelAttribute("form") ExportForm form,
      Authentication authentication,
      HttpServletResponse response)
      throws IOException {
    return download(form, true, authentication, response);
  }

  @GetMapping("/export.zip")
  @PreAuthorize(Curators.EXPORT)
  ModelAndView zip(
      @ModelAttribute("form") ExportForm form,
      Authentication authentication,
      HttpServletResponse response)
      throws IOException {
    return download(form, false, authentication, response);
  }

  private ModelAndView download(
      ExportForm form, boolean json, Authentication authentication, HttpServletResponse response)
      throws IOException {
    ExportForm.Parsed parsed = form.parse();
    if (!parsed.errors().isEmpty()) {
      return page(form, parsed.errors(), HttpStatus.BAD_REQUEST, authentication);
    }
    ExportApiController.ExportDownloads.write(exports, parsed.filter(), json, response);
    return null;
  }

  private static ModelAndView page(
      ExportForm form, Map<String, String> errors, HttpStatus status, Authentication caller) {
    ModelAndView page = new ModelAndView("directory/exchange/export");
    page.addObject(
        "canImport",
        caller.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch(
                a -> a.equals("ROLE_NETWORK_ADMIN") || a.equals("ROLE_COMMUNITY_COORDINATOR")));
    page.addObject("form", form);
    page.addObject("errors", errors);
    page.addObject("needDomains", Arrays.asList(NeedDomain.values()));
    page.setStatus(status);
    return page;
  }
}
