/**
 * badge-verifier: verify Open Badges 3.0 / W3C Verifiable Credentials in the browser, and show
 * them with the <badge-verifier> element. The one-script-tag entry: importing it defines
 * `<badge-verifier>` (no dependencies, no build step):
 *
 *   <script type="module" src="badge-verifier.js"></script>
 *   <badge-verifier src="badge.json"></badge-verifier>
 *
 * It also re-exports the whole API:
 * - verify.js: `verify`, `load`, `loadFull`, `MAX_DOCUMENT_BYTES`, `FETCH_TIMEOUT_MS` (no DOM:
 *   import verify.js itself in Node or a Worker);
 * - badge-verifier-element.js: `BadgeVerifierElement`, `define(tag, registry)` (import it
 *   instead of this file to choose the tag or the registry), `LANGUAGES`.
 */
import { define } from './badge-verifier-element.js';
// Named here too so that the browser requests every module of the loader at once, after this
// file, not a level deeper (these imports have no effect of their own).
import './verification.js';
import './fetcher.js';
import './turns.js';

export * from './verify.js';
export { BadgeVerifierElement, define, LANGUAGES } from './badge-verifier-element.js';

define();
