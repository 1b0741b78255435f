package org.bridgeway.care.report;

import org.bridgeway.care.report.CourtProgressReports.ProgressReport;
import org.bridgeway.shared.web.HtmlPdf;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a progress report as a PDF from the print template {@code care/progress-report-pdf}, with
 * the §2.32 notice at the top whenever protected data is included.
 */
@Component
class ProgressReportPdf {

  private final ITemplateEngine templates;
  private final MessageSource messages;

  ProgressReportPdf(ITemplateEngine templates, MessageSource messages) {
    this.templates = templates;
    this.messages = messages;
  }

  byte[] render(ProgressReport report) {
    Context context = new Context(LocaleContextHolder.getLocale());
    context.setVariable("report", report);
    context.setVariable("withheldLines", ReportTexts.withheld(report.withheld(), messages));
    return HtmlPdf.render(templates.process("care/progress-report-pdf", context));
  }
}
