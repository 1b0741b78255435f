package org.bridgeway.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Describes the API for springdoc: served as OpenAPI 3 JSON at {@code /api/openapi} and as Swagger
 * UI at {@code /api/docs}. Every operation needs a bearer token; the server URL is relative, so the
 * document is right behind any proxy or host name.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String BEARER = "bearer";

  private static final String DESCRIPTION =
      """
      The Bridgeway REST API. Conventions that hold for every endpoint:

      * Authenticate with an API token: `Authorization: Bearer <token>`. Tokens belong to one \
      organization and carry roles.
      * Errors are RFC 9457 problem details (`application/problem+json`). Invalid fields are \
      listed in `errors` as `{field, code, message}`. Server errors carry a `correlationId` to \
      quote when reporting them.
      * Lists are paged with `page` (from 0) and `size` (1 to 200, default 50) and answer \
      `{items, page, size, totalItems, totalPages}`.
      * Request bodies are limited to 1 MB unless an endpoint says otherwise; larger ones get 413.
      * A `POST` may carry an `Idempotency-Key` (1 to 255 printable ASCII characters). A retry \
      with the same key and the same request gets the first response again, with \
      `Idempotent-Replayed: true`; the same key with a different request gets 422; a retry while \
      the first is still running gets 409. Keys are kept for 24 hours.
      """;

  @Bean
  OpenAPI bridgewayOpenApi() {
    return new OpenAPI()
        .info(new Info().title("Bridgeway API").version("v1").description(DESCRIPTION))
        .servers(List.of(new Server().url("/").description("This Bridgeway server")))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("An API token issued by an organization administrator.")))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }

  /** Documents the optional {@code Idempotency-Key} header on every {@code POST}. */
  @Bean
  OpenApiCustomizer idempotencyKeyHeader() {
    return openApi -> {
      if (openApi.getPaths() == null) {
        return;
      }
      openApi
          .getPaths()
          .values()
          .forEach(
              path -> {
                if (path.getPost() != null) {
                  path.getPost()
                      .addParametersItem(
                          new HeaderParameter()
                              .name(IdempotencyFilter.KEY_HEADER)
                              .required(false)
                              .description(
                                  "Makes a retry of this request safe: the same key and request"
                                      + " get the first response again.")
                              .schema(new StringSchema().minLength(1).maxLength(255)));
                }
              });
    };
  }
}
