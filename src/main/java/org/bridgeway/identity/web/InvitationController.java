package org.bridgeway.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.bridgeway.identity.admin.Administration;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The page an invited user opens to set their first password. */
@Controller
@RequestMapping("/invitation/{token}")
class InvitationController {

  record PasswordForm(
      @NotBlank(message = "{identity.password.required}")
          @Size(max = 128, message = "{identity.password.TOO_LONG}")
          String password,
      @NotBlank(message = "{identity.password.confirm.required}") @Size(max = 128)
          String confirmation) {}

  private final Administration administration;
  private final MessageSource messages;

  InvitationController(Administration administration, MessageSource messages) {
    this.administration = administration;
    this.messages = messages;
  }

  @GetMapping
  @PreAuthorize("permitAll()")
  String form(@PathVariable String token, Model model) {
    if (!administration.invitationIsOpen(token)) {
      throw new NotFoundException("invitation");
    }
    model.addAttribute("form", new PasswordForm("", ""));
    model.addAttribute("token", token);
    return "identity/invitation";
  }

  @PostMapping
  @PreAuthorize("permitAll()")
  String accept(
      @PathVariable String token,
      @Valid @ModelAttribute("form") PasswordForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("token", token);
    if (!errors.hasErrors() && !form.password().equals(form.confirmation())) {
      errors.rejectValue(
          "confirmation",
          "identity.password.confirm.mismatch",
          "The two passwords are not the same");
    }
    if (errors.hasErrors()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "identity/invitation";
    }
    try {
      administration.acceptInvitation(token, form.password());
      return "redirect:/login?invited";
    } catch (DomainRuleViolation violation) {
      AdminPages.reject(violation, errors, response, messages);
      return "identity/invitation";
    }
  }
}
