package org.bridgeway.supervision.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the CSV import of people and cases ({@code bridgeway.supervision.import.*}).
 *
 * @param maxFileSize the largest file accepted; the API's body limit ({@code @ApiBodyLimit}) and
 *     the multipart limit are slightly above it, so that a file just over it gets this clearer
 *     answer
 * @param maxRows the most data rows in one file: the import runs as a background job, checking the
 *     file as a stream and writing it in one transaction (ADR 0012)
 * @param maxReportedErrors the most errors a report lists; it always says how many there were
 * @param maxAttempts how many times a job is started (again after a restart interrupted it) before
 *     it is marked failed
 */
@ConfigurationProperties("bridgeway.supervision.import")
record ImportProperties(
    @DefaultValue("40MB") DataSize maxFileSize,
    @DefaultValue("100000") int maxRows,
    @DefaultValue("1000") int maxReportedErrors,
    @DefaultValue("3") int maxAttempts) {}
