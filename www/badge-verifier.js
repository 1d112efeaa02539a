/**
 * badge-verifier: verify Open Badges 3.0 / W3C Verifiable Credentials in the browser.
 *
 *   import { verify } from './badge-verifier.js';
 *   const report = await verify(credentialTextOrObject, { offline: false });
 *   // report = { verdict, checks: [{ id, outcome, code, message, proof? }], badge, needs? }
 *
 * The wasm module is loaded once, lazily, on the first call, and shared. The Rust core does no
 * I/O: when a check needs a document (an HTTPS issuer profile, a did:web DID document), the report
 * lists it under `needs`; this loader fetches those (https only, with a timeout and a size cap,
 * de-duplicated across every badge on the page) and verifies again. With `offline: true` it
 * fetches nothing, and such checks stay "unchecked" (never shown as verified).
 *
 * Errors: a rejected promise with a real `Error` named `BadgeError` and a stable `code`
 * (`malformed_json`, `input_too_large`, `not_a_credential`, `invalid_options`, `wasm_load_failed`).
 */

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
