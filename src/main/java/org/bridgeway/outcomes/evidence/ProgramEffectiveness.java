package org.bridgeway.outcomes.evidence;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bridgeway.identity.NetworkOrganizations;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.outcomes.evidence.Estimates.Estimate;
import org.bridgeway.outcomes.evidence.FollowedSpells.FollowedSpell;
import org.bridgeway.outcomes.evidence.Matching.Unit;
import org.bridgeway.outcomes.evidence.Matching.Weighted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Program effectiveness: the outcome of a program's participants against matched people of the same
 * agencies who never took part (ADR 0028). Observational evidence, with its caveats shown.
 */
@Service
public class ProgramEffectiveness {

  /** The spell kinds a person's follow-up starts from here: not program exits (the program). */
  static final List<String> START_KINDS = List.of("SUPERVISION_START", "RELEASE");

  /** The covariates matched on, in the order the balance table shows them. */
  public static final List<String> COVARIATES =
      List.of("RISK_LEVEL", "NEED_DOMAIN", "AGE_BAND", "GENDER", "SUPERVISION_TYPE", "START_YEAR");

  /** |SMD| above this marks a covariate value as imbalanced (Austin 2009). */
  public static final double IMBALANCE = 0.1;

  public enum Method {
    COARSENED_EXACT,
    PROPENSITY_SCORE
  }

  /**
   * What to compare.
   *
   * @param from first spell start day; null for {@link Periods#MAX_YEARS} years before {@code to}
   * @param to last spell start day; null for the as-of day
   * @param caliper for propensity-score matching, in standard deviations of the logit; null 0.2
   */
  public record Request(
      String program,
      OutcomeDefinition outcome,
      Integer years,
      Method method,
      Double caliper,
      LocalDate from,
      LocalDate to) {}

  /** A program of the scope that has participants, for the form. */
  /**
   * A program that can be compared.
   *
   * @param provider the name of the organization providing it, when another program of the list has
   *     the same name (several providers run "Anger Management"); null otherwise
   */
  public record Program(String id, String name, String provider, long participants) {}

  /** A rate with its counts; {@code estimate} is null for a group too small to compare. */
  public record Rate(double people, double withOutcome, Estimate estimate) {}

  /**
   * One covariate value in the balance table: its share among participants and comparison people
   * before matching and after (weighted), and the standardized mean differences.
   */
  public record BalanceRow(
      String covariate,
      String value,
      double participantShareBefore,
      double comparisonShareBefore,
      Double smdBefore,
      double participantShareAfter,
      double comparisonShareAfter,
      Double smdAfter,
      boolean imbalancedBefore,
      boolean imbalancedAfter) {}

  /** The comparison. {@code difference} is participants minus comparison; null when too few. */
  public record Result(
      String program,
      String programName,
      OutcomeDefinition outcome,
      int years,
      Method method,
      Double caliper,
      LocalDate from,
      LocalDate to,
      LocalDate asOf,
      long participants,
      long comparisonPool,
      long matchedParticipants,
      long matchedComparison,
      long unmatchedParticipants,
      List<BalanceRow> balance,
      Rate participantRate,
      Rate comparisonRate,
      Estimate difference,
      boolean tooFew,
      boolean costAvailable) {}

  private final FollowedSpells spells;
  private final JdbcClient jdbc;
  private final NetworkOrganizations organizations;
  private final Clock clock;

  ProgramEffectiveness(
      FollowedSpells spells, JdbcClient jdbc, NetworkOrganizations organizations, Clock clock) {
    this.spells = spells;
    this.jdbc = jdbc;
    this.organizations = organizations;
    this.clock = clock;
  }

  /** The programs with at least one participation in the scope, by name. */
  @Transactional(readOnly = true)
  public List<Program> programs(EvidenceScope scope) {
    var statement =
        jdbc.sql(
            """
            SELECT program_id, max(program_name) AS name,
                   count(DISTINCT person_id) FILTER (WHERE accepted_on IS NOT NULL) AS people,
                   (array_agg(provider_id ORDER BY provider_id) FILTER (WHERE provider_id IS NOT NULL))[1]
                       AS provider
            FROM outcomes_participation WHERE %s
            GROUP BY program_id ORDER BY 2, 1
            """
                .formatted(scope.condition("agency_id")));
    if (!scope.network()) {
      statement = statement.param("agency", scope.agency());
    }
    record Found(String id, String name, UUID provider, long participants) {}
    List<Found> found =
        statement
            .query(
                (rs, row) ->
                    new Found(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(4, UUID.class),
                        rs.getLong(3)))
            .list();
    Map<String, Long> sameName =
        found.stream().collect(Collectors.groupingBy(Found::name, Collectors.counting()));
    Map<OrganizationId, NetworkOrganizations.NetworkOrganization> providers =
        organizations.findAll(
            found.stream()
                .filter(f -> f.provider() != null && sameName.get(f.name()) > 1)
                .map(f -> new OrganizationId(f.provider()))
                .collect(Collectors.toSet()));
    return found.stream()
        .map(
            f -> {
              var provider =
                  f.provider() == null ? null : providers.get(new OrganizationId(f.provider()));
              return new Program(
                  f.id(), f.name(), provider == null ? null : provider.name(), f.participants());
            })
        .toList();
  }

  /**
   * The comparison for the request.
   *
   * @throws EvidenceRejected naming the parameter: program (missing, unknown in the scope, or fewer
   *     than {@link Estimates#SMALLEST_GROUP} participants followed), years, caliper, from
   */
  @Transactional(readOnly = true)
  public Result compare(EvidenceScope scope, Request request) {
    LocalDate asOf = LocalDate.now(clock);
    OutcomeDefinition outcome =
        request.outcome() == null ? OutcomeDefinition.REARREST : request.outcome();
    int years = Periods.years(request.years(), outcome);
    Method method = request.method() == null ? Method.COARSENED_EXACT : request.method();
    Double caliper = null;
    if (method == Method.PROPENSITY_SCORE) {
      caliper = request.caliper() == null ? 0.2 : request.caliper();
      if (!(caliper > 0 && caliper <= 1)) {
        throw new EvidenceRejected("caliper", "Range", "must be more than 0 and at most 1");
      }
    }
    LocalDate to = request.to() == null ? asOf : request.to();
    LocalDate from = request.from() == null ? to.minusYears(Periods.MAX_YEARS) : request.from();
    Periods.check(from, to);
    if (request.program() == null || request.program().isBlank()) {
      throw new EvidenceRejected("program", "Required", "is required");
    }
    String program = request.program().strip();
    String name = programName(scope, program);

    Map<String, Object> parameters = new HashMap<>();
    parameters.put("program", program);
    // The comparison pool is people of the agencies where the program has participants.
    List<FollowedSpell> cohort =
        spells.of(
            scope,
            START_KINDS,
            from,
            to,
            outcome,
            years,
            asOf,
            "s.agency_id IN (SELECT agency_id FROM outcomes_participation WHERE program_id ="
                + " :program)",
            parameters);
    Map<UUID, FollowedSpell> firstSpell = new LinkedHashMap<>();
    for (FollowedSpell spell : cohort) {
      firstSpell.putIfAbsent(spell.person(), spell);
    }
    Participations participations = participations(program, firstSpell.keySet());
    List<Unit> units = new ArrayList<>();
    for (FollowedSpell spell : firstSpell.values()) {
      String need = participations.participantNeed(spell);
      boolean treated = need != null;
      if (!treated && participations.everIn.contains(spell.person())) {
        // Took part outside this spell: neither a participant of it nor a fair comparison.
        continue;
      }
      if (!treated) {
        need = participations.otherNeed(spell);
      }
      units.add(new Unit(spell.spell(), treated, covariates(spell, need), spell.outcome()));
    }
    long participants = units.stream().filter(Unit::treated).count();
    long pool = units.size() - participants;
    if (participants < Estimates.SMALLEST_GROUP) {
      throw new EvidenceRejected(
          "program",
          "TooFew",
          "has fewer than "
              + Estimates.SMALLEST_GROUP
              + " participants followed long enough in the period: too few to compare");
    }
    List<Weighted> weighted =
        pool == 0
            ? units.stream().map(u -> new Weighted(u, 0)).toList()
            : method == Method.COARSENED_EXACT
                ? Matching.coarsenedExact(units)
                : Matching.propensity(units, caliper);
    List<Weighted> matchedTreated =
        weighted.stream().filter(w -> w.unit().treated() && w.weight() > 0).toList();
    List<Weighted> matchedControls =
        weighted.stream().filter(w -> !w.unit().treated() && w.weight() > 0).toList();
    List<BalanceRow> balance = balance(units, weighted);
    boolean tooFew =
        matchedTreated.size() < Estimates.SMALLEST_GROUP
            || matchedControls.size() < Estimates.SMALLEST_GROUP;
    Rate participantRate = null;
    Rate comparisonRate = null;
    Estimate difference = null;
    if (!tooFew) {
      long treatedWith = matchedTreated.stream().filter(w -> w.unit().outcome()).count();
      participantRate =
          new Rate(
              matchedTreated.size(),
              treatedWith,
              Estimates.proportion(treatedWith, matchedTreated.size()));
      if (method == Method.COARSENED_EXACT) {
        comparisonRate = weightedRate(matchedControls);
        difference = cemDifference(matchedTreated, matchedControls);
      } else {
        long controlsWith = matchedControls.stream().filter(w -> w.unit().outcome()).count();
        comparisonRate =
            new Rate(
                matchedControls.size(),
                controlsWith,
                Estimates.proportion(controlsWith, matchedControls.size()));
        difference =
            Estimates.difference(
                treatedWith, matchedTreated.size(), controlsWith, matchedControls.size());
      }
    }
    return new Result(
        program,
        name,
        outcome,
        years,
        method,
        caliper,
        from,
        to,
        asOf,
        participants,
        pool,
        matchedTreated.size(),
        matchedControls.size(),
        participants - matchedTreated.size(),
        balance,
        participantRate,
        comparisonRate,
        difference,
        tooFew,
        // No funding module yet, and the directory's facade does not expose unit costs: cost per
        // completion or per recidivism avoided is not computed rather than guessed (ADR 0028).
        false);
  }

  private String programName(EvidenceScope scope, String program) {
    var statement =
        jdbc.sql(
            "SELECT max(program_name) FROM outcomes_participation WHERE program_id = :program AND "
                + scope.condition("agency_id"));
    statement = statement.param("program", program);
    if (!scope.network()) {
      statement = statement.param("agency", scope.agency());
    }
    String name = statement.query(String.class).optional().orElse(null);
    if (name == null) {
      throw new EvidenceRejected("program", "Unknown", "is not a program with participants here");
    }
    return name;
  }

  /** Coarsened covariates: what matching compares people on. */
  static Map<String, String> covariates(FollowedSpell spell, String need) {
    Map<String, String> covariates = new LinkedHashMap<>();
    covariates.put("RISK_LEVEL", orUnknown(spell.riskLevel()));
    covariates.put("NEED_DOMAIN", need == null ? "UNRECORDED" : need);
    covariates.put("AGE_BAND", AgeBands.of(spell.ageAtStart()));
    covariates.put("GENDER", orUnknown(spell.gender()));
    covariates.put("SUPERVISION_TYPE", orUnknown(spell.supervisionType()));
    covariates.put("START_YEAR", Integer.toString(spell.start().getYear()));
    return covariates;
  }

  private static String orUnknown(String value) {
    return value == null ? "UNKNOWN" : value;
  }

  /**
   * The comparison's weighted rate: Σ w·y / Σ w over the matched comparison people. With the CEM
   * weights this is Σ_s (m_T,s / m_T) · p_C,s, the stratum rates in the participants' mix.
   */
  private static Rate weightedRate(List<Weighted> controls) {
    double total = 0;
    double with = 0;
    for (Weighted w : controls) {
      total += w.weight();
      with += w.unit().outcome() ? w.weight() : 0;
    }
    double rate = with / total;
    return new Rate(controls.size(), with, new Estimate(rate, null, null));
  }

  /**
   * The CEM difference p_T − Σ_s (m_T,s/m_T)·p_C,s with a normal interval: the participants' rate
   * varies as p_T(1−p_T)/m_T, and the comparison's as Σ_s (m_T,s/m_T)² · p_C,s(1−p_C,s)/m_C,s (the
   * strata are independent samples). The comparison rate's own interval follows the same variance.
   */
  private static Estimate cemDifference(List<Weighted> treated, List<Weighted> controls) {
    Map<String, long[]> strata = new HashMap<>();
    for (Weighted w : treated) {
      strata.computeIfAbsent(w.unit().stratum(), s -> new long[3])[0]++;
    }
    for (Weighted w : controls) {
      long[] s = strata.get(w.unit().stratum());
      s[1]++;
      if (w.unit().outcome()) {
        s[2]++;
      }
    }
    double mT = treated.size();
    double pT = treated.stream().filter(w -> w.unit().outcome()).count() / mT;
    double pC = 0;
    double varianceC = 0;
    for (long[] s : strata.values()) {
      double share = s[0] / mT;
      double rate = (double) s[2] / s[1];
      pC += share * rate;
      varianceC += share * share * rate * (1 - rate) / s[1];
    }
    return Estimates.normalDifference(pT - pC, pT * (1 - pT) / mT + varianceC);
  }

  private static List<BalanceRow> balance(List<Unit> units, List<Weighted> weighted) {
    List<BalanceRow> rows = new ArrayList<>();
    for (String covariate : COVARIATES) {
      Set<String> values = new TreeSet<>();
      units.forEach(u -> values.add(u.covariates().get(covariate)));
      for (String value : values) {
        double tBefore = share(weighted, true, covariate, value, false);
        double cBefore = share(weighted, false, covariate, value, false);
        double tAfter = share(weighted, true, covariate, value, true);
        double cAfter = share(weighted, false, covariate, value, true);
        Double before = Estimates.standardizedDifference(tBefore, cBefore);
        Double after = Estimates.standardizedDifference(tAfter, cAfter);
        rows.add(
            new BalanceRow(
                covariate,
                value,
                tBefore,
                cBefore,
                before,
                tAfter,
                cAfter,
                after,
                before == null || Math.abs(before) > IMBALANCE,
                after == null || Math.abs(after) > IMBALANCE));
      }
    }
    return rows;
  }

  /** The (weighted, after matching) share of a group having the covariate value; 0 if empty. */
  private static double share(
      List<Weighted> units, boolean treated, String covariate, String value, boolean matched) {
    double total = 0;
    double having = 0;
    for (Weighted w : units) {
      if (w.unit().treated() != treated) {
        continue;
      }
      double weight = matched ? w.weight() : 1;
      total += weight;
      if (value.equals(w.unit().covariates().get(covariate))) {
        having += weight;
      }
    }
    return total == 0 ? 0 : having / total;
  }

  /** The participations that decide who took part and each person's recorded need. */
  private final class Participations {
    final Set<UUID> everIn = new HashSet<>();
    final Map<UUID, List<Object[]>> accepted = new HashMap<>();
    final Map<UUID, List<Object[]>> any = new HashMap<>();

    /**
     * The need domain of the person's accepted participation in the program referred while the
     * spell was open (on or after its start); "UNRECORDED" when it names none; null when the person
     * did not take part during the spell.
     */
    String participantNeed(FollowedSpell spell) {
      for (Object[] p : accepted.getOrDefault(spell.person(), List.of())) {
        if (!((LocalDate) p[0]).isBefore(spell.start())) {
          return p[1] == null ? "UNRECORDED" : (String) p[1];
        }
      }
      return null;
    }

    /** The need domain of the person's first participation in any program during the spell. */
    String otherNeed(FollowedSpell spell) {
      for (Object[] p : any.getOrDefault(spell.person(), List.of())) {
        if (!((LocalDate) p[0]).isBefore(spell.start()) && p[1] != null) {
          return (String) p[1];
        }
      }
      return null;
    }
  }

  private Participations participations(String program, Set<UUID> people) {
    Participations result = new Participations();
    if (people.isEmpty()) {
      return result;
    }
    jdbc.sql(
            """
            SELECT person_id, program_id, referred_on, accepted_on, need_domain
            FROM outcomes_participation WHERE person_id = ANY(:people)
            ORDER BY referred_on, id
            """)
        .param("people", people.toArray(UUID[]::new))
        .query(
            (java.sql.ResultSet rs) -> {
              UUID person = rs.getObject(1, UUID.class);
              boolean inProgram = program.equals(rs.getString(2));
              LocalDate referred = rs.getDate(3).toLocalDate();
              Date accepted = rs.getDate(4);
              Object[] row = {referred, rs.getString(5)};
              result.any.computeIfAbsent(person, k -> new ArrayList<>()).add(row);
              if (inProgram) {
                result.everIn.add(person);
                if (accepted != null) {
                  result.accepted.computeIfAbsent(person, k -> new ArrayList<>()).add(row);
                }
              }
            });
    return result;
  }
}
