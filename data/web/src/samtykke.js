/* samtykke.js — the <samtykke-banner> consent banner: first layer, settings dialog, blocking
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The readable source. The build (data/web/minify.mjs) wraps it in a function, so that none of
 * its names becomes a global of the page, and minifies it into the samtykke.js that the
 * exporters embed and write. Every byte counts after minification and gzip, so: plain functions
 * in one closure rather than classes (local names are mangled, property names are not), local
 * helpers for the DOM calls used everywhere, and `==` where both sides are known to be of one
 * type. docs/web.md says what the component does for a site.
 */

/* Local names for the globals, which the minifier can shorten. */
const doc = document;
const win = window;

/* The state of the one banner on the page. */
let policy;       /* the runtime policy (policy.json) */
let categories;   /* policy.categories */
let consent;      /* the visitor's choice as stored in the cookie, or undefined before one */
let banner;       /* the <samtykke-banner> element */
let settings;     /* the settings <dialog>, while it exists */
let focusBefore;  /* what had the focus when the settings opened, to give it back */
let lang;         /* the language the banner speaks */
let full;         /* the fetch of policy.json, once a visitor has asked for a category's details */
let gpc;          /* the browser sends Global Privacy Control, and the policy lets it answer */

/* DOM helpers ------------------------------------------------------------------------------- */

const all = (selector, root) => [...(root || doc).querySelectorAll(selector)];

/* Builds an element. Children are nodes or strings; strings become text nodes, so no text from
 * the policy is ever parsed as HTML. */
const el = (tag, attributes, ...children) => {
  const element = doc.createElement(tag);

  for (const name in attributes)
    element.setAttribute(name, attributes[name]);
  element.append(...children);
  return element;
};

/* policy.json's address is the banner's src, by default beside the page; the declaration pages
 * stand beside it. Resolves @path (a page, or "" for policy.json itself) against it. */
const at = path => new URL(path, new URL(banner.getAttribute('src') || 'policy.json', doc.baseURI));

/* Policy lookups ---------------------------------------------------------------------------- */

/* A missing translation stays empty: the exporter already reported it. */
const local = texts => texts && texts[lang] || '';
const text = key => local(policy.texts[key]);
const category = id => categories.find(c => c.id == id);

/* Whether the visitor consented to a category; a required one always counts as consented. */
const has = id => {
  const c = category(id);

  return !!c && (c.required || !!consent && consent.c.includes(id));
};

/* Which addresses may become a link: http(s) with a host after "//", or mailto with an address
 * (something before and after the "@"); nowhere a control character or a space, which browsers
 * strip or split at (hiding "java\tscript:"), nor " < > \ `, which would end or confuse the
 * attribute elsewhere. The C rule in src/core agrees on every case of tests/rules/url-cases.json
 * (tests/web/component.test.mjs). */
const safe = url =>
  /^(?![^]*[\0- "<>\\`\x7f])(https?:\/\/[^/?#:@]|mailto:[^@?]+@[^@?])/i.test(url);

/* The consent cookie ------------------------------------------------------------------------ */

/* The stored choice, when it answers this revision and has not expired. */
const readConsent = () => {
  const prefix = policy.cookie.name + '=';
  let value = doc.cookie.split('; ').find(s => s.startsWith(prefix));

  if (value)
    try {
      value = JSON.parse(decodeURIComponent(value.slice(prefix.length)));
      if (value.r == policy.revision && value.e > Date.now())
        return value;
    } catch {
      /* Not ours, or damaged: ask again. */
    }
};

/* What the API, the DOM event and the consent log report (docs/web.md). */
const record = () => ({
  id: consent.i,
  time: new Date(consent.t).toISOString(),
  revision: consent.r,
  choices: Object.fromEntries(categories.map(c => [c.id, has(c.id)])),
  language: lang,
  gpc: !!consent.g,
});

/* Google Consent Mode v2: the defaults (only required categories granted) before anything
 * else, then an update from the visitor's choice. A signal several categories name is granted
 * when any of them is. The defaults ask Google's tags to wait for that update a moment, so that
 * a returning visitor's choice is in place before they send anything. */
const consentMode = update => {
  /* Without gtag, push to the dataLayer as gtag's own snippet does: the arguments object,
   * which an arrow function does not have. */
  const gtag = win.gtag || win.dataLayer && function () { dataLayer.push(arguments); };
  const signals = {};

  if (gtag) {
    categories.forEach(c => c.consent_mode.forEach(signal =>
      signals[signal] = signals[signal] == 'granted' || (update ? has(c.id) : c.required)
        ? 'granted' : 'denied'));
    update || (signals.wait_for_update = 500);
    gtag('consent', update ? 'update' : 'default', signals);
  }
};

/* Deletes what the policy lists for the categories not consented to. The exporter has turned
 * each category's names and "*" patterns into one regular expression per kind of storage
 * (category.remove, docs/web.md). A cookie can only be deleted with the domain and path it was
 * set with, which the page cannot read: try the host and each parent domain, and each path the
 * category lists ("/" among them). */
const removeCookies = () => {
  const labels = location.hostname.split('.');
  const domains = ['', ...labels.map((_, i) => ';domain=' + labels.slice(i).join('.'))];

  categories.forEach(c => has(c.id) || Object.entries(c.remove).forEach(([kind, [names, ...paths]]) => {
    const matches = name => RegExp(names).test(name);

    kind == 'cookie'
      ? doc.cookie.split('; ').map(s => s.split('=')[0]).filter(matches).forEach(name =>
        domains.forEach(domain => paths.forEach(path =>
          doc.cookie = name + '=;max-age=0;path=' + path + domain)))
      /* localStorage or sessionStorage. Reading one throws where the browser refuses storage
       * (save() carries on): only a category that lists items there touches it. */
      : Object.keys(win[kind]).filter(matches).forEach(name => win[kind].removeItem(name));
  }));
};

/* The page ---------------------------------------------------------------------------------- */

/* Runs the blocked scripts and fills the embeds the visitor consented to; gives the others a
 * placeholder. Called again for every change of the page, so it must leave done work alone. */
const activate = () => {
  all('script[type="text/plain"][data-category]').forEach(blocked => {
    if (has(blocked.dataset.category)) {
      /* Only a new element runs: changing the type of the old one does nothing. */
      const script = doc.createElement('script');

      for (const a of blocked.attributes)
        a.name != 'type' && script.setAttribute(a.name, a.value);
      script.async = blocked.hasAttribute('async');
      script.text = blocked.text;
      blocked.replaceWith(script);
    }
  });

  all('[data-samtykke-embed]').forEach(embed => {
    const e = policy.embeds.find(e => e.id == embed.dataset.samtykkeEmbed);
    const template = embed.querySelector('template');

    if (!e || !template)
      return;
    if (has(e.category))
      return embed.replaceChildren(template.content.cloneNode(true));
    if (!embed.querySelector('.stk-e'))
      embed.append(el('div', { class: 'stk stk-e', lang },
        el('p', {}, el('b', {}, e.provider), ': ' + local(e.purpose)),
        el('p', {}, local(e.placeholder) ||
          /* Functions, so that "$&" in a name is not a replacement pattern. */
          text('embed_placeholder').replace('{provider}', () => e.provider)
            .replace('{category}', () => local(category(e.category).title))),
        el('button', { type: 'button', 'data-stk': 'e', 'data-c': e.category },
          text('embed_accept'))));
  });

  showStatus();
};

/* Fills the declaration page's "your consent" boxes: once, and again (force) after a choice. */
const showStatus = force => all('[data-samtykke-status]').forEach(box => {
  const chosen = categories.filter(c => !c.required && has(c.id)).map(c => local(c.title));

  (force || !box.firstChild) && box.replaceChildren(
    el('p', {}, chosen.length ? chosen.join(', ') : text('consent_none')),
    ...consent ? [
      el('p', {}, text('consent_id') + ': ', el('code', {}, consent.i)),
      el('p', {}, text('consent_date') + ': ' + new Date(consent.t).toLocaleString(lang)),
    ] : [],
    el('p', { class: 'stk-a' },
      el('button', { type: 'button', 'data-stk': 'set' }, text('change_consent')),
      el('button', { type: 'button', 'data-stk': 'none' }, text('withdraw_consent'))));
});

/* The banner while the visitor has to choose; after a choice, the site's reopen button, if it
 * has one (docs/web.md), in the banner's language. */
const show = () => {
  banner.hidden = !!consent;
  all('.stk-o').forEach(button => {
    button.hidden = !consent;
    button.textContent = text('reopen_button');
  });
};

/* A row of equal buttons; one click handler (in start) reads their data-stk. */
const buttons = (...actions) => el('div', { class: 'stk-a' }, ...actions.map(action =>
  el('button', { type: 'button', 'data-stk': action }, text({
    all: 'accept_all', none: 'reject_all', set: 'settings', save: 'save_choices',
  }[action]))));

/* Choices ----------------------------------------------------------------------------------- */

/* Records a choice: these categories and the required ones. */
const save = ids => {
  const now = Date.now();
  const domain = policy.cookie.domain;
  let days, result;

  ids = categories.filter(c => c.required || ids.includes(c.id)).map(c => c.id);
  days = ids.length == categories.length ? policy.cookie.accept_days : policy.cookie.decline_days;
  consent = {
    r: policy.revision,
    /* The consent id stays when the visitor changes the choice. */
    i: consent && consent.i || [...crypto.getRandomValues(new Uint8Array(16))]
      .map(b => (b | 256).toString(16).slice(1)).join(''),
    t: now,
    e: now + days * 864e5,
    c: ids,
    g: gpc,
  };
  doc.cookie = policy.cookie.name + '=' + encodeURIComponent(JSON.stringify(consent)) +
    ';path=/;max-age=' + days * 86400 + ';samesite=lax' +
    /* The shared domain only where the browser would accept it. */
    (domain && ('.' + location.hostname).endsWith('.' + domain) ? ';domain=' + domain : '') +
    (location.protocol == 'https:' ? ';secure' : '');

  show();
  settings && settings.close();
  /* A storage the browser refuses must not keep the choice from taking effect. */
  try {
    removeCookies();
  } catch {}
  consentMode(true);
  activate();
  showStatus(true);
  result = record();
  policy.log_endpoint && navigator.sendBeacon(policy.log_endpoint, JSON.stringify(result));
  doc.dispatchEvent(new CustomEvent('samtykke-change', { detail: result }));
};

/* The settings dialog: one switch per category, its providers and cookies behind a
 * disclosure. Built anew on every opening so that it shows the current choice. */
const openSettings = () => {
  focusBefore = doc.activeElement;
  settings && settings.remove();
  settings = el('dialog', { class: 'stk stk-s', 'aria-labelledby': 'stk-st', lang,
                            dir: banner.dir },
    el('button', { type: 'button', class: 'stk-x', 'data-stk': 'x', 'aria-label': text('close') },
      '×'),
    el('h2', { id: 'stk-st' }, text('settings_title')),
    el('p', {}, text('settings_body')),
    /* One sentence on why the optional categories are off without the visitor having chosen. */
    gpc ? el('p', {}, text('gpc_note')) : '',
    ...categories.map(c => {
      const input = el('input', { type: 'checkbox', role: 'switch', 'data-c': c.id });
      const more = el('details', {}, el('summary', {}, text('show_details')));

      input.checked = has(c.id);
      input.disabled = c.required;
      /* The fragment leaves the providers and cookies out: they come from policy.json the first
       * time a visitor opens a category. Where it cannot be had (offline, blocked, a
       * Content-Security-Policy without connect-src), the category's part of the declaration
       * page stands in; nothing is recorded either way. */
      more.addEventListener('toggle', async () => {
        let list;

        try {
          list = el('ul', {}, ...(policy.providers ? policy
            : await (full ||= fetch(at('')).then(r => r.json())))
            .providers.filter(p => p.category == c.id).map(p => {
              const url = local(p.privacy_policy);

              return el('li', {}, el('b', {}, p.name), ' – ' + local(p.purpose) + ' ',
                safe(url) ? el('a', { href: url }, text('privacy_policy_link')) : '',
                el('ul', {}, ...p.cookies.map(cookie => el('li', {},
                  el('code', {}, cookie.name),
                  ' – ' + local(cookie.purpose) + ' (' + local(cookie.duration) + ')'))));
            }));
        } catch {
          list = el('p', {},
            el('a', { href: at(policy.pages[lang] + '#category-' + c.id) }, text('policy_link')));
        }
        more.append(list);
      }, { once: true });
      return el('div', { class: 'stk-c' },
        el('label', {}, input, local(c.title) + (c.required ? ' (' + text('always_on') + ')' : '')),
        el('p', {}, local(c.description)),
        more);
    }),
    buttons('save', 'all', 'none'));
  /* Escape and the close button only close: neither records anything. */
  settings.addEventListener('close', () => focusBefore && focusBefore.focus());
  doc.body.append(settings);
  settings.showModal();
};

/* Start ------------------------------------------------------------------------------------- */

const start = p => {
  const pageLang = (doc.documentElement.lang || '').toLowerCase();

  policy = p;
  categories = p.categories;
  /* The page's exact language, then its main language ("en" for "en-GB"), then the default. */
  lang = policy.languages.find(x => x == pageLang) ||
    policy.languages.find(x => x == pageLang.split('-')[0]) || policy.default_language;
  consent = readConsent();
  /* The browser has already said no (navigator.globalPrivacyControl), and the exporter found
   * that every optional category honours it: policy.gpc. */
  gpc = !!(policy.gpc && navigator.globalPrivacyControl);
  consentMode(false);
  consent && consentMode(true);

  /* A returning visitor never sees the banner; a new one sees the exported first layer, or
   * one built here when it is missing or in another language: the same markup as the
   * exporter's (append_first_layer() in src/core/stk-export-web.c). */
  show();
  consent || banner.lang == lang && banner.firstChild || banner.replaceChildren(
    el('div', { class: 'stk-b', role: 'dialog', 'aria-labelledby': 'stk-t',
                'aria-describedby': 'stk-d' },
      el('h2', { id: 'stk-t' }, text('banner_title')),
      el('p', { id: 'stk-d' }, text('banner_body') + ' ',
        el('a', { href: at(policy.pages[lang]) }, text('policy_link'))),
      buttons('all', 'none', 'set')));
  banner.id = 'samtykke';
  banner.lang = lang;
  banner.dir = policy.rtl.includes(lang) ? 'rtl' : 'ltr';

  /* The fragment runs while the page is parsed: scripts and embeds further down, and those a
   * single-page application adds later, arrive as changes. */
  new MutationObserver(activate).observe(doc, { childList: true, subtree: true });
  activate();

  doc.addEventListener('click', event => {
    const target = event.target.closest('[data-stk],[data-samtykke-settings]');
    const action = target && target.dataset.stk;

    if (!target)
      return;
    if (!action) {
      /* The consent-settings link: it opens the settings instead of following its href. */
      event.preventDefault();
      openSettings();
    } else if (action == 'set')
      openSettings();
    else if (action == 'x')
      settings.close();
    else
      save(action == 'all' ? categories.map(c => c.id)
        : action == 'none' ? []
        /* An embed's button adds its one category to what was consented before. */
        : action == 'e' ? [...consent ? consent.c : [], target.dataset.c]
        : all('[data-c]:checked', settings).map(input => input.dataset.c));
  });

  win.Samtykke = {
    get: () => consent ? record() : null,
    has,
    open: openSettings,
    save,
    withdraw: () => save([]),
  };

  /* Global Privacy Control answers the banner for a visitor who has not chosen: recorded as
   * Reject all, with the record saying why. The settings and the embeds' buttons still let the
   * visitor opt in. */
  consent || !gpc || save([]);
};

/* The policy comes from the fragment's JSON block, or else from the element's src. */
const boot = () => {
  const embedded = doc.getElementById('samtykke-policy');

  if (banner = doc.querySelector('samtykke-banner'))
    embedded ? start(JSON.parse(embedded.textContent))
      : fetch(at('')).then(r => r.json()).then(start);
};

/* The fragment's script follows its element, so it can start at once, before the first paint;
 * a script in <head> waits for the element. */
doc.querySelector('samtykke-banner') || doc.readyState != 'loading' ? boot()
  : doc.addEventListener('DOMContentLoaded', boot);
