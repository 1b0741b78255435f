/*
 * Draws the charts of a page. A chart is a <canvas class="bw-chart__canvas"> whose data-chart
 * attribute holds {type, labels, datasets: [{label, data}], stacked}; the page puts a table with the
 * same figures next to it (aria-describedby), so the chart adds a picture, never information only a
 * picture holds. Loaded with defer after vendor/chartjs (the Content-Security-Policy forbids inline
 * scripts). Colours are USWDS palette colours with at least 3:1 contrast against white; the legend
 * names each dataset and the table holds the same figures, so colour is never the only cue.
 */
(function () {
  "use strict";

  var COLOURS = ["#005ea2", "#c05600", "#1b4a2c", "#71767a", "#8b0a03", "#4c2c92"];

  function draw(canvas) {
    var spec;
    try {
      spec = JSON.parse(canvas.getAttribute("data-chart"));
    } catch (e) {
      return;
    }
    var datasets = spec.datasets.map(function (set, i) {
      return {
        label: set.label,
        data: set.data,
        backgroundColor: COLOURS[i % COLOURS.length],
        borderColor: "#ffffff",
        borderWidth: 1
      };
    });
    var stacked = !!spec.stacked;
    /* eslint-disable-next-line no-new */
    new window.Chart(canvas, {
      type: spec.type || "bar",
      data: { labels: spec.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: window.matchMedia("(prefers-reduced-motion: reduce)").matches ? false : undefined,
        plugins: { legend: { display: datasets.length > 1 } },
        scales: {
          x: { stacked: stacked },
          y: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } }
        }
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.Chart) {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll("canvas.bw-chart__canvas"), draw);
  });
})();
