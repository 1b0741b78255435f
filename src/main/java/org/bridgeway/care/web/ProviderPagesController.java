package org.bridgeway.care.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.care.episode.CareInputRejected;
import org.bridgeway.care.episode.CareRecords;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A treatment provider's pages: the episodes at the provider (the person's name and date of birth
 * only), an episode with its reports, the form to post a report and the form to end the episode.
 */
@Controller
class ProviderPagesController {

  private static final String LIST = "care/provider-episodes";
  private static final String EPISODE = "care/provider-episode";

  private final CareRecords care;
  private final EpisodePageModel page;
  private final MessageSource messages;

  ProviderPagesController(CareRecords care, EpisodePageModel page, MessageSource messages) {
    this.care = care;
    this.page = page;
    this.messages = messages;
  }

  @GetMapping("/care/provider/episodes")
  @PreAuthorize(CareRoles.PROVIDER_STAFF)
  String list(@AuthenticationPrincipal BridgewayPrincipal principal, Model model) {
    model.addAttribute("episodes", care.episodesAtProvider(principal));
    return LIST;
  }

  @GetMapping("/care/provider/episodes/{id}")
  @PreAuthorize(CareRoles.PROVIDER_STAFF)
  String show(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    addPageModel(principal, id, model);
    return EPISODE;
  }

  @PostMapping("/care/provider/episodes/{id}/reports")
  @PreAuthorize(CareRoles.PROVIDER_STAFF)
  String report(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("reportForm") CareForms.ReportForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    CareForms.ReportForm.Parsed parsed = form.parse();
    CareForms.reject(parsed.violations(), errors, CareForms.ReportForm.FIELDS, Map.of(), messages);
    if (!errors.hasErrors()) {
      try {
        care.postReport(principal, new TreatmentEpisodeId(id), parsed.content());
        redirect.addFlashAttribute("saved", "report");
        return "redirect:/care/provider/episodes/" + id;
      } catch (CareInputRejected rejected) {
        CareForms.reject(
            rejected.violations(), errors, CareForms.ReportForm.FIELDS, Map.of(), messages);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    addPageModel(principal, id, model);
    return EPISODE;
  }

  @PostMapping("/care/provider/episodes/{id}/end")
  @PreAuthorize(CareRoles.PROVIDER_STAFF)
  String end(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("endForm") CareForms.EndForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    CareForms.EndForm.Parsed parsed = form.parse();
    CareForms.reject(parsed.violations(), errors, CareForms.EndForm.FIELDS, Map.of(), messages);
    if (!errors.hasErrors()) {
      try {
        care.endEpisode(
            principal,
            new TreatmentEpisodeId(id),
            parsed.endedOn(),
            parsed.reason(),
            parsed.version());
        redirect.addFlashAttribute("saved", "ended");
        return "redirect:/care/provider/episodes/" + id;
      } catch (CareInputRejected rejected) {
        CareForms.reject(
            rejected.violations(), errors, CareForms.EndForm.FIELDS, Map.of(), messages);
      } catch (DomainRuleViolation rule) {
        CareForms.reject(rule, errors, messages);
      } catch (OptimisticLockingFailureException stale) {
        errors.reject(
            "care.stale",
            messages.getMessage("care.page.error.stale", null, LocaleContextHolder.getLocale()));
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        addPageModel(principal, id, model);
        return EPISODE;
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    addPageModel(principal, id, model);
    return EPISODE;
  }

  private void addPageModel(BridgewayPrincipal principal, UUID id, Model model) {
    page.fill(principal, id, model);
  }
}
