package org.bridgeway.care.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.bridgeway.care.episode.TreatmentDisclosures.TreatmentShown;
import org.bridgeway.shared.web.HtmlPdf;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a person's disclosed treatment reports as a PDF: the template {@code care/treatment-pdf}
 * (well-formed XHTML, as the renderer needs) with the §2.32 notice at the top.
 */
@Component
class TreatmentPdf {

  private final ITemplateEngine templates;
  private final Clock clock;

  TreatmentPdf(ITemplateEngine templates, Clock clock) {
    this.templates = templates;
    this.clock = clock;
  }

  /**
   * @param recordRows per episode, in the order of {@code shown.episodes()}, the rows of its
   *     disclosed records (appointments, plan, progress, tests, discharge)
   */
  byte[] render(
      TreatmentShown shown, List<String> withheldLines, List<List<List<String>>> recordRows) {
    Context context = new Context(LocaleContextHolder.getLocale());
    context.setVariable("recordRows", recordRows);
    context.setVariable("shown", shown);
    context.setVariable("withheldLines", withheldLines);
    context.setVariable("today", LocalDate.now(clock));
    return HtmlPdf.render(templates.process("care/treatment-pdf", context));
  }
}
