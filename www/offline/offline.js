// The single-file offline verifier's page (built by scripts/build-offline into one HTML file):
// drop, choose or paste credentials; each is shown by a <badge-verifier offline> element with the
// time of its check; a bundle of documents saved earlier (DID documents, status lists) is handed
// to every check as documents the page already has. The page builds no markup from credential or
// document data: the element renders credentials, and document URLs and dates go into text nodes.
import { verify } from '../badge-verifier.js';

/** Accepted bundle: what the online demo's "Save documents for offline use" writes. */
export const BUNDLE_TYPE = 'badge-verifier-documents';

const results = document.getElementById('results');
const empty = document.getElementById('empty');
let documents = {}; // id (URL or DID) → the saved document
let checked = 0;

/** Shows one credential (bytes or text) as a card that makes no request, with the time it was checked. */
function show(input, name) {
  empty.hidden = true;
  const box = document.createElement('div');
  box.className = 'result';
  const label = document.createElement('p');
  label.className = 'name';
  label.textContent = name;
  const when = document.createElement('p');
  when.className = 'when';
  when.textContent = 'Checking…';
  const card = document.createElement('badge-verifier');
  card.setAttribute('offline', '');
  card.setAttribute('layout', 'full');
  card.id = `result-${++checked}`;
  const stamp = () => {
    const now = new Date();
    when.textContent = `Checked ${now.toLocaleString()} (${now.toISOString()}), offline`;
  };
  card.addEventListener('badge-checked', stamp);
  card.addEventListener('badge-error', stamp);
  card.options = { documents };
  card.credential = input;
  box.append(label, when, card);
  results.prepend(box);
}

async function showFiles(files) {
  for (const file of files) show(new Uint8Array(await file.arrayBuffer()), file.name);
}

document.getElementById('files').addEventListener('change', (event) => showFiles([...(event.target.files ?? [])]));
document.getElementById('check').addEventListener('click', () => {
  const text = document.getElementById('paste').value.trim();
  if (text) show(text, 'Pasted credential');
});
const drop = document.getElementById('drop');
drop.addEventListener('dragover', (event) => { event.preventDefault(); drop.dataset.over = ''; });
drop.addEventListener('dragleave', () => delete drop.dataset.over);
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  delete drop.dataset.over;
  showFiles([...(event.dataTransfer?.files ?? [])]);
});

// ---- documents saved earlier --------------------------------------------------------------------

const bundleStatus = document.getElementById('bundle-status');
const bundleList = document.getElementById('bundle-list');

/** Reads a bundle: `{ type, version: 1, savedAt, documents: { id: document } }`. */
export function readBundle(text) {
  const bundle = JSON.parse(text);
  if (bundle?.type !== BUNDLE_TYPE || bundle.version !== 1 || typeof bundle.documents !== 'object' || !bundle.documents) {
    throw new Error('this file is not a bundle of documents saved by badge-verifier');
  }
  return bundle;
}

/** The dates a document carries (a status list credential's validity), for people to judge. */
function dates(doc) {
  const parts = [];
  if (typeof doc?.validFrom === 'string') parts.push(`valid from ${doc.validFrom}`);
  if (typeof doc?.validUntil === 'string') parts.push(`until ${doc.validUntil}`);
  if (typeof doc?.issuanceDate === 'string') parts.push(`issued ${doc.issuanceDate}`);
  return parts.join(', ');
}

document.getElementById('bundle').addEventListener('change', async (event) => {
  const file = event.target.files?.[0];
  if (!file) return;
  bundleList.replaceChildren();
  try {
    const bundle = readBundle(await file.text());
    documents = bundle.documents;
    const ids = Object.keys(documents);
    bundleStatus.textContent = `${ids.length} document${ids.length === 1 ? '' : 's'} saved ${bundle.savedAt ?? '(no date)'}; they are used for the checks below, as they were then.`;
    bundleStatus.classList.remove('problem');
    for (const id of ids) {
      const item = document.createElement('li');
      const when = dates(documents[id]);
      item.textContent = when ? `${id} — ${when}` : id;
      bundleList.append(item);
    }
    // Checks already shown are made again with the documents.
    for (const card of results.querySelectorAll('badge-verifier')) card.options = { documents };
  } catch (cause) {
    bundleStatus.textContent = `Not loaded: ${cause.message}`;
    bundleStatus.classList.add('problem');
  }
});

// For the tests: the same verify() the cards use.
globalThis.badgeVerifierOffline = { verify, readBundle };
