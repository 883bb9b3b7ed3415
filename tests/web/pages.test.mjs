/* pages.test.mjs — the exported files: valid HTML, readable without JavaScript, safe with hostile
 * texts
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { VNU_JAR, bannerVisible, example, exportPolicy, launch, serve, visitor, writeHostPage } from './fixtures.mjs';

/* Every way out of a text node or an attribute we could think of. */
const PAYLOAD = '<img src=x onerror="window.__xss=1"> </script><script>window.__xss=2</script> ' +
  '<!-- "\'><svg onload="window.__xss=3"> ]]> {provider} $& $1 javascript:window.__xss=4 &amp; \u2028';

/* The example with every human-readable text replaced by the payload (ids, URLs, dates, codes
 * and e-mail addresses stay valid, or the policy would not export at all). */
function hostilePolicy () {
  const policy = example();
  const localized = (text, keepPlaceholders) => {
    for (const lang of Object.keys(text))
      text[lang] = keepPlaceholders ? `${PAYLOAD} {n}|${PAYLOAD} {n}` : PAYLOAD;
  };

  policy.name = PAYLOAD;
  policy.revision_note && localized(policy.revision_note);
  for (const key of ['name', 'address', 'dpo_name'])
    policy.controller[key] = PAYLOAD;
  for (const [key, text] of Object.entries(policy.texts))
    localized(text, key.startsWith('unit_'));
  for (const section of policy.sections) {
    localized(section.title);
    localized(section.body);
  }
  for (const category of policy.categories) {
    localized(category.title);
    localized(category.description);
  }
  for (const provider of policy.providers) {
    provider.name = PAYLOAD;
    localized(provider.purpose);
    for (const embed of provider.embeds)
      localized(embed.placeholder);
    for (const cookie of provider.cookies) {
      localized(cookie.purpose);
      if (!cookie.pattern)
        cookie.name = `x${provider.cookies.indexOf(cookie)}<b>"'&`;
    }
  }

  return policy;
}

function vnu (files) {
  try {
    execFileSync('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'text', ...files],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    return '';
  } catch (error) {
    return `${error.stdout}${error.stderr}`;
  }
}

let browser, exampleDir, hostileDir, server;

before(async () => {
  exampleDir = exportPolicy(example());
  hostileDir = exportPolicy(hostilePolicy());
  writeHostPage(hostileDir);
  server = await serve(hostileDir);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

describe('declaration pages', () => {
  test('pass the HTML validator, for the example and for hostile texts', () => {
    const files = ['da', 'en'].flatMap(lang => [exampleDir, hostileDir].map(dir => path.join(dir, `cookie-policy.${lang}.html`)));
    assert.equal(vnu(files), '');
  });

  test('are semantic: lang and dir, headed tables, the consent-settings link', () => {
    const html = fs.readFileSync(path.join(exampleDir, 'cookie-policy.en.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en" dir="ltr">/);
    assert.ok((html.match(/<th scope="col">/g) || []).length >= 10);
    assert.ok((html.match(/<th scope="row">/g) || []).length >= 15);
    assert.match(html, /<a href="#samtykke" data-samtykke-settings>Consent settings<\/a>/);
    for (const name of ['Siteimprove A/S', 'Userindex ApS', 'Link-Bot ApS', 'VISITOR_INFO1_LIVE', '_ui_*',
      'Yes, signed 2021-06-01', 'External links on the website', 'CVR 64942212'])
      assert.ok(html.includes(name), name);
    /* Sections in order, the categories right after "types". */
    const order = ['section-introduction', 'section-types', 'category-necessary', 'category-statistical',
      'section-external-links', 'section-contact', 'your-consent'].map(id => html.indexOf(`id="${id}"`));
    assert.deepEqual([...order].sort((a, b) => a - b), order);
    assert.ok(!order.includes(-1));
  });

  test('a right-to-left language gets dir="rtl"', () => {
    const policy = example();
    policy.languages.push('ar');
    for (const text of Object.values(policy.texts))
      text.ar = text.en;
    const dir = exportPolicy(policy);
    const html = fs.readFileSync(path.join(dir, 'cookie-policy.ar.html'), 'utf8');
    assert.match(html, /<html lang="ar" dir="rtl">/);
    assert.match(html, /<samtykke-banner id="samtykke" lang="ar" dir="rtl" src="policy.json">/);
  });

  test('are readable without JavaScript and load nothing from a third party', async () => {
    const own = await serve(exampleDir);
    const v = await visitor(browser, { javaScriptEnabled: false });
    for (const lang of ['da', 'en']) {
      await v.page.goto(`${own.origin}/cookie-policy.${lang}.html`);
      assert.ok(!(await bannerVisible(v.page)), 'a banner that cannot work is not in the way');
      assert.ok(await v.page.locator('h1').isVisible());
      assert.ok(await v.page.locator('#category-statistical table').first().isVisible());
      assert.equal(await v.page.locator('table').count(), 6);
    }
    assert.deepEqual(v.thirdParty(), []);
    assert.deepEqual(await v.cookies(), []);
    await v.context.close();
    own.close();
  });
});

describe('hostile texts', () => {
  async function assertClean (v) {
    const found = await v.page.evaluate(() => ({
      xss: window.__xss,
      injected: document.querySelectorAll('img, svg, samtykke-banner script, dialog script, .stk-e script, [data-samtykke-status] script, h1 script').length,
      handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].filter(a => a.name.startsWith('on')).map(a => a.name)),
      hrefs: [...document.querySelectorAll('[href]')].map(e => e.getAttribute('href')).filter(h => /^\s*javascript:/i.test(h)),
    }));
    assert.deepEqual(found, { xss: undefined, injected: 0, handlers: [], hrefs: [] });
  }

  test('the banner, its settings and the embed placeholder show them as text', async () => {
    const v = await visitor(browser);
    await v.page.goto(server.origin + '/');
    assert.ok(await bannerVisible(v.page));
    assert.ok((await v.page.locator('#stk-t').innerText()).includes('<img src=x'));
    await v.page.click('samtykke-banner [data-stk=set]');
    await v.page.locator('dialog details').evaluateAll(all => all.forEach(d => { d.open = true; }));
    assert.ok((await v.page.locator('dialog').innerText()).includes('</script><script>'));
    await assertClean(v);
    await v.page.locator('dialog [data-stk=none]').click();
    assert.ok((await v.page.locator('#video').innerText()).includes('onerror'));
    await assertClean(v);
    assert.deepEqual(v.errors, []);
    await v.context.close();
  });

  test('the declaration pages show them as text', async () => {
    const v = await visitor(browser);
    for (const lang of ['da', 'en']) {
      await v.page.goto(`${server.origin}/cookie-policy.${lang}.html`);
      assert.ok((await v.page.locator('h1').innerText()).includes('<img src=x onerror='));
      await v.page.locator('footer [data-samtykke-settings]').evaluate(a => a.click());
      await v.page.locator('dialog [data-stk=all]').click();
      await assertClean(v);
    }
    assert.deepEqual(v.errors, []);
    await v.context.close();
  });

  test('the embedded policy cannot end its script element', () => {
    const html = fs.readFileSync(path.join(hostileDir, 'banner.html'), 'utf8');
    const json = html.match(/<script type="application\/json" id="samtykke-policy">([^<]*)<\/script>/);
    assert.ok(json, 'the JSON block holds no "<" at all');
    assert.equal(JSON.parse(json[1]).texts.banner_title.da, PAYLOAD);
  });
});
