// What a <badge-portfolio> of the learner's-stack fixtures (tests/fixtures/portfolio/) must show,
// computed from the fixture JSON by the rules src/portfolio.rs documents, never copied from the
// element's output: each credential's verdict, the summary's counts, and the groups with their
// credits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './browser.mjs';

/** The one credential changed after signing (tests/common/fixtures/portfolio.rs, `TAMPERED`). */
export const TAMPERED_ID = 'urn:uuid:5a7c4e11-0000-4000-8000-000000000007';

/** A fixture file's entries (a JSON array, or a presentation's `verifiableCredential`). */
export function entries(file) {
  const json = JSON.parse(readFileSync(join(root, 'tests/fixtures/portfolio', file), 'utf8'));
  return Array.isArray(json) ? json : json.verifiableCredential;
}

/** The credential an entry carries: an enveloped VC-JWT's payload, or the entry itself. */
export function credentialOf(entry) {
  const prefix = 'data:application/vc+jwt,';
  if (typeof entry.id === 'string' && entry.id.startsWith(prefix)) {
    const payload = entry.id.slice(prefix.length).split('.')[1];
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  }
  return entry;
}

/**
 * The verdict each credential must get at `now` (ms): the tampered one is not verified; one whose
 * `validUntil` has passed is expired; every other is signed, current and verified.
 */
export function verdictOf(credential, now) {
  if (credential.id === TAMPERED_ID) return 'not_verified';
  if (credential.validUntil && Date.parse(credential.validUntil) < now) return 'expired';
  return 'verified';
}

/** Credits as the portfolio writes them: at most two decimals, the language's separator. */
export function formatCredits(value, lang) {
  const text = String(Number(value.toFixed(2)));
  return ['de', 'fr', 'es', 'pt'].includes(lang) ? text.replace('.', ',') : text;
}

/**
 * The expected portfolio of `file` at `now`: `{ verdicts, counts, groups }`. Counts: total,
 * verified, expired, not verified, and issuers (of authentic credentials only). Groups, in order:
 * one per alignment target (framework + code, else name) in order of first appearance, those of one
 * framework side by side (frameworks in order of first appearance), then per
 * achievementType of credentials with no alignment, then per issuer of those with neither, then
 * the not-verified group; each with its members' names and the credits (creditsEarned, else
 * creditsAvailable) of its *verified* members, or undefined when none has any.
 */
export function expected(file, now = Date.now()) {
  const credentials = entries(file).map(credentialOf);
  const verdicts = credentials.map((c) => verdictOf(c, now));
  const authentic = (i) => verdicts[i] !== 'not_verified';
  const issuers = new Set(credentials.filter((_, i) => authentic(i)).map((c) => c.issuer.id));
  const counts = {
    total: credentials.length,
    verified: verdicts.filter((v) => v === 'verified').length,
    expired: verdicts.filter((v) => v === 'expired').length,
    not_verified: verdicts.filter((v) => v === 'not_verified').length,
    issuers: issuers.size,
  };
  const aligned = new Map();
  const typed = new Map();
  const byIssuer = new Map();
  const add = (map, key, group, i) => {
    if (!map.has(key)) map.set(key, { ...group, names: [], credits: undefined });
    const entry = map.get(key);
    if (entry.names.includes(credentials[i].name)) return;
    entry.names.push(credentials[i].name);
    const subject = credentials[i].credentialSubject;
    const credits = subject.creditsEarned ?? subject.achievement.creditsAvailable;
    if (verdicts[i] === 'verified' && credits !== undefined) entry.credits = (entry.credits ?? 0) + credits;
  };
  const notVerified = [];
  credentials.forEach((credential, i) => {
    if (!authentic(i)) { notVerified.push(credential.name); return; }
    const achievement = credential.credentialSubject.achievement;
    const alignments = achievement.alignment ?? [];
    if (alignments.length > 0) {
      for (const a of alignments) {
        add(aligned, `${a.targetFramework}\u001f${a.targetCode ?? a.targetName}`,
          { kind: 'alignment', heading: a.targetName, framework: a.targetFramework, code: a.targetCode, url: a.targetUrl }, i);
      }
    } else if (achievement.achievementType) {
      add(typed, achievement.achievementType, { kind: 'type', heading: achievement.achievementType }, i);
    } else {
      add(byIssuer, credential.issuer.id, { kind: 'issuer', heading: credential.issuer.name }, i);
    }
  });
  // Alignment targets of one framework side by side, frameworks in the order they first appear.
  const frameworks = [...new Set([...aligned.values()].map((g) => g.framework))];
  const targets = [...aligned.values()].sort((a, b) => frameworks.indexOf(a.framework) - frameworks.indexOf(b.framework));
  const groups = [...targets, ...typed.values(), ...byIssuer.values()];
  if (notVerified.length > 0) groups.push({ kind: 'not_verified', names: notVerified, credits: undefined });
  return { credentials, verdicts, counts, groups };
}
