// Shared set-up for the browser tests: the static server for www/, Debian's headless Chromium
// through playwright-core (no browser download), synthetic pages served under the same origin,
// and helpers that read inside the element's shadow root.
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

export const root = new URL('../../', import.meta.url).pathname;
export const artifacts = join(root, 'artifacts');
mkdirSync(artifacts, { recursive: true });

export const NOW = '2026-06-01T00:00:00Z';

/**
 * Starts the server and the browser; returns { base, context, close }. `extra` answers some
 * requests before the static files (see scripts/serve.mjs).
 */
export async function start(extra) {
  const server = await serve(0, {}, extra);
  const base = `http://127.0.0.1:${server.address().port}`;
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'bv-chromium-')), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { base, context, close: async () => { await context.close(); server.closeAllConnections(); server.close(); } };
}

/** A new page that records page errors and console errors in `problems`. */
export async function newPage(context) {
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(m.text()); });
  return page;
}

/** Serves `html` at `${base}${path}` for this page (optionally with response headers), and opens it. */
export async function openHtml(page, base, path, html, headers = {}) {
  await page.route(`${base}${path}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers, body: html }));
  await page.goto(`${base}${path}`);
}

/** A page body with the loader and `body` inside. */
export const htmlPage = (body, lang = 'en') => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<title>test</title><link rel="icon" href="data:,"><script type="module" src="/badge-verifier.js"></script></head><body>${body}</body></html>`;

/** Waits until every <badge-verifier> on the page has a verdict. */
export async function settled(page, count) {
  await page.waitForFunction((n) => {
    const all = [...document.querySelectorAll('badge-verifier')];
    return all.length >= n && all.every((b) => b.hasAttribute('data-verdict'));
  }, count ?? 1, { timeout: 30_000 });
}

/** What an element shows: verdict, status line, title, trust, check outcomes, all text. */
export function shown(page, selector) {
  return page.$eval(selector, (el) => {
    const r = el.shadowRoot;
    const q = (s) => r.querySelector(s);
    return {
      verdict: el.dataset.verdict,
      status: q('[part="status"] .headline')?.textContent,
      title: q('[part="title"]')?.textContent,
      trust: q('.card')?.dataset.trust,
      dir: q('.card')?.getAttribute('dir'),
      lang: q('.card')?.getAttribute('lang'),
      outcomes: [...r.querySelectorAll('.checks li')].map((li) => li.dataset.outcome),
      text: q('.card')?.textContent ?? '',
      live: q('[aria-live]')?.textContent,
    };
  });
}

/** Runs axe-core (npm, pinned) on the page, shadow roots included; returns its violations. */
export async function axe(page) {
  const source = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
  // Through the DevTools protocol, so a page's CSP does not block the tool itself.
  await page.evaluate(`${source}\n;void 0`);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5), help: v.help }));
  });
}
