package org.bridgeway.outcomes.cohort;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.outcomes.OutcomeEventKind;
import org.bridgeway.outcomes.OutcomeRecordsChanged;
import org.bridgeway.outcomes.event.EventMessages;
import org.bridgeway.outcomes.event.EventRules;
import org.bridgeway.outcomes.event.HousingStatus;
import org.bridgeway.outcomes.event.ImportErrors;
import org.bridgeway.outcomes.event.ImportRows;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.supervision.RiskLevel;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a cohort import: reads the ZIP's files, checks every row of every file (with the people of
 * the file and the agency's people already imported), then writes everything in one transaction
 * through PostgreSQL COPY into temporary staging tables and set-based upserts keyed by the agency's
 * references (people by {@code person_ref}, spells by {@code spell_ref}, events by {@code
 * source_ref}, participation by {@code participation_ref}), so that 50,000 people and 500,000
 * events take seconds, not the minutes of row-by-row inserts. A row that exists unchanged is
 * counted "unchanged"; one with other values is updated ("changed").
 */
@Service
public class CohortRunner {

  private static final Logger log = LoggerFactory.getLogger(CohortRunner.class);

  /** A job that failed to finish this many times is marked failed instead of started again. */
  static final int MAX_ATTEMPTS = 3;

  static final int MAX_REPORTED_ERRORS = 1_000;

  static final int PROGRESS_EVERY = 5_000;

  static final Set<String> PEOPLE_COLUMNS =
      Set.of("person_ref", "birth_date", "gender", "race", "ethnicity", "area");
  static final Set<String> SPELL_COLUMNS =
      Set.of(
          "spell_ref",
          "person_ref",
          "kind",
          "start_date",
          "end_date",
          "end_reason",
          "supervision_type",
          "supervision_level",
          "risk_level",
          "instrument_code",
          "risk_score");
  static final Set<String> EVENT_COLUMNS =
      Set.of(
          "source_ref",
          "person_ref",
          "kind",
          "occurred_on",
          "offense_category",
          "housing_status",
          "detail");
  static final Set<String> PARTICIPATION_COLUMNS =
      Set.of(
          "participation_ref",
          "person_ref",
          "program_id",
          "program_name",
          "referred_on",
          "accepted_on",
          "first_session_on",
          "sessions_scheduled",
          "sessions_attended",
          "ended_on",
          "completion");

  static final Set<String> RACES =
      Set.of(
          "AMERICAN_INDIAN_OR_ALASKA_NATIVE",
          "ASIAN",
          "BLACK_OR_AFRICAN_AMERICAN",
          "MIDDLE_EASTERN_OR_NORTH_AFRICAN",
          "NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER",
          "WHITE",
          "OTHER",
          "MULTIRACIAL");
  static final Set<String> ETHNICITIES = Set.of("HISPANIC_OR_LATINO", "NOT_HISPANIC_OR_LATINO");
  static final Set<String> SPELL_KINDS = Set.of("SUPERVISION_START", "RELEASE", "PROGRAM_EXIT");
  static final Set<String> END_REASONS =
      Set.of(
          "COMPLETED",
          "EARLY_DISCHARGE",
          "REVOKED",
          "ABSCONDED",
          "TRANSFERRED",
          "DECEASED",
          "OTHER");
  static final Set<String> COMPLETIONS = Set.of("COMPLETED", "PARTIAL", "NOT_COMPLETED");

  /** The checked rows of all files, as staged for COPY (values in column order). */
  record Staged(
      List<Object[]> people,
      List<Object[]> spells,
      List<Object[]> events,
      List<Object[]> participation,
      Map<String, Integer> rows) {}

  /** Rows written would break a rule only the stored data shows; the transaction is undone. */
  static final class StoredConflicts extends RuntimeException {
    final ImportErrors errors;

    StoredConflicts(ImportErrors errors) {
      super("conflicts with stored records");
      this.errors = errors;
    }
  }

  private final CohortJobStore store;
  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final AuditTrail audit;
  private final ApplicationEventPublisher publisher;
  private final EventMessages messages;
  private final Clock clock;
  private final TransactionTemplate transactions;

  CohortRunner(
      CohortJobStore store,
      JdbcClient jdbc,
      DataSource dataSource,
      AuditTrail audit,
      ApplicationEventPublisher publisher,
      EventMessages messages,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    this.store = store;
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.audit = audit;
    this.publisher = publisher;
    this.messages = messages;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** Runs the import job once; a finished or unknown job is left alone. */
  public void run(UUID id) {
    CohortJobStore.Claimed job = store.claim(id, clock.instant()).orElse(null);
    if (job == null) {
      return;
    }
    if (job.attempts() > MAX_ATTEMPTS) {
      ImportErrors errors = new ImportErrors(1);
      errors.add(null, 0, null, "Failed", messages.error("jobFailed"));
      finish(job, CohortStatus.FAILED, CohortReport.rejected(1, errors.kept()));
      return;
    }
    try {
      Map<String, byte[]> files = unzip(job.payload());
      ImportErrors errors = new ImportErrors(MAX_REPORTED_ERRORS);
      Staged staged = check(job, files, errors);
      if (errors.any()) {
        finish(job, CohortStatus.REJECTED, CohortReport.rejected(errors.count(), errors.kept()));
        return;
      }
      int total = staged.rows().values().stream().mapToInt(Integer::intValue).sum();
      store.progress(job.id(), CohortStatus.WRITING, total, 0);
      CohortReport report;
      try {
        report = transactions.execute(tx -> write(job, staged, total));
      } catch (StoredConflicts conflicts) {
        finish(
            job,
            CohortStatus.REJECTED,
            CohortReport.rejected(conflicts.errors.count(), conflicts.errors.kept()));
        return;
      }
      finish(job, CohortStatus.SUCCEEDED, report);
    } catch (RuntimeException e) {
      log.error("Cohort import {} failed", id, e);
      ImportErrors errors = new ImportErrors(1);
      errors.add(null, 0, null, "Failed", messages.error("jobFailed"));
      finish(job, CohortStatus.FAILED, CohortReport.rejected(1, errors.kept()));
    }
  }

  private void finish(CohortJobStore.Claimed job, CohortStatus status, CohortReport report) {
    store.finish(job.id(), status, report, clock.instant());
    if (status != CohortStatus.SUCCEEDED) {
      audit.record(
          AuditEvent.failure("outcomes.cohort.import")
              .withActor(job.importer())
              .withRecord(CohortImports.RECORD_TYPE, job.id())
              .withDetail("status", status.name())
              .withDetail("errors", Integer.toString(report.errorCount())));
    }
  }

  static Map<String, byte[]> unzip(byte[] zip) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        if (!entry.isDirectory()) {
          String name = CohortImports.entryName(entry.getName());
          if (CohortImports.FILES.contains(name)) {
            files.put(name, in.readAllBytes());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  // ---------------------------------------------------------------- checking

  /** A person as rows of other files are checked against: from people.csv or already stored. */
  private record KnownPerson(LocalDate birthDate) {}

  private Staged check(CohortJobStore.Claimed job, Map<String, byte[]> files, ImportErrors errors) {
    Map<String, List<ImportRows.Row>> rows = new LinkedHashMap<>();
    rows.put(
        CohortImports.PEOPLE,
        read(files, CohortImports.PEOPLE, Set.of("person_ref"), PEOPLE_COLUMNS, errors));
    rows.put(
        CohortImports.SPELLS,
        read(
            files,
            CohortImports.SPELLS,
            Set.of("spell_ref", "person_ref", "kind", "start_date"),
            SPELL_COLUMNS,
            errors));
    rows.put(
        CohortImports.EVENTS,
        read(
            files,
            CohortImports.EVENTS,
            Set.of("source_ref", "person_ref", "kind", "occurred_on"),
            EVENT_COLUMNS,
            errors));
    rows.put(
        CohortImports.PARTICIPATION,
        read(
            files,
            CohortImports.PARTICIPATION,
            Set.of("person_ref", "program_id", "program_name", "referred_on"),
            PARTICIPATION_COLUMNS,
            errors));
    Map<String, Integer> counts = new LinkedHashMap<>();
    rows.forEach((file, list) -> counts.put(file, list.size()));
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    if (rows.get(CohortImports.PEOPLE).isEmpty() && !errors.any()) {
      errors.add(CohortImports.PEOPLE, 0, null, "Empty", messages.error("noRows"));
    }
    if (errors.any()) {
      return new Staged(List.of(), List.of(), List.of(), List.of(), counts);
    }
    store.progress(job.id(), CohortStatus.VALIDATING, total, 0);
    Progress progress = new Progress(job.id(), total);
    LocalDate today = LocalDate.now(clock);
    Map<String, KnownPerson> known = new HashMap<>();
    List<Object[]> people =
        checkPeople(rows.get(CohortImports.PEOPLE), today, known, errors, progress);
    addStoredPeople(job.importer().agency(), rows, known);
    List<Object[]> spells =
        checkSpells(rows.get(CohortImports.SPELLS), today, known, errors, progress);
    List<Object[]> events =
        checkEvents(rows.get(CohortImports.EVENTS), today, known, errors, progress);
    List<Object[]> participation =
        checkParticipation(rows.get(CohortImports.PARTICIPATION), today, known, errors, progress);
    return new Staged(people, spells, events, participation, counts);
  }

  /** Reports progress every few thousand rows, on its own (outside any transaction). */
  private final class Progress {
    private final UUID job;
    private final int total;
    private int done;

    Progress(UUID job, int total) {
      this.job = job;
      this.total = total;
    }

    void row() {
      done++;
      if (done % PROGRESS_EVERY == 0) {
        store.progress(job, CohortStatus.VALIDATING, total, done);
      }
    }
  }

  private List<ImportRows.Row> read(
      Map<String, byte[]> files,
      String file,
      Set<String> required,
      Set<String> known,
      ImportErrors errors) {
    byte[] bytes = files.get(file);
    if (bytes == null) {
      return List.of();
    }
    return ImportRows.read(bytes, file, required, known, errors, messages);
  }

  /** The agency's people already stored whose refs the other files name but people.csv does not. */
  private void addStoredPeople(
      UUID agency, Map<String, List<ImportRows.Row>> rows, Map<String, KnownPerson> known) {
    Set<String> wanted = new HashSet<>();
    for (String file :
        List.of(CohortImports.SPELLS, CohortImports.EVENTS, CohortImports.PARTICIPATION)) {
      for (ImportRows.Row row : rows.get(file)) {
        String ref = row.get("person_ref");
        if (ref != null && !known.containsKey(ref)) {
          wanted.add(ref);
        }
      }
    }
    if (wanted.isEmpty()) {
      return;
    }
    jdbc.sql(
            "SELECT external_ref, birth_date FROM outcomes_person WHERE agency_id = :agency AND"
                + " external_ref = ANY(:refs)")
        .param("agency", agency)
        .param("refs", wanted.toArray(String[]::new))
        .query(
            (rs, n) ->
                known.put(rs.getString(1), new KnownPerson(rs.getObject(2, LocalDate.class))))
        .list();
  }

  private List<Object[]> checkPeople(
      List<ImportRows.Row> rows,
      LocalDate today,
      Map<String, KnownPerson> known,
      ImportErrors errors,
      Progress progress) {
    Cells cells = new Cells(CohortImports.PEOPLE, errors);
    Map<String, Integer> seen = new HashMap<>();
    List<Object[]> staged = new ArrayList<>(rows.size());
    for (ImportRows.Row row : rows) {
      progress.row();
      String ref = cells.text(row, "person_ref", 60, true);
      if (ref != null) {
        Integer first = seen.putIfAbsent(ref, row.number());
        if (first != null) {
          cells.error(row, "person_ref", "Duplicate", messages.error("refRepeated", first));
        }
      }
      LocalDate born = cells.pastDate(row, "birth_date", false, today, null);
      String gender = cells.choice(row, "gender", enumNames(Gender.values()));
      String race = cells.choice(row, "race", RACES);
      String ethnicity = cells.choice(row, "ethnicity", ETHNICITIES);
      String area = cells.text(row, "area", 60, false);
      if (ref != null) {
        known.putIfAbsent(ref, new KnownPerson(born));
      }
      staged.add(new Object[] {row.number(), ref, born, gender, race, ethnicity, area});
    }
    return staged;
  }

  private List<Object[]> checkSpells(
      List<ImportRows.Row> rows,
      LocalDate today,
      Map<String, KnownPerson> known,
      ImportErrors errors,
      Progress progress) {
    Cells cells = new Cells(CohortImports.SPELLS, errors);
    Map<String, Integer> seen = new HashMap<>();
    List<Object[]> staged = new ArrayList<>(rows.size());
    for (ImportRows.Row row : rows) {
      progress.row();
      String ref = cells.text(row, "spell_ref", 100, true);
      KnownPerson person = cells.person(row, known);
      String kind = cells.choice(row, "kind", SPELL_KINDS);
      if (row.get("kind") == null) {
        cells.error(row, "kind", "Required", messages.error("required"));
      }
      if (ref != null && kind != null) {
        Integer first = seen.putIfAbsent(kind + "|" + ref, row.number());
        if (first != null) {
          cells.error(row, "spell_ref", "Duplicate", messages.error("refRepeated", first));
        }
      }
      LocalDate born = person == null ? null : person.birthDate();
      LocalDate start = cells.pastDate(row, "start_date", true, today, born);
      LocalDate end = cells.pastDate(row, "end_date", false, today, born);
      if (start != null && end != null && end.isBefore(start)) {
        cells.error(row, "end_date", "BeforeStart", messages.error("endBeforeStart"));
      }
      String endReason = cells.choice(row, "end_reason", END_REASONS);
      if (endReason != null && row.get("end_date") == null) {
        cells.error(row, "end_date", "Required", messages.error("endReasonWithoutEnd"));
      }
      String type = cells.choice(row, "supervision_type", enumNames(SupervisionType.values()));
      String level = cells.choice(row, "supervision_level", enumNames(SupervisionLevel.values()));
      String risk = cells.choice(row, "risk_level", enumNames(RiskLevel.values()));
      String instrument = cells.text(row, "instrument_code", 200, false);
      BigDecimal score = cells.decimal(row, "risk_score");
      staged.add(
          new Object[] {
            row.number(),
            ref,
            row.get("person_ref"),
            kind,
            start,
            end,
            endReason,
            type,
            level,
            risk,
            instrument,
            score
          });
    }
    return staged;
  }

  private List<Object[]> checkEvents(
      List<ImportRows.Row> rows,
      LocalDate today,
      Map<String, KnownPerson> known,
      ImportErrors errors,
      Progress progress) {
    Cells cells = new Cells(CohortImports.EVENTS, errors);
    Map<String, Integer> refs = new HashMap<>();
    Map<String, Integer> same = new HashMap<>();
    List<Object[]> staged = new ArrayList<>(rows.size());
    for (ImportRows.Row row : rows) {
      progress.row();
      String ref = cells.text(row, "source_ref", 100, true);
      if (ref != null) {
        Integer first = refs.putIfAbsent(ref, row.number());
        if (first != null) {
          cells.error(row, "source_ref", "Duplicate", messages.error("sourceRefRepeated", first));
        }
      }
      KnownPerson person = cells.person(row, known);
      OutcomeEventKind kind = cells.enumOf(row, "kind", OutcomeEventKind.class, true);
      LocalDate on = cells.date(row, "occurred_on", true);
      OffenseCategory offense = cells.enumOf(row, "offense_category", OffenseCategory.class, false);
      HousingStatus housing = cells.enumOf(row, "housing_status", HousingStatus.class, false);
      String detail = row.get("detail");
      boolean typed =
          kind != null
              && on != null
              && (row.get("offense_category") == null || offense != null)
              && (row.get("housing_status") == null || housing != null);
      if (typed) {
        List<FieldViolation> violations =
            EventRules.check(
                kind,
                on,
                offense,
                housing,
                detail,
                person == null ? null : person.birthDate(),
                today,
                EventRules.Fields.IMPORT,
                messages);
        violations.forEach(v -> cells.error(row, v.field(), v.code(), v.message()));
        String key = row.get("person_ref") + "|" + kind + "|" + on + "|" + offense + "|" + housing;
        Integer first = same.putIfAbsent(key, row.number());
        if (first != null && person != null) {
          cells.error(row, "kind", "Duplicate", messages.error("sameInFile", first));
        }
      }
      staged.add(
          new Object[] {
            row.number(), ref, row.get("person_ref"), kind, on, offense, housing, detail
          });
    }
    return staged;
  }

  private List<Object[]> checkParticipation(
      List<ImportRows.Row> rows,
      LocalDate today,
      Map<String, KnownPerson> known,
      ImportErrors errors,
      Progress progress) {
    Cells cells = new Cells(CohortImports.PARTICIPATION, errors);
    Map<String, Integer> refs = new HashMap<>();
    List<Object[]> staged = new ArrayList<>(rows.size());
    for (ImportRows.Row row : rows) {
      progress.row();
      KnownPerson person = cells.person(row, known);
      LocalDate born = person == null ? null : person.birthDate();
      String programId = cells.text(row, "program_id", 40, true);
      String programName = cells.text(row, "program_name", 300, true);
      LocalDate referred = cells.pastDate(row, "referred_on", true, today, born);
      LocalDate accepted = cells.pastDate(row, "accepted_on", false, today, born);
      LocalDate firstSession = cells.pastDate(row, "first_session_on", false, today, born);
      LocalDate ended = cells.pastDate(row, "ended_on", false, today, born);
      for (var later :
          List.of(
              Map.entry("accepted_on", Objects.requireNonNullElse(accepted, LocalDate.MAX)),
              Map.entry(
                  "first_session_on", Objects.requireNonNullElse(firstSession, LocalDate.MAX)),
              Map.entry("ended_on", Objects.requireNonNullElse(ended, LocalDate.MAX)))) {
        if (referred != null && later.getValue().isBefore(referred)) {
          cells.error(row, later.getKey(), "BeforeReferral", messages.error("beforeReferral"));
        }
      }
      Integer scheduled = cells.count(row, "sessions_scheduled");
      Integer attended = cells.count(row, "sessions_attended");
      if (scheduled != null && attended != null && attended > scheduled) {
        cells.error(row, "sessions_attended", "TooMany", messages.error("attendedOverScheduled"));
      }
      String completion = cells.choice(row, "completion", COMPLETIONS);
      if ((row.get("completion") == null) != (row.get("ended_on") == null)) {
        cells.error(
            row,
            row.get("completion") == null ? "completion" : "ended_on",
            "Required",
            messages.error("endedWithCompletion"));
      }
      String ref = cells.text(row, "participation_ref", 100, false);
      if (ref == null && row.get("person_ref") != null && programId != null && referred != null) {
        // Without the sender's reference, a participation is the person's referral to the
        // program on that day.
        ref = row.get("person_ref") + "|" + programId + "|" + referred;
        if (ref.length() > 100) {
          cells.error(row, "participation_ref", "Required", messages.error("participationRef"));
        }
      }
      if (ref != null) {
        Integer first = refs.putIfAbsent(ref, row.number());
        if (first != null) {
          cells.error(row, "participation_ref", "Duplicate", messages.error("refRepeated", first));
        }
      }
      staged.add(
          new Object[] {
            row.number(),
            ref,
            row.get("person_ref"),
            programId,
            programName,
            referred,
            accepted,
            firstSession,
            scheduled == null ? 0 : scheduled,
            attended == null ? 0 : attended,
            ended,
            completion
          });
    }
    return staged;
  }

  private static Set<String> enumNames(Enum<?>[] values) {
    Set<String> names = new HashSet<>();
    for (Enum<?> value : values) {
      names.add(value.name());
    }
    return names;
  }

  /** Typed cells of one file, each error reported with its file, row and column. */
  private final class Cells {
    private final String file;
    private final ImportErrors errors;

    Cells(String file, ImportErrors errors) {
      this.file = file;
      this.errors = errors;
    }

    void error(ImportRows.Row row, String column, String code, String message) {
      errors.add(file, row.number(), column, code, message);
    }

    String text(ImportRows.Row row, String column, int max, boolean required) {
      String value = row.get(column);
      if (value == null) {
        if (required) {
          error(row, column, "Required", messages.error("required"));
        }
        return null;
      }
      if (value.length() > max) {
        error(row, column, "Size", messages.error("tooLong", max));
        return null;
      }
      return value;
    }

    KnownPerson person(ImportRows.Row row, Map<String, KnownPerson> known) {
      String ref = row.get("person_ref");
      if (ref == null) {
        error(row, "person_ref", "Required", messages.error("required"));
        return null;
      }
      KnownPerson person = known.get(ref);
      if (person == null) {
        error(row, "person_ref", "Unknown", messages.error("unknownPersonRef"));
      }
      return person;
    }

    String choice(ImportRows.Row row, String column, Set<String> allowed) {
      String value = row.get(column);
      if (value == null) {
        return null;
      }
      String normalized = value.toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
      if (!allowed.contains(normalized)) {
        error(
            row, column, "Unknown", messages.error("notInList", new java.util.TreeSet<>(allowed)));
        return null;
      }
      return normalized;
    }

    <E extends Enum<E>> E enumOf(
        ImportRows.Row row, String column, Class<E> type, boolean required) {
      String value = row.get(column);
      if (value == null) {
        if (required) {
          error(row, column, "Required", messages.error("required"));
        }
        return null;
      }
      String name = choice(row, column, enumNames(type.getEnumConstants()));
      return name == null ? null : Enum.valueOf(type, name);
    }

    LocalDate date(ImportRows.Row row, String column, boolean required) {
      String value = row.get(column);
      if (value == null) {
        if (required) {
          error(row, column, "Required", messages.error("dateRequired"));
        }
        return null;
      }
      try {
        return LocalDate.parse(value);
      } catch (java.time.format.DateTimeParseException e) {
        error(row, column, "TypeMismatch", messages.error("notADate"));
        return null;
      }
    }

    /** A date that happened: not in the future, not before 1900 or the person's birth. */
    LocalDate pastDate(
        ImportRows.Row row, String column, boolean required, LocalDate today, LocalDate born) {
      LocalDate date = date(row, column, required);
      if (date == null) {
        return null;
      }
      if (date.isAfter(today)) {
        error(row, column, "Future", messages.error("future", today));
        return null;
      }
      if (date.isBefore(EventRules.EARLIEST)) {
        error(row, column, "TooEarly", messages.error("tooEarly", EventRules.EARLIEST));
        return null;
      }
      if (born != null && date.isBefore(born)) {
        error(row, column, "BeforeBirth", messages.error("beforeBirth", born));
        return null;
      }
      return date;
    }

    Integer count(ImportRows.Row row, String column) {
      String value = row.get(column);
      if (value == null) {
        return null;
      }
      try {
        int count = Integer.parseInt(value);
        if (count < 0 || count > 10_000) {
          error(row, column, "Range", messages.error("countRange"));
          return null;
        }
        return count;
      } catch (NumberFormatException e) {
        error(row, column, "TypeMismatch", messages.error("notAWholeNumber"));
        return null;
      }
    }

    BigDecimal decimal(ImportRows.Row row, String column) {
      String value = row.get(column);
      if (value == null) {
        return null;
      }
      try {
        BigDecimal number = new BigDecimal(value).setScale(2, RoundingMode.HALF_UP);
        if (number.abs().compareTo(new BigDecimal("999999.99")) > 0) {
          error(row, column, "Range", messages.error("scoreRange"));
          return null;
        }
        return number;
      } catch (NumberFormatException | ArithmeticException e) {
        error(row, column, "TypeMismatch", messages.error("notANumber"));
        return null;
      }
    }
  }

  // ---------------------------------------------------------------- writing

  private CohortReport write(CohortJobStore.Claimed job, Staged staged, int total) {
    UUID agency = job.importer().agency();
    String by = job.importer().reference();
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      jdbc.sql(
              """
              CREATE TEMP TABLE cohort_person (row_no INT, person_ref VARCHAR(60), birth_date DATE,
                gender VARCHAR(20), race VARCHAR(40), ethnicity VARCHAR(30), area VARCHAR(60))
                ON COMMIT DROP;
              CREATE TEMP TABLE cohort_spell (row_no INT, spell_ref VARCHAR(100),
                person_ref VARCHAR(60), kind VARCHAR(20), start_date DATE, end_date DATE,
                end_reason VARCHAR(30), supervision_type VARCHAR(20), supervision_level VARCHAR(20),
                risk_level VARCHAR(20), instrument_code VARCHAR(200), risk_score NUMERIC(8, 2))
                ON COMMIT DROP;
              CREATE TEMP TABLE cohort_event (row_no INT, source_ref VARCHAR(100),
                person_ref VARCHAR(60), kind VARCHAR(30), occurred_on DATE,
                offense_category VARCHAR(30), housing_status VARCHAR(20), detail VARCHAR(500))
                ON COMMIT DROP;
              CREATE TEMP TABLE cohort_participation (row_no INT, source_ref VARCHAR(100),
                person_ref VARCHAR(60), program_id VARCHAR(40), program_name VARCHAR(300),
                referred_on DATE, accepted_on DATE, first_session_on DATE,
                sessions_scheduled INT, sessions_attended INT, ended_on DATE,
                completion VARCHAR(20)) ON COMMIT DROP
              """)
          .update();
      copy(connection, "cohort_person", staged.people());
      copy(connection, "cohort_spell", staged.spells());
      copy(connection, "cohort_event", staged.events());
      copy(connection, "cohort_participation", staged.participation());
      jdbc.sql("ANALYZE cohort_person; ANALYZE cohort_spell; ANALYZE cohort_event;").update();
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
    Map<String, CohortReport.FileCounts> files = new LinkedHashMap<>();
    int done = 0;
    files.put(CohortImports.PEOPLE, writePeople(agency, staged.people().size()));
    done += staged.people().size();
    progress(job.id(), total, done);
    checkEventConflicts(agency);
    if (!staged.spells().isEmpty()) {
      files.put(CohortImports.SPELLS, writeSpells(agency, staged.spells().size()));
      done += staged.spells().size();
      progress(job.id(), total, done);
    }
    if (!staged.events().isEmpty()) {
      files.put(CohortImports.EVENTS, writeEvents(agency, by, staged.events().size()));
      done += staged.events().size();
      progress(job.id(), total, done);
    }
    if (!staged.participation().isEmpty()) {
      files.put(
          CohortImports.PARTICIPATION, writeParticipation(agency, staged.participation().size()));
    }
    CohortReport report = new CohortReport(true, files, 0, List.of());
    AuditEvent entry =
        AuditEvent.success("outcomes.cohort.import")
            .withActor(job.importer())
            .withRecord(CohortImports.RECORD_TYPE, job.id());
    for (var file : files.entrySet()) {
      String name = file.getKey().replace(".csv", "");
      CohortReport.FileCounts counts = file.getValue();
      entry =
          entry
              .withDetail(name + ".added", Integer.toString(counts.added()))
              .withDetail(name + ".changed", Integer.toString(counts.changed()))
              .withDetail(name + ".unchanged", Integer.toString(counts.unchanged()));
    }
    audit.record(entry);
    if (!report.nothingChanged()) {
      publisher.publishEvent(OutcomeRecordsChanged.wholeAgency(agency));
    }
    return report;
  }

  /** Progress of the writing phase, committed on its own so that the page sees it. */
  private void progress(UUID job, int total, int done) {
    TransactionTemplate own = new TransactionTemplate(transactions.getTransactionManager());
    own.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    own.executeWithoutResult(tx -> store.progress(job, CohortStatus.WRITING, total, done));
  }

  private CohortReport.FileCounts writePeople(UUID agency, int rows) {
    int changed =
        jdbc.sql(
                """
                UPDATE outcomes_person p SET birth_date = s.birth_date, gender = s.gender,
                  race = s.race, ethnicity = s.ethnicity, area = s.area, updated_at = now()
                FROM cohort_person s
                WHERE p.agency_id = :agency AND p.external_ref = s.person_ref
                  AND p.source = 'IMPORTED'
                  AND (p.birth_date, p.gender, p.race, p.ethnicity, p.area) IS DISTINCT FROM
                      (s.birth_date, s.gender, s.race, s.ethnicity, s.area)
                """)
            .param("agency", agency)
            .update();
    int added =
        jdbc.sql(
                """
                INSERT INTO outcomes_person (id, agency_id, source, external_ref, birth_date,
                  gender, race, ethnicity, area, updated_at)
                SELECT gen_random_uuid(), :agency, 'IMPORTED', s.person_ref, s.birth_date,
                  s.gender, s.race, s.ethnicity, s.area, now()
                FROM cohort_person s
                WHERE NOT EXISTS (SELECT 1 FROM outcomes_person p
                  WHERE p.agency_id = :agency AND p.external_ref = s.person_ref)
                """)
            .param("agency", agency)
            .update();
    return new CohortReport.FileCounts(rows, added, changed, rows - added - changed);
  }

  private CohortReport.FileCounts writeSpells(UUID agency, int rows) {
    int changed =
        jdbc.sql(
                """
                UPDATE outcomes_spell t SET person_id = p.id, start_date = s.start_date,
                  end_date = s.end_date, end_reason = s.end_reason,
                  supervision_type = s.supervision_type, supervision_level = s.supervision_level,
                  risk_level = s.risk_level, instrument_code = s.instrument_code,
                  risk_score = s.risk_score, updated_at = now()
                FROM cohort_spell s
                JOIN outcomes_person p ON p.agency_id = :agency AND p.external_ref = s.person_ref
                WHERE t.agency_id = :agency AND t.kind = s.kind AND t.source_ref = s.spell_ref
                  AND t.source = 'IMPORTED'
                  AND (t.person_id, t.start_date, t.end_date, t.end_reason, t.supervision_type,
                       t.supervision_level, t.risk_level, t.instrument_code, t.risk_score)
                      IS DISTINCT FROM
                      (p.id, s.start_date, s.end_date, s.end_reason, s.supervision_type,
                       s.supervision_level, s.risk_level, s.instrument_code, s.risk_score)
                """)
            .param("agency", agency)
            .update();
    int added =
        jdbc.sql(
                """
                INSERT INTO outcomes_spell (id, person_id, agency_id, kind, source, source_ref,
                  start_date, end_date, end_reason, supervision_type, supervision_level,
                  risk_level, instrument_code, risk_score, updated_at)
                SELECT gen_random_uuid(), p.id, :agency, s.kind, 'IMPORTED', s.spell_ref,
                  s.start_date, s.end_date, s.end_reason, s.supervision_type, s.supervision_level,
                  s.risk_level, s.instrument_code, s.risk_score, now()
                FROM cohort_spell s
                JOIN outcomes_person p ON p.agency_id = :agency AND p.external_ref = s.person_ref
                WHERE NOT EXISTS (SELECT 1 FROM outcomes_spell t
                  WHERE t.agency_id = :agency AND t.kind = s.kind AND t.source_ref = s.spell_ref)
                """)
            .param("agency", agency)
            .update();
    return new CohortReport.FileCounts(rows, added, changed, rows - added - changed);
  }

  /**
   * An event of the file that is the same (person, kind, day, offense, housing) as a stored event
   * other than the one its source_ref names is a duplicate; found in the database, since the stored
   * events of a large agency do not belong in memory.
   */
  private void checkEventConflicts(UUID agency) {
    ImportErrors errors = new ImportErrors(MAX_REPORTED_ERRORS);
    jdbc.sql(
            """
            SELECT s.row_no, e.source FROM cohort_event s
            JOIN outcomes_person p ON p.agency_id = :agency AND p.external_ref = s.person_ref
            JOIN outcomes_event e ON e.person_id = p.id AND e.kind = s.kind
              AND e.occurred_on = s.occurred_on
              AND COALESCE(e.offense_category, '') = COALESCE(s.offense_category, '')
              AND COALESCE(e.housing_status, '') = COALESCE(s.housing_status, '')
            WHERE NOT (e.source = 'IMPORTED' AND e.source_ref IS NOT DISTINCT FROM s.source_ref)
            ORDER BY s.row_no
            """)
        .param("agency", agency)
        .query(
            (rs, n) -> {
              errors.add(
                  CohortImports.EVENTS,
                  rs.getInt(1),
                  "kind",
                  "Duplicate",
                  messages.error("alreadyStored", rs.getString(2)));
              return null;
            })
        .list();
    if (errors.any()) {
      throw new StoredConflicts(errors);
    }
  }

  private CohortReport.FileCounts writeEvents(UUID agency, String by, int rows) {
    int changed =
        jdbc.sql(
                """
                UPDATE outcomes_event t SET person_id = p.id, kind = s.kind,
                  occurred_on = s.occurred_on, offense_category = s.offense_category,
                  housing_status = s.housing_status, detail = s.detail, recorded_at = now(),
                  recorded_by = :by
                FROM cohort_event s
                JOIN outcomes_person p ON p.agency_id = :agency AND p.external_ref = s.person_ref
                WHERE t.agency_id = :agency AND t.source = 'IMPORTED' AND t.source_ref = s.source_ref
                  AND (t.person_id, t.kind, t.occurred_on, t.offense_category, t.housing_status,
                       t.detail) IS DISTINCT FROM
                      (p.id, s.kind, s.occurred_on, s.offense_category, s.housing_status, s.detail)
                """)
            .param("agency", agency)
            .param("by", by)
            .update();
    int added =
        jdbc.sql(
                """
                INSERT INTO outcomes_event (id, person_id, agency_id, kind, occurred_on,
                  offense_category, housing_status, detail, source, source_ref, recorded_at,
                  recorded_by)
                SELECT gen_random_uuid(), p.id, :agency, s.kind, s.occurred_on, s.offense_category,
                  s.housing_status, s.detail, 'IMPORTED', s.source_ref, now(), :by
                FROM cohort_event s
                JOIN outcomes_person p ON p.agency_id = :agency AND p.external_ref = s.person_ref
                WHERE NOT EXISTS (SELECT 1 FROM outcomes_event t WHERE t.agency_id = :agency
                  AND t.source = 'IMPORTED' AND t.source_ref = s.source_ref)
                """)
            .param("agency", agency)
            .param("by", by)
            .update();
    return new CohortReport.FileCounts(rows, added, changed, rows - added - changed);
  }

  private CohortReport.FileCounts writeParticipation(UUID agency, int rows) {
    int changed =
        jdbc.sql(
                """
                UPDATE outcomes_participation t SET person_id = p.id, program_id = s.program_id,
                  program_name = s.program_name, referred_on = s.referred_on,
                  accepted_on = s.accepted_on, first_session_on = s.first_session_on,
                  sessions_scheduled = s.sessions_scheduled,
                  sessions_attended = s.sessions_attended, ended_on = s.ended_on,
                  completion = s.completion, updated_at = now()
                FROM cohort_participation s
                JOIN outcomes_person p ON p.agency_id = :agency AND p.external_ref = s.person_ref
                WHERE t.agency_id = :agency AND t.source_ref = s.source_ref
                  AND t.source = 'IMPORTED'
                  AND (t.person_id, t.program_id, t.program_name, t.referred_on, t.accepted_on,
                       t.first_session_on, t.sessions_scheduled, t.sessions_attended, t.ended_on,
                       t.completion) IS DISTINCT FROM
                      (p.id, s.program_id, s.program_name, s.referred_on, s.accepted_on,
                       s.first_session_on, s.sessions_scheduled, s.sessions_attended, s.ended_on,
                       s.completion)
                """)
            .param("agency", agency)
            .update();
    int added =
        jdbc.sql(
                """
                INSERT INTO outcomes_participation (id, person_id, agency_id, source, source_ref,
                  program_id, program_name, referred_on, accepted_on, first_session_on,
                  sessions_scheduled, sessions_attended, ended_on, completion, updated_at)
                SELECT gen_random_uuid(), p.id, :agency, 'IMPORTED', s.source_ref, s.program_id,
                  s.program_name, s.referred_on, s.accepted_on, s.first_session_on,
                  s.sessions_scheduled, s.sessions_attended, s.ended_on, s.completion, now()
                FROM cohort_participation s
                JOIN outcomes_person p ON p.agency_id = :agency AND p.external_ref = s.person_ref
                WHERE NOT EXISTS (SELECT 1 FROM outcomes_participation t
                  WHERE t.agency_id = :agency AND t.source_ref = s.source_ref)
                """)
            .param("agency", agency)
            .update();
    return new CohortReport.FileCounts(rows, added, changed, rows - added - changed);
  }

  /** Copies rows (values in the staging table's column order) with PostgreSQL COPY. */
  private static void copy(Connection connection, String table, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    StringBuilder csv = new StringBuilder(rows.size() * 64);
    for (Object[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          csv.append(',');
        }
        Object value = row[i];
        if (value != null) {
          String text = value instanceof Enum<?> e ? e.name() : value.toString();
          csv.append('"').append(text.replace("\"", "\"\"")).append('"');
        }
      }
      csv.append('\n');
    }
    try {
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "COPY " + table + " FROM STDIN WITH (FORMAT csv)", new StringReader(csv.toString()));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not copy rows into " + table, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
