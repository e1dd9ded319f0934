// End-to-end tests of classroom delivery (docs/classroom.md), on the release
// bundle in dist/ (`trunk build --release` first), in headless Chromium:
// saved sessions and their restore, undo, share links, offline use, the
// postMessage API of the embedded layout, the single-file build from
// file://, languages, error hints, and that learner text is never HTML.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { DIST, startApp, checkedSession, serveDist, openApp, waitFor, run, waitForOutput as waitForRaw, terminalText } from './lib.mjs';

const XSS = '<img src=x onerror=alert(1)>';
let browser;
let url;
let stop;
before(async () => ({ browser, url, stop } = await startApp()));
after(() => stop?.());

/** A fresh profile on `target`; checks at the end that nothing went wrong. */
const session = (fn, { target = url, ...opts } = {}) => checkedSession(browser, target, fn, opts);

/** Waits until the scrollback, as shown (lines separated by newlines), contains `text`. */
function waitForOutput(page, text, timeout = 10000) {
  return waitFor(page, (t) => document.querySelector('[data-testid="terminal-output"]')?.innerText.includes(t), text, timeout);
}
void waitForRaw;

const containerState = (page, name) => page.locator(`[data-testid="container-${name}"]`).getAttribute('data-state');
const waitContainer = (page, name, state = 'running', timeout = 20000) =>
  waitFor(page, ([n, s]) => document.querySelector(`[data-testid="container-${n}"]`)?.getAttribute('data-state') === s, [name, state], timeout);
const containerNames = (page) => page.$$eval('[data-testid^="container-"][data-state]', (els) => els.map((e) => e.dataset.testid.slice(10)).sort());
const savedSession = (page, name = 'default') => page.evaluate((n) => localStorage.getItem(`baleine.session.${n}`), name);

async function reloadApp(page) {
  await page.reload();
  await page.waitForSelector('[data-testid="terminal-input"]');
  await waitFor(page, () => document.documentElement.dataset.restoreMs !== undefined || document.querySelector('[data-testid="session-name"]'));
}

test('a session survives a reload: machine, files, terminal; the saved format is versioned', async () => {
  await session(async (page) => {
    await run(page, 'docker network create app-net');
    await run(page, 'docker run -d --name web --network app-net -p 8080:80 nginx');
    await run(page, 'echo "bonjour" > notes.txt');
    await waitContainer(page, 'web');
    await waitFor(page, () => document.querySelector('[data-testid="file-tree"] [data-path="notes.txt"]'));
    const before = await terminalText(page);
    const saved = await savedSession(page);
    assert.match(saved, /^lz1:/, 'saved compressed');
    await reloadApp(page);
    await waitContainer(page, 'web');
    await waitFor(page, () => document.querySelector('[data-testid="file-tree"] [data-path="notes.txt"]'));
    assert.equal(await terminalText(page), before, 'the terminal shows the same scrollback');
    assert.ok(await page.locator('[data-testid="network-app-net"]').count() >= 0);
    // The same command history (up arrow).
    const input = page.locator('[data-testid="terminal-input"]');
    await input.focus();
    await input.press('ArrowUp');
    await waitFor(page, () => document.querySelector('.term-prompt-line')?.textContent.includes('echo "bonjour" > notes.txt'));
    // The machine goes on from the restored state.
    await input.press('Control+u');
    await run(page, 'cat notes.txt');
    await waitForOutput(page, 'cat notes.txt\nbonjour');
  });
});

test('undo, redo, history and reset', async () => {
  await session(async (page) => {
    await run(page, 'docker run -d --name one nginx');
    await waitContainer(page, 'one');
    await run(page, 'docker run -d --name two nginx');
    await waitContainer(page, 'two');
    await run(page, 'docker stop one');
    await waitContainer(page, 'one', 'exited');
    await page.click('[data-testid="undo"]');
    await waitContainer(page, 'one', 'running');
    assert.deepEqual(await containerNames(page), ['one', 'two']);
    assert.doesNotMatch(await terminalText(page), /docker stop one/, 'the undone command left the scrollback');
    await page.click('[data-testid="undo"]');
    await waitFor(page, () => !document.querySelector('[data-testid="container-two"]'));
    await page.click('[data-testid="redo"]');
    await waitContainer(page, 'two');
    // The undo survives a reload (the journal is saved).
    await reloadApp(page);
    await waitContainer(page, 'two');
    assert.deepEqual(await containerNames(page), ['one', 'two']);
    // History: back to just after the first command.
    await page.click('[data-testid="session-menu"] summary');
    await page.locator('[data-testid="history-step"]').first().click();
    await waitFor(page, () => !document.querySelector('[data-testid="container-two"]'));
    assert.deepEqual(await containerNames(page), ['one']);
    // Reset to a clean machine.
    await page.click('[data-testid="reset-menu"] summary');
    await page.click('[data-testid="reset-clean"]');
    await waitFor(page, () => document.querySelectorAll('[data-testid^="container-"][data-state]').length === 0);
    assert.equal((await terminalText(page)).trim(), '');
  });
});

test('a shared link opened in a fresh profile reproduces the scenario, only when run', async () => {
  let link;
  let stateLink;
  await session(async (page) => {
    await page.click('button[aria-label="New file"]');
    await page.fill('[data-testid="tree-name"]', 'compose.yaml');
    await page.press('[data-testid="tree-name"]', 'Enter');
    await waitFor(page, () => document.querySelector('.code-input'));
    await page.fill('.code-input', 'services:\n  web:\n    image: nginx\n  cache:\n    image: redis\n');
    await page.press('.code-input', 'Control+s');
    await waitFor(page, () => !document.querySelector('.code-head .badge'));
    await run(page, 'docker compose up -d');
    await waitFor(page, () => document.querySelectorAll('[data-testid^="container-"][data-state="running"]').length === 2, null, 20000);
    await page.click('[data-testid="session-menu"] summary');
    await page.click('[data-testid="share-make"]');
    link = await page.locator('[data-testid="share-url"]').inputValue();
    stateLink = await page.locator('[data-testid="share-state-url"]').inputValue();
  });
  assert.match(link, /#share=[A-Za-z0-9+\-$]+$/);
  const { context, page } = await openApp(browser, link);
  try {
    await page.waitForSelector('[data-testid="share-preview"]');
    const preview = await page.locator('[data-testid="share-preview"]').innerText();
    assert.match(preview, /compose\.yaml/);
    assert.match(preview, /docker compose up -d/);
    assert.equal(await page.locator('[data-testid^="container-"][data-state]').count(), 0, 'nothing runs before Run');
    await page.click('[data-testid="share-run"]');
    await waitFor(page, () => document.querySelectorAll('[data-testid^="container-"][data-state="running"]').length === 2, null, 20000);
    assert.equal(new URL(page.url()).hash, '', 'the fragment is cleared once run');
    assert.match(await page.locator('[data-testid="session-name"]').innerText(), /^shared /);
    // Reset to the start of the shared scenario keeps its setup.
    await run(page, 'docker compose down');
    await waitFor(page, () => document.querySelectorAll('[data-testid^="container-"][data-state]').length === 0, null, 20000);
    await page.click('[data-testid="reset-menu"] summary');
    await page.click('[data-testid="reset-mark"]');
    await waitFor(page, () => document.querySelectorAll('[data-testid^="container-"][data-state="running"]').length === 2, null, 20000);
  } finally {
    await context.close();
  }
  // The exact-state link replays the whole session.
  await session(async (page) => {
    await page.waitForSelector('[data-testid="share-preview"]');
    await page.click('[data-testid="share-run"]');
    await waitFor(page, () => document.querySelectorAll('[data-testid^="container-"][data-state="running"]').length === 2, null, 20000);
    await waitForOutput(page, 'docker compose up -d');
  }, { target: stateLink });
});

test('a malformed shared link gives a message and a clean machine', async () => {
  for (const hash of ['#share=AAAA', '#share=%%%', '#share=' + 'N4Ig'.repeat(50), '#share=BYUwNmD2Q']) {
    await session(async (page) => {
      await page.waitForSelector('[data-testid="notice"]');
      assert.match(await page.locator('[data-testid="notice"]').innerText(), /shared link could not be opened/);
      assert.equal(await page.locator('[data-testid="share-preview"]').count(), 0);
      await run(page, 'echo still-working');
      await waitForOutput(page, 'still-working');
    }, { target: url + hash });
  }
});

test('a corrupted, foreign or newer save gives a message, the old save to download, and a clean machine', async () => {
  const cases = [
    ['lz1:this is not compressed!!', /damaged/],
    ['{"some":"other app"}', /not a baleine session/],
    ['{"format":"baleine-session","version":99,"seed":1,"epoch_secs":0,"journal":[]}', /newer version/],
    ['{"format":"baleine-session","version":1,"seed":1,"epoch_secs":0,"journal":[{"line":1}]}', /damaged/],
  ];
  for (const [bad, why] of cases) {
    await session(async (page) => {
      await page.evaluate((b) => localStorage.setItem('baleine.session.default', b), bad);
      await reloadApp(page);
      await page.waitForSelector('[data-testid="notice"]');
      const text = await page.locator('[data-testid="notice"]').innerText();
      assert.match(text, /could not be read/);
      assert.match(text, why);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-broken"]')]);
      assert.equal(fs.readFileSync(await download.path(), 'utf8'), bad);
      await run(page, 'docker ps -q | wc -l');
      await waitForOutput(page, 'wc -l\n0');
    });
  }
});

test('learner text is rendered as text, never as HTML', async () => {
  await session(async (page) => {
    await run(page, `echo '${XSS}' > xss.html`);
    await run(page, 'cat xss.html');
    await run(page, `docker run -d --name labelled --label 'note=${XSS}' nginx`);
    await waitContainer(page, 'labelled');
    await run(page, "docker inspect --format '{{json .Config.Labels}}' labelled");
    await waitForOutput(page, 'onerror');
    await page.click('[data-testid="file-tree"] [data-path="xss.html"]');
    await waitFor(page, (x) => document.querySelector('.code-input')?.value === x + '\n', XSS);
    // A session named with markup.
    await page.click('[data-testid="session-menu"] summary');
    await page.fill('[data-testid="session-new-name"]', XSS);
    await page.click('[data-testid="session-new"]');
    await waitFor(page, (x) => document.querySelector('[data-testid="session-name"]')?.textContent === x, XSS);
    await page.click('[data-testid="session-menu"] summary');
    await waitFor(page, (x) => [...document.querySelectorAll('[data-testid="session-list"] li')].some((li) => li.dataset.name === x), XSS);
    await run(page, `docker run --name '${XSS}' nginx`);
    await waitForOutput(page, 'Invalid container name');
    await page.waitForTimeout(300);
    assert.equal(await page.locator('img').count(), 0, 'no <img> element anywhere');
  });
  // In a shared scenario's preview (file name, content, title, command).
  const scenario = { title: XSS, files: { [XSS]: XSS }, commands: [`echo '${XSS}'`] };
  const lz = await import('./lzstring.mjs');
  await session(async (page) => {
    await page.waitForSelector('[data-testid="share-preview"]');
    assert.match(await page.locator('[data-testid="share-preview"]').innerText(), /onerror=alert/);
    await page.click('[data-testid="share-run"]');
    await waitForOutput(page, `echo '${XSS}'`);
    await page.waitForTimeout(300);
    assert.equal(await page.locator('img').count(), 0);
  }, { target: `${url}#share=${lz.compressToEncodedURIComponent(JSON.stringify(scenario))}` });
});

test('French interface, remembered; Docker output unchanged; hints in the chosen language', async () => {
  await session(async (page) => {
    await page.click('[data-testid="lang-toggle"]');
    await waitFor(page, () => document.documentElement.lang === 'fr');
    assert.equal(await page.locator('[data-testid="tab-containers"]').innerText(), 'Conteneurs');
    await run(page, 'docker run -d --name web nginx');
    await waitContainer(page, 'web');
    await run(page, 'docker run -d --name web nginx');
    await waitForOutput(page, 'is already in use by container');
    await page.waitForSelector('[data-testid="error-hint"][data-hint="name-conflict"]');
    assert.match(await page.locator('[data-testid="error-hint"]').innerText(), /Les noms de conteneurs sont uniques/);
    // Docker's own message stays in English, exactly.
    assert.match(await terminalText(page), /docker: Error response from daemon: Conflict\. The container name "\/web" is already in use by container/);
    await reloadApp(page);
    assert.equal(await page.locator('[data-testid="tab-networks"]').innerText(), 'Réseaux');
    await page.click('[data-testid="lang-toggle"]');
    await waitFor(page, () => document.querySelector('[data-testid="tab-networks"]')?.textContent === 'Networks');
  });
  // The browser's language is the default.
  const context = await browser.newContext({ locale: 'fr-FR' });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('[data-testid="terminal-input"]');
    await waitFor(page, () => document.querySelector('[data-testid="tab-containers"]')?.textContent === 'Conteneurs');
  } finally {
    await context.close();
  }
});

test('error hints for the common Docker errors', async () => {
  await session(async (page) => {
    const expect = async (cmd, id, done) => {
      await run(page, cmd);
      await waitForOutput(page, done, 20000);
      await waitFor(page, (h) => document.querySelector('[data-testid="error-hint"]')?.dataset.hint === h, id);
    };
    await run(page, 'docker run -d --name web1 -p 8080:80 nginx');
    await waitContainer(page, 'web1');
    await expect('docker run -d --name web2 -p 8080:80 nginx', 'port-allocated', 'port is already allocated');
    await expect('docker run nosuchimage-xyz', 'no-such-image', 'pull access denied');
    await expect('docker exec web1 nosuchprogram', 'exec-not-found', 'executable file not found');
    await run(page, 'docker run -d --name box busybox sleep 1000');
    await waitContainer(page, 'box');
    await expect('docker exec box ping -c 1 web1', 'dns-default-bridge', 'bad address');
    await run(page, 'echo ok');
    await waitFor(page, () => !document.querySelector('[data-testid="error-hint"]'));
    // A build whose RUN step misses the cache after cached steps.
    await run(page, "printf 'FROM alpine\\nRUN echo deps > /deps\\nCOPY . /app\\nRUN ls /app\\n' > Dockerfile");
    await run(page, 'docker build -t app .');
    await waitForOutput(page, 'naming to docker.io/library/app', 20000);
    await run(page, 'echo change > src.txt');
    await run(page, 'docker build -t app .');
    await waitFor(page, () => document.querySelector('[data-testid="error-hint"]')?.dataset.hint === 'cache-miss', null, 20000);
    assert.match(await page.locator('[data-testid="error-hint"]').innerText(), /RUN ls \/app/);
  });
});

test('works with the network cut after the first visit (service worker)', async () => {
  await session(async (page, context) => {
    await waitFor(page, () => navigator.serviceWorker.controller !== null, null, 20000);
    await run(page, 'docker run -d --name offline nginx');
    await waitContainer(page, 'offline');
    await context.setOffline(true);
    await reloadApp(page);
    await waitContainer(page, 'offline');
    await run(page, 'docker ps --format "{{.Names}}"');
    await waitForOutput(page, 'docker ps --format "{{.Names}}"\noffline');
    // Another address of the app (embed parameters) works offline too.
    await page.goto(url + '?embed&panels=containers&run=echo%20offline-embed');
    await page.waitForSelector('[data-testid="terminal-input"]');
    await waitForOutput(page, 'offline-embed');
    await context.setOffline(false);
    const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
    assert.match(sw, /const VERSION = '[0-9a-f]{16}'/, 'versioned cache');
  });
});

test('a new deployment replaces the cache cleanly and tells the open page', async () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'baleine-deploy-'));
  fs.cpSync(DIST, copy, { recursive: true });
  const site = await serveDist(copy);
  try {
    await session(async (page) => {
      await waitFor(page, () => navigator.serviceWorker.controller !== null, null, 20000);
      const before = await page.evaluate(() => caches.keys());
      assert.equal(before.length, 1);
      // Deploy "a new version": same app, a new build hash.
      const sw = fs.readFileSync(path.join(copy, 'sw.js'), 'utf8');
      fs.writeFileSync(path.join(copy, 'sw.js'), sw.replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = 'fedcba9876543210'"));
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
      await page.waitForSelector('#update-banner', { timeout: 20000 });
      await waitFor(page, () => caches.keys().then((k) => k.length === 1 && k[0].endsWith(':fedcba9876543210')), null, 20000);
      await reloadApp(page);
      await run(page, 'echo new-version');
      await waitForOutput(page, 'echo new-version\nnew-version');
    }, { target: site.url });
  } finally {
    await site.close();
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

test('embedded: URL parameters, and a course page drives it by postMessage', async () => {
  // The course page, on another origin.
  const page1 = `<!doctype html><meta charset=utf-8><title>course</title>
<iframe id=f style="width:900px;height:600px" src="APP"></iframe>
<script>window.got = []; addEventListener('message', (e) => window.got.push(e.data));
function send(m) { document.getElementById('f').contentWindow.postMessage(m, '*'); }</script>`;
  const course = http.createServer((req, res) => {
    const q = new URL(req.url, 'http://x').searchParams;
    res.writeHead(200, { 'content-type': 'text/html' }).end(page1.replace('APP', q.get('app')));
  });
  await new Promise((r) => course.listen(0, '127.0.0.1', r));
  const courseOrigin = `http://127.0.0.1:${course.address().port}`;
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const app = `${url}?embed&panels=containers,networks&lang=fr&file=${encodeURIComponent('hello.txt:salut\n')}&run=${encodeURIComponent('cat hello.txt')}&allowedOrigins=${encodeURIComponent(courseOrigin)}`;
    await page.goto(`${courseOrigin}/?app=${encodeURIComponent(app)}`);
    await waitFor(page, () => window.got.some((m) => m.type === 'baleine:ready'), null, 20000);
    const frame = page.frames().find((f) => f.url().startsWith(url));
    await frame.waitForSelector('[data-testid="terminal-input"]');
    await waitFor(frame, () => document.querySelector('[data-testid="terminal-output"]').textContent.includes('salut'));
    assert.equal(await frame.locator('[data-testid="panel-images"]').count(), 0, 'only the chosen panels');
    assert.equal(await frame.locator('[data-testid="tab-networks"]').innerText(), 'Réseaux');
    // "Run this" buttons.
    await page.evaluate(() => send({ type: 'baleine:run', command: 'docker run -d --name web nginx', id: 1 }));
    await waitFor(page, () => window.got.some((m) => m.type === 'baleine:output' && m.id === 1), null, 20000);
    const out = await page.evaluate(() => window.got.find((m) => m.id === 1));
    assert.equal(out.command, 'docker run -d --name web nginx');
    assert.equal(out.status, 0);
    assert.match(out.text, /^Unable to find image 'nginx:latest' locally/);
    await waitFor(frame, () => document.querySelector('[data-testid="terminal-output"]').textContent.includes('docker run -d --name web nginx'));
    // The state summary tells the course page the step is done.
    await page.evaluate(() => send({ type: 'baleine:state', id: 2 }));
    await waitFor(page, () => window.got.some((m) => m.type === 'baleine:state' && m.id === 2));
    const st = await page.evaluate(() => window.got.find((m) => m.id === 2).summary);
    assert.deepEqual(st.containers.map((c) => [c.name, c.state]), [['web', 'running']]);
    assert.ok(st.images.includes('nginx:latest'), JSON.stringify(st.images));
    assert.ok(st.networks.includes('bridge'));
    assert.ok(st.files.includes('hello.txt'));
    // The same embedded scenario comes back after a reload (not run twice).
    await page.reload();
    const frame2 = page.frames().find((f) => f.url().startsWith(url));
    await frame2.waitForSelector('[data-testid="container-web"]');
    const text = await frame2.locator('[data-testid="terminal-output"]').textContent();
    assert.equal(text.split('cat hello.txt').length - 1, 1, 'the setup ran once');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
  // Messages from an origin not in allowedOrigins are ignored.
  const context2 = await browser.newContext();
  try {
    const page = await context2.newPage();
    const app = `${url}?embed&allowedOrigins=https://elsewhere.example`;
    await page.goto(`${courseOrigin}/?app=${encodeURIComponent(app)}`);
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await frame.waitForSelector('[data-testid="terminal-input"]');
    await page.evaluate(() => send({ type: 'baleine:run', command: 'echo should-not-run' }));
    await page.waitForTimeout(700);
    assert.equal(await page.evaluate(() => window.got.length), 0);
    assert.doesNotMatch(await frame.locator('[data-testid="terminal-output"]').textContent(), /should-not-run/);
  } finally {
    await context2.close();
    course.close();
  }
});

test('a teacher\'s scenario file (YAML) sets the machine up, once', async () => {
  await session(async (page) => {
    await waitContainer(page, 'serveur');
    await waitContainer(page, 'client');
    await waitFor(page, () => document.documentElement.lang === 'fr');
    await waitFor(page, () => document.querySelector('[data-testid="file-tree"] [data-path="notes.md"]'));
    assert.ok(await page.locator('[data-testid="panel-networks"]').isVisible(), 'the scenario\'s first panel is shown');
    await run(page, 'docker exec client ping -c 1 serveur');
    await waitForOutput(page, "ping: bad address 'serveur'");
    await page.waitForSelector('[data-testid="error-hint"][data-hint="dns-default-bridge"]');
    assert.match(await page.locator('[data-testid="error-hint"]').innerText(), /bridge par défaut/);
    await reloadApp(page);
    await waitForOutput(page, "ping: bad address 'serveur'");
    assert.deepEqual(await containerNames(page), ['client', 'serveur']);
    await page.click('[data-testid="reset-menu"] summary');
    await page.click('[data-testid="reset-mark"]');
    await waitFor(page, () => !document.querySelector('[data-testid="terminal-output"]').textContent.includes('bad address'));
    assert.deepEqual(await containerNames(page), ['client', 'serveur']);
  }, { target: `${url}?scenario=public/scenarios/reseau-dns.yaml` });
  // A missing or invalid scenario file: a message and a clean machine.
  await session(async (page) => {
    await page.waitForSelector('[data-testid="notice"]');
    assert.match(await page.locator('[data-testid="notice"]').innerText(), /scenario could not be loaded/);
    await run(page, 'echo ok');
    await waitForOutput(page, 'echo ok\nok');
  }, { target: `${url}?scenario=public/scenarios/nope.yaml`, allowConsoleErrors: true });
});

test('named sessions, export and import', async () => {
  await session(async (page) => {
    await run(page, 'docker run -d --name first nginx');
    await waitContainer(page, 'first');
    await page.click('[data-testid="session-menu"] summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="session-export"]')]);
    const exported = fs.readFileSync(await download.path(), 'utf8');
    const env = JSON.parse(exported);
    assert.equal(env.format, 'baleine-session');
    assert.equal(env.version, 1);
    assert.ok(env.journal.some((c) => c.line === 'docker run -d --name first nginx'));
    await page.click('[data-testid="session-menu"] summary');
    await page.fill('[data-testid="session-new-name"]', 'TP 2');
    await page.click('[data-testid="session-new"]');
    await waitFor(page, () => document.querySelector('[data-testid="session-name"]')?.textContent === 'TP 2');
    await waitFor(page, () => !document.querySelector('[data-testid="container-first"]'));
    await run(page, 'docker run -d --name second nginx');
    await waitContainer(page, 'second');
    await page.click('[data-testid="session-menu"] summary');
    await page.locator('[data-testid="session-list"] li[data-name="default"] [data-testid="session-open"]').click();
    await waitContainer(page, 'first');
    assert.equal(await page.locator('[data-testid="container-second"]').count(), 0);
    // Import the exported file: a new session with its state.
    const file = path.join(path.dirname(await download.path()), 'import.json');
    fs.writeFileSync(file, exported);
    await page.click('[data-testid="session-menu"] summary');
    await page.setInputFiles('[data-testid="session-import"]', file);
    await waitFor(page, () => /^import/.test(document.querySelector('[data-testid="session-name"]')?.textContent));
    await waitContainer(page, 'first');
  });
});

test('the single-file build runs from file://', async () => {
  const file = path.join(DIST, 'baleine.html');
  assert.ok(fs.existsSync(file), 'dist/baleine.html is built by `trunk build --release`');
  const html = fs.readFileSync(file, 'utf8');
  assert.doesNotMatch(html, /(href|src)=["']?[^ >]*\.wasm/, 'no link to a separate wasm file');
  await session(async (page) => {
    await run(page, 'docker run -d --name usb nginx');
    await waitContainer(page, 'usb');
    await reloadApp(page);
    await waitContainer(page, 'usb');
  }, { target: 'file://' + file });
});

test('figures: saved size and restore time of the full compose example', async () => {
  await session(async (page) => {
    await page.click('[data-testid="time-fast"]');
    for (const cmd of ['cd ~/exemples/stack', 'docker compose up -d']) await run(page, cmd);
    await waitFor(page, () => document.querySelectorAll('[data-testid^="container-"][data-state="running"]').length === 5, null, 60000);
    for (const cmd of ['docker compose ps', 'docker compose logs backend', 'curl -s localhost/api', 'docker exec my-backend wget -qO- http://database:5432 ; echo', 'docker network ls', 'docker volume ls', 'docker compose top']) {
      await run(page, cmd);
    }
    await waitForOutput(page, 'docker compose top');
    await page.waitForTimeout(6000);
    const saved = await savedSession(page);
    const json = await page.evaluate(async () => null);
    void json;
    const before = await containerNames(page);
    await reloadApp(page);
    await waitFor(page, (n) => document.querySelectorAll('[data-testid^="container-"][data-state]').length === n, before.length, 20000);
    const ms = Number(await page.evaluate(() => document.documentElement.dataset.restoreMs));
    const commands = Number(await page.evaluate(() => document.documentElement.dataset.restoreCommands));
    assert.deepEqual(await containerNames(page), before);
    console.log(`# figures: full compose example: saved session ${saved.length} characters (${(saved.length / 1024).toFixed(1)} KB), ${commands} journal entries, restored in ${ms.toFixed(0)} ms`);
    fs.mkdirSync(path.join(DIST, '..', 'target'), { recursive: true });
    fs.writeFileSync(path.join(DIST, '..', 'target', 'classroom-figures.json'), JSON.stringify({ saved_chars: saved.length, journal_entries: commands, restore_ms: ms }));
    assert.ok(ms < 5000, `restore took ${ms} ms`);
  });
});
