package org.bridgeway.shared.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of the {@code errors} array of a problem response: which request field is wrong and
 * why. Clients branch on {@code code} (a Bean Validation constraint name such as {@code NotBlank},
 * or {@code TypeMismatch}, {@code Required}, {@code Unknown}) and show {@code message}.
 *
 * @param field the field in the request, as a JSON path ({@code address.street}, {@code
 *     items[0].quantity}), a query or path parameter, or a header; null for the request as a whole
 * @param code what kind of rule failed
 * @param message what is wrong, for a person to read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldViolation(String field, String code, String message) {}
