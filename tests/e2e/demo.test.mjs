// The demo page's HR panel (paste, choose a file) and the JS API's error shape, in Debian's
// headless Chromium driven by playwright-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, newPage, shown, root } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

async function openDemo() {
  const page = await newPage(env.context);
  await page.goto(`${env.base}/index.html`);
  await page.waitForSelector('body[data-ready]', { timeout: 30_000 });
  return page;
}

test('the JS API throws BadgeError with a code', async () => {
  const page = await openDemo();
  const error = await page.evaluate(async () => {
    const { verify } = await import('./badge-verifier.js');
    try { await verify('{"@context": '); return null; } catch (e) { return { name: e.name, code: e.code, isError: e instanceof Error }; }
  });
  assert.deepEqual(error, { name: 'BadgeError', code: 'malformed_json', isError: true });
  await page.close();
});

test('the HR panel verifies a pasted credential, a chosen file and a dropped file', async () => {
  const page = await openDemo();
  const fixture = readFileSync(join(root, 'tests/fixtures/valid/open-badge-3.json'), 'utf8');
  await page.fill('#paste', fixture);
  await page.click('#check');
  await page.waitForSelector('#result[data-verdict]');
  let card = await shown(page, '#result');
  assert.equal(card.verdict, 'verified');
  assert.equal(card.title, 'Rust Verifier Builder');
  assert.ok(await page.$eval('#result', (el) => el.shadowRoot.querySelector('details.checks').open), 'layout=full opens the checklist');

  await page.setInputFiles('#file', join(root, 'tests/fixtures/invalid/signature_mismatch--name-changed-after-signing.json'));
  await page.waitForSelector('#result[data-verdict="not_verified"]');
  card = await shown(page, '#result');
  assert.equal(card.trust, 'unverified');
  assert.ok(card.outcomes.includes('failed'));

  // Dropped on the drop zone (a real DataTransfer carrying a File).
  const expired = readFileSync(join(root, 'tests/fixtures/invalid/expired--valid-until-2025.json'), 'utf8');
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'expired.json', { type: 'application/json' }));
    return data;
  }, expired);
  await page.dispatchEvent('#drop', 'drop', { dataTransfer: transfer });
  await page.waitForSelector('#result[data-verdict="expired"]');
  assert.equal((await shown(page, '#result')).title, 'Expired Badge');

  await page.fill('#paste', 'not a badge');
  await page.click('#check');
  await page.waitForSelector('#result[data-verdict="error"]');
  assert.match((await shown(page, '#result')).text, /not valid JSON/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the revocation section shows revoked, suspended, verified and couldn\'t-check badges, with no request off the page', async () => {
  const page = await newPage(env.context);
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${env.base}/index.html`);
  const verdicts = await page.waitForFunction(() => {
    const badges = [...document.querySelectorAll('#status-badges badge-verifier')];
    return badges.every((b) => b.hasAttribute('data-verdict')) && badges.map((b) => b.dataset.verdict);
  }, null, { timeout: 30_000 });
  assert.deepEqual(await verdicts.jsonValue(), ['revoked', 'suspended', 'verified', 'verified_with_warnings']);
  assert.match((await shown(page, '#status-badges badge-verifier:first-child')).text, /Revoked/);
  assert.deepEqual(requests.filter((url) => !url.startsWith(env.base)), [], 'the documents came from the page');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the HR panel checks the recipient and the trusted issuers it is given', async () => {
  const page = await openDemo();
  const fixture = readFileSync(join(root, 'tests/fixtures/valid/open-badge-3.json'), 'utf8');
  const issuer = JSON.parse(fixture).issuer.id;
  await page.fill('#paste', fixture);
  await page.fill('#recipient', 'did:example:alice');
  await page.fill('#trusted', issuer);
  await page.click('#check');
  await page.waitForSelector('#result[data-verdict="verified"]');
  await page.fill('#recipient', 'did:example:mallory');
  await page.click('#check');
  await page.waitForSelector('#result[data-verdict="not_verified"]');
  assert.ok((await shown(page, '#result')).outcomes.includes('failed'));
  await page.fill('#recipient', '');
  await page.fill('#trusted', 'did:web:someone-else.example');
  await page.click('#check');
  await page.waitForSelector('#result[data-verdict="not_verified"]');
  await page.fill('#trusted', '');
  await page.click('#check');
  await page.waitForSelector('#result[data-verdict="verified"]');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the HR panel accepts a .jwt, a baked PNG and a baked SVG; the demo shows the other formats', async () => {
  const page = await openDemo();
  // The section of other formats: a VC-JWT, the badge baked into a PNG and an SVG, a forged JWT.
  await page.waitForFunction(() => [...document.querySelectorAll('#format-badges badge-verifier')].every((b) => b.dataset.verdict), null, { timeout: 30_000 });
  const verdicts = await page.$$eval('#format-badges badge-verifier', (all) => all.map((b) => [b.dataset.verdict, b.report?.input]));
  assert.deepEqual(verdicts, [['verified', 'jwt'], ['verified', 'baked_png'], ['verified', 'baked_svg'], ['verified', undefined], ['not_verified', 'jwt'], ['verified', undefined]]);
  const ob2 = await shown(page, '#format-badges badge-verifier[data-demo-src]');
  assert.equal(ob2.title, 'Open Badges 2.0 Hosted Badge');

  const cases = [
    ['tests/fixtures/jwt/open-badge-3.jwt', 'verified', 'application/jwt'],
    ['tests/fixtures/baked/open-badge-3.png', 'verified', 'image/png'],
    ['tests/fixtures/baked/signature_mismatch--name-changed-after-signing.svg', 'not_verified', 'image/svg+xml'],
  ];
  for (const [file, verdict] of cases) {
    await page.setInputFiles('#file', join(root, file));
    await page.waitForSelector(`#result[data-verdict="${verdict}"]`);
    const card = await shown(page, '#result');
    assert.equal(card.verdict, verdict, file);
    await page.evaluate(() => document.getElementById('result').removeAttribute('data-verdict'));
  }
  // An Open Badges 2.0 assertion pasted: its issuer's documents are the ones the page has.
  await page.fill('#paste', readFileSync(join(root, 'tests/fixtures/ob2/assertion.json'), 'utf8'));
  await page.click('#check');
  await page.waitForSelector('#result[data-verdict="verified"]');
  const pasted = await page.$eval('#result', (el) => el.report);
  assert.ok(pasted.checks.some((c) => c.code === 'hosted_copy_matches'), JSON.stringify(pasted.checks.map((c) => c.code)));
  await page.evaluate(() => document.getElementById('result').removeAttribute('data-verdict'));
  // Dropped: a baked PNG as bytes.
  const png = readFileSync(join(root, 'tests/fixtures/baked/open-badge-3.png'));
  const transfer = await page.evaluateHandle((bytes) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], 'badge.png', { type: 'image/png' }));
    return data;
  }, [...png]);
  await page.dispatchEvent('#drop', 'drop', { dataTransfer: transfer });
  await page.waitForSelector('#result[data-verdict="verified"]');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the demo shows a selectively disclosed badge: verified, the holder chose what to disclose, only that is shown', async () => {
  const page = await openDemo();
  const card = await shown(page, '#disclosed-badge');
  assert.equal(card.verdict, 'verified');
  assert.equal(card.title, 'Data Integrity Practitioner');
  const proof = await page.$eval('#disclosed-badge', (el) => el.report.checks.find((c) => c.id === 'proof'));
  assert.equal(proof.code, 'signature_valid_selective_disclosure');
  // The checklist line, in the card itself.
  assert.match(card.text, /The holder chose which parts of the badge to disclose/);
  // What the holder disclosed is there; what they kept (their name, their grade) is not.
  assert.match(card.text, /Built a credential verifier in Rust/);
  assert.doesNotMatch(card.text, /Alice Example/);
  assert.doesNotMatch(card.text, /Final grade/);
  const caption = await page.textContent('#format-badges .disclosed figcaption');
  assert.match(caption, /the holder chose what to disclose/);
  assert.deepEqual(page.problems, []);
  await page.close();
});
