// Types of badge-verifier's verify-only API (verify.js): no DOM, for pages, Workers and Node 20+.

/** The overall judgement of a credential. */
export type Verdict =
  | 'verified'
  | 'verified_with_warnings'
  | 'expired'
  | 'not_yet_valid'
  | 'revoked'
  | 'suspended'
  | 'not_verified'
  | 'unsupported';

/** The checks, in the order they run and are shown. */
export type CheckId =
  | 'format'
  | 'contexts'
  | 'issuer_key'
  | 'proof'
  | 'valid_from'
  | 'valid_until'
  | 'status'
  | 'issuer_trust'
  | 'recipient'
  | 'members';

/** What a check found. `unchecked` (offline, a document unavailable) is never passed nor failed. */
export type Outcome = 'passed' | 'failed' | 'warning' | 'unchecked' | 'not_applicable';

/** One line of the checklist. */
export interface Check {
  id: CheckId;
  outcome: Outcome;
  /** Stable snake_case code (`signature_valid`, `signature_mismatch`, …): the contract. */
  code: string;
  /** A plain-language sentence, in English. */
  message: string;
  /** Which proof of a proof set (0-based), for the per-proof checks of a set. */
  proof?: number;
}

/** One value of a language map. */
export interface LanguageValue {
  '@value': string;
  '@language'?: string;
}

/** Text as the credential gives it: a plain string, or a VC 2.0 language map. */
export type Text = string | LanguageValue[];

/** An image and its text alternative. */
export interface Image {
  url: string;
  caption?: Text;
}

/** The issuer, as the credential names it. */
export interface IssuerView {
  id: string;
  name?: Text;
  url?: string;
  image?: Image;
}

/** An alignment of an achievement to a framework. */
export interface AlignmentView {
  targetName?: Text;
  targetUrl?: string;
  targetFramework?: Text;
  /** `targetCode`: the target's code in its framework (an ESCO or O*NET code, …). */
  targetCode?: string;
  /** `targetType` (`ceasn:Competency`, `CFItem`, …). */
  targetType?: string;
}

/** The achievement, for Open Badges. */
export interface AchievementView {
  id?: string;
  achievementType?: string;
  name?: Text;
  description?: Text;
  criteriaNarrative?: Text;
  criteriaUrl?: string;
  image?: Image;
  alignments?: AlignmentView[];
  /** `creditsAvailable`: the credits the achievement is worth (a number ≥ 0). */
  creditsAvailable?: number;
}

/** One of `credentialSubject.result[]`. */
export interface ResultView {
  value?: string;
  status?: string;
}

/** What a card may show: signed fields only. Trust it only as far as `verdict` says. */
export interface BadgeView {
  types: string[];
  name?: Text;
  description?: Text;
  image?: Image;
  issuer?: IssuerView;
  achievement?: AchievementView;
  recipientName?: Text;
  results?: ResultView[];
  /** `validFrom` / `issuanceDate`, as written. */
  validFrom?: string;
  /** `validUntil` / `expirationDate`, as written. */
  validUntil?: string;
  /** How many `endorsement`s the credential carries (not verified here). */
  endorsementCount: number;
  /** `credentialSubject.creditsEarned`: the credits the learner earned (a number ≥ 0). */
  creditsEarned?: number;
}

/** The result of verifying one credential. */
export interface Report {
  verdict: Verdict;
  /** Every check, in order. */
  checks: Check[];
  badge?: BadgeView;
  /** Documents (URLs or DIDs) a check needed and did not have (offline, or unavailable). */
  needs?: string[];
  /** What the input was, when not JSON. */
  input?: 'baked_png' | 'baked_svg' | 'jwt';
  /** For a presentation, a CLR or a collection (a top-level JSON array of credentials): the
   *  reports of the credentials it contains, and their tally. */
  members?: Members;
}

/** Options of `verify`; all optional. */
/** What encloses member credentials. */
export type Container = 'presentation' | 'clr' | 'collection';

/**
 * What a presentation or CLR is made of: one full report per enclosed credential (document order,
 * each judged on its own) and a tally. The container is `verified` only when its own checks pass
 * and every member is verified.
 */
export interface Members {
  container: Container;
  /** How many credentials it encloses. */
  total: number;
  /** How many are `verified` or `verified_with_warnings`. */
  verified: number;
  /** How many have each verdict (only verdicts that occur). */
  verdicts: Partial<Record<Verdict, number>>;
  /** The tally in English words ("11 of 12 verified, 1 expired"). */
  summary: string;
  /** Each enclosed credential's report. */
  reports: Report[];
}

export interface VerifyOptions {
  /** The time to judge validity at (a Date, an RFC 3339 string or epoch milliseconds); default now. */
  now?: Date | string | number;
  /** Fetch nothing: checks that need a document stay `unchecked` (never verified, never revoked). */
  offline?: boolean;
  /** Tolerance for `validFrom` / `validUntil`, in seconds (default 300). */
  clockSkewSeconds?: number;
  /** Largest input read, in bytes (default 1 MiB). */
  maxInputBytes?: number;
  /** Documents the host already has (DID documents, issuer profiles, status lists), by URL or DID. */
  documents?: Record<string, string | object>;
  /** JSON-LD contexts to trust beside the bundled ones, by URL. */
  contexts?: Record<string, string | object>;
  /** Issuer ids, DIDs or `https://` origins to trust; any other issuer is not verified. Empty trusts nobody. */
  trustedIssuers?: string[];
  /** Check that the credential was issued to this recipient (e-mail, URL, DID …); compared locally. */
  recipient?: string;
  /** The challenge a presentation's proof must carry (its `challenge`, a VP-JWT's `nonce`). */
  challenge?: string;
  /** The domain a presentation's proof must carry (its `domain`, a VP-JWT's `aud`). */
  domain?: string;
  /** Time a document request may take, body included, in milliseconds (default 10 000). */
  fetchTimeoutMs?: number;
  /** Stops the verification (it rejects with the signal's reason). */
  signal?: AbortSignal;
  /** Told each document fetched for this verification (e.g. to save them for offline checks). */
  onDocument?: (id: string, bytes: Uint8Array) => void;
}

/** What `verify` accepts: JSON text, a JWT, bytes (a baked PNG or SVG too), or a parsed credential. */
export type CredentialInput = string | Uint8Array | ArrayBuffer | object;

/** Stable codes of a `BadgeError`: there was nothing to verify, or the verifier could not run. */
export type BadgeErrorCode =
  | 'malformed_json'
  | 'input_too_large'
  | 'not_a_credential'
  | 'invalid_input'
  | 'invalid_options'
  | 'wasm_load_failed'
  | 'fetch_failed'
  | (string & {});

/** The error `verify` rejects with (a real `Error`, `name` `BadgeError`). */
export interface BadgeError extends Error {
  name: 'BadgeError';
  code: BadgeErrorCode;
}

/**
 * Verifies one credential, fetching what its checks need (unless `offline`). Resolves to the
 * report for every verdict (a tampered credential is `not_verified`, not an error); rejects with
 * a `BadgeError` when there is nothing to verify.
 */
export function verify(input: CredentialInput, options?: VerifyOptions): Promise<Report>;

/** Loads the core wasm module once (verify does it by itself; call it to start early). */
export function load(): Promise<unknown>;

/** Loads the full wasm module once (verify does it by itself when a credential needs it). */
export function loadFull(): Promise<unknown>;

/** Largest document or credential body fetched, in bytes. */
export const MAX_DOCUMENT_BYTES: number;

/** Default time a request may take, body included, in milliseconds. */
export const FETCH_TIMEOUT_MS: number;
