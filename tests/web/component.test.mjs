/* component.test.mjs — the built web component without a browser: what ships, its size, and
 * its rule on which addresses may become links
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { test } from 'node:test';

const SOURCE_DIR = process.env.SAMTYKKE_SOURCE_DIR;
const BUILD_DIR = process.env.SAMTYKKE_BUILD_DIR;
const CLI = process.env.SAMTYKKE_CLI;
const BUDGET = 3868;

const built = name => fs.readFileSync(path.join(BUILD_DIR, 'data', 'web', name));

test('the exported samtykke.js and samtykke.css are the build output, within budget', t => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'samtykke-assets-'));
  let total = 0;

  execFileSync(CLI, ['export', path.join(SOURCE_DIR, 'data', 'examples', 'copenhagen.json'),
    '-o', out, '--only', 'assets'], { stdio: ['ignore', 'pipe', 'pipe'] });
  for (const name of ['samtykke.js', 'samtykke.css']) {
    const exported = fs.readFileSync(path.join(out, name));
    const lines = exported.toString().split('\n');
    const gzipped = zlib.gzipSync(exported, { level: 9 }).length;

    assert.deepEqual(exported, built(name), `${name} is the build's file`);
    assert.equal(lines[0], `/* ${name} | Copyright 2026 The Samtykke authors | ` +
      'SPDX-License-Identifier: GPL-3.0-or-later */', 'the licence header survives, on one line');
    assert.equal(lines.length, 3, `${name}: the header, one line of code, the final newline`);
    /* ASCII, so that a server's charset cannot garble it; and inline in banner.html, so
     * nothing that would end or confuse the element it stands in. */
    assert.match(lines[1], /^[\x20-\x7e]+$/, `${name} is printable ASCII`);
    assert.doesNotMatch(lines[1], /<\/(script|style)|<!--/i);
    t.diagnostic(`${name}: ${exported.length} bytes, ${gzipped} with gzip -9`);
    total += gzipped;
  }
  fs.rmSync(out, { recursive: true });
  t.diagnostic(`together ${total} of ${BUDGET} bytes with gzip -9: ${BUDGET - total} to spare`);
  assert.ok(total <= BUDGET, `${total} bytes with gzip -9, over the budget of ${BUDGET}`);
});

/* Just enough of a document for the component to start and build its settings dialog. */
class FakeElement {
  constructor (tag) {
    this.tag = tag;
    this.attributes = {};
    this.children = [];
  }

  setAttribute (name, value) { this.attributes[name] = String(value); }
  getAttribute (name) { return this.attributes[name] ?? null; }
  append (...nodes) { this.children.push(...nodes); }
  replaceChildren (...nodes) { this.children = nodes; }
  get firstChild () { return this.children[0] ?? null; }
  querySelectorAll () { return []; }
  addEventListener (type, listener) { (this.listeners ??= []).push([type, listener]); }
  showModal () {}

  * elements () {
    yield this;
    for (const child of this.children)
      if (child instanceof FakeElement)
        yield* child.elements();
  }
}

/* Runs the built samtykke.js on a policy with one provider per address, as a page that loaded
 * all of policy.json has it, opens the settings, opens the category's details and returns, per
 * provider, the link the dialog made of its privacy policy (or null). */
async function linksMadeOf (urls) {
  const policy = {
    revision: 1, languages: ['en'], default_language: 'en', rtl: [], pages: { en: 'p.html' },
    cookie: { name: 'samtykke' }, log_endpoint: '', texts: {}, embeds: [],
    categories: [{ id: 'c', required: false, consent_mode: [], title: {}, description: {},
      remove: {} }],
    providers: urls.map((url, i) => ({
      id: `p${i}`, name: String(i), category: 'c', purpose: {}, privacy_policy: { en: url },
      cookies: [],
    })),
  };
  const body = new FakeElement('body');
  const document = {
    cookie: '', readyState: 'complete', documentElement: { lang: 'en' }, body,
    baseURI: 'http://127.0.0.1/',
    createElement: tag => new FakeElement(tag),
    querySelector: selector => selector == 'samtykke-banner' ? new FakeElement(selector) : null,
    querySelectorAll: () => [],
    getElementById: id => id == 'samtykke-policy' ? { textContent: JSON.stringify(policy) } : null,
    addEventListener () {},
  };
  const context = { document, URL, MutationObserver: class { observe () {} } };

  context.window = context;
  vm.runInNewContext(built('samtykke.js').toString(), context, { filename: 'samtykke.js' });
  context.Samtykke.open();
  const details = [...body.elements()].filter(e => e.tag == 'details');
  assert.equal(details.length, 1, 'one disclosure per category');
  await Promise.all(details[0].listeners.filter(([type]) => type == 'toggle')
    .map(([, listener]) => listener()));

  const items = [...body.elements()].filter(e => e.tag == 'li' && e.children[0]?.tag == 'b');
  assert.equal(items.length, urls.length, 'one list item per provider');
  return items.map(item => item.children.find(child => child?.tag == 'a') ?? null);
}

test('the component links exactly the addresses tests/rules/url-cases.json calls safe', async () => {
  const { cases } = JSON.parse(fs.readFileSync(
    path.join(SOURCE_DIR, 'tests', 'rules', 'url-cases.json'), 'utf8'));
  const links = await linksMadeOf(cases.map(c => c.url));
  const wrong = cases.filter((c, i) => !!links[i] != c.safe).map(c => JSON.stringify(c.url));

  assert.ok(cases.some(c => c.safe) && cases.some(c => !c.safe));
  assert.deepEqual(wrong, [], 'the component disagrees with the cases on these addresses');
  cases.forEach((c, i) => c.safe && assert.equal(links[i].attributes.href, c.url));
});

/* Exports @policy into a new folder; returns the folder and the policy block of its banner.html. */
function exportInline (policy) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'samtykke-inline-'));
  const file = path.join(out, 'source.json');

  fs.writeFileSync(file, JSON.stringify(policy));
  execFileSync(CLI, ['export', file, '-o', out], { stdio: ['ignore', 'pipe', 'pipe'] });
  const banner = fs.readFileSync(path.join(out, 'banner.html'), 'utf8');

  return { out, inline: JSON.parse(banner.match(/id="samtykke-policy">([^<]*)<\/script>/)[1]) };
}

const example = () => JSON.parse(fs.readFileSync(
  path.join(SOURCE_DIR, 'data', 'examples', 'copenhagen.json'), 'utf8'));

test('banner.html carries every text the component shows, and none of the pages\' own', () => {
  const { out, inline } = exportInline(example());
  const full = JSON.parse(fs.readFileSync(path.join(out, 'policy.json'), 'utf8'));
  const source = fs.readFileSync(path.join(SOURCE_DIR, 'data', 'web', 'src', 'samtykke.js'), 'utf8');
  /* Every text key the component's source names, as text('key') or in the buttons' table. */
  const used = Object.keys(full.texts).filter(key => source.includes(`'${key}'`));

  assert.ok(used.length >= 20, used.join());
  assert.deepEqual(used.filter(key => !(key in inline.texts)), [], 'texts missing inline');
  assert.deepEqual(Object.keys(inline.texts).filter(key => !used.includes(key)), [],
    'texts inline that the component never shows');
  assert.equal(inline.providers, undefined);
  assert.ok(full.providers.length > 0);
  fs.rmSync(out, { recursive: true });
});

test('withdrawal deletes exactly the listed names and patterns, whatever they hold', () => {
  const policy = example();
  const provider = policy.providers.find(p => p.category == 'statistical');
  const names = [
    ['a.b(c)|d*[e]^$', false], ['x+*?y', true], ['æøå \\/', false], ['*-end', true],
    ['(?:', false], ['\\d+', false],
  ];
  provider.cookies.push(...names.map(([name, pattern]) => ({
    name, pattern, domain: 'kk.dk', path: '/', party: 'first', kind: 'cookie',
    duration: { unit: 'session' }, purpose: { da: 'x', en: 'x' }, delete_on_withdraw: true })));
  const { out, inline } = exportInline(policy);
  const [source] = inline.categories.find(c => c.id == 'statistical').remove.cookie;
  const matches = name => RegExp(source).test(name);

  for (const name of ['a.b(c)|d*[e]^$', 'x+?y', 'x+abc?y', 'æøå \\/', '-end', 'a-end', '(?:',
    '\\d+', 'nmstat', '_ui_123'])
    assert.ok(matches(name), `${name} is deleted`);
  for (const name of ['aXb(c)|d*[e]^$', 'a.b(c)', 'x+?', 'xx?y', 'æøå', '-en', '(', '\\d',
    '1', 'dd', 'nmstat2', 'ui_1', 'YSC'])
    assert.ok(!matches(name), `${name} is kept`);
  fs.rmSync(out, { recursive: true });
});
