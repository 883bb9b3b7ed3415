/* banner.test.mjs — the consent banner in a real browser: choices, blocking, withdrawal, revisions
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { bannerVisible, example, exportPolicy, generatePolicy, launch, serve, tempDir, until, visitor, writeHostPage } from './fixtures.mjs';

let browser, server, dir;

/* The example, and three large policies from bench/gen-policy with the example's texts and
 * categories: the first visit, a choice and the layout must not depend on the policy's size. */
const SIZES = [
  { label: 'the example, 11 cookies' },
  { label: '500 cookies', providers: 50, cookies: 10 },
  { label: '2,000 cookies', providers: 100, cookies: 20 },
  { label: '10,000 cookies', providers: 500, cookies: 20 },
];
const LARGE = SIZES[2];

before(async () => {
  dir = exportPolicy(example());
  writeHostPage(dir);
  writeHostPage(dir, { lang: 'en', name: 'en.html' });
  server = await serve(dir);
  SIZES[0].server = server;
  for (const size of SIZES.slice(1)) {
    size.source = JSON.parse(fs.readFileSync(size.file = generatePolicy(size.providers, size.cookies), 'utf8'));
    size.dir = exportPolicy(size.file);
    writeHostPage(size.dir);
    /* Without the example's marked scripts, which set cookies the generated policy does not
     * list and run inline scripts that a strict Content-Security-Policy refuses. */
    writeHostPage(size.dir, { name: 'plain.html', marked: false });
    size.server = await serve(size.dir);
  }
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const size of SIZES)
    size.server?.close();
});

/* The requests for policy.json a visitor made so far. */
const fetched = v => v.requests.filter(url => new URL(url).pathname.endsWith('/policy.json'));

/* The tests that must hold for a policy of any size. */
for (const size of SIZES) {
  describe(`first visit, ${size.label}`, () => {
    test('shows the banner, sets no cookie, stores nothing, asks no third party and fetches nothing', async () => {
      const v = await visitor(browser);
      await v.page.goto(size.server.origin + '/');
      await v.page.waitForLoadState('load');
      await v.page.waitForTimeout(300);

      assert.ok(await bannerVisible(v.page));
      assert.deepEqual(await v.cookies(), []);
      assert.deepEqual(await v.page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]),
        [0, 0, '']);
      assert.deepEqual(v.thirdParty(), []);
      assert.deepEqual(fetched(v), [], 'the fragment needs no request of its own');
      assert.deepEqual(await v.page.evaluate(() => [window.__stat, window.__statSrc, window.__func, window.__necessary]),
        [undefined, undefined, undefined, 1], 'only the required category\'s script ran');
      assert.equal(await v.page.evaluate(() => window.Samtykke.get()), null);
      assert.deepEqual(v.errors, []);
      await v.context.close();
    });

    test('Reject all stores only the required category and runs no blocked script', async () => {
      const v = await visitor(browser);
      await v.page.goto(size.server.origin + '/');
      await v.page.click('samtykke-banner [data-stk=none]');

      const consent = await v.consent();
      assert.deepEqual(consent.c, ['necessary']);
      assert.equal(consent.r, 1);
      assert.match(consent.i, /^[0-9a-f]{32}$/);
      assert.ok(!(await bannerVisible(v.page)));
      assert.deepEqual(await v.cookies(), ['samtykke']);
      assert.deepEqual(v.thirdParty(), []);
      assert.deepEqual(await v.page.evaluate(() => [window.__stat, window.__statSrc, window.__func]),
        [undefined, undefined, undefined]);
      /* Declining: the refusal's lifetime, six months in the example. */
      const cookie = (await v.context.cookies()).find(c => c.name === 'samtykke');
      const days = (cookie.expires * 1000 - Date.now()) / 864e5;
      assert.ok(days > 181.9 && days <= 182, `lifetime ${days} days`);

      await v.page.reload();
      assert.ok(!(await bannerVisible(v.page)), 'the banner stays away after a choice');
      assert.deepEqual(await v.page.evaluate(() => [window.__stat, window.__func]), [undefined, undefined]);
      assert.deepEqual(v.errors, []);
      await v.context.close();
    });

    test('the layout shift score is 0, through showing and choosing', async () => {
      const v = await visitor(browser);
      await v.page.addInitScript(() => {
        window.__cls = 0;
        new PerformanceObserver(list => {
          /* As CLS counts: a shift right after the visitor's own input is not a layout shift. */
          for (const entry of list.getEntries())
            if (!entry.hadRecentInput)
              window.__cls += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await v.page.goto(size.server.origin + '/');
      await v.page.waitForTimeout(300);
      await v.page.click('samtykke-banner [data-stk=all]');
      await v.page.waitForTimeout(300);
      assert.equal(await v.page.evaluate(() => window.__cls), 0);
      await v.context.close();
    });

    test('the banner is visible with the first paint, and hidden before it for a returning visitor', async () => {
      const v = await visitor(browser);
      /* Every frame until the page settles: is the banner there, and is it shown? */
      await v.page.addInitScript(() => {
        window.__frames = [];
        const frame = () => {
          const banner = document.querySelector('samtykke-banner');
          if (banner)
            window.__frames.push(banner.checkVisibility());
          if (window.__frames.length < 30)
            requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      const frames = async () => {
        await until(() => v.page.evaluate(() => window.__frames.length >= 30));
        return v.page.evaluate(() => window.__frames);
      };
      await v.page.goto(size.server.origin + '/');
      assert.equal((await frames())[0], true, 'shown in the first frame that has the banner');
      await v.page.click('samtykke-banner [data-stk=none]');
      await v.page.reload();
      assert.deepEqual([...new Set(await frames())], [false], 'no flash of the banner');
      await v.context.close();
    });
  });
}

describe('first visit', () => {
  test('the three first-layer buttons have equal weight', async () => {
    const v = await visitor(browser);
    await v.page.goto(server.origin + '/');
    const styles = await v.page.$$eval('samtykke-banner button', buttons => buttons.map(b => {
      const s = getComputedStyle(b);
      return [s.backgroundColor, s.color, s.fontSize, s.fontWeight, s.borderWidth, Math.round(b.getBoundingClientRect().height)].join();
    }));
    assert.equal(styles.length, 3);
    assert.equal(new Set(styles).size, 1, styles.join(' | '));
    const link = await v.page.$eval('samtykke-banner a', a => a.getAttribute('href'));
    assert.equal(link, 'cookie-policy.da.html');
    await v.context.close();
  });
});

describe('choices', () => {
  test('Accept all runs the blocked scripts, inline and from their source, and loads the embed', async () => {
    const v = await visitor(browser);
    await v.page.goto(server.origin + '/');
    assert.deepEqual(v.thirdParty(), []);
    const events = v.page.evaluate(() => new Promise(resolve =>
      document.addEventListener('samtykke-change', e => resolve(e.detail), { once: true })));
    await v.page.click('samtykke-banner [data-stk=all]');

    const detail = await events;
    assert.deepEqual(detail.choices, { necessary: true, functional: true, statistical: true });
    assert.deepEqual((await v.consent()).c, ['necessary', 'functional', 'statistical']);
    assert.ok(await until(() => v.page.evaluate(() => window.__statSrc === 1)));
    assert.deepEqual(await v.page.evaluate(() => [window.__stat, window.__func, window.Samtykke.has('statistical')]),
      [1, 1, true]);
    assert.ok(await v.page.$('#video iframe'));
    assert.ok(v.thirdParty().some(url => url.includes('stats.third.test')));
    const cookie = (await v.context.cookies()).find(c => c.name === 'samtykke');
    const days = (cookie.expires * 1000 - Date.now()) / 864e5;
    assert.ok(days > 364.9 && days <= 365, `lifetime ${days} days`);

    await v.page.reload();
    assert.ok(!(await bannerVisible(v.page)));
    assert.deepEqual(await v.page.evaluate(() => [window.__stat, window.__func]), [1, 1], 'scripts run on every page once');
    assert.deepEqual(v.errors, []);
    await v.context.close();
  });

  test('the settings switches store exactly what was chosen', async () => {
    const v = await visitor(browser);
    await v.page.goto(server.origin + '/');
    await v.page.click('samtykke-banner [data-stk=set]');
    const dialog = v.page.locator('dialog.stk-s');
    assert.ok(await dialog.isVisible());
    assert.deepEqual(await dialog.locator('input[role=switch]').evaluateAll(inputs =>
      inputs.map(i => [i.dataset.c, i.checked, i.disabled])),
    [['necessary', true, true], ['functional', false, false], ['statistical', false, false]],
    'required on and locked, the others off');
    await dialog.locator('details').first().evaluate(d => { d.open = true; });
    assert.ok(await until(async () => /Københavns Kommune/.test(await dialog.innerText())),
      'the expanded category lists its providers');

    await dialog.locator('[data-c=statistical]').check();
    await dialog.locator('[data-stk=save]').click();
    assert.deepEqual((await v.consent()).c, ['necessary', 'statistical']);
    assert.ok(!(await dialog.isVisible()));
    assert.ok(!(await bannerVisible(v.page)));
    assert.deepEqual(await v.page.evaluate(() => [window.__stat, window.__func]), [1, undefined]);
    assert.deepEqual(await v.page.evaluate(() => window.Samtykke.get().choices),
      { necessary: true, functional: false, statistical: true });
    await v.context.close();
  });

  test('Escape closes the settings without counting as consent', async () => {
    const v = await visitor(browser);
    await v.page.goto(server.origin + '/');
    await v.page.click('samtykke-banner [data-stk=set]');
    await v.page.keyboard.press('Escape');
    assert.ok(!(await v.page.locator('dialog.stk-s').isVisible()));
    assert.equal(await v.consent(), null);
    assert.ok(await bannerVisible(v.page));
    await v.context.close();
  });
});

describe(`details on demand, ${LARGE.label}`, () => {
  /* The settings' category @index, once expanded: its disclosure settles on a list or a link. */
  async function expand (dialog, index) {
    const details = dialog.locator('.stk-c').nth(index).locator('details');
    await details.locator('summary').click();
    assert.ok(await until(async () => await details.locator('summary ~ *').count() > 0),
      'the expanded category shows something');
    return details;
  }

  test('a category\'s providers and cookies show once it is expanded, fetched then and not before', async () => {
    const v = await visitor(browser);
    await v.page.goto(LARGE.server.origin + '/');
    await v.page.click('samtykke-banner [data-stk=set]');
    const dialog = v.page.locator('dialog.stk-s');
    await v.page.waitForTimeout(300);
    assert.deepEqual(fetched(v), [], 'opening the settings fetches nothing');
    assert.equal(await dialog.locator('details li').count(), 0);

    const statistical = await expand(dialog, 2);
    assert.deepEqual(fetched(v), [LARGE.server.origin + '/policy.json']);
    const providers = LARGE.source.providers.filter(p => p.category === 'statistical');
    const items = statistical.locator(':scope > ul > li');
    assert.equal(await items.count(), providers.length, 'one item per provider of the category');
    for (const i of [0, providers.length - 1]) {
      const item = await items.nth(i).innerText();
      assert.ok(item.startsWith(providers[i].name + ' – ' + providers[i].purpose.da), item.slice(0, 200));
      assert.equal(await items.nth(i).locator('li').count(), providers[i].cookies.length);
      for (const cookie of providers[i].cookies)
        assert.ok(item.includes(`${cookie.name} – ${cookie.purpose.da} (`), `${cookie.name} in ${item.slice(0, 200)}`);
    }
    assert.equal(await items.first().locator('a').getAttribute('href'), providers[0].privacy_policy.da);

    /* Another category: the providers are at hand, no second request. */
    const functional = await expand(dialog, 1);
    assert.equal(await functional.locator(':scope > ul > li').count(),
      LARGE.source.providers.filter(p => p.category === 'functional').length);
    assert.equal(fetched(v).length, 1);
    assert.equal(await v.consent(), null, 'expanding records nothing');
    assert.deepEqual(v.errors, []);
    await v.context.close();
  });

  async function expectsLink (v, origin) {
    await v.page.goto(origin + '/plain.html');
    await v.page.click('samtykke-banner [data-stk=set]');
    const dialog = v.page.locator('dialog.stk-s');
    const details = await expand(dialog, 2);
    const link = details.locator('a');

    assert.equal(await details.locator('li').count(), 0);
    assert.equal(await link.innerText(), 'Læs vores cookiepolitik');
    const href = await link.getAttribute('href');
    assert.equal(href, origin + '/cookie-policy.da.html#category-statistical');
    assert.equal(await v.consent(), null, 'nothing is recorded');
    assert.ok(await bannerVisible(v.page), 'the banner still asks');

    /* The link leads to the category on the declaration page, complete without a fetch. */
    const before = fetched(v).length;
    await link.click();
    await v.page.waitForURL(href);
    const target = v.page.locator('#category-statistical');
    assert.ok(await target.evaluate(section => section.matches(':target')));
    assert.equal(await target.locator('tbody tr').count(),
      LARGE.source.providers.filter(p => p.category === 'statistical')
        .reduce((n, p) => n + 1 + p.cookies.length, 0), 'every provider and cookie of the category');
    assert.equal(fetched(v).length, before, 'the declaration page fetches nothing');
    assert.deepEqual(v.errors, []);
  }

  test('with policy.json unreachable, the expanded category links to the declaration page', async () => {
    const v = await visitor(browser);
    await v.context.route(url => url.pathname.endsWith('/policy.json'), route => route.abort('internetdisconnected'));
    await expectsLink(v, LARGE.server.origin);
    await v.context.close();
  });

  test('under a Content-Security-Policy without connect-src, the expanded category links to the declaration page', async () => {
    const csp = fs.readFileSync(path.join(LARGE.dir, 'banner.html'), 'utf8').match(/script-src ('sha256-[^']+'); style-src ('sha256-[^']+')/);
    const own = await serve(LARGE.dir, { headers: {
      'content-security-policy': `default-src 'none'; script-src ${csp[1]}; style-src ${csp[2]}` } });
    const v = await visitor(browser);
    await v.page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));
    });
    await v.page.goto(own.origin + '/plain.html');
    await v.page.click('samtykke-banner [data-stk=set]');
    await expand(v.page.locator('dialog.stk-s'), 2);
    assert.deepEqual(await v.page.evaluate(() => window.__violations), ['connect-src'], 'the fetch was refused');
    await expectsLink(v, own.origin);
    await v.context.close();
    own.close();
  });
});

describe(`withdrawal, ${LARGE.label}`, () => {
  test('deletes the category\'s listed cookies (names and patterns, on parent domains) and storage', async () => {
    const listed = category => LARGE.source.providers.filter(p => p.category === category).flatMap(p => p.cookies);
    const statistical = listed('statistical');
    const find = (list, test) => {
      const found = list.find(test);
      assert.ok(found, `the generated policy has a ${test}`);
      return found.name;
    };
    const name = find(statistical, c => c.kind === 'cookie' && c.delete_on_withdraw && !c.pattern);
    const pattern = find(statistical, c => c.kind === 'cookie' && c.delete_on_withdraw && c.pattern);
    const local = find(statistical, c => c.kind === 'local_storage' && c.delete_on_withdraw);
    const session = find(statistical, c => c.kind === 'session_storage' && c.delete_on_withdraw);
    const third = find(statistical, c => c.kind === 'cookie' && !c.delete_on_withdraw);
    const required = find(listed('necessary'), c => c.kind === 'cookie' && c.delete_on_withdraw);
    const matching = pattern.replace('*', 'x9');
    /* A host under .localhost reaches the test's server and has a parent domain of its own. */
    const origin = `http://www.kk.localhost:${LARGE.server.address().port}`;
    const v = await visitor(browser);

    await v.page.goto(origin + '/plain.html');
    await v.page.click('samtykke-banner [data-stk=all]');
    await v.page.evaluate(([name, matching, local, session, third, required]) => {
      document.cookie = `${name}=host; path=/`;
      document.cookie = `${name}=parent; domain=kk.localhost; path=/`;
      document.cookie = `${matching}=parent; domain=kk.localhost; path=/`;
      for (const kept of [third, required, 'unlisted'])
        document.cookie = `${kept}=1; path=/`;
      localStorage.setItem(local, '1');
      localStorage.setItem('unlisted', '1');
      sessionStorage.setItem(session, '1');
    }, [name, matching, local, session, third, required]);
    assert.deepEqual((await v.context.cookies()).filter(c => c.name === name).map(c => c.domain).sort(),
      ['.kk.localhost', 'www.kk.localhost']);

    await v.page.reload();
    await v.page.click('#settings-link');
    await v.page.locator('dialog.stk-s [data-c=statistical]').uncheck();
    await v.page.locator('dialog.stk-s [data-stk=save]').click();

    assert.deepEqual((await v.consent()).c, ['necessary', 'functional']);
    assert.deepEqual(await v.cookies(), [required, third, 'samtykke', 'unlisted'].sort(),
      'the listed name (on the host and the parent domain) and the pattern are gone');
    assert.deepEqual(await v.page.evaluate(([local, session]) =>
      [localStorage.getItem(local), sessionStorage.getItem(session), localStorage.getItem('unlisted')], [local, session]),
    [null, null, '1']);
    assert.deepEqual(fetched(v), [], 'withdrawal needs no request');
    assert.deepEqual(v.errors, []);
    await v.context.close();
  });
});

describe('withdrawal and expiry', () => {
  test('reopening from the settings link and withdrawing deletes that category\'s cookies', async () => {
    const v = await visitor(browser);
    await v.page.goto(server.origin + '/');
    await v.page.click('samtykke-banner [data-stk=all]');
    await v.page.evaluate(() => localStorage.setItem('yt-remote-device', '1'));
    assert.deepEqual(await v.cookies(), ['_ui_survey', 'linkbot_session', 'nmstat', 'samtykke']);

    await v.page.reload();
    await v.page.click('#settings-link');
    const dialog = v.page.locator('dialog.stk-s');
    assert.ok(await dialog.isVisible());
    assert.deepEqual(await dialog.locator('input[role=switch]').evaluateAll(inputs => inputs.map(i => i.checked)),
      [true, true, true], 'the settings show the current choice');
    await dialog.locator('[data-c=statistical]').uncheck();
    await dialog.locator('[data-stk=save]').click();

    assert.deepEqual(await v.cookies(), ['linkbot_session', 'samtykke'],
      'the statistical cookies (a name and a pattern) are gone');
    assert.equal(await v.page.evaluate(() => sessionStorage.getItem('linkbot_state')), 'open');

    /* Withdrawing everything from the declaration page. */
    await v.page.goto(server.origin + '/cookie-policy.da.html');
    const status = v.page.locator('[data-samtykke-status]');
    assert.match(await status.innerText(), /Funktionelle cookies/);
    const consent = await v.consent();
    assert.match(await status.innerText(), new RegExp(consent.i));
    await status.locator('[data-stk=none]').click();
    assert.deepEqual(await v.cookies(), ['samtykke']);
    assert.deepEqual(await v.page.evaluate(() => [sessionStorage.getItem('linkbot_state'), localStorage.getItem('yt-remote-device')]),
      [null, null], 'storage items are removed too');
    assert.deepEqual((await v.consent()).c, ['necessary']);
    assert.equal((await v.consent()).i, consent.i, 'the consent id stays');
    assert.match(await status.innerText(), /ikke givet samtykke/);
    assert.deepEqual(v.errors, []);
    await v.context.close();
  });

  test('an expired consent shows the banner again', async () => {
    const v = await visitor(browser);
    const old = { r: 1, i: '0'.repeat(32), t: Date.now() - 20 * 864e5, e: Date.now() - 6 * 864e5, c: ['necessary'] };
    await v.context.addCookies([{ name: 'samtykke', value: encodeURIComponent(JSON.stringify(old)), url: server.origin }]);
    await v.page.goto(server.origin + '/');
    assert.ok(await bannerVisible(v.page));
    await v.context.close();
  });

  test('a new revision shows the banner again', async () => {
    const policy = example();
    const revDir = exportPolicy(policy);
    writeHostPage(revDir);
    const own = await serve(revDir);
    const v = await visitor(browser);
    await v.page.goto(own.origin + '/');
    await v.page.click('samtykke-banner [data-stk=all]');
    await v.page.reload();
    assert.ok(!(await bannerVisible(v.page)));

    policy.revision = 2;
    policy.revision_note = { da: 'Ny leverandør.', en: 'A new provider.' };
    own.root = exportPolicy(policy);
    writeHostPage(own.root);
    await v.page.reload();
    assert.ok(await bannerVisible(v.page), 'revision 2 asks again');
    assert.equal(await v.page.evaluate(() => window.__stat), undefined, 'the old consent no longer unblocks');
    await v.page.click('samtykke-banner [data-stk=none]');
    assert.equal((await v.consent()).r, 2);
    await v.context.close();
    own.close();
  });
});

describe('consent log', () => {
  test('the endpoint on the site receives exactly one well-formed record per choice', async () => {
    const policy = example();
    policy.consent.log_endpoint = '/consent-log';
    const logDir = exportPolicy(policy);
    writeHostPage(logDir);
    writeHostPage(logDir, { lang: 'en', name: 'en.html' });
    const own = await serve(logDir);
    const v = await visitor(browser);

    await v.page.goto(own.origin + '/');
    await v.page.waitForTimeout(200);
    assert.equal(own.beacons.length, 0, 'nothing is sent before a choice');
    await v.page.click('samtykke-banner [data-stk=all]');
    assert.ok(await until(() => own.beacons.length === 1));

    await v.page.goto(own.origin + '/en.html');
    await v.page.click('#settings-link');
    await v.page.locator('dialog.stk-s [data-c=functional]').uncheck();
    await v.page.locator('dialog.stk-s [data-stk=save]').click();
    assert.ok(await until(() => own.beacons.length === 2));
    await v.page.waitForTimeout(300);
    assert.equal(own.beacons.length, 2);

    const consent = await v.consent();
    for (const beacon of own.beacons) {
      assert.equal(beacon.path, '/consent-log');
      assert.deepEqual(Object.keys(beacon.body).sort(), ['choices', 'gpc', 'id', 'language', 'revision', 'time']);
      assert.equal(beacon.body.gpc, false, 'a choice of the visitor\'s own');
      assert.equal(beacon.body.id, consent.i);
      assert.equal(beacon.body.revision, 1);
      assert.ok(!Number.isNaN(Date.parse(beacon.body.time)));
      assert.match(beacon.body.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    assert.deepEqual(own.beacons[0].body.choices, { necessary: true, functional: true, statistical: true });
    assert.equal(own.beacons[0].body.language, 'da');
    assert.deepEqual(own.beacons[1].body.choices, { necessary: true, functional: false, statistical: true });
    assert.equal(own.beacons[1].body.language, 'en');
    await v.context.close();
    own.close();
  });
});

describe('languages', () => {
  for (const [lang, title, accept] of [['da', 'Vi bruger cookies', 'Accepter alle'],
    ['en', 'We use cookies', 'Accept all'], ['en-GB', 'We use cookies', 'Accept all'],
    ['de', 'Vi bruger cookies', 'Accepter alle']]) {
    test(`<html lang="${lang}"> shows "${title}"`, async () => {
      const name = `lang-${lang}.html`;
      writeHostPage(dir, { lang, name });
      const v = await visitor(browser);
      await v.page.goto(`${server.origin}/${name}`);
      assert.equal(await v.page.locator('#stk-t').innerText(), title);
      assert.equal(await v.page.locator('samtykke-banner [data-stk=all]').innerText(), accept);
      await v.context.close();
    });
  }

  test('the declaration pages show their own language', async () => {
    const v = await visitor(browser);
    for (const [lang, heading, link] of [['da', 'Cookiepolitik', 'Samtykkeindstillinger'], ['en', 'Cookie policy', 'Consent settings']]) {
      await v.page.goto(`${server.origin}/cookie-policy.${lang}.html`);
      assert.equal(await v.page.getAttribute('html', 'lang'), lang);
      assert.equal(await v.page.locator('h1').innerText(), heading);
      assert.equal(await v.page.locator('footer [data-samtykke-settings]').innerText(), link);
      assert.ok(await bannerVisible(v.page));
      /* The banner overlays the footer until a choice is made; the link works all the same. */
      await v.page.locator('footer [data-samtykke-settings]').evaluate(a => a.click());
      assert.ok(await v.page.locator('dialog.stk-s').isVisible(), 'the settings link reopens the settings');
      assert.equal(await v.page.locator('dialog.stk-s').getAttribute('lang'), lang);
    }
    await v.context.close();
  });
});

describe('keyboard', () => {
  async function tabTo (page, selector, max = 20) {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(s => document.activeElement?.matches(s), selector))
        return true;
    }
    return false;
  }

  test('a keyboard-only visitor can reject', async () => {
    const v = await visitor(browser);
    await v.page.goto(server.origin + '/');
    assert.ok(await tabTo(v.page, 'samtykke-banner [data-stk=none]'));
    const outline = await v.page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible');
    await v.page.keyboard.press('Enter');
    assert.deepEqual((await v.consent()).c, ['necessary']);
    await v.context.close();
  });

  test('a keyboard-only visitor can accept', async () => {
    const v = await visitor(browser);
    await v.page.goto(server.origin + '/');
    assert.ok(await tabTo(v.page, 'samtykke-banner [data-stk=all]'));
    await v.page.keyboard.press('Space');
    assert.deepEqual((await v.consent()).c, ['necessary', 'functional', 'statistical']);
    await v.context.close();
  });

  test('a keyboard-only visitor can change settings, and focus returns', async () => {
    const v = await visitor(browser);
    await v.page.goto(server.origin + '/');
    assert.ok(await tabTo(v.page, 'samtykke-banner [data-stk=set]'));
    await v.page.keyboard.press('Enter');
    assert.ok(await v.page.evaluate(() => document.querySelector('dialog.stk-s').contains(document.activeElement)),
      'focus moves into the dialog');
    assert.ok(await tabTo(v.page, '[data-c=functional]'));
    await v.page.keyboard.press('Space');
    assert.ok(await tabTo(v.page, 'dialog [data-stk=save]', 40));
    await v.page.keyboard.press('Enter');
    assert.deepEqual((await v.consent()).c, ['necessary', 'functional']);

    /* Reopen from the settings link, close with Escape: focus goes back to the link. */
    await v.page.focus('#settings-link');
    await v.page.keyboard.press('Enter');
    assert.ok(await v.page.locator('dialog.stk-s').isVisible());
    await v.page.keyboard.press('Escape');
    assert.ok(await until(() => v.page.evaluate(() => document.activeElement?.id === 'settings-link')));
    assert.deepEqual((await v.consent()).c, ['necessary', 'functional']);
    await v.context.close();
  });

  test('the dialogs are labelled', async () => {
    const v = await visitor(browser);
    await v.page.goto(server.origin + '/');
    const snapshot = await v.page.locator('samtykke-banner').ariaSnapshot();
    assert.match(snapshot, /dialog "Vi bruger cookies"/);
    await v.page.click('samtykke-banner [data-stk=set]');
    const settings = await v.page.locator('dialog.stk-s').ariaSnapshot();
    assert.match(settings, /dialog "Vælg hvilke cookies du vil tillade"/);
    assert.match(settings, /switch "Statistiske cookies"/);
    await v.context.close();
  });
});

describe('embeds', () => {
  test('the click-to-load video stays a placeholder until consent', async () => {
    const v = await visitor(browser);
    await v.page.goto(server.origin + '/');
    await v.page.click('samtykke-banner [data-stk=none]');
    const video = v.page.locator('#video');
    assert.equal(await video.locator('iframe').count(), 0);
    assert.match(await video.innerText(), /Google Ireland Limited \(YouTube\)/);
    assert.match(await video.innerText(), /Videoen vises fra YouTube/);
    assert.deepEqual(v.thirdParty(), []);

    await video.locator('button').click();
    assert.equal(await video.locator('iframe').count(), 1);
    assert.ok(await until(() => v.thirdParty().some(url => url.includes('youtube'))));
    assert.deepEqual((await v.consent()).c, ['necessary', 'functional'], 'the embed grants its own category only');
    await v.context.close();
  });
});

describe('layout', () => {
  test('the first layer in the page\'s language is used as it is, another language is rebuilt', async () => {
    const v = await visitor(browser);
    /* Records every change to the banner's children while the page loads. */
    await v.page.addInitScript(() => {
      window.__rebuilt = 0;
      new MutationObserver(records => {
        for (const r of records)
          if (r.target.localName === 'samtykke-banner' && r.removedNodes.length > 0)
            window.__rebuilt++;
      }).observe(document, { childList: true, subtree: true });
    });
    await v.page.goto(server.origin + '/');
    await v.page.waitForLoadState('load');
    assert.equal(await v.page.evaluate(() => window.__rebuilt), 0, 'Danish page: markup kept');
    await v.page.goto(server.origin + '/en.html');
    await v.page.waitForLoadState('load');
    assert.equal(await v.page.evaluate(() => window.__rebuilt), 1, 'English page: rebuilt once');
    assert.equal(await v.page.textContent('#stk-t'), 'We use cookies');
    await v.context.close();
  });

  test('works at 320 px width and at 200 % zoom', async () => {
    for (const options of [{ viewport: { width: 320, height: 640 } },
      { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }]) {
      const v = await visitor(browser, options);
      await v.page.goto(server.origin + '/');
      const box = await v.page.evaluate(() => {
        const b = document.querySelector('samtykke-banner');
        return [b.scrollWidth <= b.clientWidth, ...[...b.querySelectorAll('button')].map(x => {
          const r = x.getBoundingClientRect();
          return r.left >= 0 && r.right <= innerWidth;
        })];
      });
      assert.deepEqual(box, [true, true, true, true], JSON.stringify(options));
      await v.page.click('samtykke-banner [data-stk=set]');
      await v.page.locator('dialog [data-stk=save]').scrollIntoViewIfNeeded();
      await v.page.locator('dialog [data-stk=save]').click();
      assert.deepEqual((await v.consent()).c, ['necessary']);
      await v.context.close();
    }
  });

  test('contrast of the banner text and buttons is at least 4.5:1, light and dark', async () => {
    for (const colorScheme of ['light', 'dark']) {
      const v = await visitor(browser, { colorScheme });
      await v.page.goto(server.origin + '/');
      const ratios = await v.page.evaluate(() => {
        const rgb = s => s.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
        const lum = c => {
          const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const ratio = (a, b) => { const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
        const banner = document.querySelector('samtykke-banner');
        const bg = getComputedStyle(banner).backgroundColor;
        return [ratio(getComputedStyle(banner.querySelector('p')).color, bg),
          ratio(getComputedStyle(banner.querySelector('a')).color, bg),
          ...[...banner.querySelectorAll('button')].map(b => ratio(getComputedStyle(b).color, getComputedStyle(b).backgroundColor))];
      });
      for (const r of ratios)
        assert.ok(r >= 4.5, `${colorScheme}: ${ratios.map(x => x.toFixed(2)).join(', ')}`);
      await v.context.close();
    }
  });
});

describe('page scripts', () => {
  test('Google Consent Mode v2: denied by default, updated from the choice', async () => {
    const gtag = '<script>window.dataLayer = []; function gtag () { dataLayer.push(arguments); }</script>';
    const name = writeHostPage(dir, { name: 'gtag.html', head: gtag });
    const v = await visitor(browser);
    await v.page.goto(`${server.origin}/${name}`);
    const calls = () => v.page.evaluate(() => dataLayer.map(a => [...a]));
    assert.deepEqual(await calls(), [['consent', 'default', {
      security_storage: 'granted', functionality_storage: 'denied', personalization_storage: 'denied',
      analytics_storage: 'denied', wait_for_update: 500 }]]);
    await v.page.click('samtykke-banner [data-stk=set]');
    await v.page.locator('dialog [data-c=statistical]').check();
    await v.page.locator('dialog [data-stk=save]').click();
    assert.deepEqual((await calls())[1], ['consent', 'update', {
      security_storage: 'granted', functionality_storage: 'denied', personalization_storage: 'denied',
      analytics_storage: 'granted' }]);
    await v.page.reload();
    assert.deepEqual((await calls()).map(c => c[1]), ['default', 'update'], 'a returning visitor updates at once');
    await v.context.close();
  });

  test('the global API reads, changes and withdraws consent', async () => {
    const v = await visitor(browser);
    await v.page.goto(server.origin + '/');
    const result = await v.page.evaluate(() => {
      const seen = [];
      document.addEventListener('samtykke-change', e => seen.push(Object.keys(e.detail.choices).filter(k => e.detail.choices[k])));
      Samtykke.save(['functional']);
      const has = [Samtykke.has('necessary'), Samtykke.has('functional'), Samtykke.has('statistical'), Samtykke.has('nope')];
      Samtykke.withdraw();
      return { seen, has, after: Samtykke.get().choices };
    });
    assert.deepEqual(result.seen, [['necessary', 'functional'], ['necessary']]);
    assert.deepEqual(result.has, [true, true, false, false]);
    assert.deepEqual(result.after, { necessary: true, functional: false, statistical: false });
    await v.context.close();
  });
});

describe('cached assets', () => {
  test('samtykke.js with policy.json works as the fragment does, without a flash for a returning visitor', async () => {
    const assetDir = exportPolicy(example());
    fs.writeFileSync(path.join(assetDir, 'index.html'), `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Assets</title><link rel="stylesheet" href="samtykke.css"></head>
<body><samtykke-banner src="policy.json"></samtykke-banner><script src="samtykke.js"></script>
<main><p>Page</p><script type="text/plain" data-category="statistical" src="stat.js"></script></main>
<footer><a href="#samtykke" data-samtykke-settings id="settings-link">Consent settings</a></footer></body></html>
`);
    fs.writeFileSync(path.join(assetDir, 'stat.js'), 'window.__stat = 1;\n');
    const own = await serve(assetDir, { headers: {
      'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'" } });
    const v = await visitor(browser);
    await v.page.goto(own.origin + '/');
    await until(() => bannerVisible(v.page));
    assert.equal(await v.page.locator('#stk-t').innerText(), 'We use cookies');
    assert.equal(await v.page.getAttribute('samtykke-banner a', 'href'), own.origin + '/cookie-policy.en.html',
      'the declaration page beside policy.json');
    await v.page.click('samtykke-banner [data-stk=set]');
    await v.page.locator('dialog [data-c=statistical]').check();
    await v.page.locator('dialog [data-stk=save]').click();
    assert.deepEqual((await v.consent()).c, ['necessary', 'statistical']);
    assert.ok(await until(() => v.page.evaluate(() => window.__stat === 1)));

    await v.page.addInitScript(() => {
      window.__shown = false;
      const frame = () => {
        const banner = document.querySelector('samtykke-banner');
        window.__shown ||= !!banner && banner.checkVisibility();
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await v.page.reload();
    await until(() => v.page.evaluate(() => window.__stat === 1));
    await v.page.waitForTimeout(300);
    assert.equal(await v.page.evaluate(() => window.__shown), false);
    assert.deepEqual(v.errors, []);
    await v.context.close();
    own.close();
  });

  test('a right-to-left page language turns the banner and the settings', async () => {
    const policy = example();
    policy.languages.push('ar');
    for (const text of Object.values(policy.texts))
      text.ar = text.en;
    const rtlDir = exportPolicy(policy);
    writeHostPage(rtlDir, { lang: 'ar' });
    const own = await serve(rtlDir);
    const v = await visitor(browser);
    await v.page.goto(own.origin + '/');
    assert.equal(await v.page.getAttribute('samtykke-banner', 'dir'), 'rtl');
    await v.page.click('samtykke-banner [data-stk=set]');
    assert.equal(await v.page.getAttribute('dialog', 'dir'), 'rtl');
    await v.context.close();
    own.close();
  });
});

describe('site path', () => {
  test('exported for /cookies/, the fragment works in a page in another folder', async () => {
    const root = tempDir();
    const cookies = exportPolicy(example(), path.join(root, 'cookies'), ['--site-path', '/cookies/']);
    fs.mkdirSync(path.join(root, 'shop', 'en'), { recursive: true });
    fs.copyFileSync(path.join(cookies, 'banner.html'), path.join(root, 'shop', 'banner.html'));
    writeHostPage(path.join(root, 'shop'));
    writeHostPage(path.join(root, 'shop'), { lang: 'en', name: path.join('en', 'index.html') });
    const own = await serve(root);
    const v = await visitor(browser);

    await v.page.goto(own.origin + '/shop/');
    assert.equal(await v.page.getAttribute('samtykke-banner a', 'href'), '/cookies/cookie-policy.da.html');
    await v.page.click('samtykke-banner [data-stk=set]');
    const details = v.page.locator('dialog.stk-s .stk-c').nth(2).locator('details');
    await details.locator('summary').click();
    assert.ok(await until(async () => /Siteimprove/.test(await details.innerText())));
    assert.deepEqual(fetched(v), [own.origin + '/cookies/policy.json']);

    /* Built by the component for another language: the same place. */
    await v.page.goto(own.origin + '/shop/en/');
    assert.equal(await v.page.locator('samtykke-banner a').evaluate(a => a.href),
      own.origin + '/cookies/cookie-policy.en.html');
    await v.page.locator('samtykke-banner a').click();
    await v.page.waitForURL(own.origin + '/cookies/cookie-policy.en.html');
    assert.equal(await v.page.locator('h1').innerText(), 'Cookie policy');
    assert.deepEqual(v.errors, []);
    await v.context.close();
    own.close();
  });
});

describe('Content-Security-Policy', () => {
  test('banner.html works under a strict policy built from the hashes it names', async () => {
    const csp = fs.readFileSync(path.join(dir, 'banner.html'), 'utf8').match(/script-src ('sha256-[^']+'); style-src ('sha256-[^']+')/);
    assert.ok(csp, 'banner.html names its hashes');
    const strictDir = exportPolicy(example());
    writeHostPage(strictDir, { marked: false });
    const own = await serve(strictDir, { headers: {
      'content-security-policy': `default-src 'none'; script-src ${csp[1]}; style-src ${csp[2]}; connect-src 'self'; img-src 'self'` } });
    const v = await visitor(browser);
    await v.page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));
    });
    await v.page.goto(own.origin + '/');
    assert.ok(await bannerVisible(v.page));
    assert.equal(await v.page.evaluate(() => getComputedStyle(document.querySelector('samtykke-banner')).position), 'fixed',
      'the stylesheet applies');
    await v.page.click('samtykke-banner [data-stk=set]');
    await v.page.locator('dialog [data-stk=all]').click();
    assert.deepEqual((await v.consent()).c, ['necessary', 'functional', 'statistical']);
    assert.deepEqual(await v.page.evaluate(() => window.__violations), []);
    assert.deepEqual(v.errors, []);
    await v.context.close();
    own.close();
  });
});
