// The one stylesheet every <badge-verifier> shares (adoptedStyleSheets): no global CSS, no fonts
// or other resources fetched, no inline styles (it works under `style-src 'self'`). Theming goes
// through the custom properties on :host and the ::part() names; both themes meet WCAG 2.1 AA.
const sheet = new CSSStyleSheet();
sheet.replaceSync(`
:host {
  --badge-accent: #0a58ca;
  --badge-radius: 0.6rem;
  --badge-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  --badge-background: #ffffff;
  --badge-text: #1f2328;
  --badge-muted: #57606a;
  --badge-border: #d0d7de;
  --badge-ok: #116329;
  --badge-ok-background: #dafbe1;
  --badge-warn: #7a4a00;
  --badge-warn-background: #fff1c2;
  --badge-bad: #a40e26;
  --badge-bad-background: #ffebe9;
  display: block;
  box-sizing: border-box;
  min-width: 0;
  container-type: inline-size;
  /* A card off screen is not laid out or painted until it scrolls near (on a page of 50 badges
     the main thread's style, layout and paint work fell to a third); 12rem stands in for its height until then. */
  content-visibility: auto;
  contain-intrinsic-size: auto 12rem;
}
:host([hidden]) { display: none; }
:host([theme="dark"]) {
  --badge-accent: #79b8ff;
  --badge-background: #161b22;
  --badge-text: #e6edf3;
  --badge-muted: #9ea7b3;
  --badge-border: #3d444d;
  --badge-ok: #56d364;
  --badge-ok-background: #0f2d1a;
  --badge-warn: #e3b341;
  --badge-warn-background: #2e2409;
  --badge-bad: #ff8e86;
  --badge-bad-background: #3a1518;
}
@media (prefers-color-scheme: dark) {
  :host([theme="auto"]) {
    --badge-accent: #79b8ff;
    --badge-background: #161b22;
    --badge-text: #e6edf3;
    --badge-muted: #9ea7b3;
    --badge-border: #3d444d;
    --badge-ok: #56d364;
    --badge-ok-background: #0f2d1a;
    --badge-warn: #e3b341;
    --badge-warn-background: #2e2409;
    --badge-bad: #ff8e86;
    --badge-bad-background: #3a1518;
  }
}
:host([aria-busy="true"]) {
  min-block-size: 3rem;
  border-radius: var(--badge-radius);
  background: var(--badge-border);
  opacity: 0.4;
}
.visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.card, .portfolio {
  font-family: var(--badge-font);
  font-size: 0.95rem;
  line-height: 1.45;
  color: var(--badge-text);
  background: var(--badge-background);
  border: 1px solid var(--badge-border);
  border-radius: var(--badge-radius);
  padding: 0.9rem;
  overflow-wrap: anywhere;
  box-sizing: border-box;
  max-width: 100%;
}
.card p, .portfolio p { margin: 0; }
.status {
  display: flex; align-items: center; gap: 0.45rem;
  font-weight: 700;
  padding: 0.3rem 0.6rem;
  border-radius: calc(var(--badge-radius) / 1.5);
  color: var(--badge-bad);
  background: var(--badge-bad-background);
  border: 1px solid currentColor;
}
.status[data-verdict="verified"] { color: var(--badge-ok); background: var(--badge-ok-background); }
.status[data-verdict="verified_with_warnings"], .status[data-verdict="expired"],
.status[data-verdict="not_yet_valid"], .status[data-verdict="unsupported"] {
  color: var(--badge-warn); background: var(--badge-warn-background);
}
.mark {
  display: inline-grid; place-items: center; flex: none;
  inline-size: 1.3em; block-size: 1.3em; border-radius: 50%;
  border: 2px solid currentColor; font-size: 0.8em; line-height: 1;
}
.unverified-note { margin-block-start: 0.5rem !important; font-weight: 600; color: var(--badge-bad); }
.card[data-trust="unverified"] .body {
  border-inline-start: 4px dashed var(--badge-bad);
  padding-inline-start: 0.6rem;
}
.card[data-trust="unverified"] .image { filter: grayscale(1); opacity: 0.7; }
.card[data-trust="unverified"] .title { text-decoration: line-through; text-decoration-thickness: 1px; }
.body { display: flex; gap: 0.8rem; align-items: flex-start; margin-block-start: 0.75rem; }
.image { inline-size: 4.5rem; block-size: auto; max-inline-size: 30%; flex: none; border-radius: calc(var(--badge-radius) / 2); }
.image-alt {
  display: grid; place-items: center; box-sizing: border-box; min-block-size: 3rem; padding: 0.3rem;
  border: 1px dashed var(--badge-border); font-size: 0.75rem; color: var(--badge-muted); text-align: center;
  overflow-wrap: anywhere;
}
.main { min-inline-size: 0; flex: 1; }
.title { font-size: 1.1rem; font-weight: 700; }
.description { margin-block-start: 0.3rem !important; color: var(--badge-text); }
.facts { margin: 0.6rem 0 0; display: grid; gap: 0.25rem; }
.facts div { display: flex; flex-wrap: wrap; column-gap: 0.4rem; }
.facts dt { color: var(--badge-muted); }
.facts dt::after { content: ":"; }
.card:lang(fr) .facts dt::after { content: "\\00a0:"; }
.facts dd { margin: 0; }
.issuer { display: inline-flex; align-items: center; gap: 0.35rem; }
.issuer-image { inline-size: 1.25rem; block-size: 1.25rem; border-radius: 50%; }
a { color: var(--badge-accent); text-underline-offset: 0.15em; }
a:focus-visible, summary:focus-visible { outline: 3px solid var(--badge-accent); outline-offset: 2px; border-radius: 2px; }
.checks { margin-block-start: 0.75rem; border-block-start: 1px solid var(--badge-border); padding-block-start: 0.5rem; }
summary { cursor: pointer; color: var(--badge-text); font-weight: 600; }
.checks ul { list-style: none; margin: 0.4rem 0 0; padding: 0; display: grid; gap: 0.45rem; }
.checks li { display: flex; gap: 0.5rem; align-items: flex-start; }
.checks li .mark { color: var(--badge-muted); margin-block-start: 0.1rem; }
.checks li[data-outcome="passed"] .mark, .checks li[data-outcome="passed"] .outcome { color: var(--badge-ok); }
.checks li[data-outcome="failed"] .mark, .checks li[data-outcome="failed"] .outcome { color: var(--badge-bad); }
.checks li[data-outcome="warning"] .mark, .checks li[data-outcome="warning"] .outcome,
.checks li[data-outcome="unchecked"] .mark, .checks li[data-outcome="unchecked"] .outcome { color: var(--badge-warn); }
.check-text { min-inline-size: 0; }
.check-text .detail { color: var(--badge-muted); font-size: 0.9rem; overflow-wrap: anywhere; }
.technical summary { font-weight: 400; color: var(--badge-muted); font-size: 0.85rem; }
.technical code {
  display: block; margin-block-start: 0.2rem; font-size: 0.8rem; color: var(--badge-text);
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre-wrap;
}
.evidence ul, .endorsements ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.3rem; }
.evidence .narrative { color: var(--badge-muted); font-size: 0.9rem; }
.endorsements li { display: flex; flex-wrap: wrap; align-items: center; gap: 0.35rem; }
.endorsements li .mark { color: var(--badge-bad); }
.endorsements li[data-verdict="verified"] .mark { color: var(--badge-ok); }
.endorsements li[data-verdict="verified_with_warnings"] .mark, .endorsements li[data-verdict="expired"] .mark,
.endorsements li[data-verdict="not_yet_valid"] .mark, .endorsements li[data-verdict="unsupported"] .mark { color: var(--badge-warn); }
.endorsements .comment { flex-basis: 100%; color: var(--badge-muted); font-size: 0.9rem; }
.card[data-layout="compact"] .description, .card[data-layout="compact"] .facts,
.card[data-layout="compact"] .checks, .card[data-layout="compact"] .unverified-note { display: none; }
.card[data-layout="compact"] .body { margin-block-start: 0.5rem; align-items: center; }
.card[data-layout="compact"] .image { inline-size: 2.5rem; }
@container (max-width: 20rem) {
  .body { flex-direction: column; }
  .image { max-inline-size: 40%; }
}
`);
export default sheet;
