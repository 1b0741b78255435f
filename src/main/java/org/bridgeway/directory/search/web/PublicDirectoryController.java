package org.bridgeway.directory.search.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.profile.ServiceProfile;
import org.bridgeway.directory.search.ServiceDetails;
import org.bridgeway.directory.search.ServiceDetailsReader;
import org.bridgeway.shared.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public directory, open to anyone without signing in: a search of active services (no facts of
 * any person are asked or shown) and each service's page.
 */
@Controller
class PublicDirectoryController {

  private final SearchPages pages;
  private final ServiceDetailsReader details;
  private final SearchTexts texts;
  private final MessageSource messages;

  PublicDirectoryController(
      SearchPages pages, ServiceDetailsReader details, SearchTexts texts, MessageSource messages) {
    this.pages = pages;
    this.details = details;
    this.texts = texts;
    this.messages = messages;
  }

  @GetMapping("/directory")
  @PreAuthorize("permitAll()")
  ModelAndView directory(DirectorySearchForm form, Locale locale) {
    return pages.page(
        "directory/search/public", "/directory", form, DirectorySearchForm.Channel.PUBLIC, locale);
  }

  @GetMapping("/directory/services/{id}")
  @PreAuthorize("permitAll()")
  ModelAndView service(@PathVariable("id") String id, Locale locale) {
    UUID serviceId = HsdsRecord.parseUuid(id).orElseThrow(() -> new NotFoundException("service"));
    ServiceDetails service =
        details.find(serviceId).orElseThrow(() -> new NotFoundException("service"));
    ModelAndView page = new ModelAndView("directory/search/service");
    page.addObject("service", service);
    page.addObject("languageNames", texts.languages(service.languages(), locale));
    page.addObject(
        "capacityDate",
        service.capacity() == null ? null : texts.date(service.capacity().updatedAt(), locale));
    page.addObject("eligibility", eligibility(service, locale));
    return page;
  }

  /** The service's eligibility rules worded as lists of labels, for the service page. */
  private Map<String, Object> eligibility(ServiceDetails service, Locale locale) {
    Map<String, Object> words = new HashMap<>();
    ServiceProfile profile = service.profile();
    boolean none =
        service.minimumAge() == null
            && service.maximumAge() == null
            && service.eligibilityDescription() == null;
    if (profile != null) {
      words.put("genders", labels(profile.genders(), "gender.", locale));
      words.put("supervisionTypes", labels(profile.supervisionTypes(), "supervisionType.", locale));
      words.put(
          "supervisionLevels", labels(profile.supervisionLevels(), "supervisionLevel.", locale));
      words.put("excludedOffenses", labels(profile.excludedOffenses(), "offenseCategory.", locale));
      words.put("insurance", labels(profile.insuranceAccepted(), "insuranceCoverage.", locale));
      words.put("residency", String.join(", ", new TreeSet<>(profile.residencyPostcodes())));
      none =
          none
              && profile.genders().isEmpty()
              && profile.supervisionTypes().isEmpty()
              && profile.supervisionLevels().isEmpty()
              && profile.excludedOffenses().isEmpty()
              && profile.insuranceAccepted().isEmpty()
              && profile.residencyPostcodes().isEmpty();
    }
    words.put("none", none);
    return words;
  }

  private String labels(Set<? extends Enum<?>> values, String prefix, Locale locale) {
    return values.stream()
        .sorted()
        .map(v -> messages.getMessage(prefix + v.name(), null, v.name(), locale))
        .collect(Collectors.joining(", "));
  }
}
