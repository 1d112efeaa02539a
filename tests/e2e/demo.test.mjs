// Browser end-to-end tests of the demo page and the JS API, in Debian's headless Chromium driven
// by playwright-core (no browser download). Screenshots go to artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const root = new URL('../../', import.meta.url).pathname;
let server, context, base;

before(async () => {
  server = await serve(0);
  base = `http://127.0.0.1:${server.address().port}`;
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'bv-chromium-')), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await context?.close();
  server?.close();
});

async function openDemo() {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(`${base}/index.html`);
  await page.waitForSelector('body[data-ready]', { timeout: 30_000 });
  return { page, problems };
}

test('every demo badge shows the verdict its file name promises', async () => {
  const { page, problems } = await openDemo();
  const cards = await page.$$eval('#badges [data-file]', (slots) => slots.map((slot) => ({
    file: slot.dataset.file,
    verdict: slot.querySelector('.card')?.dataset.verdict,
    failed: [...slot.querySelectorAll('li[data-outcome="failed"]')].map((li) => li.dataset.code),
  })));
  const fixtures = [...readdirSync(join(root, 'tests/fixtures/valid')), ...readdirSync(join(root, 'tests/fixtures/invalid'))];
  assert.equal(cards.length, fixtures.length);
  for (const { file, verdict, failed } of cards) {
    if (file.startsWith('valid-')) {
      assert.equal(verdict, 'verified', file);
    } else {
      const code = file.replace(/^invalid-/, '').split('--')[0];
      assert.notEqual(verdict, 'verified', file);
      assert.ok(failed.includes(code), `${file}: ${failed}`);
    }
  }
  mkdirSync(join(root, 'artifacts'), { recursive: true });
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.screenshot({ path: join(root, 'artifacts/demo.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('the JS API throws BadgeError with a code, and verifies pasted input', async () => {
  const { page } = await openDemo();
  const error = await page.evaluate(async () => {
    const { verify } = await import('./badge-verifier.js');
    try { await verify('{"@context": '); return null; } catch (e) { return { name: e.name, code: e.code, isError: e instanceof Error }; }
  });
  assert.deepEqual(error, { name: 'BadgeError', code: 'malformed_json', isError: true });
  const fixture = await (await fetch(`${base}/pkg/badges/valid-open-badge-3.json`)).text();
  await page.fill('#paste', fixture);
  await page.click('#check');
  await page.waitForSelector('#result .card');
  assert.equal(await page.getAttribute('#result .card', 'data-verdict'), 'verified');
  await page.close();
});

test('credential text is rendered as text, never as markup', async () => {
  const { page } = await openDemo();
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
  const shown = await page.evaluate(async (payload) => {
    const { verify } = await import('./badge-verifier.js');
    const { card } = await import('./demo.js');
    const credential = await (await fetch('pkg/badges/valid-open-badge-3.json')).json();
    credential.credentialSubject.achievement.name = payload;
    credential.issuer.image = { id: 'javascript:window.__pwned=1', type: 'Image' };
    const node = card(await verify(credential, { offline: true }));
    document.body.append(node);
    await new Promise((r) => setTimeout(r, 200));
    return { title: node.querySelector('h3').textContent, pwned: window.__pwned ?? 0, imgs: node.querySelectorAll('img').length };
  }, payload);
  assert.equal(shown.title, payload);
  assert.equal(shown.pwned, 0);
  await page.close();
});
