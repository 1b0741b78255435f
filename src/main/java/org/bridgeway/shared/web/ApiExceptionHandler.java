package org.bridgeway.shared.web;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Answers every error raised by a REST controller with an RFC 9457 problem ({@code
 * application/problem+json}). Field errors go in an {@code errors} array of {@link
 * FieldViolation}s; unexpected errors are logged with a correlation id that the problem repeats,
 * and never show their message.
 *
 * <p>Extending {@link ResponseEntityExceptionHandler} covers all of Spring MVC's own exceptions; it
 * also makes Spring Boot's global problem-details handler step back, so that browser pages keep
 * their HTML error pages. Requests under {@code /api/v1} that never reached a controller (wrong
 * method, no such path) are answered through {@link ApiNoHandlerExceptionResolver}.
 *
 * <p>Ordered just ahead of the lowest precedence: ahead of the browser pages' error advice, which
 * also matches REST controllers (a {@code @RestController} is a {@code @Controller}). A module that
 * needs its own advice for its REST controllers gives it a higher precedence than this one, or the
 * catch-all here answers first.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private FieldViolations violations() {
    return new FieldViolations(getMessageSource());
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return invalid(ex, headers, violations().of(ex.getBindingResult()), request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (status.is5xxServerError()) {
      // A return value failed validation: the server's fault, not the client's.
      return handleExceptionInternal(ex, null, headers, status, request);
    }
    return invalid(ex, headers, violations().of(ex), request);
  }

  /** Bean Validation of a {@code @Validated} service, called with what the client sent. */
  @ExceptionHandler
  ResponseEntity<Object> handleConstraintViolation(
      ConstraintViolationException ex, WebRequest request) {
    return invalid(ex, new HttpHeaders(), violations().of(ex), request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    RequestBodyTooLargeException tooLarge = cause(ex, RequestBodyTooLargeException.class);
    if (tooLarge != null) {
      return handleBodyTooLarge(tooLarge, request);
    }
    MismatchedInputException mismatch = cause(ex, MismatchedInputException.class);
    FieldViolation violation = mismatch == null ? null : FieldViolations.of(mismatch);
    if (violation != null) {
      return invalid(ex, headers, List.of(violation), request);
    }
    return handleExceptionInternal(
        ex, Problems.of(HttpStatus.BAD_REQUEST, unreadableDetail(ex)), headers, status, request);
  }

  private static String unreadableDetail(HttpMessageNotReadableException ex) {
    JacksonException jackson = cause(ex, JacksonException.class);
    if (jackson instanceof StreamReadException syntax) {
      TokenStreamLocation at = syntax.getLocation();
      return at == null || at.getLineNr() < 1
          ? "The request body is not well-formed JSON."
          : "The request body is not well-formed JSON (line %d, column %d)."
              .formatted(at.getLineNr(), at.getColumnNr());
    }
    if (jackson instanceof MismatchedInputException) {
      return "The request body does not have the structure this endpoint expects.";
    }
    if (jackson == null && ex.getCause() == null) {
      // Spring's own message names the handler method.
      return "The request body is missing or empty.";
    }
    return "The request body could not be read.";
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name =
        ex instanceof MethodArgumentTypeMismatchException argument
            ? FieldViolations.parameterName(argument.getParameter())
            : ex.getPropertyName();
    FieldViolation violation =
        new FieldViolation(
            name, FieldViolations.TYPE_MISMATCH, Problems.expected(ex.getRequiredType()));
    return invalid(ex, headers, List.of(violation), request);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return invalid(ex, headers, List.of(required(ex.getParameterName())), request);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(
      MissingServletRequestPartException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return invalid(ex, headers, List.of(required(ex.getRequestPartName())), request);
  }

  @Override
  protected ResponseEntity<Object> handleServletRequestBindingException(
      ServletRequestBindingException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (ex instanceof MissingRequestHeaderException missing) {
      return invalid(ex, headers, List.of(required(missing.getHeaderName())), request);
    }
    return super.handleServletRequestBindingException(ex, headers, status, request);
  }

  private static FieldViolation required(String name) {
    return new FieldViolation(name, FieldViolations.REQUIRED, "is required");
  }

  @ExceptionHandler
  ResponseEntity<Object> handleBodyTooLarge(RequestBodyTooLargeException ex, WebRequest request) {
    HttpHeaders headers = new HttpHeaders();
    // Do not make the server read (and discard) the rest of a body it has refused.
    headers.setConnection("close");
    return handleExceptionInternal(
        ex, Problems.bodyTooLarge(ex.limit()), headers, HttpStatus.CONTENT_TOO_LARGE, request);
  }

  @ExceptionHandler
  ResponseEntity<Object> handleNotFound(NotFoundException ex, WebRequest request) {
    ProblemDetail problem =
        Problems.of(HttpStatus.NOT_FOUND, "The " + ex.recordType() + " was not found.");
    return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.NOT_FOUND, request);
  }

  /** A business rule refused the request: 422, with the rule's code and the field if named. */
  @ExceptionHandler
  ResponseEntity<Object> handleRuleViolation(DomainRuleViolation ex, WebRequest request) {
    String message = ruleMessage(ex);
    ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, message);
    problem.setProperty("code", ex.code());
    if (ex.field() != null) {
      problem.setProperty(
          Problems.ERRORS, List.of(new FieldViolation(ex.field(), ex.code(), message)));
    }
    return handleExceptionInternal(
        ex, problem, new HttpHeaders(), HttpStatus.UNPROCESSABLE_CONTENT, request);
  }

  /** The code is a message key, so a bundle can word (and translate) the rule's message. */
  private String ruleMessage(DomainRuleViolation ex) {
    MessageSource messages = getMessageSource();
    if (messages == null || ex.code() == null) {
      return ex.getMessage();
    }
    return messages.getMessage(ex.code(), null, ex.getMessage(), LocaleContextHolder.getLocale());
  }

  @ExceptionHandler
  ResponseEntity<Object> handleOptimisticLock(
      OptimisticLockingFailureException ex, WebRequest request) {
    ProblemDetail problem =
        Problems.of(
            HttpStatus.CONFLICT,
            "Someone else changed this record after you read it. Read it again and reapply your"
                + " change.");
    return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
  }

  /**
   * Method security denies inside the controller; Spring Security's exception translation, outside
   * the servlet, turns that into 401 or 403. Rethrowing tells Spring MVC this advice did not handle
   * it.
   */
  @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
  void leaveToSpringSecurity(Exception ex) throws Exception {
    throw ex;
  }

  @ExceptionHandler
  ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
    return handleExceptionInternal(
        ex, null, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
  }

  /**
   * Every answer passes here. A server error is logged with a fresh correlation id, and its problem
   * keeps only that id and a generic sentence: the exception's message may hold internals or data.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
      // The client hung up while the answer was written: nobody is left to answer, nothing failed.
      log.debug("Client went away during {}", describe(request));
      return null;
    }
    if (status.is5xxServerError()) {
      String correlationId = UUID.randomUUID().toString();
      log.error(
          "Unexpected error answering {} [correlationId={}]", describe(request), correlationId, ex);
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              status,
              "An unexpected error occurred. If it persists, report it with the correlation id "
                  + correlationId
                  + ".");
      problem.setProperty("correlationId", correlationId);
      body = problem;
    }
    return super.handleExceptionInternal(ex, body, headers, status, request);
  }

  private ResponseEntity<Object> invalid(
      Exception ex, HttpHeaders headers, List<FieldViolation> errors, WebRequest request) {
    return handleExceptionInternal(
        ex, Problems.invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
  }

  private static String describe(WebRequest request) {
    if (request instanceof ServletWebRequest servlet) {
      return servlet.getHttpMethod() + " " + servlet.getRequest().getRequestURI();
    }
    return request.getDescription(false);
  }

  private static <T extends Throwable> T cause(Throwable throwable, Class<T> type) {
    for (Throwable t = throwable; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
