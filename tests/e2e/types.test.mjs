// The npm package's TypeScript declarations (pkg/npm/*.d.ts) against what the code really does:
// every report the wasm gives for the project's own fixtures (each kind of input and verdict) is
// written into a .ts file as an object literal typed `Report`, and `tsc --strict` compiles it. A
// field the declarations lack (an excess property), a value outside a declared union (a check id,
// a verdict) or a wrong type fails the test; so does a consumer snippet using the element and
// option types. Needs www/pkg (scripts/build-wasm) and the `typescript` dev dependency.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, NOW } from './browser.mjs';

const { verify } = await import(join(root, 'www/verify.js'));
const tsc = join(root, 'node_modules/typescript/bin/tsc');

/** Every fixture the project signs, as input for `verify`, with its file name. */
function fixtures() {
  const inputs = [];
  for (const dir of ['valid', 'invalid', 'jwt', 'baked', 'vp-jwt', 'endorsements', 'portfolio', 'portfolio-element']) {
    const path = join(root, 'tests/fixtures', dir);
    if (!existsSync(path)) continue;
    for (const name of readdirSync(path).sort().filter((n) => /\.(json|jwt|png|svg)$/.test(n))) {
      const bytes = readFileSync(join(path, name));
      inputs.push([`${dir}/${name}`, /\.(png|svg)$/.test(name) ? new Uint8Array(bytes) : bytes.toString('utf8')]);
    }
  }
  return inputs;
}

/** Compiles `files` (name → TypeScript text) beside copies of the package's declarations. */
function compile(files) {
  const dir = mkdtempSync(join(tmpdir(), 'bv-types-'));
  try {
    for (const name of readdirSync(join(root, 'pkg/npm')).filter((n) => n.endsWith('.d.ts'))) {
      copyFileSync(join(root, 'pkg/npm', name), join(dir, name));
    }
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    execFileSync(process.execPath, [tsc, '--noEmit', '--strict', '--exactOptionalPropertyTypes', '--target', 'es2022',
      '--module', 'nodenext', '--moduleResolution', 'nodenext', '--lib', 'es2022,dom', ...Object.keys(files)],
    { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (error) {
    return `${error.stdout ?? ''}${error.stderr ?? ''}` || String(error);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('every report of the own fixtures is a `Report` as verify.d.ts declares it', async () => {
  const reports = [];
  for (const [name, input] of fixtures()) {
    reports.push(`  // ${name}\n  ${JSON.stringify(await verify(input, { offline: true, now: NOW }))},`);
  }
  assert.ok(reports.length >= 40, `only ${reports.length} fixtures`);
  const text = `import type { Report } from './verify.js';\nexport const reports: Report[] = [\n${reports.join('\n')}\n];\n`;
  assert.equal(compile({ 'reports.ts': text }), '');
});

test('a consumer of the element and verify types compiles', () => {
  const text = `import { verify, type Report, type VerifyOptions } from './verify.js';
import { define, type BadgeVerifierElement } from './badge-verifier-element.js';
import { define as definePortfolio } from './badge-portfolio-element.js';
const options: VerifyOptions = { offline: true, now: '${NOW}', trustedIssuers: ['did:web:example.org'], recipient: 'a@example.org' };
export async function check(text: string): Promise<string> {
  const report: Report = await verify(text, options);
  return report.checks.map((c) => c.id + c.outcome).join() + report.verdict;
}
const Element: typeof BadgeVerifierElement = define('my-badge');
const badge = document.createElement('badge-verifier');
badge.addEventListener('badge-checked', (event) => console.log(event.detail.verdict, Element));
export const verdict: string | null = badge.verdict;
definePortfolio('my-portfolio');
const portfolio = document.createElement('badge-portfolio');
portfolio.credentials = ['https://example.org/a.json', { type: ['VerifiableCredential'] }];
portfolio.addEventListener('portfolio-checked', (event) => {
  const members = event.detail.members;
  console.log(members?.summary, members?.reports.map((r) => r.badge?.achievement?.alignments?.[0]?.targetCode));
});
portfolio.addEventListener('portfolio-error', (event) => console.log(event.detail.code));
`;
  assert.equal(compile({ 'consumer.ts': text }), '');
});

test('a declaration that does not match fails to compile (the check can fail)', () => {
  const text = `import type { Report } from './verify.js';\nexport const r: Report = { verdict: 'verified', checks: [], notAField: 1 };\n`;
  assert.match(compile({ 'wrong.ts': text }), /notAField/);
});
