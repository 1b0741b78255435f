package org.bridgeway.consent.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.bridgeway.consent.directive.ConsentDirective;
import org.bridgeway.consent.directive.DirectiveKind;
import org.bridgeway.consent.directive.DirectiveTerms;
import org.bridgeway.consent.engine.DisclosureAccounting;
import org.bridgeway.shared.web.HtmlPdf;
import org.bridgeway.supervision.SupervisedPeople;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The consent pages' PDFs, from print templates (well-formed XHTML) in the person's language: the
 * consent form (the person's copy of a directive, or a template's form to sign on paper) and the
 * accounting of disclosures.
 */
@Component
class ConsentPdfs {

  /** One line of the accounting as the page and the PDF show it. */
  record Line(
      String kind,
      boolean emergency,
      String at,
      String recipient,
      String organization,
      String what,
      String purpose,
      String reason,
      String reviewed) {}

  private final ITemplateEngine templates;
  private final ConsentTexts texts;
  private final Clock clock;

  ConsentPdfs(ITemplateEngine templates, ConsentTexts texts, Clock clock) {
    this.templates = templates;
    this.texts = texts;
    this.clock = clock;
  }

  /**
   * The consent form in plain language.
   *
   * @param person the person, or null for a blank form
   * @param directive the signed directive, or null for a form to sign on paper
   * @param signature how the directive was signed, or null
   */
  byte[] form(
      DirectiveTerms terms,
      SupervisedPeople.PersonHeading person,
      ConsentDirective directive,
      String signature,
      Locale locale) {
    Context context = new Context(locale);
    context.setVariable("person", person);
    context.setVariable("directive", directive);
    context.setVariable("signature", signature);
    context.setVariable("criminalJustice", terms.kind() == DirectiveKind.CRIMINAL_JUSTICE);
    context.setVariable("disclosers", texts.disclosers(terms, locale));
    context.setVariable("categories", texts.categories(terms, locale));
    context.setVariable("recipients", texts.recipients(terms, locale));
    context.setVariable("purposes", texts.purposes(terms, locale));
    context.setVariable("until", texts.until(terms, locale));
    context.setVariable("revocation", texts.revocation(terms, locale));
    context.setVariable("summary", texts.summary(terms, locale));
    context.setVariable("born", person == null ? null : texts.date(person.dateOfBirth(), locale));
    context.setVariable("today", texts.date(LocalDate.now(clock), locale));
    return HtmlPdf.render(templates.process("consent/form-pdf", context));
  }

  /** The accounting of disclosures. */
  byte[] accounting(
      DisclosureAccounting.Accounting accounting,
      SupervisedPeople.PersonHeading person,
      Locale locale) {
    Context context = new Context(locale);
    context.setVariable("person", person);
    context.setVariable("born", texts.date(person.dateOfBirth(), locale));
    context.setVariable("from", texts.date(accounting.from(), locale));
    context.setVariable("to", texts.date(accounting.to(), locale));
    context.setVariable("lines", lines(accounting, locale));
    return HtmlPdf.render(templates.process("consent/accounting-pdf", context));
  }

  List<Line> lines(DisclosureAccounting.Accounting accounting, Locale locale) {
    return accounting.entries().stream()
        .map(
            e -> {
              boolean emergency = e.kind() == DisclosureAccounting.EntryKind.EMERGENCY_ACCESS;
              return new Line(
                  texts.text("consent.pages.entry." + e.kind().name(), locale),
                  emergency,
                  texts.moment(e.at(), clock.getZone(), locale),
                  texts.actor(e.recipient()),
                  texts.organizationName(e.recipientOrganization()),
                  e.category() == null ? "" : texts.text(e.category().messageKey(), locale),
                  e.purpose() == null ? "" : texts.text(e.purpose().messageKey(), locale),
                  emergency ? e.description() : "",
                  emergency
                      ? texts.text(
                          e.reviewed() ? "consent.pages.reviewed" : "consent.pages.notReviewed",
                          locale)
                      : "");
            })
        .toList();
  }
}
