// The single-file offline verifier (www/pkg/badge-verifier-offline.html, from scripts/build-offline)
// opened from disk (file://) in headless Chromium with every request blocked and recorded:
// dropped credentials are judged (a valid one verified, a tampered one not, a JWT and a baked PNG
// through the embedded full module), the time of each check shows, a saved bundle of documents
// lets a revoked badge read as revoked, and the page made no request at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { start, newPage, root } from './browser.mjs';

const FILE = join(root, 'www/pkg/badge-verifier-offline.html');
const fixture = (path) => [...readFileSync(join(root, 'tests/fixtures', path))];

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Drops one file on the page's drop zone, as a person dragging it from the desktop would. */
async function drop(page, name, bytes) {
  await page.evaluate(({ name, bytes }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], name));
    const zone = document.getElementById('drop');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, { name, bytes });
}

/** The verdict and texts of each result, newest first, once `count` are judged. */
async function results(page, count) {
  await page.waitForFunction((n) => {
    const all = [...document.querySelectorAll('#results badge-verifier')];
    return all.length >= n && all.every((b) => b.hasAttribute('data-verdict'));
  }, count, { timeout: 30_000 });
  return page.$$eval('#results .result', (boxes) => boxes.map((box) => ({
    name: box.querySelector('.name').textContent,
    when: box.querySelector('.when').textContent,
    verdict: box.querySelector('badge-verifier').dataset.verdict,
    text: box.querySelector('badge-verifier').shadowRoot.textContent,
  })));
}

test('the single file verifies from file:// with the network blocked, and makes no request', async () => {
  const page = await newPage(env.context);
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  const self = pathToFileURL(FILE).href;
  // No network at all: every request but the page's own file is refused.
  await page.route('**/*', (route) => (route.request().url() === self ? route.continue() : route.abort()));
  await page.goto(self);

  await drop(page, 'open-badge-3.json', fixture('valid/open-badge-3.json'));
  await drop(page, 'tampered.json', fixture('invalid/signature_mismatch--name-changed-after-signing.json'));
  await drop(page, 'badge.jwt', fixture('jwt/open-badge-3.jwt'));
  await drop(page, 'badge.png', fixture('baked/open-badge-3.png'));
  const shown = await results(page, 4);
  const byName = Object.fromEntries(shown.map((r) => [r.name, r]));
  assert.equal(byName['open-badge-3.json'].verdict, 'verified');
  assert.equal(byName['tampered.json'].verdict, 'not_verified');
  assert.equal(byName['badge.jwt'].verdict, 'verified');
  assert.equal(byName['badge.png'].verdict, 'verified');
  for (const r of shown) assert.match(r.when, /^Checked .*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\), offline$/);

  // A badge whose issuer key and status list are on the web: couldn't check offline …
  await drop(page, 'revoked.json', fixture('network/revoked.json'));
  let revoked = (await results(page, 5))[0];
  assert.equal(revoked.name, 'revoked.json');
  assert.equal(revoked.verdict, 'not_verified');
  // … until a bundle saved earlier gives the issuer's DID document and its revocation list.
  const bundle = {
    type: 'badge-verifier-documents', version: 1, savedAt: '2026-05-30T12:00:00Z',
    documents: {
      'did:web:issuer.badge-verifier.test': JSON.parse(readFileSync(join(root, 'tests/fixtures/network/did.json'), 'utf8')),
      'https://issuer.badge-verifier.test/status/revocation': JSON.parse(readFileSync(join(root, 'tests/fixtures/network/status/revocation.json'), 'utf8')),
    },
  };
  await page.setInputFiles('#bundle', { name: 'documents.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bundle)) });
  await page.waitForFunction(() => document.querySelector('#results badge-verifier').dataset.verdict === 'revoked', null, { timeout: 30_000 });
  const listed = await page.$$eval('#bundle-list li', (items) => items.map((li) => li.textContent));
  assert.equal(listed.length, 2);
  assert.ok(listed.some((line) => line.startsWith('https://issuer.badge-verifier.test/status/revocation — valid from 2026-01-01')), listed.join('\n'));
  assert.match(await page.textContent('#bundle-status'), /2 documents saved 2026-05-30T12:00:00Z/);
  // A file that is not a bundle is refused with a reason, the documents kept.
  await page.setInputFiles('#bundle', { name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"documents":{}}') });
  await page.waitForFunction(() => document.getElementById('bundle-status').textContent.startsWith('Not loaded'));
  assert.match(await page.textContent('#bundle-status'), /^Not loaded: this file is not a bundle/);

  assert.deepEqual(requests, [self], 'the page itself, and nothing else');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the demo saves the documents a badge needs, and the offline file judges it with them', async () => {
  const page = await newPage(env.context);
  await page.goto(`${env.base}/index.html`);
  await page.waitForSelector('body[data-ready]', { timeout: 30_000 });
  await page.fill('#paste', readFileSync(join(root, 'tests/fixtures/network/revoked.json'), 'utf8'));
  await page.click('#check');
  await page.waitForSelector('#result[data-verdict="revoked"]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
  const bundle = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(bundle.type, 'badge-verifier-documents');
  assert.deepEqual(Object.keys(bundle.documents).sort(),
    ['did:web:issuer.badge-verifier.test', 'https://issuer.badge-verifier.test/status/revocation']);
  assert.ok(!Number.isNaN(Date.parse(bundle.savedAt)));
  await page.close();

  const offline = await newPage(env.context);
  const self = pathToFileURL(FILE).href;
  await offline.route('**/*', (route) => (route.request().url() === self ? route.continue() : route.abort()));
  await offline.goto(self);
  await offline.setInputFiles('#bundle', await download.path());
  await drop(offline, 'revoked.json', fixture('network/revoked.json'));
  assert.equal((await results(offline, 1))[0].verdict, 'revoked');
  assert.deepEqual(offline.problems, []);
  await offline.close();
});
