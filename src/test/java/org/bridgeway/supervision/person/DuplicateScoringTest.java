package org.bridgeway.supervision.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.person.DuplicateCandidate.MatchReason;
import org.bridgeway.supervision.person.DuplicateDetector.KnownName;
import org.junit.jupiter.api.Test;

class DuplicateScoringTest {

  static final LocalDate BIRTH = LocalDate.of(1988, 3, 7);

  static DuplicateCandidate score(
      String given, String family, LocalDate birth, List<KnownName> names, LocalDate stored) {
    return DuplicateDetector.score(
        PersonId.random(), NameKeys.key(given), NameKeys.key(family), birth, names, stored, false);
  }

  static List<KnownName> named(String given, String family) {
    return List.of(new KnownName(NameKeys.key(given), NameKeys.key(family), MatchReason.NAME));
  }

  @Test
  void nicknameWithTheSameBirthDateIsALikelyDuplicate() {
    DuplicateCandidate candidate =
        score("Bill", "Thompson", BIRTH, named("William", "Thompson"), BIRTH);
    assertThat(candidate).isNotNull();
    assertThat(candidate.reasons())
        .contains(MatchReason.NAME, MatchReason.NICKNAME, MatchReason.DATE_OF_BIRTH);
    assertThat(candidate.score()).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void transposedNameIsALikelyDuplicate() {
    DuplicateCandidate candidate = score("Nguyen", "Thanh", BIRTH, named("Thanh", "Nguyen"), BIRTH);
    assertThat(candidate).isNotNull();
    assertThat(candidate.reasons()).contains(MatchReason.TRANSPOSED_NAME);
  }

  @Test
  void swappedDayAndMonthWithTheSameNameIsALikelyDuplicate() {
    DuplicateCandidate candidate =
        score("Maria", "Lopez", BIRTH, named("María", "López"), LocalDate.of(1988, 7, 3));
    assertThat(candidate).isNotNull();
    assertThat(candidate.reasons()).contains(MatchReason.SIMILAR_DATE_OF_BIRTH, MatchReason.NAME);
  }

  @Test
  void sameNameBornYearsApartIsNotADuplicate() {
    assertThat(score("Robert", "Jones", BIRTH, named("Bob", "Jones"), LocalDate.of(1961, 11, 30)))
        .isNull();
  }

  @Test
  void differentPersonBornTheSameDayIsNotADuplicate() {
    assertThat(score("Keisha", "Washington", BIRTH, named("Tomas", "Brandt"), BIRTH)).isNull();
  }

  @Test
  void aliasMatches() {
    List<KnownName> names =
        List.of(
            new KnownName("anthony", "russo", MatchReason.NAME),
            new KnownName("tony", "marino", MatchReason.ALIAS));
    DuplicateCandidate candidate = score("Anthony", "Marino", BIRTH, names, BIRTH);
    assertThat(candidate).isNotNull();
    assertThat(candidate.reasons()).contains(MatchReason.ALIAS);
  }

  @Test
  void identifierAloneMakesALikelyDuplicate() {
    DuplicateCandidate candidate =
        DuplicateDetector.score(
            PersonId.random(),
            "ann",
            "lee",
            BIRTH,
            named("Zed", "Marx"),
            LocalDate.of(1970, 1, 1),
            true);
    assertThat(candidate).isNotNull();
    assertThat(candidate.reasons()).containsExactly(MatchReason.IDENTIFIER);
  }

  @Test
  void trigramSimilarityAgreesWithPgTrgm() {
    // SELECT similarity('word', 'two words') = 0.36363637 in PostgreSQL.
    assertThat(Trigrams.similarity("word", "two words")).isCloseTo(0.3636, within());
    assertThat(Trigrams.similarity("smith", "smith")).isEqualTo(1.0);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.001);
  }

  @Test
  void namesAreFoldedForComparison() {
    assertThat(NameKeys.key("  José  O'Neil-Smith ")).isEqualTo("jose oneil smith");
  }
}
