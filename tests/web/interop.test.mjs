/* interop.test.mjs — the configurations export --format writes, run by the real libraries
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The example policy is exported for vanilla-cookieconsent 3 and Klaro 0.7, and each
 * configuration is loaded with its library (installed from npm for the tests only) into a page
 * with blocked scripts, served on www.kk.localhost so that the policy's cookie domain holds.
 * In Danish and in English the banner shows the policy's own texts; Accept all stores every
 * category in the library's own cookie and runs the blocked scripts; Reject all stores only
 * the required ones and runs none of them.
 */

import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { CLI, example, serve, tempDir } from './fixtures.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const modules = path.join(here, 'node_modules');

/* vanilla-cookieconsent leaves out a browser that says it is automated; a visitor's does not. */
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Chrome/130.0.0.0 Safari/537.36';

const policy = example();
policy.consent.cookie_domain = 'kk.localhost';
const categories = policy.categories.map(c => c.id);
const required = policy.categories.filter(c => c.required).map(c => c.id);
const optional = categories.filter(id => !required.includes(id));
/* The providers of each category, which Klaro stores as services. */
const services = id => policy.providers.filter(p => p.category === id).map(p => p.id);

/* Scripts the site blocks until the visitor agrees, marked as each library reads them: a
 * statistics script, and a functional one that sets a cookie. */
const BLOCKED = {
  'vanilla-cookieconsent': `
<script type="text/plain" data-category="statistical">window.__stat = (window.__stat || 0) + 1;</script>
<script type="text/plain" data-category="functional">
  window.__func = (window.__func || 0) + 1; document.cookie = 'linkbot_session=1; path=/';
</script>`,
  klaro: `
<script type="text/plain" data-type="text/javascript" data-name="${services('statistical')[0]}">window.__stat = (window.__stat || 0) + 1;</script>
<script type="text/plain" data-type="text/javascript" data-name="${services('functional')[0]}">
  window.__func = (window.__func || 0) + 1; document.cookie = 'linkbot_session=1; path=/';
</script>`,
};

/* Each library's page: its files in the order its documentation gives, and what the tests
 * press. */
const LIBRARIES = {
  'vanilla-cookieconsent': {
    files: { 'cookieconsent.umd.js': 'vanilla-cookieconsent/dist/cookieconsent.umd.js',
      'cookieconsent.css': 'vanilla-cookieconsent/dist/cookieconsent.css' },
    head: '<link rel="stylesheet" href="cookieconsent.css">',
    scripts: '<script src="cookieconsent.umd.js"></script>\n<script src="cookieconsent-config.js"></script>',
    banner: '#cc-main .cm',
    accept: '#cc-main .cm [data-role=all]',
    reject: '#cc-main .cm [data-role=necessary]',
    /* The categories the library's cookie says were accepted. */
    accepted: value => value.categories,
  },
  klaro: {
    files: { 'klaro.js': 'klaro/dist/klaro.js' },
    head: '',
    scripts: '<script src="klaro-config.js"></script>\n<script defer src="klaro.js"></script>',
    banner: '.klaro .cookie-notice',
    accept: '.klaro .cookie-notice .cm-btn-success',
    reject: '.klaro .cookie-notice .cn-decline',
    /* Klaro stores the services; a category is accepted when all of its services are. */
    accepted: value => categories.filter(id => services(id).length > 0 &&
      services(id).every(service => value[service] === true)),
  },
};

let browser;
let server;
let root;

before(async () => {
  const source = path.join(tempDir('samtykke-interop-'), 'policy.json');

  fs.writeFileSync(source, JSON.stringify(policy, null, 2) + '\n');
  root = tempDir('samtykke-interop-site-');
  for (const [format, library] of Object.entries(LIBRARIES)) {
    const dir = path.join(root, format);

    execFileSync(CLI, ['export', source, '-o', dir, '--format', format],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    for (const [name, file] of Object.entries(library.files))
      fs.copyFileSync(path.join(modules, file), path.join(dir, name));
    for (const lang of ['da', 'en'])
      fs.writeFileSync(path.join(dir, `${lang}.html`), `<!DOCTYPE html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>Københavns Kommune</title>${library.head}</head>
<body>
<main><h1>Københavns Kommune</h1><p>Velkommen til kk.dk.</p></main>
${BLOCKED[format]}
${library.scripts}
</body>
</html>
`);
  }

  server = await serve(root);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
      '--disable-blink-features=AutomationControlled'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
  if (root)
    fs.rmSync(root, { recursive: true, force: true });
});

/* Opens the library's page in @lang for a fresh visitor; nothing leaves the machine. */
async function open (format, lang) {
  const context = await browser.newContext({ userAgent: USER_AGENT });
  const errors = [];

  await context.route(url => !url.hostname.endsWith('.localhost'), route => route.abort());
  context.setDefaultTimeout(5000);
  const page = await context.newPage();
  page.on('pageerror', error => errors.push(error.message));
  const port = new URL(server.origin).port;
  await page.goto(`http://www.kk.localhost:${port}/${format}/${lang}.html`);
  await page.locator(LIBRARIES[format].banner).waitFor({ state: 'visible' });

  return { context, page, errors };
}

/* The library's own cookie, under the policy's name on the policy's domain. */
async function stored (context) {
  const cookie = (await context.cookies()).find(c => c.name === policy.consent.cookie_name);

  assert.ok(cookie, `no cookie “${policy.consent.cookie_name}”`);
  assert.equal(cookie.domain, '.kk.localhost');

  return JSON.parse(decodeURIComponent(cookie.value));
}

/* Waits for the library to write its cookie after a click: it does so at once, but the test
 * must not race the click's handler. */
async function storedAfterClick (context, page, selector) {
  await page.locator(selector).click();
  await page.waitForFunction(name => document.cookie.split('; ').some(c => c.startsWith(name + '=')),
    policy.consent.cookie_name);

  return stored(context);
}

for (const format of Object.keys(LIBRARIES)) {
  const library = LIBRARIES[format];

  describe(format, () => {
    test('Danish texts; Accept all stores every category and runs the blocked scripts', async () => {
      const { context, page, errors } = await open(format, 'da');

      try {
        const banner = page.locator(library.banner);
        const text = await banner.innerText();

        assert.ok(text.includes(policy.texts.banner_title.da), text);
        assert.match(await page.locator(library.accept).innerText(),
          new RegExp(policy.texts.accept_all.da, 'i'));
        assert.match(await page.locator(library.reject).innerText(),
          new RegExp(policy.texts.reject_all.da, 'i'));
        assert.equal(await page.evaluate(() => window.__stat), undefined);

        const value = await storedAfterClick(context, page, library.accept);
        assert.deepEqual([...library.accepted(value)].sort(), [...categories].sort());
        await page.waitForFunction(() => window.__stat === 1 && window.__func === 1);
        assert.ok((await context.cookies()).some(c => c.name === 'linkbot_session'));
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });

    test('English texts; Reject all stores only the required categories and runs nothing', async () => {
      const { context, page, errors } = await open(format, 'en');

      try {
        const text = await page.locator(library.banner).innerText();

        assert.ok(text.includes(policy.texts.banner_title.en), text);
        assert.ok(!text.includes(policy.texts.banner_title.da), text);
        assert.match(await page.locator(library.accept).innerText(),
          new RegExp(policy.texts.accept_all.en, 'i'));
        assert.match(await page.locator(library.reject).innerText(),
          new RegExp(policy.texts.reject_all.en, 'i'));

        const value = await storedAfterClick(context, page, library.reject);
        assert.deepEqual([...library.accepted(value)].sort(), [...required].sort());
        for (const id of optional)
          assert.ok(!library.accepted(value).includes(id), id);
        await page.locator(library.banner).waitFor({ state: 'hidden' });
        assert.equal(await page.evaluate(() => window.__stat), undefined);
        assert.equal(await page.evaluate(() => window.__func), undefined);
        assert.ok(!(await context.cookies()).some(c => c.name === 'linkbot_session'));
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  });
}
