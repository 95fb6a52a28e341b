/* "Add a row" on the treatment page (templates/treatment/edit.html): a blank row copied
   from the formset's empty form (its <template>, with "__prefix__" the form's index and
   "__num__" its number), the formset's TOTAL_FORMS raised by one, and the focus on the new
   row's technique. Up to the formset's MAX_NUM_FORMS. Without this script the button stays
   hidden: saving brings two blank rows. */
(function () {
  "use strict";

  const button = document.getElementById("add-treatment-row");
  const template = document.getElementById("treatment-row-template");
  const rows = document.getElementById("treatment-rows");
  if (!button || !template || !rows) return;
  const total = document.querySelector("input[name$='-TOTAL_FORMS']");
  const most = document.querySelector("input[name$='-MAX_NUM_FORMS']");

  function full() {
    return Number(total.value) >= Number(most.value);
  }

  button.addEventListener("click", () => {
    if (full()) return;
    const index = Number(total.value);
    const html = template.innerHTML
      .replaceAll("__prefix__", String(index))
      .replaceAll("__num__", String(index + 1));
    rows.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    button.hidden = full();
    const added = rows.lastElementChild;
    const first = added && added.querySelector("select, input");
    if (first) first.focus();
  });
  button.hidden = full();
})();
