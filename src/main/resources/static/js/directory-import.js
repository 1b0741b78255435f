/*
 * The import job page (templates/directory/exchange/import.html): while the import runs, polls
 * its progress every two seconds and updates the progress bar. A change of status is announced
 * through the status live region; other updates are not, so that a screen reader is not
 * interrupted every two seconds. When the import is done, the page's result and details sections
 * are fetched and put in place of the progress section and the old details, and focus moves to
 * the result's heading.
 */
(function () {
  "use strict";

  var section = document.querySelector("[data-import-progress]");
  if (!section || !window.fetch) {
    return;
  }
  var url = section.getAttribute("data-import-progress");
  var lastStatus = section.getAttribute("data-import-status");
  var bar = document.getElementById("import-progress-bar");
  var text = document.getElementById("import-progress-text");
  var status = document.getElementById("import-status");
  var interval = 2000;

  function schedule() {
    window.setTimeout(poll, interval);
  }

  function showResult() {
    fetch(window.location.href, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (!html) {
          window.location.reload();
          return;
        }
        var page = new DOMParser().parseFromString(html, "text/html");
        var result = page.getElementById("import-result");
        var newStatus = page.getElementById("import-status");
        if (!result) {
          window.location.reload();
          return;
        }
        section.replaceWith(document.importNode(result, true));
        var details = page.getElementById("import-details");
        var oldDetails = document.getElementById("import-details");
        if (details && oldDetails) {
          oldDetails.replaceWith(document.importNode(details, true));
        }
        if (newStatus && status) {
          status.textContent = newStatus.textContent;
        }
        var heading = document.getElementById("result-heading");
        if (heading) {
          heading.focus();
        }
      })
      .catch(function () {
        window.location.reload();
      });
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (progress) {
        if (!progress) {
          schedule();
          return;
        }
        if (progress.finished) {
          showResult();
          return;
        }
        if (progress.determinate) {
          bar.max = progress.total;
          bar.value = progress.done;
        } else {
          bar.removeAttribute("value");
        }
        text.textContent = progress.progressText;
        if (progress.status !== lastStatus) {
          lastStatus = progress.status;
          status.textContent = progress.statusText;
        }
        schedule();
      })
      .catch(schedule);
  }

  schedule();
})();
