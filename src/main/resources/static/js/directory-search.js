/*
 * The directory search pages. After a search (the page was loaded with filters), move focus to
 * the results heading, which says how many services were found, so that screen-reader and
 * keyboard users hear the outcome and continue from the results. An error summary takes
 * precedence: /js/app.js focuses it.
 */
(function () {
  "use strict";

  function announceResults() {
    if (document.getElementById("error-summary")) {
      return;
    }
    var heading = document.querySelector("[data-announce='true']");
    if (heading) {
      heading.focus();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", announceResults);
  } else {
    announceResults();
  }
})();
