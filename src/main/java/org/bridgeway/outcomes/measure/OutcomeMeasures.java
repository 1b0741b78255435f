package org.bridgeway.outcomes.measure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.outcomes.measure.Estimates.LogRank;
import org.bridgeway.outcomes.measure.Estimates.Rate;
import org.bridgeway.outcomes.measure.Estimates.Step;
import org.bridgeway.outcomes.measure.MeasureFilter.GroupBy;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outcome measures of a scope and filter, read from the spell facts (never from the raw events)
 * and cached until the facts change. Every figure's definition is written in
 * outcomes-measures.properties (shown on the page) and docs/outcomes.md.
 *
 * <p>The cohort is each person's first spell of the chosen kind starting in the period: a person
 * with two supervision starts in the period counts once, from the first.
 */
@Service
public class OutcomeMeasures {

  /** The most groups a survival chart draws; the table lists every group. */
  static final int MAX_CURVES = 8;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final MeasureCache cache;

  OutcomeMeasures(JdbcClient jdbc, Clock clock, MeasureCache cache) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.cache = cache;
  }

  /** The figures of one group of the cohort (or of the whole cohort, key ALL). */
  public record GroupFigures(
      String key,
      long people,
      Rate recidivism1,
      Rate recidivism2,
      Rate recidivism3,
      Rate employed6,
      Rate employed12,
      Rate housingStable12,
      Rate supervisionSuccess) {}

  /** A group's Kaplan-Meier curve: the probability of no recidivism by day since the start. */
  public record Curve(String key, int people, int events, List<Step> steps) {}

  /** A program's participation figures (or all programs', key ALL). */
  public record ProgramFigures(
      String programId,
      String name,
      long referred,
      Rate completion,
      Rate engagement,
      Double medianDaysToFirstSession) {}

  /** A dashboard: everything a filter shows for a scope, as of a day. */
  public record Dashboard(
      LocalDate asOf,
      MeasureFilter filter,
      MeasureScope scope,
      GroupFigures total,
      List<GroupFigures> groups,
      List<Curve> curves,
      LogRank logRank,
      ProgramFigures programTotal,
      List<ProgramFigures> programs,
      Map<String, Long> revocationsByType) {}

  /** The as-of date of today's figures: the clock's today. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  public Dashboard dashboard(MeasureScope scope, MeasureFilter filter) {
    return dashboard(scope, filter, today());
  }

  /** The dashboard as of a given day (tests and the benchmark pin the day). */
  public Dashboard dashboard(MeasureScope scope, MeasureFilter filter, LocalDate asOf) {
    return cache.get(List.of("dashboard", scope, filter, asOf), () -> compute(scope, filter, asOf));
  }

  @Transactional(readOnly = true)
  Dashboard compute(MeasureScope scope, MeasureFilter filter, LocalDate asOf) {
    Map<String, GroupFigures> figures = groupFigures(scope, filter, asOf);
    GroupFigures total = figures.remove(null);
    if (total == null) {
      Rate none = Estimates.wilson(0, 0);
      total = new GroupFigures("ALL", 0, none, none, none, none, none, none, none);
    }
    List<GroupFigures> groups = new ArrayList<>(figures.values());
    groups.sort(
        Comparator.comparing(GroupFigures::key, Comparator.nullsLast(Comparator.naturalOrder())));
    Survival survival = survival(scope, filter, asOf);
    Map<String, ProgramFigures> programs = programFigures(scope, filter);
    ProgramFigures programTotal = programs.remove(null);
    return new Dashboard(
        asOf,
        filter,
        scope,
        total,
        groups,
        survival.curves(),
        survival.logRank(),
        programTotal,
        List.copyOf(programs.values()),
        revocations(scope, filter));
  }

  /** The cohort: each person's first spell of the kind starting in the period, within scope. */
  private static String cohort(MeasureScope scope, MeasureFilter filter) {
    StringBuilder sql =
        new StringBuilder(
            """
            SELECT DISTINCT ON (f.person_id) f.*
              FROM outcomes_spell_fact f
             WHERE f.kind = :kind AND f.start_date BETWEEN :from AND :to AND f.start_date <= :asOf
               AND\s""");
    sql.append(scope.factCondition());
    if (filter.program() != null) {
      sql.append(" AND f.program_id = :program");
    }
    if (filter.riskLevel() != null) {
      sql.append(" AND f.risk_level = :risk");
    }
    sql.append(" ORDER BY f.person_id, f.start_date, f.spell_id");
    return sql.toString();
  }

  private static JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec spec, MeasureScope scope, MeasureFilter filter, LocalDate asOf) {
    spec =
        spec.param("kind", filter.kind().name())
            .param("from", filter.from())
            .param("to", filter.to())
            .param("asOf", asOf);
    if (scope.agency() != null) {
      spec = spec.param("agency", scope.agency());
    }
    if (scope.provider() != null) {
      spec = spec.param("provider", scope.provider());
    }
    if (scope.team() != null) {
      spec = spec.param("team", scope.team());
    }
    if (filter.program() != null) {
      spec = spec.param("program", filter.program());
    }
    if (filter.riskLevel() != null) {
      spec = spec.param("risk", filter.riskLevel());
    }
    return spec;
  }

  /**
   * Counted for N-year recidivism: start + N years on or before the as-of date, and either still
   * observed then or recidivated before leaving observation.
   */
  private static String followed(int years, String event) {
    String on = "year" + years + "_on";
    return on
        + " <= :asOf AND ("
        + event
        + " <= "
        + on
        + " OR observed_until IS NULL OR observed_until >= "
        + on
        + ")";
  }

  private Map<String, GroupFigures> groupFigures(
      MeasureScope scope, MeasureFilter filter, LocalDate asOf) {
    String event = filter.definition().column;
    String group = filter.groupBy().expression;
    StringBuilder sql = new StringBuilder("WITH cohort AS (" + cohort(scope, filter) + ")\n");
    sql.append("SELECT GROUPING(")
        .append(group)
        .append(") AS total, ")
        .append(group)
        .append(" AS grp, count(*) AS people");
    for (int years = 1; years <= 3; years++) {
      String followed = followed(years, event);
      sql.append(", count(*) FILTER (WHERE ")
          .append(followed)
          .append(") AS followed")
          .append(years);
      sql.append(", count(*) FILTER (WHERE ")
          .append(followed)
          .append(" AND ")
          .append(event)
          .append(" <= year")
          .append(years)
          .append("_on) AS recidivated")
          .append(years);
    }
    sql.append(
        """
        , count(*) FILTER (WHERE month6_on <= :asOf) AS employed6_of
        , count(*) FILTER (WHERE month6_on <= :asOf AND employed_6m) AS employed6
        , count(*) FILTER (WHERE month12_on <= :asOf) AS employed12_of
        , count(*) FILTER (WHERE month12_on <= :asOf AND employed_12m) AS employed12
        , count(*) FILTER (WHERE month12_on <= :asOf AND housing_12m IS NOT NULL) AS housing_of
        , count(*) FILTER (WHERE month12_on <= :asOf AND housing_12m = 'STABLE') AS housing_stable
        , count(*) FILTER (WHERE kind = 'SUPERVISION_START' AND end_date <= :asOf) AS ended
        , count(*) FILTER (WHERE kind = 'SUPERVISION_START' AND end_date <= :asOf
                             AND end_reason IN ('COMPLETED', 'EARLY_DISCHARGE')) AS succeeded
          FROM cohort
        """);
    sql.append(" GROUP BY GROUPING SETS ((), (").append(group).append("))");
    Map<String, GroupFigures> figures = new LinkedHashMap<>();
    bind(jdbc.sql(sql.toString()), scope, filter, asOf)
        .query(
            (rs, row) -> {
              boolean total = rs.getInt("total") == 1;
              String key = total ? null : rs.getString("grp");
              GroupFigures f =
                  new GroupFigures(
                      total ? "ALL" : key == null ? "UNKNOWN" : key,
                      rs.getLong("people"),
                      Estimates.wilson(rs.getLong("recidivated1"), rs.getLong("followed1")),
                      Estimates.wilson(rs.getLong("recidivated2"), rs.getLong("followed2")),
                      Estimates.wilson(rs.getLong("recidivated3"), rs.getLong("followed3")),
                      Estimates.wilson(rs.getLong("employed6"), rs.getLong("employed6_of")),
                      Estimates.wilson(rs.getLong("employed12"), rs.getLong("employed12_of")),
                      Estimates.wilson(rs.getLong("housing_stable"), rs.getLong("housing_of")),
                      Estimates.wilson(rs.getLong("succeeded"), rs.getLong("ended")));
              return Map.entry(total ? "\0ALL" : f.key(), f);
            })
        .list()
        .forEach(e -> figures.put(e.getKey().equals("\0ALL") ? null : e.getKey(), e.getValue()));
    // with no breakdown the only group repeats the total
    if (filter.groupBy() == GroupBy.NONE) {
      figures.keySet().removeIf(k -> k != null);
    }
    return figures;
  }

  private record Survival(List<Curve> curves, LogRank logRank) {}

  /**
   * Kaplan-Meier by group: time from the start to the first recidivism event, censored at the day
   * the person left observation or at the as-of date, whichever is first.
   */
  private Survival survival(MeasureScope scope, MeasureFilter filter, LocalDate asOf) {
    String event = filter.definition().column;
    String sql =
        "WITH cohort AS ("
            + cohort(scope, filter)
            + ")\nSELECT "
            + filter.groupBy().expression
            + " AS grp, CASE WHEN "
            + event
            + " IS NOT NULL AND "
            + event
            + " <= :asOf THEN "
            + event
            + " - start_date ELSE LEAST(COALESCE(observed_until, :asOf), :asOf) - start_date END"
            + " AS days, ("
            + event
            + " IS NOT NULL AND "
            + event
            + " <= :asOf) AS event FROM cohort";
    Map<String, List<long[]>> byGroup = new HashMap<>();
    bind(jdbc.sql(sql), scope, filter, asOf)
        .query(
            rs -> {
              String key = rs.getString("grp");
              byGroup
                  .computeIfAbsent(key == null ? "UNKNOWN" : key, k -> new ArrayList<>())
                  .add(new long[] {rs.getInt("days"), rs.getBoolean("event") ? 1 : 0});
            });
    List<Map.Entry<String, List<long[]>>> largest =
        byGroup.entrySet().stream()
            .sorted(
                Comparator.<Map.Entry<String, List<long[]>>>comparingInt(e -> -e.getValue().size())
                    .thenComparing(Map.Entry::getKey))
            .limit(MAX_CURVES)
            .sorted(Map.Entry.comparingByKey())
            .toList();
    List<Curve> curves = new ArrayList<>();
    List<int[]> allDays = new ArrayList<>();
    List<boolean[]> allEvents = new ArrayList<>();
    for (var group : largest) {
      int n = group.getValue().size();
      int[] days = new int[n];
      boolean[] events = new boolean[n];
      int count = 0;
      for (int i = 0; i < n; i++) {
        days[i] = (int) group.getValue().get(i)[0];
        events[i] = group.getValue().get(i)[1] == 1;
        count += events[i] ? 1 : 0;
      }
      allDays.add(days);
      allEvents.add(events);
      curves.add(new Curve(group.getKey(), n, count, Estimates.kaplanMeier(days, events)));
    }
    LogRank logRank = curves.size() > 1 ? Estimates.logRank(allDays, allEvents) : null;
    return new Survival(curves, logRank);
  }

  /**
   * Participation figures per program for participations referred in the period: completion among
   * those that ended, sessions attended of sessions scheduled, and the median days from referral to
   * first session among those that had one.
   */
  private Map<String, ProgramFigures> programFigures(MeasureScope scope, MeasureFilter filter) {
    StringBuilder sql =
        new StringBuilder(
            """
            SELECT GROUPING(p.program_id) AS total, p.program_id, max(p.program_name) AS name,
                   count(*) AS referred,
                   count(*) FILTER (WHERE p.ended_on IS NOT NULL) AS ended,
                   count(*) FILTER (WHERE p.completion = 'COMPLETED') AS completed,
                   COALESCE(sum(p.sessions_attended), 0) AS attended,
                   COALESCE(sum(p.sessions_scheduled), 0) AS scheduled,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY p.first_session_on - p.referred_on)
                     FILTER (WHERE p.first_session_on IS NOT NULL) AS median_days
              FROM outcomes_participation p
             WHERE p.referred_on BETWEEN :from AND :to
            """);
    if (scope.agency() != null) {
      sql.append(" AND p.agency_id = :agency");
    }
    if (scope.provider() != null) {
      sql.append(" AND p.provider_id = :provider");
    }
    if (scope.team() != null) {
      sql.append(
          " AND p.person_id IN (SELECT s.person_id FROM outcomes_spell s WHERE s.team_id = :team)");
    }
    if (filter.program() != null) {
      sql.append(" AND p.program_id = :program");
    }
    sql.append(" GROUP BY GROUPING SETS ((), (p.program_id)) ORDER BY name NULLS FIRST");
    JdbcClient.StatementSpec spec =
        jdbc.sql(sql.toString()).param("from", filter.from()).param("to", filter.to());
    if (scope.agency() != null) {
      spec = spec.param("agency", scope.agency());
    }
    if (scope.provider() != null) {
      spec = spec.param("provider", scope.provider());
    }
    if (scope.team() != null) {
      spec = spec.param("team", scope.team());
    }
    if (filter.program() != null) {
      spec = spec.param("program", filter.program());
    }
    Map<String, ProgramFigures> programs = new LinkedHashMap<>();
    spec.query(
        rs -> {
          boolean total = rs.getInt("total") == 1;
          double median = rs.getDouble("median_days");
          Double medianDays = rs.wasNull() ? null : median;
          long attended = rs.getLong("attended");
          long scheduled = rs.getLong("scheduled");
          ProgramFigures figures =
              new ProgramFigures(
                  total ? "ALL" : rs.getString("program_id"),
                  total ? null : rs.getString("name"),
                  rs.getLong("referred"),
                  Estimates.wilson(rs.getLong("completed"), rs.getLong("ended")),
                  new Rate(
                      attended,
                      scheduled,
                      scheduled == 0 ? null : (double) attended / scheduled,
                      null,
                      null),
                  medianDays);
          programs.put(total ? null : figures.programId(), figures);
        });
    return programs;
  }

  /**
   * Revocations in the period by type: the offense category of a revocation for a new offense,
   * TECHNICAL for one without (a revocation for violating conditions).
   */
  private Map<String, Long> revocations(MeasureScope scope, MeasureFilter filter) {
    StringBuilder sql =
        new StringBuilder(
            """
            SELECT COALESCE(e.offense_category, 'TECHNICAL') AS type, count(*) AS revocations
              FROM outcomes_event e
             WHERE e.kind = 'REVOCATION' AND e.occurred_on BETWEEN :from AND :to
            """);
    if (scope.agency() != null) {
      sql.append(" AND e.agency_id = :agency");
    }
    if (scope.provider() != null) {
      sql.append(
          " AND e.person_id IN (SELECT f.person_id FROM outcomes_spell_fact f"
              + " WHERE f.provider_id = :provider)");
    }
    if (scope.team() != null) {
      sql.append(
          " AND e.person_id IN (SELECT s.person_id FROM outcomes_spell s WHERE s.team_id = :team)");
    }
    sql.append(" GROUP BY 1 ORDER BY 2 DESC, 1");
    JdbcClient.StatementSpec spec =
        jdbc.sql(sql.toString()).param("from", filter.from()).param("to", filter.to());
    if (scope.agency() != null) {
      spec = spec.param("agency", scope.agency());
    }
    if (scope.provider() != null) {
      spec = spec.param("provider", scope.provider());
    }
    if (scope.team() != null) {
      spec = spec.param("team", scope.team());
    }
    Map<String, Long> byType = new LinkedHashMap<>();
    spec.query(
        (RowCallbackHandler) rs -> byType.put(rs.getString("type"), rs.getLong("revocations")));
    return byType;
  }

  /**
   * The people behind a cohort group, for drill-down: the outcomes person ids (the supervision
   * person ids of platform people). The caller filters them by who the user sees, and audits.
   */
  public List<UUID> peopleOf(
      MeasureScope scope, MeasureFilter filter, String group, LocalDate asOf) {
    String sql =
        "WITH cohort AS ("
            + cohort(scope, filter)
            + ")\nSELECT person_id FROM cohort WHERE "
            + ("UNKNOWN".equals(group)
                ? filter.groupBy().expression + " IS NULL"
                : filter.groupBy().expression + " = :group")
            + " ORDER BY person_id LIMIT 500";
    JdbcClient.StatementSpec spec = bind(jdbc.sql(sql), scope, filter, asOf);
    if (!"UNKNOWN".equals(group)) {
      spec = spec.param("group", group);
    }
    return spec.query(UUID.class).list();
  }
}
