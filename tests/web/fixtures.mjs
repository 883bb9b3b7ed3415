/* fixtures.mjs — what the browser tests share: exporting a policy, serving it, driving Chromium
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export const SOURCE_DIR = process.env.SAMTYKKE_SOURCE_DIR || path.resolve(here, '..', '..');
export const CLI = process.env.SAMTYKKE_CLI ||
  path.join(SOURCE_DIR, '_build-web', 'src', 'cli', 'samtykke-cli');
export const GEN_POLICY = process.env.SAMTYKKE_GEN_POLICY ||
  path.join(SOURCE_DIR, '_build-web', 'bench', 'gen-policy');
export const EXAMPLE = path.join(SOURCE_DIR, 'data', 'examples', 'copenhagen.json');
export const VNU_JAR = path.join(here, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

/* A fresh copy of the bundled example, to change for a special case. */
export function example () {
  return JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
}

export function tempDir (name = 'samtykke-web-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), name));
}

/* A large policy from bench/gen-policy: the example's texts and categories, @providers
 * providers of @cookies cookies each (names "_pP_C", every tenth a pattern "_pP_C_*"). Returns
 * the path of the file. */
export function generatePolicy (providers, cookies) {
  const file = path.join(tempDir('samtykke-gen-'), `policy-${providers}x${cookies}.json`);

  execFileSync(GEN_POLICY, ['-p', String(providers), '-c', String(cookies), file],
    { stdio: ['ignore', 'pipe', 'pipe'] });

  return file;
}

/* Exports @policy (an object, or the path of a policy file) with samtykke-cli into @out, with
 * the command's further @options. */
export function exportPolicy (policy, out = tempDir(), options = []) {
  let file = policy;

  if (typeof policy !== 'string') {
    file = path.join(tempDir('samtykke-src-'), 'policy.json');
    fs.writeFileSync(file, JSON.stringify(policy, null, 2) + '\n');
  }
  execFileSync(CLI, ['export', file, '-o', out, ...options], { stdio: ['ignore', 'pipe', 'pipe'] });

  return out;
}

/* The things a site marks for the component: blocked scripts (inline and from a third party),
 * a click-to-load video, the consent-settings link. */
const MARKED = `
<script type="text/plain" data-category="statistical" src="https://stats.third.test/stat.js"></script>
<script type="text/plain" data-category="statistical">
  window.__stat = (window.__stat || 0) + 1;
  document.cookie = 'nmstat=1; path=/';
  document.cookie = '_ui_survey=1; path=/';
</script>
<script type="text/plain" data-category="functional">
  window.__func = (window.__func || 0) + 1;
  document.cookie = 'linkbot_session=1; path=/';
  sessionStorage.setItem('linkbot_state', 'open');
</script>
<script type="text/plain" data-category="necessary">window.__necessary = 1;</script>
<div data-samtykke-embed="youtube-video" id="video">
  <template><iframe title="Video" src="https://www.youtube.third.test/embed/x"></iframe></template>
</div>`;

/* Writes a host page around the exported banner: the banner pasted right after <body>, as the
 * documentation says. */
export function writeHostPage (dir, { lang = 'da', name = 'index.html', head = '', marked = true } = {}) {
  const banner = fs.readFileSync(path.join(dir, 'banner.html'), 'utf8');
  const html = `<!DOCTYPE html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Københavns Kommune</title>${head}</head>
<body>
${banner}
<header><h1>Københavns Kommune</h1></header>
<main>
<p>Velkommen til kk.dk. Her finder du information om borgerservice, affald, parkering og meget mere.</p>
${marked ? MARKED : ''}
</main>
<footer><a href="#samtykke" data-samtykke-settings id="settings-link">Samtykkeindstillinger</a></footer>
</body>
</html>
`;
  fs.writeFileSync(path.join(dir, name), html);

  return name;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json' };

/* A static server on 127.0.0.1 (a free port) over server.root, which a test may change. A POST
 * to /log is kept in server.beacons as parsed JSON (or the raw text when it does not parse). */
export async function serve (root, { headers = {} } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');

    if (req.method === 'POST') {
      let body = '';
      req.on('data', chunk => { body += chunk; });
      req.on('end', () => {
        try {
          server.beacons.push({ path: url.pathname, type: req.headers['content-type'], body: JSON.parse(body) });
        } catch {
          server.beacons.push({ path: url.pathname, type: req.headers['content-type'], body });
        }
        res.writeHead(204).end();
      });
      return;
    }

    const name = url.pathname.endsWith('/') ? url.pathname + 'index.html' : url.pathname;
    const file = path.join(server.root, path.normalize(decodeURIComponent(name)).replace(/^\/+/, ''));
    if (!file.startsWith(server.root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'cache-control': 'no-store', ...server.headers });
    res.end(fs.readFileSync(file));
  });

  server.root = root;
  server.headers = headers;
  server.beacons = [];
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  /* A failed test may skip its close(); the suite must still end. */
  server.unref();
  server.origin = `http://127.0.0.1:${server.address().port}`;

  return server;
}

export async function launch () {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/* Hosts that are the site itself: the loopback address, and names under .localhost, which
 * Chromium resolves to it (www.kk.localhost, to test the parent domain kk.localhost). */
const own = url => url.hostname === '127.0.0.1' || url.hostname.endsWith('.localhost');

/* A fresh visitor: empty cookies and storage. Every request is listed; anything not on the
 * site's own hosts is a third party, answered here so that nothing leaves the machine. */
export async function visitor (browser, options = {}) {
  const context = await browser.newContext(options);
  const requests = [];
  const errors = [];

  context.on('request', request => requests.push(request.url()));
  await context.route(url => !own(url), route => {
    const url = route.request().url();
    if (url.endsWith('.js'))
      return route.fulfill({ contentType: 'text/javascript', body: 'window.__statSrc = (window.__statSrc || 0) + 1;' });
    return route.fulfill({ contentType: 'text/html', body: '<!DOCTYPE html><title>x</title><p>video</p>' });
  });
  context.setDefaultTimeout(5000);
  const page = await context.newPage();
  page.on('pageerror', error => errors.push(error.message));

  return {
    context, page, requests, errors,
    thirdParty: () => requests.filter(url => !own(new URL(url))),
    cookies: async () => (await context.cookies()).map(c => c.name).sort(),
    consent: async () => {
      const cookie = (await context.cookies()).find(c => c.name === 'samtykke');
      return cookie ? JSON.parse(decodeURIComponent(cookie.value)) : null;
    },
  };
}

export async function bannerVisible (page) {
  return page.evaluate(() => {
    const banner = document.querySelector('samtykke-banner');
    return !!banner && banner.checkVisibility() && banner.getBoundingClientRect().height > 0;
  });
}

/* Polls @check until it is true or @ms passed. */
export async function until (check, ms = 5000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check())
      return true;
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  return false;
}
