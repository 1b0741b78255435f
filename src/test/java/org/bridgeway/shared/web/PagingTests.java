package org.bridgeway.shared.web;

import static org.bridgeway.shared.web.ApiClients.anyClient;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Paging through {@link PageQuery} and {@link PageResponse}, over a list of 450 numbers. */
@ApiConventionsTest
class PagingTests {

  @Autowired MockMvc mvc;

  private static MockHttpServletRequestBuilder numbers() {
    return get("/api/v1/test-only/numbers").with(anyClient());
  }

  @Test
  void withoutParametersTheFirstPageOfFiftyIsAnswered() throws Exception {
    mvc.perform(numbers())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(50)))
        .andExpect(jsonPath("$.items[0]").value(0))
        .andExpect(jsonPath("$.page").value(0))
        .andExpect(jsonPath("$.size").value(50))
        .andExpect(jsonPath("$.totalItems").value(450))
        .andExpect(jsonPath("$.totalPages").value(9));
  }

  @Test
  void theLastPageHoldsWhatIsLeft() throws Exception {
    mvc.perform(numbers().param("page", "2").param("size", "200"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(50)))
        .andExpect(jsonPath("$.items[0]").value(400))
        .andExpect(jsonPath("$.totalPages").value(3));
  }

  @Test
  void aPageBeyondTheEndIsEmpty() throws Exception {
    mvc.perform(numbers().param("page", "9"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(0)))
        .andExpect(jsonPath("$.page").value(9))
        .andExpect(jsonPath("$.totalItems").value(450));
  }

  @Test
  void negativePageIsRefusedNamingTheParameter() throws Exception {
    mvc.perform(numbers().param("page", "-1"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors", hasSize(1)))
        .andExpect(jsonPath("$.errors[0].field").value("page"))
        .andExpect(jsonPath("$.errors[0].code").value("Min"));
  }

  @Test
  void sizeZeroIsRefusedNamingTheParameter() throws Exception {
    mvc.perform(numbers().param("size", "0"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("size"))
        .andExpect(jsonPath("$.errors[0].code").value("Min"));
  }

  @Test
  void sizeAboveTwoHundredIsRefusedNamingTheParameter() throws Exception {
    mvc.perform(numbers().param("size", "201"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("size"))
        .andExpect(jsonPath("$.errors[0].code").value("Max"))
        .andExpect(jsonPath("$.errors[0].message").value("must be less than or equal to 200"));
  }

  @Test
  void nonNumericSizeIsRefusedNamingTheParameter() throws Exception {
    mvc.perform(numbers().param("size", "lots"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("size"))
        .andExpect(jsonPath("$.errors[0].code").value("TypeMismatch"))
        .andExpect(jsonPath("$.errors[0].message").value("must be a whole number"));
  }
}
