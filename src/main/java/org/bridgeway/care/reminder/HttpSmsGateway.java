package org.bridgeway.care.reminder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A generic HTTP SMS provider: {@code POST <url>} with {@code Authorization: Bearer <token>} and
 * the JSON body {@code {"to": "+15551234567", "text": "..."}}; a 2xx answer is sent (with {@code
 * "status": "delivered"} delivered, and {@code "id"} the provider's reference); a 4xx other than
 * 408 and 429 is a permanent refusal (a bad number, say), anything else is retried.
 */
class HttpSmsGateway implements SmsGateway {

  private final HttpClient client;
  private final URI url;
  private final String token;
  private final Duration timeout;
  private final JsonMapper json = JsonMapper.builder().build();

  HttpSmsGateway(URI url, String token, Duration timeout) {
    this.url = url;
    this.token = token;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public Sent send(String to, String text) {
    String body = json.writeValueAsString(java.util.Map.of("to", to, "text", text));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null && !token.isBlank()) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SmsFailure("The SMS provider could not be reached", false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SmsFailure("Interrupted while sending", false);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      String reference = null;
      boolean delivered = false;
      try {
        JsonNode answer = json.readTree(response.body());
        if (answer != null && answer.has("id")) {
          reference = answer.get("id").asString();
        }
        delivered =
            answer != null
                && answer.has("status")
                && "delivered".equalsIgnoreCase(answer.get("status").asString());
      } catch (RuntimeException unreadable) {
        // The message was accepted; an answer we cannot read only costs the reference.
      }
      return new Sent(delivered, reference);
    }
    boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
    throw new SmsFailure("The SMS provider answered " + status, permanent);
  }
}
