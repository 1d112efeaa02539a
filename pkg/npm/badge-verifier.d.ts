// Types of the one-script-tag entry (badge-verifier.js): defines <badge-verifier> on import and
// re-exports the whole API.
export * from './verify.js';
export { BadgeVerifierElement, define, LANGUAGES } from './badge-verifier-element.js';
export type { BadgeErrorDetail, BadgeVerifierAttributes, BadgeVerifierEventMap, ShownVerdict } from './badge-verifier-element.js';
/** The `<badge-portfolio>` element (badge-portfolio-element.js), defined on import as `badge-portfolio`. */
export class BadgePortfolioElement extends HTMLElement {
  /** The source instead of `src`: credentials (objects, JWTs or URLs), a presentation or CLR, or JSON text. */
  credentials: unknown;
  /** Extra `verify()` options; setting it verifies again. */
  options: Record<string, unknown>;
  /** The whole nested report (deeply frozen), or null while verifying or after an error. */
  readonly report: Readonly<Record<string, unknown>> | null;
  /** The whole's verdict, `error`, or null while verifying. */
  readonly verdict: string | null;
  /** Verifies the source again. */
  refresh(): Promise<void>;
}
/** Defines `<badge-portfolio>` as `tag` in `registry` (once) and returns the class defined for it. */
export function definePortfolio(tag?: string, registry?: CustomElementRegistry): typeof BadgePortfolioElement;
