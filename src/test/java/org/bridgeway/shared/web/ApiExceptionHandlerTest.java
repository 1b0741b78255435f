package org.bridgeway.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

class ApiExceptionHandlerTest {

  private final ApiExceptionHandler handler = new ApiExceptionHandler();
  private final ServletWebRequest request =
      new ServletWebRequest(new MockHttpServletRequest("GET", "/api/v1/directory/search"));

  @Test
  void aClientThatHungUpMidAnswerGetsNoProblemWritten() {
    HttpMessageNotWritableException hungUp =
        new HttpMessageNotWritableException("Could not write JSON", new IOException("Broken pipe"));

    ResponseEntity<Object> answer =
        handler.handleExceptionInternal(
            hungUp, null, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);

    assertThat(answer).isNull();
  }

  @Test
  void aRealServerErrorIsStillAnsweredWithAProblemThatHidesTheCause() {
    ResponseEntity<Object> answer =
        handler.handleExceptionInternal(
            new IllegalStateException("secret internals"),
            null,
            new HttpHeaders(),
            HttpStatus.INTERNAL_SERVER_ERROR,
            request);

    assertThat(answer).isNotNull();
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(String.valueOf(answer.getBody())).doesNotContain("secret internals");
  }
}
