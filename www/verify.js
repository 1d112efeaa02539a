/**
 * badge-verifier, verify only: Open Badges 3.0 / W3C Verifiable Credentials (and the other
 * formats the full module reads) verified by the project's wasm, with no DOM. Importing this
 * module defines nothing and touches no page: it works in pages, Workers and Node 20+.
 *
 *   import { verify } from 'badge-verifier';
 *   const report = await verify(credentialTextBytesOrObject, { offline: false });
 *   // report = { verdict, checks: [{ id, outcome, code, message, proof? }], badge, needs? }
 *
 * The wasm module is loaded once and shared (the core at once; the full module only for a
 * credential that needs it). The Rust core does no I/O: a verification says which documents it
 * needs (DID documents, issuer profiles, status lists), this fetches them through one shared
 * fetcher and hands them back, until nothing is needed. The fetcher asks `https:` only, without
 * cookies or referrer, with a timeout and a 1 MiB cap; one request per URL at a time, and a body
 * that arrived is kept for the page's (process's) life. With `offline: true` nothing is fetched,
 * and such checks stay "couldn't check" (never shown as verified, never as revoked).
 *
 * Errors: a rejected promise with a real `Error` named `BadgeError` and a stable `code`
 * (`malformed_json`, `input_too_large`, `not_a_credential`, `invalid_options`, `wasm_load_failed`, …).
 */
import { verifyReport } from './verification.js';

export { load, loadFull } from './verification.js';
export { MAX_DOCUMENT_BYTES, FETCH_TIMEOUT_MS } from './fetcher.js';

/**
 * Verifies one credential, fetching what its checks need (unless `offline`).
 * @param {string | Uint8Array | ArrayBuffer | object} input JSON text, a JWT, bytes (a baked
 *   PNG or SVG too), or a parsed credential
 * @param {{ now?: Date | string | number, offline?: boolean, clockSkewSeconds?: number,
 *           maxInputBytes?: number, documents?: Record<string, string | object>,
 *           contexts?: Record<string, string | object>, trustedIssuers?: string[],
 *           recipient?: string, challenge?: string, domain?: string,
 *           fetchTimeoutMs?: number, signal?: AbortSignal,
 *           onDocument?: (id: string, bytes: Uint8Array) => void }} [options] `onDocument` is
 *   told each document fetched for this verification (e.g. to save them for offline checks)
 * @returns {Promise<object>} the report, a fresh plain object (the caller's)
 */
export async function verify(input, options = {}) {
  const { handle, report } = await verifyReport(input, options);
  handle.free();
  return report;
}
