import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { NODE_FLAGS } from '../../src/cli/node-flags.js';

const root = resolve(import.meta.dirname, '..', '..');

describe('node flags of the launcher', () => {
  it('the bin shebang and npm start pass every flag the ingest bench measured with', () => {
    const shebang = readFileSync(resolve(root, 'bin', 'storyline.js'), 'utf8').split('\n')[0]!;
    const start = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start!;
    assert.match(shebang, /^#!\/usr\/bin\/env -S node /);
    for (const flag of NODE_FLAGS) {
      assert.ok(shebang.split(' ').includes(flag), `shebang lacks ${flag}`);
      assert.ok(start.split(' ').includes(flag), `npm start lacks ${flag}`);
    }
  });
});
