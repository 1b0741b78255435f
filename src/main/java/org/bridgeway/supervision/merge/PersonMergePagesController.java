package org.bridgeway.supervision.merge;

import jakarta.validation.Valid;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisionInputRejected;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of the reviewed merge: the agency's likely duplicates, and two records side by side
 * with the form that merges one into the other.
 */
@Controller
class PersonMergePagesController {

  private final PersonMerges merges;

  PersonMergePagesController(PersonMerges merges) {
    this.merges = merges;
  }

  @InitBinder("mergeForm")
  void allowedFields(WebDataBinder binder) {
    binder.setAllowedFields("survivor", "reason", "version", "otherVersion");
  }

  @GetMapping("/supervision/duplicates")
  @PreAuthorize(PersonMergeApiController.REVIEWERS)
  ModelAndView duplicates(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(name = "merged", required = false) UUID merged) {
    ModelAndView page = new ModelAndView("supervision/merge/duplicates");
    page.addObject("pairs", merges.likelyDuplicates(principal));
    page.addObject("merged", merged);
    return page;
  }

  @GetMapping("/supervision/people/{id}/merge/{otherId}")
  @PreAuthorize(PersonMergeApiController.REVIEWERS)
  String review(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID otherId,
      Model model) {
    PersonMerges.Review review = merges.review(principal, new PersonId(id), new PersonId(otherId));
    MergeForm form = new MergeForm();
    form.setSurvivor(id);
    form.setVersion(review.first().version());
    form.setOtherVersion(review.second().version());
    model.addAttribute("mergeForm", form);
    model.addAttribute("review", review);
    return "supervision/merge/review";
  }

  @PostMapping("/supervision/people/{id}/merge/{otherId}")
  @PreAuthorize(PersonMergeApiController.REVIEWERS)
  ModelAndView merge(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID otherId,
      @Valid @ModelAttribute("mergeForm") MergeForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    PersonId first = new PersonId(id);
    PersonId second = new PersonId(otherId);
    if (form.getSurvivor() != null
        && !form.getSurvivor().equals(id)
        && !form.getSurvivor().equals(otherId)) {
      binding.rejectValue("survivor", "supervision.merge.form.survivor.required");
    }
    if (!binding.hasErrors()) {
      boolean firstSurvives = form.getSurvivor().equals(id);
      try {
        PersonMerges.Merged merged =
            firstSurvives
                ? merges.merge(
                    principal,
                    first,
                    second,
                    form.getReason(),
                    form.getVersion(),
                    form.getOtherVersion())
                : merges.merge(
                    principal,
                    second,
                    first,
                    form.getReason(),
                    form.getOtherVersion(),
                    form.getVersion());
        return new ModelAndView(
            "redirect:/supervision/duplicates?merged=" + merged.survivor().id().value());
      } catch (SupervisionInputRejected rejected) {
        rejected
            .violations()
            .forEach(
                violation ->
                    binding.reject("supervision.merge.form.rejected", violation.message()));
      }
    }
    ModelAndView page = new ModelAndView("supervision/merge/review");
    page.addObject("review", merges.review(principal, first, second));
    page.setStatus(HttpStatus.BAD_REQUEST);
    return page;
  }
}
