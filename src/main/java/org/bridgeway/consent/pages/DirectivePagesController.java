package org.bridgeway.consent.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.consent.ConsentDirectiveId;
import org.bridgeway.consent.ConsentInputRejected;
import org.bridgeway.consent.directive.ConsentDirective;
import org.bridgeway.consent.directive.ConsentDirectiveRecords;
import org.bridgeway.consent.directive.ConsentDirectiveRecords.NewDirective;
import org.bridgeway.consent.directive.ConsentTemplates;
import org.bridgeway.consent.directive.Directives;
import org.bridgeway.consent.directive.RevocationMethod;
import org.bridgeway.consent.directive.SignatureMethod;
import org.bridgeway.consent.directive.TemplateId;
import org.bridgeway.consent.engine.DirectiveStandings;
import org.bridgeway.consent.engine.DisclosureAccounting;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.NetworkOrganizations;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's consents for the supervising agency's staff: the directives by where they stand, each
 * in plain language with who has seen what under it; recording one with the person (from a template
 * or blank, signed electronically or on paper), the directive page with its revocation and
 * amendment, the consent form as a PDF in English or Spanish, and the accounting of disclosures.
 * For anyone who does not see the person, the pages do not exist (404).
 */
@Controller
class DirectivePagesController {

  static final String FORM = "consent/directive-form";

  /** A directive as its page and the consents page show it. */
  record Shown(
      ConsentDirective directive,
      DirectiveStandings.Standing standing,
      String summary,
      String revocation,
      String signature,
      String revokedLine,
      List<Seen> seen) {}

  /** The terms of a directive, element by element, in plain language. */
  record Parts(
      String disclosers, String categories, String recipients, String purposes, String until) {}

  /** One disclosure under a directive: when, to whom, what, for what. */
  record Seen(String at, String recipient, String organization, String what, String purpose) {}

  private final ConsentDirectiveRecords records;
  private final ConsentTemplates templates;
  private final DirectiveStandings standings;
  private final DisclosureAccounting accounting;
  private final SupervisedPeople people;
  private final NetworkOrganizations organizations;
  private final StaffDirectory staff;
  private final ConsentTexts texts;
  private final ConsentPdfs pdfs;
  private final MessageSource messages;
  private final java.time.Clock clock;

  DirectivePagesController(
      ConsentDirectiveRecords records,
      ConsentTemplates templates,
      DirectiveStandings standings,
      DisclosureAccounting accounting,
      SupervisedPeople people,
      NetworkOrganizations organizations,
      StaffDirectory staff,
      ConsentTexts texts,
      ConsentPdfs pdfs,
      MessageSource messages,
      java.time.Clock clock) {
    this.records = records;
    this.templates = templates;
    this.standings = standings;
    this.accounting = accounting;
    this.people = people;
    this.organizations = organizations;
    this.staff = staff;
    this.texts = texts;
    this.pdfs = pdfs;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/consent/people/{id}")
  @PreAuthorize(PageRoles.AGENCY_STAFF)
  String consents(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    PersonId person = new PersonId(id);
    model.addAttribute("person", people.visibleTo(principal, person));
    List<ConsentDirective> directives = records.directivesOf(principal, person);
    DisclosureAccounting.Accounting seen = accounting.accountingOf(principal, person);
    Map<String, List<Shown>> groups = new LinkedHashMap<>();
    for (String group : List.of("ACTIVE", "EXPIRED", "REVOKED", "SUPERSEDED")) {
      groups.put(group, new ArrayList<>());
    }
    for (Shown shown : shown(directives, seen.entries())) {
      DirectiveStandings.Status status = shown.standing().status();
      String group =
          status == DirectiveStandings.Status.EXPIRED_BY_EVENT ? "EXPIRED" : status.name();
      groups.get(group).add(shown);
    }
    model.addAttribute("groups", groups);
    model.addAttribute("personId", id);
    model.addAttribute("templates", templates.templatesOf(principal));
    return "consent/person";
  }

  @GetMapping("/consent/people/{id}/directives/new")
  @PreAuthorize(PageRoles.AGENCY_STAFF)
  String newDirective(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @RequestParam(name = "templateId", required = false) String templateId,
      Model model) {
    model.addAttribute("person", people.visibleTo(principal, new PersonId(id)));
    LocalDate today = LocalDate.now(clock);
    PageForms.DirectiveForm form = PageForms.DirectiveForm.blank(today, "en");
    UUID template = PageForms.uuid("templateId", templateId, new ArrayList<>());
    if (template != null) {
      ConsentTemplates.Template chosen = templates.template(principal, new TemplateId(template));
      form = PageForms.DirectiveForm.of(chosen.terms(), template.toString(), today, null, null);
    }
    model.addAttribute("directiveForm", form);
    formModel(principal, model, "record", "/consent/people/" + id + "/directives", id);
    return FORM;
  }

  @PostMapping("/consent/people/{id}/directives")
  @PreAuthorize(PageRoles.AGENCY_STAFF)
  String record(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("directiveForm") PageForms.DirectiveForm form,
      BindingResult errors,
      @RequestParam(name = "scanFile", required = false) MultipartFile scanFile,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    PersonId person = new PersonId(id);
    model.addAttribute("person", people.visibleTo(principal, person));
    PageForms.DirectiveForm.Parsed parsed = form.parse();
    reject(parsed.violations(), errors);
    if (!errors.hasErrors()) {
      try {
        ConsentDirective recorded =
            records.record(principal, person, command(form, parsed, scanFile));
        redirect.addFlashAttribute("saved", "recorded");
        return "redirect:/consent/directives/" + recorded.id();
      } catch (ConsentInputRejected rejected) {
        reject(rejected.violations(), errors);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    formModel(principal, model, "record", "/consent/people/" + id + "/directives", id);
    return FORM;
  }

  @GetMapping("/consent/directives/{id}")
  @PreAuthorize(PageRoles.AGENCY_STAFF)
  String directive(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    if (!model.containsAttribute("revocationForm")) {
      model.addAttribute("revocationForm", new PageForms.RevocationForm(null, null));
    }
    directiveModel(principal, id, model);
    return "consent/directive";
  }

  @GetMapping("/consent/directives/{id}/scan")
  @PreAuthorize(PageRoles.AGENCY_STAFF)
  ResponseEntity<byte[]> scan(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    Directives.Scan scan = records.scanOf(principal, new ConsentDirectiveId(id));
    String extension =
        switch (scan.contentType()) {
          case "image/png" -> ".png";
          case "image/jpeg" -> ".jpg";
          default -> ".pdf";
        };
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(scan.contentType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("consent-" + id + extension)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(scan.content());
  }

  @PostMapping("/consent/directives/{id}/revocation")
  @PreAuthorize(PageRoles.AGENCY_STAFF)
  String revoke(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("revocationForm") PageForms.RevocationForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    List<FieldViolation> violations = new ArrayList<>();
    RevocationMethod method =
        PageForms.choice("method", form.method(), RevocationMethod.class, violations);
    if (method == null && violations.isEmpty()) {
      violations.add(new FieldViolation("method", "required", "is required"));
    }
    Long version = version(form.version(), violations);
    PageForms.reject(violations, errors, PageForms.RevocationForm.FIELDS, Map.of(), messages);
    if (!errors.hasErrors()) {
      try {
        records.revoke(principal, new ConsentDirectiveId(id), method, version);
        redirect.addFlashAttribute("saved", "revoked");
        return "redirect:/consent/directives/" + id;
      } catch (ConsentInputRejected rejected) {
        PageForms.reject(
            rejected.violations(), errors, PageForms.RevocationForm.FIELDS, Map.of(), messages);
      } catch (DomainRuleViolation rule) {
        errors.reject(rule.code(), text(rule.code(), rule.getMessage()));
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    directiveModel(principal, id, model);
    model.addAttribute("revocable", true);
    return "consent/directive";
  }

  @GetMapping("/consent/directives/{id}/amend")
  @PreAuthorize(PageRoles.AGENCY_STAFF)
  String amendForm(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    ConsentDirective old = records.directive(principal, new ConsentDirectiveId(id));
    model.addAttribute("person", people.visibleTo(principal, old.person()));
    model.addAttribute(
        "directiveForm",
        PageForms.DirectiveForm.of(
            old.terms(), null, LocalDate.now(clock), null, Long.toString(old.version())));
    formModel(
        principal,
        model,
        "amend",
        "/consent/directives/" + id + "/amendment",
        old.person().value());
    model.addAttribute("amends", old);
    return FORM;
  }

  @PostMapping("/consent/directives/{id}/amendment")
  @PreAuthorize(PageRoles.AGENCY_STAFF)
  String amend(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("directiveForm") PageForms.DirectiveForm form,
      BindingResult errors,
      @RequestParam(name = "scanFile", required = false) MultipartFile scanFile,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    ConsentDirective old = records.directive(principal, new ConsentDirectiveId(id));
    model.addAttribute("person", people.visibleTo(principal, old.person()));
    PageForms.DirectiveForm.Parsed parsed = form.parse();
    List<FieldViolation> violations = new ArrayList<>(parsed.violations());
    if (parsed.version() == null && violations.stream().noneMatch(v -> v.field() == null)) {
      violations.add(new FieldViolation(null, "stale", "reload the page"));
    }
    reject(violations, errors);
    if (!errors.hasErrors()) {
      try {
        ConsentDirective amendment =
            records.amend(principal, old.id(), parsed.version(), command(form, parsed, scanFile));
        redirect.addFlashAttribute("saved", "amended");
        return "redirect:/consent/directives/" + amendment.id();
      } catch (ConsentInputRejected rejected) {
        reject(rejected.violations(), errors);
      } catch (DomainRuleViolation rule) {
        errors.reject(rule.code(), text(rule.code(), rule.getMessage()));
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    formModel(
        principal,
        model,
        "amend",
        "/consent/directives/" + id + "/amendment",
        old.person().value());
    model.addAttribute("amends", old);
    return FORM;
  }

  /** The person's copy of a directive's consent form, in English or Spanish. */
  @GetMapping("/consent/directives/{id}/form.pdf")
  @PreAuthorize(PageRoles.AGENCY_STAFF)
  ResponseEntity<byte[]> directivePdf(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @RequestParam(name = "language", required = false) String language) {
    ConsentDirective directive = records.directive(principal, new ConsentDirectiveId(id));
    SupervisedPeople.PersonHeading person = people.visibleTo(principal, directive.person());
    Locale locale =
        language == null
            ? Locale.forLanguageTag(directive.signature().language().code())
            : locale(language);
    return pdf(
        "consent-" + id + "-" + locale.getLanguage() + ".pdf",
        pdfs.form(directive.terms(), person, directive, signatureLine(directive, locale), locale));
  }

  @GetMapping("/consent/people/{id}/accounting")
  @PreAuthorize(PageRoles.AGENCY_STAFF)
  String accounting(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    PersonId person = new PersonId(id);
    model.addAttribute("person", people.visibleTo(principal, person));
    DisclosureAccounting.Accounting found = accounting.accountingOf(principal, person);
    model.addAttribute("accounting", found);
    model.addAttribute("lines", pdfs.lines(found, LocaleContextHolder.getLocale()));
    model.addAttribute("personId", id);
    return "consent/accounting";
  }

  @GetMapping("/consent/people/{id}/accounting.pdf")
  @PreAuthorize(PageRoles.AGENCY_STAFF)
  ResponseEntity<byte[]> accountingPdf(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @RequestParam(name = "language", required = false) String language) {
    PersonId person = new PersonId(id);
    SupervisedPeople.PersonHeading heading = people.visibleTo(principal, person);
    DisclosureAccounting.Accounting found = accounting.accountingOf(principal, person);
    Locale locale = language == null ? LocaleContextHolder.getLocale() : locale(language);
    return pdf("accounting-" + id + ".pdf", pdfs.accounting(found, heading, locale));
  }

  static ResponseEntity<byte[]> pdf(String filename, byte[] content) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .body(content);
  }

  /** English unless Spanish is asked for; anything else reads as English. */
  static Locale locale(String language) {
    return "es".equals(language) ? Locale.forLanguageTag("es") : Locale.ENGLISH;
  }

  private NewDirective command(
      PageForms.DirectiveForm form, PageForms.DirectiveForm.Parsed parsed, MultipartFile scanFile) {
    Directives.Scan scan = null;
    if (parsed.signatureMethod() == SignatureMethod.PAPER
        && scanFile != null
        && !scanFile.isEmpty()) {
      try {
        scan = new Directives.Scan(scanFile.getContentType(), scanFile.getBytes());
      } catch (IOException unreadable) {
        throw ConsentInputRejected.of("scan", "Unreadable", "could not be read");
      }
    }
    return new NewDirective(
        parsed.terms(),
        parsed.template(),
        parsed.signedOn(),
        parsed.signatureMethod(),
        form.typedName(),
        form.isAttested(),
        scan,
        parsed.language());
  }

  private void reject(List<FieldViolation> violations, BindingResult errors) {
    PageForms.reject(
        violations,
        errors,
        PageForms.DirectiveForm.FIELDS,
        PageForms.DirectiveForm.RENAMED,
        messages);
  }

  private Long version(String value, List<FieldViolation> violations) {
    try {
      return Long.parseLong(value == null ? "" : value.strip());
    } catch (NumberFormatException e) {
      violations.add(new FieldViolation(null, "stale", "reload the page"));
      return null;
    }
  }

  private void directiveModel(BridgewayPrincipal principal, UUID id, Model model) {
    ConsentDirective directive = records.directive(principal, new ConsentDirectiveId(id));
    model.addAttribute("person", people.visibleTo(principal, directive.person()));
    List<DisclosureAccounting.Entry> entries =
        accounting.accountingOf(principal, directive.person()).entries();
    Shown shown = shown(List.of(directive), entries).get(0);
    model.addAttribute("shown", shown);
    Locale locale = LocaleContextHolder.getLocale();
    model.addAttribute(
        "parts",
        new Parts(
            texts.disclosers(directive.terms(), locale),
            texts.categories(directive.terms(), locale),
            texts.recipients(directive.terms(), locale),
            texts.purposes(directive.terms(), locale),
            texts.until(directive.terms(), locale)));
    model.addAttribute(
        "revocable",
        !directive.revoked()
            && !directive.superseded()
            && !directive.irrevocableOn(
                LocalDate.now(clock), people.supervisionEndedOn(directive.person())));
    model.addAttribute(
        "methodOptions",
        Arrays.stream(RevocationMethod.values())
            .map(m -> List.of(m.name(), text("consent.revocationMethod." + m.name(), m.name())))
            .toList());
  }

  private List<Shown> shown(
      List<ConsentDirective> directives, List<DisclosureAccounting.Entry> entries) {
    Locale locale = LocaleContextHolder.getLocale();
    Map<ConsentDirectiveId, DirectiveStandings.Standing> now = standings.standingsOf(directives);
    List<Shown> result = new ArrayList<>();
    for (ConsentDirective d : directives) {
      List<Seen> seen =
          entries.stream()
              .filter(e -> d.id().equals(e.directive()))
              .map(e -> seen(e, locale))
              .toList();
      result.add(
          new Shown(
              d,
              now.get(d.id()),
              texts.summary(d.terms(), locale),
              texts.revocation(d.terms(), locale),
              signatureLine(d, locale),
              d.revoked()
                  ? texts.text(
                      "consent.pages.revokedLine",
                      locale,
                      texts.date(LocalDate.ofInstant(d.revokedAt(), zone()), locale),
                      texts.actor(d.revokedBy()),
                      texts.text("consent.revocationMethod." + d.revocationMethod().name(), locale))
                  : null,
              seen));
    }
    return result;
  }

  Seen seen(DisclosureAccounting.Entry e, Locale locale) {
    return new Seen(
        texts.moment(e.at(), zone(), locale),
        texts.actor(e.recipient()),
        texts.organizationName(e.recipientOrganization()),
        e.category() == null ? "" : texts.text(e.category().messageKey(), locale),
        e.purpose() == null ? "" : texts.text(e.purpose().messageKey(), locale));
  }

  private String signatureLine(ConsentDirective d, Locale locale) {
    String day = texts.date(d.signature().signedOn(), locale);
    if (d.signature().method() == SignatureMethod.ELECTRONIC) {
      return texts.text(
          "consent.pages.signedElectronically",
          locale,
          d.signature().typedName(),
          day,
          texts.actor(d.signature().attestedBy()));
    }
    return texts.text("consent.pages.signedOnPaper", locale, day);
  }

  private ZoneId zone() {
    return clock.getZone();
  }

  private void formModel(
      BridgewayPrincipal principal, Model model, String mode, String action, UUID personId) {
    model.addAttribute("mode", mode);
    model.addAttribute("action", action);
    model.addAttribute("personId", personId);
    model.addAllAttributes(
        DirectiveFormOptions.of(
            principal, templates, organizations, staff, messages, mode.equals("template")));
  }

  private String text(String key, String fallback) {
    return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
  }
}
