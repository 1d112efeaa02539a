// The demo page's own wiring: language and theme switches, and the HR panel (paste, choose or
// drop a file → the result element's `credential` property). It never builds markup from
// credential data: the element renders everything. `?lang=ar&theme=dark` preset the switches.
const badges = () => [...document.querySelectorAll('badge-verifier')];
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
  result.credential = input;
}
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

// body[data-ready] once every profile badge has a verdict (tests and screenshots wait for it).
const profile = [...document.querySelectorAll('#badges badge-verifier')];
const settled = () => profile.every((b) => b.hasAttribute('data-verdict'));
document.getElementById('badges').addEventListener('badge-verified', () => { if (settled()) document.body.dataset.ready = 'true'; });
document.getElementById('badges').addEventListener('badge-error', () => { if (settled()) document.body.dataset.ready = 'true'; });
