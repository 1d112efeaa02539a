// A static file server for www/ on 127.0.0.1 (no dependencies): the demo and the browser tests.
// Usage: node scripts/serve.mjs [port]   (port 0 picks a free one; the URL is printed)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../www/', import.meta.url)));
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png',
};

/**
 * Serves www/ on 127.0.0.1:`port`. `extra(request, response)`, when given, is asked first and
 * returns true for a request it answered (the browser tests' slow and endless responses, which
 * must come from the page's own origin: Chromium refuses a page's fetch to another loopback port).
 */
export function serve(port = 0, headers = {}, extra = undefined) {
  const server = createServer(async (request, response) => {
    if (extra?.(request, response)) return;
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root)) { response.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache', ...headers });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve(Number(process.argv[2] ?? 8787));
  console.log(`badge-verifier demo: http://127.0.0.1:${server.address().port}/  (Ctrl-C to stop)`);
}
