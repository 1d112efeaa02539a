// Builds the single-file offline verifier: www/pkg/badge-verifier-offline.html, one HTML file with
// the loader, the element, its styles, the page's script, the full wasm module (base64) and every
// catalogue inlined. Opened from disk (file://) with no network it verifies dropped, chosen or
// pasted credentials and makes no request at all. Needs scripts/build-wasm first (www/pkg/full/).
// Usage: node scripts/build-offline.mjs   (prints the file's path, size and SHA-384)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const www = join(root, 'www');
const out = join(www, 'pkg/badge-verifier-offline.html');
if (!existsSync(join(www, 'pkg/full/badge_verifier_bg.wasm'))) {
  console.error('build-offline: www/pkg/full/ is missing: run scripts/build-wasm first');
  process.exit(1);
}

const languages = ['de', 'fr', 'es', 'pt', 'ar'];
// The entry: the module, its glue and the catalogues go where the loader looks for an embedded
// build, then the page's script (and through it the loader) runs.
const entry = `
import * as glue from './pkg/full/badge_verifier.js';
import wasm from './pkg/full/badge_verifier_bg.wasm';
${languages.map((tag) => `import ${tag} from './pkg/i18n/${tag}.json';`).join('\n')}
globalThis.badgeVerifierEmbedded = { glue, wasm, catalogues: { ${languages.map((tag) => `${tag}: JSON.stringify(${tag})`).join(', ')} } };
await import('./offline/offline.js');
`;
const result = await build({
  stdin: { contents: entry, resolveDir: www, sourcefile: 'offline-entry.js', loader: 'js' },
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  write: false,
  loader: { '.wasm': 'binary' },
  logLevel: 'error',
  legalComments: 'none',
});
const script = result.outputFiles[0].text;
if (/<\/script/i.test(script)) throw new Error('the bundle contains </script: it cannot be inlined');
const css = readFileSync(join(www, 'offline/offline.css'), 'utf8');
const html = readFileSync(join(www, 'offline/index.html'), 'utf8')
  .replace('<!--STYLE-->', () => `<style>\n${css}</style>`)
  .replace('<!--SCRIPT-->', () => `<script type="module">${script}</script>`);
writeFileSync(out, html);
const sha = createHash('sha384').update(html).digest('base64');
console.log(`single-file offline verifier: ${out.replace(root, '')} (${html.length} bytes, sha384-${sha})`);
