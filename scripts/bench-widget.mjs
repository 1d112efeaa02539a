// Widget benchmark (figures, not pass/fail): in headless Chromium, the time from navigation to
// every <badge-verifier> on the page rendered, for 1 and 50 badges (cache disabled, median of
// runs), and the bytes on the wire: every file the page loads from us, gzip -9.
// Needs scripts/build-wasm first. Usage: node scripts/bench-widget.mjs [runs]
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const runs = Number(process.argv[2] ?? 7);
const www = new URL('../www/', import.meta.url).pathname;
const server = await serve(0);
const base = `http://127.0.0.1:${server.address().port}`;
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'bv-bench-')), {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const badges = JSON.parse(readFileSync(join(www, 'pkg/badges/index.json'), 'utf8'));
const page = (n) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<link rel="icon" href="data:,"><script type="module" src="/badge-verifier.js"></script></head><body>
${Array.from({ length: n }, (_, i) => `<badge-verifier src="/pkg/badges/${badges[i % badges.length]}"></badge-verifier>`).join('\n')}
</body></html>`;

async function measure(n) {
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const urls = new Set();
  tab.on('request', (r) => urls.add(new URL(r.url()).pathname));
  await tab.route(`${base}/bench-${n}.html`, (route) => route.fulfill({ contentType: 'text/html', body: page(n) }));
  await tab.addInitScript((count) => {
    let done = 0;
    const settle = () => { if (++done === count) window.allRendered = performance.now(); };
    document.addEventListener('badge-verified', settle);
    document.addEventListener('badge-error', settle);
  }, n);
  await tab.goto(`${base}/bench-${n}.html`);
  await tab.waitForFunction(() => window.allRendered !== undefined, null, { timeout: 60_000 });
  const ms = await tab.evaluate(() => window.allRendered);
  await tab.close();
  return { ms, urls };
}

const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
await measure(1); // warm the browser profile and font caches once
console.log(`headless Chromium, cache disabled, median of ${runs} runs: navigation → all badges rendered`);
let files;
for (const n of [1, 50]) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const { ms, urls } = await measure(n);
    samples.push(ms);
    if (n === 1) files = urls;
  }
  console.log(`| ${n} badge${n > 1 ? 's' : ''} | ${median(samples).toFixed(0)} ms | (min ${Math.min(...samples).toFixed(0)}, max ${Math.max(...samples).toFixed(0)}) |`);
}

console.log('\nbytes on the wire for one badge (what an embedding page loads from us), gzip -9:');
let total = 0;
for (const path of [...files].filter((p) => !p.startsWith('/bench-')).sort()) {
  const raw = readFileSync(join(www, path));
  const gz = gzipSync(raw, { level: 9 }).length;
  total += gz;
  console.log(`| ${path} | ${raw.length} raw | ${gz} gzip |`);
}
console.log(`| total | | ${total} gzip (${(total / 1024).toFixed(1)} KiB; target 150 KB) |`);
await context.close();
server.close();
