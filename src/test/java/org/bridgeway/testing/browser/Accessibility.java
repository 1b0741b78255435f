package org.bridgeway.testing.browser;

import static org.assertj.core.api.Assertions.fail;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import org.openqa.selenium.WebDriver;

/** Checks the page in the browser with axe-core against WCAG 2.0, 2.1 and 2.2, levels A and AA. */
public final class Accessibility {

  /** The axe rule tags checked. */
  public static final List<String> WCAG_A_AND_AA =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  private Accessibility() {}

  /** Fails listing every violation (rule, impact, help and the selectors of each element). */
  public static void assertNoAccessibilityViolations(WebDriver driver) {
    Results results = new AxeBuilder().withTags(WCAG_A_AND_AA).analyze(driver);
    if (results.isErrored()) {
      fail("axe could not check " + driver.getCurrentUrl() + ": " + results.getErrorMessage());
    }
    List<Rule> violations = results.getViolations();
    if (violations == null || violations.isEmpty()) {
      return;
    }
    StringBuilder report =
        new StringBuilder()
            .append(violations.size())
            .append(" accessibility rule(s) violated on ")
            .append(driver.getCurrentUrl())
            .append(':');
    for (Rule rule : violations) {
      report
          .append("\n- ")
          .append(rule.getId())
          .append(" (")
          .append(rule.getImpact())
          .append("): ")
          .append(rule.getHelp())
          .append(" <")
          .append(rule.getHelpUrl())
          .append('>');
      for (CheckedNode node : rule.getNodes()) {
        report.append("\n    at ").append(node.getTarget());
        if (node.getFailureSummary() != null) {
          report.append("\n       ").append(node.getFailureSummary().replace("\n", "\n       "));
        }
      }
    }
    fail(report.toString());
  }
}
