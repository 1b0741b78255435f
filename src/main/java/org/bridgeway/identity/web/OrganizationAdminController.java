package org.bridgeway.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.admin.Administration;
import org.bridgeway.identity.organization.Organization;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organization administration pages. */
@Controller
@RequestMapping("/admin/organizations")
class OrganizationAdminController {

  private final Administration administration;
  private final MessageSource messages;

  OrganizationAdminController(Administration administration, MessageSource messages) {
    this.administration = administration;
    this.messages = messages;
  }

  @InitBinder
  void noIdBinding(WebDataBinder binder) {
    binder.setDisallowedFields("id");
  }

  @ModelAttribute("kinds")
  OrganizationKind[] kinds() {
    return OrganizationKind.values();
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('NETWORK_ADMIN','ORGANIZATION_ADMIN')")
  String list(@AuthenticationPrincipal BridgewayPrincipal principal, Model model) {
    model.addAttribute("organizations", administration.organizationsVisibleTo(principal));
    return "identity/admin/organizations";
  }

  @GetMapping("/new")
  @PreAuthorize("hasRole('NETWORK_ADMIN')")
  String newForm(Model model) {
    model.addAttribute("form", new OrganizationForm("", null, true, null));
    return "identity/admin/organization-new";
  }

  @PostMapping
  @PreAuthorize("hasRole('NETWORK_ADMIN')")
  String register(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @Valid @ModelAttribute("form") OrganizationForm form,
      BindingResult errors,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    if (errors.hasErrors()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "identity/admin/organization-new";
    }
    try {
      OrganizationId id = administration.registerOrganization(principal, form.name(), form.kind());
      redirect.addFlashAttribute("saved", true);
      return "redirect:/admin/organizations/" + id;
    } catch (DomainRuleViolation violation) {
      AdminPages.reject(violation, errors, response, messages);
      return "identity/admin/organization-new";
    }
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAnyRole('NETWORK_ADMIN','ORGANIZATION_ADMIN')")
  String show(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    Organization organization = administration.organization(principal, new OrganizationId(id));
    model.addAttribute("organization", organization);
    model.addAttribute(
        "form",
        new OrganizationForm(
            organization.name(),
            organization.kind(),
            organization.active(),
            organization.version()));
    return "identity/admin/organization";
  }

  @PostMapping("/{id}")
  @PreAuthorize("hasRole('NETWORK_ADMIN')")
  String update(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @ModelAttribute("form") OrganizationForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    OrganizationId organizationId = new OrganizationId(id);
    Organization organization = administration.organization(principal, organizationId);
    model.addAttribute("organization", organization);
    if (form.version() == null) {
      errors.reject("identity.admin.version.missing", "Reload the page and try again");
    }
    if (errors.hasErrors()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "identity/admin/organization";
    }
    try {
      administration.updateOrganization(
          principal, organizationId, form.name(), form.kind(), form.isActive(), form.version());
      redirect.addFlashAttribute("saved", true);
      return "redirect:/admin/organizations/" + id;
    } catch (DomainRuleViolation violation) {
      AdminPages.reject(violation, errors, response, messages);
      return "identity/admin/organization";
    }
  }
}
