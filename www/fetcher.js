/**
 * The page-wide fetcher (internal to badge-verifier): one request per URL at a time, a body that
 * arrived kept for the page's (or process's) life, `https:` only for what a credential names,
 * without cookies or referrer, with a timeout and a byte cap. A failure is not kept: a later
 * verification tries again. No DOM: it runs in pages, Workers and Node alike.
 */

/** Largest document or credential body read, in bytes, counted while it streams. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;
/** Default time a request may take, body included, in milliseconds. */
export const FETCH_TIMEOUT_MS = 10_000;

const kept = new Map(); // url → Uint8Array: document bodies that arrived
const inFlight = new Map(); // url → Promise<Uint8Array>: concurrent requests for one URL are one

/** Why a fetch failed, as `Verification.unavailable` takes it: `kind` and `detail`. */
export class FetchFailure extends Error {
  constructor(kind, message, detail = message) {
    super(message);
    this.kind = kind; // 'http' | 'timeout' | 'too_large' | 'network' | 'not_fetchable'
    this.detail = detail; // the HTTP status, the byte cap, or the words to show
  }
}

/** A `BadgeError`: a real `Error` with a stable `code`. */
export function badgeError(code, message) {
  return Object.assign(new Error(message), { name: 'BadgeError', code });
}

/** `fetchTimeoutMs`, checked: a positive number of milliseconds (default 10 s). */
export function fetchTimeout(value = FETCH_TIMEOUT_MS) {
  if (typeof value === 'number' && value > 0 && Number.isFinite(value)) return value;
  throw badgeError('invalid_options', 'fetchTimeoutMs must be a positive number of milliseconds');
}

/**
 * A document a credential asked for: `https:` only (the credential chose the URL, so it must not
 * make the viewer's browser talk to plain-http or intranet pages), kept once it arrived.
 * @returns {Promise<Uint8Array>} rejects with a `FetchFailure`
 */
export function fetchDocument(url, { timeoutMs = FETCH_TIMEOUT_MS } = {}) {
  if (!isHttps(url)) return Promise.reject(new FetchFailure('not_fetchable', `only https: documents are fetched, not ${url}`));
  return fetchShared(url, { timeoutMs, maxBytes: MAX_DOCUMENT_BYTES, keep: true, httpsOnly: true });
}

/**
 * A URL the page itself wrote (`src`, `trusted-issuers-src`), resolved against `base` (the
 * page): `https:`, `http:` (a page may load its own files from a plain-http dev server; the
 * browser's mixed-content rules still apply), or the local `blob:` and `data:`. `keep` decides
 * whether the body is kept for the page's life.
 */
export function fetchHostUrl(url, base, { timeoutMs = FETCH_TIMEOUT_MS, maxBytes = MAX_DOCUMENT_BYTES, keep = false } = {}) {
  const absolute = new URL(url, base);
  if (!['https:', 'http:', 'blob:', 'data:'].includes(absolute.protocol)) {
    return Promise.reject(new FetchFailure('not_fetchable', `only https:, http:, blob: and data: URLs are fetched, not ${absolute.protocol}`));
  }
  return fetchShared(absolute.href, { timeoutMs, maxBytes, keep, httpsOnly: false });
}

function fetchShared(url, { timeoutMs, maxBytes, keep, httpsOnly }) {
  if (keep && kept.has(url)) return Promise.resolve(kept.get(url));
  let pending = inFlight.get(url);
  if (!pending) {
    pending = request(url, timeoutMs, maxBytes, httpsOnly).finally(() => inFlight.delete(url));
    inFlight.set(url, pending);
  }
  return keep ? pending.then((bytes) => (kept.set(url, bytes), bytes)) : pending;
}

async function request(url, timeoutMs, maxBytes, httpsOnly) {
  const host = new URL(url).host || new URL(url).protocol; // blob: and data: have no host
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; controller.abort(); }, timeoutMs);
  const seconds = `${Math.round(timeoutMs / 100) / 10} s`;
  try {
    let response;
    try {
      response = await fetch(url, {
        signal: controller.signal, credentials: 'omit', referrerPolicy: 'no-referrer',
        headers: { accept: 'application/ld+json, application/json, application/did+json, application/vc+ld+json, */*' },
      });
    } catch {
      if (timedOut) throw new FetchFailure('timeout', `${host} did not answer within ${seconds}`);
      throw new FetchFailure('network', `could not reach ${host} (network error or the server does not allow cross-origin requests)`);
    }
    if (httpsOnly && response.url && !isHttps(response.url)) {
      throw new FetchFailure('not_fetchable', `${host} redirected to ${new URL(response.url).protocol}, only https: is fetched`);
    }
    if (!response.ok) throw new FetchFailure('http', `${host} answered HTTP ${response.status}`, response.status);
    try {
      return await readCapped(response, maxBytes, host);
    } catch (cause) {
      if (cause instanceof FetchFailure) throw cause;
      if (timedOut) throw new FetchFailure('timeout', `${host} did not send the whole response within ${seconds}`);
      throw new FetchFailure('network', `the response from ${host} broke off (${cause.message})`);
    }
  } finally {
    clearTimeout(timer);
    controller.abort(); // releases a body not read to the end (over the cap, or an error status)
  }
}

/** The body, counted in bytes as it streams (a Content-Length may lie or be absent). */
async function readCapped(response, maxBytes, host) {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      reader.cancel().catch(() => {});
      throw new FetchFailure('too_large', `the response from ${host} is larger than ${maxBytes} bytes`, maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function isHttps(url) {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
