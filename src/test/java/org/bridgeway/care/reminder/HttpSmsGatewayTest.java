package org.bridgeway.care.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generic HTTP SMS adapter against a local HTTP server, and the logging adapter's masking. */
class HttpSmsGatewayTest {

  HttpServer server;
  AtomicInteger status = new AtomicInteger(200);
  AtomicReference<String> answer =
      new AtomicReference<>("{\"id\":\"m-1\",\"status\":\"delivered\"}");
  AtomicReference<String> body = new AtomicReference<>();
  AtomicReference<String> authorization = new AtomicReference<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/sms",
        exchange -> {
          body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] out = answer.get().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status.get(), out.length);
          exchange.getResponseBody().write(out);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  HttpSmsGateway gateway() {
    return new HttpSmsGateway(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms"),
        "secret-token",
        Duration.ofSeconds(2));
  }

  @Test
  void aDeliveredAnswerIsDeliveredWithTheProvidersReference() {
    SmsGateway.Sent sent = gateway().send("+15551234567", "You have an appointment.");

    assertThat(sent.delivered()).isTrue();
    assertThat(sent.reference()).isEqualTo("m-1");
    assertThat(authorization.get()).isEqualTo("Bearer secret-token");
    assertThat(body.get()).contains("\"to\":\"+15551234567\"").contains("You have an appointment.");
  }

  @Test
  void anAcceptedAnswerIsSentAndRefusalsArePermanentOrRetried() {
    answer.set("{\"id\":\"m-2\"}");
    assertThat(gateway().send("+15551234567", "x").delivered()).isFalse();

    status.set(400);
    assertThatThrownBy(() -> gateway().send("+1555", "x"))
        .isInstanceOfSatisfying(
            SmsGateway.SmsFailure.class, f -> assertThat(f.permanent()).isTrue());
    status.set(503);
    assertThatThrownBy(() -> gateway().send("+15551234567", "x"))
        .isInstanceOfSatisfying(
            SmsGateway.SmsFailure.class, f -> assertThat(f.permanent()).isFalse());
    server.stop(0);
    assertThatThrownBy(() -> gateway().send("+15551234567", "x"))
        .isInstanceOfSatisfying(
            SmsGateway.SmsFailure.class, f -> assertThat(f.permanent()).isFalse());
  }

  @Test
  void theLoggingGatewaySendsNothingAndMasksTheNumber() {
    SmsGateway.Sent sent = new LoggingSmsGateway().send("+15551234567", "x");
    assertThat(sent.delivered()).isFalse();
    assertThat(sent.reference()).startsWith("logged-");
    assertThat(LoggingSmsGateway.mask("+15551234567")).isEqualTo("**********67");
  }
}
