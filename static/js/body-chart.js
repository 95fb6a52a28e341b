/* The body chart on the assessment page (templates/assessments/_body_chart_section.html).
   A region on a figure is a toggle button: pressing it (click, Enter or Space) adds its row
   to the region list and moves the focus to the row's pain type; pressing it again removes
   a row added this way, or moves to the row of a region marked before (its pain type's
   "remove" answer removes that one). The figures are one stop in the Tab order; the arrow
   keys move between regions. Without this script the list's "Mark a region" row does it. */
(function () {
  "use strict";

  const chart = document.querySelector("[data-body-chart]");
  if (!chart) return;
  const regions = Array.from(chart.querySelectorAll(".bc-region[data-region]"));
  const rows = chart.querySelector("#body-chart-rows");
  const template = chart.querySelector("#body-chart-row");
  const form = chart.closest("form");

  function rowOf(code) {
    return rows.querySelector("[data-region='" + code + "']");
  }

  function changed() {
    // The live findings listen for changes on the form.
    if (form) form.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function addRow(region) {
    const code = region.dataset.region;
    const row = template.content.firstElementChild.cloneNode(true);
    row.dataset.region = code;
    row.querySelector("[data-part='label']").textContent = region.getAttribute("aria-label");
    for (const part of ["type", "intensity"]) {
      const field = row.querySelector("[data-part='" + part + "']");
      const label = row.querySelector("[data-for='" + part + "']");
      field.name = "chart_" + code + "_" + part;
      field.id = "id_" + field.name;
      label.htmlFor = field.id;
      label.textContent =
        region.getAttribute("aria-label") + (part === "type" ? ": pain type" : ": intensity 0-10");
    }
    row.querySelector("select").value = "ache";
    const none = chart.querySelector("#body-chart-none");
    if (none) none.hidden = true;
    rows.appendChild(row);
    return row;
  }

  function press(region) {
    const code = region.dataset.region;
    const row = rowOf(code);
    if (row && row.dataset.added) {
      row.remove();
      region.setAttribute("aria-pressed", "false");
      changed();
      return;
    }
    const target = row || addRow(region);
    region.setAttribute("aria-pressed", "true");
    const select = target.querySelector("select");
    select.focus();
    if (!row) changed();
  }

  function move(from, step) {
    const index = (regions.indexOf(from) + step + regions.length) % regions.length;
    from.tabIndex = -1;
    regions[index].tabIndex = 0;
    regions[index].focus();
  }

  regions.forEach((region, index) => {
    region.tabIndex = index === 0 ? 0 : -1;
    region.addEventListener("click", () => press(region));
    region.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        press(region);
      } else if (event.key === "ArrowRight" || event.key === "ArrowDown") {
        event.preventDefault();
        move(region, 1);
      } else if (event.key === "ArrowLeft" || event.key === "ArrowUp") {
        event.preventDefault();
        move(region, -1);
      }
    });
    region.addEventListener("focus", () => {
      for (const other of regions) other.tabIndex = other === region ? 0 : -1;
    });
  });
})();
