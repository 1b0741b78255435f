package org.bridgeway.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;
import org.bridgeway.identity.admin.Administration;
import org.bridgeway.identity.user.User;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** User administration pages: list, invite, and the actions on one account. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

  private static final String ADMINS = "hasAnyRole('NETWORK_ADMIN','ORGANIZATION_ADMIN')";

  private final Administration administration;
  private final MessageSource messages;

  UserAdminController(Administration administration, MessageSource messages) {
    this.administration = administration;
    this.messages = messages;
  }

  @InitBinder
  void noIdBinding(WebDataBinder binder) {
    binder.setDisallowedFields("id");
  }

  @GetMapping
  @PreAuthorize(ADMINS)
  String list(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(required = false) UUID organization,
      Model model) {
    model.addAttribute(
        "users",
        administration.usersVisibleTo(
            principal, organization == null ? null : new OrganizationId(organization)));
    model.addAttribute("organizations", administration.organizationsVisibleTo(principal));
    model.addAttribute("selectedOrganization", organization);
    return "identity/admin/users";
  }

  @GetMapping("/invite")
  @PreAuthorize(ADMINS)
  String inviteForm(@AuthenticationPrincipal BridgewayPrincipal principal, Model model) {
    addInviteChoices(principal, model);
    model.addAttribute(
        "form", new InviteUserForm(principal.organization().value(), "", "", java.util.Set.of()));
    return "identity/admin/user-invite";
  }

  @PostMapping("/invite")
  @PreAuthorize(ADMINS)
  String invite(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @Valid @ModelAttribute("form") InviteUserForm form,
      BindingResult errors,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    addInviteChoices(principal, model);
    if (errors.hasErrors()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "identity/admin/user-invite";
    }
    try {
      Administration.Invited invited =
          administration.invite(
              principal,
              new OrganizationId(form.organization()),
              form.email(),
              form.displayName(),
              form.roles());
      redirect.addFlashAttribute("invitationLink", invitationLink(invited.invitationToken()));
      return "redirect:/admin/users/" + invited.user();
    } catch (DomainRuleViolation violation) {
      AdminPages.reject(violation, errors, response, messages);
      return "identity/admin/user-invite";
    }
  }

  @GetMapping("/{id}")
  @PreAuthorize(ADMINS)
  String show(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    User user = administration.user(principal, new UserId(id));
    model.addAttribute("user", user);
    model.addAttribute("rolesForm", new RolesForm(user.roles(), user.version()));
    model.addAttribute("grantableRoles", principal.grantableRoles());
    return "identity/admin/user";
  }

  @PostMapping("/{id}/roles")
  @PreAuthorize(ADMINS)
  String changeRoles(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @ModelAttribute("rolesForm") RolesForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    User user = administration.user(principal, new UserId(id));
    model.addAttribute("user", user);
    model.addAttribute("grantableRoles", principal.grantableRoles());
    if (errors.hasErrors()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "identity/admin/user";
    }
    try {
      administration.changeRoles(principal, user.id(), form.roles(), form.version());
      redirect.addFlashAttribute("saved", "identity.admin.user.roles.saved");
      return "redirect:/admin/users/" + id;
    } catch (DomainRuleViolation violation) {
      AdminPages.reject(violation, errors, response, messages);
      return "identity/admin/user";
    }
  }

  @PostMapping("/{id}/unlock")
  @PreAuthorize(ADMINS)
  String unlock(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @RequestParam long version,
      RedirectAttributes redirect) {
    return accountAction(
        id,
        redirect,
        "identity.admin.user.unlocked",
        () -> administration.unlock(principal, new UserId(id), version));
  }

  @PostMapping("/{id}/reset-second-factor")
  @PreAuthorize(ADMINS)
  String resetSecondFactor(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @RequestParam long version,
      RedirectAttributes redirect) {
    return accountAction(
        id,
        redirect,
        "identity.admin.user.secondFactorReset",
        () -> administration.resetSecondFactor(principal, new UserId(id), version));
  }

  @PostMapping("/{id}/disable")
  @PreAuthorize(ADMINS)
  String disable(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @RequestParam long version,
      RedirectAttributes redirect) {
    return accountAction(
        id,
        redirect,
        "identity.admin.user.disabled",
        () -> administration.disable(principal, new UserId(id), version));
  }

  @PostMapping("/{id}/enable")
  @PreAuthorize(ADMINS)
  String enable(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @RequestParam long version,
      RedirectAttributes redirect) {
    return accountAction(
        id,
        redirect,
        "identity.admin.user.enabled",
        () -> administration.enable(principal, new UserId(id), version));
  }

  @PostMapping("/{id}/reinvite")
  @PreAuthorize(ADMINS)
  String reinvite(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      RedirectAttributes redirect) {
    return accountAction(
        id,
        redirect,
        null,
        () ->
            redirect.addFlashAttribute(
                "invitationLink",
                invitationLink(administration.reinvite(principal, new UserId(id)))));
  }

  /**
   * Runs one action on an account and goes back to its page with the outcome (redirect-after-post).
   */
  private static String accountAction(
      UUID id, RedirectAttributes redirect, String doneMessage, Runnable action) {
    try {
      action.run();
      if (doneMessage != null) {
        redirect.addFlashAttribute("saved", doneMessage);
      }
    } catch (DomainRuleViolation violation) {
      redirect.addFlashAttribute("problem", violation.code());
    }
    return "redirect:/admin/users/" + id;
  }

  private void addInviteChoices(BridgewayPrincipal principal, Model model) {
    model.addAttribute("organizations", administration.organizationsVisibleTo(principal));
    model.addAttribute("grantableRoles", principal.grantableRoles());
  }

  private static String invitationLink(String token) {
    return ServletUriComponentsBuilder.fromCurrentContextPath()
        .path("/invitation/{token}")
        .buildAndExpand(token)
        .toUriString();
  }
}
