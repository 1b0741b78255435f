package org.bridgeway.directory.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bridgeway.directory.DirectorySearchQuery;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.web.FieldViolation;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

class DirectorySearchFormTest {

  static DirectorySearchForm form(String q, String zip, String age, String page) {
    return new DirectorySearchForm(
        q,
        List.of("HOUSING", "food"),
        null,
        null,
        null,
        zip,
        null,
        "5",
        "on",
        null,
        null,
        null,
        null,
        null,
        age,
        "female",
        null,
        null,
        null,
        null,
        null,
        null,
        page,
        null);
  }

  @Test
  void theStaffPageReadsThePersonsFactsAndPagesCountFromOne() {
    DirectorySearchForm.Parsed parsed =
        form("housing", "97201", "30", "2").parse(DirectorySearchForm.Channel.STAFF);

    assertThat(parsed.violations()).isEmpty();
    DirectorySearchQuery query = parsed.query();
    assertThat(query.needDomains()).containsExactlyInAnyOrder(NeedDomain.HOUSING, NeedDomain.FOOD);
    assertThat(query.near()).isEqualTo(DirectorySearchQuery.Near.zip("97201", 5));
    assertThat(query.openNow()).isTrue();
    assertThat(query.person().age()).isEqualTo(30);
    assertThat(query.page()).isEqualTo(1);
    assertThat(query.size()).isEqualTo(DirectorySearchForm.PAGE_SIZE);
  }

  @Test
  void thePublicPageIgnoresFactsOfAPerson() {
    assertThat(
            form(null, null, "30", null).parse(DirectorySearchForm.Channel.PUBLIC).query().person())
        .isNull();
  }

  @Test
  void everyBadValueIsNamed() {
    DirectorySearchForm.Parsed parsed =
        new DirectorySearchForm(
                null,
                List.of("HOUSING", "MOON"),
                List.of("1234"),
                "north",
                "1",
                null,
                null,
                "far",
                "perhaps",
                null,
                null,
                null,
                List.of("CHEAP"),
                null,
                "old",
                "?",
                null,
                null,
                null,
                null,
                null,
                null,
                "first",
                null)
            .parse(DirectorySearchForm.Channel.STAFF);

    assertThat(parsed.query()).isNull();
    assertThat(parsed.violations())
        .extracting(FieldViolation::field)
        .containsExactlyInAnyOrder(
            "needDomain",
            "taxonomyTerm",
            "radiusMiles",
            "openNow",
            "cost",
            "age",
            "gender",
            "page",
            "lat");
  }

  @Test
  void linksEncodeEverythingTyped() {
    LinkedMultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
    parameters.add("q", "a&b=c {d} +é");
    parameters.add("needDomain", "HOUSING");
    assertThat(SearchPages.link("/directory", parameters))
        .isEqualTo("/directory?q=a%26b%3Dc+%7Bd%7D+%2B%C3%A9&needDomain=HOUSING");
  }
}
