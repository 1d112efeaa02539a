// The second wasm module in headless Chromium: a credential that needs a part the core module
// leaves out (here a context only `extra-contexts` bundles: the W3C eddsa vectors name
// https://www.w3.org/ns/credentials/examples/v2) is verified again with the full module, loaded
// once for the page; a page that never needs it never requests it; when it cannot load, the
// core's report stands (`unsupported`, not_in_this_build), never an error card.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, newPage, openHtml, htmlPage, settled, root } from './browser.mjs';

// Third-party vectors, read at test time (never copied into the repository).
const vectors = process.env.BADGE_VERIFIER_VECTORS ?? join(root, '../shared/vectors');
const SIGNED = {
  rdfc: join(vectors, 'w3c-vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json'),
  jcs: join(vectors, 'w3c-vc-di-eddsa/eddsa-jcs-2022/signedJCS.json'),
};
const missing = !Object.values(SIGNED).every(existsSync) && `the W3C eddsa vectors are not at ${vectors} (BADGE_VERIFIER_VECTORS)`;
if (missing && process.env.BADGE_VERIFIER_REQUIRE_VECTORS === '1') throw new Error(missing); // CI has them: absence fails
if (missing) console.error(`full.test.mjs: SKIPPED, ${missing}`);

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Opens a page of `badges` (src paths), the vectors served under /vectors/; records our module requests. */
async function open(path, badges, { full = true } = {}) {
  const page = await newPage(env.context);
  const requests = [];
  page.on('request', (r) => { const p = new URL(r.url()).pathname; if (p.startsWith('/pkg/') && /\.(wasm|js)$/.test(p)) requests.push(p); });
  for (const [name, file] of Object.entries(SIGNED)) {
    if (!missing) await page.route(`${env.base}/vectors/${name}.json`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: readFileSync(file) }));
  }
  if (!full) await page.route(`${env.base}/pkg/full/**`, (route) => route.fulfill({ status: 404, body: 'gone' }));
  const body = badges.map((src, i) => `<badge-verifier id="b${i}" offline src="${src}"></badge-verifier>`).join('\n');
  await openHtml(page, env.base, path, htmlPage(body));
  await settled(page, badges.length);
  const reports = await page.$$eval('badge-verifier', (all) => all.map((b) => ({ verdict: b.dataset.verdict, report: b.report })));
  return { page, requests, reports };
}

const check = (report, id) => report.checks.find((c) => c.id === id);

test('a badge that needs the full module is verified with it, loaded once for two such badges', { skip: missing }, async () => {
  const { page, requests, reports } = await open('/full.html', ['/vectors/rdfc.json', '/vectors/jcs.json', '/pkg/badges/valid-open-badge-3.json']);
  for (const { report } of reports.slice(0, 2)) {
    assert.equal(check(report, 'contexts').code, 'contexts_known', 'the full module knows the examples context');
    assert.equal(check(report, 'proof').code, 'signature_valid');
    assert.ok(!report.checks.some((c) => c.code === 'not_in_this_build'));
  }
  assert.equal(reports[2].verdict, 'verified');
  assert.equal(requests.filter((p) => p === '/pkg/full/badge_verifier_bg.wasm').length, 1);
  assert.equal(requests.filter((p) => p === '/pkg/full/badge_verifier.js').length, 1);
  assert.equal(requests.filter((p) => p === '/pkg/badge_verifier_bg.wasm').length, 1);
  assert.deepEqual(page.problems, []);
  await page.close();
});

// The project's ECDSA fixtures (file names with `ecdsa`) need the full module by design.
const needsFull = (name) => name.includes('ecdsa');

test('a page of Open Badges 3.0 badges never requests the full module', async () => {
  const index = JSON.parse(readFileSync(join(root, 'www/pkg/badges/index.json'), 'utf8')).filter((n) => !needsFull(n));
  const { page, requests, reports } = await open('/core.html', index.map((name) => `/pkg/badges/${name}`));
  assert.equal(reports.length, index.length);
  const sentOn = index.filter((_, i) => reports[i].report?.checks.some((c) => c.code === 'not_in_this_build'));
  assert.deepEqual(sentOn, []);
  assert.deepEqual(requests.filter((p) => p.startsWith('/pkg/full/')), []);
  await page.close();
});

test('ECDSA badges (ecdsa-rdfc-2019, ecdsa-jcs-2019, ecdsa-sd-2023) are verified by the full module, loaded once', async () => {
  const index = JSON.parse(readFileSync(join(root, 'www/pkg/badges/index.json'), 'utf8')).filter(needsFull);
  const { page, requests, reports } = await open('/ecdsa.html', index.map((name) => `/pkg/badges/${name}`));
  assert.ok(index.length >= 8, index.join());
  index.forEach((name, i) => {
    const expected = name.startsWith('valid-') ? 'verified' : 'not_verified';
    assert.equal(reports[i].verdict, expected, name);
    if (name.startsWith('invalid-')) {
      // The code in the name is the proof line's, or the key line's for someone else's did:key.
      const code = name.slice('invalid-'.length).split('--')[0];
      const line = code === 'key_not_bound_to_issuer' ? 'issuer_key' : 'proof';
      assert.equal(check(reports[i].report, line).code, code, name);
    } else {
      const disclosed = name.includes('ecdsa-sd-2023');
      assert.equal(check(reports[i].report, 'proof').code, disclosed ? 'signature_valid_selective_disclosure' : 'signature_valid', name);
    }
  });
  assert.equal(requests.filter((p) => p === '/pkg/full/badge_verifier_bg.wasm').length, 1);
  await page.close();
});

test('when the full module cannot load, the core report stands: unsupported, not_in_this_build', { skip: missing }, async () => {
  const { page, reports } = await open('/nofull.html', ['/vectors/rdfc.json'], { full: false });
  assert.equal(reports[0].verdict, 'unsupported');
  const contexts = check(reports[0].report, 'contexts');
  assert.equal(contexts.code, 'not_in_this_build');
  assert.match(contexts.message, /extra-contexts/);
  const text = await page.$eval('#b0', (el) => el.shadowRoot.querySelector('.card').textContent);
  assert.match(text, /a part of the verifier that this build leaves out/);
  await page.close();
});

test('a baked badge image is read and verified by the full module (the core leaves image reading out)', async () => {
  const page = await newPage(env.context);
  const requests = [];
  page.on('request', (r) => { const p = new URL(r.url()).pathname; if (p.startsWith('/pkg/full/')) requests.push(p); });
  for (const name of ['open-badge-3.png', 'signature_mismatch--name-changed-after-signing.svg']) {
    const body = readFileSync(join(root, 'tests/fixtures/baked', name));
    await page.route(`${env.base}/baked/${name}`, (route) => route.fulfill({ status: 200, contentType: name.endsWith('.png') ? 'image/png' : 'image/svg+xml', body }));
  }
  const body = ['/baked/open-badge-3.png', '/baked/signature_mismatch--name-changed-after-signing.svg']
    .map((src, i) => `<badge-verifier id="b${i}" offline src="${src}"></badge-verifier>`).join('\n');
  await openHtml(page, env.base, '/baked.html', htmlPage(body));
  await settled(page, 2);
  const reports = await page.$$eval('badge-verifier', (all) => all.map((b) => ({ verdict: b.dataset.verdict, report: b.report })));
  assert.equal(reports[0].verdict, 'verified');
  assert.equal(reports[0].report.input, 'baked_png');
  // The card shows the image the credential was baked into, from the input's own bytes.
  const src = await page.$eval('#b0', (el) => el.shadowRoot.querySelector('img')?.getAttribute('src'));
  assert.match(src ?? '', /^data:image\/png;base64,iVBORw0KGgo/);
  assert.equal(reports[1].verdict, 'not_verified');
  assert.equal(reports[1].report.input, 'baked_svg');
  assert.equal(check(reports[1].report, 'proof').code, 'signature_mismatch');
  assert.equal(requests.filter((p) => p.endsWith('.wasm')).length, 1, 'the full module, once');
  assert.deepEqual(page.problems, []);
  await page.close();
});
