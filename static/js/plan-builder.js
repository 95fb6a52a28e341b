// The plan builder's one form (templates/jinja2/plans/editor.html), made quicker in the page:
// moving and removing items happens in place (no reload, the view stays put), dragging
// an item moves it too, and any unsaved edit is marked and guarded until "Save plan".
// Without this script every button posts the whole form and nothing is lost either.
(function () {
  "use strict";

  var dirty = false;

  function form() { return document.getElementById("plan-form"); }
  function list() { return document.getElementById("plan-items"); }

  function items(includeRemoved) {
    var root = list();
    if (!root) return [];
    return Array.prototype.filter.call(root.querySelectorAll("li.plan-item"), function (li) {
      return includeRemoved || !li.hidden;
    });
  }

  function say(text) {
    var status = document.getElementById("move-status");
    if (status) status.textContent = text;
  }

  function markDirty() {
    if (dirty) return;
    dirty = true;
    var state = document.getElementById("save-state");
    if (state) {
      state.textContent = "Unsaved changes: press Save plan";
      state.classList.remove("text-secondary");
      state.classList.add("text-warning-emphasis", "fw-semibold");
    }
  }

  // Hidden fields, numbers, arrows and the "put a new item" choices follow the list.
  function sync() {
    var shown = items(false);
    var f = form();
    if (!f) return;
    f.elements.order.value = shown.map(function (li) { return li.dataset.item; }).join(",");
    f.elements.removed.value = items(true).filter(function (li) { return li.hidden; })
      .map(function (li) { return li.dataset.item; }).join(",");
    shown.forEach(function (li, index) {
      li.querySelector(".item-number").textContent = String(index + 1);
      li.querySelector('[data-move="up"]').disabled = index === 0;
      li.querySelector('[data-move="down"]').disabled = index === shown.length - 1;
    });
    var place = document.getElementById("add-at");
    if (place) {
      var chosen = place.value;
      while (place.options.length > 2) place.remove(2);
      shown.slice(0, -1).forEach(function (li, index) {
        var option = document.createElement("option");
        option.value = String(index + 2);
        option.textContent = "after " + (index + 1) + ". " + li.dataset.name;
        place.add(option);
      });
      place.value = chosen;
      if (place.value !== chosen) place.value = "";
    }
    markInPlan();
  }

  // Library results added by htmx say "in plan" for entries already on the page.
  function markInPlan() {
    var results = document.getElementById("library-results");
    if (!results) return;
    var present = {};
    items(false).forEach(function (li) { present[li.dataset.slug] = true; });
    results.querySelectorAll("li[data-slug]").forEach(function (row) {
      var button = row.querySelector("button");
      if (button) button.disabled = !!present[row.dataset.slug];
    });
  }

  function move(li, direction) {
    var shown = items(false);
    var index = shown.indexOf(li);
    var target = shown[index + (direction === "up" ? -1 : 1)];
    if (!target) return;
    if (direction === "up") target.before(li); else target.after(li);
    sync();
    markDirty();
    var position = items(false).indexOf(li) + 1;
    say(li.dataset.name + " moved to position " + position + " of " + shown.length + ".");
    // Keep the keyboard where it was; at the top or bottom use the other arrow.
    var button = li.querySelector('[data-move="' + direction + '"]');
    if (button.disabled) button = li.querySelector('[data-move="' + (direction === "up" ? "down" : "up") + '"]');
    button.focus({ preventScroll: true });
    li.scrollIntoView({ block: "nearest" });
  }

  function remove(li) {
    li.hidden = true;
    sync();
    markDirty();
    var note = document.getElementById("removed-items");
    var line = document.createElement("div");
    line.className = "alert alert-secondary py-1 px-2 mb-1 d-flex align-items-center gap-2";
    line.dataset.undo = li.dataset.item;
    var text = document.createElement("span");
    text.textContent = "Removed " + li.dataset.name + " (on saving).";
    var undo = document.createElement("button");
    undo.type = "button";
    undo.className = "btn btn-link btn-sm p-0";
    undo.textContent = "Undo";
    undo.setAttribute("aria-label", "Undo removing " + li.dataset.name);
    line.append(text, undo);
    note.append(line);
    undo.focus({ preventScroll: true });
  }

  function restore(line) {
    var li = document.getElementById("item-" + line.dataset.undo);
    line.remove();
    if (!li) return;
    li.hidden = false;
    sync();
    li.querySelector("[data-remove]").focus({ preventScroll: true });
    say(li.dataset.name + " is back in the plan.");
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("#plan-form button");
    if (!button) return;
    var li = button.closest("li.plan-item");
    if (li && button.dataset.move) {
      event.preventDefault();
      move(li, button.dataset.move);
    } else if (li && button.hasAttribute("data-remove")) {
      event.preventDefault();
      remove(li);
    } else if (button.closest("[data-undo]")) {
      event.preventDefault();
      restore(button.closest("[data-undo]"));
    }
  });

  // Enter in the search box searches (in place) instead of saving the plan.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.target.id === "library-q") {
      event.preventDefault();
      event.target.dispatchEvent(new Event("search"));
    }
  });

  document.addEventListener("input", function (event) {
    if (event.target.closest("#plan-form") && !event.target.closest("[role=search]")) markDirty();
  });

  // Dragging: the handle starts it; the item moves live under the pointer.
  var dragged = null;
  document.addEventListener("pointerdown", function (event) {
    var handle = event.target.closest("#plan-items .drag-handle");
    if (handle) handle.closest("li.plan-item").draggable = true;
  });
  document.addEventListener("dragstart", function (event) {
    var li = event.target.closest && event.target.closest("#plan-items li.plan-item");
    if (!li || !li.draggable) return;
    dragged = li;
    li.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", li.dataset.item);
  });
  document.addEventListener("dragover", function (event) {
    if (!dragged) return;
    var over = event.target.closest && event.target.closest("#plan-items li.plan-item");
    event.preventDefault();
    if (!over || over === dragged) return;
    var box = over.getBoundingClientRect();
    if (event.clientY < box.top + box.height / 2) over.before(dragged); else over.after(dragged);
  });
  document.addEventListener("drop", function (event) { if (dragged) event.preventDefault(); });
  document.addEventListener("dragend", function () {
    if (!dragged) return;
    dragged.classList.remove("dragging");
    dragged.draggable = false;
    var name = dragged.dataset.name;
    dragged = null;
    sync();
    markDirty();
    say(name + " moved.");
  });

  // Leaving with unsaved edits asks first; saving (the form's own post) does not.
  window.addEventListener("beforeunload", function (event) {
    if (dirty) event.preventDefault();
  });
  document.addEventListener("submit", function (event) {
    if (event.target.id === "plan-form") dirty = false;
  }, true);
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (event.target.id === "plan-form" || event.target.closest("#plan-form button")) dirty = false;
  });
  // After a save the page is new: a refused save (errors, a conflict) is still pending.
  document.addEventListener("htmx:afterSettle", function () {
    var state = document.getElementById("save-state");
    dirty = !!(state && state.dataset.pending);
    markInPlan();
  });
})();
