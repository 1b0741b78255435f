package org.bridgeway.directory.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.ResolvableType;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.ServletRequestDataBinder;

/**
 * The form read straight from the parameters is the form Spring's data binding gives for the same
 * request: the pages' links and partners' API calls mean what they meant before.
 */
class DirectorySearchFormBindingTest {

  static List<Map<String, String[]>> requests() {
    return List.of(
        Map.of(),
        Map.of("q", new String[] {"job training"}, "zip", new String[] {"92563"}),
        Map.of("needDomain", new String[] {"HOUSING", "EMPLOYMENT"}),
        Map.of("needDomain", new String[] {"HOUSING, EMPLOYMENT ,FOOD"}),
        Map.of("needDomain[]", new String[] {"HOUSING"}, "cost", new String[] {"FREE"}),
        Map.of("needDomain", new String[] {""}, "q", new String[] {""}),
        Map.of("q", new String[] {"a", "b"}, "age", new String[] {"40", "41"}),
        Map.of(
            "offense", new String[] {"DUI", "DRUG"},
            "insurance", new String[] {"MEDICAID"},
            "language", new String[] {"es,en"},
            "taxonomyTerm", new String[] {"1b5c2d4e-0000-4000-8000-000000000001"},
            "page", new String[] {"2"},
            "size", new String[] {"20"},
            "openNow", new String[] {"on"},
            "residenceZip", new String[] {"07101"}),
        Map.of(
            "lat",
            new String[] {"40.7"},
            "lon",
            new String[] {"-74"},
            "radiusMiles",
            new String[] {"5"}));
  }

  @ParameterizedTest
  @MethodSource("requests")
  void readDirectlyAsDataBindingReadsIt(Map<String, String[]> parameters) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/directory/search");
    parameters.forEach(request::addParameter);

    assertThat(DirectorySearchForm.from(request::getParameterValues)).isEqualTo(bound(request));
  }

  private static DirectorySearchForm bound(MockHttpServletRequest request) {
    ServletRequestDataBinder binder = new ServletRequestDataBinder(null);
    binder.setTargetType(ResolvableType.forClass(DirectorySearchForm.class));
    binder.setConversionService(new DefaultFormattingConversionService());
    binder.construct(request);
    return (DirectorySearchForm) binder.getTarget();
  }
}
