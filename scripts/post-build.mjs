#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml), run in trunk's staging folder
// before it becomes dist/:
//  1. dist/sw.js: the service worker of public/sw.js with this build's
//     version (a hash of its files) and the list of files to cache;
//  2. release builds only: dist/baleine.html, the whole app in one file (the
//     wasm as base64, the JS glue and the CSS inline) that opens from
//     file:// with no server (a teacher's USB key).
// Also runnable by hand: node scripts/post-build.mjs DIR [--release].
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const args = process.argv.slice(2);
const dir = path.resolve(process.env.TRUNK_STAGING_DIR || args.find((a) => !a.startsWith('--')) || 'dist');
const release = (process.env.TRUNK_PROFILE || (args.includes('--release') ? 'release' : 'debug')) === 'release';

function walk(d) {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(d, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

const rel = (p) => path.relative(dir, p).split(path.sep).join('/');
fs.rmSync(path.join(dir, 'public', 'sw.js'), { force: true });
const template = fs.readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'public', 'sw.js'), 'utf8');

// 1. The service worker.
const files = walk(dir)
  .map(rel)
  .filter((f) => f !== 'sw.js' && f !== 'baleine.html')
  .sort();
const hash = crypto.createHash('sha256');
for (const f of files) hash.update(f).update(fs.readFileSync(path.join(dir, f)));
const version = hash.digest('hex').slice(0, 16);
let sw;
if (release) {
  sw = template.replace('__BALEINE_VERSION__', version).replace('__BALEINE_FILES__', JSON.stringify([...files.filter((f) => f !== 'index.html'), 'index.html']));
} else {
  // Development (trunk serve): no caching at all; a worker left by a release
  // build on the same address is removed.
  sw = `// Development build: no offline cache.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil(caches.keys().then((ks) => Promise.all(ks.filter((k) => k.startsWith('baleine:')).map((k) => caches.delete(k)))).then(() => self.registration.unregister())));
`;
}
fs.writeFileSync(path.join(dir, 'sw.js'), sw);
console.log(`post-build: sw.js (${release ? `version ${version}, ${files.length} files` : 'development'})`);

// 2. The single-file build.
if (release) {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const top = fs.readdirSync(dir);
  const js = top.find((f) => /^baleine-web.*\.js$/.test(f));
  const wasm = top.find((f) => /\.wasm$/.test(f));
  const css = top.filter((f) => /\.css$/.test(f));
  if (!js || !wasm) throw new Error(`post-build: no JS glue or wasm in ${dir}`);
  let glue = fs.readFileSync(path.join(dir, js), 'utf8');
  // An ES module inlined as a classic-free module script: drop the exports.
  glue = glue
    .replace(/^export\s*\{[^}]*\};?\s*$/gm, '')
    .replace(/^export default\s+/gm, '')
    .replace(/^export\s+(?=(async\s+)?function|class|const|let|var)/gm, '');
  if (/^\s*(export|import)\s/m.test(glue)) throw new Error('post-build: the JS glue has imports or exports left');
  if (!/__wbg_init/.test(glue)) throw new Error('post-build: __wbg_init not found in the glue');
  const b64 = fs.readFileSync(path.join(dir, wasm)).toString('base64');
  const noScriptEnd = (s) => s.replace(/<\/(script|style)/gi, '<\\/$1');
  let out = html
    // Stylesheets inline.
    .replace(/<link\b[^>]*rel=["']?stylesheet["']?[^>]*>/gi, (tag) => {
      const f = css.find((c) => tag.includes(c));
      return f ? `<style>${noScriptEnd(fs.readFileSync(path.join(dir, f), 'utf8'))}</style>` : tag;
    })
    // Preloads of the JS and wasm: not needed.
    .replace(/<link\b[^>]*rel=["']?(modulepreload|preload)["']?[^>]*>/gi, '')
    // Trunk's loader (import + init) replaced by the inline glue and bytes.
    .replace(/<script type=["']?module["']?>[^<]*?__wbg_init|<script type=["']?module["']?>[\s\S]*?<\/script>/i, (tag) => {
      if (!tag.includes(js)) return tag;
      return `<script type=module>
${noScriptEnd(glue)}
const b64 = document.getElementById('baleine-wasm').textContent;
const bin = atob(b64);
const bytes = new Uint8Array(bin.length);
for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
await __wbg_init({ module_or_path: bytes });
</script>`;
    });
  if (out.includes(js) || out.includes(wasm)) throw new Error('post-build: index.html still refers to the JS or the wasm');
  out = out.replace(/<\/body>/i, `<script id=baleine-wasm type=application/octet-stream>${b64}</script></body>`);
  fs.writeFileSync(path.join(dir, 'baleine.html'), out);
  console.log(`post-build: baleine.html (${(out.length / 1024 / 1024).toFixed(2)} MB, wasm ${wasm} inline)`);
}
