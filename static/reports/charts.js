// Charts: fetch each chart's compact JSON, draw it with plotly.js (served from our static
// files), fill its data table, and open the evidence behind a mark when it is clicked.
(function () {
  "use strict";

  function table(spec) {
    const t = document.createElement("table");
    t.className = "list compact";
    const head = t.createTHead().insertRow();
    for (const c of spec.columns) {
      const th = document.createElement("th");
      th.textContent = c;
      head.appendChild(th);
    }
    const body = t.createTBody();
    for (const row of spec.rows) {
      const tr = body.insertRow();
      for (const v of row) {
        const td = tr.insertCell();
        td.textContent = v === null ? "" : String(v);
        if (typeof v === "number") td.className = "num";
      }
    }
    return t;
  }

  async function draw(section) {
    const caption = section.querySelector(".caption");
    try {
      const response = await fetch(section.dataset.src, { credentials: "same-origin" });
      if (!response.ok) throw new Error("HTTP " + response.status);
      const chart = await response.json();
      caption.textContent = chart.caption;
      const plot = section.querySelector(".plot");
      plot.setAttribute("aria-label", chart.caption);
      section.querySelector(".table-slot").replaceChildren(table(chart.table));
      await window.Plotly.newPlot(plot, chart.figure.data, chart.figure.layout, {
        responsive: true,
        displaylogo: false,
      });
      plot.on("plotly_click", (event) => {
        const point = event.points && event.points[0];
        if (point && typeof point.customdata === "string") window.location.href = point.customdata;
      });
      section.dataset.ready = "1";
    } catch (err) {
      caption.textContent = "This chart could not be loaded (" + err.message + ").";
      section.dataset.ready = "error";
    }
  }

  document.querySelectorAll("section.chart[data-src]").forEach(draw);
})();
