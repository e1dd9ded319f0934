// End-to-end tests of the lesson panel (docs/lessons.md), on the release
// bundle in dist/, in headless Chromium: a lesson opened by URL is completed
// by typing its commands in the terminal (the steps turn complete one by
// one), hints and the solution on request, completion remembered in this
// browser, progress surviving a reload, and a broken lesson file by URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, startApp, checkedSession, waitFor, run } from './lib.mjs';

let browser;
let url;
let stop;
before(async () => ({ browser, url, stop } = await startApp()));
after(() => stop?.());

const session = (target, fn) => checkedSession(browser, target, fn);

const stepState = (page, id) => page.locator(`[data-testid="lesson-step-${id}"]`).getAttribute('data-state');
const waitStep = (page, id, state, timeout = 15000) =>
  waitFor(page, ([i, s]) => document.querySelector(`[data-testid="lesson-step-${i}"]`)?.dataset.state === s, [id, state], timeout);

test('a lesson opened by URL is completed by typing its commands; steps turn complete one by one', async () => {
  await session(`${url}?lesson=02-cycle-de-vie&lang=en`, async (page) => {
    await page.waitForSelector('[data-testid="lesson"][data-lesson="cycle-de-vie"]');
    assert.equal(await page.locator('[data-testid="lesson-title"]').innerText(), 'The life cycle of a container');
    assert.equal(await stepState(page, 'run'), 'current');
    assert.equal(await stepState(page, 'note'), 'todo');
    // Checks are evaluated on the machine: none passes yet.
    assert.equal(await page.locator('[data-testid="lesson-checks"] [data-pass="true"]').count(), 0);

    // A hint, one at a time.
    await page.click('[data-testid="lesson-hint-button"]');
    await page.waitForSelector('[data-testid="lesson-hint"]');
    assert.match(await page.locator('[data-testid="lesson-hint"]').first().innerText(), /docker run -d --name NAME IMAGE/);

    // Not the solution's exact words: the check is on the machine's state.
    await run(page, 'docker run --detach --name serveur nginx:alpine');
    await waitStep(page, 'run', 'done');
    assert.equal(await stepState(page, 'note'), 'current');
    assert.equal(await page.locator('[data-testid="lesson"]').getAttribute('data-step'), '1');

    // The solution, on request.
    await page.click('[data-testid="lesson-solution-button"]');
    assert.match(await page.locator('[data-testid="lesson-solution"]').innerText(), /echo bonjour > \/tmp\/note\.txt/);
    await run(page, "docker exec serveur sh -c 'echo bonjour > /tmp/note.txt'");
    await waitStep(page, 'note', 'done');

    // A reload resumes the lesson where it was (machine and progress).
    await page.reload();
    await page.waitForSelector('[data-testid="lesson"][data-lesson="cycle-de-vie"]');
    await waitStep(page, 'run', 'done');
    assert.equal(await stepState(page, 'note'), 'done');

    const steps = await page.$$eval('[data-testid^="lesson-step-"]', (els) => els.map((e) => e.dataset.testid.slice('lesson-step-'.length)));
    const lines = {
      stop: ['docker stop serveur'],
      pause: ['docker start serveur', 'docker pause serveur'],
      rm: ['docker rm --force serveur'],
    };
    for (const id of steps.slice(2)) {
      const todo = lines[id];
      assert.ok(todo, `the test knows how to do step ${id}`);
      for (const l of todo) await run(page, l);
      await waitStep(page, id, 'done');
    }
    await page.waitForSelector('[data-testid="lesson-complete"]');
    assert.equal(await page.locator('[data-testid="lesson-progress"]').getAttribute('value'), String(steps.length));

    // Completion is remembered: the list marks the lesson done.
    await page.click('[data-testid="lesson-close"]');
    await page.click('[data-testid="tab-lesson"]');
    await page.waitForSelector('[data-testid="lesson-open-cycle-de-vie"][data-done="true"]');
    assert.equal(await page.locator('[data-testid="lesson-open-volumes"]').getAttribute('data-done'), 'false');
  });
});

test('lessons open from the list, restart, and a broken lesson file by URL gets a clear message', async () => {
  await session(`${url}?lang=fr`, async (page) => {
    await page.click('[data-testid="tab-lesson"]');
    await page.click('[data-testid="lesson-open-reseaux"]');
    await page.waitForSelector('[data-testid="lesson"][data-lesson="reseaux"]');
    assert.match(await page.locator('[data-testid="lesson-title"]').innerText(), /réseau/i);
    await page.click('[data-testid="lesson-restart"]');
    await page.waitForSelector('[data-testid="lesson"][data-step="0"]');
  });
  // A teacher's own lesson file, served beside the app, with a mistake.
  const broken = path.join(DIST, 'public', 'lessons', 'e2e-broken.toml');
  fs.writeFileSync(broken, 'id = "mine"\ntitle.fr = "x"\ntitle.en = "x"\n\n[[steps]]\nid = "one"\nobjective.fr = "x"\nobjective.en = "x"\n\n[[steps.checks]]\nkind = "container_flying"\n');
  try {
    await session(`${url}?lesson=public/lessons/e2e-broken.toml`, async (page) => {
      await waitFor(page, () => document.querySelector('[data-testid="notice"]')?.textContent.includes('public/lessons/e2e-broken.toml:11'));
      assert.match(await page.locator('[data-testid="notice"]').innerText(), /container_flying/);
      // The app still works.
      await run(page, 'echo still here');
      await waitFor(page, () => document.querySelector('[data-testid="terminal-output"]')?.textContent.includes('still here'));
    });
  } finally {
    fs.rmSync(broken, { force: true });
  }
});
