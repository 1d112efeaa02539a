// Types of the <badge-portfolio> element (badge-portfolio-element.js): needs a DOM.
import type { Report, VerifyOptions } from './verify.js';
import type { BadgeErrorDetail, ShownVerdict } from './badge-verifier-element.js';

/**
 * What `<badge-portfolio>` verifies: an array of credentials (objects or JWT strings) or of URL
 * strings, a presentation or CLR object, or JSON text of any of these.
 */
export type PortfolioInput = string | object | Array<string | object>;

/** The element's attributes (all strings; booleans by presence). */
export interface BadgePortfolioAttributes {
  /** URL of a presentation, a CLR, a JSON array of credentials, or a JSON array of URLs (at most 64). */
  src?: string;
  /** Language (en, de, fr, es, pt, ar); else the closest ancestor's `lang`, else en. */
  lang?: string;
  theme?: 'light' | 'dark' | 'auto';
  /** Present: fetch nothing the credentials name; only `src` and the URL list are fetched. */
  offline?: boolean | '';
  /** The challenge a presentation's proof must carry. */
  challenge?: string;
  /** The domain a presentation's proof must carry. */
  domain?: string;
  /** Space-separated issuer ids, DIDs or origins to trust. */
  'trusted-issuers'?: string;
  /** Check that each credential was issued to this recipient; compared locally. */
  recipient?: string;
  /** Set by the element: the whole's verdict; absent while verifying. */
  'data-verdict'?: ShownVerdict;
}

/**
 * `<badge-portfolio>`: verifies a learner's stack together and shows it as a stack: a summary,
 * then the credentials grouped by what they stack toward, each opening onto its full card.
 */
export class BadgePortfolioElement extends HTMLElement {
  static observedAttributes: string[];
  /** The source instead of `src`. */
  credentials: PortfolioInput | undefined;
  /** Extra `verify()` options; setting it verifies again. */
  options: VerifyOptions;
  /** The whole nested report (`members.reports[]` holds each credential's), deeply frozen; null while verifying or after an error. */
  readonly report: Readonly<Report> | null;
  /** The whole's verdict, as `data-verdict`; null while verifying. */
  readonly verdict: ShownVerdict | null;
  /** Verifies the source again. */
  refresh(): Promise<void>;
}

/** Most credentials one portfolio verifies (past it: `too_many_members`). */
export const MAX_MEMBERS: number;

/** Defines the element as `tag` in `registry` (once) and returns the class defined for it. */
export function define(tag?: string, registry?: CustomElementRegistry): typeof BadgePortfolioElement;

/** The element's events. */
export interface BadgePortfolioEventMap {
  /** A verdict for the whole (read `detail.verdict` and `detail.members`). */
  'portfolio-checked': CustomEvent<Readonly<Report>>;
  /** There was nothing to verify (fetch failed, not a credential, too many, …). */
  'portfolio-error': CustomEvent<Readonly<BadgeErrorDetail>>;
}

declare global {
  interface HTMLElementTagNameMap {
    'badge-portfolio': BadgePortfolioElement;
  }
  interface HTMLElementEventMap extends BadgePortfolioEventMap {}
}
