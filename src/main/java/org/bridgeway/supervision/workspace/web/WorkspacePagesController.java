package org.bridgeway.supervision.workspace.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.PersonPageLink;
import org.bridgeway.supervision.access.CaseloadAccess;
import org.bridgeway.supervision.caseload.Assignment;
import org.bridgeway.supervision.caseload.CaseDetails;
import org.bridgeway.supervision.caseload.CaseRecords;
import org.bridgeway.supervision.caseload.SupervisionCase;
import org.bridgeway.supervision.office.OfficeId;
import org.bridgeway.supervision.office.OfficeRecords;
import org.bridgeway.supervision.person.Person;
import org.bridgeway.supervision.person.PersonRecords;
import org.bridgeway.supervision.workspace.Caseload;
import org.bridgeway.supervision.workspace.CaseloadQuery;
import org.bridgeway.supervision.workspace.CaseloadSort;
import org.bridgeway.supervision.workspace.Timeline;
import org.bridgeway.supervision.workspace.TimelineEntry;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The officer's workspace: the caseload, the supervisor's team and the person page with its
 * timeline. Who sees what is decided by the services ({@code CaseloadAccess}); a person outside the
 * caller's access answers 404 exactly like a missing one.
 */
@Controller
class WorkspacePagesController {

  /** A timeline entry as the page shows it. */
  record TimelineLine(
      Instant at, String when, String kind, String summary, String detail, String link) {}

  /** The risk level codes an assessment gives, to filter by. */
  static final List<String> RISK_LEVELS = List.of("LOW", "MODERATE", "HIGH", "VERY_HIGH");

  private static final Set<String> KINDS =
      Set.of("case", "condition", "assessment", "plan", "contact", "violation");

  private final Caseload caseload;
  private final PersonRecords people;
  private final CaseRecords cases;
  private final Timeline timeline;
  private final StaffDirectory staff;
  private final OfficeRecords offices;
  private final MessageSource messages;
  private final Clock clock;
  private final List<PersonPageLink> personPageLinks;

  WorkspacePagesController(
      Caseload caseload,
      PersonRecords people,
      CaseRecords cases,
      Timeline timeline,
      StaffDirectory staff,
      OfficeRecords offices,
      MessageSource messages,
      Clock clock,
      List<PersonPageLink> personPageLinks) {
    this.caseload = caseload;
    this.people = people;
    this.cases = cases;
    this.timeline = timeline;
    this.staff = staff;
    this.offices = offices;
    this.messages = messages;
    this.clock = clock;
    this.personPageLinks =
        personPageLinks.stream().sorted(Comparator.comparingInt(PersonPageLink::order)).toList();
  }

  /**
   * One assignment of the open case as the page shows it: when, from which officer and office (null
   * for the first), to which, by whom and why.
   */
  record AssignmentLine(
      String when,
      String fromOfficer,
      String fromOffice,
      String toOfficer,
      String toOffice,
      String by,
      String reason) {}

  /** A link to another module's page about the person. */
  record MoreLink(String messageKey, String path) {}

  @GetMapping("/supervision/caseload")
  @PreAuthorize(WorkspaceRoles.STAFF)
  String caseload(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(required = false) String officer,
      @RequestParam(required = false) String office,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String level,
      @RequestParam(required = false) String risk,
      @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(defaultValue = "false") boolean ending,
      @RequestParam(defaultValue = "false") boolean alerts,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String dir,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    String text = q == null ? null : q.strip();
    if (text != null && text.length() > 100) {
      text = text.substring(0, 100);
    }
    String sortColumn = sort == null ? null : sort.toUpperCase(Locale.ROOT);
    boolean descending = "desc".equals(dir);
    if (sortColumn != null && sortColumn.indexOf('-') > 0) {
      descending = sortColumn.endsWith("-DESC");
      sortColumn = sortColumn.substring(0, sortColumn.indexOf('-'));
    }
    CaseloadQuery query =
        new CaseloadQuery(
            parseUuid(officer),
            text,
            parse(level, SupervisionLevel.class),
            risk != null && RISK_LEVELS.contains(risk) ? risk : null,
            overdue,
            ending,
            parse(sortColumn, CaseloadSort.class),
            descending,
            page,
            officeFilter(office),
            alerts);
    model.addAttribute("caseload", caseload.page(principal, query));
    model.addAttribute("offices", offices.officesOf(principal));
    model.addAttribute("query", query);
    model.addAttribute("officer", query.officer());
    model.addAttribute(
        "agencyView",
        query.officer() == null && CaseloadAccess.manages(principal, principal.organization()));
    model.addAttribute("maxSorted", Caseload.MAX_SORTED);
    model.addAttribute("levels", SupervisionLevel.values());
    model.addAttribute("riskLevels", RISK_LEVELS);
    model.addAttribute("sorts", CaseloadSort.values());
    model.addAttribute("endingSoonDays", Caseload.ENDING_SOON_DAYS);
    model.addAttribute("today", LocalDate.now(clock));
    return "supervision/workspace/caseload";
  }

  @GetMapping("/supervision/team")
  @PreAuthorize(WorkspaceRoles.LEADS)
  String team(@AuthenticationPrincipal BridgewayPrincipal principal, Model model) {
    model.addAttribute("workloads", caseload.team(principal));
    model.addAttribute(
        "mayManageOffices", CaseloadAccess.manages(principal, principal.organization()));
    return "supervision/workspace/team";
  }

  @GetMapping("/supervision/people/{id}")
  @PreAuthorize(WorkspaceRoles.STAFF)
  String person(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @RequestParam(required = false) String kind,
      Model model) {
    PersonId personId = new PersonId(id);
    Person person = people.read(principal, personId);
    List<SupervisionCase> all = cases.casesOf(principal, personId);
    SupervisionCase open = all.stream().filter(SupervisionCase::isOpen).findFirst().orElse(null);
    CaseDetails openCase = open == null ? null : cases.read(principal, open.id());
    LocalDate today = LocalDate.now(clock);
    Instant now = clock.instant();
    List<TimelineEntry> entries =
        timeline.of(personId, Instant.parse("1900-01-01T00:00:00Z"), now.plusSeconds(86_400), null);
    String shownKind = kind != null && KINDS.contains(kind) ? kind : null;
    model.addAttribute("person", person);
    model.addAttribute("details", person.details());
    model.addAttribute("age", Period.between(person.dateOfBirth(), today).getYears());
    model.addAttribute("openCase", openCase);
    model.addAttribute("officerName", open == null ? null : nameOf(open.officerId()));
    Map<OfficeId, String> officeNames = new HashMap<>();
    if (open != null) {
      offices
          .officesOf(open.organizationId())
          .forEach(office -> officeNames.put(office.id(), office.name()));
    }
    model.addAttribute("officeName", open == null ? null : officeNames.get(open.officeId()));
    model.addAttribute(
        "assignments", open == null ? List.of() : assignmentLines(open, officeNames));
    model.addAttribute("cases", all);
    model.addAttribute(
        "mayTransfer",
        principal.has(org.bridgeway.identity.Role.SUPERVISOR)
            || CaseloadAccess.manages(principal, principal.organization()));
    model.addAttribute(
        "moreLinks",
        personPageLinks.stream()
            .map(link -> new MoreLink(link.messageKey(), link.path(personId)))
            .toList());
    model.addAttribute("kinds", timeline.kindsOf(entries));
    model.addAttribute("kind", shownKind);
    model.addAttribute(
        "timeline",
        entries.stream()
            .filter(entry -> shownKind == null || shownKind.equals(entry.kind()))
            .map(this::line)
            .toList());
    return "supervision/workspace/person";
  }

  private List<AssignmentLine> assignmentLines(
      SupervisionCase open, Map<OfficeId, String> officeNames) {
    DateTimeFormatter format =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
    List<Assignment> assignments = open.assignments();
    List<AssignmentLine> lines = new ArrayList<>();
    for (int i = assignments.size() - 1; i >= 0; i--) {
      Assignment to = assignments.get(i);
      Assignment from = i == 0 ? null : assignments.get(i - 1);
      lines.add(
          new AssignmentLine(
              format.format(to.assignedAt()),
              from == null ? null : nameOf(from.officerId()),
              from == null ? null : officeNames.get(from.officeId()),
              nameOf(to.officerId()),
              officeNames.get(to.officeId()),
              actorName(to.assignedBy()),
              to.reason()));
    }
    return lines;
  }

  /** A user's name for a {@code user:<uuid>} actor reference; null for an API client or system. */
  private String actorName(String reference) {
    if (reference == null || !reference.startsWith("user:")) {
      return null;
    }
    try {
      return nameOf(new UserId(UUID.fromString(reference.substring(5))));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private String nameOf(UserId officer) {
    return staff.find(officer).map(StaffMember::displayName).orElse(null);
  }

  private TimelineLine line(TimelineEntry entry) {
    Locale locale = LocaleContextHolder.getLocale();
    Object[] arguments =
        entry.arguments().stream()
            .map(
                argument ->
                    argument.startsWith("#")
                        ? messages.getMessage(argument.substring(1), null, argument, locale)
                        : argument)
            .toArray();
    ZoneId zone = clock.getZone();
    return new TimelineLine(
        entry.at(),
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone).format(entry.at()),
        entry.kind(),
        messages.getMessage(entry.summaryKey(), arguments, entry.summaryKey(), locale),
        entry.detail(),
        entry.link());
  }

  /** The office to filter by; a value that is no id filters nothing, like an unknown level. */
  private static UUID officeFilter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static UUID parseUuid(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw new org.bridgeway.shared.web.NotFoundException("caseload");
    }
  }

  private static <E extends Enum<E>> E parse(String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
