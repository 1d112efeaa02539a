/**
 * The `<badge-verifier>` element, not yet defined: `define(tag, registry)` defines it (as
 * Shoelace and GitHub's `<relative-time>` do), so a page may pick the tag name or a scoped
 * registry. badge-verifier.js is the one-script-tag entry that defines `<badge-verifier>` on
 * import. Needs a DOM; verifying alone is verify.js (no DOM).
 *
 * JS does the lifecycle, fetching and events; Rust renders (text nodes only). The card draws from
 * the verification's own `VerifiedReport` handle, held here and never handed out: listeners and
 * the `report` getter get a frozen plain copy, and nothing they do changes the card.
 */
import { badgeError, fetchHostUrl, fetchTimeout, MAX_DOCUMENT_BYTES } from './fetcher.js';
import { turn } from './turns.js';
import { embedded, load, verifyReport } from './verification.js';

// The stylesheet, the wasm glue and the .wasm are requested together as soon as the element is
// defined (a static import of the stylesheet would hold everything back by one more round trip).
let styles; // the shared CSSStyleSheet, once loaded
let stylesLoaded; // its load, started by the first define() or element
export function loadStyles() { // shared with badge-portfolio-element.js
  stylesLoaded ??= import('./badge-verifier.styles.js').then((module) => (styles = module.default));
  stylesLoaded.catch(() => {}); // each element reports nothing more than an unstyled card
  return stylesLoaded;
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
export function catalogue(lang) {
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
export function giveCatalogue(module, entry) {
  if (!entry?.text || entry.given.has(module)) return;
  module.installCatalogue(entry.tag, entry.text);
  entry.given.add(module);
}

/**
 * `<badge-verifier>`: verifies one credential and shows it as a card with its checklist.
 *
 * Sources, first found wins: the `credential` property, the `src` attribute, an inline child
 * `<script type="application/ld+json">` or `<script type="application/jwt">`.
 *
 * @attr src - URL of the credential (JSON or JWT), relative to the page: `https:`, `http:`,
 *   `blob:` or `data:`, fetched with the same timeout and cap as documents (1 MiB, or
 *   `options.maxInputBytes` if larger); not kept: `refresh()` fetches it again.
 * @attr lang - language of the card: en, de, fr, es, pt, ar; else the closest ancestor's `lang`
 *   (crossing shadow roots), else en.
 * @attr theme - `light` (default) | `dark` | `auto` (follows prefers-color-scheme).
 * @attr layout - `card` (default; checklist collapsed) | `compact` (status, image and name) | `full` (checklist open).
 * @attr offline - fetch nothing the credential names: no DID documents, issuer profiles, status
 *   lists or images (a remote badge image shows as its text alternative). Only the URLs the page
 *   wrote itself (`src`, `trusted-issuers-src`) are fetched. Such checks stay "couldn't check".
 * @attr recipient - check that the credential was issued to this recipient (e-mail, URL, DID …);
 *   compared locally, never sent anywhere.
 * @attr challenge - for a presentation: the challenge its proof must carry (the host's nonce);
 *   without it a presentation's proof is only a warning (`signature_valid_no_challenge`).
 * @attr domain - for a presentation: the domain its proof must carry.
 * @attr trusted-issuers - space-separated issuer ids, DIDs or origins to trust; any other issuer
 *   is "not verified". Combined with `trusted-issuers-src` and `options.trustedIssuers`.
 * @attr trusted-issuers-src - URL of a JSON array of such strings (fetched once per page); if it
 *   cannot be had, the element shows an error (`fetch_failed`), never a verdict.
 * @attr data-verdict - set by the element: `verified`, `verified_with_warnings`, `expired`,
 *   `not_yet_valid`, `revoked`, `suspended`, `not_verified`, `unsupported`, or `error`; absent while loading.
 *
 * @prop credential - a credential to verify instead of `src`: object, JSON/JWT string, or bytes.
 * @prop report - the last report (read-only): a frozen copy, the same one the events carry; null
 *   while loading or after an error. Changing it is impossible, and could not change the card:
 *   the card draws from the verification's own handle.
 * @prop verdict - the verdict shown (read-only): as `data-verdict` (`error` when there was
 *   nothing to verify), or null while loading.
 * @prop options - extra `verify()` options (`now`, `documents`, `clockSkewSeconds`,
 *   `maxInputBytes`, `fetchTimeoutMs`, `trustedIssuers`, `recipient`); setting it verifies again.
 *
 * Any change of these attributes or properties verifies again (changes made together are batched
 * into one verification); `lang` and `layout` only re-render.
 *
 * @fires badge-checked - detail: the report (frozen), for every verdict: read `detail.verdict`.
 * @fires badge-verified - DEPRECATED alias of `badge-checked`, fired right after it with the same
 *   detail, for every verdict (also for a badge that is *not* verified), as before. Listen to
 *   `badge-checked` instead; this name will be removed in a later major version.
 * @fires badge-error - detail (frozen): `{ code, message }` when there was nothing to verify
 *   (fetch failed, not a credential, …).
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
// Without a DOM (server-side rendering, Node) importing this module still works; only defining
// or constructing the element needs one.
const ElementBase = globalThis.HTMLElement ?? class {};

export class BadgeVerifierElement extends ElementBase {
  static observedAttributes = ['src', 'lang', 'layout', 'offline', 'recipient', 'trusted-issuers', 'trusted-issuers-src', 'challenge', 'domain'];
  #root = this.attachShadow({ mode: 'open' });
  #credential;
  #options = {};
  #source = null; // the source shown or loading: { key, input?, url?, inline? }
  #settings = null; // what else the shown or loading result was computed with (a string)
  #loaded = null; // { key, bytes } of the last `src` fetched: a settings change reuses it
  #scheduled = false;
  #run = 0; // bumps on every new load: a result for an older run is dropped
  #abort = null; // stops the previous run's fetching when a new one starts
  #report = null; // the frozen plain copy: what the getter and events give
  #card = null; // { module, handle }: the VerifiedReport the card draws from, and its wasm module
  #error = null;
  #observer = null;

  constructor() {
    super();
    // The sheet arrives before the wasm (which renders every card): only the busy placeholder
    // may wait for it.
    if (styles) this.#root.adoptedStyleSheets = [styles];
    else loadStyles().then(() => { this.#root.adoptedStyleSheets = [styles]; }, () => {});
  }

  get credential() { return this.#credential; }
  set credential(value) { this.#credential = value; this.#schedule(); }
  get options() { return this.#options; }
  set options(value) { this.#options = value ?? {}; this.#settings = null; this.#schedule(); }
  get report() { return this.#report; }
  get verdict() { return this.#report?.verdict ?? (this.#error ? 'error' : null); }

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
    return JSON.stringify(['offline', 'recipient', 'trusted-issuers', 'trusted-issuers-src', 'challenge', 'domain'].map((name) => this.getAttribute(name)));
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
    this.#forget();
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
      for (const name of ['challenge', 'domain']) {
        const value = this.getAttribute(name);
        if (value) options[name] = value;
      }
      const { module, handle, report } = await verifyReport(input, options);
      if (run !== this.#run) return handle.free(); // a newer source took over while we waited
      await turn('card'); // in a task of its own, before the next verification
      if (run !== this.#run) return handle.free();
      this.#card = { module, handle };
      this.#report = deepFreeze(report);
      await this.#render(true);
      this.setAttribute('data-verdict', report.verdict);
      this.#emit('badge-checked', this.#report);
      this.#emit('badge-verified', this.#report); // deprecated alias, fired exactly as before
    } catch (error) {
      if (run !== this.#run) return;
      this.#source = null; // the same source may be retried
      this.#forget();
      this.#error = Object.freeze({ code: error.code ?? 'fetch_failed', message: error.message ?? String(error) });
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
      const bytes = await fetchHostUrl(source.url, document.baseURI, { timeoutMs, maxBytes });
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

  /** Drops the shown result (its handle freed): a new run starts, or failed. */
  #forget() {
    this.#card?.handle.free();
    this.#card = null;
    this.#report = null;
    this.#error = null;
  }

  async #render(announce) {
    const card = this.#card;
    const error = this.#error;
    if (!card && !error) return;
    // A card is drawn by the module that verified it (the core or the full one).
    const module = card?.module ?? (await load());
    if (card !== this.#card || error !== this.#error) return; // a newer run started meanwhile
    const lang = this.#lang();
    const entry = catalogue(lang);
    // English until the language's file arrives, then drawn again in that language.
    if (entry && !entry.settled) entry.arrived.then((arrived) => { if (arrived.text) this.#render(false).catch(() => {}); });
    giveCatalogue(module, entry);
    const options = { lang, layout: this.getAttribute('layout') ?? 'card', announce, offline: this.#offline() };
    if (card) module.renderReport(this.#root, card.handle, options);
    else module.renderError(this.#root, error.code, error.message, options);
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

  #lang() { return closestLang(this); }

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
    bytes = await fetchHostUrl(url, document.baseURI, { timeoutMs, keep: true });
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


/** The language of `element`: its own `lang`, else the closest ancestor's, crossing shadow roots; else en. */
export function closestLang(element) {
  for (let node = element; node; node = node.parentElement ?? node.getRootNode().host) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
  }
  return 'en';
}

/** `value` with every object and array in it frozen (a report is plain JSON data). */
export function deepFreeze(value) {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/**
 * Defines the element as `tag` in `registry` (once: a tag already defined there is left as it
 * is) and, when the document already has such elements, starts loading the wasm, the styles and
 * the page's languages at once, beside the badges' own requests. Returns the class defined for
 * `tag`.
 * @param {string} [tag]
 * @param {CustomElementRegistry} [registry]
 */
export function define(tag = 'badge-verifier', registry = customElements) {
  loadStyles();
  const defined = defineOnce(tag, registry, BadgeVerifierElement);
  preload(tag);
  return defined;
}

/**
 * Defines `element` as `tag` in `registry` unless the tag is defined there already, and returns
 * the class defined for `tag`. One class is defined once per registry: a second tag gets a
 * subclass of its own.
 */
export function defineOnce(tag, registry, element) {
  let defined = registry.get(tag);
  if (!defined) {
    defined = element;
    try {
      registry.define(tag, defined);
    } catch (error) {
      if (error?.name !== 'NotSupportedError') throw error;
      defined = class extends element {};
      registry.define(tag, defined);
    }
  }
  return defined;
}

// A page with badges in its markup needs the verifier: start loading it now rather than when the
// first element asks (a module script runs once the document is parsed, so every element written
// in the page is there). A failure is reported, and retried, by the elements' own calls.
function preload(tag) {
  const elements = document.querySelectorAll(tag);
  if (elements.length === 0) return;
  load().catch(() => {});
  for (const lang of new Set([...elements].map(closestLang))) catalogue(lang);
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
