package org.bridgeway.supervision.person;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.person.DuplicateCandidate.MatchReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the people of an agency who may be the person being entered. The database narrows the
 * agency's people to those sharing the date of birth, an identifier, or a family name alike to the
 * entered given or family name (pg_trgm's {@code %} on an index); each is then scored here on name
 * (with nicknames, transposed names and aliases), date of birth and identifiers.
 */
@Component
public class DuplicateDetector {

  /** The score from which a person is a likely duplicate. */
  static final double LIKELY = 0.7;

  static final int MAX_CANDIDATES = 10;

  private static final double NAME_WEIGHT = 0.6;
  private static final double BIRTH_WEIGHT = 0.4;

  private final JdbcClient jdbc;

  DuplicateDetector(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored name to compare against. */
  record KnownName(String given, String family, MatchReason kind) {}

  private record Row(UUID id, String given, String family, LocalDate birth) {}

  /**
   * The likely duplicates of the details in the agency, best first.
   *
   * @param exclude the person being edited, or null when entering a new one
   */
  public List<DuplicateCandidate> candidates(
      OrganizationId agency, PersonDetails details, PersonId exclude) {
    String given = NameKeys.key(details.name().given());
    String family = NameKeys.key(details.name().family());
    UUID excluded = exclude == null ? new UUID(0, 0) : exclude.value();
    List<Row> rows =
        jdbc.sql(
                """
                SELECT p.id, p.given_name_key, p.family_name_key, p.date_of_birth
                FROM supervision_person p
                WHERE p.organization_id = :agency AND p.id <> :excluded
                  AND p.merged_into_id IS NULL
                  AND (p.date_of_birth = :birth
                       OR p.family_name_key % :family
                       OR p.family_name_key % :given
                       OR p.id IN (SELECT a.person_id FROM supervision_person_alias a
                                   WHERE a.family_name_key % :family))
                LIMIT 500
                """)
            .param("agency", agency.value())
            .param("excluded", excluded)
            .param("birth", details.dateOfBirth())
            .param("family", family)
            .param("given", given)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class)))
            .list();
    Set<UUID> byIdentifier = identifierMatches(agency, details, excluded);
    Map<UUID, Row> all = new HashMap<>();
    rows.forEach(row -> all.put(row.id(), row));
    Set<UUID> missing = new HashSet<>(byIdentifier);
    missing.removeAll(all.keySet());
    if (!missing.isEmpty()) {
      jdbc.sql(
              "SELECT id, given_name_key, family_name_key, date_of_birth FROM supervision_person"
                  + " WHERE id IN (:ids)")
          .param("ids", missing)
          .query(
              (rs, n) ->
                  new Row(
                      rs.getObject(1, UUID.class),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getObject(4, LocalDate.class)))
          .list()
          .forEach(row -> all.put(row.id(), row));
    }
    if (all.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<KnownName>> aliases = aliasesOf(all.keySet());
    List<DuplicateCandidate> candidates = new ArrayList<>();
    for (Row row : all.values()) {
      List<KnownName> names = new ArrayList<>();
      names.add(new KnownName(row.given(), row.family(), MatchReason.NAME));
      names.addAll(aliases.getOrDefault(row.id(), List.of()));
      DuplicateCandidate candidate =
          score(
              new PersonId(row.id()),
              given,
              family,
              details.dateOfBirth(),
              names,
              row.birth(),
              byIdentifier.contains(row.id()));
      if (candidate != null) {
        candidates.add(candidate);
      }
    }
    candidates.sort(Comparator.comparingDouble(DuplicateCandidate::score).reversed());
    return candidates.size() > MAX_CANDIDATES
        ? List.copyOf(candidates.subList(0, MAX_CANDIDATES))
        : List.copyOf(candidates);
  }

  /** Two records of an agency that may be the same person, as {@link #likelyPairs} finds them. */
  public record LikelyPair(PersonId first, PersonId second, DuplicateCandidate match) {}

  /**
   * Pairs of records (not merged) of the agency that are likely the same person, best first. The
   * database pairs records with the same date of birth or alike family names; each pair is scored
   * as {@link #candidates} scores one entered person.
   *
   * @param limit the most pairs to look at and to answer
   */
  public List<LikelyPair> likelyPairs(OrganizationId agency, int limit) {
    record PairRow(Row a, Row b) {}
    List<PairRow> rows =
        jdbc.sql(
                """
                SELECT a.id, a.given_name_key, a.family_name_key, a.date_of_birth,
                       b.id, b.given_name_key, b.family_name_key, b.date_of_birth
                FROM supervision_person a
                JOIN supervision_person b
                  ON b.organization_id = a.organization_id AND a.id < b.id
                 AND b.merged_into_id IS NULL
                 AND (b.date_of_birth = a.date_of_birth OR b.family_name_key % a.family_name_key)
                WHERE a.organization_id = :agency AND a.merged_into_id IS NULL
                LIMIT :limit
                """)
            .param("agency", agency.value())
            .param("limit", limit * 10)
            .query(
                (rs, n) ->
                    new PairRow(
                        new Row(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getObject(4, LocalDate.class)),
                        new Row(
                            rs.getObject(5, UUID.class),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getObject(8, LocalDate.class))))
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Set<UUID> ids = new HashSet<>();
    rows.forEach(
        row -> {
          ids.add(row.a().id());
          ids.add(row.b().id());
        });
    Map<UUID, List<KnownName>> aliases = aliasesOf(ids);
    List<LikelyPair> pairs = new ArrayList<>();
    for (PairRow row : rows) {
      List<KnownName> names = new ArrayList<>();
      names.add(new KnownName(row.b().given(), row.b().family(), MatchReason.NAME));
      names.addAll(aliases.getOrDefault(row.b().id(), List.of()));
      DuplicateCandidate match =
          score(
              new PersonId(row.b().id()),
              row.a().given(),
              row.a().family(),
              row.a().birth(),
              names,
              row.b().birth(),
              false);
      if (match != null) {
        pairs.add(new LikelyPair(new PersonId(row.a().id()), new PersonId(row.b().id()), match));
      }
    }
    pairs.sort(Comparator.comparingDouble((LikelyPair pair) -> pair.match().score()).reversed());
    return pairs.size() > limit ? List.copyOf(pairs.subList(0, limit)) : List.copyOf(pairs);
  }

  private Set<UUID> identifierMatches(OrganizationId agency, PersonDetails details, UUID excluded) {
    Set<UUID> matches = new HashSet<>();
    for (Identification identifier : details.identifiers()) {
      if (identifier.kind() == null || identifier.key().isEmpty()) {
        continue;
      }
      matches.addAll(
          jdbc.sql(
                  "SELECT person_id FROM supervision_person_identifier WHERE organization_id = ?"
                      + " AND kind = ? AND value_key = ? AND person_id <> ?")
              .params(agency.value(), identifier.kind().name(), identifier.key(), excluded)
              .query(UUID.class)
              .list());
    }
    return matches;
  }

  private Map<UUID, List<KnownName>> aliasesOf(Set<UUID> people) {
    Map<UUID, List<KnownName>> aliases = new HashMap<>();
    jdbc.sql(
            "SELECT person_id, given_name_key, family_name_key FROM supervision_person_alias"
                + " WHERE person_id IN (:ids)")
        .param("ids", people)
        .query(
            (rs, n) -> {
              aliases
                  .computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                  .add(new KnownName(rs.getString(2), rs.getString(3), MatchReason.ALIAS));
              return null;
            })
        .list();
    return aliases;
  }

  /**
   * Scores one stored person against the entered name and birth date; null if not a likely
   * duplicate.
   *
   * @param names the stored legal name (kind {@code NAME}) and aliases (kind {@code ALIAS}), as
   *     keys
   */
  static DuplicateCandidate score(
      PersonId person,
      String given,
      String family,
      LocalDate birth,
      List<KnownName> names,
      LocalDate storedBirth,
      boolean identifierMatch) {
    double best = 0;
    Set<MatchReason> nameReasons = EnumSet.noneOf(MatchReason.class);
    for (KnownName name : names) {
      double direct = nameSimilarity(given, family, name.given(), name.family());
      double transposed = 0.95 * nameSimilarity(given, family, name.family(), name.given());
      double similarity = Math.max(direct, transposed);
      if (name.kind() == MatchReason.ALIAS) {
        similarity *= 0.95;
      }
      if (similarity > best) {
        best = similarity;
        nameReasons.clear();
        if (name.kind() == MatchReason.ALIAS) {
          nameReasons.add(MatchReason.ALIAS);
        }
        if (transposed > direct) {
          nameReasons.add(MatchReason.TRANSPOSED_NAME);
          if (nickname(given, name.family())) {
            nameReasons.add(MatchReason.NICKNAME);
          }
        } else if (nickname(given, name.given())) {
          nameReasons.add(MatchReason.NICKNAME);
        }
      }
    }
    Set<MatchReason> reasons = EnumSet.noneOf(MatchReason.class);
    if (best >= 0.8) {
      reasons.add(MatchReason.NAME);
      reasons.addAll(nameReasons);
    } else if (best >= 0.5) {
      reasons.add(MatchReason.SIMILAR_NAME);
      reasons.addAll(nameReasons);
    }
    double birthScore = 0;
    if (birth.equals(storedBirth)) {
      birthScore = 1;
      reasons.add(MatchReason.DATE_OF_BIRTH);
    } else if (similarBirth(birth, storedBirth)) {
      birthScore = 0.5;
      reasons.add(MatchReason.SIMILAR_DATE_OF_BIRTH);
    }
    double score = NAME_WEIGHT * best + BIRTH_WEIGHT * birthScore;
    if (identifierMatch) {
      reasons.add(MatchReason.IDENTIFIER);
      score = Math.max(score, 0.95);
    }
    if (score < LIKELY) {
      return null;
    }
    return new DuplicateCandidate(person, Math.round(score * 100) / 100.0, reasons);
  }

  /** Half given name, half family name; a nickname of the given name counts as the same name. */
  static double nameSimilarity(
      String given, String family, String storedGiven, String storedFamily) {
    double givenSimilarity =
        nickname(given, storedGiven) ? 1 : Trigrams.similarity(given, storedGiven);
    double familySimilarity = Trigrams.similarity(family, storedFamily);
    if (storedGiven == null || storedGiven.isBlank()) {
      // An alias without a given name: only the family name can match, and counts for less.
      return 0.8 * familySimilarity;
    }
    return 0.5 * givenSimilarity + 0.5 * familySimilarity;
  }

  private static boolean nickname(String a, String b) {
    return Nicknames.sameName(a, b);
  }

  /** Day and month swapped, or the same date but for one of year, month and day. */
  static boolean similarBirth(LocalDate a, LocalDate b) {
    if (a == null || b == null) {
      return false;
    }
    if (a.getYear() == b.getYear()
        && a.getMonthValue() == b.getDayOfMonth()
        && a.getDayOfMonth() == b.getMonthValue()) {
      return true;
    }
    int same =
        (a.getYear() == b.getYear() ? 1 : 0)
            + (a.getMonthValue() == b.getMonthValue() ? 1 : 0)
            + (a.getDayOfMonth() == b.getDayOfMonth() ? 1 : 0);
    return same == 2;
  }
}
