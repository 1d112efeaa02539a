// The JS reference stack as a browser page (bundled by scripts/bench-widget.mjs with esbuild):
// every `[data-src]` element gets its credential fetched, verified by @digitalbazaar/vc +
// eddsa-rdfc-2022 (contexts bundled, did:key resolved locally, as in js-reference.mjs) and a
// minimal card (name and verdict, text only), one after another, as soon as each is verified.
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as didKey from '@digitalbazaar/did-method-key';
import contexts from 'bundled-contexts';

const didKeyDriver = didKey.driver();
didKeyDriver.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from });
const documentLoader = async (url) => {
  if (url in contexts) return { contextUrl: null, documentUrl: url, document: contexts[url] };
  if (url.startsWith('did:key:')) return { contextUrl: null, documentUrl: url, document: await didKeyDriver.get({ url }) };
  throw new Error(`not available offline: ${url}`);
};
const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });

async function show(element) {
  let verified = false;
  let name = '';
  try {
    const credential = await (await fetch(element.dataset.src)).json();
    name = credential.credentialSubject?.achievement?.name ?? credential.name ?? '';
    const result = await vc.verifyCredential({ credential, suite, documentLoader, checkStatus: async () => ({ verified: true }) });
    verified = result.verified;
  } catch {
    verified = false;
  }
  const title = document.createElement('p');
  title.textContent = String(name);
  const status = document.createElement('p');
  status.textContent = verified ? 'Verified' : 'Not verified';
  element.append(title, status);
  element.dispatchEvent(new CustomEvent('badge-verified', { detail: { verified }, bubbles: true }));
}

for (const element of document.querySelectorAll('[data-src]')) show(element);
