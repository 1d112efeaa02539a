// Types of the <badge-verifier> element (badge-verifier-element.js): needs a DOM.
import type { Report, Verdict, VerifyOptions, CredentialInput, BadgeErrorCode } from './verify.js';

/** `detail` of `badge-error`: there was nothing to verify. */
export interface BadgeErrorDetail {
  code: BadgeErrorCode;
  message: string;
}

/** What the element shows: a verdict, `error` when there was nothing to verify. */
export type ShownVerdict = Verdict | 'error';

/** The element's attributes (all strings; booleans by presence). */
export interface BadgeVerifierAttributes {
  /** URL of the credential (JSON or JWT): `https:`, `http:`, `blob:` or `data:`, relative to the page. */
  src?: string;
  /** Language of the card (en, de, fr, es, pt, ar); else the closest ancestor's `lang`, else en. */
  lang?: string;
  theme?: 'light' | 'dark' | 'auto';
  layout?: 'card' | 'compact' | 'full';
  /** Present: fetch nothing the credential names (such checks stay "couldn't check"). */
  offline?: boolean | '';
  /** Check that the credential was issued to this recipient; compared locally. */
  recipient?: string;
  /** For a presentation: the challenge its proof must carry. */
  challenge?: string;
  /** For a presentation: the domain its proof must carry. */
  domain?: string;
  /** Space-separated issuer ids, DIDs or origins to trust. */
  'trusted-issuers'?: string;
  /** URL of a JSON array of issuer ids, DIDs or origins to trust. */
  'trusted-issuers-src'?: string;
  /** Set by the element: the verdict shown; absent while loading. */
  'data-verdict'?: ShownVerdict;
}

/** `<badge-verifier>`: verifies one credential and shows it as a card with its checklist. */
export class BadgeVerifierElement extends HTMLElement {
  static observedAttributes: string[];
  /** A credential to verify instead of `src`: object, JSON/JWT string, or bytes. */
  credential: CredentialInput | undefined;
  /** Extra `verify()` options; setting it verifies again. */
  options: VerifyOptions;
  /** The last report, a frozen copy (the same object the events carry); null while loading or after an error. */
  readonly report: Readonly<Report> | null;
  /** The verdict shown, as `data-verdict`; null while loading. */
  readonly verdict: ShownVerdict | null;
  /** Verifies the current source again, fetching `src` anew. */
  refresh(): Promise<void>;
}

/**
 * Defines the element as `tag` in `registry` (once: a tag already defined there is left as it
 * is) and returns the class defined for it.
 */
export function define(tag?: string, registry?: CustomElementRegistry): typeof BadgeVerifierElement;

/** The languages whose catalogue is served beside the wasm (English is inside it). */
export const LANGUAGES: readonly string[];

/** The element's events. */
export interface BadgeVerifierEventMap {
  /** A verdict, whichever it is (read `detail.verdict`). */
  'badge-checked': CustomEvent<Readonly<Report>>;
  /** @deprecated Alias of `badge-checked` (fired for every verdict, not only verified ones). */
  'badge-verified': CustomEvent<Readonly<Report>>;
  /** There was nothing to verify (fetch failed, not a credential, …). */
  'badge-error': CustomEvent<Readonly<BadgeErrorDetail>>;
}

declare global {
  interface HTMLElementTagNameMap {
    'badge-verifier': BadgeVerifierElement;
  }
  interface HTMLElementEventMap extends BadgeVerifierEventMap {}
}
