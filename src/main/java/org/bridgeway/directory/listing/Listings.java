package org.bridgeway.directory.listing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.directory.hsds.DirectoryRecordsChanged;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.hsds.HsdsRecords;
import org.bridgeway.directory.hsds.HsdsSchemas;
import org.bridgeway.directory.hsds.HsdsType;
import org.bridgeway.directory.profile.Capacities;
import org.bridgeway.directory.profile.Capacity;
import org.bridgeway.directory.profile.ServiceProfile;
import org.bridgeway.directory.profile.ServiceProfiles;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.PageQuery;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Provider staff keep their listings current here: the HSDS fields of a service and its Bridgeway
 * profile (one version for both, so a stale edit is refused), and its capacity, reported from a
 * page in two clicks or by a provider system over the API. Every change goes through {@link
 * HsdsRecords#write} (field-level HSDS metadata), is audited, and publishes {@link
 * DirectoryRecordsChanged} with the service id, all in one transaction.
 */
@Service
public class Listings {

  /** Capacity reports shown with a listing. */
  public static final int HISTORY = 20;

  /** Field changes shown with a listing. */
  public static final int CHANGES = 50;

  /**
   * A report of the same figures by the same reporter within this time is a repeat (a retried API
   * call, a double click): nothing is written and the stored figures are answered.
   */
  static final Duration REPEAT_WINDOW = Duration.ofMinutes(5);

  private static final JsonMapper JSON = JsonMapper.shared();

  private final Stewardship stewardship;
  private final ListingQueries queries;
  private final HsdsRecords records;
  private final HsdsSchemas schemas;
  private final ServiceProfiles profiles;
  private final Capacities capacities;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Listings(
      Stewardship stewardship,
      ListingQueries queries,
      HsdsRecords records,
      HsdsSchemas schemas,
      ServiceProfiles profiles,
      Capacities capacities,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.stewardship = stewardship;
    this.queries = queries;
    this.records = records;
    this.schemas = schemas;
    this.profiles = profiles;
    this.capacities = capacities;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The services the caller may keep, by name: all of them for a curator, those of the directory
   * organizations its organization stewards for provider staff, none for anyone else.
   *
   * @param text matched against service and organization names; null or blank for all
   * @param staleOnly only services whose capacity is older than seven days or was never reported
   */
  @Transactional(readOnly = true)
  public ResultPage<ListingSummary> listingsOf(
      BridgewayPrincipal principal, String text, boolean staleOnly, PageQuery page) {
    Instant now = clock.instant();
    Instant staleBefore = staleOnly ? now.minus(Capacity.FRESHNESS) : null;
    if (Stewardship.isCurator(principal)) {
      return queries.listings(null, text, staleBefore, now, (int) page.offset(), page.size());
    }
    if (Stewardship.isKeeper(principal)) {
      return queries.listings(
          principal.organization(), text, staleBefore, now, (int) page.offset(), page.size());
    }
    return new ResultPage<>(List.of(), 0, page.page(), page.size());
  }

  /**
   * A listing as its keeper edits it.
   *
   * @throws org.bridgeway.shared.web.NotFoundException if there is no such service or the caller
   *     may not keep it
   */
  @Transactional(readOnly = true)
  public Listing listing(BridgewayPrincipal principal, UUID serviceId) {
    HsdsRecord service = stewardship.requireService(principal, serviceId);
    Instant now = clock.instant();
    List<HsdsRecord> phones = queries.phonesOf(serviceId);
    ObjectNode document = service.document();
    ServiceFields fields =
        new ServiceFields(
            text(document, "name"),
            text(document, "description"),
            text(document, "status"),
            text(document, "url"),
            text(document, "email"),
            text(document, "application_process"),
            text(document, "fees_description"),
            text(document, "eligibility_description"),
            text(document, "wait_time"),
            phones.isEmpty() ? null : text(phones.getFirst().document(), "number"));
    ServiceProfile profile =
        withHsdsAges(profiles.find(serviceId).orElse(ServiceProfile.empty(serviceId)), document);
    Capacity capacity = capacities.find(serviceId).orElse(null);
    Set<UUID> changed = new LinkedHashSet<>();
    changed.add(serviceId);
    phones.forEach(phone -> changed.add(phone.id()));
    UUID organization = service.reference("organization_id").orElse(null);
    return new Listing(
        serviceId,
        organization,
        organization == null ? null : queries.organizationName(organization).orElse(null),
        fields,
        profile,
        capacity,
        capacity == null || capacity.isStale(now),
        capacities.history(serviceId, HISTORY),
        queries.changes(changed, CHANGES));
  }

  /**
   * Saves the HSDS fields and the profile of a listing together.
   *
   * @param profile the profile to save, with the version the caller's edit is based on
   * @throws ListingRejected if a field breaks a rule; nothing is written
   * @throws OptimisticLockingFailureException if the listing changed since the caller read it
   */
  @Transactional
  public Listing update(
      BridgewayPrincipal principal, UUID serviceId, ServiceFields fields, ServiceProfile profile) {
    requireSameService(serviceId, profile);
    HsdsRecord service = stewardship.requireService(principal, serviceId);
    List<FieldViolation> violations = new ArrayList<>(fields.violations());
    violations.addAll(profile.violations());
    ObjectNode document = service.document().deepCopy();
    ServiceFields.HSDS_FIELDS.forEach(
        (field, hsdsField) -> put(document, hsdsField, fields.value(field)));
    putAges(document, profile);
    HsdsRecord edited = new HsdsRecord(HsdsType.SERVICE, serviceId, document);
    if (violations.isEmpty()) {
      violations.addAll(schemaViolations(edited, ServiceFields.HSDS_FIELDS));
    }
    List<HsdsRecord> phones = queries.phonesOf(serviceId);
    List<HsdsRecord> toWrite = new ArrayList<>(List.of(edited));
    List<HsdsRecord> toDelete = new ArrayList<>();
    if (fields.phone() != null) {
      HsdsRecord phone = phones.isEmpty() ? newPhone(serviceId) : phones.getFirst();
      ObjectNode phoneDocument = phone.document().deepCopy();
      phoneDocument.put("number", fields.phone());
      HsdsRecord editedPhone = new HsdsRecord(HsdsType.PHONE, phone.id(), phoneDocument);
      if (violations.isEmpty()) {
        violations.addAll(schemaViolations(editedPhone, Map.of("phone", "number")));
      }
      toWrite.add(editedPhone);
    } else if (!phones.isEmpty()) {
      toDelete.add(phones.getFirst());
    }
    if (!violations.isEmpty()) {
      throw new ListingRejected(violations);
    }
    ServiceProfile stored = profiles.find(serviceId).orElse(ServiceProfile.empty(serviceId));
    if (stored.version() != profile.version()) {
      throw new OptimisticLockingFailureException(
          "The listing of service " + serviceId + " was changed by someone else");
    }
    Instant now = clock.instant();
    String updatedBy = updatedBy(principal);
    HsdsRecords.WriteSummary written = records.write(toWrite, updatedBy, now);
    records.delete(toDelete, updatedBy, now);
    boolean profileChanged = !stored.sameContentAs(profile);
    profiles.save(profile, now);
    Set<String> changedFields = new TreeSet<>();
    written.fieldChanges().forEach(change -> changedFields.add(change.field()));
    if (!toDelete.isEmpty()) {
      changedFields.add("phone");
    }
    if (profileChanged) {
      changedFields.add("profile");
    }
    audit.record(
        AuditEvent.success("directory.listing.update")
            .withRecord("directory_service", serviceId)
            .withDetail("fields", String.join(",", changedFields)));
    Set<UUID> ids = new LinkedHashSet<>();
    ids.add(serviceId);
    written.changed().forEach(record -> ids.add(record.id()));
    toDelete.forEach(record -> ids.add(record.id()));
    events.publishEvent(new DirectoryRecordsChanged(ids));
    return listing(principal, serviceId);
  }

  /** A service's profile, for a provider system. */
  @Transactional(readOnly = true)
  public ServiceProfile profile(BridgewayPrincipal principal, UUID serviceId) {
    HsdsRecord service = stewardship.requireService(principal, serviceId);
    return withHsdsAges(
        profiles.find(serviceId).orElse(ServiceProfile.empty(serviceId)), service.document());
  }

  /**
   * Replaces a service's profile (a provider system's call). Sending the profile that is already
   * stored changes nothing and answers it, whatever the version sent: a retry is safe.
   *
   * @throws ListingRejected if a field breaks a rule; nothing is written
   * @throws OptimisticLockingFailureException if the profile changed since the caller read it
   */
  @Transactional
  public ServiceProfile updateProfile(
      BridgewayPrincipal principal, UUID serviceId, ServiceProfile profile) {
    requireSameService(serviceId, profile);
    HsdsRecord service = stewardship.requireService(principal, serviceId);
    List<FieldViolation> violations = profile.violations();
    if (!violations.isEmpty()) {
      throw new ListingRejected(violations);
    }
    ServiceProfile stored = profiles.find(serviceId).orElse(ServiceProfile.empty(serviceId));
    if (stored.sameContentAs(profile) && stored.version() > 0) {
      return stored;
    }
    if (stored.version() != profile.version()) {
      throw new OptimisticLockingFailureException(
          "The profile of service " + serviceId + " was changed by someone else");
    }
    Instant now = clock.instant();
    ObjectNode document = service.document().deepCopy();
    putAges(document, profile);
    Set<UUID> ids = new LinkedHashSet<>(List.of(serviceId));
    if (!document.equals(service.document())) {
      records
          .write(
              List.of(new HsdsRecord(HsdsType.SERVICE, serviceId, document)),
              updatedBy(principal),
              now)
          .changed()
          .forEach(record -> ids.add(record.id()));
    }
    ServiceProfile saved = profiles.save(profile, now);
    audit.record(
        AuditEvent.success("directory.profile.update").withRecord("directory_service", serviceId));
    events.publishEvent(new DirectoryRecordsChanged(ids));
    return saved;
  }

  /** A service's current capacity and recent reports. */
  @Transactional(readOnly = true)
  public CapacityStatus capacity(BridgewayPrincipal principal, UUID serviceId, int historyLimit) {
    stewardship.requireService(principal, serviceId);
    Capacity current = capacities.find(serviceId).orElse(null);
    return new CapacityStatus(
        serviceId,
        current,
        current == null || current.isStale(clock.instant()),
        capacities.history(serviceId, historyLimit));
  }

  /**
   * Records a capacity report: the new current figures, kept in the history. A repeat of the
   * current figures by the same reporter within five minutes changes nothing (a retried call, a
   * double click).
   *
   * @param expectedVersion the version of the figures the reporter saw, or null to report whatever
   *     is stored (a provider system sending its latest figures)
   * @throws ListingRejected if a figure is out of range; nothing is written
   * @throws OptimisticLockingFailureException if the figures changed since the reporter saw them
   */
  @Transactional
  public Capacity reportCapacity(
      BridgewayPrincipal principal,
      UUID serviceId,
      CapacityFigures figures,
      Integer expectedVersion) {
    stewardship.requireService(principal, serviceId);
    List<FieldViolation> violations = figures.violations();
    if (!violations.isEmpty()) {
      throw new ListingRejected(violations);
    }
    Instant now = clock.instant();
    Optional<Capacity> current = capacities.find(serviceId);
    if (current.isPresent() && isRepeat(current.get(), figures, principal, now)) {
      return current.get();
    }
    Capacity saved =
        capacities.report(
            serviceId,
            figures.openSlots(),
            figures.waitlistLength(),
            figures.estimatedWaitDays(),
            principal.reference(),
            now,
            expectedVersion);
    audit.record(
        AuditEvent.success("directory.capacity.report")
            .withRecord("directory_service", serviceId)
            .withDetail("openSlots", Integer.toString(figures.openSlots()))
            .withDetail("waitlistLength", Integer.toString(figures.waitlistLength())));
    events.publishEvent(new DirectoryRecordsChanged(Set.of(serviceId)));
    return saved;
  }

  /**
   * Reports the current figures again: they are still accurate, so the listing is no longer stale.
   *
   * @return the confirmed figures, or empty if none were ever reported (nothing to confirm)
   * @throws OptimisticLockingFailureException if the figures changed since the reporter saw them
   */
  @Transactional
  public Optional<Capacity> confirmCapacity(
      BridgewayPrincipal principal, UUID serviceId, Integer expectedVersion) {
    stewardship.requireService(principal, serviceId);
    Optional<Capacity> current = capacities.find(serviceId);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    Capacity stored = current.get();
    Instant now = clock.instant();
    CapacityFigures figures =
        new CapacityFigures(
            stored.openSlots(), stored.waitlistLength(), stored.estimatedWaitDays());
    if (isRepeat(stored, figures, principal, now)) {
      return current;
    }
    Capacity saved =
        capacities.report(
            serviceId,
            stored.openSlots(),
            stored.waitlistLength(),
            stored.estimatedWaitDays(),
            principal.reference(),
            now,
            expectedVersion);
    audit.record(
        AuditEvent.success("directory.capacity.confirm")
            .withRecord("directory_service", serviceId));
    events.publishEvent(new DirectoryRecordsChanged(Set.of(serviceId)));
    return Optional.of(saved);
  }

  private static boolean isRepeat(
      Capacity current, CapacityFigures figures, BridgewayPrincipal principal, Instant now) {
    return current.openSlots() == figures.openSlots()
        && current.waitlistLength() == figures.waitlistLength()
        && Objects.equals(current.estimatedWaitDays(), figures.estimatedWaitDays())
        && principal.reference().equals(current.updatedBy())
        && !current.updatedAt().isBefore(now.minus(REPEAT_WINDOW));
  }

  private static void requireSameService(UUID serviceId, ServiceProfile profile) {
    if (!serviceId.equals(profile.serviceId())) {
      throw new IllegalArgumentException("The profile is not of service " + serviceId);
    }
  }

  /** Who HSDS metadata names: the organization, not the person (metadata is published). */
  private static String updatedBy(BridgewayPrincipal principal) {
    return principal.organizationName() != null ? principal.organizationName() : "Bridgeway";
  }

  private List<FieldViolation> schemaViolations(HsdsRecord record, Map<String, String> fields) {
    List<FieldViolation> violations = new ArrayList<>();
    for (HsdsSchemas.Violation violation : schemas.validate(record.type(), record.document())) {
      String field =
          fields.entrySet().stream()
              .filter(entry -> entry.getValue().equals(violation.field()))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(null);
      violations.add(new FieldViolation(field, "hsds", violation.message()));
    }
    return violations;
  }

  /** A profile without ages takes those of the HSDS service, so that an edit keeps them. */
  private static ServiceProfile withHsdsAges(ServiceProfile profile, ObjectNode service) {
    Integer minimum =
        profile.minimumAge() != null ? profile.minimumAge() : age(service, "minimum_age");
    Integer maximum =
        profile.maximumAge() != null ? profile.maximumAge() : age(service, "maximum_age");
    if (Objects.equals(minimum, profile.minimumAge())
        && Objects.equals(maximum, profile.maximumAge())) {
      return profile;
    }
    return new ServiceProfile(
        profile.serviceId(),
        profile.needDomains(),
        minimum,
        maximum,
        profile.genders(),
        profile.supervisionTypes(),
        profile.supervisionLevels(),
        profile.excludedOffenses(),
        profile.insuranceAccepted(),
        profile.residencyPostcodes(),
        profile.languages(),
        profile.accessibility(),
        profile.costKind(),
        profile.unitCost(),
        profile.costUnit(),
        profile.version());
  }

  private static Integer age(ObjectNode service, String field) {
    JsonNode value = service.get(field);
    if (value == null || !value.isNumber()) {
      return null;
    }
    double age = value.asDouble();
    return age >= 0 && age <= 120 && age == Math.rint(age) ? (int) age : null;
  }

  /** The HSDS service keeps the same age range as the profile, so both say the same. */
  private static void putAges(ObjectNode document, ServiceProfile profile) {
    if (profile.minimumAge() == null) {
      document.remove("minimum_age");
    } else {
      document.put("minimum_age", profile.minimumAge());
    }
    if (profile.maximumAge() == null) {
      document.remove("maximum_age");
    } else {
      document.put("maximum_age", profile.maximumAge());
    }
  }

  private static void put(ObjectNode document, String field, String value) {
    if (value == null) {
      document.remove(field);
    } else {
      document.put(field, value);
    }
  }

  private static String text(ObjectNode document, String field) {
    JsonNode value = document.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  /** The phone a listing adds when its service has none: a stable id, so a retry adds no second. */
  private static HsdsRecord newPhone(UUID serviceId) {
    UUID id =
        UUID.nameUUIDFromBytes(
            ("bridgeway:listing-phone:" + serviceId).getBytes(StandardCharsets.UTF_8));
    ObjectNode document = JSON.createObjectNode();
    document.put("id", id.toString());
    document.put("service_id", serviceId.toString());
    return new HsdsRecord(HsdsType.PHONE, id, document);
  }
}
