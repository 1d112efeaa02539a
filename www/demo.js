// The demo page: verifies the demo badges and pasted or chosen files with verify(), and shows each
// result with text nodes only (credential text is untrusted; never innerHTML).
import { verify } from './badge-verifier.js';

const SYMBOL = { passed: '✓', failed: '✗', warning: '!', unchecked: '?', not_applicable: '–' };

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

function text(value) {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  const lang = document.documentElement.lang || 'en';
  const match = value.find((v) => v['@language'] === lang) ?? value[0];
  return match?.['@value'] ?? '';
}

export function card(report, label) {
  const badge = report.badge ?? {};
  const verified = report.verdict === 'verified' || report.verdict === 'verified_with_warnings';
  const node = el('article', { class: 'card', 'data-verdict': report.verdict });
  if (badge.image?.url) node.append(el('img', { src: badge.image.url, alt: text(badge.image.caption) || 'Badge image' }));
  node.append(el('span', { class: 'verdict', 'data-verdict': report.verdict }, report.verdict.replaceAll('_', ' ')));
  const body = el('div', verified ? {} : { class: 'unverified' });
  body.append(el('h3', {}, text(badge.achievement?.name) || text(badge.name) || 'Untitled credential'));
  if (badge.issuer) body.append(el('p', {}, `Issued by ${text(badge.issuer.name) || badge.issuer.id}`));
  if (badge.recipientName) body.append(el('p', {}, `To ${text(badge.recipientName)}`));
  if (!verified) body.append(el('p', {}, 'The content below the verdict is not verified.'));
  node.append(body);
  const checks = el('ul', { class: 'checks' });
  for (const check of report.checks) {
    checks.append(el('li', { 'data-outcome': check.outcome, 'data-code': check.code }, `${SYMBOL[check.outcome] ?? ''} ${check.id}: ${check.message}`));
  }
  node.append(checks);
  if (label) node.append(el('p', { class: 'file' }, label));
  return node;
}

function errorCard(error, label) {
  return el('article', { class: 'card', 'data-verdict': 'error', 'data-code': error.code ?? 'error' },
    el('span', { class: 'verdict', 'data-verdict': 'error' }, 'error'), el('p', {}, `${error.code ?? 'error'}: ${error.message}`),
    label ? el('p', { class: 'file' }, label) : '');
}

async function show(target, input, label) {
  try {
    target.replaceChildren(card(await verify(input, { offline: true }), label));
  } catch (error) {
    target.replaceChildren(errorCard(error, label));
  }
}

async function main() {
  const grid = document.getElementById('badges');
  try {
    const names = await (await fetch('pkg/badges/index.json')).json();
    const slots = names.map((name) => el('div', { 'data-file': name }));
    grid.replaceChildren(...slots);
    await Promise.all(names.map(async (name, i) => show(slots[i], await (await fetch(`pkg/badges/${name}`)).text(), name)));
  } catch (error) {
    grid.replaceChildren(errorCard(error));
  }
  grid.setAttribute('aria-busy', 'false');

  const result = document.getElementById('result');
  document.getElementById('check').addEventListener('click', () => show(result, document.getElementById('paste').value));
  document.getElementById('file').addEventListener('change', async (event) => {
    const file = event.target.files?.[0];
    if (file) await show(result, new Uint8Array(await file.arrayBuffer()), file.name);
  });
  document.body.dataset.ready = 'true';
}

main();
