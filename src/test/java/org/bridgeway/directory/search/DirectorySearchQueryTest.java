package org.bridgeway.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.bridgeway.directory.DirectorySearchQuery;
import org.bridgeway.directory.DirectorySearchQuery.Near;
import org.bridgeway.directory.DirectorySearchQuery.PersonFacts;
import org.bridgeway.shared.web.FieldViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectorySearchQueryTest {

  @Test
  void wordsAreRunsOfLettersAndDigitsLowerCased() {
    assertThat(DirectorySearchQuery.words("  Café-Résumé: AA/NA meetings, 12-step!! "))
        .containsExactly("café", "résumé", "aa", "na", "meetings", "12", "step");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "'); DROP TABLE directory_search_entry; --",
        "counsel:* & !housing | (a <-> b)",
        "\\\\'' ::tsquery $$ $1 %s {0}",
        ".*[a-z]+(?=x)",
      })
  void operatorsOfSqlTsqueryAndRegexAreOnlySeparators(String text) {
    assertThat(DirectorySearchQuery.words(text)).allMatch(w -> w.matches("[\\p{L}\\p{N}]+"));
    assertThat(DirectorySearchQuery.builder().text(text).build().violations()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a\u0000b", "tab\there", "line\nbreak", "a\u202Eb", "zero\u200Bwidth", "\uD800"})
  void controlAndFormattingCharactersAreRefusedNamingTheText(String text) {
    assertThat(DirectorySearchQuery.builder().text(text).build().violations())
        .extracting(FieldViolation::field, FieldViolation::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("q", "ControlCharacter"));
  }

  @Test
  void emojiWithJoinersAndOtherScriptsAreAccepted() {
    assertThat(
            DirectorySearchQuery.builder()
                .text("👩‍👩‍👧 ß 𝔘𝔫𝔦 日本語 العربية")
                .build()
                .violations())
        .isEmpty();
  }

  @Test
  void aLongTextOrTooManyWordsIsRefused() {
    assertThat(DirectorySearchQuery.builder().text("x".repeat(201)).build().violations())
        .extracting(FieldViolation::code)
        .containsExactly("TooLong");
    assertThat(
            DirectorySearchQuery.builder().text("a b c d e f g h i j k l m").build().violations())
        .extracting(FieldViolation::code)
        .containsExactly("TooManyWords");
  }

  @Test
  void coordinatesRadiusAgeAndCodesAreChecked() {
    var query =
        DirectorySearchQuery.builder()
            .near(Near.point(Double.NaN, 181, 0))
            .person(new PersonFacts(121, null, null, null, Set.of(), Set.of(), "xx", "1234"))
            .languages(Set.of("tlh"))
            .page(-1)
            .size(0)
            .build();
    assertThat(query.violations())
        .extracting(FieldViolation::field)
        .containsExactlyInAnyOrder(
            "lat",
            "lon",
            "radiusMiles",
            "age",
            "personLanguage",
            "residenceZip",
            "language",
            "page",
            "size");
  }

  @Test
  void twoAndThreeLetterLanguageCodesNameTheSameLanguage() {
    assertThat(DirectorySearchQuery.Languages.equivalents("es")).containsExactly("es", "spa");
    assertThat(DirectorySearchQuery.Languages.equivalents("spa")).contains("spa", "es");
    assertThat(DirectorySearchQuery.Languages.isKnown("vi")).isTrue();
    assertThat(DirectorySearchQuery.Languages.isKnown("zz")).isFalse();
  }
}
