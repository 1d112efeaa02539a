// Writes the seed corpora of the fuzz targets (fuzz/fuzz_targets/) into OUT/<target>/, from the
// test vectors (../shared/vectors, or $BADGE_VERIFIER_VECTORS) and tests/fixtures, read at run
// time: nothing here is committed. Each seed is named by the SHA-1 of its bytes (as libFuzzer
// names its own), so the same input is written once. Usage: node scripts/fuzz-seeds.mjs OUT
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';

const out = process.argv[2];
if (!out) throw new Error('usage: node scripts/fuzz-seeds.mjs OUT');
const root = new URL('../', import.meta.url).pathname;
const vectors = process.env.BADGE_VERIFIER_VECTORS ?? join(root, '../shared/vectors');
const fixtures = join(root, 'tests/fixtures');
const MAX_SEED = 1024 * 1024; // the default input cap: a larger seed is refused at once

const seeds = new Map(); // target → Map(name → bytes)
function seed(target, bytes) {
  const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  if (data.length === 0 || data.length > MAX_SEED) return;
  if (!seeds.has(target)) seeds.set(target, new Map());
  seeds.get(target).set(createHash('sha1').update(data).digest('hex'), data);
}

function* files(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile() && statSync(path).size <= MAX_SEED) yield path;
  }
}

const JWS = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+/g;
const ENCODED_LIST = /"encodedList"\s*:\s*"([^"]+)"/g;

/// A status_list seed: its 4-byte header (see fuzz_targets/status_list.rs), then the GZIP bytes.
function statusSeeds(encoded) {
  const bitstring = encoded.startsWith('u');
  const gzip = bitstring ? Buffer.from(encoded.slice(1), 'base64url') : Buffer.from(encoded, 'base64');
  if (gzip[0] !== 0x1f || gzip[1] !== 0x8b) return;
  for (const [purpose, index] of [[0, 3], [1, 0], [2, 7]]) {
    seed('status_list', Buffer.concat([Buffer.from([(bitstring ? 0 : 1) | (purpose << 4), index, 0, 0]), gzip]));
  }
}

for (const path of [...files(vectors), ...files(fixtures)]) {
  const bytes = readFileSync(path);
  const ext = extname(path);
  const text = bytes.toString('latin1');
  if (ext === '.nq') {
    seed('rdfc', bytes);
    continue;
  }
  if (ext === '.md' || ext === '.js' || ext === '.ttl' || ext === '.pem' || ext === '.hex') continue;
  seed('input', bytes);
  seed('verify', bytes);
  if (ext === '.png') seed('baked_png', bytes);
  if (ext === '.svg') seed('baked_svg', bytes);
  if (ext === '.jwt') seed('jwt', bytes.toString('utf8').trim());
  if (ext === '.json' || ext === '.jsonld') seed('jsonld', bytes);
  for (const [token] of text.matchAll(JWS)) seed('jwt', token);
  for (const [, encoded] of text.matchAll(ENCODED_LIST)) statusSeeds(encoded);
}

// The verification loop's answers (fuzz_targets/documents.rs): chunk 0 a context to register
// (empty: none), then the answers to the revoked badge's needs, in order.
const network = (name) => readFileSync(join(fixtures, 'network', name));
const context = (file) => readFileSync(join(root, 'src/contexts', file));
const NUL = Buffer.from([0]);
const documents = (...chunks) => seed('documents', Buffer.concat(chunks.flatMap((c, i) => (i ? [NUL, c] : [c]))));
const did = network('did.json');
documents(Buffer.alloc(0), did, network('status/revocation.json'));
documents(Buffer.alloc(0), did, network('status/suspension.json'));
documents(Buffer.alloc(0), did, network('status/revocation-tampered.json'));
documents(Buffer.alloc(0), did, network('status/revocation-expired.json'));
documents(Buffer.alloc(0), did, network('status/revocation-other-issuer.json'));
documents(Buffer.alloc(0), did, Buffer.alloc(0));
documents(Buffer.concat([Buffer.from([0]), context('credentials-v2.json')]), did, network('status/revocation.json'));
documents(Buffer.concat([Buffer.from([1]), context('ob-v3p0-context-3.0.3.json')]), did, network('status/revocation.json'));

rmSync(out, { recursive: true, force: true });
for (const [target, byName] of [...seeds].sort()) {
  mkdirSync(join(out, target), { recursive: true });
  for (const [name, data] of byName) writeFileSync(join(out, target, name), data);
  console.log(`${target}: ${byName.size} seeds`);
}
