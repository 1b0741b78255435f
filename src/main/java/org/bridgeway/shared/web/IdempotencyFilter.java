package org.bridgeway.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bridgeway.shared.security.Actor;
import org.bridgeway.shared.security.Actors;
import org.bridgeway.shared.web.IdempotencyStore.Answered;
import org.bridgeway.shared.web.IdempotencyStore.DifferentRequest;
import org.bridgeway.shared.web.IdempotencyStore.InProgress;
import org.bridgeway.shared.web.IdempotencyStore.Started;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes a {@code POST} under {@code /api/v1} that carries an {@code Idempotency-Key} safe to retry:
 * the first request runs and its answer is stored; a repeat with the same key and the same content
 * gets the stored answer again, marked {@code Idempotent-Replayed: true}, without running. Keys are
 * scoped to the caller, so two clients never collide. See ADR 0004 for the rules and their limits.
 *
 * <p>Runs after Spring Security, so the caller is known, and after the size limit, so the body it
 * reads to hash has already been bounded.
 */
class IdempotencyFilter extends OncePerRequestFilter {

  static final String KEY_HEADER = "Idempotency-Key";
  static final String REPLAYED_HEADER = "Idempotent-Replayed";
  private static final int MAX_KEY_LENGTH = 255;
  private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

  private final IdempotencyStore store;
  private final ProblemWriter problems;

  IdempotencyFilter(IdempotencyStore store, ProblemWriter problems) {
    this.store = store;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !HttpMethod.POST.matches(request.getMethod()) || request.getHeader(KEY_HEADER) == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(KEY_HEADER);
    if (!isValidKey(key)) {
      problems.write(
          request,
          response,
          Problems.invalid(
              List.of(
                  new FieldViolation(
                      KEY_HEADER, "Pattern", "must be 1 to 255 printable ASCII characters"))));
      return;
    }
    Optional<Actor> actor = Actors.current();
    if (actor.isEmpty()) {
      // Only authenticated calls get this far on the API; without a caller there is no scope.
      chain.doFilter(request, response);
      return;
    }
    byte[] body;
    try {
      body = request.getInputStream().readAllBytes();
    } catch (RequestBodyTooLargeException e) {
      problems.write(request, response, Problems.bodyTooLarge(e.limit()));
      return;
    }
    String scope = actor.get().reference();
    switch (store.claim(scope, key, hash(request, body))) {
      case Started started ->
          run(new BufferedBodyRequest(request, body), response, chain, scope, key);
      case Answered answered -> replay(response, answered);
      case InProgress inProgress ->
          problems.write(
              request,
              response,
              Problems.of(
                  HttpStatus.CONFLICT,
                  "A request with this Idempotency-Key is still being processed. Retry later to"
                      + " get its response."));
      case DifferentRequest different ->
          problems.write(
              request,
              response,
              Problems.of(
                  HttpStatus.UNPROCESSABLE_CONTENT,
                  "Idempotency-Key reuse with a different request."));
    }
  }

  private void run(
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain,
      String scope,
      String key)
      throws ServletException, IOException {
    ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, captured);
    } catch (IOException | ServletException | RuntimeException e) {
      // No answer to replay: let a retry run the request again.
      store.abandon(scope, key);
      throw e;
    }
    record(scope, key, captured, request.isAsyncStarted());
    captured.copyBodyToResponse();
  }

  private void record(
      String scope, String key, ContentCachingResponseWrapper captured, boolean async) {
    int status = captured.getStatus();
    try {
      if (async) {
        log.warn("Idempotency-Key ignored: the handler answered asynchronously");
        store.abandon(scope, key);
      } else if (status >= 500) {
        // A server error may be transient: a retry with the same key should run again.
        store.abandon(scope, key);
      } else {
        store.answered(
            scope, key, status, captured.getContentType(), captured.getContentAsByteArray());
      }
    } catch (RuntimeException e) {
      // The action is done and the client gets its answer; only the replay is lost. The key stays
      // "in progress" until it expires, so a retry is refused rather than run twice (ADR 0004).
      log.error("Could not store the answer to Idempotency-Key request of {}", scope, e);
    }
  }

  private static void replay(HttpServletResponse response, Answered answered) throws IOException {
    response.setStatus(answered.status());
    if (answered.contentType() != null) {
      response.setContentType(answered.contentType());
    }
    response.setHeader(REPLAYED_HEADER, "true");
    byte[] body = answered.body() == null ? new byte[0] : answered.body();
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }

  static boolean isValidKey(String key) {
    if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      return false;
    }
    return key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
  }

  /** SHA-256 of method, path with query, and body: what makes two requests "the same". */
  static String hash(HttpServletRequest request, byte[] body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(request.getMethod().getBytes(StandardCharsets.US_ASCII));
      digest.update((byte) '\n');
      digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
      if (request.getQueryString() != null) {
        digest.update((byte) '?');
        digest.update(request.getQueryString().getBytes(StandardCharsets.UTF_8));
      }
      digest.update((byte) '\n');
      return HexFormat.of().formatHex(digest.digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }

  /** The request again, with the body this filter has already read. */
  private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    BufferedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          // The whole body is in memory: it is all available at once.
          try {
            if (in.available() > 0) {
              listener.onDataAvailable();
            }
            listener.onAllDataRead();
          } catch (IOException e) {
            listener.onError(e);
          }
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
