package org.bridgeway.outcomes.event;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.outcomes.OutcomeEventKind;
import org.bridgeway.outcomes.OutcomeRecordsChanged;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.PersonMatches;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports of outcome events from court, police and employment data (CSV, or the same rows as JSON):
 * every row is matched to a person of the caller's agency (by id, by the agency's number, or by
 * name and date of birth through supervision) and checked first; one wrong row rejects the whole
 * file, and the report lists every error by row and column. A row is identified by the sender's
 * {@code source_ref}: sending it again changes nothing ("unchanged"), sending it with other values
 * corrects the stored event ("changed").
 */
@Service
public class OutcomeEventImports {

  public static final String SOURCE = "IMPORTED";

  /** The largest file accepted, and the most rows. */
  public static final long MAX_BYTES = 20L * 1024 * 1024;

  public static final int MAX_ROWS = 200_000;

  static final int MAX_REPORTED_ERRORS = 1_000;

  public static final List<String> COLUMNS =
      List.of(
          "source_ref",
          "person_id",
          "agency_person_number",
          "family_name",
          "given_name",
          "date_of_birth",
          "kind",
          "occurred_on",
          "offense_category",
          "housing_status",
          "detail");

  /**
   * One row of an events import as the JSON API takes it: the CSV's columns, as text.
   *
   * @param personRef for a historical cohort: the person's reference in its people file
   */
  public record EventRow(
      String sourceRef,
      String personId,
      String agencyPersonNumber,
      String familyName,
      String givenName,
      String dateOfBirth,
      String kind,
      String occurredOn,
      String offenseCategory,
      String housingStatus,
      String detail) {

    Map<String, String> values() {
      Map<String, String> values = new HashMap<>();
      put(values, "source_ref", sourceRef);
      put(values, "person_id", personId);
      put(values, "agency_person_number", agencyPersonNumber);
      put(values, "family_name", familyName);
      put(values, "given_name", givenName);
      put(values, "date_of_birth", dateOfBirth);
      put(values, "kind", kind);
      put(values, "occurred_on", occurredOn);
      put(values, "offense_category", offenseCategory);
      put(values, "housing_status", housingStatus);
      put(values, "detail", detail);
      return values;
    }

    private static void put(Map<String, String> values, String column, String value) {
      if (value != null && !value.isBlank()) {
        values.put(column, value.strip());
      }
    }
  }

  /** A checked row, ready to write. */
  record Checked(
      int row,
      String sourceRef,
      UUID person,
      PersonMatches.PlatformPerson toEnsure,
      OutcomeEventKind kind,
      LocalDate occurredOn,
      String offense,
      String housing,
      String detail) {

    String sameKey() {
      return person
          + "|"
          + kind
          + "|"
          + occurredOn
          + "|"
          + Objects.toString(offense, "")
          + "|"
          + Objects.toString(housing, "");
    }
  }

  /** A person reference resolved: the outcomes person, and the platform person to copy first. */
  private record Resolved(
      UUID person, LocalDate birthDate, PersonMatches.PlatformPerson toEnsure) {}

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate named;
  private final PersonMatches matches;
  private final OutcomePeople outcomePeople;
  private final AuditTrail audit;
  private final ApplicationEventPublisher publisher;
  private final EventMessages messages;
  private final Clock clock;
  private final TransactionTemplate transactions;

  OutcomeEventImports(
      JdbcClient jdbc,
      NamedParameterJdbcTemplate named,
      PersonMatches matches,
      OutcomePeople outcomePeople,
      AuditTrail audit,
      ApplicationEventPublisher publisher,
      EventMessages messages,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    this.transactions = new TransactionTemplate(transactionManager);
    this.jdbc = jdbc;
    this.named = named;
    this.matches = matches;
    this.outcomePeople = outcomePeople;
    this.audit = audit;
    this.publisher = publisher;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * Imports a CSV file for the caller's agency.
   *
   * @throws EventImportRejected with an {@link EventImportReport} when anything is wrong; nothing
   *     was written
   */
  public EventImportReport importCsv(BridgewayPrincipal principal, byte[] bytes) {
    ImportErrors errors = new ImportErrors(MAX_REPORTED_ERRORS);
    if (bytes.length > MAX_BYTES) {
      errors.add(null, 0, null, "TooLarge", messages.error("tooLarge", MAX_BYTES / (1024 * 1024)));
      throw rejected(0, errors, true);
    }
    List<ImportRows.Row> rows =
        ImportRows.read(
            bytes,
            null,
            Set.of("source_ref", "kind", "occurred_on"),
            Set.copyOf(COLUMNS),
            errors,
            messages);
    return importRows(principal, rows, errors);
  }

  /** Imports rows sent as JSON for the caller's agency; row numbers count from 1. */
  public EventImportReport importJson(BridgewayPrincipal principal, List<EventRow> sent) {
    ImportErrors errors = new ImportErrors(MAX_REPORTED_ERRORS);
    List<ImportRows.Row> rows = new ArrayList<>();
    int number = 0;
    for (EventRow row : sent) {
      number++;
      rows.add(new ImportRows.Row(number, row == null ? Map.of() : row.values()));
    }
    return importRows(principal, rows, errors);
  }

  private EventImportReport importRows(
      BridgewayPrincipal principal, List<ImportRows.Row> rows, ImportErrors errors) {
    OrganizationId agency = principal.organization();
    if (rows.size() > MAX_ROWS) {
      errors.add(null, 0, null, "TooManyRows", messages.error("tooManyRows", MAX_ROWS));
      throw rejected(rows.size(), errors, true);
    }
    if (rows.isEmpty() && !errors.any()) {
      errors.add(null, 0, null, "Empty", messages.error("noRows"));
    }
    if (errors.any()) {
      throw rejected(rows.size(), errors, false);
    }
    Map<ImportRows.Row, Resolved> people = resolve(agency, rows, errors);
    LocalDate today = LocalDate.now(clock);
    List<Checked> checked = new ArrayList<>();
    Map<String, Integer> refsSeen = new HashMap<>();
    Map<String, Integer> sameSeen = new HashMap<>();
    for (ImportRows.Row row : rows) {
      String sourceRef = row.get("source_ref");
      if (sourceRef == null) {
        errors.add(
            null, row.number(), "source_ref", "Required", messages.error("sourceRefRequired"));
      } else if (sourceRef.length() > 100) {
        errors.add(null, row.number(), "source_ref", "Size", messages.error("tooLong", 100));
      } else {
        Integer first = refsSeen.putIfAbsent(sourceRef, row.number());
        if (first != null) {
          errors.add(
              null,
              row.number(),
              "source_ref",
              "Duplicate",
              messages.error("sourceRefRepeated", first));
        }
      }
      Parsed parsed = parse(row, errors);
      Resolved person = people.get(row);
      List<FieldViolation> violations =
          parsed.complete()
              ? EventRules.check(
                  parsed.kind(),
                  parsed.occurredOn(),
                  parsed.offense(),
                  parsed.housing(),
                  row.get("detail"),
                  person == null ? null : person.birthDate(),
                  today,
                  EventRules.Fields.IMPORT,
                  messages)
              : List.of();
      for (FieldViolation violation : violations) {
        errors.add(null, row.number(), violation.field(), violation.code(), violation.message());
      }
      if (person != null && parsed.complete() && violations.isEmpty() && sourceRef != null) {
        Checked event =
            new Checked(
                row.number(),
                sourceRef,
                person.person(),
                person.toEnsure(),
                parsed.kind(),
                parsed.occurredOn(),
                parsed.offense() == null ? null : parsed.offense().name(),
                parsed.housing() == null ? null : parsed.housing().name(),
                row.get("detail"));
        Integer first = sameSeen.putIfAbsent(event.sameKey(), row.number());
        if (first != null) {
          errors.add(null, row.number(), "kind", "Duplicate", messages.error("sameInFile", first));
        }
        checked.add(event);
      }
    }
    Map<String, EventStore.StoredEvent> stored = storedByRef(agency, refsSeen.keySet());
    Map<String, EventStore.StoredEvent> standing = standingBySameKey(checked);
    List<Checked> toAdd = new ArrayList<>();
    List<Checked> toChange = new ArrayList<>();
    int unchanged = 0;
    for (Checked event : checked) {
      EventStore.StoredEvent previous = stored.get(event.sourceRef());
      EventStore.StoredEvent same = standing.get(event.sameKey());
      if (same != null && (previous == null || !same.id().equals(previous.id()))) {
        errors.add(
            null, event.row(), "kind", "Duplicate", messages.error("alreadyStored", same.source()));
        continue;
      }
      if (previous == null) {
        toAdd.add(event);
      } else if (sameValues(previous, event)) {
        unchanged++;
      } else {
        toChange.add(event);
      }
    }
    if (errors.any()) {
      throw rejected(rows.size(), errors, false);
    }
    int unchangedCount = unchanged;
    // Checked without a transaction, so that a rejection's audit entry stands on its own; written
    // in one, all or nothing.
    return transactions.execute(
        tx -> write(principal, agency, rows.size(), toAdd, toChange, stored, unchangedCount));
  }

  private EventImportReport write(
      BridgewayPrincipal principal,
      OrganizationId agency,
      int rowCount,
      List<Checked> toAdd,
      List<Checked> toChange,
      Map<String, EventStore.StoredEvent> stored,
      int unchanged) {
    Instant now = clock.instant();
    Set<UUID> touched = new LinkedHashSet<>();
    Map<UUID, PersonMatches.PlatformPerson> ensure = new LinkedHashMap<>();
    for (Checked event : toAdd) {
      if (event.toEnsure() != null) {
        ensure.put(event.person(), event.toEnsure());
      }
    }
    for (Checked event : toChange) {
      if (event.toEnsure() != null) {
        ensure.put(event.person(), event.toEnsure());
      }
    }
    ensure.values().forEach(outcomePeople::insert);
    insert(agency, toAdd, principal.reference(), now);
    update(agency, toChange, stored, principal.reference(), now);
    toAdd.forEach(event -> touched.add(event.person()));
    toChange.forEach(event -> touched.add(event.person()));
    for (Checked event : toChange) {
      touched.add(stored.get(event.sourceRef()).person());
    }
    EventImportReport report =
        new EventImportReport(
            true, rowCount, toAdd.size(), toChange.size(), unchanged, touched.size(), 0, List.of());
    audit.record(
        AuditEvent.success("outcomes.events.import")
            .withDetail("rows", Integer.toString(rowCount))
            .withDetail("added", Integer.toString(toAdd.size()))
            .withDetail("changed", Integer.toString(toChange.size()))
            .withDetail("unchanged", Integer.toString(unchanged)));
    if (!touched.isEmpty()) {
      publisher.publishEvent(new OutcomeRecordsChanged(agency.value(), touched));
    }
    return report;
  }

  private record Parsed(
      OutcomeEventKind kind,
      LocalDate occurredOn,
      OffenseCategory offense,
      HousingStatus housing,
      boolean complete) {}

  /** The row's typed values; a value of the wrong form is reported and makes it incomplete. */
  private Parsed parse(ImportRows.Row row, ImportErrors errors) {
    boolean complete = true;
    OutcomeEventKind kind = null;
    String kindText = row.get("kind");
    if (kindText == null) {
      errors.add(null, row.number(), "kind", "Required", messages.error("kindRequired"));
      complete = false;
    } else {
      kind = enumValue(OutcomeEventKind.class, kindText);
      if (kind == null) {
        errors.add(null, row.number(), "kind", "Unknown", messages.error("unknownKind"));
        complete = false;
      }
    }
    LocalDate occurredOn = null;
    String dateText = row.get("occurred_on");
    if (dateText == null) {
      errors.add(null, row.number(), "occurred_on", "Required", messages.error("dateRequired"));
      complete = false;
    } else {
      occurredOn = date(dateText);
      if (occurredOn == null) {
        errors.add(null, row.number(), "occurred_on", "TypeMismatch", messages.error("notADate"));
        complete = false;
      }
    }
    OffenseCategory offense = null;
    if (row.get("offense_category") != null) {
      offense = enumValue(OffenseCategory.class, row.get("offense_category"));
      if (offense == null) {
        errors.add(
            null, row.number(), "offense_category", "Unknown", messages.error("unknownOffense"));
        complete = false;
      }
    }
    HousingStatus housing = null;
    if (row.get("housing_status") != null) {
      housing = enumValue(HousingStatus.class, row.get("housing_status"));
      if (housing == null) {
        errors.add(
            null, row.number(), "housing_status", "Unknown", messages.error("unknownHousing"));
        complete = false;
      }
    }
    return new Parsed(kind, occurredOn, offense, housing, complete);
  }

  /**
   * Matches every row to a person of the agency: by {@code person_id}, else by {@code
   * agency_person_number}, else by name and date of birth. A person of another agency is unknown,
   * as if there were none.
   */
  private Map<ImportRows.Row, Resolved> resolve(
      OrganizationId agency, List<ImportRows.Row> rows, ImportErrors errors) {
    Map<ImportRows.Row, UUID> byId = new HashMap<>();
    Map<ImportRows.Row, String> byNumber = new HashMap<>();
    Map<ImportRows.Row, PersonMatches.NameAndBirth> byName = new HashMap<>();
    for (ImportRows.Row row : rows) {
      if (row.get("person_id") != null) {
        try {
          byId.put(row, UUID.fromString(row.get("person_id")));
        } catch (IllegalArgumentException e) {
          errors.add(null, row.number(), "person_id", "TypeMismatch", messages.error("notAUuid"));
        }
      } else if (row.get("agency_person_number") != null) {
        byNumber.put(row, row.get("agency_person_number"));
      } else if (row.get("family_name") != null
          || row.get("given_name") != null
          || row.get("date_of_birth") != null) {
        boolean complete = true;
        for (String column : List.of("family_name", "given_name", "date_of_birth")) {
          if (row.get(column) == null) {
            errors.add(null, row.number(), column, "Required", messages.error("nameIncomplete"));
            complete = false;
          }
        }
        LocalDate born = row.get("date_of_birth") == null ? null : date(row.get("date_of_birth"));
        if (row.get("date_of_birth") != null && born == null) {
          errors.add(
              null, row.number(), "date_of_birth", "TypeMismatch", messages.error("notADate"));
          complete = false;
        }
        if (complete) {
          byName.put(
              row,
              new PersonMatches.NameAndBirth(row.get("family_name"), row.get("given_name"), born));
        }
      } else {
        errors.add(null, row.number(), "person_id", "Required", messages.error("personRequired"));
      }
    }
    Map<ImportRows.Row, Resolved> resolved = new HashMap<>();
    // By id: the read model's people of the agency (imported or already copied), then supervision.
    Map<UUID, Resolved> known = readModelById(agency, byId.values());
    Set<UUID> missing = new HashSet<>(byId.values());
    missing.removeAll(known.keySet());
    matches
        .ofAgency(agency, missing)
        .forEach(
            (id, platform) ->
                known.put(id.value(), new Resolved(id.value(), platform.dateOfBirth(), platform)));
    byId.forEach(
        (row, id) -> {
          Resolved person = known.get(id);
          if (person == null) {
            errors.add(null, row.number(), "person_id", "Unknown", messages.error("unknownPerson"));
          } else {
            resolved.put(row, person);
          }
        });
    // By the agency's number: the read model's external references, then supervision's AGENCY_ID.
    Map<String, Resolved> numbered = readModelByRef(agency, byNumber.values());
    Set<String> unnumbered = new HashSet<>(byNumber.values());
    unnumbered.removeAll(numbered.keySet());
    Map<String, PersonId> platformNumbers = matches.byAgencyNumber(agency, unnumbered);
    Map<UUID, PersonMatches.PlatformPerson> platformById =
        matches
            .ofAgency(agency, platformNumbers.values().stream().map(PersonId::value).toList())
            .entrySet()
            .stream()
            .collect(
                java.util.stream.Collectors.toMap(e -> e.getKey().value(), Map.Entry::getValue));
    Map<UUID, Resolved> alreadyCopied = readModelById(agency, platformById.keySet());
    byNumber.forEach(
        (row, number) -> {
          Resolved person = numbered.get(number);
          if (person == null && platformNumbers.containsKey(number)) {
            UUID id = platformNumbers.get(number).value();
            person = alreadyCopied.get(id);
            PersonMatches.PlatformPerson platform = platformById.get(id);
            if (person == null && platform != null) {
              person = new Resolved(id, platform.dateOfBirth(), platform);
            }
          }
          if (person == null) {
            errors.add(
                null,
                row.number(),
                "agency_person_number",
                "Unknown",
                messages.error("unknownPerson"));
          } else {
            resolved.put(row, person);
          }
        });
    // By name and date of birth, through supervision: exactly one person must match.
    Map<PersonMatches.NameAndBirth, List<PersonId>> named =
        matches.byNameAndBirth(agency, new HashSet<>(byName.values()));
    Set<UUID> namedIds = new HashSet<>();
    named.values().forEach(ids -> ids.forEach(id -> namedIds.add(id.value())));
    Map<PersonId, PersonMatches.PlatformPerson> namedPlatform = matches.ofAgency(agency, namedIds);
    Map<UUID, Resolved> namedCopied = readModelById(agency, namedIds);
    byName.forEach(
        (row, key) -> {
          List<PersonId> ids = named.getOrDefault(key, List.of());
          if (ids.isEmpty()) {
            errors.add(null, row.number(), "family_name", "Unknown", messages.error("noNameMatch"));
          } else if (ids.size() > 1) {
            errors.add(
                null,
                row.number(),
                "family_name",
                "Ambiguous",
                messages.error("ambiguous", ids.size()));
          } else {
            UUID id = ids.getFirst().value();
            Resolved person = namedCopied.get(id);
            if (person == null) {
              PersonMatches.PlatformPerson platform = namedPlatform.get(ids.getFirst());
              person = new Resolved(id, platform.dateOfBirth(), platform);
            }
            resolved.put(row, person);
          }
        });
    return resolved;
  }

  private Map<UUID, Resolved> readModelById(OrganizationId agency, Collection<UUID> ids) {
    Map<UUID, Resolved> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    jdbc.sql(
            "SELECT id, birth_date FROM outcomes_person WHERE agency_id = :agency AND id = ANY(:ids)")
        .param("agency", agency.value())
        .param("ids", ids.stream().distinct().toArray(UUID[]::new))
        .query(
            (rs, n) -> {
              UUID id = rs.getObject(1, UUID.class);
              return found.put(id, new Resolved(id, rs.getObject(2, LocalDate.class), null));
            })
        .list();
    return found;
  }

  private Map<String, Resolved> readModelByRef(OrganizationId agency, Collection<String> refs) {
    Map<String, Resolved> found = new HashMap<>();
    if (refs.isEmpty()) {
      return found;
    }
    jdbc.sql(
            "SELECT external_ref, id, birth_date FROM outcomes_person"
                + " WHERE agency_id = :agency AND external_ref = ANY(:refs)")
        .param("agency", agency.value())
        .param("refs", refs.stream().distinct().toArray(String[]::new))
        .query(
            (rs, n) ->
                found.put(
                    rs.getString(1),
                    new Resolved(
                        rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class), null)))
        .list();
    return found;
  }

  /** The agency's imported events with these source references. */
  private Map<String, EventStore.StoredEvent> storedByRef(
      OrganizationId agency, Collection<String> refs) {
    Map<String, EventStore.StoredEvent> found = new HashMap<>();
    if (refs.isEmpty()) {
      return found;
    }
    jdbc.sql(
            "SELECT id, person_id, agency_id, kind, occurred_on, offense_category, housing_status,"
                + " detail, source, source_ref, recorded_at, recorded_by FROM outcomes_event"
                + " WHERE agency_id = :agency AND source = 'IMPORTED' AND source_ref = ANY(:refs)")
        .param("agency", agency.value())
        .param("refs", refs.toArray(String[]::new))
        .query(EventStore::read)
        .list()
        .forEach(event -> found.put(event.sourceRef(), event));
    return found;
  }

  /** The standing events that have the same person, kind, day, offense and housing as a row. */
  private Map<String, EventStore.StoredEvent> standingBySameKey(List<Checked> checked) {
    Map<String, EventStore.StoredEvent> found = new HashMap<>();
    if (checked.isEmpty()) {
      return found;
    }
    Set<String> wanted = new HashSet<>();
    checked.forEach(event -> wanted.add(event.sameKey()));
    jdbc.sql(
            "SELECT id, person_id, agency_id, kind, occurred_on, offense_category, housing_status,"
                + " detail, source, source_ref, recorded_at, recorded_by FROM outcomes_event"
                + " WHERE person_id = ANY(:people)")
        .param("people", checked.stream().map(Checked::person).distinct().toArray(UUID[]::new))
        .query(EventStore::read)
        .list()
        .forEach(
            event -> {
              String key =
                  event.person()
                      + "|"
                      + event.kind()
                      + "|"
                      + event.occurredOn()
                      + "|"
                      + Objects.toString(event.offenseCategory(), "")
                      + "|"
                      + Objects.toString(event.housingStatus(), "");
              if (wanted.contains(key)) {
                found.put(key, event);
              }
            });
    return found;
  }

  private static boolean sameValues(EventStore.StoredEvent stored, Checked event) {
    return stored.person().equals(event.person())
        && stored.kind() == event.kind()
        && stored.occurredOn().equals(event.occurredOn())
        && Objects.equals(stored.offenseCategory(), event.offense())
        && Objects.equals(stored.housingStatus(), event.housing())
        && Objects.equals(stored.detail(), event.detail());
  }

  private void insert(OrganizationId agency, List<Checked> events, String by, Instant at) {
    if (events.isEmpty()) {
      return;
    }
    MapSqlParameterSource[] batch = new MapSqlParameterSource[events.size()];
    for (int i = 0; i < events.size(); i++) {
      Checked event = events.get(i);
      batch[i] =
          new MapSqlParameterSource()
              .addValue("id", UUID.randomUUID())
              .addValue("person", event.person())
              .addValue("agency", agency.value())
              .addValue("kind", event.kind().name())
              .addValue("on", event.occurredOn())
              .addValue("offense", event.offense(), Types.VARCHAR)
              .addValue("housing", event.housing(), Types.VARCHAR)
              .addValue("detail", event.detail(), Types.VARCHAR)
              .addValue("ref", event.sourceRef())
              .addValue("at", Timestamp.from(at))
              .addValue("by", by);
    }
    named.batchUpdate(
        "INSERT INTO outcomes_event (id, person_id, agency_id, kind, occurred_on,"
            + " offense_category, housing_status, detail, source, source_ref, recorded_at,"
            + " recorded_by) VALUES (:id, :person, :agency, :kind, :on, :offense, :housing,"
            + " :detail, 'IMPORTED', :ref, :at, :by)",
        batch);
  }

  private void update(
      OrganizationId agency,
      List<Checked> events,
      Map<String, EventStore.StoredEvent> stored,
      String by,
      Instant at) {
    if (events.isEmpty()) {
      return;
    }
    MapSqlParameterSource[] batch = new MapSqlParameterSource[events.size()];
    for (int i = 0; i < events.size(); i++) {
      Checked event = events.get(i);
      batch[i] =
          new MapSqlParameterSource()
              .addValue("id", stored.get(event.sourceRef()).id())
              .addValue("person", event.person())
              .addValue("kind", event.kind().name())
              .addValue("on", event.occurredOn())
              .addValue("offense", event.offense(), Types.VARCHAR)
              .addValue("housing", event.housing(), Types.VARCHAR)
              .addValue("detail", event.detail(), Types.VARCHAR)
              .addValue("at", Timestamp.from(at))
              .addValue("by", by);
    }
    named.batchUpdate(
        "UPDATE outcomes_event SET person_id = :person, kind = :kind, occurred_on = :on,"
            + " offense_category = :offense, housing_status = :housing, detail = :detail,"
            + " recorded_at = :at, recorded_by = :by WHERE id = :id",
        batch);
  }

  private EventImportRejected rejected(int rows, ImportErrors errors, boolean tooLarge) {
    audit.record(
        AuditEvent.failure("outcomes.events.import")
            .withDetail("rows", Integer.toString(rows))
            .withDetail("errors", Integer.toString(errors.count())));
    return new EventImportRejected(
        EventImportReport.rejected(rows, errors.count(), errors.kept()), tooLarge);
  }

  static <E extends Enum<E>> E enumValue(Class<E> type, String text) {
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
