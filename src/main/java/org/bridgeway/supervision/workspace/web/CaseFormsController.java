package org.bridgeway.supervision.workspace.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.ConditionId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisionInputRejected;
import org.bridgeway.supervision.access.CaseloadAccess;
import org.bridgeway.supervision.caseload.CaseDetails;
import org.bridgeway.supervision.caseload.CaseRecords;
import org.bridgeway.supervision.caseload.ClosureReason;
import org.bridgeway.supervision.caseload.Condition;
import org.bridgeway.supervision.caseload.ConditionKind;
import org.bridgeway.supervision.caseload.ConditionStatus;
import org.bridgeway.supervision.caseload.OpenCase;
import org.bridgeway.supervision.caseload.SupervisionCase;
import org.bridgeway.supervision.office.Office;
import org.bridgeway.supervision.office.OfficeId;
import org.bridgeway.supervision.office.OfficeRecords;
import org.bridgeway.supervision.person.Person;
import org.bridgeway.supervision.person.PersonRecords;
import org.bridgeway.supervision.workspace.web.CaseForms.CloseForm;
import org.bridgeway.supervision.workspace.web.CaseForms.ConditionForm;
import org.bridgeway.supervision.workspace.web.CaseForms.ConditionRecordForm;
import org.bridgeway.supervision.workspace.web.CaseForms.OpenCaseForm;
import org.bridgeway.supervision.workspace.web.CaseForms.TransferForm;
import org.springframework.context.MessageSource;
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
 * The case forms: open a case, transfer it, close it, set a condition and record a condition's
 * status and notes. Each posts, then redirects to the person page; bad input re-renders the form
 * with an error summary naming the fields, and a stale change says the case or condition changed.
 */
@Controller
class CaseFormsController {

  private final PersonRecords people;
  private final CaseRecords cases;
  private final StaffDirectory staff;
  private final CaseloadAccess access;
  private final OfficeRecords offices;
  private final MessageSource messages;
  private final Clock clock;

  CaseFormsController(
      PersonRecords people,
      CaseRecords cases,
      StaffDirectory staff,
      CaseloadAccess access,
      OfficeRecords offices,
      MessageSource messages,
      Clock clock) {
    this.people = people;
    this.cases = cases;
    this.staff = staff;
    this.access = access;
    this.offices = offices;
    this.messages = messages;
    this.clock = clock;
  }

  /** An office the case may move to, with the officers who work from it. */
  record OfficeChoice(Office office, List<StaffMember> officers) {}

  /** Renders the form again after a failed change. */
  private interface Render {
    String render();
  }

  // Open a case

  @GetMapping("/supervision/people/{id}/cases/new")
  @PreAuthorize(WorkspaceRoles.STAFF)
  String newCase(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    Person person = people.read(principal, new PersonId(id));
    UUID self = principal.userId() == null ? new UUID(0, 0) : principal.userId();
    model.addAttribute("openCaseForm", OpenCaseForm.forOfficer(self, LocalDate.now(clock)));
    return openCaseForm(principal, person, model);
  }

  @PostMapping("/supervision/people/{id}/cases")
  @PreAuthorize(WorkspaceRoles.STAFF)
  String openCase(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("openCaseForm") OpenCaseForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Person person = people.visible(principal, new PersonId(id));
    List<FieldViolation> violations = new ArrayList<>();
    OpenCase command = form.parse(person.id(), violations);
    return change(
        violations,
        errors,
        response,
        redirect,
        () -> cases.open(principal, command),
        "/supervision/people/" + id,
        "opened",
        () -> openCaseForm(principal, person, model));
  }

  private String openCaseForm(BridgewayPrincipal principal, Person person, Model model) {
    model.addAttribute("person", person);
    model.addAttribute("officers", assignable(principal));
    model.addAttribute("supervisionTypes", SupervisionType.values());
    model.addAttribute("levels", SupervisionLevel.values());
    model.addAttribute("offenseCategories", OffenseCategory.values());
    return "supervision/workspace/case-open";
  }

  // Transfer

  @GetMapping("/supervision/cases/{id}/transfer")
  @PreAuthorize(WorkspaceRoles.LEADS)
  String transferForm(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    CaseDetails details = cases.read(principal, new CaseId(id));
    SupervisionCase found = details.supervisionCase();
    model.addAttribute(
        "transferForm", new TransferForm(null, null, null, Long.toString(found.version())));
    return transferPage(principal, found, model);
  }

  @PostMapping("/supervision/cases/{id}/transfer")
  @PreAuthorize(WorkspaceRoles.LEADS)
  String transfer(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("transferForm") TransferForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    SupervisionCase found = visibleCase(principal, id);
    List<FieldViolation> violations = new ArrayList<>();
    TransferForm.Parsed parsed = form.parse(violations);
    return change(
        violations,
        errors,
        response,
        redirect,
        () ->
            cases.transfer(
                principal,
                found.id(),
                parsed.officer(),
                parsed.office(),
                parsed.reason(),
                parsed.version()),
        "/supervision/people/" + found.personId(),
        "transferred",
        () -> transferPage(principal, found, model));
  }

  private String transferPage(BridgewayPrincipal principal, SupervisionCase found, Model model) {
    model.addAttribute("supervisionCase", found);
    model.addAttribute("person", people.visible(principal, found.personId()));
    List<StaffMember> officers = assignable(principal);
    Map<UserId, OfficeId> homes = offices.homeOffices(found.organizationId());
    OfficeId main = offices.mainOffice(found.organizationId()).id();
    List<Office> all = offices.officesOf(found.organizationId());
    // The officers grouped by the office they work from, active offices only.
    List<OfficeChoice> choices =
        all.stream()
            .filter(Office::active)
            .map(
                office ->
                    new OfficeChoice(
                        office,
                        officers.stream()
                            .filter(
                                member -> homes.getOrDefault(member.id(), main).equals(office.id()))
                            .filter(
                                member ->
                                    !(member.id().equals(found.officerId())
                                        && office.id().equals(found.officeId())))
                            .toList()))
            .toList();
    model.addAttribute("offices", choices);
    model.addAttribute("currentOfficer", nameOf(found.officerId()));
    model.addAttribute(
        "currentOffice",
        all.stream()
            .filter(office -> office.id().equals(found.officeId()))
            .map(Office::name)
            .findFirst()
            .orElse(null));
    return "supervision/workspace/case-transfer";
  }

  // Close

  @GetMapping("/supervision/cases/{id}/close")
  @PreAuthorize(WorkspaceRoles.STAFF)
  String closeForm(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    SupervisionCase found = cases.read(principal, new CaseId(id)).supervisionCase();
    model.addAttribute(
        "closeForm",
        new CloseForm(null, LocalDate.now(clock).toString(), Long.toString(found.version())));
    return closePage(principal, found, model);
  }

  @PostMapping("/supervision/cases/{id}/close")
  @PreAuthorize(WorkspaceRoles.STAFF)
  String close(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("closeForm") CloseForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    SupervisionCase found = visibleCase(principal, id);
    List<FieldViolation> violations = new ArrayList<>();
    CloseForm.Parsed parsed = form.parse(violations);
    return change(
        violations,
        errors,
        response,
        redirect,
        () ->
            cases.close(
                principal, found.id(), parsed.reason(), parsed.closedOn(), parsed.version()),
        "/supervision/people/" + found.personId(),
        "closed",
        () -> closePage(principal, found, model));
  }

  private String closePage(BridgewayPrincipal principal, SupervisionCase found, Model model) {
    model.addAttribute("supervisionCase", found);
    model.addAttribute("person", people.visible(principal, found.personId()));
    model.addAttribute("reasons", ClosureReason.values());
    return "supervision/workspace/case-close";
  }

  // Conditions

  @GetMapping("/supervision/cases/{id}/conditions/new")
  @PreAuthorize(WorkspaceRoles.STAFF)
  String newCondition(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    SupervisionCase found = cases.read(principal, new CaseId(id)).supervisionCase();
    model.addAttribute("conditionForm", new ConditionForm(null, false, null));
    return conditionPage(principal, found, null, model);
  }

  @PostMapping("/supervision/cases/{id}/conditions")
  @PreAuthorize(WorkspaceRoles.STAFF)
  String addCondition(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("conditionForm") ConditionForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    SupervisionCase found = visibleCase(principal, id);
    List<FieldViolation> violations = new ArrayList<>();
    ConditionForm.Parsed parsed = form.parse(violations);
    return change(
        violations,
        errors,
        response,
        redirect,
        () ->
            cases.addCondition(
                principal, found.id(), parsed.kind(), parsed.special(), parsed.description()),
        "/supervision/people/" + found.personId(),
        "conditionSet",
        () -> conditionPage(principal, found, null, model));
  }

  @GetMapping("/supervision/cases/{id}/conditions/{conditionId}")
  @PreAuthorize(WorkspaceRoles.STAFF)
  String conditionForm(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID conditionId,
      Model model) {
    CaseDetails details = cases.read(principal, new CaseId(id));
    Condition condition = conditionOf(details, conditionId);
    model.addAttribute(
        "conditionRecordForm", ConditionRecordForm.of(condition, LocalDate.now(clock)));
    return conditionPage(principal, details.supervisionCase(), condition, model);
  }

  @PostMapping("/supervision/cases/{id}/conditions/{conditionId}")
  @PreAuthorize(WorkspaceRoles.STAFF)
  String recordCondition(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID conditionId,
      @ModelAttribute("conditionRecordForm") ConditionRecordForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    CaseDetails details = cases.read(principal, new CaseId(id));
    Condition condition = conditionOf(details, conditionId);
    SupervisionCase found = details.supervisionCase();
    List<FieldViolation> violations = new ArrayList<>();
    ConditionRecordForm.Parsed parsed = form.parse(violations);
    return change(
        violations,
        errors,
        response,
        redirect,
        () ->
            cases.updateCondition(
                principal,
                found.id(),
                condition.id(),
                parsed.kind(),
                parsed.special(),
                parsed.description(),
                parsed.status(),
                parsed.note(),
                parsed.version()),
        "/supervision/people/" + found.personId(),
        "conditionRecorded",
        () -> conditionPage(principal, found, condition, model));
  }

  private String conditionPage(
      BridgewayPrincipal principal, SupervisionCase found, Condition condition, Model model) {
    model.addAttribute("supervisionCase", found);
    model.addAttribute("condition", condition);
    model.addAttribute("person", people.visible(principal, found.personId()));
    model.addAttribute("kinds", ConditionKind.values());
    model.addAttribute("statuses", ConditionStatus.values());
    return condition == null
        ? "supervision/workspace/condition-new"
        : "supervision/workspace/condition";
  }

  // Shared

  private String change(
      List<FieldViolation> violations,
      BindingResult errors,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Runnable action,
      String done,
      String saved,
      Render again) {
    FormErrors.reject(violations, errors, CaseForms.FIELDS, messages);
    if (!errors.hasErrors()) {
      try {
        action.run();
        redirect.addFlashAttribute("saved", saved);
        return "redirect:" + done;
      } catch (SupervisionInputRejected rejected) {
        FormErrors.reject(rejected.violations(), errors, CaseForms.FIELDS, messages);
      } catch (DomainRuleViolation broken) {
        FormErrors.reject(
            List.of(new FieldViolation(broken.field(), broken.code(), broken.getMessage())),
            errors,
            CaseForms.FIELDS,
            messages);
        response.setStatus(422);
        return again.render();
      } catch (OptimisticLockingFailureException stale) {
        errors.reject(
            "workspace.stale",
            FormErrors.message(null, "stale", "The record changed since you opened it.", messages));
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        return again.render();
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return again.render();
  }

  /** The case, if the caller sees it; read (and audited) like the form page that posted. */
  private SupervisionCase visibleCase(BridgewayPrincipal principal, UUID id) {
    return cases.read(principal, new CaseId(id)).supervisionCase();
  }

  private static Condition conditionOf(CaseDetails details, UUID conditionId) {
    ConditionId wanted = new ConditionId(conditionId);
    return details.conditions().stream()
        .filter(condition -> condition.id().equals(wanted))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("condition"));
  }

  /** The officers the caller may give a case to: themselves and their team, or anyone. */
  private String nameOf(UserId officer) {
    return staff.find(officer).map(StaffMember::displayName).orElse(null);
  }

  private List<StaffMember> assignable(BridgewayPrincipal principal) {
    boolean manages = CaseloadAccess.manages(principal, principal.organization());
    return staff.staffOf(principal.organization()).stream()
        .filter(member -> member.has(Role.OFFICER) || member.has(Role.SUPERVISOR))
        .filter(
            member ->
                manages
                    || member.id().value().equals(principal.userId())
                    || (principal.has(Role.SUPERVISOR)
                        && access.leads(principal.userId(), member.id().value())))
        .toList();
  }
}
