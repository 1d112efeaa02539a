// The <badge-portfolio> element in headless Chromium: each source kind (src of an array, src of a
// list of URLs, the credentials property, a presentation, inline JSON), the events and the nested
// report, a tampered member (only it not verified), keyboard opening of a credential, the print
// stylesheet, Arabic (RTL) and axe-core. The 30-credential, six-language and demo tests are in
// the stack's own files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, newPage, openHtml, htmlPage, axe, root, NOW } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const FILES = [
  'valid-open-badge-3.json', // verified, achievementType Competency
  'valid-open-badge-3-multilingual-with-results.json', // verified, aligned to an ESCO skill
  'invalid-expired--valid-until-2025.json', // authentic, expired
  'invalid-signature_mismatch--name-changed-after-signing.json', // tampered
];
const fixture = (name) => JSON.parse(readFileSync(join(root, 'www/pkg/badges', name), 'utf8'));
const URLS = FILES.map((name) => `/pkg/badges/${name}`);

/** Opens a page with `body`, serving `json` at /stack.json; resolves with what the element shows. */
async function openPortfolio(body, { json, lang = 'en', setup } = {}) {
  const page = await newPage(env.context);
  if (json !== undefined) {
    await page.route(`${env.base}/stack.json`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(json) }));
  }
  await page.addInitScript(() => {
    window.events = [];
    for (const type of ['portfolio-checked', 'portfolio-error']) {
      document.addEventListener(type, (event) => window.events.push({ type, detail: event.detail, frozen: Object.isFrozen(event.detail) }));
    }
  });
  await openHtml(page, env.base, '/portfolio.html', htmlPage(`<main><h1>Portfolio</h1>${body}</main>`, lang));
  if (setup) await page.evaluate(setup);
  await page.waitForFunction(() => document.querySelector('badge-portfolio')?.hasAttribute('data-verdict'), null, { timeout: 60_000 });
  return page;
}

function portfolio(page) {
  return page.$eval('badge-portfolio', (el) => {
    const r = el.shadowRoot;
    const all = (s) => [...r.querySelectorAll(s)];
    return {
      verdict: el.dataset.verdict,
      busy: el.getAttribute('aria-busy'),
      container: r.querySelector('.portfolio')?.dataset.container,
      dir: r.querySelector('.portfolio')?.getAttribute('dir'),
      headline: r.querySelector('.summary .headline')?.textContent,
      tally: r.querySelector('.tally')?.textContent,
      counts: Object.fromEntries(all('.counts [data-count]').map((d) => [d.dataset.count, Number(d.querySelector('dd').textContent)])),
      groups: all('.group').map((g) => ({
        kind: g.dataset.group,
        heading: g.querySelector('h2').textContent,
        items: [...g.querySelectorAll('li.item')].map((li) => `${li.dataset.index}:${li.dataset.verdict}`),
      })),
      live: r.querySelector('[aria-live]')?.textContent,
      report: el.report,
      reportFrozen: Object.isFrozen(el.report) && Object.isFrozen(el.report?.members?.reports?.[0]?.checks),
      getterVerdict: el.verdict,
    };
  });
}

const EXPECTED_ITEMS = ['0:verified', '1:verified', '2:expired', '3:not_verified'];

function assertStack(shown) {
  assert.equal(shown.verdict, 'not_verified');
  assert.equal(shown.getterVerdict, 'not_verified');
  assert.equal(shown.busy, null);
  assert.equal(shown.headline, 'Not verified');
  assert.equal(shown.tally, '2 of 4 verified');
  assert.deepEqual(shown.counts, { total: 4, verified: 2, expired: 1, revoked: 0, suspended: 0, not_verified: 1, issuers: 1 });
  const items = shown.groups.flatMap((g) => g.items).sort();
  assert.deepEqual([...new Set(items)], EXPECTED_ITEMS);
  const last = shown.groups.at(-1);
  assert.deepEqual([last.kind, last.items], ['not_verified', ['3:not_verified']], 'the tampered one alone, last');
  assert.ok(shown.groups.some((g) => g.kind === 'alignment' && /Data management/.test(g.heading) && /ESCO/.test(g.heading)));
  assert.equal(shown.live, 'Not verified: 2 of 4 verified');
  const members = shown.report.members;
  assert.deepEqual(members.reports.map((r) => r.verdict), ['verified', 'verified', 'expired', 'not_verified']);
  assert.ok(shown.reportFrozen, 'the report is deeply frozen');
}

test('src: a JSON array of credentials is verified as a collection; only the tampered member is not verified', async () => {
  const page = await openPortfolio('<badge-portfolio src="/stack.json"></badge-portfolio>', { json: FILES.map(fixture) });
  const shown = await portfolio(page);
  assertStack(shown);
  assert.equal(shown.container, 'collection');
  assert.equal(shown.report.members.container, 'collection');
  const events = await page.evaluate(() => window.events.map((e) => ({ type: e.type, verdict: e.detail.verdict, frozen: e.frozen, total: e.detail.members?.total })));
  assert.deepEqual(events, [{ type: 'portfolio-checked', verdict: 'not_verified', frozen: true, total: 4 }]);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('src: a JSON array of URLs is fetched, each URL relative to the list', async () => {
  const page = await openPortfolio('<badge-portfolio src="/stack.json"></badge-portfolio>', { json: FILES.map((name) => `pkg/badges/${name}`) });
  assertStack(await portfolio(page));
  await page.close();
});

test('the credentials property: an array of objects, of URLs, then a presentation; inline JSON too', async () => {
  const page = await openPortfolio('<badge-portfolio></badge-portfolio>', {
    setup: `document.querySelector('badge-portfolio').credentials = ${JSON.stringify(FILES.map(fixture))}`,
  });
  assertStack(await portfolio(page));
  const next = async (value) => {
    await page.evaluate((v) => {
      const el = document.querySelector('badge-portfolio');
      el.credentials = v;
    }, value);
    await page.waitForFunction(() => document.querySelector('badge-portfolio').hasAttribute('data-verdict') && window.events.length > 1, null, { timeout: 60_000 });
    await page.evaluate(() => { window.events.length = 1; });
    return portfolio(page);
  };
  assertStack(await next(URLS));
  const presentation = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiablePresentation'],
    verifiableCredential: FILES.map(fixture),
  };
  const shown = await next(presentation);
  assert.equal(shown.container, 'presentation');
  assert.equal(shown.verdict, 'not_verified', 'no holder proof');
  assert.deepEqual(shown.report.members.reports.map((r) => r.verdict), ['verified', 'verified', 'expired', 'not_verified']);
  await page.close();

  const inline = await openPortfolio(`<badge-portfolio><script type="application/json">${JSON.stringify(FILES.map(fixture))}</script></badge-portfolio>`);
  assertStack(await portfolio(inline));
  await inline.close();
});

test('a source that cannot be fetched fires portfolio-error and shows the error', async () => {
  const page = await openPortfolio('<badge-portfolio src="/missing.json"></badge-portfolio>');
  const events = await page.evaluate(() => window.events.map((e) => ({ type: e.type, code: e.detail.code, frozen: e.frozen })));
  assert.deepEqual(events, [{ type: 'portfolio-error', code: 'fetch_failed', frozen: true }]);
  const state = await page.$eval('badge-portfolio', (el) => ({ verdict: el.dataset.verdict, report: el.report, error: el.shadowRoot.querySelector('.card')?.dataset.verdict }));
  assert.deepEqual(state, { verdict: 'error', report: null, error: 'error' });
  await page.close();
});

test('a credential opens from the keyboard onto its full card and checklist; axe finds nothing', async () => {
  const page = await openPortfolio('<badge-portfolio src="/stack.json"></badge-portfolio>', { json: FILES.map(fixture) });
  const open = () => page.$$eval('badge-portfolio', ([el]) => [...el.shadowRoot.querySelectorAll('details.entry')].map((d) => d.open));
  assert.ok((await open()).every((o) => !o));
  // The first focusable thing in the portfolio is a group heading's link or a credential's line.
  await page.keyboard.press('Tab');
  for (let i = 0; i < 8; i += 1) {
    const focused = await page.evaluate(() => document.querySelector('badge-portfolio').shadowRoot.activeElement?.className);
    if (focused === 'compact') break;
    await page.keyboard.press('Tab');
  }
  // Full cards are drawn when a line is first opened: none before.
  assert.equal(await page.$eval('badge-portfolio', (el) => el.shadowRoot.querySelectorAll('.card').length), 0);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('badge-portfolio').shadowRoot.querySelector('details.entry[open] > .card'));
  const state = await page.$eval('badge-portfolio', (el) => {
    const details = el.shadowRoot.querySelector('details.entry[open]');
    const card = details?.querySelector('.card');
    return { card: card?.dataset.verdict, visible: card?.checkVisibility(), checks: card?.querySelectorAll('.checks li').length };
  });
  assert.equal(state.visible, true);
  assert.ok(state.checks >= 6, 'the checklist is there');
  assert.deepEqual(await axe(page), []);
  await page.close();
});

test('printed: the summary and every credential\'s verdict in words, no full cards', async () => {
  const page = await openPortfolio('<badge-portfolio src="/stack.json"></badge-portfolio>', { json: FILES.map(fixture) });
  await page.$$eval('badge-portfolio', ([el]) => el.shadowRoot.querySelectorAll('details.entry').forEach((d) => { d.open = true; }));
  await page.waitForFunction(() => {
    const r = document.querySelector('badge-portfolio').shadowRoot;
    return r.querySelectorAll('.entry > .card').length === r.querySelectorAll('details.entry').length;
  });
  await page.emulateMedia({ media: 'print' });
  const printed = await page.$eval('badge-portfolio', (el) => {
    const r = el.shadowRoot;
    return {
      summary: r.querySelector('.summary').checkVisibility(),
      cards: [...r.querySelectorAll('.entry > .card')].filter((c) => c.checkVisibility()).length,
      verdicts: [...r.querySelectorAll('li.item .compact .verdict')].filter((v) => v.checkVisibility()).map((v) => v.textContent),
    };
  });
  assert.equal(printed.summary, true);
  assert.equal(printed.cards, 0);
  assert.ok(printed.verdicts.includes('Expired') && printed.verdicts.includes('Not verified') && printed.verdicts.includes('Verified'));
  await page.emulateMedia({ media: 'screen' });
  assert.ok(await page.$$eval('badge-portfolio', ([el]) => [...el.shadowRoot.querySelectorAll('.entry > .card')].some((c) => c.checkVisibility())));
  await page.close();
});

test('in Arabic the portfolio is right to left and speaks Arabic', async () => {
  const page = await openPortfolio('<badge-portfolio src="/stack.json"></badge-portfolio>', { json: FILES.map(fixture), lang: 'ar' });
  await page.waitForFunction(() => document.querySelector('badge-portfolio').shadowRoot.querySelector('.tally')?.textContent.startsWith('تم'), null, { timeout: 10_000 });
  const shown = await portfolio(page);
  assert.equal(shown.dir, 'rtl');
  assert.equal(shown.tally, 'تم التحقق من 2 من 4');
  await page.close();
});

test('while the credentials load and verify: aria-busy and "Verifying N credentials…"', async () => {
  const page = await newPage(env.context);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(`${env.base}/slow/badge.json`, async (route) => {
    await held;
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(fixture(FILES[0])) });
  });
  await page.route(`${env.base}/stack.json`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify([URLS[1], '/slow/badge.json']) }));
  await openHtml(page, env.base, '/busy.html', htmlPage('<main><h1>Busy</h1><badge-portfolio src="/stack.json"></badge-portfolio></main>'));
  await page.waitForFunction(() => document.querySelector('badge-portfolio').shadowRoot.querySelector('.portfolio.busy'), null, { timeout: 30_000 });
  const busy = await page.$eval('badge-portfolio', (el) => ({
    busy: el.getAttribute('aria-busy'), verdict: el.verdict, text: el.shadowRoot.querySelector('.portfolio.busy').textContent,
    role: el.shadowRoot.querySelector('.portfolio.busy').getAttribute('role'),
  }));
  assert.deepEqual(busy, { busy: 'true', verdict: null, text: 'Verifying 2 credentials…', role: 'status' });
  release();
  await page.waitForFunction(() => document.querySelector('badge-portfolio').dataset.verdict === 'verified', null, { timeout: 30_000 });
  assert.equal(await page.$eval('badge-portfolio', (el) => el.getAttribute('aria-busy')), null);
  await page.close();
});

test('in Node, verify() of a JSON array gives the nested collection report; the element module imports without a DOM', async () => {
  assert.equal(typeof globalThis.document, 'undefined');
  const { verify } = await import('../../www/verify.js');
  const report = await verify(FILES.map(fixture), { now: NOW, offline: true });
  assert.equal(report.verdict, 'not_verified');
  assert.equal(report.members.container, 'collection');
  assert.deepEqual(report.checks.map((c) => [c.id, c.code]), [['format', 'format_valid'], ['members', 'member_not_verified']]);
  assert.deepEqual(report.members.reports.map((r) => r.verdict), ['verified', 'verified', 'expired', 'not_verified']);
  const element = await import('../../www/badge-portfolio-element.js');
  assert.equal(typeof element.define, 'function');
});

test('trusted-issuers and recipient reach every member; a list of more than 64 URLs is refused', async () => {
  const page = await openPortfolio('<badge-portfolio src="/stack.json" trusted-issuers="did:example:someone-else" recipient="did:example:nobody"></badge-portfolio>', { json: FILES.slice(0, 2).map(fixture) });
  const shown = await portfolio(page);
  assert.equal(shown.verdict, 'not_verified');
  for (const member of shown.report.members.reports) {
    const codes = Object.fromEntries(member.checks.map((c) => [c.id, c.code]));
    assert.equal(codes.issuer_trust, 'issuer_not_trusted');
    assert.equal(codes.recipient, 'recipient_mismatch');
  }
  assert.deepEqual(shown.groups.map((g) => g.kind), ['not_verified'], 'no claim of an untrusted issuer is grouped');
  await page.close();

  const many = await openPortfolio('<badge-portfolio src="/stack.json"></badge-portfolio>', { json: Array.from({ length: 65 }, () => URLS[0]) });
  const events = await many.evaluate(() => window.events.map((e) => [e.type, e.detail.code]));
  assert.deepEqual(events, [['portfolio-error', 'too_many_members']]);
  await many.close();
});
