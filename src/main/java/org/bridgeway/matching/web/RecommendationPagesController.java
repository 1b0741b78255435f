package org.bridgeway.matching.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.matching.Factor;
import org.bridgeway.matching.MatchingInputRejected;
import org.bridgeway.matching.Reason;
import org.bridgeway.matching.Recommendation;
import org.bridgeway.matching.RecommendationList;
import org.bridgeway.matching.RecommendationRequest;
import org.bridgeway.matching.Recommendations;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The services recommended for a person: a goal or need to focus on, the ranked list with score,
 * points per factor and reasons, why others were excluded, and 2 or 3 services side by side. Every
 * result links to a new referral of the person to the service for the need.
 */
@Controller
class RecommendationPagesController {

  static final int PAGE_LIMIT = 20;
  static final int MAX_COMPARED = 3;

  private final Recommendations recommendations;
  private final SupervisedPeople people;
  private final MessageSource messages;

  RecommendationPagesController(
      Recommendations recommendations, SupervisedPeople people, MessageSource messages) {
    this.recommendations = recommendations;
    this.people = people;
    this.messages = messages;
  }

  @GetMapping("/people/{personId}/recommendations")
  @PreAuthorize(MatchingRoles.AGENCY_STAFF)
  String show(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID personId,
      @RequestParam(required = false) String focus,
      @RequestParam(required = false) List<String> compare,
      Locale locale,
      Model model) {
    PersonId person = new PersonId(personId);
    SupervisedPeople.PersonHeading heading = people.visibleTo(principal, person);
    List<String> errors = new ArrayList<>();
    NeedDomain need = null;
    UUID goal = null;
    String chosen = focus == null ? "" : focus.strip();
    if (chosen.startsWith("need:")) {
      need = parseNeed(chosen.substring(5));
    } else if (chosen.startsWith("goal:")) {
      goal = parseUuid(chosen.substring(5));
    }
    if (!chosen.isEmpty() && need == null && goal == null) {
      errors.add(messages.getMessage("matching.page.error.focus", null, locale));
      chosen = "";
    }
    RecommendationList list;
    try {
      list =
          recommendations.recommend(
              principal, person, new RecommendationRequest(need, goal, PAGE_LIMIT, true));
    } catch (MatchingInputRejected rejected) {
      errors.add(messages.getMessage("matching.page.error.focus", null, locale));
      chosen = "";
      list =
          recommendations.recommend(
              principal, person, new RecommendationRequest(null, null, PAGE_LIMIT, true));
    }

    List<Recommendation> compared = new ArrayList<>();
    Set<String> selected = new LinkedHashSet<>(compare == null ? List.of() : compare);
    if (!selected.isEmpty()) {
      if (selected.size() < 2 || selected.size() > MAX_COMPARED) {
        errors.add(messages.getMessage("matching.page.error.compare", null, locale));
      } else {
        for (Recommendation r : list.recommendations()) {
          if (selected.contains(r.service().toString())) {
            compared.add(r);
          }
        }
        if (compared.size() != selected.size()) {
          compared.clear();
          errors.add(messages.getMessage("matching.page.error.compare", null, locale));
        }
      }
    }

    // What the focus selector offers, as [value, text]: "goal:<id>", "need:<DOMAIN>" or "" (all).
    List<String[]> choices = new ArrayList<>();
    choices.add(new String[] {"", messages.getMessage("matching.page.focus.all", null, locale)});
    for (var g : list.goals()) {
      String domain = messages.getMessage(g.domain().messageKey(), null, locale);
      choices.add(
          new String[] {
            "goal:" + g.id(),
            messages.getMessage(
                "matching.page.focus.goal",
                new Object[] {domain, g.description() == null ? "" : g.description()},
                locale)
          });
    }
    for (NeedDomain domain : NeedDomain.values()) {
      choices.add(
          new String[] {
            "need:" + domain.name(),
            messages.getMessage(
                "matching.page.focus.need",
                new Object[] {messages.getMessage(domain.messageKey(), null, locale)},
                locale)
          });
    }

    model.addAttribute("person", heading);
    model.addAttribute("personId", personId);
    model.addAttribute("list", list);
    model.addAttribute("choices", choices);
    model.addAttribute("chosen", chosen);
    model.addAttribute("selected", selected);
    model.addAttribute("compared", compared);
    model.addAttribute("errors", errors);
    model.addAttribute("factors", Factor.values());
    MatchingTexts texts = new MatchingTexts(messages, locale);
    Map<Reason, String> reasonTexts = new HashMap<>();
    list.recommendations()
        .forEach(r -> r.reasons().forEach(x -> reasonTexts.put(x, texts.reason(x))));
    list.excluded().forEach(e -> e.reasons().forEach(x -> reasonTexts.put(x, texts.reason(x))));
    model.addAttribute("reasonTexts", reasonTexts);
    return "matching/recommendations";
  }

  private static NeedDomain parseNeed(String value) {
    for (NeedDomain domain : NeedDomain.values()) {
      if (domain.name().equals(value)) {
        return domain;
      }
    }
    return null;
  }

  private static UUID parseUuid(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException notAnId) {
      return null;
    }
  }
}
