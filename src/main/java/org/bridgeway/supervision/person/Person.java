package org.bridgeway.supervision.person;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
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
    apply(details, today, at);
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
