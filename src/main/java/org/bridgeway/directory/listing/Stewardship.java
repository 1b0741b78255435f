package org.bridgeway.directory.listing;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.hsds.HsdsRecords;
import org.bridgeway.directory.hsds.HsdsType;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.Role;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.shared.web.PageQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may keep which listings. Provider staff and organization administrators keep the listings of
 * the directory organizations their network organization stewards; network administrators and
 * community coordinators curate the whole directory, stewardship links included. A listing the
 * caller may not keep answers exactly like one that does not exist.
 */
@Service
public class Stewardship {

  private final Stewards stewards;
  private final HsdsRecords records;
  private final ListingQueries queries;
  private final AuditTrail audit;
  private final Clock clock;

  Stewardship(
      Stewards stewards,
      HsdsRecords records,
      ListingQueries queries,
      AuditTrail audit,
      Clock clock) {
    this.stewards = stewards;
    this.records = records;
    this.queries = queries;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whether the caller curates the whole directory. */
  public static boolean isCurator(BridgewayPrincipal principal) {
    return principal.has(Role.NETWORK_ADMIN) || principal.has(Role.COMMUNITY_COORDINATOR);
  }

  /** Whether the caller keeps the listings its organization stewards. */
  public static boolean isKeeper(BridgewayPrincipal principal) {
    return principal.has(Role.PROVIDER_STAFF) || principal.has(Role.ORGANIZATION_ADMIN);
  }

  /** Whether the caller may edit the listings of a directory organization. */
  public boolean mayKeep(BridgewayPrincipal principal, UUID directoryOrganization) {
    if (isCurator(principal)) {
      return true;
    }
    return isKeeper(principal)
        && directoryOrganization != null
        && stewards
            .stewardOf(directoryOrganization)
            .filter(principal.organization()::equals)
            .isPresent();
  }

  /**
   * The service record, if the caller may keep it.
   *
   * @throws NotFoundException if there is no such service, or the caller may not keep it
   */
  @Transactional(readOnly = true)
  public HsdsRecord requireService(BridgewayPrincipal principal, UUID serviceId) {
    Optional<HsdsRecord> service =
        records.find(serviceId).filter(record -> record.type() == HsdsType.SERVICE);
    if (service.isEmpty()
        || !mayKeep(principal, service.get().reference("organization_id").orElse(null))) {
      throw new NotFoundException("service");
    }
    return service.get();
  }

  /** The network organizations a curator may choose as stewards. */
  @Transactional(readOnly = true)
  public List<NetworkOrganization> networkOrganizations() {
    return stewards.networkOrganizations();
  }

  /** Directory organizations by name with their stewards, for curators. */
  @Transactional(readOnly = true)
  public ResultPage<DirectoryOrganizationSummary> organizations(
      BridgewayPrincipal principal, String text, PageQuery page) {
    requireCurator(principal);
    return queries.directoryOrganizations(text, (int) page.offset(), page.size());
  }

  /**
   * Makes a network organization the steward of a directory organization.
   *
   * @throws NotFoundException if the directory organization does not exist
   * @throws ListingRejected if the network organization does not exist or is inactive
   */
  @Transactional
  public void link(
      BridgewayPrincipal principal, UUID directoryOrganization, OrganizationId network) {
    requireCurator(principal);
    if (!queries.organizationExists(directoryOrganization)) {
      throw new NotFoundException("directory organization");
    }
    boolean known =
        network != null
            && stewards.networkOrganizations().stream().anyMatch(o -> o.id().equals(network));
    if (!known) {
      throw new ListingRejected(
          List.of(
              new FieldViolation(
                  "networkOrganization", "unknown", "must be an active network organization")));
    }
    stewards.link(directoryOrganization, network, principal.reference(), clock.instant());
    audit.record(
        AuditEvent.success("directory.steward.link")
            .withRecord("directory_organization", directoryOrganization)
            .withDetail("networkOrganization", network.toString()));
  }

  /**
   * Removes a directory organization's steward.
   *
   * @throws NotFoundException if the directory organization does not exist
   */
  @Transactional
  public void unlink(BridgewayPrincipal principal, UUID directoryOrganization) {
    requireCurator(principal);
    if (!queries.organizationExists(directoryOrganization)) {
      throw new NotFoundException("directory organization");
    }
    Optional<OrganizationId> previous = stewards.stewardOf(directoryOrganization);
    if (stewards.unlink(directoryOrganization)) {
      audit.record(
          AuditEvent.success("directory.steward.unlink")
              .withRecord("directory_organization", directoryOrganization)
              .withDetail("networkOrganization", previous.map(Object::toString).orElse("")));
    }
  }

  private static void requireCurator(BridgewayPrincipal principal) {
    if (!isCurator(principal)) {
      // Controllers admit curators only; this guards calls from elsewhere.
      throw new NotFoundException("directory organization");
    }
  }
}
