/* har.test.mjs — a HAR file as Chromium records it, audited against the policy
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A visitor browses the loopback test site (samtykke-test-site) in Chromium with the HAR
 * recorder on: the home page before any choice, the shop under /consent/ with its Samtykke
 * banner, Accept all, and one more page. `samtykke-cli audit` then reads that file against the
 * site's policy, as an administrator would with a HAR saved from their own browser.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { launch } from './fixtures.mjs';

const cli = process.env.SAMTYKKE_CLI;
const testSite = process.env.SAMTYKKE_TEST_SITE;
const policy = path.join(process.env.SAMTYKKE_SOURCE_DIR, 'tests', 'scan', 'site-policy.json');

let work, site, urls, browser;

before(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'samtykke-har-'));
  const exported = path.join(work, 'export');
  const run = spawnSync(cli, ['export', policy, '-o', exported], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);

  /* The site listens on the loopback only, and prints where once it does. */
  site = spawn(testSite, ['--export', exported], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: site.stdout });
  urls = JSON.parse(await new Promise((resolve, reject) => {
    lines.once('line', resolve);
    site.once('exit', code => reject(new Error(`the test site exited (${code})`)));
  }));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  site?.stdin.end();
  if (work)
    rmSync(work, { recursive: true, force: true });
});

function audit (har) {
  const run = spawnSync(cli, ['audit', policy, har, '--json'], { encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr, report: JSON.parse(run.stdout) };
}

test('what Chromium records is matched against the policy, before and after consent', async () => {
  const har = path.join(work, 'visit.har');
  const context = await browser.newContext({ recordHar: { path: har, content: 'omit' } });
  context.setDefaultTimeout(5000);
  const page = await context.newPage();

  /* Only the site and its third party: nothing else may be asked for. */
  await context.route(url => !['127.0.0.1', '127.0.0.2'].includes(url.hostname),
    route => route.abort());

  await page.goto(urls.site, { waitUntil: 'load' });
  await page.goto(new URL('consent/', urls.site).href, { waitUntil: 'load' });
  await page.locator('samtykke-banner [data-stk=all]').click();
  await page.waitForFunction(() => document.cookie.includes('stats_id'));
  await page.goto(new URL('consent/about', urls.site).href, { waitUntil: 'load' });
  await context.close();

  const { status, stderr, report } = audit(har);
  const item = name => report.items.find(i => i.name === name && i.kind === 'cookie');

  assert.equal(status, 1, `findings are exit status 1: ${stderr}`);

  /* The home page sets cookies the policy does not declare, before any choice. */
  for (const name of ['site_session', 'site_prefs', 'tp_id']) {
    assert.ok(item(name), `${name} is reported`);
    assert.equal(item(name).status, 'undeclared', name);
    assert.equal(item(name).before_consent, true, name);
  }
  assert.equal(item('tp_id').domain, '127.0.0.2');

  /* The shop's necessary cookie is declared, and may come before consent. */
  assert.equal(item('shop_cart').status, 'declared');
  assert.equal(item('shop_cart').before_consent, false);

  /* The statistics cookies came after Accept all, which the consent cookie shows. */
  for (const name of ['stats_id', 'tp_stats', 'samtykke_test']) {
    assert.ok(item(name), `${name} is reported`);
    assert.equal(item(name).status, 'declared', name);
    assert.equal(item(name).before_consent, false, name);
  }

  /* The file really holds what the audit read: Chromium's entries, in order. */
  const entries = JSON.parse(readFileSync(har, 'utf8')).log.entries;
  assert.ok(entries.some(e => e.request.url.endsWith('/consent/about')));
});

test('the same visit without Accept all: statistics never appear, and are unseen', async () => {
  const har = path.join(work, 'refused.har');
  const context = await browser.newContext({ recordHar: { path: har, content: 'omit' } });
  context.setDefaultTimeout(5000);
  const page = await context.newPage();

  await context.route(url => !['127.0.0.1', '127.0.0.2'].includes(url.hostname),
    route => route.abort());
  await page.goto(new URL('consent/', urls.site).href, { waitUntil: 'load' });
  await page.locator('samtykke-banner [data-stk=none]').click();
  await page.goto(new URL('consent/about', urls.site).href, { waitUntil: 'load' });
  await context.close();

  const { report } = audit(har);
  const item = name => report.items.find(i => i.name === name && i.kind === 'cookie');

  assert.equal(item('shop_cart').status, 'declared');
  assert.equal(item('stats_id').status, 'unseen');
  assert.equal(item('tp_stats').status, 'unseen');
  assert.equal(report.items.filter(i => i.before_consent).length, 0,
    'nothing optional before consent');
});
