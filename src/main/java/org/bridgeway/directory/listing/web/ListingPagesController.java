package org.bridgeway.directory.listing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.directory.AccessibilityFeature;
import org.bridgeway.directory.CostKind;
import org.bridgeway.directory.listing.Listing;
import org.bridgeway.directory.listing.ListingRejected;
import org.bridgeway.directory.listing.Listings;
import org.bridgeway.directory.listing.ServiceFields;
import org.bridgeway.directory.listing.Stewardship;
import org.bridgeway.directory.profile.Capacity;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.InsuranceCoverage;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.shared.web.PageQuery;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "My listings": the services the caller keeps, with capacity updated in two clicks, and the page
 * of one service to edit its HSDS fields and Bridgeway profile.
 */
@Controller
@RequestMapping("/directory/listings")
class ListingPagesController {

  static final String KEEPERS =
      "hasAnyRole('PROVIDER_STAFF','ORGANIZATION_ADMIN','NETWORK_ADMIN','COMMUNITY_COORDINATOR')";
  private static final int PAGE_SIZE = 25;
  private static final int MAX_QUERY = 200;
  private static final Set<String> LISTING_FIELDS =
      Set.of(
          "name",
          "description",
          "status",
          "url",
          "email",
          "applicationProcess",
          "feesDescription",
          "eligibilityDescription",
          "waitTime",
          "phone",
          "needDomains",
          "minimumAge",
          "maximumAge",
          "genders",
          "supervisionTypes",
          "supervisionLevels",
          "excludedOffenses",
          "insuranceAccepted",
          "residencyPostcodes",
          "languages",
          "accessibility",
          "costKind",
          "unitCost",
          "costUnit");
  private static final Set<String> CAPACITY_FIELDS =
      Set.of("openSlots", "waitlistLength", "estimatedWaitDays");

  private final Listings listings;
  private final Stewardship stewardship;
  private final MessageSource messages;

  ListingPagesController(Listings listings, Stewardship stewardship, MessageSource messages) {
    this.listings = listings;
    this.stewardship = stewardship;
    this.messages = messages;
  }

  @GetMapping
  @PreAuthorize(KEEPERS)
  String list(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "false") boolean stale,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    addListModel(principal, q, stale, page, model);
    return "directory/listing/listings";
  }

  @GetMapping("/{id}")
  @PreAuthorize(KEEPERS)
  String show(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    Listing listing = listings.listing(principal, id);
    model.addAttribute("listingForm", ServiceListingForm.of(listing));
    addServiceModel(listing, model);
    return "directory/listing/service";
  }

  @PostMapping("/{id}")
  @PreAuthorize(KEEPERS)
  String save(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("listingForm") ServiceListingForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    stewardship.requireService(principal, id);
    ServiceListingForm.Parsed parsed = form.parse(id);
    ListingErrors.reject(parsed.violations(), errors, LISTING_FIELDS, messages);
    if (!errors.hasErrors()) {
      try {
        listings.update(principal, id, parsed.fields(), parsed.profile());
        redirect.addFlashAttribute("listingSaved", true);
        return "redirect:/directory/listings/" + id;
      } catch (ListingRejected rejected) {
        ListingErrors.reject(rejected, errors, LISTING_FIELDS, messages);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    addServiceModel(listings.listing(principal, id), model);
    return "directory/listing/service";
  }

  @PostMapping("/{id}/capacity")
  @PreAuthorize(KEEPERS)
  String reportCapacity(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("capacityForm") CapacityForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    stewardship.requireService(principal, id);
    CapacityForm.Parsed parsed = form.parse();
    ListingErrors.reject(parsed.violations(), errors, CAPACITY_FIELDS, messages);
    if (!errors.hasErrors()) {
      try {
        listings.reportCapacity(principal, id, parsed.figures(), parsed.version());
        redirect.addFlashAttribute("capacitySaved", id);
        return "redirect:" + back(form, id);
      } catch (ListingRejected rejected) {
        ListingErrors.reject(rejected, errors, CAPACITY_FIELDS, messages);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    Map<String, String> fieldErrors = ListingErrors.byField(errors, messages);
    errors
        .getGlobalErrors()
        .forEach(error -> fieldErrors.putIfAbsent("openSlots", error.getDefaultMessage()));
    model.addAttribute("capacityErrors", fieldErrors);
    model.addAttribute("failedService", id);
    model.addAttribute("failedForm", form);
    if (form.fromServicePage()) {
      Listing listing = listings.listing(principal, id);
      model.addAttribute("listingForm", ServiceListingForm.of(listing));
      addServiceModel(listing, model);
      return "directory/listing/service";
    }
    addListModel(principal, form.q(), form.staleOnly(), form.pageNumber(), model);
    return "directory/listing/listings";
  }

  @PostMapping("/{id}/capacity/confirm")
  @PreAuthorize(KEEPERS)
  String confirmCapacity(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("capacityForm") CapacityForm form,
      RedirectAttributes redirect) {
    Optional<Capacity> confirmed = listings.confirmCapacity(principal, id, form.confirmedVersion());
    redirect.addFlashAttribute(confirmed.isPresent() ? "capacityConfirmed" : "capacityMissing", id);
    return "redirect:" + back(form, id);
  }

  private void addListModel(
      BridgewayPrincipal principal, String q, boolean stale, int page, Model model) {
    String text = q == null ? null : q.strip();
    if (text != null && text.length() > MAX_QUERY) {
      text = text.substring(0, MAX_QUERY);
    }
    int pageNumber = Math.clamp(page, 0, 100_000);
    model.addAttribute(
        "listings",
        listings.listingsOf(principal, text, stale, PageQuery.of(pageNumber, PAGE_SIZE)));
    model.addAttribute("q", text);
    model.addAttribute("stale", stale);
    model.addAttribute("isCurator", Stewardship.isCurator(principal));
  }

  private void addServiceModel(Listing listing, Model model) {
    model.addAttribute("listing", listing);
    model.addAttribute("chart", CapacityChart.of(listing.capacityHistory()));
    model.addAttribute("statuses", ServiceFields.STATUSES);
    model.addAttribute("needDomainChoices", NeedDomain.values());
    model.addAttribute("genderChoices", Gender.values());
    model.addAttribute("supervisionTypeChoices", SupervisionType.values());
    model.addAttribute("supervisionLevelChoices", SupervisionLevel.values());
    model.addAttribute("offenseChoices", OffenseCategory.values());
    model.addAttribute("insuranceChoices", InsuranceCoverage.values());
    model.addAttribute("accessibilityChoices", AccessibilityFeature.values());
    model.addAttribute("costKindChoices", CostKind.values());
  }

  /** Where a capacity form returns: its service page, or the listings page it was sent from. */
  private static String back(CapacityForm form, UUID id) {
    if (form.fromServicePage()) {
      return "/directory/listings/" + id + "#capacity";
    }
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/directory/listings");
    if (form.q() != null && !form.q().isBlank()) {
      uri.queryParam("q", form.q());
    }
    if (form.staleOnly()) {
      uri.queryParam("stale", true);
    }
    if (form.pageNumber() > 0) {
      uri.queryParam("page", form.pageNumber());
    }
    return uri.fragment("service-" + id).build().encode().toUriString();
  }
}
