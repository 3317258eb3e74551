import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { rootRelativeItem, type InputItem } from '../../src/ingest/index.js';

const dir = mkdtempSync(join(tmpdir(), 'storyline-paths-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function fileItem(path: string): InputItem {
  return { type: 'doc', id: path, url: null, source: path, position: null, load: async () => ({ source: path, kind: 'text', content: 'Tram line opens.' }) };
}

const idOf = (item: InputItem): string => (item.type === 'doc' ? item.id : '');

test('one file reached through a linked folder keeps the id of its real path', () => {
  // Invented layout: articles in data/, a link shared → data, the database in db/.
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 'tram.txt'), 'Tram line opens.\n');
  symlinkSync(join(dir, 'data'), join(dir, 'shared'));
  mkdirSync(join(dir, 'db'));
  const root = join(dir, 'db');
  const direct = idOf(rootRelativeItem(fileItem(join(dir, 'data', 'tram.txt')), root));
  const linked = idOf(rootRelativeItem(fileItem(join(dir, 'shared', 'tram.txt')), root));
  assert.equal(direct, '../data/tram.txt', 'the path without links is named as before');
  assert.equal(linked, direct);
});

test('a database folder reached through a link names the files below it as before', () => {
  mkdirSync(join(dir, 'home'));
  writeFileSync(join(dir, 'home', 'ferry.txt'), 'Ferry runs again.\n');
  symlinkSync(join(dir, 'home'), join(dir, 'me'));
  const id = idOf(rootRelativeItem(fileItem(join(dir, 'me', 'ferry.txt')), join(dir, 'me')));
  assert.equal(id, 'ferry.txt');
});
