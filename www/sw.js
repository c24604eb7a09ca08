// Offline support: every request goes to the network first and falls back
// to the copy cached on the last successful visit.
const CACHE = 'lede-v3';
const SHELL = [
  './', './index.html', './style.css', './app.js', './worker.js', './sample.js',
  './world.json', './pkg/index.js', './pkg/lede.js', './pkg/lede_bg.wasm',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((c) => c.put(event.request, copy));
        }
        return response;
      })
      .catch(() => caches.match(event.request).then((r) => r ?? Response.error())),
  );
});
