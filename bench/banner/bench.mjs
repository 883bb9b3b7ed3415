/* bench.mjs — what a consent banner costs a visitor on a cold page load, ours against three
 * popular open-source banners, in headless Chromium
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: npm ci && node bench.mjs [--runs 20] [--profile both|desktop|phone] [--cli PATH]
 *        node bench.mjs --sizes [--runs 20] [--profile phone] [--cli PATH] [--compare PATH]
 *
 * Every target is the same municipal host page (host.html): alone, with the banner Samtykke
 * exports for data/examples/copenhagen.json pasted after <body>, and with each peer set up as
 * its documentation describes (3 categories, Danish and English). Each load is a new browser
 * context: empty cache, cookies and storage.
 *
 * With --sizes, the targets are the host page alone and Samtykke's banner for the example
 * (11 cookies) and for policies of 500, 2,000 and 10,000 cookies made by bench/gen-policy (next
 * to the CLI's build); --compare adds the same policies exported by another build's CLI.
 */

import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const source = path.resolve(here, '..', '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Number(option('runs', 20));
const SIZES_MODE = args.includes('--sizes');
/* The --sizes table is about the phone: there the size of the fragment costs most. */
const PROFILE = option('profile', SIZES_MODE ? 'phone' : 'both');
const CLI = option('cli', process.env.SAMTYKKE_CLI || path.join(source, '_build', 'src', 'cli', 'samtykke-cli'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const COMPARE = option('compare', null);
const GEN_POLICY = option('gen-policy', path.join(path.dirname(CLI), '..', '..', 'bench', 'gen-policy'));

const PROFILES = {
  desktop: { context: { viewport: { width: 1280, height: 800 } }, gzip: false },
  /* Lighthouse's mobile preset: slow 4G and a CPU four times slower. */
  phone: {
    context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    gzip: true, cpu: 4,
    net: { offline: false, latency: 562.5, downloadThroughput: 1474.56 * 1024 / 8, uploadThroughput: 675 * 1024 / 8 },
  },
};

/* The peers' own configuration, each as its documentation shows. */
const text = {
  da: { title: 'Vi bruger cookies', body: 'Vi vil gerne bruge cookies til at huske dine valg, vise videoer og måle, hvordan siden bliver brugt.',
    all: 'Accepter alle', none: 'Afvis alle', settings: 'Indstillinger', save: 'Gem mine valg',
    necessary: 'Nødvendige', functional: 'Funktionelle', statistics: 'Statistik' },
  en: { title: 'We use cookies', body: 'We would like to use cookies to remember your choices, show videos and measure how the site is used.',
    all: 'Accept all', none: 'Reject all', settings: 'Settings', save: 'Save my choices',
    necessary: 'Necessary', functional: 'Functional', statistics: 'Statistics' },
};

const vanillaConfig = `import '/node_modules/vanilla-cookieconsent/dist/cookieconsent.umd.js';
const t = ${JSON.stringify(text)};
const translation = l => ({
  consentModal: { title: t[l].title, description: t[l].body, acceptAllBtn: t[l].all,
    acceptNecessaryBtn: t[l].none, showPreferencesBtn: t[l].settings },
  preferencesModal: { title: t[l].settings, acceptAllBtn: t[l].all, acceptNecessaryBtn: t[l].none,
    savePreferencesBtn: t[l].save, closeIconLabel: 'x',
    sections: ['necessary', 'functional', 'statistics'].map(c => ({ title: t[l][c], description: t[l].body, linkedCategory: c })) },
});
CookieConsent.run({
  hideFromBots: false,
  categories: { necessary: { enabled: true, readOnly: true }, functional: {}, statistics: {} },
  language: { default: 'da', autoDetect: 'document', translations: { da: translation('da'), en: translation('en') } },
});
`;

const klaroConfig = `var t = ${JSON.stringify(text)};
var translation = function (l) {
  return { privacyPolicyUrl: '/cookiepolitik', consentNotice: { description: t[l].body },
    purposes: { necessary: t[l].necessary, preferences: t[l].functional, statistics: t[l].statistics } };
};
window.klaroConfig = {
  version: 1, elementID: 'klaro', storageMethod: 'cookie', cookieName: 'klaro', cookieExpiresAfterDays: 365,
  default: false, mustConsent: false, acceptAll: true, hideDeclineAll: false, groupByPurpose: true,
  translations: { zz: { privacyPolicyUrl: '/cookiepolitik' }, da: translation('da'), en: translation('en') },
  services: [
    { name: 'session', title: 'Session', purposes: ['necessary'], required: true },
    { name: 'video', title: 'YouTube', purposes: ['preferences'] },
    { name: 'stats', title: 'Siteimprove', purposes: ['statistics'] },
  ],
};
`;

const tarteaucitronConfig = `var l = document.documentElement.lang === 'en' ? 'en' : 'da';
var names = { da: ['Funktionelle', 'Statistik'], en: ['Functional', 'Statistics'] }[l];
tarteaucitron.services.functional = { key: 'functional', type: 'other', name: names[0], needConsent: true,
  cookies: [], js: function () {}, fallback: function () {} };
tarteaucitron.services.statistics = { key: 'statistics', type: 'analytic', name: names[1], needConsent: true,
  cookies: ['nmstat'], js: function () {}, fallback: function () {} };
tarteaucitron.init({ privacyUrl: '/cookiepolitik', hashtag: '#tarteaucitron', cookieName: 'tarteaucitron',
  orientation: 'bottom', showAlertSmall: false, cookieslist: false, highPrivacy: true, DenyAllCta: true,
  AcceptAllCta: true, mandatory: true, removeCredit: true });
(tarteaucitron.job = tarteaucitron.job || []).push('functional', 'statistics');
`;

const nm = path.join(here, 'node_modules');
const TARGETS = [
  { name: 'host page alone (first paint)', id: 'baseline', selector: null, files: [] },
  { name: 'samtykke (this project)', id: 'samtykke', selector: 'samtykke-banner', files: ['samtykke.js', 'samtykke.css'] },
  /* A control: the same first layer and stylesheet without any script. What it costs is the price
   * of laying out and painting a banner at all. */
  { name: 'samtykke\'s first layer without its script', id: 'markup', selector: 'samtykke-banner', files: ['samtykke.css'] },
  { name: 'vanilla-cookieconsent 3.1.0', id: 'vanilla', selector: '#cc-main .cm',
    head: '<link rel="stylesheet" href="/node_modules/vanilla-cookieconsent/dist/cookieconsent.css">\n<script type="module" src="config.js"></script>',
    config: vanillaConfig,
    files: ['vanilla-cookieconsent/dist/cookieconsent.umd.js', 'vanilla-cookieconsent/dist/cookieconsent.css'].map(f => path.join(nm, f)) },
  { name: 'klaro 0.7.22', id: 'klaro', selector: '.klaro .cookie-notice',
    head: '<script defer src="config.js"></script>\n<script defer src="/node_modules/klaro/dist/klaro.js"></script>',
    config: klaroConfig, files: [path.join(nm, 'klaro/dist/klaro.js')] },
  { name: 'tarteaucitronjs 1.34.0', id: 'tarteaucitron', selector: '#tarteaucitronAlertBig',
    head: '<script src="/node_modules/tarteaucitronjs/tarteaucitron.min.js"></script>\n<script src="config.js"></script>',
    config: tarteaucitronConfig,
    files: ['tarteaucitron.min.js', 'css/tarteaucitron.min.css', 'lang/tarteaucitron.da.min.js', 'tarteaucitron.services.min.js']
      .map(f => path.join(nm, 'tarteaucitronjs', f)) },
];

/* Builds every target's page into a folder served as the web root. */
function buildSite () {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'samtykke-bench-'));
  const host = fs.readFileSync(path.join(here, 'host.html'), 'utf8');
  const exported = path.join(site, 'samtykke');

  execFileSync(CLI, ['export', path.join(source, 'data', 'examples', 'copenhagen.json'), '-o', exported]);
  for (const target of TARGETS) {
    const dir = path.join(site, target.id);
    fs.mkdirSync(dir, { recursive: true });
    const banner = fs.readFileSync(path.join(exported, 'banner.html'), 'utf8');
    const body = target.id === 'samtykke' ? banner
      : target.id === 'markup' ? banner.replace(/<script[^>]*>[^]*?<\/script>\n?/g, '') : '';
    fs.writeFileSync(path.join(dir, 'index.html'),
      host.replace('<!--HEAD-->', target.head || '').replace('<!--BODY-->', body));
    if (target.config)
      fs.writeFileSync(path.join(dir, 'config.js'), target.config);
    if (target.id === 'samtykke' || target.id === 'markup')
      target.files = target.files.map(f => path.join(exported, f));
  }

  return site;
}

/* The policies of the --sizes table: the example, and gen-policy's providers × cookies each. */
const SIZES = [
  { cookies: 11, label: 'the example: 5 providers, 11 cookies' },
  { cookies: 500, p: 50, c: 10, label: '50 providers × 10 cookies' },
  { cookies: 2000, p: 100, c: 20, label: '100 providers × 20 cookies' },
  { cookies: 10000, p: 500, c: 20, label: '500 providers × 20 cookies' },
];

/* The bytes of `gzip -9` (Node's zlib at level 9 comes out a little larger on these files). */
function gzip9 (file) {
  try {
    return execFileSync('gzip', ['-9', '-n', '-c', file], { maxBuffer: 1 << 28 }).length;
  } catch {
    return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
  }
}

/* The site of the --sizes table: the host page with each policy's banner.html, exported by this
 * build's CLI and, with --compare, by another's. */
function buildSizesSite () {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'samtykke-bench-sizes-'));
  const host = fs.readFileSync(path.join(here, 'host.html'), 'utf8');
  const targets = [{ name: 'host page alone (first paint)', id: 'baseline', selector: null }];

  fs.mkdirSync(path.join(site, 'baseline'));
  fs.writeFileSync(path.join(site, 'baseline', 'index.html'), host.replace('<!--HEAD-->', '').replace('<!--BODY-->', ''));
  for (const size of SIZES) {
    let policy = path.join(source, 'data', 'examples', 'copenhagen.json');
    if (size.p) {
      policy = path.join(site, `policy-${size.cookies}.json`);
      execFileSync(GEN_POLICY, ['-p', String(size.p), '-c', String(size.c), policy]);
    }
    for (const [cli, suffix, build] of [[CLI, '', 'this build'], ...COMPARE ? [[COMPARE, '-compare', 'compared build']] : []]) {
      const id = `s${size.cookies}${suffix}`;
      const dir = path.join(site, id);
      execFileSync(cli, ['export', policy, '-o', dir]);
      const banner = fs.readFileSync(path.join(dir, 'banner.html'));
      fs.writeFileSync(path.join(dir, 'index.html'),
        host.replace('<!--HEAD-->', '').replace('<!--BODY-->', banner.toString()));
      targets.push({ name: `${size.label}${COMPARE ? ` (${build})` : ''}`, id, selector: 'samtykke-banner',
        raw: banner.length, gz: gzip9(path.join(dir, 'banner.html')) });
    }
  }

  return { site, targets };
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.json': 'application/json' };

async function serve (site, gzip) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let name = decodeURIComponent(url.pathname);
    if (name.endsWith('/'))
      name += 'index.html';
    const root = name.startsWith('/node_modules/') ? here : site;
    const file = path.join(root, path.normalize(name));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory())
      return res.writeHead(404).end();
    let body = fs.readFileSync(file);
    const headers = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' };
    if (gzip && /gzip/.test(req.headers['accept-encoding'] || '') && TYPES[path.extname(file)]) {
      body = zlib.gzipSync(body, { level: 9 });
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(200, { ...headers, 'content-length': body.length }).end(body);
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/* Runs before any page script: layout shifts and long tasks, and (with a selector) a per-frame
 * search for the banner. That search reads layout in every frame until the banner shows, so the
 * loads that count long tasks run without it. */
function probe (selector) {
  window.__bench = { visible: null, cls: 0, longTasks: [] };
  new PerformanceObserver(list => {
    for (const e of list.getEntries())
      if (!e.hadRecentInput) window.__bench.cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver(list => {
    for (const e of list.getEntries())
      window.__bench.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  if (!selector)
    return;
  const frame = () => {
    const el = document.querySelector(selector);
    if (el && el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
      const r = el.getBoundingClientRect();
      if (r.width >= 2 && r.height >= 2 && r.bottom > 0 && r.top < innerHeight) {
        window.__bench.visible = performance.now();
        return;
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

async function load (browser, profile, origin, target, watch) {
  const context = await browser.newContext({ locale: 'da-DK', ...profile.context });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  let requests = 0;

  if (profile.net) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', profile.net);
  }
  if (profile.cpu)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  page.on('request', r => { if (!r.url().endsWith('/favicon.ico')) requests++; });
  await page.addInitScript(probe, watch ? target.selector : null);
  await page.goto(`${origin}/${target.id}/`, { waitUntil: 'load', timeout: 60000 });
  const end = Date.now() + 15000;
  while (watch && target.selector && Date.now() < end && !(await page.evaluate(() => window.__bench.visible)))
    await page.waitForTimeout(50);
  await page.waitForTimeout(500);
  const m = await page.evaluate(() => ({
    ...window.__bench,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  }));
  await context.close();

  return { ...m, requests };
}

const median = values => {
  const v = values.filter(x => x !== null && x !== undefined).sort((a, b) => a - b);
  return v.length ? v[Math.floor((v.length - 1) / 2)] : null;
};
const ms = x => (x === null ? 'n/a' : `${Math.round(x).toLocaleString('en')} ms`);
const bytes = n => n.toLocaleString('en');

async function main () {
  const site = buildSite();
  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const profiles = PROFILE === 'both' ? ['desktop', 'phone'] : [PROFILE];
  const results = {};

  for (const name of profiles) {
    const server = await serve(site, PROFILES[name].gzip);
    const origin = `http://127.0.0.1:${server.address().port}`;
    /* One untimed load first: the browser's own start-up should not count against the first target. */
    await load(browser, PROFILES[name], origin, TARGETS[0], true);
    /* Targets take turns, so that a slow spell of the machine falls on all of them alike. Each
     * run is one load watched for the banner and one load that only counts long tasks. */
    const runs = Object.fromEntries(TARGETS.map(t => [t.id, { watched: [], quiet: [] }]));
    for (let i = 0; i < RUNS; i++) {
      for (const target of TARGETS) {
        runs[target.id].watched.push(await load(browser, PROFILES[name], origin, target, true));
        runs[target.id].quiet.push(await load(browser, PROFILES[name], origin, target, false));
      }
    }
    for (const target of TARGETS) {
      const { watched, quiet } = runs[target.id];
      const over = quiet.map(r => r.longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0));
      (results[target.id] ??= {})[name] = {
        visible: median(watched.map(r => r.visible)), fcp: median(watched.map(r => r.fcp)),
        cls: Math.max(...watched.map(r => r.cls), ...quiet.map(r => r.cls)),
        longLoads: quiet.filter(r => r.longTasks.length > 0).length,
        longTasks: quiet.reduce((n, r) => n + r.longTasks.length, 0),
        overMedian: median(over), overWorst: Math.max(...over),
        requests: median(watched.map(r => r.requests)),
      };
      process.stderr.write(`${name} ${target.id}: ${JSON.stringify(results[target.id][name])}\n`);
    }
    server.close();
  }
  await browser.close();

  const both = (id, key) => profiles.map(p => ms(results[id][p]?.[key] ?? null)).join(' / ');
  console.log(`\nMedian of ${RUNS} cold loads; ${profiles.join(' / ')} profile${profiles.length > 1 ? 's' : ''}.\n`);
  console.log('| banner | library bytes raw / gzip -9 | requests | banner visible, ' + profiles.join(' / ') + ' |');
  console.log('|---|---|---|---|');
  for (const target of TARGETS) {
    const r = results[target.id][profiles[0]];
    if (!target.selector) {
      console.log(`| ${target.name} | – | ${r.requests} | ${both(target.id, 'fcp')} |`);
      continue;
    }
    const raw = target.files.reduce((n, f) => n + fs.statSync(f).size, 0);
    const gz = target.files.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length, 0);
    console.log(`| ${target.name} | ${bytes(raw)} / ${bytes(gz)} | ${r.requests} | ${both(target.id, 'visible')} |`);
  }
  console.log(`\nLong tasks, counted in ${RUNS} more loads per target without the per-frame search for the banner.\n`);
  console.log('| banner | first contentful paint | layout shift (worst load) | loads with a long task | long-task time over 50 ms, median / worst |');
  console.log('|---|---|---|---|---|');
  for (const target of TARGETS) {
    const r = results[target.id];
    console.log(`| ${target.name} | ${both(target.id, 'fcp')} | ${profiles.map(p => r[p].cls.toFixed(3)).join(' / ')} | ` +
      `${profiles.map(p => `${r[p].longLoads} of ${RUNS}`).join(' / ')} | ` +
      `${profiles.map(p => `${ms(r[p].overMedian)}, ${ms(r[p].overWorst)}`).join(' / ')} |`);
  }
  fs.rmSync(site, { recursive: true, force: true });
}

/* The --sizes table: what banner.html weighs and when the banner shows, by policy size. */
async function mainSizes () {
  const { site, targets } = buildSizesSite();
  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const profiles = PROFILE === 'both' ? ['desktop', 'phone'] : [PROFILE];
  const results = {};

  for (const name of profiles) {
    const server = await serve(site, PROFILES[name].gzip);
    const origin = `http://127.0.0.1:${server.address().port}`;
    await load(browser, PROFILES[name], origin, targets[0], true);
    const runs = Object.fromEntries(targets.map(t => [t.id, { watched: [], quiet: [] }]));
    for (let i = 0; i < RUNS; i++) {
      for (const target of targets) {
        runs[target.id].watched.push(await load(browser, PROFILES[name], origin, target, true));
        runs[target.id].quiet.push(await load(browser, PROFILES[name], origin, target, false));
      }
    }
    for (const target of targets) {
      const { watched, quiet } = runs[target.id];
      (results[target.id] ??= {})[name] = {
        visible: median(watched.map(r => r.visible)), fcp: median(watched.map(r => r.fcp)),
        /* How much later than the page's own first paint, load by load. */
        lag: median(watched.map(r => r.visible === null || r.fcp === null ? null : r.visible - r.fcp)),
        cls: Math.max(...watched.map(r => r.cls), ...quiet.map(r => r.cls)),
        longLoads: quiet.filter(r => r.longTasks.length > 0).length,
        longTasks: quiet.reduce((n, r) => n + r.longTasks.length, 0),
      };
      process.stderr.write(`${name} ${target.id}: ${JSON.stringify(results[target.id][name])}\n`);
    }
    server.close();
  }
  await browser.close();

  console.log(`\nMedian of ${RUNS} cold loads; ${profiles.join(' / ')} profile${profiles.length > 1 ? 's' : ''}.\n`);
  console.log(`| policy | banner.html raw / gzip -9 | banner visible, ${profiles.join(' / ')} | ` +
    `visible minus the page's first contentful paint | first contentful paint | layout shift | loads with a long task |`);
  console.log('|---|---|---|---|---|---|---|');
  const each = (id, f) => profiles.map(p => f(results[id][p])).join(' / ');
  for (const target of targets) {
    if (!target.selector) {
      console.log(`| ${target.name} | – | – | – | ${each(target.id, r => ms(r.fcp))} | ${each(target.id, r => r.cls.toFixed(3))} | ` +
        `${each(target.id, r => `${r.longLoads} of ${RUNS}`)} |`);
      continue;
    }
    console.log(`| ${target.name} | ${bytes(target.raw)} / ${bytes(target.gz)} | ${each(target.id, r => ms(r.visible))} | ` +
      `${each(target.id, r => ms(r.lag))} | ${each(target.id, r => ms(r.fcp))} | ${each(target.id, r => r.cls.toFixed(3))} | ` +
      `${each(target.id, r => `${r.longLoads} of ${RUNS}`)} |`);
  }
  fs.rmSync(site, { recursive: true, force: true });
}

await (SIZES_MODE ? mainSizes() : main());
