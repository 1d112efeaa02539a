// The <badge-verifier> element in headless Chromium: the demo page's cards and verdicts, events,
// sources, many badges sharing one wasm load, a src change mid-load, theme / lang / RTL, keyboard,
// axe-core, and the screenshots (artifacts/demo-*.png, looked at by a person).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, newPage, openHtml, htmlPage, settled, shown, axe, root, artifacts } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const DEMO = [
  ['valid-open-badge-3.json', 'verified', 'Verified', 'Rust Verifier Builder'],
  ['valid-open-badge-3-multilingual-with-results.json', 'verified', 'Verified', 'Data Stewardship'],
  ['valid-open-badge-3-rich-eddsa-rdfc-2022.json', 'verified', 'Verified', 'Data Integrity Practitioner'],
  ['invalid-signature_mismatch--rdfc-result-changed-after-signing.json', 'not_verified', 'Not verified', 'Data Integrity Practitioner'],
  ['invalid-expired--valid-until-2025.json', 'expired', 'Expired', 'Expired Badge'],
  ['invalid-signature_mismatch--name-changed-after-signing.json', 'not_verified', 'Not verified', 'Rust Verifier Builder'],
  ['invalid-key_not_bound_to_issuer--valid-signature-by-someone-elses-key.json', 'not_verified', 'Not verified', 'Rust Verifier Builder'],
  ['invalid-unsupported_cryptosuite--bbs-2023.json', 'unsupported', 'Cannot be verified here', 'Rust Verifier Builder'],
  ['invalid-not_yet_valid--valid-from-2099.json', 'not_yet_valid', 'Not yet valid', 'Future Badge'],
  ['valid-vc-1.1-plain.json', 'verified', 'Verified', 'VerifiableCredential'],
];

async function openDemo(query = '', width = 1200) {
  const page = await newPage(env.context);
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${env.base}/index.html${query}`);
  await page.waitForSelector('body[data-ready]', { timeout: 30_000 });
  return page;
}

test('each demo badge shows its verdict first, its name, and marks unverified content', async () => {
  const page = await openDemo();
  for (const [file, verdict, status, title] of DEMO) {
    const card = await shown(page, `badge-verifier[src="pkg/badges/${file}"]`);
    assert.equal(card.verdict, verdict, file);
    assert.equal(card.status, status, file);
    assert.equal(card.title, title, file);
    assert.equal(card.trust, ['not_verified', 'unsupported'].includes(verdict) ? 'unverified' : 'trusted', file);
    assert.equal(card.live, `${status}: ${title}`, `${file}: announced once, through aria-live`);
    if (card.trust === 'unverified') assert.match(card.text, /Unverified content/);
  }
  const full = await shown(page, 'badge-verifier[src$="multilingual-with-results.json"]');
  for (const text of ['Badge Verifier Test Issuer', 'Alice Example', 'May 1, 2024', 'Distinction (Completed)', 'Data management (ESCO)', 'Wrote and maintained']) {
    assert.ok(full.text.includes(text), text);
  }
  const tampered = await shown(page, 'badge-verifier[src*="signature_mismatch"]');
  assert.ok(tampered.outcomes.includes('failed'));
  assert.match(tampered.text, /The signature does not match/);
  assert.deepEqual(page.problems, []);
  for (const [name, query, width] of [['light', '', 1200], ['dark', '?theme=dark', 1200], ['rtl', '?lang=ar', 1200], ['narrow', '', 280]]) {
    const shot = name === 'light' ? page : await openDemo(query, width);
    await shot.screenshot({ path: join(artifacts, `demo-${name}.png`), fullPage: true });
    if (name === 'narrow') {
      assert.ok(await shot.evaluate(() => document.documentElement.scrollWidth <= 280), 'no horizontal scroll at 280 px');
    }
    if (shot !== page) await shot.close();
  }
  await page.close();
});

test('events bubble out of the shadow root with the report or the error', async () => {
  const page = await newPage(env.context);
  await page.addInitScript(() => {
    window.events = [];
    for (const type of ['badge-verified', 'badge-error']) {
      document.addEventListener(type, (e) => window.events.push({ type, bubbles: e.bubbles, composed: e.composed, detail: e.detail, id: e.target.id }));
    }
  });
  const fixture = readFileSync(join(root, 'tests/fixtures/valid/open-badge-3.json'), 'utf8');
  await openHtml(page, env.base, '/events.html', htmlPage(`
    <badge-verifier id="ok" src="/pkg/badges/valid-open-badge-3.json"></badge-verifier>
    <badge-verifier id="inline"><script type="application/ld+json">${fixture}</script></badge-verifier>
    <badge-verifier id="jwt"><script type="application/jwt">eyJhbGciOiJFUzUxMiJ9.eyJ2YyI6e319.c2ln</script></badge-verifier>
    <badge-verifier id="missing" src="/pkg/badges/no-such-badge.json"></badge-verifier>
    <badge-verifier id="broken"><script type="application/ld+json">{"@context": </script></badge-verifier>`));
  await settled(page, 5);
  const events = await page.evaluate(() => window.events);
  const byId = Object.fromEntries(events.map((e) => [e.id, e]));
  assert.equal(events.length, 5, JSON.stringify(events.map((e) => e.id)));
  assert.ok(events.every((e) => e.bubbles && e.composed));
  assert.equal(byId.ok.type, 'badge-verified');
  assert.equal(byId.ok.detail.verdict, 'verified');
  assert.ok(byId.ok.detail.checks.length >= 6);
  assert.ok(byId.ok.detail.checks.every((c) => c.id && c.outcome && c.code && c.message));
  assert.equal(byId.ok.detail.badge.recipientName, 'Alice Example');
  assert.equal(byId.inline.detail.verdict, 'verified');
  assert.equal(byId.jwt.detail.verdict, 'unsupported'); // ES512 (P-521): not implemented
  assert.equal(byId.jwt.detail.checks[0].code, 'jws_algorithm_unsupported');
  assert.deepEqual([byId.missing.type, byId.missing.detail.code], ['badge-error', 'fetch_failed']);
  assert.deepEqual([byId.broken.type, byId.broken.detail.code], ['badge-error', 'malformed_json']);
  assert.equal(typeof byId.broken.detail.message, 'string');
  assert.equal((await shown(page, '#broken')).verdict, 'error');
  assert.match((await shown(page, '#broken')).text, /The file is not valid JSON/);
  // The JS API returns the same report object as the event detail.
  const same = await page.evaluate(async () => {
    const { verify } = await import('/badge-verifier.js');
    const report = await verify(await (await fetch('/pkg/badges/valid-open-badge-3.json')).text());
    return JSON.stringify(report) === JSON.stringify(document.getElementById('ok').report);
  });
  assert.ok(same);
  // Re-scans are idempotent: moving an element, or loading the module again, verifies nothing anew.
  await page.evaluate(async () => {
    const ok = document.getElementById('ok');
    document.body.append(ok);
    await import('/badge-verifier.js?again');
    await new Promise((r) => setTimeout(r, 300));
  });
  assert.equal((await page.evaluate(() => window.events)).length, 5);
  await page.close();
});

test('elements added later (SPA navigation) and inline credentials filled in later resolve', async () => {
  const page = await newPage(env.context);
  await openHtml(page, env.base, '/spa.html', htmlPage('<main id="app"></main>'));
  const fixture = readFileSync(join(root, 'tests/fixtures/valid/open-badge-3.json'), 'utf8');
  await page.evaluate((text) => {
    const app = document.getElementById('app');
    const later = document.createElement('badge-verifier');
    later.id = 'later';
    later.setAttribute('src', '/pkg/badges/invalid-expired--valid-until-2025.json');
    app.append(later);
    const empty = document.createElement('badge-verifier');
    empty.id = 'filled';
    app.append(empty);
    setTimeout(() => {
      const script = document.createElement('script');
      script.type = 'application/ld+json';
      script.textContent = text;
      empty.append(script);
    }, 50);
  }, fixture);
  await settled(page, 2);
  assert.equal((await shown(page, '#later')).verdict, 'expired');
  assert.equal((await shown(page, '#filled')).verdict, 'verified');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('when the wasm cannot load, the element says so and fires badge-error', async () => {
  const page = await newPage(env.context);
  await page.route(`${env.base}/pkg/badge_verifier_bg.wasm`, (route) => route.fulfill({ status: 404, body: 'gone' }));
  const errors = [];
  await page.exposeFunction('reportError', (detail) => errors.push(detail));
  await page.addInitScript(() => document.addEventListener('badge-error', (e) => window.reportError(e.detail)));
  await openHtml(page, env.base, '/nowasm.html', htmlPage('<badge-verifier id="b" src="/pkg/badges/valid-open-badge-3.json"></badge-verifier>'));
  await settled(page, 1);
  assert.equal(await page.getAttribute('#b', 'data-verdict'), 'error');
  assert.equal(errors[0]?.code, 'wasm_load_failed');
  assert.match(await page.$eval('#b', (el) => el.shadowRoot.querySelector('.card').textContent), /^wasm_load_failed: the verifier could not be loaded/);
  await page.close();
});

test('fifty badges on one page all resolve and load the wasm once', async () => {
  const page = await newPage(env.context);
  let wasmLoads = 0;
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasmLoads += 1; });
  const files = DEMO.map(([file]) => file);
  const body = Array.from({ length: 50 }, (_, i) => `<badge-verifier layout="compact" src="/pkg/badges/${files[i % files.length]}"></badge-verifier>`).join('\n');
  await openHtml(page, env.base, '/fifty.html', htmlPage(body));
  await settled(page, 50);
  const verdicts = await page.$$eval('badge-verifier', (all) => all.map((b) => b.dataset.verdict));
  assert.equal(verdicts.length, 50);
  verdicts.forEach((verdict, i) => assert.equal(verdict, DEMO[i % DEMO.length][1]));
  assert.equal(wasmLoads, 1);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('many badges: cards show as they are verified, the page gets tasks in between', async () => {
  const page = await newPage(env.context);
  // At each card, how many cards are shown then and when the page next gets a task of its own.
  await page.addInitScript(() => {
    window.cards = [];
    const count = () => document.querySelectorAll('badge-verifier[data-verdict]').length;
    document.addEventListener('badge-verified', () => {
      const entry = { now: count(), nextTask: undefined };
      window.cards.push(entry);
      setTimeout(() => { entry.nextTask = count(); });
    });
  });
  const body = Array.from({ length: 20 }, () => '<badge-verifier src="/pkg/badges/valid-open-badge-3-rich-eddsa-rdfc-2022.json"></badge-verifier>').join('\n');
  await openHtml(page, env.base, '/twenty.html', htmlPage(body));
  await settled(page, 20);
  await page.waitForFunction(() => window.cards.every((c) => c.nextTask !== undefined));
  const cards = await page.evaluate(() => window.cards);
  assert.deepEqual(cards.map((c) => c.now), Array.from({ length: 20 }, (_, i) => i + 1), 'one card at a time');
  // All in one task, every card would be shown before the page's first timer ran.
  assert.ok(cards[0].nextTask < 20, `the page ran a task after the first card, with ${cards[0].nextTask} of 20 shown`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a src change mid-load never shows the stale result', async () => {
  const page = await newPage(env.context);
  let release;
  const held = new Promise((r) => { release = r; });
  const slow = '/pkg/badges/invalid-expired--valid-until-2025.json';
  await page.route(`${env.base}${slow}`, async (route) => { await held; await route.continue(); });
  await openHtml(page, env.base, '/switch.html', htmlPage('<badge-verifier id="b" src="/pkg/badges/valid-open-badge-3.json"></badge-verifier>'));
  await settled(page, 1);
  await page.evaluate(() => {
    window.seen = [];
    document.getElementById('b').addEventListener('badge-verified', (e) => window.seen.push(e.detail.verdict));
  });
  // To a slow source: the verified card of the previous source disappears at once.
  await page.evaluate((src) => document.getElementById('b').setAttribute('src', src), slow);
  let card = await shown(page, '#b');
  assert.equal(card.verdict, undefined);
  assert.equal(card.status, undefined, 'no card from the previous src while the new one loads');
  assert.equal(await page.getAttribute('#b', 'aria-busy'), 'true');
  // And on again before the slow one answers: only the last source is ever shown.
  await page.waitForTimeout(100);
  await page.evaluate(() => document.getElementById('b').setAttribute('src', '/pkg/badges/invalid-not_yet_valid--valid-from-2099.json'));
  await settled(page, 1);
  release();
  await page.waitForTimeout(500); // the slow, stale response arrives now
  card = await shown(page, '#b');
  assert.equal(card.verdict, 'not_yet_valid');
  assert.equal(card.title, 'Future Badge');
  assert.deepEqual(await page.evaluate(() => window.seen), ['not_yet_valid']);
  assert.equal(await page.getAttribute('#b', 'aria-busy'), null);
  await page.close();
});

test('theme and lang switch without re-verifying; Arabic lays out right to left', async () => {
  const page = await openDemo();
  const selector = 'badge-verifier[src$="valid-open-badge-3.json"]';
  const background = () => page.$eval(selector, (el) => getComputedStyle(el.shadowRoot.querySelector('.card')).backgroundColor);
  assert.equal(await background(), 'rgb(255, 255, 255)');
  await page.selectOption('#theme', 'dark');
  assert.equal(await background(), 'rgb(22, 27, 34)');
  await page.selectOption('#theme', 'auto');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await background(), 'rgb(22, 27, 34)');
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal(await background(), 'rgb(255, 255, 255)');

  // The page's wasm speaks English; German arrives as pkg/i18n/de.json, and the card is redrawn.
  const headline = (text) => page.waitForFunction(([sel, t]) => document.querySelector(sel).shadowRoot.querySelector('.headline')?.textContent === t, [selector, text]);
  await page.selectOption('#lang', 'de');
  await headline('Verifiziert');
  let card = await shown(page, selector);
  assert.equal(card.status, 'Verifiziert');
  assert.match(card.text, /Ausgestellt von/);
  assert.equal(card.live, 'Verified: Rust Verifier Builder', 'a language switch is not a new result: no new announcement');
  const multilingual = 'badge-verifier[src$="multilingual-with-results.json"]';
  assert.equal((await shown(page, multilingual)).title, 'Datenverantwortung');
  assert.match((await shown(page, multilingual)).text, /1\. Mai 2024/);

  await page.selectOption('#lang', 'ar');
  await headline('تم التحقق');
  card = await shown(page, multilingual);
  assert.equal(card.dir, 'rtl');
  assert.equal(card.lang, 'ar');
  assert.equal(card.title, 'الإشراف على البيانات');
  assert.equal(card.status, 'تم التحقق');
  const boxes = await page.$eval(multilingual, (el) => {
    const r = el.shadowRoot;
    return { image: r.querySelector('.image').getBoundingClientRect().x, title: r.querySelector('.title').getBoundingClientRect().x,
      direction: getComputedStyle(r.querySelector('.card')).direction };
  });
  assert.equal(boxes.direction, 'rtl');
  assert.ok(boxes.image > boxes.title, 'in RTL the image sits on the right of the text');
  await page.close();
});

test('checklist details open with the keyboard', async () => {
  const page = await openDemo();
  const selector = 'badge-verifier[src$="valid-open-badge-3.json"]';
  const isOpen = () => page.$eval(selector, (el) => el.shadowRoot.querySelector('details.checks').open);
  assert.equal(await isOpen(), false);
  await page.focus('#theme');
  await page.keyboard.press('Tab'); // the first card's criteria/issuer links come first
  let found = false;
  for (let i = 0; i < 6 && !found; i++) {
    found = await page.$eval(selector, (el) => el.shadowRoot.activeElement?.matches('details.checks > summary') ?? false);
    if (!found) await page.keyboard.press('Tab');
  }
  assert.ok(found, 'the checklist summary is reachable with Tab');
  await page.keyboard.press('Enter');
  assert.equal(await isOpen(), true);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.ok(await page.$eval(selector, (el) => el.shadowRoot.querySelector('details.technical').open));
  await page.close();
});

test('axe-core finds no violations on the demo page, light, dark and Arabic, checklists open', async () => {
  for (const query of ['', '?theme=dark', '?lang=ar']) {
    const page = await openDemo(query);
    // Cards are `content-visibility: auto`: one off screen is not laid out, and axe then reads
    // colours it never painted. A viewport tall enough for the whole page lays every card out.
    await page.setViewportSize({ width: 1200, height: 6000 });
    await page.$$eval('badge-verifier', (all) => all.forEach((b) => b.shadowRoot.querySelectorAll('details').forEach((d) => { d.open = true; })));
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    assert.deepEqual(await axe(page), [], query || 'light');
    await page.close();
  }
});
