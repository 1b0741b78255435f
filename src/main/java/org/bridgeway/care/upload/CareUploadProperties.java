package org.bridgeway.care.upload;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the providers' bulk CSV upload ({@code bridgeway.care.upload.*}).
 *
 * @param maxFileSize the largest file accepted; the API's body limit ({@code @ApiBodyLimit}) and
 *     the multipart limit are slightly above it, so that a file just over it gets this clearer
 *     answer
 * @param maxRows the most data rows in one file (ADR 0023: checked and written set-based, in one
 *     transaction)
 * @param maxReportedErrors the most errors a report lists; it always says how many there were
 * @param maxAttempts how many times a job is started (again after a restart interrupted it) before
 *     it is marked failed
 * @param signalWindow how far back an uploaded attendance still gets its care signal (for alerts);
 *     older rows are history sent in bulk (ADR 0023)
 */
@ConfigurationProperties("bridgeway.care.upload")
record CareUploadProperties(
    @DefaultValue("200MB") DataSize maxFileSize,
    @DefaultValue("1000000") int maxRows,
    @DefaultValue("1000") int maxReportedErrors,
    @DefaultValue("3") int maxAttempts,
    @DefaultValue("14d") Duration signalWindow) {}
