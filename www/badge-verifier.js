/**
 * badge-verifier: verify Open Badges 3.0 / W3C Verifiable Credentials in the browser, and show
 * them with the <badge-verifier> element, and a learner's stack of them with <badge-portfolio>.
 * The one-script-tag entry: importing it defines `<badge-verifier>` and `<badge-portfolio>` (no
 * dependencies, no build step):
 *
 *   <script type="module" src="badge-verifier.js"></script>
 *   <badge-verifier src="badge.json"></badge-verifier>
 *   <badge-portfolio src="stack.json"></badge-portfolio>
 *
 * `<badge-portfolio>` verifies a presentation, a CLR 2.0, a JSON array of credentials or of
 * their URLs together (`src`, an inline `<script type="application/json">`, or the
 * `credentials` property) and shows a summary, the credentials grouped by what they stack
 * toward (alignments, then achievement types, then issuers) with credits summed, and each
 * credential's full card on demand; it fires `portfolio-checked` (the nested report) or
 * `portfolio-error`. See badge-portfolio-element.js for its attributes, parts and events.
 *
 * It also re-exports the whole API:
 * - verify.js: `verify`, `load`, `loadFull`, `MAX_DOCUMENT_BYTES`, `FETCH_TIMEOUT_MS` (no DOM:
 *   import verify.js itself in Node or a Worker);
 * - badge-verifier-element.js: `BadgeVerifierElement`, `define(tag, registry)` (import it
 *   instead of this file to choose the tag or the registry), `LANGUAGES`;
 * - badge-portfolio-element.js: `BadgePortfolioElement`, and its `define` as `definePortfolio`.
 */
import { define } from './badge-verifier-element.js';
import { define as definePortfolio } from './badge-portfolio-element.js';
// Named here too so that the browser requests every module of the loader at once, after this
// file, not a level deeper (these imports have no effect of their own).
import './verification.js';
import './fetcher.js';
import './turns.js';

export * from './verify.js';
export { BadgeVerifierElement, define, LANGUAGES } from './badge-verifier-element.js';
export { BadgePortfolioElement, define as definePortfolio } from './badge-portfolio-element.js';

define();
definePortfolio();
