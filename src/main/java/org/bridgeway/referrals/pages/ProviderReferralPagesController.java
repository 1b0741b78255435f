package org.bridgeway.referrals.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.UserId;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.lifecycle.DeadlineSettings;
import org.bridgeway.referrals.lifecycle.DeclineReason;
import org.bridgeway.referrals.lifecycle.EndReason;
import org.bridgeway.referrals.lifecycle.InboxFilter;
import org.bridgeway.referrals.lifecycle.ReferralRecords;
import org.bridgeway.referrals.lifecycle.ReferralView;
import org.bridgeway.referrals.pages.ReferralPageForms.AssignForm;
import org.bridgeway.referrals.pages.ReferralPageForms.CodedNote;
import org.bridgeway.referrals.pages.ReferralPageForms.DeclineForm;
import org.bridgeway.referrals.pages.ReferralPageForms.EndForm;
import org.bridgeway.referrals.pages.ReferralPageForms.IntakeForm;
import org.bridgeway.referrals.pages.ReferralPageForms.Parsed;
import org.bridgeway.referrals.pages.ReferralPageForms.SettingsForm;
import org.bridgeway.referrals.pages.ReferralPageForms.StepForm;
import org.bridgeway.referrals.pages.ReferralPageForms.WaitlistForm;
import org.bridgeway.shared.web.PageQuery;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The provider's pages: the inbox with its tabs and counts, a referral sent to the provider with
 * the provider's answers (assign, accept, decline, waitlist, schedule intake, start, complete, end
 * early), and the organization's response deadline for its administrators.
 */
@Controller
class ProviderReferralPagesController {

  private static final String INBOX = "referrals/inbox";
  private static final String REFERRAL = "referrals/provider-referral";
  private static final String SETTINGS = "referrals/settings";
  private static final int PAGE_SIZE = 25;

  private final ReferralRecords referrals;
  private final ReferralLists lists;
  private final ReferralPageModel pageModel;
  private final MessageSource messages;

  ProviderReferralPagesController(
      ReferralRecords referrals,
      ReferralLists lists,
      ReferralPageModel pageModel,
      MessageSource messages) {
    this.referrals = referrals;
    this.lists = lists;
    this.pageModel = pageModel;
    this.messages = messages;
  }

  @GetMapping("/provider/referrals")
  @PreAuthorize(ReferralPageRoles.PROVIDER)
  String inbox(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(required = false) String tab,
      @RequestParam(required = false) String page,
      Model model) {
    InboxFilter chosen = InboxFilter.NEW;
    if (tab != null) {
      try {
        chosen = InboxFilter.valueOf(tab.strip());
      } catch (IllegalArgumentException e) {
        chosen = InboxFilter.NEW;
      }
    }
    int number;
    try {
      number = Math.max(0, Math.min(100_000, Integer.parseInt(page == null ? "0" : page.strip())));
    } catch (NumberFormatException e) {
      number = 0;
    }
    var found = referrals.inbox(principal, chosen, PageQuery.of(number, PAGE_SIZE));
    model.addAttribute("found", found);
    model.addAttribute("tab", chosen);
    model.addAttribute("tabs", InboxFilter.values());
    model.addAttribute("counts", lists.inboxCounts(principal));
    model.addAttribute("zone", pageModel.zone());
    model.addAttribute("administrator", principal.administers(principal.organization()));
    model.addAttribute(
        "caseworkers",
        found.items().stream()
            .map(s -> s.assignedCaseworker())
            .filter(java.util.Objects::nonNull)
            .distinct()
            .collect(
                java.util.stream.Collectors.toMap(
                    UserId::value,
                    c -> java.util.Objects.requireNonNullElse(pageModel.caseworkerName(c), ""))));
    return INBOX;
  }

  @GetMapping("/provider/referrals/{id}")
  @PreAuthorize(ReferralPageRoles.PROVIDER)
  String show(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    addPageModel(principal, id, model);
    return REFERRAL;
  }

  @GetMapping("/provider/referrals/{id}/attachments/{attachment}")
  @PreAuthorize(ReferralPageRoles.PROVIDER)
  ResponseEntity<byte[]> attachment(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID attachment) {
    return ReferrerPagesController.download(
        referrals.attachmentAtProvider(principal, new ReferralId(id), attachment));
  }

  @PostMapping("/provider/referrals/{id}/assign")
  @PreAuthorize(ReferralPageRoles.PROVIDER)
  String assign(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("assignForm") AssignForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Parsed<UUID> parsed = form.parse();
    int status =
        PageAttempt.attempt(
            parsed.violations(),
            errors,
            AssignForm.FIELDS,
            messages,
            () ->
                referrals.assign(
                    principal, new ReferralId(id), new UserId(parsed.value()), parsed.version()));
    return outcome(principal, id, status, "assigned", response, model, redirect);
  }

  @PostMapping("/provider/referrals/{id}/accept")
  @PreAuthorize(ReferralPageRoles.PROVIDER)
  String accept(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("acceptForm") StepForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Parsed<String> parsed = form.parse();
    int status =
        PageAttempt.attempt(
            parsed.violations(),
            errors,
            StepForm.FIELDS,
            messages,
            () -> referrals.accept(principal, new ReferralId(id), parsed.version()));
    return outcome(principal, id, status, "accepted", response, model, redirect);
  }

  @PostMapping("/provider/referrals/{id}/decline")
  @PreAuthorize(ReferralPageRoles.PROVIDER)
  String decline(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("declineForm") DeclineForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Parsed<CodedNote<DeclineReason>> parsed = form.parse();
    int status =
        PageAttempt.attempt(
            parsed.violations(),
            errors,
            DeclineForm.FIELDS,
            DeclineForm.RENAMED,
            messages,
            () ->
                referrals.decline(
                    principal,
                    new ReferralId(id),
                    new ReferralRecords.Decline(parsed.value().reason(), parsed.value().note()),
                    parsed.version()));
    return outcome(principal, id, status, "declined", response, model, redirect);
  }

  @PostMapping("/provider/referrals/{id}/waitlist")
  @PreAuthorize(ReferralPageRoles.PROVIDER)
  String waitlist(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("waitlistForm") WaitlistForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Parsed<LocalDate> parsed = form.parse();
    int status =
        PageAttempt.attempt(
            parsed.violations(),
            errors,
            WaitlistForm.FIELDS,
            messages,
            () ->
                referrals.waitlist(
                    principal, new ReferralId(id), parsed.value(), parsed.version()));
    return outcome(principal, id, status, "waitlisted", response, model, redirect);
  }

  @PostMapping("/provider/referrals/{id}/intake")
  @PreAuthorize(ReferralPageRoles.PROVIDER)
  String intake(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("intakeForm") IntakeForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Parsed<ReferralRecords.Intake> parsed = form.parse(pageModel.zone());
    int status =
        PageAttempt.attempt(
            parsed.violations(),
            errors,
            IntakeForm.FIELDS,
            messages,
            () ->
                referrals.scheduleIntake(
                    principal, new ReferralId(id), parsed.value(), parsed.version()));
    return outcome(principal, id, status, "intake", response, model, redirect);
  }

  @PostMapping("/provider/referrals/{id}/start")
  @PreAuthorize(ReferralPageRoles.PROVIDER)
  String start(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("startForm") StepForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Parsed<String> parsed = form.parse();
    int status =
        PageAttempt.attempt(
            parsed.violations(),
            errors,
            StepForm.FIELDS,
            messages,
            () -> referrals.start(principal, new ReferralId(id), parsed.version()));
    return outcome(principal, id, status, "started", response, model, redirect);
  }

  @PostMapping("/provider/referrals/{id}/complete")
  @PreAuthorize(ReferralPageRoles.PROVIDER)
  String complete(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("completeForm") StepForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Parsed<String> parsed = form.parse();
    int status =
        PageAttempt.attempt(
            parsed.violations(),
            errors,
            StepForm.FIELDS,
            StepForm.RENAMED,
            messages,
            () ->
                referrals.complete(
                    principal, new ReferralId(id), parsed.value(), parsed.version()));
    return outcome(principal, id, status, "completed", response, model, redirect);
  }

  @PostMapping("/provider/referrals/{id}/end-early")
  @PreAuthorize(ReferralPageRoles.PROVIDER)
  String endEarly(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("endForm") EndForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Parsed<CodedNote<EndReason>> parsed = form.parse();
    int status =
        PageAttempt.attempt(
            parsed.violations(),
            errors,
            EndForm.FIELDS,
            EndForm.RENAMED,
            messages,
            () ->
                referrals.endEarly(
                    principal,
                    new ReferralId(id),
                    new ReferralRecords.EndEarly(parsed.value().reason(), parsed.value().note()),
                    parsed.version()));
    return outcome(principal, id, status, "endedEarly", response, model, redirect);
  }

  @GetMapping("/provider/referral-settings")
  @PreAuthorize(ReferralPageRoles.ADMINISTRATOR)
  String settings(@AuthenticationPrincipal BridgewayPrincipal principal, Model model) {
    DeadlineSettings.Setting setting = referrals.deadlineSettings(principal);
    model.addAttribute(
        "settingsForm",
        new SettingsForm(
            Integer.toString(setting.responseBusinessDays()),
            Integer.toString(setting.reminderHours()),
            Long.toString(setting.version())));
    model.addAttribute("setting", setting);
    return SETTINGS;
  }

  @PostMapping("/provider/referral-settings")
  @PreAuthorize(ReferralPageRoles.ADMINISTRATOR)
  String saveSettings(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @ModelAttribute("settingsForm") SettingsForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Parsed<int[]> parsed = form.parse();
    int status =
        PageAttempt.attempt(
            parsed.violations(),
            errors,
            SettingsForm.FIELDS,
            messages,
            () ->
                referrals.setDeadlineSettings(
                    principal, parsed.value()[0], parsed.value()[1], parsed.version()));
    if (status == 0) {
      redirect.addFlashAttribute("saved", "settings");
      return "redirect:/provider/referral-settings";
    }
    response.setStatus(status);
    model.addAttribute("setting", referrals.deadlineSettings(principal));
    return SETTINGS;
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
      return "redirect:/provider/referrals/" + id;
    }
    response.setStatus(status);
    // The form that went stale may no longer be shown for the fresh state: say it on the page.
    model.addAttribute("stale", status == HttpServletResponse.SC_CONFLICT);
    addPageModel(principal, id, model);
    return REFERRAL;
  }

  private void addPageModel(BridgewayPrincipal principal, UUID id, Model model) {
    ReferralView view = referrals.atProvider(principal, new ReferralId(id));
    model.addAllAttributes(pageModel.referral(view));
    model.addAllAttributes(pageModel.providerOptions(principal.organization()));
    long version = view.version();
    String read = Long.toString(version);
    fresh(
        model,
        "assignForm",
        () ->
            new AssignForm(
                view.assignedCaseworker() == null
                    ? ""
                    : view.assignedCaseworker().value().toString(),
                read));
    fresh(model, "acceptForm", () -> StepForm.empty(version));
    fresh(model, "declineForm", () -> DeclineForm.empty(version));
    fresh(model, "waitlistForm", () -> new WaitlistForm(null, read));
    fresh(model, "intakeForm", () -> IntakeForm.empty(version));
    fresh(model, "startForm", () -> StepForm.empty(version));
    fresh(model, "completeForm", () -> StepForm.empty(version));
    fresh(model, "endForm", () -> EndForm.empty(version));
  }

  private static void fresh(Model model, String name, java.util.function.Supplier<Object> form) {
    if (!model.containsAttribute(name)) {
      model.addAttribute(name, form.get());
    }
  }
}
