// Hostile credentials and a strict Content Security Policy, in headless Chromium: markup and
// `javascript:` payloads in every rendered field show as literal text and never run; the widget
// works under `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, newPage, openHtml, htmlPage, settled, shown, root } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const PAYLOAD = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script><b>bold</b>';
const JS_URL = 'javascript:window.pwned=3';

function hostile() {
  const c = JSON.parse(readFileSync(join(root, 'tests/fixtures/valid/open-badge-3.json'), 'utf8'));
  const text = (field) => `${field} ${PAYLOAD}`;
  c.name = text('name');
  c.description = text('description');
  c.image = { id: JS_URL, type: 'Image', caption: text('caption') };
  c.issuer = { id: c.issuer.id, type: ['Profile'], name: [{ '@value': text('issuer'), '@language': 'en' }], url: JS_URL,
    image: { id: 'data:text/html,<script>window.pwned=4</script>', type: 'Image' } };
  const s = c.credentialSubject;
  s.name = text('recipient');
  s.result = [{ type: ['Result'], value: text('result'), status: text('status') }];
  Object.assign(s.achievement, {
    name: text('achievement'), description: text('achievement-description'),
    criteria: { id: JS_URL, narrative: text('criteria') },
    image: { id: 'https://x.example/a.png" onerror="window.pwned=5', type: 'Image', caption: text('image-caption') },
    alignment: [{ type: ['Alignment'], targetName: text('alignment'), targetFramework: text('framework'), targetUrl: 'JaVaScRiPt:window.pwned=6' }],
  });
  c.validFrom = `2024-01-01T00:00:00Z${PAYLOAD}`;
  return c; // its proof no longer matches: rendered as unverified, with every field still shown
}

test('script, HTML and javascript: payloads in every field render as text and never run', async () => {
  const page = await newPage(env.context);
  await openHtml(page, env.base, '/xss.html', htmlPage('<badge-verifier id="x" layout="full"></badge-verifier>'));
  await page.evaluate((c) => { document.getElementById('x').credential = c; }, hostile());
  await settled(page, 1);
  await page.waitForTimeout(500); // give any injected handler the time to fire
  const result = await page.evaluate(() => {
    const r = document.getElementById('x').shadowRoot;
    return {
      pwned: window.pwned ?? null,
      scripts: r.querySelectorAll('script, b, iframe, object, embed').length,
      handlers: [...r.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith('on')),
      images: [...r.querySelectorAll('img')].map((i) => i.getAttribute('src')),
      links: [...r.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.rel]),
      text: r.textContent,
    };
  });
  assert.equal(result.pwned, null);
  assert.equal(result.scripts, 0);
  assert.deepEqual(result.handlers, []);
  assert.ok(result.images.every((src) => src.startsWith('https://') || src.startsWith('data:image/')), result.images.join());
  assert.ok(result.links.every(([href, rel]) => /^https?:/i.test(href) && rel === 'noopener noreferrer'), JSON.stringify(result.links));
  for (const field of ['achievement', 'achievement-description', 'issuer', 'recipient', 'criteria', 'result', 'status', 'alignment', 'framework']) {
    assert.ok(result.text.includes(`${field} ${PAYLOAD}`), `${field} is shown literally`);
  }
  assert.ok(result.text.includes(`2024-01-01T00:00:00Z${PAYLOAD}`), 'an unparseable date is shown as written');
  const card = await shown(page, '#x');
  assert.equal(card.verdict, 'not_verified');
  assert.equal(card.trust, 'unverified');
  // The one https: image (x.example) may be fetched; it does not resolve here, and that is all.
  assert.deepEqual(page.problems.filter((p) => !p.includes('ERR_NAME_NOT_RESOLVED')), []);
  await page.close();
});

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

test('works under a strict CSP: no inline script or style, no eval', async () => {
  const page = await newPage(env.context);
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const body = ['valid-open-badge-3.json', 'invalid-expired--valid-until-2025.json', 'invalid-signature_mismatch--name-changed-after-signing.json']
    .map((f) => `<badge-verifier src="/pkg/badges/${f}"></badge-verifier>`).join('');
  await openHtml(page, env.base, '/csp.html', htmlPage(body), { 'content-security-policy': CSP });
  await settled(page, 3);
  const verdicts = await page.$$eval('badge-verifier', (all) => all.map((b) => b.dataset.verdict));
  assert.deepEqual(verdicts, ['verified', 'expired', 'not_verified']);
  const styled = await page.$eval('badge-verifier', (el) => getComputedStyle(el.shadowRoot.querySelector('.status')).fontWeight);
  assert.equal(styled, '700', 'the shared constructable stylesheet applies under style-src self');
  // This exact policy also blocks the demo badges' data: images (img-src falls back to 'self'):
  // that is the host's choice, and the card still shows, alt text included. Nothing else is blocked.
  const violations = await page.evaluate(() => window.violations);
  assert.deepEqual(violations.filter((v) => !v.startsWith('img-src data')), []);
  assert.deepEqual(page.problems.filter((p) => !p.includes('img-src')), []);
  await page.close();
});
