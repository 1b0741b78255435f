package org.bridgeway.consent.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.bridgeway.consent.ConsentInputRejected;
import org.bridgeway.consent.directive.ConsentTemplates;
import org.bridgeway.consent.directive.TemplateId;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.NetworkOrganizations;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.shared.web.FieldViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agency's consent templates for its administrators: the list, creating, editing and retiring
 * one (a retired template is gone; directives recorded from it keep their terms). The agency's
 * staff print a template's consent form to sign on paper. Another organization's template does not
 * exist for the caller (404).
 */
@Controller
class TemplatePagesController {

  private final ConsentTemplates templates;
  private final NetworkOrganizations organizations;
  private final StaffDirectory staff;
  private final ConsentPdfs pdfs;
  private final ConsentTexts texts;
  private final MessageSource messages;

  TemplatePagesController(
      ConsentTemplates templates,
      NetworkOrganizations organizations,
      StaffDirectory staff,
      ConsentPdfs pdfs,
      ConsentTexts texts,
      MessageSource messages) {
    this.templates = templates;
    this.organizations = organizations;
    this.staff = staff;
    this.pdfs = pdfs;
    this.texts = texts;
    this.messages = messages;
  }

  /** A template with its terms in plain language. */
  record Listed(ConsentTemplates.Template template, String summary) {}

  @GetMapping("/consent/templates")
  @PreAuthorize(PageRoles.ADMINISTRATORS)
  String list(@AuthenticationPrincipal BridgewayPrincipal principal, Model model) {
    Locale locale = LocaleContextHolder.getLocale();
    model.addAttribute(
        "templates",
        templates.templatesOf(principal).stream()
            .map(t -> new Listed(t, texts.summary(t.terms(), locale)))
            .toList());
    return "consent/templates";
  }

  @GetMapping("/consent/templates/new")
  @PreAuthorize(PageRoles.ADMINISTRATORS)
  String newTemplate(@AuthenticationPrincipal BridgewayPrincipal principal, Model model) {
    PageForms.DirectiveForm blank = PageForms.DirectiveForm.blank(java.time.LocalDate.EPOCH, "en");
    model.addAttribute("directiveForm", blank);
    formModel(principal, model, "/consent/templates", null);
    return DirectivePagesController.FORM;
  }

  @PostMapping("/consent/templates")
  @PreAuthorize(PageRoles.ADMINISTRATORS)
  String create(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @ModelAttribute("directiveForm") PageForms.DirectiveForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    PageForms.DirectiveForm.Parsed parsed = form.parse();
    reject(parsed.violations(), errors);
    if (!errors.hasErrors()) {
      try {
        templates.create(principal, form.name(), parsed.terms());
        redirect.addFlashAttribute("saved", "created");
        return "redirect:/consent/templates";
      } catch (ConsentInputRejected rejected) {
        reject(rejected.violations(), errors);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    formModel(principal, model, "/consent/templates", null);
    return DirectivePagesController.FORM;
  }

  @GetMapping("/consent/templates/{id}")
  @PreAuthorize(PageRoles.ADMINISTRATORS)
  String edit(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    ConsentTemplates.Template template = templates.template(principal, new TemplateId(id));
    model.addAttribute(
        "directiveForm",
        PageForms.DirectiveForm.of(
            template.terms(), null, null, template.name(), Long.toString(template.version())));
    formModel(principal, model, "/consent/templates/" + id, template);
    return DirectivePagesController.FORM;
  }

  @PostMapping("/consent/templates/{id}")
  @PreAuthorize(PageRoles.ADMINISTRATORS)
  String update(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("directiveForm") PageForms.DirectiveForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    ConsentTemplates.Template template = templates.template(principal, new TemplateId(id));
    PageForms.DirectiveForm.Parsed parsed = form.parse();
    List<FieldViolation> violations = new ArrayList<>(parsed.violations());
    if (parsed.version() == null && violations.stream().noneMatch(v -> v.field() == null)) {
      violations.add(new FieldViolation(null, "stale", "reload the page"));
    }
    reject(violations, errors);
    if (!errors.hasErrors()) {
      try {
        templates.update(principal, template.id(), form.name(), parsed.terms(), parsed.version());
        redirect.addFlashAttribute("saved", "updated");
        return "redirect:/consent/templates";
      } catch (ConsentInputRejected rejected) {
        reject(rejected.violations(), errors);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    formModel(principal, model, "/consent/templates/" + id, template);
    return DirectivePagesController.FORM;
  }

  @PostMapping("/consent/templates/{id}/retire")
  @PreAuthorize(PageRoles.ADMINISTRATORS)
  String retire(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      RedirectAttributes redirect) {
    templates.delete(principal, new TemplateId(id));
    redirect.addFlashAttribute("saved", "retired");
    return "redirect:/consent/templates";
  }

  /** A template's consent form to print and sign on paper, in English or Spanish. */
  @GetMapping("/consent/templates/{id}/form.pdf")
  @PreAuthorize(PageRoles.AGENCY_STAFF)
  ResponseEntity<byte[]> form(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @RequestParam(name = "language", required = false) String language) {
    ConsentTemplates.Template template = templates.template(principal, new TemplateId(id));
    Locale locale = DirectivePagesController.locale(language);
    return DirectivePagesController.pdf(
        "consent-form-" + locale.getLanguage() + ".pdf",
        pdfs.form(template.terms(), null, null, null, locale));
  }

  private void formModel(
      BridgewayPrincipal principal, Model model, String action, ConsentTemplates.Template edited) {
    model.addAttribute("mode", "template");
    model.addAttribute("action", action);
    model.addAttribute("edited", edited);
    model.addAllAttributes(
        DirectiveFormOptions.of(principal, templates, organizations, staff, messages, true));
  }

  private void reject(List<FieldViolation> violations, BindingResult errors) {
    PageForms.reject(
        violations,
        errors,
        PageForms.DirectiveForm.FIELDS,
        PageForms.DirectiveForm.RENAMED,
        messages);
  }
}
