package org.bridgeway.supervision.workspace.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.supervision.SupervisionInputRejected;
import org.bridgeway.supervision.office.Office;
import org.bridgeway.supervision.office.OfficeDetails;
import org.bridgeway.supervision.office.OfficeId;
import org.bridgeway.supervision.office.OfficeRecords;
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
 * The agency's offices, kept by its administrators (ADR 0013): the list with who works where,
 * opening an office, correcting one or setting it inactive, and moving an officer to an office.
 * Forms post, then redirect; bad input re-renders the form with an error summary naming the fields.
 */
@Controller
class OfficePagesController {

  /** The office fields as typed. */
  record OfficeForm(
      String name,
      String line1,
      String line2,
      String city,
      String state,
      String postalCode,
      String phone,
      Boolean active,
      String version) {

    static OfficeForm of(Office office) {
      OfficeDetails d = office.details();
      return new OfficeForm(
          d.name(),
          d.line1(),
          d.line2(),
          d.city(),
          d.state(),
          d.postalCode(),
          d.phone(),
          office.active(),
          Long.toString(office.version()));
    }

    OfficeDetails details() {
      return new OfficeDetails(name, line1, line2, city, state, postalCode, phone);
    }
  }

  /** The officer to move to an office. */
  record MemberForm(String officerId) {}

  /** An office on the list with the staff who work from it. */
  record OfficeLine(Office office, List<StaffMember> staff) {}

  private static final Map<String, String> FIELDS =
      Map.of(
          "name", "name",
          "line1", "line1",
          "line2", "line2",
          "city", "city",
          "state", "state",
          "postalCode", "postalCode",
          "phone", "phone",
          "active", "active",
          "officerId", "officerId",
          "officeId", "officerId");

  private final OfficeRecords offices;
  private final StaffDirectory staff;
  private final MessageSource messages;

  OfficePagesController(OfficeRecords offices, StaffDirectory staff, MessageSource messages) {
    this.offices = offices;
    this.staff = staff;
    this.messages = messages;
  }

  @GetMapping("/supervision/offices")
  @PreAuthorize(WorkspaceRoles.ADMINISTRATORS)
  String list(@AuthenticationPrincipal BridgewayPrincipal principal, Model model) {
    List<Office> all = offices.officesOf(principal);
    Map<OfficeId, List<StaffMember>> byOffice = staffByOffice(principal, all);
    model.addAttribute(
        "offices",
        all.stream()
            .map(office -> new OfficeLine(office, byOffice.getOrDefault(office.id(), List.of())))
            .toList());
    return "supervision/workspace/offices";
  }

  @GetMapping("/supervision/offices/new")
  @PreAuthorize(WorkspaceRoles.ADMINISTRATORS)
  String newOffice(Model model) {
    model.addAttribute(
        "officeForm", new OfficeForm(null, null, null, null, null, null, null, true, "0"));
    model.addAttribute("office", null);
    return "supervision/workspace/office-form";
  }

  @PostMapping("/supervision/offices")
  @PreAuthorize(WorkspaceRoles.ADMINISTRATORS)
  String open(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @ModelAttribute("officeForm") OfficeForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    model.addAttribute("office", null);
    return change(
        List.of(),
        errors,
        response,
        redirect,
        () -> offices.open(principal, form.details()),
        "officeOpened",
        () -> "supervision/workspace/office-form");
  }

  @GetMapping("/supervision/offices/{id}/edit")
  @PreAuthorize(WorkspaceRoles.ADMINISTRATORS)
  String edit(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    Office office = offices.read(principal, new OfficeId(id));
    model.addAttribute("officeForm", OfficeForm.of(office));
    model.addAttribute("memberForm", new MemberForm(null));
    return editPage(principal, office, model);
  }

  @PostMapping("/supervision/offices/{id}/edit")
  @PreAuthorize(WorkspaceRoles.ADMINISTRATORS)
  String revise(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("officeForm") OfficeForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Office office = offices.read(principal, new OfficeId(id));
    model.addAttribute("memberForm", new MemberForm(null));
    List<FieldViolation> violations = new ArrayList<>();
    Long version = versionOf(form.version(), violations);
    return change(
        violations,
        errors,
        response,
        redirect,
        () ->
            offices.revise(
                principal,
                office.id(),
                form.details(),
                Boolean.TRUE.equals(form.active()),
                version),
        "officeUpdated",
        () -> editPage(principal, office, model));
  }

  @PostMapping("/supervision/offices/{id}/members")
  @PreAuthorize(WorkspaceRoles.ADMINISTRATORS)
  String assign(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("memberForm") MemberForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Office office = offices.read(principal, new OfficeId(id));
    model.addAttribute("officeForm", OfficeForm.of(office));
    List<FieldViolation> violations = new ArrayList<>();
    UUID officer = null;
    try {
      officer = UUID.fromString(form.officerId() == null ? "" : form.officerId().strip());
    } catch (IllegalArgumentException e) {
      violations.add(new FieldViolation("officerId", "Required", "is required"));
    }
    UUID chosen = officer;
    return change(
        violations,
        errors,
        response,
        redirect,
        () -> offices.assign(principal, new UserId(chosen), office.id()),
        "officeMoved",
        () -> editPage(principal, office, model));
  }

  private String editPage(BridgewayPrincipal principal, Office office, Model model) {
    List<Office> all = offices.officesOf(principal);
    Map<OfficeId, List<StaffMember>> byOffice = staffByOffice(principal, all);
    Map<OfficeId, String> names = new HashMap<>();
    all.forEach(o -> names.put(o.id(), o.name()));
    Map<UserId, OfficeId> homes = homes(principal, all);
    model.addAttribute("office", office);
    model.addAttribute("staffHere", byOffice.getOrDefault(office.id(), List.of()));
    model.addAttribute(
        "movable",
        eligible(principal).stream()
            .filter(member -> !office.id().equals(homes.get(member.id())))
            .map(member -> new Movable(member, names.get(homes.get(member.id()))))
            .toList());
    return "supervision/workspace/office-form";
  }

  /** A staff member who could move to the office, with the office they work from now. */
  record Movable(StaffMember member, String from) {}

  private List<StaffMember> eligible(BridgewayPrincipal principal) {
    return staff.staffOf(principal.organization()).stream()
        .filter(member -> member.has(Role.OFFICER) || member.has(Role.SUPERVISOR))
        .toList();
  }

  private Map<UserId, OfficeId> homes(BridgewayPrincipal principal, List<Office> all) {
    OfficeId main = all.stream().filter(Office::main).findFirst().map(Office::id).orElse(null);
    Map<UserId, OfficeId> set = offices.homeOffices(principal.organization());
    Map<UserId, OfficeId> homes = new HashMap<>();
    for (StaffMember member : eligible(principal)) {
      homes.put(member.id(), set.getOrDefault(member.id(), main));
    }
    return homes;
  }

  private Map<OfficeId, List<StaffMember>> staffByOffice(
      BridgewayPrincipal principal, List<Office> all) {
    Map<UserId, OfficeId> homes = homes(principal, all);
    Map<OfficeId, List<StaffMember>> byOffice = new HashMap<>();
    for (StaffMember member : eligible(principal)) {
      OfficeId home = homes.get(member.id());
      if (home != null) {
        byOffice.computeIfAbsent(home, key -> new ArrayList<>()).add(member);
      }
    }
    return byOffice;
  }

  private interface Render {
    String render();
  }

  private String change(
      List<FieldViolation> violations,
      BindingResult errors,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Runnable action,
      String saved,
      Render again) {
    FormErrors.reject(violations, errors, FIELDS, messages);
    if (!errors.hasErrors()) {
      try {
        action.run();
        redirect.addFlashAttribute("saved", saved);
        return "redirect:/supervision/offices";
      } catch (SupervisionInputRejected rejected) {
        FormErrors.reject(rejected.violations(), errors, FIELDS, messages);
      } catch (DomainRuleViolation broken) {
        FormErrors.reject(
            List.of(new FieldViolation(broken.field(), broken.code(), broken.getMessage())),
            errors,
            FIELDS,
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

  private static Long versionOf(String value, List<FieldViolation> violations) {
    try {
      return Long.valueOf(value == null ? "" : value.strip());
    } catch (NumberFormatException e) {
      violations.add(new FieldViolation(null, "version", "reload the page"));
      return null;
    }
  }
}
