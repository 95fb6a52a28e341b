/* Live check of the assessment form's numbers, as the therapist leaves each field.
 *
 * The same rules as the server (assessments/number_field.py; keep them in step), in the
 * same order: not a number, too many decimal places, outside the plausible range. The
 * words are the server's own, read from the input's data-msg-* attributes, and the message
 * goes where the server puts it: a div.invalid-feedback at the end of the field's cell,
 * named by the input's aria-describedby, the input marked is-invalid and aria-invalid.
 * Nothing typed is changed; the form still posts it as typed.
 */
(function () {
  "use strict";

  // Digits, an optional sign, one separator with digits on both sides; a comma only with
  // one or two digits after it ("1,500" could be 1500 or 1.5, so it is not a number here).
  var NUMBER = /^[+-]?[0-9]+(?:\.[0-9]+|,[0-9]{1,2})?$/;

  function places(text) {
    var fraction = /[.,]([0-9]+)$/.exec(text);
    return fraction ? fraction[1].replace(/0+$/, "").length : 0;
  }

  function problem(input) {
    var text = input.value.trim();
    if (text === "") {
      return "";
    }
    if (!NUMBER.test(text)) {
      return input.dataset.msgInvalid;
    }
    if (places(text) > Number(input.dataset.decimals)) {
      return input.dataset.msgPlaces;
    }
    var value = Number(text.replace(",", "."));
    if (value < Number(input.dataset.min) || value > Number(input.dataset.max)) {
      return input.dataset.msgRange;
    }
    return "";
  }

  function show(input, message) {
    var id = input.id + "-error";
    var box = document.getElementById(id);
    if (!message) {
      if (box) {
        box.remove();
      }
      input.classList.remove("is-invalid");
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
      return;
    }
    if (!box) {
      box = document.createElement("div");
      box.className = "invalid-feedback d-block";
      box.id = id;
      (input.closest("td") || input.parentNode).appendChild(box);
    }
    box.textContent = message;
    input.classList.add("is-invalid");
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", id);
  }

  function checked(event) {
    var input = event.target;
    return input instanceof HTMLInputElement && input.dataset.msgInvalid ? input : null;
  }

  // Leaving a changed field: say what is wrong, or clear what was.
  document.addEventListener("change", function (event) {
    var input = checked(event);
    if (input) {
      show(input, problem(input));
    }
  });

  // While typing, only clear: a message appears when the field is left, not mid-number.
  document.addEventListener("input", function (event) {
    var input = checked(event);
    if (input && input.getAttribute("aria-invalid") === "true" && !problem(input)) {
      show(input, "");
    }
  });
})();
