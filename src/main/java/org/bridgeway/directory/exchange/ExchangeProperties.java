package org.bridgeway.directory.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of HSDS import and export ({@code bridgeway.directory.exchange.*}).
 *
 * @param maxUploadSize the largest file (or set of CSV files) an import accepts; larger ones are
 *     refused with 413. The upload page is also bound by {@code
 *     spring.servlet.multipart.max-file-size}, the API by its {@code @ApiBodyLimit} (50 MB).
 * @param maxUncompressedSize the most a ZIP may expand to, all its files together: beyond it the
 *     upload is refused as a possible ZIP bomb
 * @param maxArchiveEntries the most files a ZIP may hold
 * @param maxReportedProblems how many errors (and, apart, warnings) a report lists; their totals
 *     are always counted
 */
@ConfigurationProperties("bridgeway.directory.exchange")
public record ExchangeProperties(
    @DefaultValue("50MB") DataSize maxUploadSize,
    @DefaultValue("512MB") DataSize maxUncompressedSize,
    @DefaultValue("64") int maxArchiveEntries,
    @DefaultValue("500") int maxReportedProblems) {

  /** The defaults, for code that runs without Spring (tests). */
  public static ExchangeProperties defaults() {
    return new ExchangeProperties(DataSize.ofMegabytes(50), DataSize.ofMegabytes(512), 64, 500);
  }
}
