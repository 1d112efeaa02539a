/**
 * badge-verifier: verify Open Badges 3.0 / W3C Verifiable Credentials in the browser, and show
 * them with the <badge-verifier> element. One module, no dependencies, no build step:
 *
 *   <script type="module" src="badge-verifier.js"></script>
 *   <badge-verifier src="badge.json"></badge-verifier>
 *
 *   import { verify } from './badge-verifier.js';
 *   const report = await verify(credentialTextOrObject, { offline: false });
 *   // report = { verdict, checks: [{ id, outcome, code, message, proof? }], badge, needs? }
 *
 * The wasm module is loaded once and shared: at once on a page that has <badge-verifier> elements
 * in its markup, else on the first element or call. Verifications and cards run one step per task,
 * so a page of many badges stays responsive and shows each card as it is verified. The Rust core
 * does no I/O: a verification says which documents it needs (DID documents, issuer profiles,
 * status lists), this loader fetches them through one page-wide fetcher and hands them back, until
 * nothing is needed. The fetcher asks `https:` only, without cookies or referrer, with a timeout
 * and a 1 MiB cap; one request per URL at a time, and a body that arrived is kept for the page's
 * life (50 badges sharing one status list fetch it once). A failure is not kept: a later
 * verification tries again. With `offline: true` nothing is fetched, and such checks stay
 * "couldn't check" (never shown as verified, never as revoked).
 * Rendering is Rust's (text nodes only); this file does lifecycle, fetching and events.
 * The core wasm carries what a page of Open Badges 3.0 / VC eddsa badges needs; a credential that
 * needs more (a check coded `not_in_this_build`) is verified again with the full module
 * (pkg/full/), loaded once, only then, and used for every verification after it.
 *
 * Errors: a rejected promise with a real `Error` named `BadgeError` and a stable `code`
 * (`malformed_json`, `input_too_large`, `not_a_credential`, `invalid_options`, `wasm_load_failed`,
 * `fetch_failed`).
 */

// The stylesheet, the wasm glue and the .wasm are requested together as soon as this module runs
// (a static import of the stylesheet would hold everything back by one more round trip).
let styles; // the shared CSSStyleSheet, once loaded
const stylesLoaded = import('./badge-verifier.styles.js').then((module) => (styles = module.default));
stylesLoaded.catch(() => {}); // each element reports nothing more than an unstyled card

/** Largest document or credential body read, in bytes, counted while it streams. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;
/** Default time a request may take, body included, in milliseconds. */
export const FETCH_TIMEOUT_MS = 10_000;

let wasm; // the one shared load of the core module
let fullWasm; // the one shared load of the full module, started by the first report that needs it
let full = null; // the full module once it loaded: later verifications use it directly

/**
 * Loads the wasm module once: the core, what a page of Open Badges 3.0 / VC eddsa badges needs.
 * The glue module and the .wasm are requested together (neither waits for the other), and the
 * .wasm compiles while it streams in (served as `application/wasm`).
 */
export function load() {
  wasm ??= instantiate('./pkg/badge_verifier.js', './pkg/badge_verifier_bg.wasm').catch((cause) => {
    wasm = undefined; // allow a retry
    throw cause;
  });
  return wasm;
}

/**
 * Loads the full module once (pkg/full/: every format the core leaves out, see src/features.rs).
 * Only a credential whose core report has a check coded `not_in_this_build` asks for it: a page
 * that never shows such a badge never requests it.
 */
export function loadFull() {
  fullWasm ??= instantiate('./pkg/full/badge_verifier.js', './pkg/full/badge_verifier_bg.wasm').then(
    (module) => (full = module),
    (cause) => {
      fullWasm = undefined; // allow a retry
      throw cause;
    },
  );
  return fullWasm;
}

// A single-file build (scripts/build-offline) sets this before the loader runs: the wasm bytes,
// their glue module and the catalogues, inlined in the page, so nothing is requested for the
// verifier itself. Its wasm is the full module, so the core and the full loads are one instance.
const embedded = globalThis.badgeVerifierEmbedded;

function instantiate(glue, binary) {
  const loading = embedded
    ? embedded.glue.default({ module_or_path: embedded.wasm }).then(() => embedded.glue)
    : Promise.all([import(glue), fetch(new URL(binary, import.meta.url))]).then(async ([module, response]) => {
      await module.default({ module_or_path: response });
      return module;
    });
  return loading
    .catch((cause) => {
      throw badgeError('wasm_load_failed', `the verifier could not be loaded: ${cause.message}`);
    });
}

// ---- languages: the wasm speaks English; the others are fetched for the page ------------------
//
// The wasm carries English only. A card in another catalogue language needs that language's
// file (pkg/i18n/TAG.json, beside the wasm), fetched once per page, at once for the languages the
// page's markup names (in parallel with the wasm), else when a card first needs it, and handed to
// each wasm module once. Until it arrives the card shows English and is drawn again when it does;
// a file that cannot be had leaves the card in English (never an error).

/** The languages whose catalogue is served beside the wasm (English is inside it). */
export const LANGUAGES = ['de', 'fr', 'es', 'pt', 'ar'];
const catalogues = new Map(); // primary tag → { tag, text (null: none), settled, arrived, given: WeakSet of modules }

/** The catalogue entry for a language tag (`de-CH` → de), its fetch started; null for English or an unknown language. */
function catalogue(lang) {
  const tag = String(lang).split(/[-_]/)[0].toLowerCase();
  if (!LANGUAGES.includes(tag)) return null;
  let entry = catalogues.get(tag);
  if (!entry) {
    entry = { tag, text: null, settled: false, given: new WeakSet() };
    const embeddedText = embedded?.catalogues?.[tag];
    entry.arrived = (embeddedText != null
      ? Promise.resolve(embeddedText)
      : fetch(new URL(`./pkg/i18n/${tag}.json`, import.meta.url), { credentials: 'omit' })
        .then((response) => (response.ok ? response.text() : null)))
      .catch(() => null)
      .then((text) => { entry.text = text; entry.settled = true; return entry; });
    catalogues.set(tag, entry);
  }
  return entry;
}

/** Hands `entry`'s catalogue to `module` once it has arrived (the module keeps it). */
function giveCatalogue(module, entry) {
  if (!entry?.text || entry.given.has(module)) return;
  module.installCatalogue(entry.tag, entry.text);
  entry.given.add(module);
}

// ---- turns: the page's verifications and cards, one step per task -------------------------------
//
// The wasm calls are synchronous: fifty badges whose credentials arrived together would be one
// long task, the page frozen and every card shown at once. Instead each wasm step (start a
// verification, advance it, finish it, render a card) waits for a turn, one per task, so the
// browser handles input and paints between them (the page's first verification also compiles
// much of the module as it goes: in one piece it was a task of about 50 ms). Cards go first, then
// verifications under way, then new ones: each card shows as soon as its badge is verified.
// A step asked for early in a task (within SLICE_MS of its start) runs at once, with nobody
// waiting before it: a warm verification and its card are then one short task, not four.
// (A MessageChannel rather than setTimeout: timers set from timers are clamped to 4 ms.)

const SLICE_MS = 8;
const priority = { card: 0, step: 1, verification: 2 };
const waiting = [[], [], []];
let turnPosted = false;
let sliceEnds = 0;
const turns = new MessageChannel();
turns.port1.onmessage = () => {
  turnPosted = false;
  sliceEnds = performance.now() + SLICE_MS;
  const queue = waiting.find((q) => q.length > 0);
  const resume = queue?.shift();
  if (waiting.some((q) => q.length > 0)) postTurn();
  resume?.();
};

function postTurn() {
  if (turnPosted) return;
  turnPosted = true;
  turns.port2.postMessage(null);
}

/**
 * Resolves after the turns waiting of `kind` or before it (card, step, verification): in a task of
 * its own, unless this task is young and nobody waits before it.
 */
function turn(kind) {
  const rank = priority[kind];
  if (performance.now() < sliceEnds && waiting.every((q, i) => i > rank || q.length === 0)) return Promise.resolve();
  return new Promise((resume) => {
    waiting[priority[kind]].push(resume);
    postTurn();
  });
}

/**
 * Verifies one credential, fetching what its checks need (unless `offline`).
 * @param {string | Uint8Array | ArrayBuffer | object} input JSON text, bytes, or a parsed credential
 * @param {{ now?: Date | string | number, offline?: boolean, clockSkewSeconds?: number,
 *           maxInputBytes?: number, documents?: Record<string, string | object>,
 *           contexts?: Record<string, string | object>, trustedIssuers?: string[],
 *           recipient?: string, fetchTimeoutMs?: number, signal?: AbortSignal,
 *           onDocument?: (id: string, bytes: Uint8Array) => void }} [options] `onDocument` is
 *   told each document fetched for this verification (e.g. to save them for offline checks)
 * @returns {Promise<object>} the report
 */
export async function verify(input, options = {}) {
  const core = await load();
  const settings = { ...options, now: options.now ?? new Date() };
  const report = await verifyWith(full ?? core, input, settings);
  if (full || !report.checks?.some((check) => check.code === 'not_in_this_build')) return report;
  // The credential needs a part the core leaves out: verify it again with the full module. If
  // that cannot load, the core's report stands (`unsupported`, saying what is missing).
  const module = await loadFull().catch(() => null);
  return module ? verifyWith(module, input, settings) : report;
}

async function verifyWith(module, input, options) {
  await turn('verification');
  const { offline = false, fetchTimeoutMs, signal, onDocument, ...rest } = options;
  const timeoutMs = fetchTimeout(fetchTimeoutMs);
  const verification = module.startVerification(input, rest);
  try {
    const answered = new Set();
    for (;;) {
      await turn('step');
      signal?.throwIfAborted();
      // The core never asks twice for one id; if it did, finishing is the only way forward.
      const needs = verification.needs().filter((need) => !answered.has(need.id));
      if (needs.length === 0) break;
      needs.forEach((need) => answered.add(need.id));
      const results = await Promise.all(needs.map((need) => obtain(need, offline, timeoutMs)));
      signal?.throwIfAborted();
      needs.forEach((need, i) => {
        const { bytes, failure } = results[i];
        if (bytes) {
          verification.provide(need.id, bytes);
          onDocument?.(need.id, bytes);
        }
        else verification.unavailable(need.id, failure.kind, failure.detail);
      });
    }
    await turn('step');
    return verification.finish();
  } finally {
    verification.free();
  }
}

/** `fetchTimeoutMs`, checked: a positive number of milliseconds (default 10 s). */
function fetchTimeout(value = FETCH_TIMEOUT_MS) {
  if (typeof value === 'number' && value > 0 && Number.isFinite(value)) return value;
  throw badgeError('invalid_options', 'fetchTimeoutMs must be a positive number of milliseconds');
}

/** One need's document: `{ bytes }`, or `{ failure: { kind, detail } }` for `unavailable`. */
async function obtain(need, offline, timeoutMs) {
  if (offline) return { failure: { kind: 'offline', detail: '' } };
  if (!need.url) return { failure: { kind: 'not_fetchable', detail: `there is no URL to fetch ${need.id} from` } };
  try {
    return { bytes: await fetchDocument(need.url, { timeoutMs }) };
  } catch (failure) {
    if (failure instanceof FetchFailure) return { failure };
    return { failure: { kind: 'network', detail: String(failure?.message ?? failure) } };
  }
}

// ---- the page-wide fetcher ----------------------------------------------------------------------

const kept = new Map(); // url → Uint8Array: document bodies that arrived, for the page's life
const inFlight = new Map(); // url → Promise<Uint8Array>: concurrent requests for one URL are one

/** Why a fetch failed, as `Verification.unavailable` takes it: `kind` and `detail`. */
class FetchFailure extends Error {
  constructor(kind, message, detail = message) {
    super(message);
    this.kind = kind; // 'http' | 'timeout' | 'too_large' | 'network' | 'not_fetchable'
    this.detail = detail; // the HTTP status, the byte cap, or the words to show
  }
}

/**
 * A document a credential asked for: `https:` only (the credential chose the URL, so it must not
 * make the viewer's browser talk to plain-http or intranet pages), kept once it arrived.
 * @returns {Promise<Uint8Array>} rejects with a `FetchFailure`
 */
function fetchDocument(url, { timeoutMs = FETCH_TIMEOUT_MS } = {}) {
  if (!isHttps(url)) return Promise.reject(new FetchFailure('not_fetchable', `only https: documents are fetched, not ${url}`));
  return fetchShared(url, { timeoutMs, maxBytes: MAX_DOCUMENT_BYTES, keep: true, httpsOnly: true });
}

/**
 * A URL the page itself wrote (`src`, `trusted-issuers-src`), resolved against the page:
 * `https:`, `http:` (a page may load its own files from a plain-http dev server; the browser's
 * mixed-content rules still apply), or the local `blob:` and `data:`. `keep` decides whether
 * the body is kept for the page's life.
 */
function fetchHostUrl(url, { timeoutMs = FETCH_TIMEOUT_MS, maxBytes = MAX_DOCUMENT_BYTES, keep = false } = {}) {
  const absolute = new URL(url, document.baseURI);
  if (!['https:', 'http:', 'blob:', 'data:'].includes(absolute.protocol)) {
    return Promise.reject(new FetchFailure('not_fetchable', `only https:, http:, blob: and data: URLs are fetched, not ${absolute.protocol}`));
  }
  return fetchShared(absolute.href, { timeoutMs, maxBytes, keep, httpsOnly: false });
}

function fetchShared(url, { timeoutMs, maxBytes, keep, httpsOnly }) {
  if (keep && kept.has(url)) return Promise.resolve(kept.get(url));
  let pending = inFlight.get(url);
  if (!pending) {
    pending = request(url, timeoutMs, maxBytes, httpsOnly).finally(() => inFlight.delete(url));
    inFlight.set(url, pending);
  }
  return keep ? pending.then((bytes) => (kept.set(url, bytes), bytes)) : pending;
}

async function request(url, timeoutMs, maxBytes, httpsOnly) {
  const host = new URL(url).host || new URL(url).protocol; // blob: and data: have no host
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; controller.abort(); }, timeoutMs);
  const seconds = `${Math.round(timeoutMs / 100) / 10} s`;
  try {
    let response;
    try {
      response = await fetch(url, {
        signal: controller.signal, credentials: 'omit', referrerPolicy: 'no-referrer',
        headers: { accept: 'application/ld+json, application/json, application/did+json, application/vc+ld+json, */*' },
      });
    } catch {
      if (timedOut) throw new FetchFailure('timeout', `${host} did not answer within ${seconds}`);
      throw new FetchFailure('network', `could not reach ${host} (network error or the server does not allow cross-origin requests)`);
    }
    if (httpsOnly && response.url && !isHttps(response.url)) {
      throw new FetchFailure('not_fetchable', `${host} redirected to ${new URL(response.url).protocol}, only https: is fetched`);
    }
    if (!response.ok) throw new FetchFailure('http', `${host} answered HTTP ${response.status}`, response.status);
    try {
      return await readCapped(response, maxBytes, host);
    } catch (cause) {
      if (cause instanceof FetchFailure) throw cause;
      if (timedOut) throw new FetchFailure('timeout', `${host} did not send the whole response within ${seconds}`);
      throw new FetchFailure('network', `the response from ${host} broke off (${cause.message})`);
    }
  } finally {
    clearTimeout(timer);
    controller.abort(); // releases a body not read to the end (over the cap, or an error status)
  }
}

/** The body, counted in bytes as it streams (a Content-Length may lie or be absent). */
async function readCapped(response, maxBytes, host) {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      reader.cancel().catch(() => {});
      throw new FetchFailure('too_large', `the response from ${host} is larger than ${maxBytes} bytes`, maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function isHttps(url) {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

function badgeError(code, message) {
  return Object.assign(new Error(message), { name: 'BadgeError', code });
}

// ---- the element --------------------------------------------------------------------------------

/**
 * `<badge-verifier>`: verifies one credential and shows it as a card with its checklist.
 *
 * Sources, first found wins: the `credential` property, the `src` attribute, an inline child
 * `<script type="application/ld+json">` or `<script type="application/jwt">`.
 *
 * @attr src - URL of the credential (JSON or JWT), relative to the page: `https:`, `http:`,
 *   `blob:` or `data:`, fetched with the same timeout and cap as documents (1 MiB, or
 *   `options.maxInputBytes` if larger); not kept: `refresh()` fetches it again.
 * @attr lang - language of the card: en, de, fr, es, pt, ar; else `<html lang>`, else en.
 * @attr theme - `light` (default) | `dark` | `auto` (follows prefers-color-scheme).
 * @attr layout - `card` (default; checklist collapsed) | `compact` (status, image and name) | `full` (checklist open).
 * @attr offline - fetch nothing the credential names: no DID documents, issuer profiles, status
 *   lists or images (a remote badge image shows as its text alternative). Only the URLs the page
 *   wrote itself (`src`, `trusted-issuers-src`) are fetched. Such checks stay "couldn't check".
 * @attr recipient - check that the credential was issued to this recipient (e-mail, URL, DID …);
 *   compared locally, never sent anywhere.
 * @attr trusted-issuers - space-separated issuer ids, DIDs or origins to trust; any other issuer
 *   is "not verified". Combined with `trusted-issuers-src` and `options.trustedIssuers`.
 * @attr trusted-issuers-src - URL of a JSON array of such strings (fetched once per page); if it
 *   cannot be had, the element shows an error (`fetch_failed`), never a verdict.
 * @attr data-verdict - set by the element: `verified`, `verified_with_warnings`, `expired`,
 *   `not_yet_valid`, `revoked`, `suspended`, `not_verified`, `unsupported`, or `error`; absent while loading.
 *
 * @prop credential - a credential to verify instead of `src`: object, JSON/JWT string, or bytes.
 * @prop report - the last report (read-only), or null.
 * @prop options - extra `verify()` options (`now`, `documents`, `clockSkewSeconds`,
 *   `maxInputBytes`, `fetchTimeoutMs`, `trustedIssuers`, `recipient`); setting it verifies again.
 *
 * Any change of these attributes or properties verifies again (changes made together are batched
 * into one verification); `lang` and `layout` only re-render.
 *
 * @fires badge-verified - detail: the report (also for a badge that is *not* verified: read `detail.verdict`).
 * @fires badge-error - detail: `{ code, message }` when there was nothing to verify (fetch failed, not a credential, …).
 *
 * @csspart card - the card. @csspart status - the verdict line. @csspart image - the badge image
 *   (or its text alternative, offline). @csspart title - the badge name. @csspart issuer - the
 *   issuer. @csspart checks - the checklist.
 *
 * @cssproperty --badge-accent - links and focus rings. @cssproperty --badge-radius - corner radius.
 * @cssproperty --badge-font - font family (none is fetched). @cssproperty --badge-background,
 * --badge-text, --badge-muted, --badge-border - card colours. @cssproperty --badge-ok, --badge-warn,
 * --badge-bad (and their `-background`) - verdict colours.
 */
export class BadgeVerifierElement extends HTMLElement {
  static observedAttributes = ['src', 'lang', 'layout', 'offline', 'recipient', 'trusted-issuers', 'trusted-issuers-src'];
  #root = this.attachShadow({ mode: 'open' });
  #credential;
  #options = {};
  #source = null; // the source shown or loading: { key, input?, url?, inline? }
  #settings = null; // what else the shown or loading result was computed with (a string)
  #loaded = null; // { key, bytes } of the last `src` fetched: a settings change reuses it
  #scheduled = false;
  #run = 0; // bumps on every new load: a result for an older run is dropped
  #abort = null; // stops the previous run's fetching when a new one starts
  #report = null;
  #error = null;
  #observer = null;

  constructor() {
    super();
    // The sheet arrives before the wasm (which renders every card): only the busy placeholder
    // may wait for it.
    if (styles) this.#root.adoptedStyleSheets = [styles];
    else stylesLoaded.then(() => { this.#root.adoptedStyleSheets = [styles]; }, () => {});
  }

  get credential() { return this.#credential; }
  set credential(value) { this.#credential = value; this.#schedule(); }
  get options() { return this.#options; }
  set options(value) { this.#options = value ?? {}; this.#settings = null; this.#schedule(); }
  get report() { return this.#report; }

  connectedCallback() { this.#schedule(); }
  disconnectedCallback() { this.#observer?.disconnect(); this.#observer = null; }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.isConnected) return;
    if (name === 'lang' || name === 'layout') this.#render(false).catch(() => {});
    else this.#schedule();
  }

  /** Verifies the current source again, fetching `src` anew (e.g. after the host changed it). */
  refresh() {
    this.#source = null;
    this.#loaded = null;
    return this.#update();
  }

  // Attribute and property changes made together (src + offline, say) give one verification.
  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      this.#update();
    });
  }

  #currentSource() {
    if (this.#credential !== undefined && this.#credential !== null) return { key: this.#credential, input: this.#credential };
    const src = this.getAttribute('src');
    if (src) return { key: `src:${new URL(src, document.baseURI).href}`, url: src };
    const script = this.querySelector(':scope > script[type="application/ld+json"], :scope > script[type="application/jwt"]');
    if (script) return { key: `inline:${script.textContent}`, input: script.textContent.trim(), inline: true };
    return null;
  }

  #currentSettings() {
    return JSON.stringify(['offline', 'recipient', 'trusted-issuers', 'trusted-issuers-src'].map((name) => this.getAttribute(name)));
  }

  async #update() {
    if (!this.isConnected) return;
    const source = this.#currentSource();
    this.#watchChildren(!source || source.inline);
    const settings = this.#currentSettings();
    if (!source || (source.key === this.#source?.key && settings === this.#settings)) return;
    this.#source = source;
    this.#settings = settings;
    const run = ++this.#run;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    // Nothing of the previous result stays on screen while the new one loads: a card that said
    // "verified" must never sit under a source or settings it was not computed for.
    this.#report = null;
    this.#error = null;
    this.#root.querySelector('.card')?.remove();
    this.setAttribute('aria-busy', 'true');
    this.removeAttribute('data-verdict');
    try {
      const [input, trustedIssuers] = await Promise.all([this.#input(source), this.#trustedIssuers()]);
      if (run !== this.#run) return;
      const options = { ...this.#options, offline: this.#offline(), signal: abort.signal };
      if (trustedIssuers) options.trustedIssuers = trustedIssuers;
      const recipient = this.getAttribute('recipient')?.trim();
      if (recipient) options.recipient = recipient;
      const report = await verify(input, options);
      if (run !== this.#run) return; // a newer source took over while we waited
      await turn('card'); // in a task of its own, before the next verification
      if (run !== this.#run) return;
      this.#report = report;
      await this.#render(true);
      this.setAttribute('data-verdict', report.verdict);
      this.#emit('badge-verified', report);
    } catch (error) {
      if (run !== this.#run) return;
      this.#source = null; // the same source may be retried
      this.#report = null;
      this.#error = { code: error.code ?? 'fetch_failed', message: error.message ?? String(error) };
      await this.#render(true).catch(() => this.#renderWithoutWasm());
      this.setAttribute('data-verdict', 'error');
      this.#emit('badge-error', this.#error);
    } finally {
      if (run === this.#run) this.removeAttribute('aria-busy');
    }
  }

  /** The credential's bytes: the source's own input, or `src` (fetched again only when it changed). */
  async #input(source) {
    if (!source.url) return source.input;
    if (this.#loaded?.key === source.key) return this.#loaded.bytes;
    const maxBytes = Math.max(MAX_DOCUMENT_BYTES, Number(this.#options.maxInputBytes) || 0);
    const timeoutMs = fetchTimeout(this.#options.fetchTimeoutMs);
    try {
      const bytes = await fetchHostUrl(source.url, { timeoutMs, maxBytes });
      this.#loaded = { key: source.key, bytes };
      return bytes;
    } catch (failure) {
      throw badgeError('fetch_failed', `the credential could not be fetched from ${source.url}: ${failure.message}`);
    }
  }

  /** `trusted-issuers` + `trusted-issuers-src` + `options.trustedIssuers`, or undefined if none is given. */
  async #trustedIssuers() {
    const attribute = this.getAttribute('trusted-issuers');
    const url = this.getAttribute('trusted-issuers-src');
    const given = this.#options.trustedIssuers;
    if (attribute === null && !url && given === undefined) return undefined;
    if (given !== undefined && !Array.isArray(given)) throw badgeError('invalid_options', 'options.trustedIssuers must be an array of strings');
    const all = [...(attribute ?? '').split(/\s+/).filter(Boolean), ...(given ?? [])];
    if (url) all.push(...(await trustList(url, fetchTimeout(this.#options.fetchTimeoutMs))));
    return all;
  }

  async #render(announce) {
    if (!this.#report && !this.#error) return;
    const module = await load();
    if (!this.#report && !this.#error) return; // a newer run started meanwhile
    const lang = this.#lang();
    const entry = catalogue(lang);
    // English until the language's file arrives, then drawn again in that language.
    if (entry && !entry.settled) entry.arrived.then((arrived) => { if (arrived.text) this.#render(false).catch(() => {}); });
    giveCatalogue(module, entry);
    const options = { lang, layout: this.getAttribute('layout') ?? 'card', announce, offline: this.#offline() };
    if (this.#report) module.renderReport(this.#root, this.#report, options);
    else module.renderError(this.#root, this.#error.code, this.#error.message, options);
  }

  // The wasm (which renders) could not load: say so in plain text, never silently show nothing.
  #renderWithoutWasm() {
    const card = document.createElement('p');
    card.className = 'card';
    card.setAttribute('part', 'card');
    card.setAttribute('role', 'status');
    card.textContent = `${this.#error.code}: ${this.#error.message}`;
    this.#root.querySelector('.card')?.remove();
    this.#root.append(card);
  }

  #offline() { return this.hasAttribute('offline') || this.#options.offline === true; }

  #lang() { return this.getAttribute('lang') || document.documentElement.lang || 'en'; }

  // An element created empty and filled later (frameworks), or whose inline credential is
  // replaced, is re-read this way; the source key makes unrelated mutations no-ops.
  #watchChildren(on) {
    if (on && !this.#observer) {
      this.#observer = new MutationObserver(() => this.#schedule());
      this.#observer.observe(this, { childList: true, subtree: true, characterData: true });
    } else if (!on && this.#observer) {
      this.#observer.disconnect();
      this.#observer = null;
    }
  }

  #emit(type, detail) { this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true })); }
}

/** The JSON array of strings at `url` (kept for the page's life, like documents). */
async function trustList(url, timeoutMs) {
  let bytes;
  try {
    bytes = await fetchHostUrl(url, { timeoutMs, keep: true });
  } catch (failure) {
    throw badgeError('fetch_failed', `the list of trusted issuers could not be fetched from ${url}: ${failure.message}`);
  }
  let list;
  try {
    list = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    list = null;
  }
  if (!Array.isArray(list) || !list.every((entry) => typeof entry === 'string')) {
    throw badgeError('invalid_options', `trusted-issuers-src: ${url} is not a JSON array of strings`);
  }
  return list;
}

if (!customElements.get('badge-verifier')) customElements.define('badge-verifier', BadgeVerifierElement);

// A page with badges in its markup needs the verifier: start loading it now, beside the badges'
// own requests, rather than when the first element asks (a module script runs once the document
// is parsed, so every element written in the page is there). A failure is reported, and retried,
// by the elements' own calls.
if (document.querySelector('badge-verifier')) {
  load().catch(() => {});
  for (const element of [document.documentElement, ...document.querySelectorAll('badge-verifier[lang]')]) catalogue(element.lang);
  setTimeout(warmDates, 0);
}

// The first date a page formats loads the locale data (about 30 ms here): done while the wasm
// downloads, it is not in the first card's task.
function warmDates() {
  try {
    new Date(0).toLocaleDateString(document.documentElement.lang || 'en', { dateStyle: 'long', timeZone: 'UTC' });
  } catch {
    // an unknown language tag: the card falls back to English anyway
  }
}
