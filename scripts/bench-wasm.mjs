// Wasm benchmark in Node: µs per verify() through the real JS API for each benchmark credential,
// beside the JavaScript reference stack (@digitalbazaar/vc + eddsa-rdfc-2022-cryptosuite, offline)
// verifying the same files in the same run, and beside one bare Ed25519 verify in the same wasm.
// Needs scripts/build-wasm first. Figures, not pass/fail.
import { readFileSync } from 'node:fs';
import { initSync, verify, ed25519Verify } from '../www/pkg/badge_verifier.js';
import { referenceVerifier } from './js-reference.mjs';

const root = new URL('../', import.meta.url);
initSync({ module: readFileSync(new URL('www/pkg/badge_verifier_bg.wasm', root)) });
const options = { now: '2026-06-01T00:00:00Z' };
const fixtures = [
  ['eddsa-rdfc-2022, rich OB 3.0', 'tests/fixtures/valid/open-badge-3-rich-eddsa-rdfc-2022.json', true],
  ['eddsa-rdfc-2022, minimal VC 2.0', 'tests/fixtures/valid/vc-2.0-minimal-eddsa-rdfc-2022.json', true],
  ['Ed25519Signature2020, VC 1.1', 'tests/fixtures/valid/vc-1.1-ed25519-signature-2020.json', false],
  ['eddsa-jcs-2022, OB 3.0', 'tests/fixtures/valid/open-badge-3.json', false],
];

/** Median µs per call over `batches` batches (the minimum is kept in `measure.min`). */
async function measure(perBatch, batches, f) {
  for (let i = 0; i < perBatch; i++) await f();
  const samples = [];
  for (let b = 0; b < batches; b++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < perBatch; i++) await f();
    samples.push(Number(process.hrtime.bigint() - start) / 1e3 / perBatch);
  }
  samples.sort((a, b) => a - b);
  measure.min = samples[0];
  return samples[Math.floor(samples.length / 2)];
}

// One bare Ed25519 verify_strict in the same wasm (a 64-byte message, like every suite's).
const vector = JSON.parse(readFileSync(new URL('tests/fixtures/valid/vc-2.0-minimal-eddsa-rdfc-2022.json', root), 'utf8'));
const { createPrivateKey, sign } = await import('node:crypto');
const seed = Buffer.alloc(32, 7);
const key = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' });
const publicKey = Buffer.from(key.export({ format: 'jwk' }).x, 'base64url');
const message = Buffer.alloc(64, 42);
const signature = sign(null, message, key);
if (!ed25519Verify(publicKey, message, signature)) throw new Error('bare Ed25519 verify failed');
const ed25519 = await measure(200, 15, () => ed25519Verify(publicKey, message, signature));

// Every wasm figure first, then the JS reference: its garbage would otherwise land in ours.
const rows = [];
for (const [name, file, withReference] of fixtures) {
  const text = readFileSync(new URL(file, root), 'utf8');
  const report = verify(text, options);
  if (report.verdict !== 'verified') throw new Error(`${file}: ${report.verdict}`);
  const wasm = await measure(50, 21, () => verify(text, options));
  rows.push({ name, text, withReference, wasm, wasmMin: measure.min });
}
const ed25519Again = await measure(200, 21, () => ed25519Verify(publicKey, message, signature));
const reference = referenceVerifier();
for (const row of rows) {
  row.js = NaN;
  if (!row.withReference) continue;
  const credential = JSON.parse(row.text);
  const result = await reference(credential);
  if (!result.verified) throw new Error(`JS reference does not verify ${row.name}: ${JSON.stringify(result.error ?? result.results?.[0]?.error)}`);
  row.js = await measure(5, 11, () => reference(credential));
}
const base = Math.min(ed25519, ed25519Again);
const fmt = (x) => (Number.isNaN(x) ? '–' : x.toFixed(0));
console.log(`wasm in Node ${process.version} vs the JS reference stack (µs per verify; median of 21 batches, min in brackets)`);
console.log('| credential | bytes | wasm | JS reference | JS / wasm | wasm / one Ed25519 |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const { name, text, wasm, wasmMin, js } of rows) {
  const ratio = Number.isNaN(js) ? '–' : `${(js / wasm).toFixed(1)}×`;
  console.log(`| ${name} | ${text.length} | ${fmt(wasm)} (${fmt(wasmMin)}) | ${fmt(js)} | ${ratio} | ${(wasm / base).toFixed(2)}× |`);
}
console.log(`| one bare Ed25519 verify_strict (wasm) | 64 | ${fmt(base)} | | | 1.00× |`);

// Status: the same did:web badge (tests/fixtures/network/revoked.json) with its DID document given,
// once without its status list (status unchecked: no list verified) and once with it (the list
// credential verified, inflated and read: revoked). The difference is what a status check costs.
const network = (path) => readFileSync(new URL(`tests/fixtures/network/${path}`, root), 'utf8');
const revoked = network('revoked.json');
const didOnly = { 'did:web:issuer.badge-verifier.test': network('did.json') };
const withList = { ...didOnly, 'https://issuer.badge-verifier.test/status/revocation': network('status/revocation.json') };
const expect = (documents, verdict) => {
  const got = verify(revoked, { ...options, documents }).verdict;
  if (got !== verdict) throw new Error(`status benchmark: ${got}, expected ${verdict}`);
};
expect(didOnly, 'verified_with_warnings');
expect(withList, 'revoked');
const withoutStatus = await measure(50, 21, () => verify(revoked, { ...options, documents: didOnly }));
const withoutMin = measure.min;
const withStatus = await measure(50, 21, () => verify(revoked, { ...options, documents: withList }));
console.log('\nstatus check in wasm (did:web badge, eddsa-rdfc-2022; a 131,072-entry Bitstring Status List, signed)');
console.log('| verify | µs (min) | × one Ed25519 |');
console.log('| --- | ---: | ---: |');
console.log(`| without the list (status unchecked) | ${fmt(withoutStatus)} (${fmt(withoutMin)}) | ${(withoutStatus / base).toFixed(2)}× |`);
console.log(`| with the list (verified, read: revoked) | ${fmt(withStatus)} (${fmt(measure.min)}) | ${(withStatus / base).toFixed(2)}× |`);

// The budget issue's speed goals, beside the figures of this run.
const rich = rows[0];
console.log('\nspeed goals (rich OB 3.0 eddsa-rdfc-2022, wasm in Node, this run)');
console.log('| figure | this run | goal |');
console.log('| --- | ---: | ---: |');
console.log(`| wasm ÷ one Ed25519 verify | ${(rich.wasm / base).toFixed(2)}× | ≤ 3× |`);
console.log(`| JS reference ÷ wasm | ${(rich.js / rich.wasm).toFixed(1)}× | ≥ 20× |`);

// ECDSA suites: in the full module only (the page's core answers not_in_this_build and the loader
// hands such a badge over), so measured there, beside the same full module's eddsa-jcs-2022.
const full = await import('../www/pkg/full/badge_verifier.js');
full.initSync({ module: readFileSync(new URL('www/pkg/full/badge_verifier_bg.wasm', root)) });
console.log('\nECDSA in the full module (wasm in Node; µs per verify, median of 21 batches, min in brackets)');
console.log('| credential | bytes | wasm (full module) | × one Ed25519 |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, file] of [
  ['eddsa-jcs-2022, OB 3.0 (same module, for scale)', 'tests/fixtures/valid/open-badge-3.json'],
  ['ecdsa-rdfc-2019 P-256, rich OB 3.0', 'tests/fixtures/valid/open-badge-3-rich-ecdsa-rdfc-2019-p256.json'],
  ['ecdsa-rdfc-2019 P-384, minimal VC 2.0', 'tests/fixtures/valid/vc-2.0-minimal-ecdsa-rdfc-2019-p384.json'],
  ['ecdsa-jcs-2019 P-256, minimal VC 2.0', 'tests/fixtures/valid/vc-2.0-minimal-ecdsa-jcs-2019-p256.json'],
  ['ecdsa-jcs-2019 P-384, OB 3.0', 'tests/fixtures/valid/open-badge-3-ecdsa-jcs-2019-p384.json'],
  ['ecdsa-sd-2023 derived, OB 3.0 (3 parts disclosed)', 'tests/fixtures/valid/open-badge-3-ecdsa-sd-2023-derived.json'],
]) {
  const text = readFileSync(new URL(file, root), 'utf8');
  const got = full.verify(text, options).verdict;
  if (got !== 'verified') throw new Error(`${file}: ${got}`);
  const time = await measure(10, 21, () => full.verify(text, options));
  console.log(`| ${name} | ${text.length} | ${fmt(time)} (${fmt(measure.min)}) | ${(time / base).toFixed(2)}× |`);
}

// VC-JWT (full module) beside the `jose` npm package verifying the same token's signature with the
// same key in the same run (jose checks the JWS alone; ours also checks the credential inside,
// resolves the did:key and binds it to the issuer, and writes the report).
const jose = await import('jose');
const token = readFileSync(new URL('tests/fixtures/jwt/open-badge-3.jwt', root), 'utf8').trim();
if (full.verify(token, options).verdict !== 'verified') throw new Error('the VC-JWT fixture does not verify');
const { createPublicKey } = await import('node:crypto');
const issuerKey = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), publicKey]), format: 'der', type: 'spki' });
await jose.compactVerify(token, issuerKey);
const ours = await measure(20, 21, () => full.verify(token, options));
const oursMin = measure.min;
const theirs = await measure(20, 21, () => jose.compactVerify(token, issuerKey).then((r) => JSON.parse(new TextDecoder().decode(r.payload))));
console.log('\nVC-JWT (EdDSA, OB 3.0, tests/fixtures/jwt/open-badge-3.jwt; µs per verify)');
console.log('| verifier | µs (min) | |');
console.log('| --- | ---: | --- |');
console.log(`| badge-verifier, full module (the whole verification and report) | ${fmt(ours)} (${fmt(oursMin)}) | ${(ours / base).toFixed(2)}× one Ed25519 in wasm |`);
console.log(`| jose ${JSON.parse(readFileSync(new URL('node_modules/jose/package.json', root), 'utf8')).version} compactVerify + JSON.parse (signature only, Node's native Ed25519) | ${fmt(theirs)} | ${(theirs / ours).toFixed(2)}× ours |`);
