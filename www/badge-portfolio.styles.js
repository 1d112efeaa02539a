// The `<badge-portfolio>` stylesheet, adopted after the card's (badge-verifier.styles.js), whose
// custom properties, themes, card rules and box (`.card, .portfolio`) it reuses. No global CSS,
// nothing fetched. Printed, a portfolio is a compact list: the summary, each group, each
// credential's line with its verdict in words; no disclosure triangles, no full cards.
const sheet = new CSSStyleSheet();
sheet.replaceSync(`
:host { content-visibility: visible; contain-intrinsic-size: none; }
.portfolio { display: grid; gap: 1rem; } /* its box: the card's rule (badge-verifier.styles.js) */
.portfolio.busy { color: var(--badge-muted); }
.summary { display: grid; gap: 0.5rem; }
.tally { font-weight: 600; }
.counts { margin: 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; }
.counts div { display: flex; gap: 0.3rem; }
.counts dt { color: var(--badge-muted); }
.counts dt::after { content: ":"; }
.portfolio:lang(fr) .counts dt::after { content: "\\00a0:"; }
.counts dd { margin: 0; font-weight: 700; }
.group { border-block-start: 1px solid var(--badge-border); padding-block-start: 0.6rem; }
.group-heading { font-size: 1.05rem; margin: 0 0 0.3rem; }
.group-kind { display: block; font-size: 0.8rem; font-weight: 600; color: var(--badge-muted); text-transform: none; }
.group-target { font-weight: 400; color: var(--badge-muted); }
.group[data-group="not_verified"] .group-kind { color: var(--badge-bad); font-size: 0.9rem; }
.credits { color: var(--badge-muted); margin-block-end: 0.3rem !important; }
.items { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.35rem; }
.entry > summary.compact {
  display: flex; align-items: center; gap: 0.5rem; flex-wrap: wrap;
  padding: 0.35rem 0.5rem; border-radius: calc(var(--badge-radius) / 1.5);
  border: 1px solid var(--badge-border); font-weight: 400; list-style-position: inside;
}
.compact .mark { color: var(--badge-bad); }
.compact[data-verdict="verified"] .mark { color: var(--badge-ok); }
.compact[data-verdict="verified_with_warnings"] .mark, .compact[data-verdict="expired"] .mark,
.compact[data-verdict="not_yet_valid"] .mark, .compact[data-verdict="unsupported"] .mark { color: var(--badge-warn); }
.compact .image { inline-size: 1.8rem; max-inline-size: none; }
.compact .image-alt { display: none; }
.compact .name { font-weight: 600; }
.compact .issuer { color: var(--badge-muted); }
.compact .verdict { margin-inline-start: auto; font-size: 0.85rem; font-weight: 600; }
.item[data-trust="unverified"] .compact .name { text-decoration: line-through; text-decoration-thickness: 1px; }
.item[data-trust="unverified"] .compact .image { filter: grayscale(1); opacity: 0.7; }
/* A flex <summary> loses its disclosure marker: a chevron says that the line opens. */
.entry > summary.compact::after { content: "▸"; color: var(--badge-muted); }
.portfolio[dir="rtl"] .entry > summary.compact::after { content: "◂"; }
.entry[open] > summary.compact::after { content: "▾"; }
.entry > .card { margin-block-start: 0.4rem; }
.associations h2 { font-size: 1rem; margin: 0 0 0.3rem; }
.associations ul { margin: 0; padding-inline-start: 1.2rem; }
@media print {
  :host { color: #000; background: none; }
  .portfolio { border: none; padding: 0; color: #000; background: none; gap: 0.5rem; }
  .status { background: none !important; color: #000 !important; border: none; padding: 0; }
  .group { break-inside: avoid-page; padding-block-start: 0.3rem; }
  .group-kind, .group-target, .credits, .counts dt, .compact .issuer { color: #000; }
  .entry > summary.compact { display: flex; list-style: none; border: none; padding: 0.1rem 0; }
  .entry > summary.compact::-webkit-details-marker { display: none; }
  .entry > summary.compact::marker, .entry > summary.compact::after { content: ""; }
  .entry > :not(summary) { display: none !important; }
  .compact .image { display: none; }
  .compact .mark { border: none; color: #000 !important; }
  a { color: #000; text-decoration: none; }
}
`);
export default sheet;
