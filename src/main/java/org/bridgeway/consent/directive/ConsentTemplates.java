package org.bridgeway.consent.directive;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.consent.ConsentInputRejected;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.program.NetworkOrganizations;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * An agency's templates for its common consents: terms a new directive starts from (fields the
 * directive leaves empty come from the template). Read by the agency's staff, kept by its
 * administrators; another organization's template does not exist for the caller (404).
 */
@Service
public class ConsentTemplates {

  /** A template of an agency. */
  public record Template(
      TemplateId id,
      OrganizationId organization,
      String name,
      DirectiveTerms terms,
      long version) {}

  /** The terms as stored: plain values, so the JSON does not depend on the Java types. */
  record StoredTerms(
      String kind,
      String discloserClass,
      List<UUID> disclosers,
      boolean allCategories,
      List<String> categories,
      String recipientClass,
      List<UUID> recipientOrganizations,
      List<UUID> recipientUsers,
      List<String> purposes,
      LocalDate expiresOn,
      String expiryEvent,
      LocalDate irrevocableUntil,
      String irrevocableUntilEvent,
      String revocationInstructions) {}

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final NetworkOrganizations organizations;
  private final StaffDirectory staff;
  private final AuditTrail audit;
  private final Clock clock;

  ConsentTemplates(
      JdbcClient jdbc,
      JsonMapper json,
      NetworkOrganizations organizations,
      StaffDirectory staff,
      AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.organizations = organizations;
    this.staff = staff;
    this.audit = audit;
    this.clock = clock;
  }

  /** The caller's agency's templates, by name. */
  @Transactional(readOnly = true)
  public List<Template> templatesOf(BridgewayPrincipal principal) {
    return jdbc.sql(
            "SELECT id, organization_id, name, terms, version FROM consent_template"
                + " WHERE organization_id = :organization ORDER BY lower(name), id")
        .param("organization", principal.organization().value())
        .query(this::map)
        .list();
  }

  /**
   * One template of the caller's agency.
   *
   * @throws NotFoundException if there is none with that id in the caller's agency
   */
  @Transactional(readOnly = true)
  public Template template(BridgewayPrincipal principal, TemplateId id) {
    return find(id)
        .filter(t -> t.organization().equals(principal.organization()))
        .orElseThrow(() -> new NotFoundException("consent template"));
  }

  Optional<Template> find(TemplateId id) {
    return jdbc.sql(
            "SELECT id, organization_id, name, terms, version FROM consent_template WHERE id = :id")
        .param("id", id.value())
        .query(this::map)
        .optional();
  }

  /**
   * Creates a template of the caller's agency.
   *
   * @throws ConsentInputRejected if the name is missing or a named organization or user is unknown
   */
  @Transactional
  public Template create(BridgewayPrincipal principal, String name, DirectiveTerms terms) {
    String checkedName = check(name, terms);
    TemplateId id = TemplateId.random();
    jdbc.sql(
            """
            INSERT INTO consent_template (id, organization_id, name, terms, created_by, created_at,
              version)
            VALUES (:id, :organization, :name, CAST(:terms AS jsonb), :by, :at, 0)
            """)
        .param("id", id.value())
        .param("organization", principal.organization().value())
        .param("name", checkedName)
        .param("terms", json.writeValueAsString(stored(terms)))
        .param("by", principal.reference())
        .param("at", Timestamp.from(clock.instant()))
        .update();
    audit.record(
        AuditEvent.success("consent.template.create").withRecord("consent-template", id.value()));
    return find(id).orElseThrow();
  }

  /**
   * Changes a template of the caller's agency.
   *
   * @throws NotFoundException if there is none with that id in the caller's agency
   * @throws OptimisticLockingFailureException if the version is stale
   */
  @Transactional
  public Template update(
      BridgewayPrincipal principal,
      TemplateId id,
      String name,
      DirectiveTerms terms,
      long version) {
    template(principal, id);
    String checkedName = check(name, terms);
    int updated =
        jdbc.sql(
                """
                UPDATE consent_template SET name = :name, terms = CAST(:terms AS jsonb),
                  version = version + 1
                WHERE id = :id AND version = :version
                """)
            .param("name", checkedName)
            .param("terms", json.writeValueAsString(stored(terms)))
            .param("id", id.value())
            .param("version", version)
            .update();
    if (updated != 1) {
      throw new OptimisticLockingFailureException(
          "The consent template was changed by someone else; reload it and try again.");
    }
    audit.record(
        AuditEvent.success("consent.template.update").withRecord("consent-template", id.value()));
    return find(id).orElseThrow();
  }

  /**
   * Deletes a template; directives that started from it keep their terms.
   *
   * @throws NotFoundException if there is none with that id in the caller's agency
   */
  @Transactional
  public void delete(BridgewayPrincipal principal, TemplateId id) {
    template(principal, id);
    jdbc.sql("DELETE FROM consent_template WHERE id = :id").param("id", id.value()).update();
    audit.record(
        AuditEvent.success("consent.template.delete").withRecord("consent-template", id.value()));
  }

  private String check(String name, DirectiveTerms terms) {
    List<FieldViolation> rejected = new ArrayList<>();
    String text = name == null ? "" : name.strip();
    if (text.isEmpty()) {
      rejected.add(new FieldViolation("name", "NotBlank", "is required"));
    } else if (text.length() > ConsentDirectiveRecords.MAX_NAME) {
      rejected.add(
          new FieldViolation(
              "name", "Size", "has at most " + ConsentDirectiveRecords.MAX_NAME + " characters"));
    }
    if (terms == null) {
      rejected.add(new FieldViolation("terms", "NotNull", "is required"));
    } else {
      new NameCheck(organizations, staff).check(terms, rejected);
      if (terms.revocationInstructions() != null
          && terms.revocationInstructions().length() > DirectiveTerms.MAX_TEXT) {
        rejected.add(
            new FieldViolation(
                "revocationInstructions",
                "Size",
                "has at most " + DirectiveTerms.MAX_TEXT + " characters"));
      }
    }
    if (!rejected.isEmpty()) {
      throw new ConsentInputRejected(rejected);
    }
    return text;
  }

  private static StoredTerms stored(DirectiveTerms terms) {
    return new StoredTerms(
        name(terms.kind()),
        name(terms.discloserClass()),
        terms.disclosers().stream().map(OrganizationId::value).sorted().toList(),
        terms.allCategories(),
        terms.categories().stream().map(Enum::name).sorted().toList(),
        name(terms.recipientClass()),
        terms.recipientOrganizations().stream().map(OrganizationId::value).sorted().toList(),
        terms.recipientUsers().stream().map(UserId::value).sorted().toList(),
        terms.purposes().stream().map(Enum::name).sorted().toList(),
        terms.expiresOn(),
        name(terms.expiryEvent()),
        terms.irrevocableUntil(),
        name(terms.irrevocableUntilEvent()),
        terms.revocationInstructions());
  }

  private Template map(ResultSet rs, int row) throws SQLException {
    StoredTerms stored = json.readValue(rs.getString("terms"), StoredTerms.class);
    DirectiveTerms terms =
        new DirectiveTerms(
            value(DirectiveKind.class, stored.kind()),
            value(DiscloserClass.class, stored.discloserClass()),
            wrap(stored.disclosers(), OrganizationId::new),
            stored.allCategories(),
            enums(stored.categories(), InformationCategory.class),
            value(RecipientClass.class, stored.recipientClass()),
            wrap(stored.recipientOrganizations(), OrganizationId::new),
            wrap(stored.recipientUsers(), UserId::new),
            enums(stored.purposes(), DisclosurePurpose.class),
            stored.expiresOn(),
            value(ExpiryEvent.class, stored.expiryEvent()),
            stored.irrevocableUntil(),
            value(ExpiryEvent.class, stored.irrevocableUntilEvent()),
            stored.revocationInstructions());
    return new Template(
        new TemplateId(rs.getObject("id", UUID.class)),
        new OrganizationId(rs.getObject("organization_id", UUID.class)),
        rs.getString("name"),
        terms,
        rs.getLong("version"));
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  private static <E extends Enum<E>> E value(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }

  private static <T> Set<T> wrap(List<UUID> ids, Function<UUID, T> wrap) {
    return ids == null ? Set.of() : ids.stream().map(wrap).collect(Collectors.toSet());
  }

  private static <E extends Enum<E>> Set<E> enums(List<String> names, Class<E> type) {
    return names == null
        ? Set.of()
        : names.stream().map(n -> Enum.valueOf(type, n)).collect(Collectors.toSet());
  }
}
