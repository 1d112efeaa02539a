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
 * The wasm module is loaded once, lazily (on the first element or call), and shared. The Rust core
 * does no I/O: when a check needs a document (an HTTPS issuer profile, a did:web DID document),
 * the report lists it under `needs`; this loader fetches those (https only, with a timeout and a
 * size cap, de-duplicated across every badge on the page) and verifies again. With
 * `offline: true` it fetches nothing, and such checks stay "unchecked" (never shown as verified).
 * Rendering is Rust's (text nodes only); this file does lifecycle, fetching and events.
 *
 * Errors: a rejected promise with a real `Error` named `BadgeError` and a stable `code`
 * (`malformed_json`, `input_too_large`, `not_a_credential`, `invalid_options`, `wasm_load_failed`).
 */
import styles from './badge-verifier.styles.js';

const MAX_DOCUMENT_BYTES = 1024 * 1024;
const FETCH_TIMEOUT_MS = 10_000;
const MAX_ROUNDS = 3;

let wasm; // the one shared load, started by the first call
const documentCache = new Map(); // url or DID → Promise<string | null>

/** Loads the wasm module once. */
export function load() {
  wasm ??= import('./pkg/badge_verifier.js')
    .then(async (module) => {
      await module.default();
      return module;
    })
    .catch((cause) => {
      wasm = undefined; // allow a retry
      throw badgeError('wasm_load_failed', `the verifier could not be loaded: ${cause.message}`);
    });
  return wasm;
}

/**
 * Verifies one credential.
 * @param {string | Uint8Array | ArrayBuffer | object} input JSON text, bytes, or a parsed credential
 * @param {{ now?: Date | string | number, offline?: boolean, clockSkewSeconds?: number,
 *           maxInputBytes?: number, documents?: Record<string, string | object> }} [options]
 * @returns {Promise<object>} the report
 */
export async function verify(input, options = {}) {
  const module = await load();
  const { offline = false, ...rest } = options;
  const documents = { ...(options.documents ?? {}) };
  const now = options.now ?? new Date();
  let report;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    report = module.verify(input, { ...rest, now, documents });
    const missing = (report.needs ?? []).filter((id) => !(id in documents));
    if (offline || missing.length === 0) break;
    const fetched = await Promise.all(missing.map((id) => fetchDocument(id, module)));
    let progress = false;
    missing.forEach((id, i) => {
      if (fetched[i] !== null) {
        documents[id] = fetched[i];
        progress = true;
      }
    });
    if (!progress) break;
  }
  return report;
}

/** Fetches a document for a check: https only, timeout, size cap; `null` when it cannot be had. */
function fetchDocument(id, module) {
  if (!documentCache.has(id)) {
    const url = id.startsWith('did:web:') ? module.didWebUrl(id) : id;
    documentCache.set(id, url && url.startsWith('https://') ? fetchText(url) : Promise.resolve(null));
  }
  return documentCache.get(id);
}

async function fetchText(url) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
  try {
    const response = await fetch(url, { signal: controller.signal, credentials: 'omit', headers: { accept: 'application/json, application/ld+json, application/did+json' } });
    if (!response.ok) return null;
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_DOCUMENT_BYTES) return null;
    const text = await response.text();
    return text.length > MAX_DOCUMENT_BYTES ? null : text;
  } catch {
    return null; // offline, blocked, timed out: the check stays "unchecked"
  } finally {
    clearTimeout(timer);
  }
}

function badgeError(code, message) {
  return Object.assign(new Error(message), { name: 'BadgeError', code });
}

/**
 * `<badge-verifier>`: verifies one credential and shows it as a card with its checklist.
 *
 * Sources, first found wins: the `credential` property, the `src` attribute, an inline child
 * `<script type="application/ld+json">` or `<script type="application/jwt">`.
 *
 * @attr src - URL of the credential (JSON or JWT), fetched once per change.
 * @attr lang - language of the card: en, de, fr, es, pt, ar; else `<html lang>`, else en.
 * @attr theme - `light` (default) | `dark` | `auto` (follows prefers-color-scheme).
 * @attr layout - `card` (default; checklist collapsed) | `compact` (status, image and name) | `full` (checklist open).
 * @attr offline - fetch no documents (issuer profiles, did:web): such checks stay "couldn't check".
 * @attr data-verdict - set by the element: `verified`, `verified_with_warnings`, `expired`,
 *   `not_yet_valid`, `not_verified`, `unsupported`, or `error`; absent while loading.
 *
 * @prop credential - a credential to verify instead of `src`: object, JSON/JWT string, or bytes.
 * @prop report - the last report (read-only), or null.
 * @prop options - extra `verify()` options (`now`, `documents`, `clockSkewSeconds`, `maxInputBytes`).
 *
 * @fires badge-verified - detail: the report (also for a badge that is *not* verified: read `detail.verdict`).
 * @fires badge-error - detail: `{ code, message }` when there was nothing to verify (fetch failed, not a credential, …).
 *
 * @csspart card - the card. @csspart status - the verdict line. @csspart image - the badge image.
 * @csspart title - the badge name. @csspart issuer - the issuer. @csspart checks - the checklist.
 *
 * @cssproperty --badge-accent - links and focus rings. @cssproperty --badge-radius - corner radius.
 * @cssproperty --badge-font - font family (none is fetched). @cssproperty --badge-background,
 * --badge-text, --badge-muted, --badge-border - card colours. @cssproperty --badge-ok, --badge-warn,
 * --badge-bad (and their `-background`) - verdict colours.
 */
export class BadgeVerifierElement extends HTMLElement {
  static observedAttributes = ['src', 'lang', 'layout', 'offline'];
  #root = this.attachShadow({ mode: 'open' });
  #credential;
  #key = null; // identity of the source shown or loading: re-scans with the same source do nothing
  #run = 0; // bumps on every new load: a result for an older run is dropped
  #report = null;
  #error = null;
  #observer = null;
  options = {};

  constructor() {
    super();
    this.#root.adoptedStyleSheets = [styles];
  }

  get credential() { return this.#credential; }
  set credential(value) { this.#credential = value; this.#update(); }
  get report() { return this.#report; }

  connectedCallback() { this.#update(); }
  disconnectedCallback() { this.#observer?.disconnect(); this.#observer = null; }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.isConnected) return;
    if (name === 'lang' || name === 'layout') this.#render(false);
    else { this.#key = null; this.#update(); }
  }

  /** Verifies the current source again (e.g. after the host changed `options`). */
  refresh() { this.#key = null; return this.#update(); }

  #source() {
    if (this.#credential !== undefined && this.#credential !== null) return { key: this.#credential, input: this.#credential };
    const src = this.getAttribute('src');
    if (src) return { key: `src:${new URL(src, document.baseURI).href}`, url: src };
    const script = this.querySelector(':scope > script[type="application/ld+json"], :scope > script[type="application/jwt"]');
    if (script) return { key: `inline:${script.textContent}`, input: script.textContent.trim(), inline: true };
    return null;
  }

  async #update() {
    if (!this.isConnected) return;
    const source = this.#source();
    this.#watchChildren(!source || source.inline);
    if (!source || source.key === this.#key) return;
    this.#key = source.key;
    const run = ++this.#run;
    // Nothing of the previous source stays on screen while the new one loads: a card that said
    // "verified" must never sit under a src it was not computed for.
    this.#report = null;
    this.#error = null;
    this.#root.querySelector('.card')?.remove();
    this.setAttribute('aria-busy', 'true');
    this.removeAttribute('data-verdict');
    try {
      const input = source.url ? await fetchCredential(source.url) : source.input;
      if (run !== this.#run) return;
      const report = await verify(input, { ...this.options, offline: this.hasAttribute('offline') });
      if (run !== this.#run) return; // a newer source took over while we waited
      this.#report = report;
      this.#error = null;
      await this.#render(true);
      this.setAttribute('data-verdict', report.verdict);
      this.#emit('badge-verified', report);
    } catch (error) {
      if (run !== this.#run) return;
      this.#key = null; // the same source may be retried
      this.#report = null;
      this.#error = { code: error.code ?? 'fetch_failed', message: error.message ?? String(error) };
      await this.#render(true).catch(() => this.#renderWithoutWasm());
      this.setAttribute('data-verdict', 'error');
      this.#emit('badge-error', this.#error);
    } finally {
      if (run === this.#run) this.removeAttribute('aria-busy');
    }
  }

  async #render(announce) {
    if (!this.#report && !this.#error) return;
    const module = await load();
    const options = { lang: this.#lang(), layout: this.getAttribute('layout') ?? 'card', announce };
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

  #lang() { return this.getAttribute('lang') || document.documentElement.lang || 'en'; }

  // An element created empty and filled later (frameworks), or whose inline credential is
  // replaced, is re-read this way; the key makes unrelated mutations no-ops.
  #watchChildren(on) {
    if (on && !this.#observer) {
      this.#observer = new MutationObserver(() => this.#update());
      this.#observer.observe(this, { childList: true, subtree: true, characterData: true });
    } else if (!on && this.#observer) {
      this.#observer.disconnect();
      this.#observer = null;
    }
  }

  #emit(type, detail) { this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true })); }
}

async function fetchCredential(url) {
  let response;
  try {
    response = await fetch(url, { headers: { accept: 'application/ld+json, application/json, application/jwt, */*' } });
  } catch (cause) {
    throw badgeError('fetch_failed', `the credential could not be fetched from ${url}: ${cause.message}`);
  }
  if (!response.ok) throw badgeError('fetch_failed', `HTTP ${response.status} for ${url}`);
  return new Uint8Array(await response.arrayBuffer());
}

if (!customElements.get('badge-verifier')) customElements.define('badge-verifier', BadgeVerifierElement);
