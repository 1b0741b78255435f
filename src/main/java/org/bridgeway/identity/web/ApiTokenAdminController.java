package org.bridgeway.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.admin.Administration;
import org.bridgeway.identity.token.ApiTokenService;
import org.bridgeway.identity.token.IssuedToken;
import org.bridgeway.shared.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** API token administration: issue (the value is shown once) and revoke. */
@Controller
@RequestMapping("/admin/api-tokens")
class ApiTokenAdminController {

  private static final String ADMINS = "hasAnyRole('NETWORK_ADMIN','ORGANIZATION_ADMIN')";

  private final ApiTokenService tokens;
  private final Administration administration;

  ApiTokenAdminController(ApiTokenService tokens, Administration administration) {
    this.tokens = tokens;
    this.administration = administration;
  }

  @GetMapping
  @PreAuthorize(ADMINS)
  String list(@AuthenticationPrincipal BridgewayPrincipal principal, Model model) {
    model.addAttribute(
        "form", new ApiTokenForm(principal.organization().value(), "", Set.of(), null));
    addPage(principal, model);
    return "identity/admin/api-tokens";
  }

  @PostMapping
  @PreAuthorize(ADMINS)
  String issue(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @Valid @ModelAttribute("form") ApiTokenForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    if (!errors.hasFieldErrors("roles") && !principal.mayGrant(form.roles())) {
      errors.rejectValue(
          "roles",
          "identity.admin.user.roles.forbidden",
          "Only a network administrator can grant the network administrator role");
    }
    if (errors.hasErrors()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      addPage(principal, model);
      return "identity/admin/api-tokens";
    }
    try {
      IssuedToken issued =
          tokens.issue(
              principal,
              new OrganizationId(form.organization()),
              form.name(),
              form.roles(),
              form.expiresOn() == null
                  ? null
                  : form.expiresOn().atStartOfDay().toInstant(ZoneOffset.UTC));
      redirect.addFlashAttribute("issuedToken", issued.value());
      return "redirect:/admin/api-tokens";
    } catch (NotFoundException notYours) {
      errors.rejectValue(
          "organization",
          "identity.admin.token.organization.invalid",
          "Choose one of the listed organizations");
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      addPage(principal, model);
      return "identity/admin/api-tokens";
    }
  }

  @PostMapping("/{id}/revoke")
  @PreAuthorize(ADMINS)
  String revoke(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      RedirectAttributes redirect) {
    tokens.revoke(principal, id);
    redirect.addFlashAttribute("revoked", true);
    return "redirect:/admin/api-tokens";
  }

  private void addPage(BridgewayPrincipal principal, Model model) {
    model.addAttribute("tokens", tokens.visibleTo(principal));
    model.addAttribute("organizations", administration.organizationsVisibleTo(principal));
    model.addAttribute("grantableRoles", principal.grantableRoles());
  }
}
