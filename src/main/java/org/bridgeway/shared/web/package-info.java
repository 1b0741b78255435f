/**
 * The conventions every REST endpoint under {@code /api/v1} follows, applied here once so that
 * modules write only thin {@code @RestController}s:
 *
 * <ul>
 *   <li><b>Errors</b> are RFC 9457 problems ({@code application/problem+json}); invalid fields are
 *       listed as {@link org.bridgeway.shared.web.FieldViolation}s in an {@code errors} property.
 *       Throw {@link org.bridgeway.shared.web.NotFoundException} for 404 (also for records the
 *       caller may not see), {@link org.bridgeway.shared.web.DomainRuleViolation} for 422;
 *       optimistic locking failures become 409; anything unexpected becomes a generic 500 with a
 *       {@code correlationId} that is also logged.
 *   <li><b>Size</b>: request bodies are limited to {@code bridgeway.api.max-body-size} (1 MB);
 *       {@link org.bridgeway.shared.web.ApiBodyLimit} raises it for one handler.
 *   <li><b>Paging</b>: take a {@code @Valid} {@link org.bridgeway.shared.web.PageQuery}, answer a
 *       {@link org.bridgeway.shared.web.PageResponse}.
 *   <li><b>Idempotency</b>: a {@code POST} with an {@code Idempotency-Key} header runs at most once
 *       per caller and key within 24 hours (ADR 0004). Put everything a client needs, such as the
 *       id of what was created, in the response body: only status, content type and body are
 *       replayed.
 *   <li><b>OpenAPI</b>: the document is at {@code /api/openapi}, Swagger UI at {@code /api/docs}.
 * </ul>
 */
package org.bridgeway.shared.web;
