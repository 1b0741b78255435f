package org.bridgeway.identity.organization;

import java.time.Instant;
import java.util.Objects;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A member organization of the network. Users, tokens and records belong to one. */
@Table("identity_organization")
public class Organization {

  @Id private final OrganizationId id;
  private String name;
  private OrganizationKind kind;
  private boolean active;
  private final Instant createdAt;
  @Version private Long version;

  @PersistenceCreator
  Organization(
      OrganizationId id,
      String name,
      OrganizationKind kind,
      boolean active,
      Instant createdAt,
      Long version) {
    this.id = id;
    this.name = name;
    this.kind = kind;
    this.active = active;
    this.createdAt = createdAt;
    this.version = version;
  }

  public static Organization register(
      OrganizationId id, String name, OrganizationKind kind, Instant at) {
    return new Organization(id, requireName(name), Objects.requireNonNull(kind), true, at, null);
  }

  public void rename(String newName) {
    this.name = requireName(newName);
  }

  public void changeKind(OrganizationKind newKind) {
    this.kind = Objects.requireNonNull(newKind);
  }

  /** A deactivated organization's users and tokens can no longer sign in or call the API. */
  public void deactivate() {
    this.active = false;
  }

  public void reactivate() {
    this.active = true;
  }

  private static String requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("An organization needs a name");
    }
    return name.strip();
  }

  public OrganizationId id() {
    return id;
  }

  public String name() {
    return name;
  }

  public OrganizationKind kind() {
    return kind;
  }

  public boolean active() {
    return active;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Long version() {
    return version;
  }
}
