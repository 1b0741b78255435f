package org.bridgeway.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.admin.Administration;
import org.bridgeway.identity.organization.Organization;
import org.bridgeway.identity.user.User;
import org.bridgeway.identity.user.UserStatus;
import org.bridgeway.shared.web.PageQuery;
import org.bridgeway.shared.web.PageResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Identity over the API: who the caller is, the network's organizations, and its users. */
@RestController
@RequestMapping("/api/v1")
class IdentityApiController {

  record Me(String kind, UUID id, String name, OrganizationView organization, Set<Role> roles) {}

  record OrganizationView(UUID id, String name, OrganizationKind kind, boolean active) {
    static OrganizationView of(Organization organization) {
      return new OrganizationView(
          organization.id().value(),
          organization.name(),
          organization.kind(),
          organization.active());
    }
  }

  record UserView(
      UUID id,
      UUID organization,
      String email,
      String displayName,
      Set<Role> roles,
      UserStatus status,
      boolean locked) {
    static UserView of(User user) {
      return new UserView(
          user.id().value(),
          user.organizationId().value(),
          user.email(),
          user.displayName(),
          user.roles(),
          user.status(),
          user.isLocked());
    }
  }

  record InviteUserRequest(
      @NotNull UUID organization,
      @NotBlank @Email @Size(max = 254) String email,
      @NotBlank @Size(max = 200) String displayName,
      @NotEmpty Set<Role> roles) {}

  record InvitedUser(UUID id, String invitationUrl) {}

  private final Administration administration;

  IdentityApiController(Administration administration) {
    this.administration = administration;
  }

  @GetMapping("/me")
  @PreAuthorize("isAuthenticated()")
  Me me(@AuthenticationPrincipal BridgewayPrincipal principal) {
    Organization organization = administration.organization(principal, principal.organization());
    return new Me(
        principal.apiTokenId() != null ? "api-client" : "user",
        principal.apiTokenId() != null ? principal.apiTokenId() : principal.userId(),
        principal.displayName(),
        OrganizationView.of(organization),
        principal.roles());
  }

  /** The member directory of the network: every member may know who the other members are. */
  @GetMapping("/organizations")
  @PreAuthorize("isAuthenticated()")
  PageResponse<OrganizationView> organizations(@Valid @ModelAttribute PageQuery page) {
    return PageResponse.slice(administration.allOrganizations(), page).map(OrganizationView::of);
  }

  @GetMapping("/organizations/{id}")
  @PreAuthorize("isAuthenticated()")
  OrganizationView organization(@PathVariable UUID id) {
    return OrganizationView.of(administration.memberOrganization(new OrganizationId(id)));
  }

  @GetMapping("/users")
  @PreAuthorize("hasAnyRole('NETWORK_ADMIN','ORGANIZATION_ADMIN')")
  PageResponse<UserView> users(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @Valid @ModelAttribute PageQuery page) {
    return PageResponse.slice(administration.usersVisibleTo(principal, null), page)
        .map(UserView::of);
  }

  @PostMapping("/users")
  @PreAuthorize("hasAnyRole('NETWORK_ADMIN','ORGANIZATION_ADMIN')")
  ResponseEntity<InvitedUser> invite(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @Valid @RequestBody InviteUserRequest request) {
    Administration.Invited invited =
        administration.invite(
            principal,
            new OrganizationId(request.organization()),
            request.email(),
            request.displayName(),
            request.roles());
    String link =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/invitation/{token}")
            .buildAndExpand(invited.invitationToken())
            .toUriString();
    URI location =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/api/v1/users/{id}")
            .buildAndExpand(invited.user())
            .toUri();
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(location)
        .body(new InvitedUser(invited.user().value(), link));
  }

  @GetMapping("/users/{id}")
  @PreAuthorize("hasAnyRole('NETWORK_ADMIN','ORGANIZATION_ADMIN')")
  UserView user(@AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return UserView.of(administration.user(principal, new org.bridgeway.identity.UserId(id)));
  }
}
