// The npm package (issue 12 item 2): scripts/build-npm assembles and packs it; the tarball
// installs into a fresh scratch project (npm install from the .tgz, offline) where, in Node,
// `import { verify } from 'badge-verifier'` verifies a fixture and a tampered one, and, in
// Chromium, a page that imports the element from the installed package (through the package's
// `exports`, mapped by an import map) shows a verified card. Needs www/pkg (scripts/build-wasm).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, relative } from 'node:path';
import { start, newPage, root, NOW } from './browser.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'bv-npm-'));
const project = join(scratch, 'project');
let env;
let tarball;

const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm' };

/** Serves the scratch project under /scratch/ (beside the test server's own www/). */
function serveProject(request, response) {
  const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
  if (!path.startsWith('/scratch/')) return false;
  const file = normalize(join(project, path.slice('/scratch/'.length)));
  if (!file.startsWith(project) || !existsSync(file)) { response.writeHead(404).end(); return true; }
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  response.end(readFileSync(file));
  return true;
}

before(async () => {
  tarball = execFileSync(join(root, 'scripts/build-npm'), [join(scratch, 'package')], { encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--cache', join(scratch, 'cache'), tarball],
    { cwd: project, stdio: 'pipe' });
  env = await start(serveProject);
});
after(async () => {
  await env?.close();
  rmSync(scratch, { recursive: true, force: true });
});

test('the tarball holds the package, its types and both wasm modules, and no demo files', () => {
  const listed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
  for (const file of ['package.json', 'README.md', 'verify.js', 'verify.d.ts', 'badge-verifier-element.d.ts', 'badge-portfolio-element.d.ts', 'badge-verifier.d.ts',
    'badge-portfolio-element.js',
    'badge-verifier.js', 'badge-verifier-element.js', 'pkg/badge_verifier_bg.wasm', 'pkg/full/badge_verifier_bg.wasm', 'pkg/i18n/de.json']) {
    assert.ok(listed.includes(file), file);
  }
  assert.ok(!listed.some((f) => f.startsWith('pkg/badges/') || f.endsWith('.html')), 'no demo badges or pages');
  const manifest = JSON.parse(readFileSync(join(project, 'node_modules/badge-verifier/package.json'), 'utf8'));
  const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8').match(/^version = "(.*)"$/m)[1];
  assert.equal(manifest.version, cargo);
  assert.deepEqual(Object.keys(manifest.exports), ['.', './element', './portfolio', './badge-verifier.js', './package.json']);
});

test('in Node, the installed package verifies a credential and rejects a tampered one', () => {
  copyFileSync(join(root, 'tests/fixtures/valid/open-badge-3.json'), join(project, 'valid.json'));
  copyFileSync(join(root, 'tests/fixtures/invalid/signature_mismatch--name-changed-after-signing.json'), join(project, 'tampered.json'));
  writeFileSync(join(project, 'check.mjs'), `
    import { readFile } from 'node:fs/promises';
    import { verify } from 'badge-verifier';
    const verdicts = [];
    for (const file of ['valid.json', 'tampered.json']) {
      verdicts.push((await verify(await readFile(file, 'utf8'), { now: '${NOW}', offline: true })).verdict);
    }
    const element = await import('badge-verifier/element'); // imports without a DOM, defines nothing
    console.log(JSON.stringify({ verdicts, define: typeof element.define }));`);
  const out = JSON.parse(execFileSync(process.execPath, ['check.mjs'], { cwd: project, encoding: 'utf8' }));
  assert.deepEqual(out, { verdicts: ['verified', 'not_verified'], define: 'function' });
});

test('in Chromium, a page that imports the element from the installed package shows a verified card', async () => {
  // Where the package's `exports` send each import, resolved by Node in the scratch project.
  const resolve = (specifier) => execFileSync(process.execPath, ['--input-type=module', '-e',
    `console.log(new URL(import.meta.resolve(${JSON.stringify(specifier)})).pathname)`], { cwd: project, encoding: 'utf8' }).trim();
  const imports = Object.fromEntries(['badge-verifier', 'badge-verifier/element'].map((s) => [s, `/scratch/${relative(project, resolve(s))}`]));
  assert.equal(imports['badge-verifier/element'], '/scratch/node_modules/badge-verifier/badge-verifier-element.js');
  writeFileSync(join(project, 'page.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>scratch</title>
    <link rel="icon" href="data:,"><script type="importmap">${JSON.stringify({ imports })}</script>
    <script type="module">
      import { define } from 'badge-verifier/element';
      import { verify } from 'badge-verifier';
      define();
      const element = document.createElement('badge-verifier');
      element.options = { now: '${NOW}' };
      element.setAttribute('src', 'valid.json');
      document.body.append(element);
      window.verdictInPage = verify(await (await fetch('tampered.json')).text(), { now: '${NOW}' }).then((r) => r.verdict);
    </script></head><body></body></html>`);
  const page = await newPage(env.context);
  await page.goto(`${env.base}/scratch/page.html`);
  await page.waitForFunction(() => document.querySelector('badge-verifier')?.hasAttribute('data-verdict'), null, { timeout: 30_000 });
  const card = await page.$eval('badge-verifier', (el) => ({
    verdict: el.verdict, headline: el.shadowRoot.querySelector('.headline')?.textContent, title: el.shadowRoot.querySelector('[part="title"]')?.textContent,
  }));
  assert.deepEqual(card, { verdict: 'verified', headline: 'Verified', title: 'Rust Verifier Builder' });
  assert.equal(await page.evaluate(() => window.verdictInPage), 'not_verified');
  assert.deepEqual(page.problems, []);
  await page.close();
});
