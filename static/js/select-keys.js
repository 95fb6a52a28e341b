/* Drop-downs marked data-typed="code" (the Oxford grades: assessments/forms.py) pick the
 * option whose code the typed keys spell: "4" is 4, "4" then "+" is 4+, "3" then "-" is 3-.
 *
 * The browser's own search matches the start of the labels, so with the grades in order
 * (3-, 3, 3+) typing "3" would pick 3-. Keys typed within a second of each other make one
 * code, as in the browser's search; a lone "+" or "-" after a pause steps the chosen grade
 * ("4", pause, "+": 4+). A key that spells no code changes nothing. Every other drop-down
 * keeps the browser's own first-letter search.
 */
(function () {
  "use strict";

  var PAUSE_MS = 1000;
  var typed = new WeakMap();

  function option(select, code) {
    var wanted = code.toLowerCase();
    var options = Array.prototype.slice.call(select.options).filter(function (item) {
      return item.value !== "";
    });
    return (
      options.find(function (item) {
        return item.value.toLowerCase() === wanted;
      }) ||
      options.find(function (item) {
        return item.value.toLowerCase().indexOf(wanted) === 0;
      })
    );
  }

  function choose(select, key) {
    var now = Date.now();
    var last = typed.get(select);
    var text = last && now - last.at < PAUSE_MS ? last.text + key : key;
    var found = option(select, text);
    if (!found && text !== key) {
      text = key; // a new code, not the end of the last one
      found = option(select, text);
    }
    if (!found && (key === "+" || key === "-") && select.value) {
      found = option(select, select.value.replace(/[+-]$/, "") + key);
    }
    typed.set(select, { text: text, at: now });
    return found;
  }

  document.addEventListener("keydown", function (event) {
    var select = event.target;
    if (!(select instanceof HTMLSelectElement) || select.dataset.typed !== "code") {
      return;
    }
    if (event.key.length !== 1 || event.key === " " || event.ctrlKey || event.altKey || event.metaKey) {
      return; // arrows, Home, Tab, Enter, space (opens the list) and shortcuts as usual
    }
    event.preventDefault(); // no label search on top of this one
    var found = choose(select, event.key);
    if (found && !found.selected) {
      found.selected = true;
      select.dispatchEvent(new Event("input", { bubbles: true }));
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }
  });
})();
