package org.bridgeway.shared.web;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Renders a well-formed XHTML document (a Thymeleaf template written for print, with its own
 * {@code @page} styles) as a PDF, with openhtmltopdf. The page's text stays text in the PDF, so
 * that it can be searched, read aloud and extracted.
 */
public final class HtmlPdf {

  private HtmlPdf() {}

  /**
   * The PDF of the document.
   *
   * @param xhtml the whole document, well-formed (void elements closed)
   * @throws UncheckedIOException if the renderer cannot write the PDF
   */
  public static byte[] render(String xhtml) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
