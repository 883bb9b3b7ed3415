// tests/web/flat-tap.mjs — a node:test reporter writing flat TAP, one line per test
//
// Copyright 2026 The Samtykke authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// node's own TAP reporter nests the tests of a describe() block as indented subtests, which
// meson's TAP reader does not know. This one writes every test at the top level (suites and
// the per-file wrappers that passed are left out: their tests stand for them), with a
// failure's error and anything a test file printed as comment lines, so that meson counts and
// names each test.

function comment (text) {
  return String(text).split('\n').map((line) => `# ${line}\n`).join('');
}

export default async function * flatTap (source) {
  let count = 0;

  yield 'TAP version 13\n';
  for await (const event of source) {
    const { type, data } = event;

    if (type === 'test:diagnostic' || type === 'test:stderr' || type === 'test:stdout') {
      yield comment(data.message);
      continue;
    }
    if (type !== 'test:pass' && type !== 'test:fail')
      continue;
    // A suite or a file that failed on its own (a hook, an import) still counts.
    if (type === 'test:pass' && (data.details?.type === 'suite' || /\.m?js$/.test(data.name)))
      continue;

    count++;
    if (type === 'test:pass') {
      yield `ok ${count} - ${data.name}${data.skip ? ' # SKIP' : ''}\n`;
    } else {
      const error = data.details?.error;
      yield `not ok ${count} - ${data.name}\n`;
      if (error)
        yield comment(error.cause?.stack ?? error.stack ?? error.message ?? error);
    }
  }
  yield `1..${count}\n`;
}
