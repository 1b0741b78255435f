package org.bridgeway.referrals.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.directory.DirectoryServices;
import org.bridgeway.directory.DirectoryServices.ServiceSummary;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.matching.Recommendation;
import org.bridgeway.matching.Recommendations;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.referrals.lifecycle.Attachments;
import org.bridgeway.referrals.lifecycle.ReferralRecords;
import org.bridgeway.referrals.lifecycle.ReferralView;
import org.bridgeway.referrals.lifecycle.WithdrawReason;
import org.bridgeway.referrals.pages.ReferralPageForms.AmendForm;
import org.bridgeway.referrals.pages.ReferralPageForms.CodedNote;
import org.bridgeway.referrals.pages.ReferralPageForms.DraftForm;
import org.bridgeway.referrals.pages.ReferralPageForms.OffPlatformForm;
import org.bridgeway.referrals.pages.ReferralPageForms.Parsed;
import org.bridgeway.referrals.pages.ReferralPageForms.SendForm;
import org.bridgeway.referrals.pages.ReferralPageForms.WithdrawForm;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.shared.web.PageQuery;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.bridgeway.supervision.SupervisedPeople.PersonHeading;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The referrer's pages: the draft form the matching module's "Refer" links land on, the list of
 * referrals ("My referrals", or a person's), and a referral with its answer, timeline and the
 * referrer's actions (send, record as sent off the platform, attach, amend, withdraw).
 */
@Controller
class ReferrerPagesController {

  private static final String FORM = "referrals/new";
  private static final String LIST = "referrals/list";
  private static final String REFERRAL = "referrals/referral";
  private static final int PAGE_SIZE = 25;

  /** How many next best matches a declined referral offers. */
  static final int NEXT_BEST = 3;

  private final ReferralRecords referrals;
  private final DraftAndSend drafting;
  private final ReferralLists lists;
  private final ReferralPageModel pageModel;
  private final SupervisedPeople people;
  private final DirectoryServices services;
  private final Recommendations recommendations;
  private final MessageSource messages;

  ReferrerPagesController(
      ReferralRecords referrals,
      DraftAndSend drafting,
      ReferralLists lists,
      ReferralPageModel pageModel,
      SupervisedPeople people,
      DirectoryServices services,
      Recommendations recommendations,
      MessageSource messages) {
    this.recommendations = recommendations;
    this.referrals = referrals;
    this.drafting = drafting;
    this.lists = lists;
    this.pageModel = pageModel;
    this.people = people;
    this.services = services;
    this.messages = messages;
  }

  @GetMapping("/referrals")
  @PreAuthorize(ReferralPageRoles.REFERRER)
  String list(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(required = false) String filter,
      @RequestParam(required = false) String person,
      @RequestParam(required = false) String page,
      Model model) {
    ReferralLists.Filter chosen =
        parse(filter, ReferralLists.Filter.class, ReferralLists.Filter.OPEN);
    int number = pageNumber(page);
    PageQuery query = PageQuery.of(number, PAGE_SIZE);
    if (person != null && !person.isBlank()) {
      ReferralLists.PersonReferrals found =
          lists.ofPerson(principal, new PersonId(uuid(person)), chosen, query);
      model.addAttribute("person", found.person());
      model.addAttribute("found", found.referrals());
    } else {
      model.addAttribute("found", lists.referrer(principal, chosen, true, query));
    }
    model.addAttribute("filter", chosen);
    model.addAttribute("filters", ReferralLists.Filter.values());
    model.addAttribute("zone", pageModel.zone());
    return LIST;
  }

  @GetMapping("/referrals/new")
  @PreAuthorize(ReferralPageRoles.REFERRER)
  String newReferral(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(required = false) String person,
      @RequestParam(required = false) String service,
      @RequestParam(required = false) String need,
      @RequestParam(required = false) String goal,
      Model model) {
    UUID personId = uuid(person);
    UUID serviceId = optionalUuid(service);
    NeedDomain domain = need == null ? null : parse(need, NeedDomain.class, null);
    model.addAttribute(
        "draftForm", DraftForm.start(personId, serviceId, domain, optionalUuid(goal)));
    addFormModel(principal, personId, serviceId, model);
    return FORM;
  }

  @PostMapping("/referrals/new")
  @PreAuthorize(ReferralPageRoles.REFERRER)
  String draft(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @ModelAttribute("draftForm") DraftForm form,
      BindingResult errors,
      @RequestParam(defaultValue = "draft") String action,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    List<FieldViolation> violations = new ArrayList<>();
    UUID personId = form.personId(violations);
    if (personId == null) {
      throw new NotFoundException("person");
    }
    // Reaches the person (404 if not seen) before anything is checked or written.
    people.visibleTo(principal, new PersonId(personId));
    Parsed<ReferralRecords.Draft> parsed = form.parse();
    boolean send = "send".equals(action);
    ReferralView[] made = new ReferralView[1];
    int status =
        PageAttempt.attempt(
            parsed.violations(),
            errors,
            DraftForm.FIELDS,
            messages,
            () ->
                made[0] =
                    send
                        ? drafting.draftAndSend(
                            principal,
                            new PersonId(personId),
                            parsed.value(),
                            new ReferralRecords.Send(form.eligibilityJustification()))
                        : referrals.draft(principal, new PersonId(personId), parsed.value()));
    if (status == 0) {
      redirect.addFlashAttribute("saved", send ? "sent" : "drafted");
      return "redirect:/referrals/" + made[0].id();
    }
    response.setStatus(status);
    addFormModel(principal, personId, optionalUuid(form.service()), model);
    return FORM;
  }

  @GetMapping("/referrals/{id}")
  @PreAuthorize(ReferralPageRoles.REFERRER)
  String show(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    addPageModel(principal, id, model);
    return REFERRAL;
  }

  @PostMapping("/referrals/{id}/send")
  @PreAuthorize(ReferralPageRoles.REFERRER)
  String send(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("sendForm") SendForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Parsed<ReferralRecords.Send> parsed = form.parse();
    int status =
        PageAttempt.attempt(
            parsed.violations(),
            errors,
            SendForm.FIELDS,
            messages,
            () -> referrals.send(principal, new ReferralId(id), parsed.value(), parsed.version()));
    return outcome(principal, id, status, "sent", response, model, redirect);
  }

  @PostMapping("/referrals/{id}/off-platform")
  @PreAuthorize(ReferralPageRoles.REFERRER)
  String offPlatform(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("offPlatformForm") OffPlatformForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Parsed<ReferralRecords.SendOffPlatform> parsed = form.parse();
    int status =
        PageAttempt.attempt(
            parsed.violations(),
            errors,
            OffPlatformForm.FIELDS,
            messages,
            () ->
                referrals.sendOffPlatform(
                    principal, new ReferralId(id), parsed.value(), parsed.version()));
    return outcome(principal, id, status, "offPlatform", response, model, redirect);
  }

  @PostMapping("/referrals/{id}/amend")
  @PreAuthorize(ReferralPageRoles.REFERRER)
  String amend(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("amendForm") AmendForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Parsed<ReferralRecords.Amend> parsed = form.parse();
    int status =
        PageAttempt.attempt(
            parsed.violations(),
            errors,
            AmendForm.FIELDS,
            messages,
            () -> referrals.amend(principal, new ReferralId(id), parsed.value(), parsed.version()));
    return outcome(principal, id, status, "amended", response, model, redirect);
  }

  @PostMapping("/referrals/{id}/withdraw")
  @PreAuthorize(ReferralPageRoles.REFERRER)
  String withdraw(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("withdrawForm") WithdrawForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Parsed<CodedNote<WithdrawReason>> parsed = form.parse();
    int status =
        PageAttempt.attempt(
            parsed.violations(),
            errors,
            WithdrawForm.FIELDS,
            WithdrawForm.RENAMED,
            messages,
            () ->
                referrals.withdraw(
                    principal,
                    new ReferralId(id),
                    new ReferralRecords.Withdraw(parsed.value().reason(), parsed.value().note()),
                    parsed.version()));
    return outcome(principal, id, status, "withdrawn", response, model, redirect);
  }

  @PostMapping("/referrals/{id}/attachments")
  @PreAuthorize(ReferralPageRoles.REFERRER)
  String attach(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @RequestParam(name = "file", required = false) MultipartFile file,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    BindingResult errors = new BeanPropertyBindingResult(new AttachForm(null), "attachForm");
    byte[] content = file == null ? new byte[0] : file.getBytes();
    String name = file == null ? null : file.getOriginalFilename();
    int status =
        PageAttempt.attempt(
            List.of(),
            errors,
            java.util.Set.of("file"),
            messages,
            () -> referrals.attach(principal, new ReferralId(id), name, content));
    if (status == 0) {
      redirect.addFlashAttribute("saved", "attached");
      return "redirect:/referrals/" + id;
    }
    response.setStatus(status);
    model.addAttribute("attachForm", new AttachForm(null));
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "attachForm", errors);
    addPageModel(principal, id, model);
    return REFERRAL;
  }

  /** The attachment form: only the file, which is not bound. */
  record AttachForm(String file) {}

  @GetMapping("/referrals/{id}/attachments/{attachment}")
  @PreAuthorize(ReferralPageRoles.REFERRER)
  ResponseEntity<byte[]> attachment(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID attachment) {
    return download(referrals.attachment(principal, new ReferralId(id), attachment));
  }

  static ResponseEntity<byte[]> download(Attachments.File file) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.info().mediaType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(file.info().fileName(), java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(file.content());
  }

  private String outcome(
      BridgewayPrincipal principal,
      UUID id,
      int status,
      String saved,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    if (status == 0) {
      redirect.addFlashAttribute("saved", saved);
      return "redirect:/referrals/" + id;
    }
    response.setStatus(status);
    // The form that went stale may no longer be shown for the fresh state: say it on the page.
    model.addAttribute("stale", status == HttpServletResponse.SC_CONFLICT);
    addPageModel(principal, id, model);
    return REFERRAL;
  }

  /**
   * After a decline, the best services for the same need apart from the one that declined, so that
   * the officer can refer again at once; empty otherwise.
   */
  private List<Recommendation> nextBest(BridgewayPrincipal principal, ReferralView view) {
    if (view.state() != ReferralState.DECLINED || view.service() == null) {
      return List.of();
    }
    return recommendations.nextBest(
        principal, view.person(), view.needDomain(), Set.of(view.service()), NEXT_BEST);
  }

  private void addPageModel(BridgewayPrincipal principal, UUID id, Model model) {
    ReferralView view = referrals.referral(principal, new ReferralId(id));
    model.addAllAttributes(pageModel.referral(view));
    model.addAttribute("nextBest", nextBest(principal, view));
    model.addAllAttributes(pageModel.contentOptions());
    String version = Long.toString(view.version());
    if (!model.containsAttribute("sendForm")) {
      model.addAttribute("sendForm", new SendForm(null, version));
    }
    if (!model.containsAttribute("offPlatformForm")) {
      model.addAttribute("offPlatformForm", new OffPlatformForm(null, null, version));
    }
    if (!model.containsAttribute("amendForm")) {
      model.addAttribute(
          "amendForm",
          new AmendForm(
              view.reason(),
              view.history(),
              view.riskInformation(),
              view.urgency().name(),
              view.preferredContact().name(),
              null,
              version));
    }
    if (!model.containsAttribute("withdrawForm")) {
      model.addAttribute("withdrawForm", WithdrawForm.empty(view.version()));
    }
    if (!model.containsAttribute("attachForm")) {
      model.addAttribute("attachForm", new AttachForm(null));
    }
    model.addAttribute("open", view.state() != ReferralState.DRAFT && !view.state().closed());
    model.addAttribute("maxAttachmentMegabytes", "5");
  }

  private void addFormModel(
      BridgewayPrincipal principal, UUID personId, UUID serviceId, Model model) {
    PersonHeading heading = people.visibleTo(principal, new PersonId(personId));
    model.addAttribute("person", heading);
    Optional<ServiceSummary> service =
        serviceId == null ? Optional.empty() : services.summary(new ServiceId(serviceId));
    model.addAttribute("service", service.orElse(null));
    model.addAllAttributes(pageModel.contentOptions());
  }

  private static <E extends Enum<E>> E parse(String value, Class<E> type, E fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      return fallback;
    }
  }

  private static int pageNumber(String value) {
    try {
      return Math.max(0, Math.min(100_000, Integer.parseInt(value == null ? "0" : value.strip())));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** A required id in a query: one that cannot be read is a record that does not exist. */
  private static UUID uuid(String value) {
    UUID id = optionalUuid(value);
    if (id == null) {
      throw new NotFoundException("person");
    }
    return id;
  }

  private static UUID optionalUuid(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
