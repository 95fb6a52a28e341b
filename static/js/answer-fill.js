/* Buttons that answer a form's unanswered fields in one press: the red-flag screen's
   "None of these" and "Unchanged since <date>" (assessments/red_flag_screen.py).
   data-fill="field:value field:value ...": each named field still blank gets its value,
   and an answer already given is kept. data-fill-done is the message then read out, with
   {n} the number filled ({s} makes the plural). Without this script each button submits
   the form and the server fills the same fields before saving. */
(function () {
  "use strict";

  function fill(button) {
    let count = 0;
    for (const pair of button.dataset.fill.split(" ")) {
      const at = pair.indexOf(":");
      const field = button.form.elements.namedItem(pair.slice(0, at));
      if (field && field.value === "") {
        field.value = pair.slice(at + 1);
        // Bubbles to the form: the live findings (htmx) update once for the whole fill.
        field.dispatchEvent(new Event("change", { bubbles: true }));
        count += 1;
      }
    }
    const status = button.closest("[data-fill-scope]").querySelector("[data-fill-status]");
    status.textContent = count
      ? button.dataset.fillDone.replace("{n}", String(count)).replace("{s}", count === 1 ? "" : "s")
      : "Every item is answered already; nothing was changed.";
  }

  for (const button of document.querySelectorAll("button[data-fill]")) {
    button.type = "button"; // fills in place, never submits
    button.addEventListener("click", () => fill(button));
  }
})();
