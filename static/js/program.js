/* The client's program page (templates/plans/program/page.html; docs/program.md).

   A tap on "Done a session" ticks one session of that exercise today; "Undo" takes the
   last of today's back. The pain rating and the note are today's. Everything is kept on
   the phone first (localStorage, under this page's address) and sent to the server
   (POST <sync>) as soon as it can be: now, when the network comes back, or the next time
   the page opens. Each tick carries an id made here, so a tick sent twice (the answer was
   lost on the way) is stored once; an operation leaves the phone's queue only when the
   server has answered for it. A service worker (templates/plans/program/sw.js) keeps the
   page and its files, so it opens again without a network. */
(function () {
  "use strict";

  const root = document.getElementById("program");
  if (!root) return;
  const status = root.querySelector("[data-sync-status]");
  const storeKey = "program:" + window.location.pathname;
  const server = JSON.parse(document.getElementById("program-state").textContent);

  function localDay() {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  // The page was made on the server's day; a phone that stayed open past midnight moves on.
  const today = localDay() < root.dataset.first ? root.dataset.today : localDay();

  function load() {
    try {
      const saved = JSON.parse(window.localStorage.getItem(storeKey) || "null");
      if (saved && saved.known && saved.pending) return saved;
    } catch (error) {
      // Storage unreadable (private mode): start from the server's state only.
    }
    return { known: {}, removed: {}, days: {}, pending: { ticks: {}, days: {} } };
  }

  const store = load();
  // What the page was made with, what this phone knows (sent or not), less what it took
  // back: a copy of the page kept for offline use may be older than the phone.
  const ticks = {};
  for (const tick of server.ticks) ticks[tick.uid] = { slug: tick.slug, day: tick.day };
  Object.assign(ticks, store.known);
  for (const uid of Object.keys(store.removed)) delete ticks[uid];
  const days = {};
  for (const day of server.days) days[day.day] = { pain: day.pain, note: day.note };
  Object.assign(days, store.days);

  function save() {
    try {
      window.localStorage.setItem(storeKey, JSON.stringify(store));
    } catch (error) {
      // Full or unavailable: the operations stay in memory until sent.
    }
  }

  function newId() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    const bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" +
      hex.slice(16, 20) + "-" + hex.slice(20);
  }

  function todays(slug) {
    return Object.entries(ticks).filter(([, t]) => t.slug === slug && t.day === today);
  }

  function show() {
    for (const card of root.querySelectorAll("[data-slug]")) {
      const done = todays(card.dataset.slug).length;
      const planned = Number(card.dataset.perDay) || 1;
      card.querySelector("[data-done-today]").textContent =
        done ? "Done today: " + done + " of " + planned : "Not done yet today";
      card.querySelector("[data-untick]").hidden = done === 0;
      card.classList.toggle("program-done", done >= planned);
    }
    const day = days[today] || { pain: null, note: "" };
    for (const input of root.querySelectorAll("input[name=pain]")) {
      input.checked = day.pain !== null && Number(input.value) === day.pain;
    }
    const note = root.querySelector("#day-note");
    if (document.activeElement !== note) note.value = day.note || "";
  }

  function pendingCount() {
    return Object.keys(store.pending.ticks).length + Object.keys(store.pending.days).length;
  }

  let sending = false;

  async function flush() {
    if (sending || pendingCount() === 0) return;
    sending = true;
    const sent = {
      ticks: Object.entries(store.pending.ticks).map(([uid, t]) => ({ uid, ...t })),
      days: Object.entries(store.pending.days).map(([day, d]) => ({ day, ...d })),
    };
    try {
      const response = await fetch(root.dataset.sync, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(sent),
        credentials: "omit",
        referrerPolicy: "no-referrer",
      });
      if (response.status === 410) {
        status.textContent = "This program has ended. Please ask your clinic for your current program.";
        return;
      }
      if (!response.ok) throw new Error("HTTP " + response.status);
      const answer = await response.json();
      const done = new Set([...answer.applied, ...answer.rejected]);
      // Clear only what was sent and answered; a day changed meanwhile is sent again.
      for (const tick of sent.ticks) if (done.has(tick.uid)) delete store.pending.ticks[tick.uid];
      for (const day of sent.days) {
        const now = store.pending.days[day.day];
        if (done.has(day.day) && now && now.pain === day.pain && now.note === day.note) {
          delete store.pending.days[day.day];
        }
      }
      save();
      status.textContent = pendingCount() ? "Saving…" : "Saved.";
    } catch (error) {
      status.textContent = "Saved on this phone. It will be sent when you are back online.";
    } finally {
      sending = false;
    }
    if (pendingCount() && navigator.onLine) window.setTimeout(flush, 2000);
  }

  function tick(slug) {
    const uid = newId();
    ticks[uid] = { slug, day: today };
    store.known[uid] = { slug, day: today };
    store.pending.ticks[uid] = { slug, day: today, done: true };
    save();
    show();
    flush();
  }

  function untick(slug) {
    const last = todays(slug).pop();
    if (!last) return;
    const [uid, t] = last;
    delete ticks[uid];
    delete store.known[uid];
    store.removed[uid] = true;
    store.pending.ticks[uid] = { slug: t.slug, day: t.day, done: false };
    save();
    show();
    flush();
  }

  function setDay(change) {
    const day = { ...(days[today] || { pain: null, note: "" }), ...change };
    days[today] = day;
    store.days[today] = day;
    store.pending.days[today] = day;
    save();
    flush();
  }

  for (const card of root.querySelectorAll("[data-slug]")) {
    card.querySelector("[data-tick]").addEventListener("click", () => tick(card.dataset.slug));
    card.querySelector("[data-untick]").addEventListener("click", () => untick(card.dataset.slug));
  }
  // "Before your next visit" asks for the pain now too: today's rating fills it in while
  // the client has not answered it there, so they are not asked the same thing twice. They
  // still see it and send the form themselves (docs/program.md).
  function offerPainNow(pain) {
    const answers = document.querySelectorAll("#before-visit input[name=pain_now]");
    if (pain === null || [...answers].some((input) => input.checked)) return;
    for (const input of answers) input.checked = Number(input.value) === pain;
  }

  for (const input of root.querySelectorAll("input[name=pain]")) {
    input.addEventListener("change", () => {
      setDay({ pain: Number(input.value) });
      offerPainNow(Number(input.value));
    });
  }
  let typing = null;
  root.querySelector("#day-note").addEventListener("input", (event) => {
    window.clearTimeout(typing);
    typing = window.setTimeout(() => setDay({ note: event.target.value.slice(0, 280) }), 600);
  });
  window.addEventListener("online", flush);
  // Kept on the phone for the program's life: the page then opens without a network.
  if ("serviceWorker" in navigator && root.dataset.worker) {
    navigator.serviceWorker.register(root.dataset.worker).catch(() => {});
  }
  show();
  offerPainNow((days[today] || { pain: null }).pain);
  flush();
})();
