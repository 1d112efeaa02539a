// A learner's stack in <badge-portfolio>, in headless Chromium: the thirty credentials from seven
// issuers (tests/fixtures/portfolio/thirty.json) with the summary, groups and credits the fixtures
// imply (computed from their JSON in portfolio-expected.mjs, never copied from the output), the
// tampered member alone not verified, a compact line opening onto the full card; axe-core light,
// dark and Arabic; the six languages; and the demo page's portfolio section.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, newPage, openHtml, htmlPage, axe, root, NOW } from './browser.mjs';
import { expected, formatCredits, TAMPERED_ID } from './portfolio-expected.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const THIRTY = '/pkg/badges/portfolio/thirty.json';
const LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'ar'];
const catalogue = (lang) => JSON.parse(readFileSync(join(root, 'src/i18n', `${lang}.json`), 'utf8')).labels;

/**
 * Opens a page (`lang`, `theme`) with one <badge-portfolio> judged at the fixtures' NOW, sets its
 * src and waits for its verdict and for the rendering in the page's language (the tally in that
 * language's words: the catalogue is fetched).
 */
async function openThirty({ lang = 'en', theme = 'light' } = {}) {
  const page = await newPage(env.context);
  await page.setViewportSize({ width: 1100, height: 900 });
  await openHtml(page, env.base, `/stack-${lang}-${theme}.html`,
    htmlPage(`<main><h1>Stack</h1><badge-portfolio theme="${theme}"></badge-portfolio></main>`, lang));
  await page.evaluate(async ([now, src]) => {
    await customElements.whenDefined('badge-portfolio');
    const element = document.querySelector('badge-portfolio');
    element.options = { now };
    element.setAttribute('src', src);
  }, [NOW, THIRTY]);
  await page.waitForFunction(() => document.querySelector('badge-portfolio').hasAttribute('data-verdict'), null, { timeout: 30_000 });
  const want = expected('thirty.json', Date.parse(NOW));
  const tally = catalogue(lang).portfolio_verified_of.replace('{verified}', want.counts.verified).replace('{total}', want.counts.total);
  await page.waitForFunction((t) => document.querySelector('badge-portfolio').shadowRoot.querySelector('.tally')?.textContent === t,
    tally, { timeout: 10_000 });
  return page;
}

/** What the portfolio shows: summary, groups (with each credential's name and verdict), report. */
function shown(page) {
  return page.$eval('badge-portfolio', (el) => {
    const r = el.shadowRoot;
    const text = (node, selector) => node.querySelector(selector)?.textContent;
    const all = (s) => [...r.querySelectorAll(s)];
    return {
      verdict: el.dataset.verdict,
      lang: r.querySelector('.portfolio')?.getAttribute('lang'),
      dir: r.querySelector('.portfolio')?.getAttribute('dir'),
      container: r.querySelector('.portfolio')?.dataset.container,
      headline: text(r, '.summary .headline'),
      tally: text(r, '.tally'),
      summary: text(r, '.summary'),
      live: text(r, '[aria-live]'),
      counts: Object.fromEntries(all('.counts [data-count]').map((d) => [d.dataset.count, Number(d.querySelector('dd').textContent)])),
      countLabels: all('.counts dt').map((dt) => dt.textContent),
      groups: all('.group').map((g) => ({
        kind: g.dataset.group,
        kindLabel: text(g, '.group-kind'),
        name: text(g, '.group-name'),
        link: g.querySelector('.group-name')?.getAttribute('href') ?? null,
        target: text(g, '.group-target'),
        credits: g.querySelector('.credits')?.dataset.credits,
        creditsLine: text(g, '.credits'),
        names: [...g.querySelectorAll('li.item')].map((li) => li.querySelector('.compact .name').textContent),
        verdicts: [...g.querySelectorAll('li.item')].map((li) => li.dataset.verdict),
        shownVerdicts: [...g.querySelectorAll('li.item .compact .verdict')].map((v) => v.textContent),
      })),
      reportVerdicts: el.report?.members?.reports?.map((m) => m.verdict),
      reportIds: el.report?.members?.reports?.map((m) => m.badge?.id ?? null),
    };
  });
}

test('thirty credentials from seven issuers: exact counts, the groups and credits the fixtures imply, the tampered one alone not verified', async () => {
  const page = await openThirty();
  const got = await shown(page);
  const want = expected('thirty.json', Date.parse(NOW));
  assert.deepEqual(want.counts, { total: 30, verified: 28, expired: 1, not_verified: 1, issuers: 7 }, 'the fixtures are as described');
  assert.equal(got.verdict, 'not_verified');
  assert.equal(got.container, 'collection');
  assert.equal(got.headline, 'Not verified');
  assert.equal(got.tally, '28 of 30 verified');
  assert.deepEqual(got.counts, { ...want.counts, revoked: 0, suspended: 0 });
  assert.equal(got.live, 'Not verified: 28 of 30 verified');
  assert.deepEqual(got.reportVerdicts, want.verdicts);

  // The groups, in order, each with its credentials (container order) and credits.
  const groups = got.groups.map(({ kind, name, names, credits }) => ({ kind, heading: name, names, credits }));
  const wanted = want.groups.map((g) => ({ kind: g.kind, heading: g.heading, names: g.names, credits: g.credits === undefined ? undefined : formatCredits(g.credits, 'en') }));
  assert.deepEqual(groups, wanted);
  assert.ok(wanted.length >= 15 && wanted.some((g) => g.names.length >= 5), 'groups are non-trivial');
  // Alignment groups name their framework and code, and link their target.
  for (const [i, group] of want.groups.entries()) {
    if (group.kind !== 'alignment') continue;
    assert.equal(got.groups[i].target, `(${[group.framework, group.code].filter(Boolean).join(' · ')})`, group.heading);
    assert.equal(got.groups[i].link, group.url, group.heading);
    if (group.credits !== undefined) assert.equal(got.groups[i].creditsLine, `Credits: ${formatCredits(group.credits, 'en')}`);
  }

  // The tampered member alone is not verified, listed only in the last group, never grouped by its claims.
  const tamperedIndex = want.credentials.findIndex((c) => c.id === TAMPERED_ID);
  const notVerified = got.groups.flatMap((g) => g.verdicts.map((v, j) => [g.kind, g.names[j], v])).filter(([, , v]) => v === 'not_verified');
  assert.deepEqual(notVerified, [['not_verified', want.credentials[tamperedIndex].name, 'not_verified']]);
  assert.equal(got.groups.at(-1).kind, 'not_verified');
  assert.deepEqual(got.groups.at(-1).shownVerdicts, ['Not verified']);
  // The expired one is listed with its verdict in words, and adds no credits (its group has none).
  const expired = got.groups.find((g) => g.verdicts.includes('expired'));
  assert.equal(expired.shownVerdicts[expired.verdicts.indexOf('expired')], 'Expired');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a compact line opens onto its full card and checklist: the tampered one shows the failed signature', async () => {
  const page = await openThirty();
  const opened = await page.$eval('badge-portfolio', async (el) => {
    const r = el.shadowRoot;
    const result = {};
    for (const verdict of ['not_verified', 'expired', 'verified']) {
      const details = r.querySelector(`li.item[data-verdict="${verdict}"] details.entry`);
      const before = details.querySelector('.card') !== null; // drawn on first opening
      const toggled = new Promise((done) => details.addEventListener('toggle', done, { once: true }));
      details.querySelector('summary.compact').click();
      await toggled;
      await new Promise((done) => requestAnimationFrame(done));
      const card = details.querySelector('.card');
      result[verdict] = {
        before, open: details.open, visible: card.checkVisibility(), card: card.dataset.verdict ?? null,
        checks: card.querySelectorAll('.checks li').length,
        failed: [...card.querySelectorAll('.checks li[data-outcome="failed"]')].map((li) => li.textContent),
        title: card.querySelector('[part="title"]')?.textContent,
      };
    }
    return result;
  });
  for (const [verdict, state] of Object.entries(opened)) {
    assert.equal(state.before, false, `${verdict}: no card before it is opened`);
    assert.equal(state.open, true, verdict);
    assert.equal(state.visible, true, verdict);
    assert.ok(state.checks >= 6, `${verdict}: the checklist is there`);
  }
  assert.equal(opened.not_verified.title, 'Supply Chain Data Reporting');
  assert.equal(opened.not_verified.failed.length, 1);
  assert.match(opened.not_verified.failed[0], /signature/i);
  assert.equal(opened.expired.title, 'Spreadsheet Modelling');
  assert.equal(opened.expired.failed.length, 1);
  assert.deepEqual(opened.verified.failed, []);
  await page.close();
});

for (const [lang, theme] of [['en', 'light'], ['en', 'dark'], ['ar', 'light']]) {
  test(`axe-core finds no violations in the portfolio of thirty (${lang}, ${theme}), every credential open`, async () => {
    const page = await openThirty({ lang, theme });
    await page.$eval('badge-portfolio', (el) => el.shadowRoot.querySelectorAll('details').forEach((d) => { d.open = true; }));
    await page.waitForFunction(() => {
      const r = document.querySelector('badge-portfolio').shadowRoot;
      return r.querySelectorAll('details.entry > .card').length === r.querySelectorAll('details.entry').length;
    });
    // Nothing in the portfolio is `content-visibility: auto` (its cards are not <badge-verifier>
    // hosts), so axe reads every card at this viewport: a viewport as tall as the page (46,000 px)
    // gave the same passes and incompletes, three times slower.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    assert.deepEqual(await axe(page), [], `${lang} ${theme}`);
    await page.close();
  });
}

test('the six languages: the portfolio speaks each one, right to left in Arabic, no English label left', async () => {
  const english = catalogue('en');
  const summaries = new Set();
  const want = expected('thirty.json', Date.parse(NOW));
  for (const lang of LANGUAGES) {
    const page = await openThirty({ lang });
    const got = await shown(page);
    const labels = catalogue(lang);
    assert.equal(got.lang, lang);
    assert.equal(got.dir, lang === 'ar' ? 'rtl' : 'ltr', lang);
    assert.equal(got.headline, labels.not_verified, lang);
    assert.deepEqual(got.countLabels, [labels.portfolio_credentials, labels.verified, labels.expired, labels.revoked,
      labels.suspended, labels.not_verified, labels.portfolio_issuers], lang);
    const kinds = { alignment: labels.portfolio_towards, type: labels.portfolio_type, issuer: labels.issued_by };
    for (const group of got.groups) {
      if (group.kind === 'not_verified') assert.equal(group.kindLabel, labels.portfolio_not_verified_group, lang);
      else assert.equal(group.kindLabel, kinds[group.kind], `${lang} ${group.kind}`);
    }
    // Credits with the language's decimal separator.
    const credits = got.groups.map((g) => g.credits);
    assert.deepEqual(credits, want.groups.map((g) => (g.credits === undefined ? undefined : formatCredits(g.credits, lang))), lang);
    summaries.add(got.summary);
    // Every piece of the portfolio's own wording: no English label where the language has its own.
    const wording = [got.summary, got.live, ...got.groups.flatMap((g) => [g.kindLabel, g.creditsLine ?? '', ...g.shownVerdicts])].join('\n');
    if (lang !== 'en') {
      for (const [key, value] of Object.entries(english)) {
        if (labels[key] === value) continue; // the same word in both (e.g. "Code")
        for (const fragment of value.split(/\{\w+\}/).map((f) => f.trim()).filter((f) => f.length >= 4)) {
          assert.ok(!wording.includes(fragment), `${lang}: English "${fragment}" (${key}) left in:\n${wording}`);
        }
      }
    }
    assert.deepEqual(page.problems, [], lang);
    await page.close();
  }
  assert.equal(summaries.size, LANGUAGES.length, 'each language its own summary');
});

test('the demo page: a learner\'s stack grouped toward the qualification, one expired, one tampered; the switches apply', async () => {
  const page = await newPage(env.context);
  await page.goto(`${env.base}/index.html`);
  await page.waitForSelector('body[data-ready]', { timeout: 30_000 });
  const want = expected('learner-stack.json', Date.now());
  assert.deepEqual(want.counts, { total: 12, verified: 10, expired: 1, not_verified: 1, issuers: 5 }, 'the stack is as described (today)');
  const got = await shown(page);
  assert.equal(got.container, 'collection');
  assert.deepEqual(got.counts, { ...want.counts, revoked: 0, suspended: 0 });
  assert.equal(got.tally, '10 of 12 verified');
  // Grouped toward the qualification first, with its credits summed.
  const [first] = got.groups;
  assert.deepEqual([first.kind, first.name, first.target], ['alignment', 'Certificate in Data Analytics', '(European Qualifications Framework · NFC-CDA-L5)']);
  assert.deepEqual(first.names, want.groups[0].names);
  assert.equal(first.credits, formatCredits(want.groups[0].credits, 'en'));
  assert.deepEqual(got.groups.map((g) => [g.kind, g.name ?? null, g.names]), want.groups.map((g) => [g.kind, g.heading ?? null, g.names]));
  assert.deepEqual(got.groups.at(-1).names, ['Supply Chain Data Reporting'], 'the tampered one, apart');
  const verdicts = got.groups.flatMap((g) => g.verdicts);
  assert.equal(verdicts.filter((v) => v === 'expired').length, 1);
  assert.equal(verdicts.filter((v) => v === 'not_verified').length, 1);

  // The language and theme switches apply to the portfolio as to the badges.
  await page.selectOption('#lang', 'de');
  await page.selectOption('#theme', 'dark');
  await page.waitForFunction(() => document.querySelector('#portfolio').shadowRoot.querySelector('.portfolio')?.getAttribute('lang') === 'de', null, { timeout: 10_000 });
  const german = await shown(page);
  assert.equal(german.tally, '10 von 12 verifiziert');
  assert.equal(await page.$eval('#portfolio', (el) => el.getAttribute('theme')), 'dark');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the learner\'s presentation with the challenge and domain it was made for: the holder\'s proof holds, each credential judged as in the array', async () => {
  // tests/common/fixtures/presentation.rs CHALLENGE and DOMAIN.
  const [challenge, domain] = ['c0ffee-7d3f-4b1a', 'verifier.badge-verifier.example'];
  const page = await newPage(env.context);
  await openHtml(page, env.base, '/presented.html', htmlPage('<main><h1>Presented</h1><badge-portfolio></badge-portfolio></main>'));
  const read = async (attributes) => page.evaluate(async ([now, attrs]) => {
    await customElements.whenDefined('badge-portfolio');
    const element = document.querySelector('badge-portfolio');
    const checked = new Promise((done) => element.addEventListener('portfolio-checked', (e) => done(e.detail), { once: true }));
    element.options = { now };
    for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
    const report = await checked;
    return {
      container: report.members.container, verdict: report.verdict,
      own: report.checks.filter((c) => c.id !== 'members').map((c) => `${c.id}:${c.code}`),
      verdicts: report.members.reports.map((r) => r.verdict),
      tally: element.shadowRoot.querySelector('.tally').textContent,
    };
  }, [NOW, attributes]);
  const want = expected('learner-presentation.json', Date.parse(NOW));
  const presented = await read({ challenge, domain, src: '/pkg/badges/portfolio/learner-presentation.json' });
  assert.equal(presented.container, 'presentation');
  assert.equal(presented.verdict, 'not_verified', 'a member is not verified');
  assert.deepEqual(presented.own, ['format:format_valid', 'contexts:contexts_known', 'issuer_key:key_bound_to_holder', 'proof:signature_valid']);
  assert.deepEqual(presented.verdicts, want.verdicts);
  assert.equal(presented.tally, '10 of 12 verified');
  // Another challenge: the holder's proof fails, the credentials are judged all the same.
  const replayed = await read({ challenge: 'another-challenge', src: '/pkg/badges/portfolio/learner-presentation.json?again' });
  assert.ok(replayed.own.includes('proof:challenge_mismatch'), replayed.own.join(' '));
  assert.deepEqual(replayed.verdicts, want.verdicts);
  assert.deepEqual(page.problems, []);
  await page.close();
});
