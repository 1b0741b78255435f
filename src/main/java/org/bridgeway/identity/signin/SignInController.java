package org.bridgeway.identity.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bridgeway.identity.BridgewayPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sign-in pages: notice and password, then the second factor, or its enrolment on first
 * sign-in. Only after the second factor does the session carry an authentication.
 */
@Controller
@RequestMapping("/login")
class SignInController {

  private static final Logger log = LoggerFactory.getLogger(SignInController.class);
  static final String RECOVERY_CODES = "recoveryCodes";

  private final SignInService signIn;
  private final ObjectProvider<DemoSecondFactorHints> demoHints;
  private final Clock clock;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
  private final RequestCache requestCache = new HttpSessionRequestCache();

  SignInController(
      SignInService signIn, ObjectProvider<DemoSecondFactorHints> demoHints, Clock clock) {
    this.signIn = signIn;
    this.demoHints = demoHints;
    this.clock = clock;
  }

  @GetMapping
  @PreAuthorize("permitAll()")
  String signInPage(Model model) {
    if (isSignedIn()) {
      return "redirect:/";
    }
    model.addAttribute("form", SignInForm.empty());
    return "identity/sign-in";
  }

  @PostMapping
  @PreAuthorize("permitAll()")
  String signIn(
      @Valid @ModelAttribute("form") SignInForm form,
      BindingResult errors,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    if (errors.hasErrors()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "identity/sign-in";
    }
    return switch (signIn.checkPassword(form.email(), form.password())) {
      case SignInService.PasswordStep.Refused refused -> {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        model.addAttribute("form", new SignInForm(true, form.email(), ""));
        model.addAttribute("refused", true);
        yield "identity/sign-in";
      }
      case SignInService.PasswordStep.Accepted accepted -> {
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setAttribute(
            PendingSignIn.ATTRIBUTE,
            new PendingSignIn(accepted.user(), clock.instant(), accepted.needsEnrolment()));
        demoHints.ifAvailable(
            hints ->
                hints
                    .currentCodeFor(accepted.user())
                    .ifPresent(
                        code ->
                            log.info(
                                "Demo mode: current second-factor code for {} is {}",
                                form.email(),
                                code)));
        yield accepted.needsEnrolment() ? "redirect:/login/enrol" : "redirect:/login/second-factor";
      }
    };
  }

  @GetMapping("/second-factor")
  @PreAuthorize("permitAll()")
  String secondFactorPage(HttpServletRequest request, Model model) {
    Optional<PendingSignIn> pending = PendingSignIn.in(request.getSession(false), clock.instant());
    if (pending.isEmpty() || pending.get().needsEnrolment()) {
      return "redirect:/login?expired";
    }
    model.addAttribute("form", CodeForm.empty());
    addDemoHint(model, pending.get());
    return "identity/second-factor";
  }

  @PostMapping("/second-factor")
  @PreAuthorize("permitAll()")
  String verifySecondFactor(
      @Valid @ModelAttribute("form") CodeForm form,
      BindingResult errors,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<PendingSignIn> pending = PendingSignIn.in(request.getSession(false), clock.instant());
    if (pending.isEmpty() || pending.get().needsEnrolment()) {
      return "redirect:/login?expired";
    }
    if (errors.hasErrors()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      addDemoHint(model, pending.get());
      return "identity/second-factor";
    }
    return switch (signIn.verifySecondFactor(pending.get().user(), form.code())) {
      case SignInService.SecondFactorStep.Verified verified ->
          complete(verified.principal(), request, response);
      case SignInService.SecondFactorStep.Refused refused ->
          refusedCode(refused, request, response, model, pending.get(), "identity/second-factor");
    };
  }

  @GetMapping("/enrol")
  @PreAuthorize("permitAll()")
  String enrolPage(HttpServletRequest request, Model model) {
    Optional<PendingSignIn> pending = PendingSignIn.in(request.getSession(false), clock.instant());
    if (pending.isEmpty() || !pending.get().needsEnrolment()) {
      return "redirect:/login?expired";
    }
    model.addAttribute("form", CodeForm.empty());
    model.addAttribute("enrolment", signIn.beginEnrolment(pending.get().user()));
    return "identity/enrol";
  }

  @PostMapping("/enrol")
  @PreAuthorize("permitAll()")
  String confirmEnrolment(
      @Valid @ModelAttribute("form") CodeForm form,
      BindingResult errors,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Optional<PendingSignIn> pending = PendingSignIn.in(request.getSession(false), clock.instant());
    if (pending.isEmpty() || !pending.get().needsEnrolment()) {
      return "redirect:/login?expired";
    }
    if (errors.hasErrors()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("enrolment", signIn.beginEnrolment(pending.get().user()));
      return "identity/enrol";
    }
    return switch (signIn.confirmEnrolment(pending.get().user(), form.code())) {
      case SignInService.SecondFactorStep.Verified verified -> {
        complete(verified.principal(), request, response);
        redirect.addFlashAttribute(RECOVERY_CODES, verified.newRecoveryCodes());
        yield "redirect:/login/recovery-codes";
      }
      case SignInService.SecondFactorStep.Refused refused -> {
        if (!refused.locked()) {
          model.addAttribute("enrolment", signIn.beginEnrolment(pending.get().user()));
        }
        yield refusedCode(refused, request, response, model, pending.get(), "identity/enrol");
      }
    };
  }

  /** Shown once, right after enrolment; the codes exist only in this flash attribute. */
  @GetMapping("/recovery-codes")
  @PreAuthorize("isAuthenticated()")
  String recoveryCodes(Model model) {
    if (!(model.getAttribute(RECOVERY_CODES) instanceof List<?> codes) || codes.isEmpty()) {
      return "redirect:/";
    }
    return "identity/recovery-codes";
  }

  private String refusedCode(
      SignInService.SecondFactorStep.Refused refused,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      PendingSignIn pending,
      String view) {
    if (refused.locked()) {
      request.getSession().removeAttribute(PendingSignIn.ATTRIBUTE);
      return "redirect:/login?refused";
    }
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    model.addAttribute("form", CodeForm.empty());
    model.addAttribute("wrongCode", true);
    addDemoHint(model, pending);
    return view;
  }

  private String complete(
      BridgewayPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
    Instant now = clock.instant();
    SavedRequest saved = requestCache.getRequest(request, response);
    HttpSession session = request.getSession();
    session.removeAttribute(PendingSignIn.ATTRIBUTE);
    request.changeSessionId();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            principal, null, principal.authorities()));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    SignedInSession.start(session, now);
    requestCache.removeRequest(request, response);
    return "redirect:" + (saved != null ? localPathOf(saved.getRedirectUrl(), request) : "/");
  }

  /** Only ever redirects within the application, whatever the saved request says. */
  private static String localPathOf(String url, HttpServletRequest request) {
    try {
      java.net.URI uri = java.net.URI.create(url);
      String path = uri.getRawPath() == null || uri.getRawPath().isBlank() ? "/" : uri.getRawPath();
      String context = request.getContextPath();
      if (!context.isEmpty() && path.startsWith(context)) {
        path = path.substring(context.length());
      }
      if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/login")) {
        return "/";
      }
      return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    } catch (IllegalArgumentException e) {
      return "/";
    }
  }

  private void addDemoHint(Model model, PendingSignIn pending) {
    demoHints.ifAvailable(
        hints ->
            hints
                .currentCodeFor(pending.user())
                .ifPresent(code -> model.addAttribute("demoCode", code)));
  }

  private static boolean isSignedIn() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken);
  }
}
