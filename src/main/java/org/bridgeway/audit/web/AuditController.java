package org.bridgeway.audit.web;

import java.time.Clock;
import org.bridgeway.audit.AuditLog;
import org.bridgeway.audit.AuditSearchResult;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' audit search and the chain verification button. Which entries a reader may
 * see is decided by {@link AuditLog}, not here.
 */
@Controller
@RequestMapping("/admin/audit")
class AuditController {

  static final String VIEW = "audit/search";

  private final AuditLog auditLog;
  private final Clock clock;

  AuditController(AuditLog auditLog, Clock clock) {
    this.auditLog = auditLog;
    this.clock = clock;
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('NETWORK_ADMIN','ORGANIZATION_ADMIN')")
  ModelAndView search(@ModelAttribute("form") AuditSearchForm form, Authentication authentication) {
    ModelAndView page = new ModelAndView(VIEW);
    page.addObject("canVerify", isNetworkAdmin(authentication));
    AuditSearchForm.Parsed parsed = form.parse(clock.getZone());
    page.addObject("errors", parsed.errors());
    if (!parsed.errors().isEmpty()) {
      page.setStatus(HttpStatus.BAD_REQUEST);
      return page;
    }
    AuditSearchResult result = auditLog.search(parsed.query());
    page.addObject("result", result);
    page.addObject("pageNumber", result.page() + 1);
    if (result.hasPrevious()) {
      page.addObject("previousPage", form.linkToPage(result.page()));
    }
    if (result.hasNext()) {
      page.addObject("nextPage", form.linkToPage(result.page() + 2));
    }
    return page;
  }

  @PostMapping("/verify")
  @PreAuthorize("hasRole('NETWORK_ADMIN')")
  String verify(RedirectAttributes redirect) {
    redirect.addFlashAttribute("verification", auditLog.verifyChain());
    return "redirect:/admin/audit";
  }

  private static boolean isNetworkAdmin(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .anyMatch(authority -> "ROLE_NETWORK_ADMIN".equals(authority.getAuthority()));
  }
}
