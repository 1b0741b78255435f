package org.bridgeway.consent.directive;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bridgeway.consent.ConsentDirectiveId;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.Identifier;
import org.bridgeway.supervision.PersonId;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All consent directives, stored one row each with their sets as arrays, so that the directives of
 * a page's people come back in one indexed query.
 */
@Repository
public class Directives {

  /** A paper form's scan. */
  public record Scan(String contentType, byte[] content) {}

  private static final String COLUMNS =
      """
      id, person_id, organization_id, kind, discloser_class, discloser_ids, all_categories,
      categories, recipient_class, recipient_organization_ids, recipient_user_ids, purposes,
      expires_on, expiry_event, irrevocable_until, irrevocable_until_event,
      revocation_instructions, signed_on, signature_method, typed_name, attested_by, language,
      template_id, recorded_by, recorded_at, revoked_at, revoked_by, revocation_method,
      superseded_by, superseded_at, version
      """;

  private final JdbcClient jdbc;

  Directives(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(ConsentDirective directive) {
    DirectiveTerms terms = directive.terms();
    Signature signature = directive.signature();
    jdbc.sql(
            """
            INSERT INTO consent_directive (id, person_id, organization_id, kind, discloser_class,
              discloser_ids, all_categories, categories, recipient_class,
              recipient_organization_ids, recipient_user_ids, purposes, expires_on, expiry_event,
              irrevocable_until, irrevocable_until_event, revocation_instructions, signed_on,
              signature_method, typed_name, attested_by, language, template_id, recorded_by,
              recorded_at, version)
            VALUES (:id, :person, :organization, :kind, :discloserClass,
              CAST(:disclosers AS uuid[]), :allCategories, CAST(:categories AS varchar[]),
              :recipientClass, CAST(:recipientOrganizations AS uuid[]),
              CAST(:recipientUsers AS uuid[]), CAST(:purposes AS varchar[]), :expiresOn,
              :expiryEvent, :irrevocableUntil, :irrevocableUntilEvent, :revocationInstructions,
              :signedOn, :signatureMethod, :typedName, :attestedBy, :language, :template,
              :recordedBy, :recordedAt, 0)
            """)
        .param("id", directive.id().value())
        .param("person", directive.person().value())
        .param("organization", directive.organization().value())
        .param("kind", terms.kind().name())
        .param("discloserClass", name(terms.discloserClass()))
        .param("disclosers", ids(terms.disclosers()))
        .param("allCategories", terms.allCategories())
        .param("categories", names(terms.categories()))
        .param("recipientClass", name(terms.recipientClass()))
        .param("recipientOrganizations", ids(terms.recipientOrganizations()))
        .param("recipientUsers", ids(terms.recipientUsers()))
        .param("purposes", names(terms.purposes()))
        .param("expiresOn", terms.expiresOn())
        .param("expiryEvent", name(terms.expiryEvent()))
        .param("irrevocableUntil", terms.irrevocableUntil())
        .param("irrevocableUntilEvent", name(terms.irrevocableUntilEvent()))
        .param("revocationInstructions", terms.revocationInstructions())
        .param("signedOn", signature.signedOn())
        .param("signatureMethod", signature.method().name())
        .param("typedName", signature.typedName())
        .param("attestedBy", signature.attestedBy())
        .param("language", signature.language().code())
        .param("template", directive.template() == null ? null : directive.template().value())
        .param("recordedBy", directive.recordedBy())
        .param("recordedAt", Timestamp.from(directive.recordedAt()))
        .update();
  }

  /**
   * Writes what can change on a directive (revocation, amendment) if nobody changed it since it was
   * read.
   *
   * @throws OptimisticLockingFailureException if the stored version is not the directive's
   */
  public void update(ConsentDirective directive) {
    int updated =
        jdbc.sql(
                """
                UPDATE consent_directive SET revoked_at = :revokedAt, revoked_by = :revokedBy,
                  revocation_method = :method, superseded_by = :supersededBy,
                  superseded_at = :supersededAt, version = version + 1
                WHERE id = :id AND version = :version
                """)
            .param("revokedAt", timestamp(directive.revokedAt()))
            .param("revokedBy", directive.revokedBy())
            .param("method", name(directive.revocationMethod()))
            .param(
                "supersededBy",
                directive.supersededBy() == null ? null : directive.supersededBy().value())
            .param("supersededAt", timestamp(directive.supersededAt()))
            .param("id", directive.id().value())
            .param("version", directive.version())
            .update();
    if (updated != 1) {
      throw new OptimisticLockingFailureException(
          "The consent directive was changed by someone else; reload it and try again.");
    }
  }

  public Optional<ConsentDirective> findById(ConsentDirectiveId id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM consent_directive WHERE id = :id")
        .param("id", id.value())
        .query(Directives::map)
        .optional();
  }

  /** A person's directives, newest signature first. */
  public List<ConsentDirective> ofPerson(PersonId person) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM consent_directive WHERE person_id = :person"
                + " ORDER BY signed_on DESC, recorded_at DESC, id")
        .param("person", person.value())
        .query(Directives::map)
        .list();
  }

  /** The directives of all the given people, in one query. */
  public List<ConsentDirective> ofPeople(Collection<PersonId> people) {
    if (people.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM consent_directive WHERE person_id = ANY(CAST(:people AS uuid[]))")
        .param("people", ids(people))
        .query(Directives::map)
        .list();
  }

  public void saveScan(ConsentDirectiveId id, Scan scan, Instant at) {
    jdbc.sql(
            """
            INSERT INTO consent_directive_scan (directive_id, content_type, content, uploaded_at)
            VALUES (:id, :type, :content, :at)
            """)
        .param("id", id.value())
        .param("type", scan.contentType())
        .param("content", scan.content())
        .param("at", Timestamp.from(at))
        .update();
  }

  public Optional<Scan> scanOf(ConsentDirectiveId id) {
    return jdbc.sql(
            "SELECT content_type, content FROM consent_directive_scan WHERE directive_id = :id")
        .param("id", id.value())
        .query((rs, n) -> new Scan(rs.getString(1), rs.getBytes(2)))
        .optional();
  }

  static ConsentDirective map(ResultSet rs, int row) throws SQLException {
    DirectiveTerms terms =
        new DirectiveTerms(
            DirectiveKind.valueOf(rs.getString("kind")),
            value(DiscloserClass.class, rs.getString("discloser_class")),
            uuids(rs.getArray("discloser_ids"), OrganizationId::new),
            rs.getBoolean("all_categories"),
            enums(rs.getArray("categories"), InformationCategory.class),
            value(RecipientClass.class, rs.getString("recipient_class")),
            uuids(rs.getArray("recipient_organization_ids"), OrganizationId::new),
            uuids(rs.getArray("recipient_user_ids"), UserId::new),
            enums(rs.getArray("purposes"), DisclosurePurpose.class),
            rs.getObject("expires_on", LocalDate.class),
            value(ExpiryEvent.class, rs.getString("expiry_event")),
            rs.getObject("irrevocable_until", LocalDate.class),
            value(ExpiryEvent.class, rs.getString("irrevocable_until_event")),
            rs.getString("revocation_instructions"));
    Signature signature =
        new Signature(
            rs.getObject("signed_on", LocalDate.class),
            SignatureMethod.valueOf(rs.getString("signature_method")),
            rs.getString("typed_name"),
            rs.getString("attested_by"),
            FormLanguage.ofCode(rs.getString("language")));
    UUID template = rs.getObject("template_id", UUID.class);
    UUID supersededBy = rs.getObject("superseded_by", UUID.class);
    return new ConsentDirective(
        new ConsentDirectiveId(rs.getObject("id", UUID.class)),
        new PersonId(rs.getObject("person_id", UUID.class)),
        new OrganizationId(rs.getObject("organization_id", UUID.class)),
        terms,
        signature,
        template == null ? null : new TemplateId(template),
        rs.getString("recorded_by"),
        instant(rs.getTimestamp("recorded_at")),
        instant(rs.getTimestamp("revoked_at")),
        rs.getString("revoked_by"),
        value(RevocationMethod.class, rs.getString("revocation_method")),
        supersededBy == null ? null : new ConsentDirectiveId(supersededBy),
        instant(rs.getTimestamp("superseded_at")),
        rs.getLong("version"));
  }

  /** A PostgreSQL array literal of ids; ids and enum names need no quoting. */
  static String ids(Collection<? extends Identifier> ids) {
    return ids.stream().map(id -> id.value().toString()).collect(Collectors.joining(",", "{", "}"));
  }

  static String names(Collection<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).sorted().collect(Collectors.joining(",", "{", "}"));
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  private static <E extends Enum<E>> E value(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }

  private static <T> Set<T> uuids(Array array, Function<UUID, T> wrap) throws SQLException {
    Object[] values = (Object[]) array.getArray();
    Set<T> result = new LinkedHashSet<>();
    for (Object value : values) {
      result.add(wrap.apply((UUID) value));
    }
    return result;
  }

  private static <E extends Enum<E>> Set<E> enums(Array array, Class<E> type) throws SQLException {
    Set<E> result = EnumSet.noneOf(type);
    Arrays.stream((Object[]) array.getArray())
        .forEach(value -> result.add(Enum.valueOf(type, (String) value)));
    return result;
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
