// The demo page's own wiring: language and theme switches, and the HR panel (paste, choose or
// drop a file → the result element's `credential` property). It never builds markup from
// credential data: the element renders everything. `?lang=ar&theme=dark` preset the switches.
const badges = () => [...document.querySelectorAll('badge-verifier, badge-portfolio')];
const langSelect = document.getElementById('lang');
const themeSelect = document.getElementById('theme');

function apply() {
  for (const badge of badges()) {
    badge.setAttribute('lang', langSelect.value);
    badge.setAttribute('theme', themeSelect.value);
  }
  document.documentElement.dataset.theme = themeSelect.value;
}

const params = new URLSearchParams(location.search);
if (params.has('lang')) langSelect.value = params.get('lang');
if (params.has('theme')) themeSelect.value = params.get('theme');
langSelect.addEventListener('change', apply);
themeSelect.addEventListener('change', apply);
apply();

const result = document.getElementById('result');
function check(input) {
  result.hidden = false;
  for (const [id, attribute] of [['recipient', 'recipient'], ['trusted', 'trusted-issuers']]) {
    const value = document.getElementById(id).value.trim();
    if (value) result.setAttribute(attribute, value);
    else result.removeAttribute(attribute);
  }
  result.credential = input;
  lastInput = input;
  document.getElementById('save-row').hidden = false;
}
let lastInput;
document.getElementById('check').addEventListener('click', () => check(document.getElementById('paste').value));
document.getElementById('file').addEventListener('change', async (event) => {
  const file = event.target.files?.[0];
  if (file) check(new Uint8Array(await file.arrayBuffer()));
});
const drop = document.getElementById('drop');
drop.addEventListener('dragover', (event) => { event.preventDefault(); drop.dataset.over = ''; });
drop.addEventListener('dragleave', () => delete drop.dataset.over);
drop.addEventListener('drop', async (event) => {
  event.preventDefault();
  delete drop.dataset.over;
  const file = event.dataTransfer?.files?.[0];
  if (file) check(new Uint8Array(await file.arrayBuffer()));
});

// body[data-ready] once every profile badge, every badge of the other formats (verified by the
// full module, so later) and the learner's stack have a verdict: tests and screenshots wait for it.
const profile = [...document.querySelectorAll('#badges badge-verifier, #format-badges badge-verifier, #portfolio')];
const settled = () => profile.every((b) => b.hasAttribute('data-verdict'));
const whenSettled = () => { if (settled()) document.body.dataset.ready = 'true'; };
for (const id of ['badges', 'format-badges']) {
  for (const type of ['badge-checked', 'badge-error']) document.getElementById(id).addEventListener(type, whenSettled);
}
for (const type of ['portfolio-checked', 'portfolio-error']) document.getElementById('portfolio').addEventListener(type, whenSettled);

// The revocation section: the issuer's DID document and status lists, given to each element as
// documents the page already has (this demo has no network), then the badge's src.
const issuerDocuments = {
  'did:web:issuer.badge-verifier.test': 'pkg/badges/network/did.json',
  'https://issuer.badge-verifier.test/status/revocation': 'pkg/badges/network/status/revocation.json',
  'https://issuer.badge-verifier.test/status/suspension': 'pkg/badges/network/status/suspension.json',
  'https://issuer.badge-verifier.test/status/revocation-tampered': 'pkg/badges/network/status/revocation-tampered.json',
  // The hosted Open Badges 2.0 badge of the other-formats section: its assertion (the hosted copy
  // it is compared with), BadgeClass and issuer Profile, each at its own id.
  'https://issuer.badge-verifier.test/ob2/assertion.json': 'pkg/badges/ob2/assertion.json',
  'https://issuer.badge-verifier.test/ob2/badge.json': 'pkg/badges/ob2/badge.json',
  'https://issuer.badge-verifier.test/ob2/issuer.json': 'pkg/badges/ob2/issuer.json',
};
const documents = Object.fromEntries(await Promise.all(
  Object.entries(issuerDocuments).map(async ([id, path]) => [id, await (await fetch(path)).text()]),
));
// The HR panel has them too (a portal would fetch them; this demo has no network).
result.options = { documents };
for (const badge of document.querySelectorAll('#status-badges badge-verifier, #format-badges badge-verifier[data-demo-src]')) {
  badge.options = { documents };
  badge.setAttribute('src', badge.dataset.demoSrc);
}

// "Save documents for offline use": the documents the last checked credential needs, as a bundle
// the offline verifier loads. A page online would collect what verify() fetched (its
// `onDocument` option); this demo has no network, so it answers each need from the documents it
// holds, round by round as the verification asks (the key first, then the status lists).
document.getElementById('save').addEventListener('click', async () => {
  const { verify } = await import('./badge-verifier.js');
  const saved = {};
  for (let round = 0; round < 8; round += 1) {
    const report = await verify(lastInput, { offline: true, documents: saved });
    const missing = (report.needs ?? []).filter((id) => !(id in saved) && id in documents);
    if (missing.length === 0) break;
    for (const id of missing) saved[id] = JSON.parse(documents[id]);
  }
  const bundle = { type: 'badge-verifier-documents', version: 1, savedAt: new Date().toISOString(), documents: saved };
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/json' }));
  link.download = 'badge-documents.json';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
});
