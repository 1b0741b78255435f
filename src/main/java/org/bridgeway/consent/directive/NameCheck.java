package org.bridgeway.consent.directive;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bridgeway.consent.program.NetworkOrganizations;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.web.FieldViolation;

/** Checks the organizations and users that terms name. */
final class NameCheck {

  private final NetworkOrganizations organizations;
  private final StaffDirectory staff;

  NameCheck(NetworkOrganizations organizations, StaffDirectory staff) {
    this.organizations = organizations;
    this.staff = staff;
  }

  /** Every named organization and user exists; a criminal-justice consent names monitors only. */
  void check(DirectiveTerms terms, List<FieldViolation> rejected) {
    Set<OrganizationId> named = new HashSet<>(terms.disclosers());
    named.addAll(terms.recipientOrganizations());
    Map<OrganizationId, NetworkOrganizations.Member> found = organizations.find(named);
    for (OrganizationId discloser : terms.disclosers()) {
      if (!found.containsKey(discloser)) {
        rejected.add(
            new FieldViolation(
                "disclosers", "UnknownOrganization", "no organization " + discloser));
      }
    }
    boolean criminalJustice = terms.kind() == DirectiveKind.CRIMINAL_JUSTICE;
    for (OrganizationId recipient : terms.recipientOrganizations()) {
      NetworkOrganizations.Member member = found.get(recipient);
      if (member == null) {
        rejected.add(
            new FieldViolation(
                "recipientOrganizations", "UnknownOrganization", "no organization " + recipient));
      } else if (criminalJustice && !monitors(member.kind())) {
        rejected.add(
            new FieldViolation(
                "recipientOrganizations",
                "OutsideMonitoring",
                "a criminal-justice consent is limited to the supervising agency and the court"));
      }
    }
    for (UserId user : terms.recipientUsers()) {
      Optional<StaffMember> member = staff.find(user);
      if (member.isEmpty()) {
        rejected.add(new FieldViolation("recipientUsers", "UnknownUser", "no user " + user));
      } else if (criminalJustice) {
        var kind =
            organizations.find(Set.of(member.get().organization())).values().stream().findFirst();
        if (kind.isEmpty() || !monitors(kind.get().kind())) {
          rejected.add(
              new FieldViolation(
                  "recipientUsers",
                  "OutsideMonitoring",
                  "a criminal-justice consent is limited to the supervising agency and the court"));
        }
      }
    }
  }

  private static boolean monitors(OrganizationKind kind) {
    return kind == OrganizationKind.PROBATION_AGENCY || kind == OrganizationKind.COURT;
  }
}
