// Shared helpers for the end-to-end test and the size/speed report: a tiny
// static server for dist/ and a headless Chromium driven by playwright-core
// (no browser download: Debian's /usr/bin/chromium).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = process.env.DIST_DIR ? path.resolve(process.env.DIST_DIR) : path.join(ROOT, 'dist');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

/** Serves `dir` on 127.0.0.1 (random port). Resolves to { url, close }. */
export function serveDist(dir = DIST) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': MIME[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * Opens the app in a fresh context and waits for the terminal. Records
 * page errors, console errors and every request that left the page's origin.
 */
export async function openApp(browser, url, { viewport = { width: 1280, height: 860 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const problems = { pageErrors: [], consoleErrors: [], foreignRequests: [] };
  page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.consoleErrors.push(m.text());
  });
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    if (new URL(u).origin !== origin) problems.foreignRequests.push(u);
  });
  await page.goto(url);
  await page.waitForSelector('[data-testid="terminal-input"]', { timeout: 20000 });
  return { context, page, problems };
}

/** Polls `fn(arg)` in the page until it is truthy (playwright-core has no auto-retrying expect). */
export function waitFor(page, fn, arg, timeout = 10000) {
  return page.waitForFunction(fn, arg, { timeout, polling: 50 });
}

/** Types a command into the terminal, key by key, then Enter. */
export async function run(page, line) {
  const input = page.locator('[data-testid="terminal-input"]');
  await input.focus();
  await input.pressSequentially(line);
  await input.press('Enter');
}

/** Text of the terminal's scrollback. */
export function terminalText(page) {
  return page.locator('[data-testid="terminal-output"]').innerText();
}

/** Waits until the scrollback contains `text`. */
export function waitForOutput(page, text, timeout = 10000) {
  return waitFor(page, (t) => document.querySelector('[data-testid="terminal-output"]')?.textContent.includes(t), text, timeout);
}

/**
 * Serves dist/ (or uses APP_URL) and launches Chromium, for a test file's
 * `before` hook. Resolves to `{ url, browser, stop }`; `stop()` closes both.
 */
export async function startApp() {
  let server;
  let url = process.env.APP_URL;
  if (!url) {
    assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'dist/index.html is missing: run `trunk build --release` first');
    server = await serveDist();
    url = server.url;
  }
  const browser = await launchBrowser();
  const stop = async () => {
    await browser.close();
    await server?.close();
  };
  return { url, browser, stop };
}

/**
 * Opens `target` in a fresh profile, runs `fn(page, context)`, then checks
 * that nothing went wrong: no request off the page's origin, no uncaught
 * error, no console error (unless allowed), no dialog (no injected script ran).
 */
export async function checkedSession(browser, target, fn, { allowConsoleErrors = false, options } = {}) {
  const { context, page, problems } = await openApp(browser, target, options);
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  try {
    await fn(page, context);
    assert.deepEqual(problems.foreignRequests, [], 'no request leaves the page origin');
    assert.deepEqual(problems.pageErrors, [], 'no uncaught page error');
    if (!allowConsoleErrors) assert.deepEqual(problems.consoleErrors, [], 'no console error');
    assert.deepEqual(dialogs, [], 'no dialog (no injected script ran)');
  } finally {
    await context.close();
  }
}
