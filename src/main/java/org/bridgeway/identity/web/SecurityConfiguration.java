package org.bridgeway.identity.web;

import org.bridgeway.identity.signin.SessionPolicyFilter;
import org.bridgeway.identity.signin.SignOutAuditHandler;
import org.bridgeway.identity.token.ApiTokenAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Two filter chains: the API ({@code /api/v1/**}) authenticates every request with a bearer token
 * and never creates a session or cookie; everything else is the browser application, signed in with
 * a password and a second factor and kept in a server-side session.
 *
 * <p>Authorization itself is declared on every handler method with {@code @PreAuthorize}; the
 * chains only require authentication, so no rule is written twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
          + "form-action 'self'; frame-ancestors 'none'";

  /**
   * Callbacks from outside systems that hold no Bridgeway token: each checks its own signature
   * (care's SMS provider callbacks, signed with a shared secret).
   */
  static final String[] SIGNED_CALLBACK_PATHS = {"/api/v1/care/sms/**"};

  static final String[] PUBLIC_PATHS = {
    "/login",
    "/login/**",
    "/invitation/**",
    "/css/**",
    "/js/**",
    "/vendor/**",
    "/images/**",
    "/favicon.ico",
    "/error",
    "/actuator/health",
    "/actuator/health/**",
    "/api/openapi",
    "/api/openapi/**",
    "/api/docs",
    "/api/docs/**",
    "/swagger-ui/**",
    // the public face of the directory: the Open Referral API and the public directory pages
    "/hsds",
    "/hsds/**",
    "/directory",
    "/directory/services/*",
    // the public transparency report of outcomes: aggregates only, small counts suppressed
    "/transparency",
    "/transparency.csv"
  };

  /**
   * No observation per security filter and authorization check: with an observation registry
   * present, Spring Security wraps every filter of every request in one, which cost more than the
   * token check itself, and nothing here reads them. HTTP server metrics stay on.
   */
  @Bean
  SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder(12);
  }

  /** The filters are beans for injection, but they run only inside their security chains. */
  @Bean
  FilterRegistrationBean<ApiTokenAuthenticationFilter> apiTokenFilterRegistration(
      ApiTokenAuthenticationFilter filter) {
    FilterRegistrationBean<ApiTokenAuthenticationFilter> registration =
        new FilterRegistrationBean<>(filter);
    registration.setEnabled(false);
    return registration;
  }

  @Bean
  FilterRegistrationBean<SessionPolicyFilter> sessionPolicyFilterRegistration(
      SessionPolicyFilter filter) {
    FilterRegistrationBean<SessionPolicyFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setEnabled(false);
    return registration;
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(
      HttpSecurity http, ApiTokenAuthenticationFilter tokenFilter, ApiProblemResponder problems)
      throws Exception {
    http.securityMatcher("/api/v1/**")
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .securityContext(
            c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        // The API takes no cookies, so there is no ambient credential for CSRF to abuse.
        .csrf(c -> c.disable())
        .requestCache(c -> c.disable())
        .anonymous(Customizer.withDefaults())
        .addFilterAfter(tokenFilter, SecurityContextHolderFilter.class)
        .authorizeHttpRequests(
            a -> a.requestMatchers(SIGNED_CALLBACK_PATHS).permitAll().anyRequest().authenticated())
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(problems::unauthorized)
                    .accessDeniedHandler(problems::forbidden))
        .headers(SecurityConfiguration::strictHeaders);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webChain(
      HttpSecurity http, SessionPolicyFilter sessionPolicy, SignOutAuditHandler signOutAudit)
      throws Exception {
    http.securityContext(
            c -> c.securityContextRepository(new HttpSessionSecurityContextRepository()))
        .addFilterAfter(sessionPolicy, SecurityContextHolderFilter.class)
        .authorizeHttpRequests(
            a -> a.requestMatchers(PUBLIC_PATHS).permitAll().anyRequest().authenticated())
        .exceptionHandling(
            e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
        .logout(
            l ->
                l.logoutUrl("/logout")
                    .addLogoutHandler(signOutAudit)
                    .logoutSuccessUrl("/login?signedOut")
                    .invalidateHttpSession(true)
                    .clearAuthentication(true)
                    .deleteCookies("BRIDGEWAY_SESSION"))
        .headers(SecurityConfiguration::strictHeaders);
    return http.build();
  }

  static void strictHeaders(HeadersConfigurer<HttpSecurity> headers) {
    headers
        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
        // Sent on every response: browsers ignore it over plain HTTP, and behind a TLS proxy the
        // application cannot always tell that the request was secure.
        .httpStrictTransportSecurity(
            h ->
                h.includeSubDomains(true)
                    .maxAgeInSeconds(31_536_000)
                    .requestMatcher(AnyRequestMatcher.INSTANCE))
        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
        .contentTypeOptions(Customizer.withDefaults());
  }
}
