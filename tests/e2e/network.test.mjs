// The element's network side in headless Chromium: DID documents and status lists fetched by the
// page's one fetcher from https hosts (intercepted with page.route and served from fixture files:
// the page's real fetch path), revoked and suspended badges, servers that fail in each way, fifty
// badges sharing one status list, `offline` making no request at all (badge images included), the
// `src` fetch's timeout and cap, and the `recipient` and `trusted-issuers` attributes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
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

// ---- the real-world issuer (CogniPilot: did:web, Bitstring status list) ---------------------------

const COGNIPILOT_ORIGIN = 'https://credentials.cognipilot.org';
const cognipilotHost = (list = cognipilot('status-revocation-list.json')) => ({
  '/.well-known/did.json': cognipilot('did.json'),
  '/status/revocation-list': list,
  '/images/badges/MaintainerCogniPilot.svg': { type: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>' },
});

test('a real issuer\'s revoked badge shows as revoked, its DID document and status list fetched once each', { skip: !existsSync(COGNIPILOT) && `no ${COGNIPILOT}` }, async () => {
  const page = await networkPage({ [COGNIPILOT_ORIGIN]: cognipilotHost() });
  await mount(page, [
    { id: 'revoked', credential: cognipilot('examples-maintainer-cognipilot-revoked.json') },
    { id: 'again', credential: cognipilot('examples-maintainer-cognipilot-revoked.json'), attributes: { layout: 'full' } },
  ]);
  for (const id of ['revoked', 'again']) {
    const card = await shown(page, `#${id}`);
    assert.equal(card.verdict, 'revoked', id);
    assert.equal(card.status, 'Revoked');
    assert.equal(card.trust, 'trusted', 'authentic content, headed revoked');
  }
  const [status] = await checkOf(page, 'revoked', 'status');
  assert.deepEqual([status.outcome, status.code], ['failed', 'revoked']);
  assert.match((await shown(page, '#again')).text, /revoked/i);
  const documents = off(page, COGNIPILOT_ORIGIN).filter((url) => !url.includes('/images/'));
  assert.deepEqual(documents, [`${COGNIPILOT_ORIGIN}/.well-known/did.json`, `${COGNIPILOT_ORIGIN}/status/revocation-list`]);
  assert.deepEqual(page.problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')), []);
  await closePage(page);
});

// ---- servers that fail: never verified, never revoked ----------------------------------------------

const FAILURES = [
  ['answers 404', { status: 404, body: 'not found' }, 'http'],
  ['hangs past the timeout', { hang: true }, 'timeout'],
  ['sends no CORS header', { body: cognipilot('status-revocation-list.json'), cors: false }, 'network'],
  ['sends 2 MiB', { body: JSON.stringify({ padding: 'x'.repeat(2 * 1024 * 1024) }) }, 'too_large'],
  ['serves a tampered list', { body: cognipilot('status-revocation-list.json').replace('"encodedList": "u', '"encodedList": "uH4sIAAAAAAAA') }, 'tampered'],
];

for (const [what, response, kind] of FAILURES) {
  test(`a status list server that ${what} gives "couldn't check", never verified or revoked`, { skip: !existsSync(COGNIPILOT) && `no ${COGNIPILOT}` }, async () => {
    const page = await networkPage({ [COGNIPILOT_ORIGIN]: { ...cognipilotHost(), '/status/revocation-list': response } });
    const started = Date.now();
    await mount(page, [{ id: 'b', credential: cognipilot('examples-maintainer-cognipilot-revoked.json'), options: { fetchTimeoutMs: FAST } }]);
    const card = await shown(page, '#b');
    assert.equal(card.verdict, 'verified_with_warnings', JSON.stringify(await checkOf(page, 'b', 'status')));
    assert.equal(card.status, 'Verified, with warnings');
    const [status] = await checkOf(page, 'b', 'status');
    assert.equal(status.outcome, 'unchecked', status.message);
    if (kind === 'http') assert.match(status.message, /HTTP 404/);
    if (kind === 'timeout') {
      assert.match(status.message, /timed out/);
      assert.ok(Date.now() - started < 10_000, 'the shortened timeout, not the default');
    }
    if (kind === 'network') assert.match(card.text, /could not reach credentials\.cognipilot\.org \(network error or the server does not allow cross-origin requests\)/);
    if (kind === 'too_large') assert.match(status.message, /larger than 1048576 bytes/);
    await closePage(page);
  });
}

test('a failed fetch is not kept: the next verification asks again, and then succeeds', { skip: !existsSync(COGNIPILOT) && `no ${COGNIPILOT}` }, async () => {
  const page = await networkPage({ [COGNIPILOT_ORIGIN]: { ...cognipilotHost(), '/status/revocation-list': { status: 503 } } });
  await mount(page, [{ id: 'b', credential: cognipilot('examples-maintainer-cognipilot-revoked.json') }]);
  assert.equal((await shown(page, '#b')).verdict, 'verified_with_warnings');
  await serveHost(page, COGNIPILOT_ORIGIN, cognipilotHost()); // the server recovers
  await page.evaluate(() => document.getElementById('b').refresh());
  await settled(page, 1);
  assert.equal((await shown(page, '#b')).verdict, 'revoked');
  assert.equal(off(page, `${COGNIPILOT_ORIGIN}/status/revocation-list`).length, 2, 'asked again after the failure');
  assert.equal(off(page, `${COGNIPILOT_ORIGIN}/.well-known/did.json`).length, 1, 'the DID document that arrived is kept');
  await closePage(page);
});

// ---- offline: zero requests -------------------------------------------------------------------------

test('offline makes no request at all: no DID document, no status list, no badge image', { skip: !existsSync(COGNIPILOT) && `no ${COGNIPILOT}` }, async () => {
  const page = await networkPage({ [COGNIPILOT_ORIGIN]: cognipilotHost() });
  await mount(page, [{ id: 'b', credential: cognipilot('examples-maintainer-cognipilot-revoked.json'), attributes: { offline: '', layout: 'full' } }]);
  await page.waitForTimeout(300); // an image request would have started by now
  assert.deepEqual(page.requests, [], 'not one request');
  const card = await shown(page, '#b');
  assert.notEqual(card.verdict, 'verified');
  assert.notEqual(card.verdict, 'revoked', 'unknown status is never read as revoked');
  const image = await page.$eval('#b', (el) => {
    const part = el.shadowRoot.querySelector('[part="image"]');
    return { tag: part?.tagName, text: part?.textContent, imgs: el.shadowRoot.querySelectorAll('img').length };
  });
  assert.deepEqual(image, { tag: 'SPAN', text: card.title, imgs: 0 }, 'the remote image shows as its text alternative');
  assert.equal(card.title, 'CogniPilot Maintainer');
  const [status] = await checkOf(page, 'b', 'status');
  assert.equal(status.outcome, 'unchecked');
  // The same badge online fetches the image, the DID document and the list.
  await page.evaluate(() => document.getElementById('b').removeAttribute('offline'));
  await settled(page, 1);
  await page.waitForTimeout(300);
  assert.equal((await shown(page, '#b')).verdict, 'revoked');
  assert.ok(off(page, COGNIPILOT_ORIGIN).some((url) => url.includes('/images/badges/')), 'online, the badge image is requested');
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
