// The element's network side in headless Chromium: DID documents and status lists fetched by the
// page's one fetcher from https hosts (intercepted with page.route and served from fixture files:
// the page's real fetch path), revoked and suspended badges, servers that fail in each way, fifty
// badges sharing one status list, `offline` making no request at all (badge images included), the
// `src` fetch's timeout and cap, and the `recipient` and `trusted-issuers` attributes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { start, newPage, openHtml, htmlPage, settled, shown, root, NOW } from './browser.mjs';

const NETWORK = join(root, 'tests/fixtures/network');
const REAL_WORLD = process.env.BADGE_VERIFIER_REAL_WORLD ?? join(root, '../shared/real-world');
const COGNIPILOT = join(REAL_WORLD, 'cognipilot-credentials');
const ISSUER = 'https://issuer.badge-verifier.test';
const FAST = 600; // fetchTimeoutMs for the tests that wait for a timeout

let env;
const slow = slowResponses(); // /slow/*: answers that stall or never end, for the `src` limits
before(async () => { env = await start(slow.answer); });
after(async () => { await env?.close(); });

const network = (file) => readFileSync(join(NETWORK, file), 'utf8');
const badge = (name) => `${ISSUER}/badges/${name}.json`;
const cognipilot = (file) => readFileSync(join(COGNIPILOT, file), 'utf8');

/**
 * A page whose requests are all logged (`page.requests`: every URL, in order) and whose https
 * hosts are served by `hosts` ({ origin: { path: body | { status, body, hang, cors } } });
 * anything else off the test server is refused, so nothing ever leaves the machine.
 */
async function networkPage(hosts = {}) {
  const page = await newPage(env.context);
  page.requests = [];
  page.hanging = [];
  page.on('request', (request) => page.requests.push(request.url()));
  await page.route((url) => url.origin !== env.base, (route) => route.abort('internetdisconnected'));
  for (const [origin, files] of Object.entries(hosts)) await serveHost(page, origin, files);
  await openHtml(page, env.base, '/network.html', htmlPage(''));
  // The verifier itself (module, wasm) loads first: the request log then holds only what
  // verifying asks for.
  await page.evaluate(async () => { await customElements.whenDefined('badge-verifier'); await (await import('/badge-verifier.js')).load(); });
  page.requests.length = 0;
  return page;
}

/** Serves `files` at `origin` for this page (a later call for the same origin takes precedence). */
async function serveHost(page, origin, files) {
  await page.route(`${origin}/**`, async (route) => {
    const entry = files[new URL(route.request().url()).pathname];
    const { status = 200, body = '', hang = false, cors = true, type = 'application/json' } = typeof entry === 'string' ? { body: entry } : entry ?? { status: 404, body: 'not found' };
    if (hang) {
      await new Promise((release) => page.hanging.push(release));
      await route.abort('timedout').catch(() => {});
      return;
    }
    // Playwright adds a matching Access-Control-Allow-Origin to fulfilled responses that have
    // none; another origin's is what a server that does not allow this page sends.
    const headers = { 'content-type': type, 'access-control-allow-origin': cors ? '*' : 'https://some-other-site.example' };
    await route.fulfill({ status, headers, body }).catch(() => {});
  });
}

async function closePage(page) {
  page.hanging.forEach((release) => release());
  await page.close();
}

/**
 * Adds `<badge-verifier>` elements, each `{ id, attributes, credential, options }`, with `now`
 * (and the shortened timeout, where given) set before they connect; waits for their verdicts.
 */
async function mount(page, elements, { wait = true } = {}) {
  await page.evaluate(({ elements, now }) => {
    for (const { id, attributes = {}, credential, options = {} } of elements) {
      const element = document.createElement('badge-verifier');
      element.id = id;
      element.options = { now, ...options };
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      if (credential !== undefined) element.credential = credential;
      document.body.append(element);
    }
  }, { elements, now: NOW });
  if (wait) await settled(page, await page.$$eval('badge-verifier', (all) => all.length));
}

const off = (page, origin) => page.requests.filter((url) => url.startsWith(origin));
const checkOf = (page, id, check) => page.$eval(`#${id}`, (el, check) => el.report?.checks.filter((c) => c.id === check), check);

// ---- the test issuer (tests/fixtures/network, its README maps each file to its URL) ----------------

/** Every fixture at the URL the fixtures' README gives it, plus `overrides` (path → answer). */
function issuerHost(overrides = {}) {
  const files = { '/.well-known/did.json': network('did.json') };
  for (const name of readdirSync(join(NETWORK, 'status'))) files[`/status/${name.replace(/\.json$/, '')}`] = network(`status/${name}`);
  for (const name of readdirSync(NETWORK).filter((n) => n.endsWith('.json') && n !== 'did.json')) files[`/badges/${name}`] = network(name);
  for (const name of readdirSync(join(NETWORK, 'page'))) files[`/badges/page/${name}`] = network(`page/${name}`);
  return { ...files, ...overrides };
}

test('revoked and suspended badges say so; the status lines and the checklist show why', async () => {
  const page = await networkPage({ [ISSUER]: issuerHost() });
  await mount(page, [
    { id: 'revoked', attributes: { src: badge('revoked'), layout: 'full' } },
    { id: 'suspended', attributes: { src: badge('suspended'), layout: 'full' } },
    { id: 'fine', attributes: { src: badge('not-revoked') } },
  ]);
  const expected = { revoked: ['revoked', 'Revoked'], suspended: ['suspended', 'Suspended'], fine: ['verified', 'Verified'] };
  for (const [id, [verdict, headline]] of Object.entries(expected)) {
    const card = await shown(page, `#${id}`);
    assert.deepEqual([card.verdict, card.status], [verdict, headline], id);
    assert.equal(card.trust, 'trusted', `${id}: authentic content, headed by what the issuer says`);
  }
  const lines = async (id) => (await checkOf(page, id, 'status')).map((c) => `${c.outcome} ${c.code}`);
  assert.deepEqual(await lines('revoked'), ['failed revoked']);
  assert.deepEqual(await lines('suspended'), ['passed not_revoked', 'failed suspended']);
  assert.deepEqual(await lines('fine'), ['passed not_revoked']);
  assert.match((await shown(page, '#revoked')).text, /The issuer has revoked this badge\./);
  assert.match((await shown(page, '#suspended')).text, /The issuer has suspended this badge\./);
  const mark = await page.$eval('#revoked', (el) => el.shadowRoot.querySelector('[part="status"] .mark').textContent);
  assert.equal(mark, '✗', 'a mark that is not colour');
  assert.deepEqual(page.problems, []);
  await closePage(page);
});

test('status lists that fail their own checks leave the status unknown: never verified, never revoked', async () => {
  const page = await networkPage({ [ISSUER]: issuerHost() });
  const cases = { 'status-list-tampered': 'status_list_not_verified', 'status-list-expired': 'status_list_expired',
    'status-list-other-issuer': 'status_list_wrong_issuer', 'status-list-short': 'status_list_short' };
  await mount(page, Object.keys(cases).map((name) => ({ id: name, attributes: { src: badge(name) } })));
  for (const [name, code] of Object.entries(cases)) {
    const card = await shown(page, `#${name}`);
    assert.equal(card.verdict, 'verified_with_warnings', name);
    assert.equal(card.status, 'Verified, with warnings', name);
    const [status] = await checkOf(page, name, 'status');
    assert.equal(status.code, code, name);
    assert.equal(status.outcome, name === 'status-list-short' ? 'warning' : 'unchecked', name);
  }
  await closePage(page);
});

// ---- servers that fail: never verified, never revoked ----------------------------------------------

// Each is served at /status/revocation, the list revoked.json points at (its index 3 is set): a
// fetcher that read a failure as "not revoked" would say verified; one that guessed, revoked.
const FAILURES = [
  ['answers 404', { status: 404, body: 'not found' }, /HTTP 404/],
  ['hangs past the timeout', { hang: true }, /timed out/],
  ['does not allow cross-origin requests', { body: network('status/revocation.json'), cors: false },
    /could not reach issuer\.badge-verifier\.test \(network error or the server does not allow cross-origin requests\)/],
  ['sends more than 1 MiB', { body: JSON.stringify({ padding: 'x'.repeat(1024 * 1024) }) }, /larger than 1048576 bytes/],
  ['sends something that is not JSON', { body: '<html>maintenance</html>' }, /malformed_json/],
  ['serves a list tampered with after signing', { body: network('status/revocation-tampered.json') }, /./],
];

for (const [what, answer, reason] of FAILURES) {
  test(`a status list server that ${what}: "couldn't check", never verified or revoked`, async () => {
    const page = await networkPage({ [ISSUER]: issuerHost({ '/status/revocation': answer }) });
    const started = Date.now();
    await mount(page, [{ id: 'b', attributes: { src: badge('revoked'), layout: 'full' }, options: { fetchTimeoutMs: FAST } }]);
    const card = await shown(page, '#b');
    const [status] = await checkOf(page, 'b', 'status');
    assert.equal(card.verdict, 'verified_with_warnings', JSON.stringify(status));
    assert.equal(card.status, 'Verified, with warnings');
    assert.equal(status.outcome, 'unchecked');
    assert.match(status.message, reason);
    if (what.startsWith('hangs')) assert.ok(Date.now() - started < 8_000, 'the shortened timeout, not the default 10 s');
    if (what.includes('cross-origin')) assert.match(card.text, reason, 'the card says it in plain words, naming the host');
    await closePage(page);
  });
}

test('an issuer whose DID document cannot be fetched is not verified, and the card names the host', async () => {
  const page = await networkPage({ [ISSUER]: issuerHost({ '/.well-known/did.json': { body: network('did.json'), cors: false } }) });
  await mount(page, [{ id: 'b', credential: network('not-revoked.json'), attributes: { layout: 'full' } }]);
  const card = await shown(page, '#b');
  assert.equal(card.verdict, 'not_verified');
  const [key] = await checkOf(page, 'b', 'issuer_key');
  assert.deepEqual([key.outcome, key.code], ['unchecked', 'document_unavailable']);
  assert.match(card.text, /could not reach issuer\.badge-verifier\.test \(network error or the server does not allow cross-origin requests\)/);
  await closePage(page);
});

test('a failed fetch is not kept: the next verification asks again, and then succeeds', async () => {
  const page = await networkPage({ [ISSUER]: issuerHost({ '/status/revocation': { status: 503 } }) });
  await mount(page, [{ id: 'b', attributes: { src: badge('revoked') } }]);
  assert.equal((await shown(page, '#b')).verdict, 'verified_with_warnings');
  await serveHost(page, ISSUER, issuerHost()); // the server recovers
  await page.evaluate(() => document.getElementById('b').refresh());
  await settled(page, 1);
  assert.equal((await shown(page, '#b')).verdict, 'revoked');
  assert.equal(off(page, `${ISSUER}/status/revocation`).length, 2, 'asked again after the failure');
  assert.equal(off(page, `${ISSUER}/.well-known/did.json`).length, 1, 'the DID document that arrived is kept');
  assert.equal(off(page, badge('revoked')).length, 2, 'refresh() fetches src again (it is not kept)');
  await closePage(page);
});

// ---- one fetch per URL for the page ------------------------------------------------------------------

test('fifty badges sharing one status list fetch it, and the DID document, exactly once', async () => {
  const page = await networkPage({ [ISSUER]: issuerHost() });
  const names = Array.from({ length: 50 }, (_, i) => `page/badge-${String(i).padStart(2, '0')}`);
  await mount(page, names.map((name, i) => ({ id: `b${i}`, attributes: { src: badge(name), layout: 'compact' } })));
  const verdicts = await page.$$eval('badge-verifier', (all) => all.map((b) => b.dataset.verdict));
  assert.deepEqual(verdicts, Array(50).fill('verified'));
  assert.equal(off(page, `${ISSUER}/status/revocation`).length, 1, 'the status list, once');
  assert.equal(off(page, `${ISSUER}/.well-known/did.json`).length, 1, 'the DID document, once');
  assert.equal(off(page, `${ISSUER}/badges/page/`).length, 50, 'each badge, once');
  // A later verification on the same page uses the kept bodies: no new request.
  const before = page.requests.length;
  const verdict = await page.evaluate(async ({ text, now }) => (await (await import('/badge-verifier.js')).verify(text, { now })).verdict,
    { text: network('page/badge-07.json'), now: NOW });
  assert.equal(verdict, 'verified');
  assert.equal(page.requests.length, before);
  assert.deepEqual(page.problems, []);
  await closePage(page);
});

// ---- offline: zero requests -------------------------------------------------------------------------

/** not-revoked.json with a remote badge image (its signature no longer holds; the card still shows). */
function withRemoteImage() {
  const credential = JSON.parse(network('not-revoked.json'));
  credential.credentialSubject.achievement.image = { id: `${ISSUER}/images/star.png`, type: 'Image', caption: 'A gold star' };
  return JSON.stringify(credential);
}

test('offline makes no request at all: no DID document, no status list, no badge image', async () => {
  const page = await networkPage({ [ISSUER]: issuerHost({ '/images/star.png': { type: 'image/png', body: '' } }) });
  await mount(page, [
    { id: 'revoked', credential: network('revoked.json'), attributes: { offline: '', layout: 'full' } },
    { id: 'image', credential: withRemoteImage(), attributes: { offline: '' } },
  ]);
  await page.waitForTimeout(300); // an image request would have started by now
  assert.deepEqual(page.requests, [], 'not one request');
  const revoked = await shown(page, '#revoked');
  assert.equal(revoked.verdict, 'not_verified', 'offline, the issuer key is unchecked (fixtures README)');
  const [key] = await checkOf(page, 'revoked', 'issuer_key');
  assert.deepEqual([key.outcome, key.code], ['unchecked', 'document_unavailable']);
  assert.match(key.message, /offline/);
  const image = await page.$eval('#image', (el) => {
    const part = el.shadowRoot.querySelector('[part="image"]');
    return { tag: part?.tagName, text: part?.textContent, imgs: el.shadowRoot.querySelectorAll('img').length };
  });
  assert.deepEqual(image, { tag: 'SPAN', text: 'A gold star', imgs: 0 }, 'the remote image shows as its text alternative');
  // The JS API too.
  const verdict = await page.evaluate(async ({ text, now }) => (await (await import('/badge-verifier.js')).verify(text, { now, offline: true })).verdict,
    { text: network('revoked.json'), now: NOW });
  assert.equal(verdict, 'not_verified');
  assert.deepEqual(page.requests, [], 'still not one request');
  // Online again, the same elements fetch the DID document, the list and the image.
  await page.evaluate(() => document.querySelectorAll('badge-verifier').forEach((b) => b.removeAttribute('offline')));
  await settled(page, 2);
  await page.waitForTimeout(300);
  assert.equal((await shown(page, '#revoked')).verdict, 'revoked');
  assert.ok(page.requests.includes(`${ISSUER}/images/star.png`), 'online, the badge image is requested');
  assert.equal(await page.$eval('#image', (el) => el.shadowRoot.querySelector('img[part="image"]')?.getAttribute('src')), `${ISSUER}/images/star.png`);
  await closePage(page);
});

test('offline set together with the source gives one verification, which fetches nothing; src itself is fetched', async () => {
  const page = await networkPage({ [ISSUER]: issuerHost() });
  await page.evaluate(({ text, now }) => {
    const element = document.createElement('badge-verifier');
    element.options = { now };
    document.body.append(element);
    element.credential = text; // connected first, then both set in the same task
    element.setAttribute('offline', '');
  }, { text: network('revoked.json'), now: NOW });
  await settled(page, 1);
  assert.deepEqual(page.requests, []);
  // `src` is the page's own choice: offline fetches it (and nothing the credential names).
  await mount(page, [{ id: 'src', attributes: { src: badge('revoked'), offline: '' } }]);
  assert.deepEqual(page.requests, [badge('revoked')]);
  assert.equal((await shown(page, '#src')).verdict, 'not_verified');
  await closePage(page);
});

// ---- recipient and trusted issuers -------------------------------------------------------------------

test('recipient and trusted-issuers: a match verifies, anything else is not verified', async () => {
  const page = await networkPage({ [ISSUER]: issuerHost() });
  await page.route(`${env.base}/trust/**`, (route) => {
    const lists = { '/trust/ours.json': ['did:web:elsewhere.test', 'https://issuer.badge-verifier.test'], '/trust/theirs.json': ['did:web:elsewhere.test'],
      '/trust/broken.json': { issuers: [] } };
    const list = lists[new URL(route.request().url()).pathname];
    return list ? route.fulfill({ contentType: 'application/json', body: JSON.stringify(list) }) : route.fulfill({ status: 404, body: 'gone' });
  });
  const src = badge('not-revoked');
  const cases = [
    ['recipient-match', { recipient: 'did:example:alice' }, 'verified', 'recipient', 'recipient_matches'],
    ['recipient-other', { recipient: 'did:example:bob' }, 'not_verified', 'recipient', 'recipient_mismatch'],
    ['trusted-did', { 'trusted-issuers': 'did:web:elsewhere.test did:web:issuer.badge-verifier.test' }, 'verified', 'issuer_trust', 'issuer_trusted'],
    ['trusted-origin', { 'trusted-issuers': 'https://issuer.badge-verifier.test' }, 'verified', 'issuer_trust', 'issuer_trusted'],
    ['untrusted', { 'trusted-issuers': 'did:web:elsewhere.test https://issuer.badge-verifier.test:8443' }, 'not_verified', 'issuer_trust', 'issuer_not_trusted'],
    ['trusted-src', { 'trusted-issuers-src': '/trust/ours.json' }, 'verified', 'issuer_trust', 'issuer_trusted'],
    ['untrusted-src', { 'trusted-issuers-src': '/trust/theirs.json' }, 'not_verified', 'issuer_trust', 'issuer_not_trusted'],
    ['both', { 'trusted-issuers-src': '/trust/theirs.json', 'trusted-issuers': 'did:web:issuer.badge-verifier.test', recipient: 'did:example:alice' }, 'verified', 'issuer_trust', 'issuer_trusted'],
  ];
  await mount(page, cases.map(([id, attributes]) => ({ id, attributes: { src, ...attributes } })));
  for (const [id, , verdict, check, code] of cases) {
    assert.equal((await shown(page, `#${id}`)).verdict, verdict, id);
    assert.deepEqual((await checkOf(page, id, check)).map((c) => c.code), [code], id);
  }
  assert.equal(off(page, `${env.base}/trust/theirs.json`).length, 1, 'one trust list fetch for the page');
  assert.equal(off(page, `${ISSUER}/status/revocation`).length, 1);

  // A list that cannot be had, or is not an array of strings, is an error: never a verdict.
  await mount(page, [
    { id: 'missing-list', attributes: { src, 'trusted-issuers-src': '/trust/missing.json' } },
    { id: 'broken-list', attributes: { src, 'trusted-issuers-src': '/trust/broken.json' } },
    { id: 'bad-entry', attributes: { src, 'trusted-issuers': 'issuer.badge-verifier.test' } },
  ]);
  const errors = await page.$$eval('#missing-list, #broken-list, #bad-entry', (all) => all.map((b) => [b.id, b.dataset.verdict]));
  assert.deepEqual(errors, [['missing-list', 'error'], ['broken-list', 'error'], ['bad-entry', 'error']]);
  assert.match((await shown(page, '#missing-list')).text, /trusted issuers could not be fetched/);

  // Changing an attribute verifies again, with the src and documents already fetched.
  const before = page.requests.length;
  await page.evaluate(() => document.getElementById('recipient-match').setAttribute('recipient', 'did:example:mallory'));
  await page.waitForFunction(() => document.getElementById('recipient-match').dataset.verdict === 'not_verified');
  await page.evaluate(() => document.getElementById('untrusted').removeAttribute('trusted-issuers'));
  await page.waitForFunction(() => document.getElementById('untrusted').dataset.verdict === 'verified');
  assert.equal(page.requests.length, before, 'no new request');
  await closePage(page);
});

// ---- the real-world issuer (CogniPilot: did:web, Bitstring status list, https badge image) ---------

const COGNIPILOT_ORIGIN = 'https://credentials.cognipilot.org';
const cognipilotHost = () => ({
  '/.well-known/did.json': cognipilot('did.json'),
  '/status/revocation-list': cognipilot('status-revocation-list.json'),
  '/images/badges/MaintainerCogniPilot.svg': { type: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>' },
});

test('a real issuer\'s revoked badge: revoked online; offline, no request and its https image as text', { skip: !existsSync(COGNIPILOT) && `no ${COGNIPILOT}` }, async () => {
  const page = await networkPage({ [COGNIPILOT_ORIGIN]: cognipilotHost() });
  await mount(page, [{ id: 'b', credential: cognipilot('examples-maintainer-cognipilot-revoked.json'), attributes: { offline: '' } }]);
  await page.waitForTimeout(300);
  assert.deepEqual(page.requests, []);
  const offline = await shown(page, '#b');
  assert.equal(offline.verdict, 'not_verified');
  assert.equal(await page.$eval('#b', (el) => el.shadowRoot.querySelector('[part="image"]').textContent), 'CogniPilot Maintainer');
  await page.evaluate(() => document.getElementById('b').removeAttribute('offline'));
  await settled(page, 1);
  const card = await shown(page, '#b');
  assert.deepEqual([card.verdict, card.status, card.trust], ['revoked', 'Revoked', 'trusted']);
  const documents = off(page, COGNIPILOT_ORIGIN).filter((url) => !url.includes('/images/'));
  assert.deepEqual(documents, [`${COGNIPILOT_ORIGIN}/.well-known/did.json`, `${COGNIPILOT_ORIGIN}/status/revocation-list`]);
  assert.deepEqual(page.problems, []);
  await closePage(page);
});

// ---- the src fetch: timeout and cap ------------------------------------------------------------------

test('src honours the timeout and the 1 MiB cap, counted while streaming', async () => {
  const page = await networkPage();
  const events = [];
  await page.exposeFunction('badgeError', (detail) => events.push(detail));
  await page.evaluate(() => document.addEventListener('badge-error', (e) => window.badgeError({ id: e.target.id, ...e.detail })));
  const started = Date.now();
  await mount(page, [
    { id: 'silent', attributes: { src: '/slow/silent' }, options: { fetchTimeoutMs: FAST } },
    { id: 'stalled', attributes: { src: '/slow/stalled' }, options: { fetchTimeoutMs: FAST } },
    { id: 'endless', attributes: { src: '/slow/endless' } },
  ]);
  assert.ok(Date.now() - started < 8_000, 'the shortened timeout, not the default 10 s');
  const byId = Object.fromEntries(events.map((e) => [e.id, e]));
  for (const id of ['silent', 'stalled', 'endless']) {
    assert.equal((await shown(page, `#${id}`)).verdict, 'error', id);
    assert.equal(byId[id]?.code, 'fetch_failed', id);
  }
  assert.match(byId.silent.message, /did not answer within 0\.6 s/);
  assert.match(byId.stalled.message, /did not send the whole response within 0\.6 s/);
  assert.match(byId.endless.message, /larger than 1048576 bytes/);
  await page.waitForTimeout(200);
  assert.ok(slow.endlessStopped(), 'the endless body was cancelled, not read on');
  assert.match((await shown(page, '#endless')).text, /larger than 1048576 bytes/, 'the card says why');
  // A page's own local URLs work as src too (a file the visitor chose, as a blob: URL).
  const blob = await page.evaluate((text) => URL.createObjectURL(new Blob([text], { type: 'application/json' })),
    readFileSync(join(root, 'tests/fixtures/valid/open-badge-3.json'), 'utf8'));
  await mount(page, [{ id: 'blob', attributes: { src: blob } }, { id: 'javascript', attributes: { src: 'javascript:alert(1)' } }]);
  assert.equal((await shown(page, '#blob')).verdict, 'verified');
  assert.equal((await shown(page, '#javascript')).verdict, 'error');
  assert.match(events.find((e) => e.id === 'javascript')?.message, /only https:, http:, blob: and data: URLs are fetched/);
  const invalid = await page.evaluate(async () => {
    const { verify } = await import('/badge-verifier.js');
    return Promise.all([0, -1, '5', NaN].map((fetchTimeoutMs) => verify('{}', { fetchTimeoutMs }).then(() => null, (e) => e.code)));
  });
  assert.deepEqual(invalid, Array(4).fill('invalid_options'));
  await closePage(page);
});

/**
 * Answers for /slow/*: `silent` sends nothing, `stalled` sends headers and a part and stops,
 * `endless` streams without Content-Length until the reader goes away.
 */
function slowResponses() {
  let stopped = false;
  const answer = (request, response) => {
    if (!request.url.startsWith('/slow/')) return false;
    if (request.url === '/slow/silent') return true;
    response.writeHead(200, { 'content-type': 'application/json' });
    if (request.url === '/slow/stalled') {
      response.write('{"@context": [');
      return true;
    }
    const chunk = `"${'x'.repeat(64 * 1024)}",`;
    const pump = () => { while (!stopped && response.write(chunk)); };
    response.on('drain', pump);
    response.on('close', () => { stopped = true; });
    response.write('[');
    pump();
    return true;
  };
  return { answer, endlessStopped: () => stopped };
}
