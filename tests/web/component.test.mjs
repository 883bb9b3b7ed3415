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
  addEventListener () {}
  showModal () {}

  * elements () {
    yield this;
    for (const child of this.children)
      if (child instanceof FakeElement)
        yield* child.elements();
  }
}

/* Runs the built samtykke.js on a policy with one provider per address, opens the settings and
 * returns, per provider, the link the dialog made of its privacy policy (or null). */
function linksMadeOf (urls) {
  const policy = {
    revision: 1, languages: ['en'], default_language: 'en', rtl: [], pages: { en: 'p.html' },
    cookie: { name: 'samtykke' }, log_endpoint: '', texts: {},
    categories: [{ id: 'c', required: false, consent_mode: [], title: {}, description: {} }],
    providers: urls.map((url, i) => ({
      id: `p${i}`, name: String(i), category: 'c', purpose: {}, privacy_policy: { en: url },
      cookies: [], embeds: [],
    })),
  };
  const body = new FakeElement('body');
  const document = {
    cookie: '', readyState: 'complete', documentElement: { lang: 'en' }, body,
    createElement: tag => new FakeElement(tag),
    querySelector: selector => selector == 'samtykke-banner' ? new FakeElement(selector) : null,
    querySelectorAll: () => [],
    getElementById: id => id == 'samtykke-policy' ? { textContent: JSON.stringify(policy) } : null,
    addEventListener () {},
  };
  const context = { document, MutationObserver: class { observe () {} } };

  context.window = context;
  vm.runInNewContext(built('samtykke.js').toString(), context, { filename: 'samtykke.js' });
  context.Samtykke.open();

  const items = [...body.elements()].filter(e => e.tag == 'li' && e.children[0]?.tag == 'b');
  assert.equal(items.length, urls.length, 'one list item per provider');
  return items.map(item => item.children.find(child => child?.tag == 'a') ?? null);
}

test('the component links exactly the addresses tests/rules/url-cases.json calls safe', () => {
  const { cases } = JSON.parse(fs.readFileSync(
    path.join(SOURCE_DIR, 'tests', 'rules', 'url-cases.json'), 'utf8'));
  const links = linksMadeOf(cases.map(c => c.url));
  const wrong = cases.filter((c, i) => !!links[i] != c.safe).map(c => JSON.stringify(c.url));

  assert.ok(cases.some(c => c.safe) && cases.some(c => !c.safe));
  assert.deepEqual(wrong, [], 'the component disagrees with the cases on these addresses');
  cases.forEach((c, i) => c.safe && assert.equal(links[i].attributes.href, c.url));
});
