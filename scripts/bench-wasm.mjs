// Wasm benchmark in Node: µs per verify() of the same fixture as the native bench, through the
// real JS API (input string in, report object out). Needs scripts/build-wasm first.
import { readFileSync } from 'node:fs';
import { initSync, verify } from '../www/pkg/badge_verifier.js';

const root = new URL('../', import.meta.url);
initSync({ module: readFileSync(new URL('www/pkg/badge_verifier_bg.wasm', root)) });
const badge = readFileSync(new URL('tests/fixtures/valid/open-badge-3.json', root), 'utf8');
const options = { now: '2026-06-01T00:00:00Z' };
if (verify(badge, options).verdict !== 'verified') throw new Error('fixture does not verify');

function measure(perBatch, batches, f) {
  for (let i = 0; i < perBatch; i++) f();
  const samples = [];
  for (let b = 0; b < batches; b++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < perBatch; i++) f();
    samples.push(Number(process.hrtime.bigint() - start) / 1e3 / perBatch);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

const full = measure(200, 15, () => verify(badge, options));
console.log(`wasm in Node ${process.version}, median of 15 batches`);
console.log('| what | µs per call |');
console.log('| --- | ---: |');
console.log(`| eddsa-jcs-2022 OB 3.0 verify() via the JS API (${badge.length} bytes) | ${full.toFixed(1)} |`);
