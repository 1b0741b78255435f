package org.bridgeway.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageResponseTest {

  @Test
  void totalPagesRoundsUp() {
    assertThat(PageResponse.of(List.of(), PageQuery.of(0, 50), 101).totalPages()).isEqualTo(3);
    assertThat(PageResponse.of(List.of(), PageQuery.of(0, 50), 100).totalPages()).isEqualTo(2);
  }

  @Test
  void noItemsMeansNoPages() {
    assertThat(PageResponse.of(List.of(), PageQuery.of(0, 50), 0).totalPages()).isZero();
  }

  @Test
  void missingParametersTakeTheDefaults() {
    PageQuery query = new PageQuery(null, null);
    assertThat(query.page()).isZero();
    assertThat(query.size()).isEqualTo(PageQuery.DEFAULT_SIZE);
    assertThat(query.offset()).isZero();
  }

  @Test
  void offsetCountsTheItemsOfEarlierPages() {
    assertThat(PageQuery.of(3, 200).offset()).isEqualTo(600);
  }

  @Test
  void mapKeepsThePaging() {
    PageResponse<String> page =
        PageResponse.slice(List.of(1, 2, 3, 4, 5), PageQuery.of(1, 2)).map(String::valueOf);
    assertThat(page.items()).containsExactly("3", "4");
    assertThat(page.page()).isEqualTo(1);
    assertThat(page.totalItems()).isEqualTo(5);
    assertThat(page.totalPages()).isEqualTo(3);
  }
}
