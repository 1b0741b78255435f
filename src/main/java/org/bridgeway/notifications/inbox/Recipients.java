package org.bridgeway.notifications.inbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.identity.UserId;
import org.bridgeway.referrals.ReferralChanged;
import org.springframework.stereotype.Component;

/**
 * Who hears of a referral change (the table in docs/notifications.md). Only active accounts of the
 * organization the role is held in are notified, and never the user who made the change.
 */
@Component
public class Recipients {

  private final StaffDirectory staff;

  Recipients(StaffDirectory staff) {
    this.staff = staff;
  }

  /** The users to notify of the change, in a stable order, without the actor. */
  public List<StaffMember> of(ReferralChanged event) {
    Map<UserId, StaffMember> users = new LinkedHashMap<>();
    switch (event.change()) {
      case SENT -> addAll(users, holding(event.providerOrganization(), Role.PROVIDER_STAFF));
      case ASSIGNED -> addMember(users, event.assignedCaseworker(), event.providerOrganization());
      case ACCEPTED, DECLINED, WAITLISTED, INTAKE_SCHEDULED, STARTED, COMPLETED, ENDED_EARLY ->
          addMember(users, event.referringOfficer(), event.referringOrganization());
      case WITHDRAWN, AMENDED -> {
        if (event.assignedCaseworker() != null) {
          addMember(users, event.assignedCaseworker(), event.providerOrganization());
        } else {
          addAll(users, holding(event.providerOrganization(), Role.PROVIDER_STAFF));
        }
      }
      case RESPONSE_DUE_SOON -> {
        addAll(users, holding(event.providerOrganization(), Role.PROVIDER_STAFF));
        addMember(users, event.assignedCaseworker(), event.providerOrganization());
      }
      case RESPONSE_OVERDUE -> {
        addAll(
            users, holding(event.providerOrganization(), Role.SUPERVISOR, Role.ORGANIZATION_ADMIN));
        addMember(users, event.referringOfficer(), event.referringOrganization());
      }
      case SENT_OFF_PLATFORM -> {
        // Nobody on the platform receives it; the referrer recorded it themselves.
      }
    }
    if (event.actor() != null) {
      users.remove(event.actor());
    }
    return new ArrayList<>(users.values());
  }

  private static void addAll(Map<UserId, StaffMember> users, List<StaffMember> members) {
    members.forEach(member -> users.putIfAbsent(member.id(), member));
  }

  private List<StaffMember> holding(OrganizationId organization, Role... roles) {
    if (organization == null) {
      return List.of();
    }
    return staff.staffOf(organization).stream()
        .filter(StaffMember::active)
        .filter(member -> List.of(roles).stream().anyMatch(member::has))
        .toList();
  }

  private void addMember(Map<UserId, StaffMember> users, UserId user, OrganizationId organization) {
    if (user == null || organization == null) {
      return;
    }
    staff
        .find(user)
        .filter(StaffMember::active)
        .filter(member -> member.organization().equals(organization))
        .ifPresent(member -> users.putIfAbsent(member.id(), member));
  }
}
