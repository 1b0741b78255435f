/*
 * Bridgeway's page behaviour. Loaded with defer from the layout; the Content-Security-Policy
 * allows scripts from this origin only, so no template has inline script or event attributes.
 */
(function () {
  "use strict";

  var root = document.documentElement;
  var requestsUnderWay = 0;

  /* An error summary is rendered after a failed submission: move focus to it so that keyboard
     and screen-reader users hear what went wrong and can follow its links to the fields. */
  function focusErrorSummary() {
    var summary = document.getElementById("error-summary");
    if (summary) {
      summary.focus();
    }
  }

  function targetOf(event) {
    var detail = event.detail || {};
    return detail.target || detail.elt || null;
  }

  /* htmx: a progress bar while requests are under way, and aria-busy on the region being
     updated so that assistive technology waits for the new content. */
  document.addEventListener("htmx:beforeRequest", function (event) {
    requestsUnderWay += 1;
    root.classList.add("bw-busy");
    var target = targetOf(event);
    if (target && target.setAttribute) {
      target.setAttribute("aria-busy", "true");
    }
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    requestsUnderWay = Math.max(0, requestsUnderWay - 1);
    if (requestsUnderWay === 0) {
      root.classList.remove("bw-busy");
    }
    var target = targetOf(event);
    if (target && target.removeAttribute) {
      target.removeAttribute("aria-busy");
    }
  });

  /* A swap that brings an error summary in focuses it, as a full page load does. */
  document.addEventListener("htmx:afterSettle", function (event) {
    var target = targetOf(event);
    var summary = document.getElementById("error-summary");
    if (!summary || !target || !target.contains) {
      return;
    }
    /* An outerHTML swap replaces the target itself, which leaves the document. */
    if (!target.isConnected || target.contains(summary)) {
      focusErrorSummary();
    }
  });

  focusErrorSummary();
})();
