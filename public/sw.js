// baleine's service worker: after the first visit the playground works with
// the network cut. scripts/post-build.mjs fills in the version (a hash of
// the build) and the list of files, and writes the result as dist/sw.js.
//
// * install: caches every file of this build under a cache named after the
//   version, then takes over at once;
// * activate: deletes the caches of older versions (of this deployment only);
// * fetch: the build's own files come from the cache first; other files of
//   the same origin (scenario files) from the network, or from the cache
//   when offline; requests to other origins are not touched.
const VERSION = '__BALEINE_VERSION__';
const FILES = __BALEINE_FILES__;
const SCOPE = self.registration.scope;
const PREFIX = `baleine:${SCOPE}:`;
const CACHE = PREFIX + VERSION;
const INDEX = new URL('index.html', SCOPE).href;
const PRECACHED = new Set(FILES.map((f) => new URL(f, SCOPE).href));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(new URL(f, SCOPE).href, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || !req.url.startsWith(SCOPE)) return;
  const path = url.origin + url.pathname;
  if (req.mode === 'navigate' && (path === SCOPE || path === INDEX)) {
    // The app's page, whatever its query (?embed, ?lang=fr...).
    event.respondWith(caches.open(CACHE).then((c) => c.match(INDEX)).then((r) => r || fetch(req)));
    return;
  }
  if (PRECACHED.has(path)) {
    event.respondWith(caches.open(CACHE).then((c) => c.match(path)).then((r) => r || fetch(req)));
    return;
  }
  // Network first, so that an edited scenario file is seen; the cache when offline.
  event.respondWith(
    fetch(req)
      .then((resp) => {
        if (resp.ok && resp.type === 'basic') {
          const copy = resp.clone();
          caches.open(CACHE).then((c) => c.put(req, copy));
        }
        return resp;
      })
      .catch(() => caches.open(CACHE).then((c) => c.match(req)).then((r) => r || Response.error())),
  );
});
