package org.bridgeway.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for tests: keeps cookies, does not follow redirects, and sends the
 * CSRF token of the last page it loaded with every form it posts.
 */
public final class WebSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;
  private String csrf;

  public WebSession(int port) {
    this.base = "http://localhost:" + port;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public record Page(
      int status, String body, Optional<String> location, java.util.List<String> setCookies) {
    public boolean redirectsTo(String pathPrefix) {
      return location
          .map(l -> URI.create(l).getPath().startsWith(pathPrefix) || l.startsWith(pathPrefix))
          .orElse(false);
    }

    public String locationWithQuery() {
      return location
          .map(
              l -> {
                URI uri = URI.create(l);
                return uri.getRawQuery() == null
                    ? uri.getPath()
                    : uri.getPath() + "?" + uri.getRawQuery();
              })
          .orElse("");
    }
  }

  public Page get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  /** Posts a form with the CSRF token of the last page loaded. */
  public Page post(String path, Map<String, String> form) {
    Map<String, String> fields = new LinkedHashMap<>(form);
    if (csrf != null) {
      fields.putIfAbsent("_csrf", csrf);
    }
    return postRaw(path, fields);
  }

  /** Posts exactly these fields: no CSRF token is added. */
  public Page postRaw(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public Optional<String> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  /** Puts a cookie (for example a stolen or old session id) into this client. */
  public void setCookie(String name, String value) {
    HttpCookie cookie = new HttpCookie(name, value);
    cookie.setPath("/");
    cookie.setVersion(0);
    cookies.getCookieStore().add(URI.create(base), cookie);
  }

  private Page send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      Matcher matcher = CSRF.matcher(response.body());
      if (matcher.find()) {
        csrf = matcher.group(1);
      }
      return new Page(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Location"),
          response.headers().allValues("Set-Cookie"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
