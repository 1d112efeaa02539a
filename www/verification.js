/**
 * The verification loop (internal to badge-verifier; the public API is verify.js): loads the
 * wasm once, drives a resumable verification (it says which documents it needs, this fetches
 * them and hands them back, until nothing is needed) and returns the report both as an opaque
 * handle (`VerifiedReport`, what a card draws) and as a plain object. No DOM: pages, Workers and
 * Node alike.
 */
import { badgeError, fetchDocument, fetchTimeout, FetchFailure } from './fetcher.js';
import { turn } from './turns.js';

let wasm; // the one shared load of the core module
let fullWasm; // the one shared load of the full module, started by the first report that needs it
let full = null; // the full module once it loaded: later verifications use it directly

/**
 * Loads the wasm module once: the core, what a page of Open Badges 3.0 / VC eddsa badges needs.
 * The glue module and the .wasm are requested together (neither waits for the other), and the
 * .wasm compiles while it streams in (served as `application/wasm`). In Node the same .wasm is
 * read from the package's files.
 */
export function load() {
  wasm ??= instantiate('./pkg/badge_verifier.js', './pkg/badge_verifier_bg.wasm').catch((cause) => {
    wasm = undefined; // allow a retry
    throw cause;
  });
  return wasm;
}

/**
 * Loads the full module once (pkg/full/: every format the core leaves out, see src/features.rs).
 * Only a credential whose core report has a check coded `not_in_this_build` asks for it: a page
 * that never shows such a badge never requests it.
 */
export function loadFull() {
  fullWasm ??= instantiate('./pkg/full/badge_verifier.js', './pkg/full/badge_verifier_bg.wasm').then(
    (module) => (full = module),
    (cause) => {
      fullWasm = undefined; // allow a retry
      throw cause;
    },
  );
  return fullWasm;
}

// A single-file build (scripts/build-offline) sets this before the loader runs: the wasm bytes,
// their glue module and the catalogues, inlined in the page, so nothing is requested for the
// verifier itself. Its wasm is the full module, so the core and the full loads are one instance.
export const embedded = globalThis.badgeVerifierEmbedded;

function instantiate(glue, binary) {
  const url = new URL(binary, import.meta.url);
  const loading = embedded
    ? embedded.glue.default({ module_or_path: embedded.wasm }).then(() => embedded.glue)
    : Promise.all([import(glue), url.protocol === 'file:' && isNode() ? readFileBytes(url) : fetch(url)])
      .then(async ([module, source]) => {
        await module.default({ module_or_path: source });
        return module;
      });
  return loading
    .catch((cause) => {
      throw badgeError('wasm_load_failed', `the verifier could not be loaded: ${cause.message}`);
    });
}

const isNode = () => typeof globalThis.process?.versions?.node === 'string';

/** The file's bytes, in Node: `fetch` does not read `file:` URLs there. */
async function readFileBytes(url) {
  const specifier = 'node:fs/promises'; // not a literal: bundlers for the browser leave it alone
  const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ specifier);
  return readFile(url);
}

/**
 * Verifies one credential, fetching what its checks need (unless `offline`).
 * @returns {Promise<{ module: object, handle: object, report: object }>} the wasm module that
 *   verified, its `VerifiedReport` (the caller frees it), and the report as a plain object
 */
export async function verifyReport(input, options = {}) {
  const core = await load();
  const settings = { ...options, now: options.now ?? new Date() };
  const first = await verifyWith(full ?? core, input, settings);
  // Judged by the module that verified: the full one may have loaded (for another badge) while
  // this verification ran in the core, whose report must not stand then.
  if (first.module !== core || !first.report.checks?.some((check) => check.code === 'not_in_this_build')) return first;
  // The credential needs a part the core leaves out: verify it again with the full module. If
  // that cannot load, the core's report stands (`unsupported`, saying what is missing).
  const module = await loadFull().catch(() => null);
  if (!module) return first;
  first.handle.free();
  return verifyWith(module, input, settings);
}

async function verifyWith(module, input, options) {
  await turn('verification');
  const { offline = false, fetchTimeoutMs, signal, onDocument, ...rest } = options;
  const timeoutMs = fetchTimeout(fetchTimeoutMs);
  const verification = module.startVerification(input, rest);
  try {
    const answered = new Set();
    for (;;) {
      await turn('step');
      signal?.throwIfAborted();
      // The core never asks twice for one id; if it did, finishing is the only way forward.
      const needs = verification.needs().filter((need) => !answered.has(need.id));
      if (needs.length === 0) break;
      needs.forEach((need) => answered.add(need.id));
      const results = await Promise.all(needs.map((need) => obtain(need, offline, timeoutMs)));
      signal?.throwIfAborted();
      needs.forEach((need, i) => {
        const { bytes, failure } = results[i];
        if (bytes) {
          verification.provide(need.id, bytes);
          onDocument?.(need.id, bytes);
        } else verification.unavailable(need.id, failure.kind, failure.detail);
      });
    }
    await turn('step');
    const handle = verification.finishReport();
    return { module, handle, report: handle.toJSON() };
  } finally {
    verification.free();
  }
}

/** One need's document: `{ bytes }`, or `{ failure: { kind, detail } }` for `unavailable`. */
async function obtain(need, offline, timeoutMs) {
  if (offline) return { failure: { kind: 'offline', detail: '' } };
  if (!need.url) return { failure: { kind: 'not_fetchable', detail: `there is no URL to fetch ${need.id} from` } };
  try {
    return { bytes: await fetchDocument(need.url, { timeoutMs }) };
  } catch (failure) {
    if (failure instanceof FetchFailure) return { failure };
    return { failure: { kind: 'network', detail: String(failure?.message ?? failure) } };
  }
}
