/* look.test.mjs — the banner's layouts and colours, Global Privacy Control and the reopen button
 * in Chromium, with axe-core's WCAG 2.2 A/AA rules
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With SAMTYKKE_SCREENSHOTS set to a folder, the layout tests also save a screenshot of each
 * layout there (web-LAYOUT.png and web-LAYOUT-dark.png, at 1280 px).
 */

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { bannerVisible, example, exportPolicy, launch, serve, tempDir, until, visitor, writeHostPage } from './fixtures.mjs';

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SHOTS = process.env.SAMTYKKE_SCREENSHOTS;

/* 1280 px; 320 px, short enough that a card must scroll; 1280 × 800 at 200 % zoom. */
const VIEWPORTS = [
  { label: '1280 px', width: 1280, height: 800 },
  { label: '320 px', width: 320, height: 480 },
  { label: '200 % zoom', width: 640, height: 400 },
];

/* Every layout, one with a site's own colours, corners and font (which validation let pass). */
const LOOKS = {
  bar: {},
  box: { layout: 'box', position: 'left' },
  centred: {
    layout: 'centred', radius: 16, font: 'Georgia, serif',
    light: { background: '#fdfaf3', text: '#2b2118', accent: '#1d6b3a', button_text: '#ffffff',
      link: '#1d5a9b', border: '#7a6f62' },
    dark: { background: '#14201a', text: '#ecf3ee', accent: '#7fd1a0', button_text: '#10231a',
      link: '#9cc8ff', border: '#8c9a90' },
  },
};

let browser, server, root;

before(async () => {
  root = tempDir('samtykke-look-');
  for (const [name, look] of Object.entries(LOOKS)) {
    const policy = example();

    Object.assign(policy.appearance, look);
    fs.mkdirSync(path.join(root, name));
    exportPolicy(policy, path.join(root, name));
    writeHostPage(path.join(root, name), { marked: false });
  }
  const gpc = example();
  gpc.consent.log_endpoint = '/log';
  fs.mkdirSync(path.join(root, 'gpc'));
  exportPolicy(gpc, path.join(root, 'gpc'));
  writeHostPage(path.join(root, 'gpc'), { marked: false });

  server = await serve(root);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

/* axe-core's WCAG 2.2 A and AA rules over what @selector matches; the violations, as
 * "rule: element" lines. Text in the colour of its own background (1:1, the worst contrast
 * there is) counts too: axe leaves it undecided, in case the text is meant to be invisible. */
async function axe (page, selector) {
  if (!await page.evaluate(() => !!window.axe))
    await page.addScriptTag({ content: AXE });

  return page.evaluate(async ({ selector, tags }) => {
    const result = await window.axe.run(selector ? { include: [[selector]] } : document,
      { runOnly: { type: 'tag', values: tags } });
    const equal = result.incomplete.filter(v => v.id == 'color-contrast').map(v => ({
      ...v, nodes: v.nodes.filter(n => n.any.some(c => c.data?.messageKey == 'equalRatio')) }));
    return [...result.violations, ...equal]
      .flatMap(v => v.nodes.map(n => `${v.id}: ${n.target.join(' ')}`));
  }, { selector, tags: WCAG });
}

/* Where the banner's card is and how it behaves at the current size: inside the window, its
 * three buttons styled alike and each reachable by scrolling the card itself. */
function measure () {
  const banner = document.querySelector('samtykke-banner');
  const card = banner.classList.contains('stk-mid') ? banner.querySelector('.stk-b') : banner;
  const rect = card.getBoundingClientRect();
  const buttons = [...banner.querySelectorAll('.stk-a button')];
  const style = b => {
    const s = getComputedStyle(b);
    return [s.color, s.backgroundColor, s.borderTopColor, s.borderTopWidth, s.borderRadius,
      s.fontSize, s.fontWeight, s.fontFamily, s.paddingTop, s.textDecorationLine, s.opacity].join(' ');
  };
  const overflow = getComputedStyle(card).overflowY;

  return {
    inside: rect.left >= 0 && rect.top >= 0 && rect.right <= innerWidth + 0.5 &&
      rect.bottom <= innerHeight + 0.5,
    /* Content taller than the card must scroll within it. */
    scrolls: card.scrollHeight <= card.clientHeight || overflow == 'auto' || overflow == 'scroll',
    wide: document.documentElement.scrollWidth <= innerWidth && card.scrollWidth <= card.clientWidth,
    styles: [...new Set(buttons.map(style))].length,
    buttons: buttons.map(b => b.dataset.stk).join(' '),
    font: getComputedStyle(banner).fontFamily,
  };
}

for (const [name, look] of Object.entries(LOOKS)) {
  describe(`the ${name} layout`, () => {
    test('fits, scrolls on its own and passes axe at 1280 px, 320 px and 200 % zoom, light and dark', async () => {
      const v = await visitor(browser);
      await v.page.addInitScript(() => {
        window.__cls = 0;
        new PerformanceObserver(list => {
          for (const entry of list.getEntries())
            if (!entry.hadRecentInput)
              window.__cls += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await v.page.goto(`${server.origin}/${name}/`);
      assert.ok(await bannerVisible(v.page));
      /* Loading and showing shift nothing; what the window's changes of size below move is
       * not the page's doing. */
      await v.page.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.equal(await v.page.evaluate(() => window.__cls), 0, 'no layout shift');

      for (const viewport of VIEWPORTS) {
        await v.page.setViewportSize(viewport);
        for (const colorScheme of ['light', 'dark']) {
          const where = `${viewport.label}, ${colorScheme}`;

          await v.page.emulateMedia({ colorScheme });
          const m = await v.page.evaluate(measure);
          assert.ok(m.inside, `${where}: the card is inside the window`);
          assert.ok(m.scrolls, `${where}: the card scrolls when taller than the window`);
          assert.ok(m.wide, `${where}: nothing is wider than the window`);
          assert.equal(m.buttons, 'all none set');
          assert.equal(m.styles, 1, `${where}: Accept all, Reject all and Settings look alike`);
          if (look.font)
            assert.match(m.font, /^Georgia/);
          /* axe's contrast rules depend on the scheme, the others on the size: both schemes at
           * 1280 px, one at each other size. */
          if (viewport.width == 1280 || (colorScheme == 'dark') == (viewport.width == 320))
            assert.deepEqual(await axe(v.page, 'samtykke-banner'), [], where);

          /* The last choice can be reached and seen, by scrolling the card if need be. */
          const settings = v.page.locator('samtykke-banner [data-stk=set]');
          await settings.scrollIntoViewIfNeeded();
          assert.ok(await settings.evaluate(b => {
            const r = b.getBoundingClientRect();
            return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
          }), `${where}: Settings is reachable`);

          if (SHOTS && viewport.width == 1280)
            await v.page.screenshot({ path: path.join(SHOTS, `web-${name}${colorScheme == 'dark' ? '-dark' : ''}.png`) });
        }
      }

      /* The settings dialog, in both schemes, at the last size (200 % zoom); the layout does
       * not change it, so only with today's colours and with the site's. */
      await v.page.click('samtykke-banner [data-stk=set]');
      for (const colorScheme of name == 'box' ? [] : ['light', 'dark']) {
        await v.page.emulateMedia({ colorScheme });
        assert.deepEqual(await axe(v.page, 'dialog.stk-s'), [], `settings, ${colorScheme}`);
      }
      await v.page.locator('dialog [data-stk=save]').click();
      assert.deepEqual((await v.consent()).c, ['necessary']);
      assert.deepEqual(v.errors, []);
      await v.context.close();
    });
  });
}

/* The pages' tables make axe slow: one language in each scheme. */
test('the declaration pages pass axe, light and dark', async () => {
  const v = await visitor(browser);
  for (const [lang, colorScheme] of [['da', 'light'], ['en', 'dark']]) {
    await v.page.emulateMedia({ colorScheme });
    await v.page.goto(`${server.origin}/centred/cookie-policy.${lang}.html`);
    assert.deepEqual(await axe(v.page), [], `${lang}, ${colorScheme}`);
  }
  await v.context.close();
});

describe('Global Privacy Control', () => {
  test('refuses every optional category without showing the banner, and says so', async () => {
    const v = await visitor(browser);
    await v.page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true });
      window.__events = [];
      document.addEventListener('samtykke-change', e => window.__events.push(e.detail));
    });
    server.beacons = [];
    await v.page.goto(`${server.origin}/gpc/`);

    assert.ok(await until(() => v.page.evaluate(() => window.__events.length == 1)));
    assert.ok(!await bannerVisible(v.page), 'the browser has answered the banner');
    const consent = await v.consent();
    assert.deepEqual(consent.c, ['necessary'], 'no optional consent');
    const record = await v.page.evaluate(() => window.Samtykke.get());
    assert.equal(record.gpc, true);
    assert.deepEqual(record.choices, { necessary: true, functional: false, statistical: false });
    assert.deepEqual(await v.page.evaluate(() => window.__events), [record]);
    assert.ok(await until(() => server.beacons.length == 1));
    assert.equal(server.beacons[0].path, '/log');
    assert.deepEqual(server.beacons[0].body, record);

    /* The visitor can still opt in; the settings say why the categories are off. */
    await v.page.locator('footer [data-samtykke-settings]').click();
    const dialog = v.page.locator('dialog.stk-s');
    assert.ok((await dialog.innerText()).includes('Global Privacy Control'));
    await dialog.locator('[data-c=statistical]').check();
    await dialog.locator('[data-stk=save]').click();
    assert.deepEqual((await v.consent()).c, ['necessary', 'statistical']);
    await v.context.close();
  });

  test('a browser without it sees the banner', async () => {
    const v = await visitor(browser);
    await v.page.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => false }));
    await v.page.goto(`${server.origin}/gpc/`);
    assert.ok(await bannerVisible(v.page));
    assert.equal(await v.consent(), null);
    await v.context.close();
  });
});

test('the reopen button appears after a choice and opens the settings by keyboard and pointer', async () => {
  const v = await visitor(browser);
  const reopen = v.page.locator('button.stk-o');
  const dialog = v.page.locator('dialog.stk-s');

  await v.page.goto(`${server.origin}/bar/`);
  assert.ok(!await reopen.isVisible(), 'hidden while the banner asks');
  await v.page.click('samtykke-banner [data-stk=none]');
  assert.ok(await reopen.isVisible());
  assert.equal(await reopen.innerText(), 'Cookieindstillinger');

  /* The first stop of the keyboard, once the banner is gone. */
  await v.page.keyboard.press('Tab');
  assert.ok(await reopen.evaluate(b => b === document.activeElement), 'reached by Tab');
  await v.page.keyboard.press('Enter');
  assert.ok(await dialog.isVisible(), 'Enter opens the settings');
  await v.page.keyboard.press('Escape');
  assert.ok(!await dialog.isVisible());
  assert.ok(await reopen.evaluate(b => b === document.activeElement), 'the focus comes back');

  await reopen.click();
  assert.ok(await dialog.isVisible(), 'a click opens the settings');
  await dialog.locator('[data-c=functional]').check();
  await dialog.locator('[data-stk=save]').click();
  assert.deepEqual((await v.consent()).c, ['necessary', 'functional']);
  assert.deepEqual(v.errors, []);
  await v.context.close();
});
