/* component.test.mjs — the built web component without a browser: what ships and its size
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { test } from 'node:test';

const SOURCE_DIR = process.env.SAMTYKKE_SOURCE_DIR;
const BUILD_DIR = process.env.SAMTYKKE_BUILD_DIR;
const CLI = process.env.SAMTYKKE_CLI;
const BUDGET = 3868;

const built = name => fs.readFileSync(path.join(BUILD_DIR, 'data', 'web', name));

test('the exported samtykke.js and samtykke.css are the minified build output, within budget', t => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'samtykke-assets-'));
  let total = 0;

  execFileSync(CLI, ['export', path.join(SOURCE_DIR, 'data', 'examples', 'copenhagen.json'),
    '-o', out, '--only', 'assets'], { stdio: ['ignore', 'pipe', 'pipe'] });
  for (const name of ['samtykke.js', 'samtykke.css']) {
    const exported = fs.readFileSync(path.join(out, name));
    const lines = exported.toString().split('\n');
    const gzipped = zlib.gzipSync(exported, { level: 9 }).length;

    assert.deepEqual(exported, built(name), `${name} is the build's file`);
    assert.equal(lines[0], `/* ${name} | Copyright 2026 The Samtykke authors | ` +
      'SPDX-License-Identifier: GPL-3.0-or-later */', 'the licence header survives, on one line');
    assert.equal(lines.length, 3, `${name}: the header, one line of code, the final newline`);
    /* ASCII, so that a server's charset cannot garble it; and inline in banner.html, so
     * nothing that would end or confuse the element it stands in. */
    assert.match(lines[1], /^[\x20-\x7e]+$/, `${name} is printable ASCII`);
    assert.doesNotMatch(lines[1], /<\/(script|style)|<!--/i);
    t.diagnostic(`${name}: ${exported.length} bytes, ${gzipped} with gzip -9`);
    total += gzipped;
  }
  fs.rmSync(out, { recursive: true });
  t.diagnostic(`together ${total} of ${BUDGET} bytes with gzip -9: ${BUDGET - total} to spare`);
  assert.ok(total <= BUDGET, `${total} bytes with gzip -9, over the budget of ${BUDGET}`);
});
