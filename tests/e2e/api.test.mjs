// The public JS API (issue 12 item 1): verify.js imports and verifies in Node and in a Worker
// (no DOM); the element module defines nothing until define(tag, registry); `badge-checked` and
// the deprecated `badge-verified` carry one frozen report; the card draws from the verification,
// not from what a listener edits; `src` + `offline` set together verify once; `lang` comes from
// the closest [lang] ancestor, across shadow roots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, newPage, openHtml, htmlPage, settled, shown, root, NOW } from './browser.mjs';

const VALID = readFileSync(join(root, 'tests/fixtures/valid/open-badge-3.json'), 'utf8');
const TAMPERED = readFileSync(join(root, 'tests/fixtures/invalid/signature_mismatch--name-changed-after-signing.json'), 'utf8');
const BADGE = '/pkg/badges/valid-open-badge-3-multilingual-with-results.json';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test('in Node, verify.js imports with no DOM and verifies a credential and a tampered one', async () => {
  assert.equal(typeof globalThis.document, 'undefined');
  const { verify } = await import('../../www/verify.js');
  assert.equal((await verify(VALID, { now: NOW, offline: true })).verdict, 'verified');
  const tampered = await verify(JSON.parse(TAMPERED), { now: NOW, offline: true });
  assert.equal(tampered.verdict, 'not_verified');
  assert.equal(tampered.checks.find((c) => c.id === 'proof').code, 'signature_mismatch');
  await assert.rejects(verify('{"@context": ', { now: NOW }), (e) => e.name === 'BadgeError' && e.code === 'malformed_json');
  // The element module imports without a DOM too (server-side rendering), defining nothing.
  const element = await import('../../www/badge-verifier-element.js');
  assert.equal(typeof element.define, 'function');
});

test('in a Worker, verify.js verifies (no document, no custom elements)', async () => {
  const page = await newPage(env.context);
  await openHtml(page, env.base, '/worker.html', '<!doctype html><title>worker</title>');
  const verdicts = await page.evaluate(async ({ valid, tampered, now }) => {
    const source = `import { verify } from '${location.origin}/verify.js';
      onmessage = async ({ data }) => postMessage(await Promise.all(data.map(async (text) => {
        try { return (await verify(text, { now: '${now}', offline: true })).verdict; } catch (e) { return 'error ' + e.message; }
      })));`;
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { type: 'module' });
    return new Promise((done, fail) => {
      worker.onmessage = (e) => done(e.data);
      worker.onerror = (e) => fail(new Error(e.message));
      worker.postMessage([valid, tampered]);
    });
  }, { valid: VALID, tampered: TAMPERED, now: NOW });
  assert.deepEqual(verdicts, ['verified', 'not_verified']);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the element module defines nothing until define(tag, registry); two tags, two classes', async () => {
  const page = await newPage(env.context);
  await openHtml(page, env.base, '/define.html', `<!doctype html><html lang="en"><title>define</title>
    <my-badge id="a" src="${BADGE}"></my-badge><other-badge id="b" src="${BADGE}"></other-badge>`);
  const result = await page.evaluate(async () => {
    const { define, BadgeVerifierElement } = await import('/badge-verifier-element.js');
    const before = customElements.get('badge-verifier') ?? null;
    const first = define('my-badge');
    const second = define('other-badge');
    return { before, first: first === BadgeVerifierElement, second: Object.getPrototypeOf(second) === BadgeVerifierElement,
      again: define('my-badge') === first };
  });
  assert.deepEqual(result, { before: null, first: true, second: true, again: true });
  await page.waitForFunction(() => ['#a', '#b'].every((s) => document.querySelector(s).dataset.verdict === 'verified'));
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('badge-checked and the deprecated badge-verified carry one frozen report; getters verdict and report', async () => {
  const page = await newPage(env.context);
  await page.addInitScript(() => {
    window.events = [];
    for (const type of ['badge-checked', 'badge-verified', 'badge-error']) {
      document.addEventListener(type, (e) => window.events.push({ type, detail: e.detail, target: e.target.id }));
    }
  });
  await openHtml(page, env.base, '/events.html', htmlPage(`
    <badge-verifier id="ok" src="/pkg/badges/valid-open-badge-3.json"></badge-verifier>
    <badge-verifier id="bad" src="/pkg/badges/invalid-signature_mismatch--name-changed-after-signing.json"></badge-verifier>`));
  await settled(page, 2);
  const seen = await page.evaluate(() => window.events.map((e, i) => ({
    type: e.type, target: e.target, verdict: e.detail.verdict,
    frozen: Object.isFrozen(e.detail) && Object.isFrozen(e.detail.checks) && Object.isFrozen(e.detail.checks[0]) && Object.isFrozen(e.detail.badge),
    sameAsGetter: e.detail === document.getElementById(e.target).report,
    sameAsOther: e.detail === window.events[i ^ 1]?.detail,
  })));
  const byTarget = (id) => seen.filter((e) => e.target === id);
  for (const [id, verdict] of [['ok', 'verified'], ['bad', 'not_verified']]) {
    assert.deepEqual(byTarget(id).map((e) => e.type), ['badge-checked', 'badge-verified'], `${id}: one of each, badge-checked first`);
    for (const e of byTarget(id)) assert.deepEqual([e.verdict, e.frozen, e.sameAsGetter], [verdict, true, true], id);
  }
  assert.deepEqual(await page.evaluate(() => ['ok', 'bad'].map((id) => document.getElementById(id).verdict)), ['verified', 'not_verified']);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a listener that edits the report cannot change the card, even on a re-render', async () => {
  const page = await newPage(env.context);
  await page.addInitScript(() => {
    // What a careless (or hostile) script might do to the report it is handed.
    document.addEventListener('badge-checked', (e) => {
      'use strict'; // a sloppy-mode edit of a frozen object is silently ignored; here it throws
      const tries = [
        () => { e.detail.verdict = 'verified'; },
        () => { e.detail.badge.name = 'Forged Badge'; },
        () => { e.detail.badge.achievement.name = 'Forged Badge'; },
        () => { e.detail.checks.length = 0; },
        () => { e.detail.checks[0].outcome = 'passed'; },
        () => { delete e.detail.checks; },
      ];
      window.refused = tries.filter((edit) => { try { edit(); return false; } catch { return true; } }).length;
    });
  });
  await openHtml(page, env.base, '/edit.html', htmlPage(
    '<badge-verifier id="b" src="/pkg/badges/invalid-signature_mismatch--name-changed-after-signing.json"></badge-verifier>'));
  await settled(page, 1);
  const before = await shown(page, '#b');
  assert.equal(before.verdict, 'not_verified');
  assert.equal(await page.evaluate(() => window.refused), 6, 'every edit throws (the report is deeply frozen)');
  // Also a copy handed back through the getter, then a re-render (lang and layout change).
  await page.evaluate(() => { try { document.getElementById('b').report.verdict = 'verified'; } catch { /* frozen */ } });
  await page.evaluate(() => document.getElementById('b').setAttribute('layout', 'full'));
  await page.evaluate(() => document.getElementById('b').setAttribute('lang', 'fr'));
  await page.waitForFunction(() => document.querySelector('#b').shadowRoot.querySelector('.card')?.getAttribute('lang') === 'fr');
  await page.evaluate(() => document.getElementById('b').setAttribute('lang', 'en'));
  await page.waitForFunction(() => document.querySelector('#b').shadowRoot.querySelector('.card')?.getAttribute('lang') === 'en');
  const after = await shown(page, '#b');
  assert.equal(after.status, 'Not verified');
  assert.equal(after.title, before.title);
  assert.doesNotMatch(after.text, /Forged/);
  assert.deepEqual(after.outcomes, before.outcomes);
  assert.equal(await page.evaluate(() => document.getElementById('b').report.verdict), 'not_verified');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('src and offline set in one task verify once; each later change verifies again', async () => {
  const page = await newPage(env.context);
  await openHtml(page, env.base, '/batch.html', htmlPage('<badge-verifier id="b"></badge-verifier>'));
  // A verification starting is the element turning busy: count those.
  await page.evaluate(() => {
    window.starts = 0;
    new MutationObserver((records) => {
      window.starts += records.filter((r) => r.attributeName === 'aria-busy' && r.target.getAttribute('aria-busy') === 'true').length;
    }).observe(document.getElementById('b'), { attributes: true, attributeFilter: ['aria-busy'] });
  });
  await page.evaluate(() => {
    const b = document.getElementById('b');
    b.setAttribute('src', '/pkg/badges/valid-open-badge-3.json');
    b.setAttribute('offline', '');
    b.setAttribute('recipient', 'nobody@example.com');
    b.removeAttribute('recipient');
  });
  await settled(page, 1);
  assert.equal(await page.evaluate(() => window.starts), 1, 'one verification for four changes in one task');
  await page.evaluate(() => document.getElementById('b').removeAttribute('offline'));
  await page.waitForFunction(() => window.starts === 2 && document.getElementById('b').hasAttribute('data-verdict'));
  assert.equal((await shown(page, '#b')).verdict, 'verified');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('lang comes from the closest [lang] ancestor, across a shadow root; its own lang wins', async () => {
  const page = await newPage(env.context);
  await openHtml(page, env.base, '/closest.html', htmlPage(`
    <section lang="de"><div><badge-verifier id="de" src="${BADGE}"></badge-verifier></div>
      <badge-verifier id="own" lang="fr" src="${BADGE}"></badge-verifier></section>
    <div lang="es" id="host"></div>`));
  await page.evaluate((src) => {
    const shadow = document.getElementById('host').attachShadow({ mode: 'open' });
    shadow.innerHTML = `<p><badge-verifier id="inner" src="${src}"></badge-verifier></p>`;
  }, BADGE);
  const headline = (selector, host) => page.waitForFunction(({ selector, host }) => {
    const scope = host ? document.querySelector(host).shadowRoot : document;
    return scope.querySelector(selector)?.shadowRoot.querySelector('.headline')?.textContent;
  }, { selector, host }).then((h) => h.jsonValue());
  await page.waitForFunction(() => document.querySelector('#de').shadowRoot.querySelector('.card')?.getAttribute('lang') === 'de');
  assert.equal(await headline('#de'), 'Verifiziert');
  await page.waitForFunction(() => document.querySelector('#own').shadowRoot.querySelector('.card')?.getAttribute('lang') === 'fr');
  await page.waitForFunction(() => document.querySelector('#host').shadowRoot.querySelector('#inner')?.shadowRoot.querySelector('.card')?.getAttribute('lang') === 'es');
  assert.equal(await headline('#inner', '#host'), 'Verificada');
  assert.equal((await shown(page, '#own')).lang, 'fr');
  assert.deepEqual(page.problems, []);
  await page.close();
});
