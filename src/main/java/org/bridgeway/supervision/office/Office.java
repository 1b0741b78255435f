package org.bridgeway.supervision.office;

import java.time.Instant;
import java.util.Objects;
import org.bridgeway.identity.OrganizationId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An office of a supervising agency (ADR 0013). Opened with {@link #open}, corrected with {@link
 * #revise}, closed to new work with {@link #deactivate} and reopened with {@link #reactivate}. The
 * agency's main office ({@link #main}) is where staff without an office and cases from before
 * offices belong; it cannot be deactivated.
 */
@Table("supervision_office")
public class Office {

  @Id private final OfficeId id;
  private final OrganizationId organizationId;
  private String name;
  private String line1;
  private String line2;
  private String city;
  private String state;
  private String postalCode;
  private String phone;
  private boolean active;
  private final boolean main;
  private final Instant createdAt;
  private Instant updatedAt;
  @Version private Long version;

  @PersistenceCreator
  Office(
      OfficeId id, OrganizationId organizationId, boolean main, Instant createdAt, Long version) {
    this.id = id;
    this.organizationId = organizationId;
    this.main = main;
    this.createdAt = createdAt;
    this.version = version;
  }

  /**
   * Opens an office of the agency, active.
   *
   * @throws IllegalArgumentException if the details break a rule
   */
  public static Office open(OfficeId id, OrganizationId agency, OfficeDetails details, Instant at) {
    Office office =
        new Office(Objects.requireNonNull(id), Objects.requireNonNull(agency), false, at, null);
    office.apply(details, at);
    office.active = true;
    return office;
  }

  /** The agency's main office, named as given. */
  public static Office main(OfficeId id, OrganizationId agency, String name, Instant at) {
    Office office =
        new Office(Objects.requireNonNull(id), Objects.requireNonNull(agency), true, at, null);
    office.apply(OfficeDetails.named(name), at);
    office.active = true;
    return office;
  }

  /**
   * Corrects the name, address and phone.
   *
   * @throws IllegalArgumentException if the details break a rule
   */
  public void revise(OfficeDetails details, Instant at) {
    apply(details, at);
  }

  /**
   * Closes the office to new cases, transfers and staff.
   *
   * @throws IllegalStateException if it is the main office or already inactive
   */
  public void deactivate(Instant at) {
    if (main) {
      throw new IllegalStateException("The main office stays active");
    }
    if (!active) {
      throw new IllegalStateException("The office is already inactive");
    }
    active = false;
    updatedAt = at;
  }

  /**
   * Opens an inactive office again.
   *
   * @throws IllegalStateException if it is active
   */
  public void reactivate(Instant at) {
    if (active) {
      throw new IllegalStateException("The office is already active");
    }
    active = true;
    updatedAt = at;
  }

  private void apply(OfficeDetails details, Instant at) {
    Objects.requireNonNull(details, "details");
    if (!details.violations().isEmpty()) {
      throw new IllegalArgumentException("Office details break a rule: " + details.violations());
    }
    name = details.name();
    line1 = details.line1();
    line2 = details.line2();
    city = details.city();
    state = details.state();
    postalCode = details.postalCode();
    phone = details.phone();
    updatedAt = at;
  }

  public OfficeId id() {
    return id;
  }

  public OrganizationId organizationId() {
    return organizationId;
  }

  public String name() {
    return name;
  }

  public OfficeDetails details() {
    return new OfficeDetails(name, line1, line2, city, state, postalCode, phone);
  }

  public boolean active() {
    return active;
  }

  public boolean main() {
    return main;
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
}
