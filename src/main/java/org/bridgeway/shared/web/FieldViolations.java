package org.bridgeway.shared.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns the validation and binding failures of Spring MVC, Bean Validation and Jackson into {@link
 * FieldViolation}s that name the request field as the client wrote it.
 */
final class FieldViolations {

  static final String TYPE_MISMATCH = "TypeMismatch";
  static final String REQUIRED = "Required";

  private final MessageSource messages;

  /**
   * @param messages resolves message codes, so a bundle can reword any message; may be null
   */
  FieldViolations(MessageSource messages) {
    this.messages = messages;
  }

  List<FieldViolation> of(Errors errors) {
    return of(errors, "");
  }

  private List<FieldViolation> of(Errors errors, String prefix) {
    List<FieldViolation> result = new ArrayList<>();
    for (FieldError error : errors.getFieldErrors()) {
      result.add(of(error, prefix + error.getField()));
    }
    for (ObjectError error : errors.getGlobalErrors()) {
      result.add(
          new FieldViolation(
              StringUtils.hasText(prefix) ? trimDot(prefix) : null,
              lastCode(error),
              message(error)));
    }
    return result;
  }

  private FieldViolation of(FieldError error, String field) {
    if (error.isBindingFailure()) {
      // The default message of a binding failure names the Java types involved.
      Class<?> required =
          error.contains(TypeMismatchException.class)
              ? error.unwrap(TypeMismatchException.class).getRequiredType()
              : null;
      return new FieldViolation(field, TYPE_MISMATCH, Problems.expected(required));
    }
    return new FieldViolation(field, lastCode(error), message(error));
  }

  List<FieldViolation> of(HandlerMethodValidationException exception) {
    List<FieldViolation> result = new ArrayList<>();
    for (ParameterValidationResult parameter : exception.getParameterValidationResults()) {
      String container = containerSuffix(parameter);
      if (parameter instanceof ParameterErrors beanErrors) {
        // A validated bean: its fields are the request's fields (body or query parameters).
        result.addAll(of(beanErrors, container.isEmpty() ? "" : container + "."));
      } else {
        String name = parameterName(parameter.getMethodParameter()) + container;
        for (MessageSourceResolvable error : parameter.getResolvableErrors()) {
          result.add(new FieldViolation(name, lastCode(error), message(error)));
        }
      }
    }
    for (MessageSourceResolvable error : exception.getCrossParameterValidationResults()) {
      result.add(new FieldViolation(null, lastCode(error), message(error)));
    }
    return result;
  }

  List<FieldViolation> of(jakarta.validation.ConstraintViolationException exception) {
    List<FieldViolation> result = new ArrayList<>();
    for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
      result.add(
          new FieldViolation(
              field(violation.getPropertyPath()),
              violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
              violation.getMessage()));
    }
    return result;
  }

  /** The field a Jackson mapping failure concerns, or null if it concerns the whole body. */
  static FieldViolation of(MismatchedInputException exception) {
    String field = jsonPath(exception);
    if (field == null) {
      return null;
    }
    if (exception instanceof UnrecognizedPropertyException) {
      return new FieldViolation(field, "Unknown", "is not a known field");
    }
    if (exception instanceof InvalidNullException) {
      return new FieldViolation(field, "NotNull", "must not be null");
    }
    return new FieldViolation(field, TYPE_MISMATCH, Problems.expected(exception.getTargetType()));
  }

  /** {@code address.lines[0]} from Jackson's reference chain; null when there is none. */
  static String jsonPath(JacksonException exception) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : exception.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? null : path.toString();
  }

  /**
   * {@code items[0].name} from a Bean Validation path, leaving out the method and parameter nodes
   * of method validation: the parameter's own properties are what the client sent.
   */
  static String field(Path path) {
    StringBuilder field = new StringBuilder();
    String parameter = null;
    for (Path.Node node : path) {
      ElementKind kind = node.getKind();
      if (kind == ElementKind.PARAMETER) {
        parameter = node.getName();
        continue;
      }
      if (kind == ElementKind.METHOD
          || kind == ElementKind.CONSTRUCTOR
          || kind == ElementKind.RETURN_VALUE
          || kind == ElementKind.CROSS_PARAMETER) {
        continue;
      }
      if (node.isInIterable()) {
        field
            .append('[')
            .append(node.getIndex() != null ? node.getIndex() : node.getKey())
            .append(']');
      }
      String name = node.getName();
      if (StringUtils.hasText(name) && !name.startsWith("<")) {
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(name);
      }
    }
    if (!field.isEmpty()) {
      return field.toString();
    }
    return parameter;
  }

  /** The name the client used: the request parameter, path variable or header name. */
  static String parameterName(MethodParameter parameter) {
    RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
    if (param != null && StringUtils.hasText(param.name())) {
      return param.name();
    }
    PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
    if (variable != null && StringUtils.hasText(variable.name())) {
      return variable.name();
    }
    RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
    if (header != null && StringUtils.hasText(header.name())) {
      return header.name();
    }
    CookieValue cookie = parameter.getParameterAnnotation(CookieValue.class);
    if (cookie != null && StringUtils.hasText(cookie.name())) {
      return cookie.name();
    }
    RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
    if (part != null && StringUtils.hasText(part.name())) {
      return part.name();
    }
    return parameter.getParameterName();
  }

  private static String containerSuffix(ParameterValidationResult parameter) {
    if (parameter.getContainerIndex() != null) {
      return "[" + parameter.getContainerIndex() + "]";
    }
    if (parameter.getContainerKey() != null) {
      return "[" + parameter.getContainerKey() + "]";
    }
    return "";
  }

  private static String trimDot(String prefix) {
    return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
  }

  /** The most general code, which is the constraint's name: {@code NotBlank}, {@code Min}. */
  private static String lastCode(MessageSourceResolvable error) {
    String[] codes = error.getCodes();
    return codes == null || codes.length == 0 ? "Invalid" : codes[codes.length - 1];
  }

  private String message(MessageSourceResolvable error) {
    if (messages != null) {
      try {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(error, locale);
      } catch (NoSuchMessageException e) {
        // fall through to the default message
      }
    }
    return error.getDefaultMessage() != null ? error.getDefaultMessage() : "is invalid";
  }
}
