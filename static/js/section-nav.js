/* The assessment's section links (templates/assessments/_section_nav.html): following one,
   by click or by its Alt+number access key, opens the section if the clinic's quick-screen
   preset folded it away, then moves the focus to the section. A page opened at a section's
   address (#section-rom) opens that section too. */
(function () {
  "use strict";

  function open(hash) {
    const section = hash && document.getElementById(hash.slice(1));
    if (!section) return;
    const folded = section.querySelector("details.folded-section");
    if (folded) folded.open = true;
    section.focus({ preventScroll: true });
  }

  for (const link of document.querySelectorAll(".section-nav a[href^='#section-']")) {
    // The browser scrolls to the section after this; opening first keeps it in place.
    link.addEventListener("click", () => open(link.hash));
  }
  window.addEventListener("hashchange", () => open(window.location.hash));
  open(window.location.hash);
})();
