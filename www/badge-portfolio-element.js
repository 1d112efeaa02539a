/**
 * The `<badge-portfolio>` element, not yet defined: `define(tag, registry)` defines it, as
 * badge-verifier-element.js does for `<badge-verifier>`. badge-verifier.js (the one-script-tag
 * entry) defines both. Needs a DOM.
 *
 * JS does the lifecycle, fetching and events; Rust verifies and renders (text nodes only). A
 * portfolio is a container (a presentation, a CLR, or a collection: a JSON array of
 * credentials), which only the full wasm module verifies: the element loads it (pkg/full/).
 */
import { badgeError, fetchHostUrl, fetchTimeout, MAX_DOCUMENT_BYTES } from './fetcher.js';
import { turn } from './turns.js';
import { loadFull, verifyReport } from './verification.js';
import { catalogue, closestLang, deepFreeze, defineOnce, giveCatalogue, loadStyles } from './badge-verifier-element.js';

/** Most credentials one portfolio holds (the core's `MAX_MEMBERS`); a longer list of URLs is refused. */
export const MAX_MEMBERS = 64;

let portfolioStyles; // the portfolio's own CSSStyleSheet, once loaded
let portfolioStylesLoaded;
function loadPortfolioStyles() {
  portfolioStylesLoaded ??= import('./badge-portfolio.styles.js').then((module) => (portfolioStyles = module.default));
  portfolioStylesLoaded.catch(() => {});
  return portfolioStylesLoaded;
}

/**
 * `<badge-portfolio>`: verifies a learner's stack of credentials together and shows it as a
 * stack: a summary (how many, verified, expired, revoked, suspended, not verified, by how many
 * issuers), then the credentials grouped by what they stack toward (`achievement.alignment`
 * targets, else `achievementType`, else issuer) with credits summed per group, and the
 * credentials that are not verified last, never grouped by what they claim. Each credential is a
 * compact line that opens (a `<details>`) onto its full card and checklist.
 *
 * Sources, first found wins: the `credentials` property, the `src` attribute, an inline child
 * `<script type="application/json">` or `<script type="application/ld+json">`.
 *
 * @attr src - URL of a presentation, a CLR, a JSON array of credentials, or a JSON array of URL
 *   strings (each resolved against `src`, fetched with the same timeout and 1 MiB cap as
 *   documents; at most 64).
 * @attr lang - language: en, de, fr, es, pt, ar; else the closest ancestor's `lang`, else en.
 * @attr theme - `light` (default) | `dark` | `auto`.
 * @attr offline - fetch nothing the credentials name (DID documents, status lists, images); only
 *   the URLs the page gave (`src`, the URL list) are fetched.
 * @attr challenge - the `challenge` a presentation's proof must carry.
 * @attr domain - the `domain` a presentation's proof must carry.
 * @attr trusted-issuers - space-separated issuer ids, DIDs or origins to trust.
 * @attr recipient - check that each credential was issued to this recipient.
 * @attr data-verdict - set by the element: the whole's verdict (`verified`, `not_verified`, …),
 *   or `error`; absent while verifying. Each credential's line (`li.item`) has its own
 *   `data-verdict`, `data-index` (its position in the container) and `data-trust`.
 * @attr aria-busy - `true` while verifying.
 *
 * @prop credentials - the source instead of `src`: an array of credentials (objects or JWT
 *   strings) or of URL strings, a presentation or CLR object, or JSON text of any of these.
 * @prop report - the whole nested report (read-only, deeply frozen; `members.reports[]` holds each
 *   credential's), the one the events carry; null while verifying or after an error.
 * @prop verdict - the whole's verdict, as `data-verdict`; null while verifying.
 * @prop options - extra `verify()` options (`now`, `documents`, `fetchTimeoutMs`, …); setting it
 *   verifies again.
 *
 * Changes made together are batched into one verification; `lang` only re-renders.
 *
 * @fires portfolio-checked - detail: the nested report (frozen), for every verdict.
 * @fires portfolio-error - detail (frozen): `{ code, message }` when there was nothing to verify.
 *
 * @csspart portfolio - the whole. @csspart summary - the summary. @csspart status - the verdict
 *   line. @csspart group - a group. @csspart item - a credential's `<details>`. The full cards
 *   inside have the card's parts (card, image, title, issuer, checks).
 *
 * @cssproperty --badge-accent, --badge-radius, --badge-font, --badge-background, --badge-text,
 *   --badge-muted, --badge-border, --badge-ok, --badge-warn, --badge-bad (and `-background`) - as
 *   `<badge-verifier>`'s.
 */
const ElementBase = globalThis.HTMLElement ?? class {};

export class BadgePortfolioElement extends ElementBase {
  static observedAttributes = ['src', 'lang', 'offline', 'challenge', 'domain', 'trusted-issuers', 'recipient'];
  #root = this.attachShadow({ mode: 'open' });
  #credentials;
  #options = {};
  #key = null; // what the shown or loading result was computed from (source + settings)
  #scheduled = false;
  #run = 0;
  #abort = null;
  #report = null;
  #shown = null; // { module, handle }: the VerifiedReport the portfolio draws from
  #error = null;
  #observer = null;

  constructor() {
    super();
    Promise.all([loadStyles(), loadPortfolioStyles()]).then(
      ([card, portfolio]) => { this.#root.adoptedStyleSheets = [card, portfolio]; },
      () => {},
    );
    // A credential's full card is drawn when its line is first opened (`toggle` does not bubble:
    // caught on the way down).
    this.#root.addEventListener('toggle', (event) => this.#openCard(event.target), true);
  }

  /** Draws the full card into a credential's `<details>` the first time it opens. */
  #openCard(details) {
    const shown = this.#shown;
    if (!shown || !details?.open || !details.matches?.('details.entry')) return;
    const index = Number(details.closest('li.item')?.dataset.index);
    if (!Number.isInteger(index)) return;
    shown.module.renderPortfolioCard(details, shown.handle, index, { lang: this.#lang(), offline: this.#offline() });
  }

  get credentials() { return this.#credentials; }
  set credentials(value) { this.#credentials = value; this.#schedule(); }
  get options() { return this.#options; }
  set options(value) { this.#options = value ?? {}; this.#key = null; this.#schedule(); }
  get report() { return this.#report; }
  get verdict() { return this.#report?.verdict ?? (this.#error ? 'error' : null); }

  connectedCallback() { this.#schedule(); }
  disconnectedCallback() { this.#observer?.disconnect(); this.#observer = null; }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.isConnected) return;
    if (name === 'lang') this.#render(false).catch(() => {});
    else this.#schedule();
  }

  /** Verifies the current source again, fetching `src` and its URLs anew. */
  refresh() {
    this.#key = null;
    return this.#update();
  }

  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      this.#update();
    });
  }

  #currentSource() {
    if (this.#credentials !== undefined && this.#credentials !== null) return { given: this.#credentials };
    const src = this.getAttribute('src');
    if (src) return { url: new URL(src, document.baseURI).href };
    const script = this.querySelector(':scope > script[type="application/json"], :scope > script[type="application/ld+json"]');
    if (script) return { given: script.textContent, inline: true };
    return null;
  }

  #settings() {
    return ['offline', 'challenge', 'domain', 'trusted-issuers', 'recipient'].map((name) => this.getAttribute(name));
  }

  async #update() {
    if (!this.isConnected) return;
    const source = this.#currentSource();
    this.#watchChildren(!source || source.inline);
    if (!source) return;
    const key = [source.given ?? source.url, ...this.#settings()];
    if (this.#key && key.length === this.#key.length && key.every((part, i) => part === this.#key[i])) return;
    this.#key = key;
    const run = ++this.#run;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.#forget();
    this.#root.querySelector('.portfolio, .card')?.remove();
    this.setAttribute('aria-busy', 'true');
    this.removeAttribute('data-verdict');
    try {
      const module = await loadFull(); // a container is verified (and drawn) by the full module
      if (run !== this.#run) return;
      // "Verifying N credentials…" as soon as N is known (before a list's URLs are fetched).
      const busy = (count) => (run === this.#run ? this.#renderBusy(module, count) : undefined);
      const input = await this.#input(source, abort.signal, busy);
      if (run !== this.#run) return;
      const options = { ...this.#options, offline: this.#offline(), signal: abort.signal };
      for (const [name, option] of [['challenge', 'challenge'], ['domain', 'domain'], ['recipient', 'recipient']]) {
        const value = this.getAttribute(name);
        if (value !== null && value !== '') options[option] = value;
      }
      const trusted = this.getAttribute('trusted-issuers');
      if (trusted !== null) options.trustedIssuers = [...trusted.split(/\s+/).filter(Boolean), ...(this.#options.trustedIssuers ?? [])];
      if (input.bytes) options.maxInputBytes = Math.max(Number(this.#options.maxInputBytes) || 0, input.bytes);
      const result = await verifyReport(input.value, options);
      if (run !== this.#run) return result.handle.free();
      await turn('card');
      if (run !== this.#run) return result.handle.free();
      this.#shown = { module: result.module, handle: result.handle };
      this.#report = deepFreeze(result.report);
      await this.#render(true);
      this.setAttribute('data-verdict', this.#report.verdict);
      this.#emit('portfolio-checked', this.#report);
    } catch (error) {
      if (run !== this.#run) return;
      this.#key = null; // the same source may be retried
      this.#forget();
      this.#error = Object.freeze({ code: error.code ?? 'fetch_failed', message: error.message ?? String(error) });
      await this.#render(true).catch(() => this.#renderWithoutWasm());
      this.setAttribute('data-verdict', 'error');
      this.#emit('portfolio-error', this.#error);
    } finally {
      if (run === this.#run) this.removeAttribute('aria-busy');
    }
  }

  /**
   * The container to verify: `{ value, bytes? }`, `value` a presentation, CLR or array (an
   * array of URLs replaced by the credentials fetched from them), `bytes` their total size when
   * fetched here (the input cap then grows to fit, each part being capped already).
   */
  async #input(source, signal, counted) {
    const timeoutMs = fetchTimeout(this.#options.fetchTimeoutMs);
    const maxBytes = Math.max(MAX_DOCUMENT_BYTES, Number(this.#options.maxInputBytes) || 0);
    let value = source.given;
    let base = document.baseURI;
    if (source.url) {
      const bytes = await fetchHostUrl(source.url, base, { timeoutMs, maxBytes }).catch((failure) => {
        throw badgeError('fetch_failed', `the portfolio could not be fetched from ${source.url}: ${failure.message}`);
      });
      value = decode(bytes);
      base = source.url;
    }
    if (typeof value === 'string') value = parseJson(value) ?? value;
    await counted(countOf(value));
    if (!Array.isArray(value) || !value.some(isUrl)) return { value };
    if (value.length > MAX_MEMBERS) throw badgeError('too_many_members', `a portfolio holds at most ${MAX_MEMBERS} credentials, not ${value.length}`);
    let total = 0;
    const members = await Promise.all(value.map(async (entry) => {
      if (!isUrl(entry)) return entry;
      const bytes = await fetchHostUrl(entry, base, { timeoutMs, maxBytes }).catch((failure) => {
        throw badgeError('fetch_failed', `a credential could not be fetched from ${entry}: ${failure.message}`);
      });
      signal.throwIfAborted();
      total += bytes.byteLength;
      const text = decode(bytes);
      return parseJson(text) ?? text.trim(); // JSON, else a JWT (a member string)
    }));
    return { value: members, bytes: total * 2 + 1024 };
  }

  #forget() {
    this.#shown?.handle.free();
    this.#shown = null;
    this.#report = null;
    this.#error = null;
  }

  async #renderBusy(module, count) {
    const entry = catalogue(this.#lang());
    if (entry && !entry.settled) await Promise.race([entry.arrived, new Promise((resolve) => setTimeout(resolve, 300))]);
    giveCatalogue(module, entry);
    module.renderPortfolioBusy(this.#root, count, { lang: this.#lang() });
  }

  async #render(announce) {
    const shown = this.#shown;
    const error = this.#error;
    if (!shown && !error) return;
    const module = shown?.module ?? (await loadFull());
    if (shown !== this.#shown || error !== this.#error) return;
    const lang = this.#lang();
    const entry = catalogue(lang);
    if (entry && !entry.settled) entry.arrived.then((arrived) => { if (arrived.text) this.#render(false).catch(() => {}); });
    giveCatalogue(module, entry);
    const options = { lang, announce, offline: this.#offline() };
    if (shown) module.renderPortfolio(this.#root, shown.handle, options);
    else {
      this.#root.querySelector('.portfolio')?.remove();
      module.renderError(this.#root, error.code, error.message, { ...options, layout: 'card' });
    }
  }

  #renderWithoutWasm() {
    const card = document.createElement('p');
    card.className = 'portfolio';
    card.setAttribute('part', 'portfolio');
    card.setAttribute('role', 'status');
    card.textContent = `${this.#error.code}: ${this.#error.message}`;
    this.#root.querySelector('.portfolio, .card')?.remove();
    this.#root.append(card);
  }

  #offline() { return this.hasAttribute('offline') || this.#options.offline === true; }

  #lang() { return closestLang(this); }

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

const decode = (bytes) => new TextDecoder().decode(bytes);

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A string entry that names a credential's URL (not a JWT, not JSON text). */
function isUrl(entry) {
  if (typeof entry !== 'string') return false;
  const text = entry.trim();
  return !/^eyJ[\w-]*\.[\w-]*\.[\w-]*$/.test(text) && !text.startsWith('{') && !/\s/.test(text);
}

/** How many credentials `input` holds, for the busy state's words. */
function countOf(value) {
  const many = (list) => (Array.isArray(list) ? list.length : list ? 1 : 0);
  if (Array.isArray(value)) return value.length;
  if (value && typeof value === 'object') {
    return many(value.verifiableCredential ?? value.credentialSubject?.verifiableCredential) || 1;
  }
  return 1;
}

/**
 * Defines the element as `tag` in `registry` (once) and, when the document already has such
 * elements, starts loading the full wasm, the styles and their languages. Returns the class
 * defined for `tag`.
 * @param {string} [tag]
 * @param {CustomElementRegistry} [registry]
 */
export function define(tag = 'badge-portfolio', registry = customElements) {
  const defined = defineOnce(tag, registry, BadgePortfolioElement);
  const elements = document.querySelectorAll(tag);
  // A page with no portfolio in its markup requests nothing more for it (the element's own
  // constructor loads the styles, and its first verification the full module).
  if (elements.length > 0) {
    loadStyles();
    loadPortfolioStyles();
    loadFull().catch(() => {});
    for (const lang of new Set([...elements].map(closestLang))) catalogue(lang);
  }
  return defined;
}
