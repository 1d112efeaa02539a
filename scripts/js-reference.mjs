// The JavaScript reference stack (@digitalbazaar/vc + data-integrity + eddsa-rdfc-2022-cryptosuite,
// offline: every context comes from the same bundled set the Rust verifier uses, every did:key is
// resolved locally). Used by the benchmark, and to cross-check the project's RDFC fixtures.
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as didKey from '@digitalbazaar/did-method-key';
import { readFileSync, readdirSync } from 'node:fs';

const root = new URL('../', import.meta.url);

/** Context URL → document, from the bundled table (the files written by scripts/refresh-contexts.mjs). */
export function bundledContexts() {
  const table = readFileSync(new URL('src/contexts/bundled.rs', root), 'utf8');
  const contexts = new Map();
  for (const [, url, file] of table.matchAll(/url: "([^"]+)",[\s\S]*?include_str!\("([^"]+)"\)/g)) {
    if (!contexts.has(url)) contexts.set(url, JSON.parse(readFileSync(new URL(`src/contexts/${file}`, root), 'utf8')));
  }
  return contexts;
}

export function referenceVerifier(extraDocuments = {}) {
  const contexts = bundledContexts();
  const didKeyDriver = didKey.driver();
  didKeyDriver.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from });
  const documentLoader = async (url) => {
    if (contexts.has(url)) return { contextUrl: null, documentUrl: url, document: contexts.get(url) };
    if (url in extraDocuments) return { contextUrl: null, documentUrl: url, document: extraDocuments[url] };
    if (url.startsWith('did:key:')) return { contextUrl: null, documentUrl: url, document: await didKeyDriver.get({ url }) };
    throw new Error(`not available offline: ${url}`);
  };
  const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
  return async (credential) => {
    const result = await vc.verifyCredential({ credential, suite, documentLoader, checkStatus: async () => ({ verified: true }) });
    return result;
  };
}
