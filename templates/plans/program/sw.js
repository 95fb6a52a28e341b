/* The program page's service worker (plans/program/views.py, program_worker; docs/program.md).
   Served from the page's own address, so it looks after that page only. It keeps the page
   and what it shows (styles, script, pictures) so the program opens without a network:
   the page from the network when there is one (then kept), else the kept copy; the files
   from the kept copy first. Nothing else is kept, and the sync is never answered from here:
   the page's own queue (static/js/program.js) sends what was done once the network is back. */
"use strict";

const CACHE = "program-{{ version }}";
const PAGE = "{{ page }}";
const FILES = {{ files|safe }};

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll([PAGE, ...FILES])).then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("program-") && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" || url.pathname === PAGE) {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(PAGE, copy));
          }
          return response;
        })
        .catch(() => caches.match(PAGE).then((kept) => kept || Response.error()))
    );
    return;
  }
  if (FILES.includes(url.pathname)) {
    event.respondWith(caches.match(url.pathname).then((kept) => kept || fetch(request)));
  }
});
