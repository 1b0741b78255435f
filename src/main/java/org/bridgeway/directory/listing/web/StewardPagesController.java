package org.bridgeway.directory.listing.web;

import java.util.UUID;
import org.bridgeway.directory.listing.ListingRejected;
import org.bridgeway.directory.listing.Stewardship;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.web.PageQuery;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The curators' page: which network organization keeps which directory organization's listings. */
@Controller
@RequestMapping("/directory/stewards")
class StewardPagesController {

  static final String CURATORS = "hasAnyRole('NETWORK_ADMIN','COMMUNITY_COORDINATOR')";
  private static final int PAGE_SIZE = 25;
  private static final int MAX_QUERY = 200;

  private final Stewardship stewardship;

  StewardPagesController(Stewardship stewardship) {
    this.stewardship = stewardship;
  }

  @GetMapping
  @PreAuthorize(CURATORS)
  String list(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    String text = q == null ? null : q.strip();
    if (text != null && text.length() > MAX_QUERY) {
      text = text.substring(0, MAX_QUERY);
    }
    model.addAttribute(
        "organizations",
        stewardship.organizations(
            principal, text, PageQuery.of(Math.clamp(page, 0, 100_000), PAGE_SIZE)));
    model.addAttribute("networkOrganizations", stewardship.networkOrganizations());
    model.addAttribute("q", text);
    return "directory/listing/stewards";
  }

  @PostMapping("/{id}")
  @PreAuthorize(CURATORS)
  String link(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @RequestParam(required = false) UUID networkOrganization,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      RedirectAttributes redirect) {
    try {
      stewardship.link(
          principal,
          id,
          networkOrganization == null ? null : new OrganizationId(networkOrganization));
      redirect.addFlashAttribute("linked", id);
    } catch (ListingRejected rejected) {
      redirect.addFlashAttribute("linkProblem", id);
    }
    return "redirect:" + back(q, page, id);
  }

  @PostMapping("/{id}/unlink")
  @PreAuthorize(CURATORS)
  String unlink(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      RedirectAttributes redirect) {
    stewardship.unlink(principal, id);
    redirect.addFlashAttribute("unlinked", id);
    return "redirect:" + back(q, page, id);
  }

  private static String back(String q, Integer page, UUID id) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/directory/stewards");
    if (q != null && !q.isBlank()) {
      uri.queryParam("q", q);
    }
    if (page != null && page > 0) {
      uri.queryParam("page", page);
    }
    return uri.fragment("organization-" + id).build().encode().toUriString();
  }
}
