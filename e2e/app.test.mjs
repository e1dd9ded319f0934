// End-to-end test of the release bundle in dist/ (build it first with
// `trunk build --release`), in headless Chromium. Run: node --test e2e/*.test.mjs
// Set APP_URL to test a running server (e.g. `trunk serve`) instead.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, checkedSession, openApp, waitFor, run, waitForOutput, terminalText } from './lib.mjs';

let browser;
let url;
let stop;
before(async () => ({ browser, url, stop } = await startApp()));
after(() => stop?.());

const session = (fn, options) => checkedSession(browser, url, fn, { options });

/** Creates (or overwrites) a project file through the file tree and the editor. */
async function writeFile(page, name, text) {
  await page.click('button[aria-label="New file"]');
  await page.fill('[data-testid="tree-name"]', name);
  await page.press('[data-testid="tree-name"]', 'Enter');
  await waitFor(page, (n) => document.querySelector('.code-path')?.textContent === n && document.querySelector('.code-input'), name);
  await page.fill('.code-input', text);
  await page.press('.code-input', 'Control+s');
  await waitFor(page, (n) => !document.querySelector('.code-head .badge') && document.querySelector(`[data-testid="file-tree"] [data-path="${n}"]`), name);
}

test('loads with a terminal, the simulator marker and all panels', async () => {
  await session(async (page) => {
    for (const id of ['terminal', 'terminal-input', 'terminal-output', 'editor', 'file-tree', 'simulator-marker',
      'panel-images', 'panel-build', 'panel-containers', 'panel-networks', 'panel-volumes', 'panel-compose', 'panel-events']) {
      assert.equal(await page.locator(`[data-testid="${id}"]`).count(), 1, `data-testid=${id}`);
    }
    assert.equal(await page.locator('#loading').count(), 0, 'loading indicator removed');
    const prompt = await page.locator('.term-prompt').textContent();
    assert.equal(prompt, 'learner@baleine:~/projet$ ');
    const href = await page.locator('a.docs-link').getAttribute('href');
    assert.equal(href, 'https://docs.docker.com/get-started/');
  });
});

test('docker run shows a running container with its bridge IP', async () => {
  await session(async (page) => {
    await run(page, 'docker run -d --name web -p 8080:80 nginx');
    await waitFor(page, () => document.querySelector('[data-testid="container-web"]')?.getAttribute('data-state') === 'running');
    await waitFor(page, () => document.querySelector('[data-testid="netnode-bridge-web"]')?.getAttribute('data-ip') === '172.17.0.2');
    await waitForOutput(page, 'docker run -d --name web -p 8080:80 nginx');
    // The card's Stop button types the command into the terminal and runs it.
    await page.click('[data-testid="container-web"] button[data-action="stop"]');
    await waitForOutput(page, 'docker stop web');
    await waitFor(page, () => document.querySelector('[data-testid="container-web"]')?.getAttribute('data-state') === 'exited');
  });
});

test('a user network holds the containers attached to it', async () => {
  await session(async (page) => {
    await page.click('[data-testid="tab-networks"]');
    await run(page, 'docker network create app-net');
    await run(page, 'docker run -d --name api --network app-net nginx');
    await run(page, 'docker run -d --name cache --network app-net redis');
    for (const c of ['api', 'cache']) {
      await waitFor(page, (c) => document.querySelector(`[data-testid="network-app-net"] [data-testid="netnode-app-net-${c}"]`), c);
    }
    const ips = await page.$$eval('[data-testid="network-app-net"] [data-ip]', (els) => els.map((e) => e.getAttribute('data-ip')));
    assert.equal(ips.length, 2);
    assert.ok(ips.every((ip) => /^\d+\.\d+\.\d+\.\d+$/.test(ip)), `IPs: ${ips}`);
    assert.notEqual(ips[0], ips[1]);
    // Two clicks ask the host whether api reaches cache.
    await page.click('[data-testid="netnode-app-net-api"]');
    await page.click('[data-testid="netnode-app-net-cache"]');
    await waitFor(page, () => document.querySelector('[data-testid="reach"]')?.textContent.length > 10);
  });
});

test('building twice shows cached steps', async () => {
  await session(async (page) => {
    await writeFile(page, 'Dockerfile', 'FROM alpine:3.19\nRUN echo hello > /hello.txt\nCOPY . /app\nCMD ["cat", "/hello.txt"]\n');
    await page.click('[data-testid="tab-build"]');
    await run(page, 'docker build -t app .');
    await waitFor(page, () => document.querySelectorAll('[data-testid="panel-build"] [data-testid="build-step"]').length > 0, null, 20000);
    await run(page, 'docker build -t app .');
    await waitFor(page, () => document.querySelectorAll('[data-testid="panel-build"] [data-testid="build-step"][data-cached="true"]').length >= 2, null, 20000);
    const text = await page.locator('[data-testid="panel-build"]').innerText();
    assert.match(text, /CACHED/);
    await page.click('[data-testid="tab-images"]');
    await waitFor(page, () => document.querySelector('[data-testid="panel-images"] [data-testid^="image-app"]'), null, 20000);
  });
});

test('docker compose up draws the startup timeline', async () => {
  await session(async (page) => {
    await writeFile(
      page,
      'compose.yaml',
      'services:\n  web:\n    image: nginx\n    ports:\n      - "8080:80"\n    depends_on:\n      - cache\n  cache:\n    image: redis\n',
    );
    await page.click('[data-testid="tab-compose"]');
    await run(page, 'docker compose up -d');
    await waitFor(page, () => document.querySelector('[data-testid="panel-compose"] [data-testid="compose-timeline"] [data-testid="timeline-web"]'), null, 20000);
    await waitFor(page, () => document.querySelector('[data-testid="panel-compose"] [data-testid="timeline-cache"]'), null, 20000);
    await waitFor(page, () => [...document.querySelectorAll('[data-testid^="container-"]')].filter((c) => c.dataset.state === 'running').length >= 2, null, 20000);
  });
});

test('history (across reloads), completion, Ctrl+C and clear', async () => {
  await session(async (page) => {
    await run(page, 'echo first-command');
    await waitForOutput(page, 'first-command');
    await page.reload();
    await page.waitForSelector('[data-testid="terminal-input"]');
    const input = page.locator('[data-testid="terminal-input"]');
    await input.focus();
    await input.press('ArrowUp');
    await waitFor(page, () => document.querySelector('.term-prompt-line')?.textContent.includes('echo first-command'));
    await input.press('Control+c');
    await waitForOutput(page, 'echo first-command^C');
    await input.pressSequentially('docker ps');
    await input.press('Home');
    await input.press('Delete');
    await input.pressSequentially('D');
    await waitFor(page, () => document.querySelector('.term-prompt-line')?.textContent.includes('Docker ps'));
    await input.press('End');
    await input.press('Control+u');
    await input.pressSequentially('dock');
    await input.press('Tab');
    await waitFor(page, () => document.querySelector('.term-prompt-line')?.textContent.includes('docker '));
    await input.press('Control+u');
    await run(page, 'clear');
    await waitFor(page, () => document.querySelector('[data-testid="terminal-output"]').textContent.trim() === '');
    assert.equal((await terminalText(page)).trim(), '');
  });
});

test('works on a 360 px wide phone with tabs', async () => {
  await session(
    async (page) => {
      assert.ok(await page.locator('[data-testid="terminal"]').isVisible());
      assert.ok(!(await page.locator('[data-testid="panel-containers"]').isVisible()));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `no horizontal page scroll (scrollWidth ${width})`);
      await run(page, 'docker run -d --name phone nginx');
      await page.click('[data-testid="tab-containers"]');
      await waitFor(page, () => document.querySelector('[data-testid="container-phone"]')?.getAttribute('data-state') === 'running');
      assert.ok(await page.locator('[data-testid="container-phone"]').isVisible());
      assert.ok(!(await page.locator('[data-testid="terminal"]').isVisible()));
    },
    { viewport: { width: 360, height: 740 } },
  );
});

test('files written in the terminal appear in the file tree and the editor', async () => {
  await session(async (page) => {
    await run(page, 'echo "hello from the shell" > notes.txt');
    await waitFor(page, () => document.querySelector('[data-testid="file-tree"] [data-path="notes.txt"]'));
    await page.click('[data-testid="file-tree"] [data-path="notes.txt"]');
    await waitFor(page, () => document.querySelector('.code-input')?.value === 'hello from the shell\n');
  });
});

test('a panic shows an error banner with a reload button instead of a blank page', async () => {
  const { context, page, problems } = await openApp(browser, `${url}?panic-test`);
  try {
    await waitFor(page, () => document.querySelector('[data-testid="panic-banner"]'));
    const text = await page.locator('[data-testid="panic-banner"]').innerText();
    assert.match(text, /panic test requested/);
    assert.equal(await page.locator('[data-testid="panic-banner"] button').innerText(), 'Reload');
    assert.ok(problems.pageErrors.length >= 1, 'the panic surfaces as a page error');
  } finally {
    await context.close();
  }
});
