// The page's language in headless Chromium: the wasm carries English only, the loader fetches the
// page's catalogue language (pkg/i18n/TAG.json) once and the card speaks it; a language file that
// cannot be had leaves the card in English, never an error card; an English page fetches none.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { start, newPage, openHtml, htmlPage, settled, shown, root } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const BADGE = '/pkg/badges/valid-open-badge-3-multilingual-with-results.json';

/** Opens `html` and records the requests for language files. */
async function open(path, html, route) {
  const page = await newPage(env.context);
  const requests = [];
  page.on('request', (r) => { if (r.url().includes('/pkg/i18n/')) requests.push(new URL(r.url()).pathname); });
  if (route) await page.route(`${env.base}/pkg/i18n/**`, route);
  await openHtml(page, env.base, path, html);
  await settled(page, 1);
  return { page, requests };
}

test('the served language files are the source catalogues, one per language the loader knows', async () => {
  const page = await newPage(env.context);
  await page.goto(`${env.base}/index.html`);
  const known = await page.evaluate(async () => (await import('/badge-verifier.js')).LANGUAGES);
  await page.close();
  const sources = readdirSync(join(root, 'src/i18n')).filter((f) => f.endsWith('.json') && f !== 'en.json').map((f) => f.slice(0, -5));
  assert.deepEqual([...known].sort(), sources.sort());
  for (const tag of sources) {
    const served = JSON.parse(readFileSync(join(root, `www/pkg/i18n/${tag}.json`), 'utf8'));
    assert.deepEqual(served, JSON.parse(readFileSync(join(root, `src/i18n/${tag}.json`), 'utf8')), tag);
  }
});

test('a German page shows its card in German, fetching de.json once for two badges', async () => {
  const body = `<badge-verifier id="a" src="${BADGE}"></badge-verifier><badge-verifier id="b" src="${BADGE}"></badge-verifier>`;
  const { page, requests } = await open('/de.html', htmlPage(body, 'de-CH'));
  await settled(page, 2);
  await page.waitForFunction(() => document.querySelector('#b').shadowRoot.querySelector('.headline')?.textContent === 'Verifiziert');
  for (const id of ['#a', '#b']) {
    const card = await shown(page, id);
    assert.equal(card.status, 'Verifiziert');
    assert.equal(card.title, 'Datenverantwortung');
    assert.match(card.text, /Ausgestellt von/);
  }
  assert.deepEqual(requests, ['/pkg/i18n/de.json']);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('an Arabic element on an English page speaks Arabic, right to left', async () => {
  const { page, requests } = await open('/ar.html', htmlPage(`<badge-verifier id="a" lang="ar" src="${BADGE}"></badge-verifier>`));
  await page.waitForFunction(() => document.querySelector('#a').shadowRoot.querySelector('.headline')?.textContent === 'تم التحقق');
  const card = await shown(page, '#a');
  assert.equal(card.dir, 'rtl');
  assert.equal(card.lang, 'ar');
  assert.equal(card.title, 'الإشراف على البيانات');
  assert.deepEqual(requests, ['/pkg/i18n/ar.json']);
  await page.close();
});

test('when the language file is missing the card is English, verified, and no error', async () => {
  const { page, requests } = await open('/de-missing.html', htmlPage(`<badge-verifier id="a" src="${BADGE}"></badge-verifier>`, 'de'),
    (route) => route.fulfill({ status: 404, body: 'gone' }));
  const card = await shown(page, '#a');
  assert.equal(card.verdict, 'verified');
  assert.equal(card.status, 'Verified');
  assert.match(card.text, /Issued by/);
  assert.equal(card.title, 'Datenverantwortung', 'the credential\'s own German text is still picked');
  assert.deepEqual(requests, ['/pkg/i18n/de.json']);
  await page.close();
});

test('a language file that is not a catalogue, or arrives late, leaves English until a good one is drawn', async () => {
  const { page } = await open('/fr-bad.html', htmlPage(`<badge-verifier id="a" src="${BADGE}"></badge-verifier>`, 'fr'),
    (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"language":"de","labels":{}}' }));
  assert.equal((await shown(page, '#a')).status, 'Verified');
  await page.close();

  let release;
  const held = new Promise((done) => { release = done; });
  const slow = await open('/es-slow.html', htmlPage(`<badge-verifier id="a" src="${BADGE}"></badge-verifier>`, 'es'),
    async (route) => { await held; await route.continue(); });
  assert.equal((await shown(slow.page, '#a')).status, 'Verified', 'English while the file is on its way');
  release();
  await slow.page.waitForFunction(() => document.querySelector('#a').shadowRoot.querySelector('.headline')?.textContent !== 'Verified');
  assert.equal((await shown(slow.page, '#a')).status, 'Verificada');
  await slow.page.close();
});

test('an English page requests no language file', async () => {
  const { page, requests } = await open('/en.html', htmlPage(`<badge-verifier id="a" src="${BADGE}"></badge-verifier>`));
  assert.equal((await shown(page, '#a')).status, 'Verified');
  assert.deepEqual(requests, []);
  await page.close();
});
