package org.bridgeway.shared.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the REST API under {@code /api/v1}.
 *
 * @param maxBodySize the largest request body a handler accepts unless it declares more with {@link
 *     ApiBodyLimit}
 * @param idempotencyKeyLifetime how long a stored response answers a repeated {@code
 *     Idempotency-Key}
 */
@ConfigurationProperties("bridgeway.api")
public record ApiProperties(
    @DefaultValue("1MB") DataSize maxBodySize,
    @DefaultValue("24h") Duration idempotencyKeyLifetime) {}
