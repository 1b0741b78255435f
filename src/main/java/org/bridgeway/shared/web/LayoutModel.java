package org.bridgeway.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the page layout shows about the current user: the primary navigation they may see and who is
 * signed in. Computed from the authorities alone, so templates carry no role rules and the shared
 * kernel does not depend on the identity module.
 *
 * <p>Pages get it as the model attributes {@code navigation} and {@code currentUser} (see {@link
 * LayoutModelAdvice}); the layout also calls this bean ({@code @layoutModel}) directly for views
 * that no controller advice reaches, such as those returned by exception handlers.
 */
@Component("layoutModel")
public class LayoutModel {

  private static final Set<String> ADMINISTRATORS =
      Set.of("ROLE_NETWORK_ADMIN", "ROLE_ORGANIZATION_ADMIN");
  private static final Set<String> LISTING_KEEPERS =
      Set.of(
          "ROLE_PROVIDER_STAFF",
          "ROLE_ORGANIZATION_ADMIN",
          "ROLE_NETWORK_ADMIN",
          "ROLE_COMMUNITY_COORDINATOR");
  private static final Set<String> DIRECTORY_CURATORS =
      Set.of("ROLE_NETWORK_ADMIN", "ROLE_COMMUNITY_COORDINATOR");
  private static final Set<String> CASELOAD_KEEPERS = Set.of("ROLE_OFFICER", "ROLE_SUPERVISOR");
  private static final Set<String> SUPERVISORS = Set.of("ROLE_SUPERVISOR");
  private static final Set<String> MEASURE_READERS =
      Set.of("ROLE_SUPERVISOR", "ROLE_ANALYST", "ROLE_PROVIDER_STAFF");

  /** The destinations in display order; an empty role set means any signed-in user. */
  private static final List<Destination> DESTINATIONS =
      List.of(
          new Destination("nav.home", "/", Set.of()),
          new Destination(
              "nav.caseload", "/supervision/caseload", CASELOAD_KEEPERS, ADMINISTRATORS),
          new Destination("nav.alerts", "/care/alerts", CASELOAD_KEEPERS, ADMINISTRATORS),
          new Destination("nav.team", "/supervision/team", SUPERVISORS),
          new Destination("nav.referrals", "/referrals", CASELOAD_KEEPERS, ADMINISTRATORS),
          new Destination("nav.directory", "/directory/search", Set.of()),
          new Destination("nav.listings", "/directory/listings", LISTING_KEEPERS),
          new Destination(
              "nav.treatmentEpisodes", "/care/provider/episodes", Set.of("ROLE_PROVIDER_STAFF")),
          new Destination(
              "nav.referralInbox", "/provider/referrals", Set.of("ROLE_PROVIDER_STAFF")),
          new Destination(
              "nav.handOffs", "/care/provider/transitions", Set.of("ROLE_PROVIDER_STAFF")),
          new Destination(
              "nav.programMeasures", "/care/programs/measures", CASELOAD_KEEPERS, ADMINISTRATORS),
          new Destination(
              "nav.careUploads", "/care/provider/uploads", Set.of("ROLE_PROVIDER_STAFF")),
          new Destination("nav.referralMeasures", "/referrals/measures", MEASURE_READERS),
          new Destination(
              "nav.outcomeMeasures",
              "/outcomes/measures",
              Set.of(
                  "ROLE_SUPERVISOR", "ROLE_ANALYST", "ROLE_PROVIDER_STAFF", "ROLE_NETWORK_ADMIN")),
          new Destination(
              "nav.outcomeEvidence",
              "/outcomes/evidence/effectiveness",
              Set.of("ROLE_SUPERVISOR", "ROLE_ANALYST", "ROLE_NETWORK_ADMIN")),
          new Destination(
              "nav.outcomeImports",
              "/outcomes/event-imports",
              Set.of("ROLE_SUPERVISOR", "ROLE_ANALYST")),
          new Destination("nav.directoryImports", "/directory/imports", DIRECTORY_CURATORS),
          new Destination("nav.directoryStewards", "/directory/stewards", DIRECTORY_CURATORS),
          new Destination("nav.administration", "/admin/organizations", ADMINISTRATORS),
          new Destination("nav.users", "/admin/users", ADMINISTRATORS),
          new Destination("nav.apiTokens", "/admin/api-tokens", ADMINISTRATORS),
          new Destination("nav.audit", "/admin/audit", ADMINISTRATORS));

  private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

  /** The navigation for the current request's user, with the page being shown marked. */
  public List<NavigationItem> navigation() {
    return navigationFor(currentAuthentication(), currentPath());
  }

  /** Who is signed in to the current request, or null for an anonymous visitor. */
  public CurrentUser currentUser() {
    return currentUserOf(currentAuthentication());
  }

  /**
   * The entries visible to an authentication. Nothing is shown before sign-in, nor to an
   * authentication without any role (such as one that has passed the password but not yet the
   * second factor, if the sign-in grants roles only at the end).
   */
  List<NavigationItem> navigationFor(Authentication authentication, String path) {
    if (!trustResolver.isAuthenticated(authentication)) {
      return List.of();
    }
    Set<String> authorities =
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(authority -> authority != null)
            .collect(Collectors.toUnmodifiableSet());
    if (authorities.stream().noneMatch(authority -> authority.startsWith("ROLE_"))) {
      return List.of();
    }
    boolean supervisesPeople =
        authentication.getPrincipal() instanceof DisplayablePrincipal displayable
            && displayable.supervisesPeople();
    return DESTINATIONS.stream()
        .filter(destination -> destination.visibleWith(authorities, supervisesPeople))
        .map(destination -> destination.toItem(path))
        .toList();
  }

  CurrentUser currentUserOf(Authentication authentication) {
    if (!trustResolver.isAuthenticated(authentication)) {
      return null;
    }
    Object principal = authentication.getPrincipal();
    if (principal instanceof DisplayablePrincipal displayable) {
      return new CurrentUser(displayable.displayName(), displayable.organizationName());
    }
    // Only principal types whose name is meant for display; anything else (a record, say) would
    // show its toString().
    if (principal instanceof UserDetails
        || principal instanceof AuthenticatedPrincipal
        || principal instanceof Principal
        || principal instanceof String) {
      return new CurrentUser(authentication.getName(), null);
    }
    return new CurrentUser(null, null);
  }

  private static Authentication currentAuthentication() {
    return SecurityContextHolder.getContext().getAuthentication();
  }

  private static String currentPath() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (!(attributes instanceof ServletRequestAttributes servlet)) {
      return "";
    }
    HttpServletRequest request = servlet.getRequest();
    String uri = request.getRequestURI();
    String contextPath = request.getContextPath();
    if (uri == null) {
      return "";
    }
    return contextPath != null && uri.startsWith(contextPath)
        ? uri.substring(contextPath.length())
        : uri;
  }

  /**
   * @param requiredAnyOf roles that see the entry; empty for any signed-in user
   * @param inSupervisingAgency roles that see the entry only in an organization that keeps people
   *     on supervision
   */
  private record Destination(
      String labelKey, String path, Set<String> requiredAnyOf, Set<String> inSupervisingAgency) {

    Destination(String labelKey, String path, Set<String> requiredAnyOf) {
      this(labelKey, path, requiredAnyOf, Set.of());
    }

    boolean visibleWith(Set<String> authorities, boolean supervisesPeople) {
      if (supervisesPeople && inSupervisingAgency.stream().anyMatch(authorities::contains)) {
        return true;
      }
      return (requiredAnyOf.isEmpty() && inSupervisingAgency.isEmpty())
          || requiredAnyOf.stream().anyMatch(authorities::contains);
    }

    NavigationItem toItem(String currentPath) {
      return new NavigationItem(labelKey, path, isCurrent(currentPath));
    }

    private boolean isCurrent(String currentPath) {
      if (currentPath == null || currentPath.isEmpty()) {
        return false;
      }
      if ("/".equals(path)) {
        return "/".equals(currentPath);
      }
      return currentPath.equals(path) || currentPath.startsWith(path + "/");
    }
  }
}
