package org.bridgeway.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bridgeway.directory.CostKind;
import org.bridgeway.directory.DirectorySearchQuery;
import org.bridgeway.directory.DirectorySearchQuery.PersonFacts;
import org.bridgeway.directory.DirectorySearchResult.Origin;
import org.bridgeway.directory.DirectorySearchResult.Source;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.junit.jupiter.api.Test;

class SearchStatementTest {

  static final String HOSTILE = "x'); DELETE FROM directory_record; --";

  @Test
  void whatTheUserTypedTravelsOnlyAsParameters() {
    DirectorySearchQuery query =
        DirectorySearchQuery.builder()
            .text(HOSTILE)
            .needDomains(Set.of(NeedDomain.HOUSING))
            .costKinds(Set.of(CostKind.FREE))
            .person(
                new PersonFacts(30, Gender.FEMALE, null, null, Set.of(), Set.of(), "es", "97201"))
            .withFacets(true)
            .build();
    SearchStatement statement =
        SearchStatement.of(
            query,
            HOSTILE,
            List.of(HOSTILE),
            new Origin(45.5, -122.6, 10, Source.ZIP, "97201"),
            600,
            600,
            Instant.EPOCH);

    assertThat(statement.sql())
        .doesNotContain("DELETE")
        .doesNotContain("97201")
        .doesNotContain("FEMALE");
    assertThat(statement.params())
        .containsEntry("text", HOSTILE)
        .containsEntry("gender", "FEMALE")
        .containsEntry("originZip", "97201")
        .containsKeys("lat", "lon", "radius", "domains", "costs", "age", "personLanguages");
  }

  @Test
  void onlyTheFiltersInUseAreInTheStatement() {
    SearchStatement statement =
        SearchStatement.of(
            DirectorySearchQuery.builder().build(), null, List.of(), null, null, 0, Instant.EPOCH);

    assertThat(statement.sql())
        .contains("e.status = 'active'")
        .doesNotContain("@@")
        .doesNotContain("earth_distance")
        .doesNotContain("open_hours @> CAST(:openMinute")
        .doesNotContain("jsonb_build_object");
    assertThat(statement.params()).doesNotContainKeys("text", "lat", "openMinute");
  }
}
