package org.bridgeway.supervision.person;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.supervision.PersonId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person on supervision, kept by the supervising agency that entered them. The record is edited
 * as a whole ({@link #revise}); its rules across fields are those of {@link PersonDetails}, checked
 * again here so that no path stores a record that breaks them.
 */
@Table("supervision_person")
public class Person {

  @Id private final PersonId id;
  private final OrganizationId organizationId;
  private String givenName;
  private String middleName;
  private String familyName;
  private String givenNameKey;
  private String familyNameKey;
  private LocalDate dateOfBirth;
  private Gender gender;
  private String races;
  private Ethnicity ethnicity;
  private String preferredLanguage;
  private boolean interpreterNeeded;
  private String phone;
  private String email;
  private ContactMethod contactMethod;
  private LocalTime quietHoursStart;
  private LocalTime quietHoursEnd;
  private String emergencyContactName;
  private String emergencyContactRelation;
  private String emergencyContactPhone;
  private final UserId createdBy;
  private final Instant createdAt;
  private Instant updatedAt;
  private PersonId mergedIntoId;
  private Instant mergedAt;
  private String mergedBy;
  private String mergeReason;

  @MappedCollection(idColumn = "person_id", keyColumn = "position")
  private List<AliasRow> aliases;

  @MappedCollection(idColumn = "person_id", keyColumn = "position")
  private List<IdentifierRow> identifiers;

  @MappedCollection(idColumn = "person_id", keyColumn = "position")
  private List<AddressRow> addresses;

  @Version private Long version;

  @Table("supervision_person_alias")
  record AliasRow(
      String givenName,
      String middleName,
      String familyName,
      String givenNameKey,
      String familyNameKey) {}

  @Table("supervision_person_identifier")
  record IdentifierRow(
      OrganizationId organizationId, IdentifierKind kind, String value, String valueKey) {}

  @Table("supervision_person_address")
  record AddressRow(
      String line1,
      String line2,
      String city,
      String state,
      String postalCode,
      LocalDate validFrom,
      LocalDate validTo) {}

  @PersistenceCreator
  Person(
      PersonId id,
      OrganizationId organizationId,
      UserId createdBy,
      Instant createdAt,
      Long version) {
    this.id = id;
    this.organizationId = organizationId;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.version = version;
  }

  /**
   * Enters a new person for an agency.
   *
   * @param createdBy the user entering them, or null for an API client or the system
   * @throws IllegalArgumentException if the details break a rule of {@link PersonDetails}
   */
  public static Person enter(
      PersonId id,
      OrganizationId agency,
      PersonDetails details,
      UserId createdBy,
      LocalDate today,
      Instant at) {
    Person person =
        new Person(Objects.requireNonNull(id), Objects.requireNonNull(agency), createdBy, at, null);
    person.apply(details, today, at);
    return person;
  }

  /**
   * Replaces the record's details with a corrected version.
   *
   * @throws IllegalArgumentException if the details break a rule of {@link PersonDetails}
   */
  public void revise(PersonDetails details, LocalDate today, Instant at) {
    requireNotMerged();
    apply(details, today, at);
  }

  /**
   * Marks this record as merged into the survivor, another record of the same person of the same
   * agency: it is kept for audit and changes no more. Its identifiers move to the survivor (an
   * identifier belongs to one record of the agency); its names and addresses stay here as they were
   * and are copied to the survivor by {@link #absorb}.
   *
   * @param by actor reference of who merged the records
   * @param reason why the reviewer decided the records are the same person
   * @return the details to hand to the survivor's {@link #absorb}, as they were before the merge
   * @throws IllegalStateException if this record was merged already
   * @throws IllegalArgumentException if the survivor is this record or of another agency, or there
   *     is no reason
   */
  public PersonDetails mergeInto(Person survivor, String by, String reason, Instant at) {
    requireNotMerged();
    if (survivor.id.equals(id) || !survivor.organizationId.equals(organizationId)) {
      throw new IllegalArgumentException("A record merges into another record of its agency");
    }
    if (survivor.isMerged()) {
      throw new IllegalArgumentException("A record cannot merge into a merged record");
    }
    String actor = requireText(by, "merging actor");
    String why = requireText(reason, "merge reason");
    PersonDetails handedOver = details();
    this.mergedIntoId = survivor.id;
    this.mergedBy = actor;
    this.mergeReason = why;
    this.mergedAt = Objects.requireNonNull(at);
    this.identifiers = List.of();
    this.updatedAt = at;
    return handedOver;
  }

  /**
   * Takes over what a merged record of the same person knew: its legal name and aliases become
   * aliases here (unless this record has them already), its identifiers join these, and its
   * addresses join the address history. If both records have a current address, this record's stays
   * current and the other's ends today.
   *
   * @param other the merged record's details, as {@link #mergeInto} handed them over
   * @throws IllegalStateException if this record was merged itself
   */
  public void absorb(PersonDetails other, LocalDate today, Instant at) {
    requireNotMerged();
    PersonDetails mine = details();
    List<PersonName> names = new ArrayList<>(mine.aliases());
    Set<String> known = new HashSet<>();
    known.add(nameKey(mine.name()));
    names.forEach(name -> known.add(nameKey(name)));
    List<PersonName> offered = new ArrayList<>();
    offered.add(other.name());
    offered.addAll(other.aliases());
    for (PersonName name : offered) {
      if (known.add(nameKey(name))) {
        names.add(name);
      }
    }
    List<Identification> ids = new ArrayList<>(mine.identifiers());
    Set<String> idKeys = new HashSet<>();
    ids.forEach(identifier -> idKeys.add(identifier.kind() + ":" + identifier.key()));
    for (Identification identifier : other.identifiers()) {
      if (idKeys.add(identifier.kind() + ":" + identifier.key())) {
        ids.add(identifier);
      }
    }
    List<Address> history = new ArrayList<>(mine.addresses());
    boolean hasCurrent = mine.currentAddress() != null;
    for (Address address : other.addresses()) {
      Address moved = address;
      if (address.isCurrent() && hasCurrent) {
        LocalDate end = address.validFrom().isAfter(today) ? address.validFrom() : today;
        moved =
            new Address(
                address.line1(),
                address.line2(),
                address.city(),
                address.state(),
                address.postalCode(),
                address.validFrom(),
                end);
      }
      if (!history.contains(moved)) {
        history.add(moved);
      }
    }
    apply(
        new PersonDetails(
            mine.name(),
            names,
            mine.dateOfBirth(),
            ids,
            mine.gender(),
            mine.races(),
            mine.ethnicity(),
            mine.preferredLanguage(),
            mine.interpreterNeeded(),
            history,
            mine.contact(),
            mine.emergencyContact()),
        today,
        at);
  }

  /** Whether this record was merged into another ({@link #mergedInto()}). */
  public boolean isMerged() {
    return mergedIntoId != null;
  }

  /** The record this one was merged into, or null. */
  public PersonId mergedInto() {
    return mergedIntoId;
  }

  public Instant mergedAt() {
    return mergedAt;
  }

  /** Actor reference of who merged this record, or null. */
  public String mergedBy() {
    return mergedBy;
  }

  public String mergeReason() {
    return mergeReason;
  }

  private void requireNotMerged() {
    if (isMerged()) {
      throw new IllegalStateException("A merged record changes no more");
    }
  }

  private static String nameKey(PersonName name) {
    return NameKeys.key(name.given()) + "|" + NameKeys.key(name.family());
  }

  private void apply(PersonDetails details, LocalDate today, Instant at) {
    if (!details.violations(today).isEmpty()) {
      throw new IllegalArgumentException(
          "Person details break a rule: " + details.violations(today));
    }
    PersonName name = details.name();
    this.givenName = requireText(name.given(), "given name");
    this.middleName = blankToNull(name.middle());
    this.familyName = requireText(name.family(), "family name");
    this.givenNameKey = NameKeys.key(givenName);
    this.familyNameKey = NameKeys.key(familyName);
    this.dateOfBirth = details.dateOfBirth();
    this.gender = details.gender();
    this.races =
        details.races().isEmpty()
            ? null
            : details.races().stream().sorted().map(Race::name).collect(Collectors.joining(","));
    this.ethnicity = details.ethnicity();
    this.preferredLanguage = blankToNull(details.preferredLanguage());
    this.interpreterNeeded = details.interpreterNeeded();
    ContactPreferences contact = details.contact();
    this.phone = blankToNull(contact.phone());
    this.email = blankToNull(contact.email());
    this.contactMethod = contact.method();
    this.quietHoursStart = contact.quietHours() == null ? null : contact.quietHours().start();
    this.quietHoursEnd = contact.quietHours() == null ? null : contact.quietHours().end();
    EmergencyContact emergency = details.emergencyContact();
    this.emergencyContactName = emergency == null ? null : blankToNull(emergency.name());
    this.emergencyContactRelation =
        emergency == null ? null : blankToNull(emergency.relationship());
    this.emergencyContactPhone = emergency == null ? null : blankToNull(emergency.phone());
    this.aliases =
        details.aliases().stream()
            .map(
                alias ->
                    new AliasRow(
                        blankToNull(alias.given()),
                        blankToNull(alias.middle()),
                        requireText(alias.family(), "alias family name"),
                        NameKeys.key(blankToNull(alias.given())),
                        NameKeys.key(alias.family())))
            .toList();
    this.identifiers =
        details.identifiers().stream()
            .map(
                identifier ->
                    new IdentifierRow(
                        organizationId,
                        Objects.requireNonNull(identifier.kind(), "identifier kind"),
                        requireText(identifier.value(), "identifier value").strip(),
                        identifier.key()))
            .toList();
    this.addresses =
        details.addresses().stream()
            .map(
                address ->
                    new AddressRow(
                        address.line1(),
                        blankToNull(address.line2()),
                        address.city(),
                        address.state(),
                        address.postalCode(),
                        address.validFrom(),
                        address.validTo()))
            .toList();
    this.updatedAt = at;
  }

  /** The record's details as last entered. */
  public PersonDetails details() {
    return new PersonDetails(
        name(),
        aliases.stream()
            .map(alias -> new PersonName(alias.givenName(), alias.middleName(), alias.familyName()))
            .toList(),
        dateOfBirth,
        identifiers.stream().map(row -> new Identification(row.kind(), row.value())).toList(),
        gender,
        races(),
        ethnicity,
        preferredLanguage,
        interpreterNeeded,
        addresses.stream()
            .map(
                row ->
                    new Address(
                        row.line1(),
                        row.line2(),
                        row.city(),
                        row.state(),
                        row.postalCode(),
                        row.validFrom(),
                        row.validTo()))
            .toList(),
        new ContactPreferences(
            phone,
            email,
            contactMethod,
            quietHoursStart == null ? null : new QuietHours(quietHoursStart, quietHoursEnd)),
        emergencyContactName == null && emergencyContactPhone == null
            ? null
            : new EmergencyContact(
                emergencyContactName, emergencyContactRelation, emergencyContactPhone));
  }

  public PersonName name() {
    return new PersonName(givenName, middleName, familyName);
  }

  public Set<Race> races() {
    if (races == null || races.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(races.split(","))
        .map(Race::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Race.class)));
  }

  public PersonId id() {
    return id;
  }

  public OrganizationId organizationId() {
    return organizationId;
  }

  public LocalDate dateOfBirth() {
    return dateOfBirth;
  }

  public UserId createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Long version() {
    return version;
  }

  private static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A person needs a " + what);
    }
    return value.strip();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
