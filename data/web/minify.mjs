/* minify.mjs — turns the web component's readable source into the files that ship
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: node minify.mjs SOURCE OUTPUT
 *   A .js source goes through terser (Debian's node-terser, found through NODE_PATH, which
 *   data/web/meson.build points at /usr/share/nodejs); a .css source through the small step
 *   below. The output starts with a one-line licence header taken from the source's own
 *   header. The same source always gives the same bytes: the CSP hashes of banner.html and the
 *   preview depend on it.
 */

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [source, output] = process.argv.slice(2);

function fail (message) {
  process.stderr.write(`${source}: ${message}\n`);
  process.exit(1);
}

if (!source || !output) {
  process.stderr.write('Usage: node minify.mjs SOURCE OUTPUT\n');
  process.exit(2);
}

const text = fs.readFileSync(source, 'utf8');

/* The copyright and the licence of the source's first comment, on one line. */
function header () {
  const end = text.indexOf('*/');
  const first = text.startsWith('/*') && end > 0 ? text.slice(0, end) : '';
  const copyright = first.match(/Copyright [^\n]+/);
  const license = first.match(/SPDX-License-Identifier: [^\s*]+/);

  if (!copyright || !license)
    fail('1:1: expected a first comment with "Copyright ..." and "SPDX-License-Identifier: ..."');
  return `/* ${path.basename(output)} | ${copyright[0]} | ${license[0]} */\n`;
}

async function minifyScript () {
  let terser;

  try {
    terser = createRequire(import.meta.url)('terser');
  } catch (error) {
    fail(`cannot load terser (Debian: node-terser; NODE_PATH=${process.env.NODE_PATH || ''}): ` +
         error.message);
  }

  /* The source is written as the body of a function, so that none of its names becomes a
   * global of the page and all of them can be mangled. The opening line keeps the source's
   * line numbers in terser's messages. */
  try {
    const result = await terser.minify('(() => {' + text + '\n})();\n', {
      ecma: 2020,
      compress: { passes: 2 },
      mangle: true,
      format: {
        comments: false,
        /* Escaped non-ASCII characters compress better than raw UTF-8 here, and an ASCII
         * file does not depend on the charset a server declares for it. */
        ascii_only: true,
        /* Parentheses around every function argument only help engines that preparse. */
        wrap_func_args: false,
      },
    });
    return result.code + '\n';
  } catch (error) {
    if (error.line)
      fail(`${error.line}:${error.col + 1}: ${error.message}`);
    throw error;
  }
}

/* The stylesheet needs only comments and white space taken out, and our CSS holds nothing where
 * that changes the meaning (strings, url(), escapes): it is refused rather than misread. White
 * space stays around combinators, inside values and inside parentheses, where it can matter. */
function minifyStyle () {
  /* Comments blanked, not removed, so that the position points into the source. */
  const risky = text.replace(/\/\*[^]*?\*\//g, c => c.replace(/[^\n]/g, ' '))
    .search(/["'\\]|url\(/);

  if (risky >= 0) {
    const before = text.slice(0, risky).split('\n');
    fail(`${before.length}:${before.at(-1).length + 1}: strings, url() and escapes are not ` +
         'supported by this minifying step');
  }

  return text
    .replace(/\/\*[^]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,]) ?/g, '$1')
    /* "name: value" right after "{", ";" or "(" is a declaration or a media feature. */
    .replace(/([{;(][-\w]+): /g, '$1:')
    .replace(/;}/g, '}')
    .trim() + '\n';
}

const body = source.endsWith('.js') ? await minifyScript()
  : source.endsWith('.css') ? minifyStyle()
  : fail('expected a .js or .css file');

fs.writeFileSync(output, header() + body);
