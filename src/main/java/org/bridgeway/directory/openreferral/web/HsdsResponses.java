package org.bridgeway.directory.openreferral.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the {@code /hsds} API answers: JSON with a strong ETag (a digest of the body, so a client
 * that sends it back in {@code If-None-Match} gets 304 without the body) and a minute of public
 * caching; or newline-delimited JSON streamed as it is assembled.
 */
final class HsdsResponses {

  static final String CACHE_CONTROL = "public, max-age=60";
  static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

  private static final JsonMapper JSON = JsonMapper.shared();

  private HsdsResponses() {}

  /** The body as JSON; Spring MVC answers 304 itself when the request's ETag matches. */
  static ResponseEntity<byte[]> json(ObjectNode body) {
    byte[] bytes = JSON.writeValueAsBytes(body);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
        .eTag(etag(bytes))
        .body(bytes);
  }

  /**
   * Streams one JSON object per line. Nothing is written before the first object, so a bad
   * parameter found while preparing the stream is still answered as a 400 problem.
   */
  static void ndjson(HttpServletResponse response, Consumer<Consumer<ObjectNode>> producer) {
    NdjsonSink sink = new NdjsonSink(response);
    producer.accept(sink);
    sink.finish();
  }

  private static String etag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private static final class NdjsonSink implements Consumer<ObjectNode> {

    private final HttpServletResponse response;
    private OutputStream out;

    NdjsonSink(HttpServletResponse response) {
      this.response = response;
    }

    @Override
    public void accept(ObjectNode node) {
      try {
        start();
        out.write(JSON.writeValueAsBytes(node));
        out.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void finish() {
      try {
        start();
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void start() throws IOException {
      if (out == null) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(NDJSON.toString());
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        out = response.getOutputStream();
      }
    }
  }
}
