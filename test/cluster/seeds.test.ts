import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createStoryClusterer, type ClusterDoc } from '../../src/cluster/index.js';
import { sharedDir } from '../helpers/shared.js';

// Approximate publication dates of the seeds (from the issue).
const PUBLISHED: Record<string, string> = { '000': '2024-01-20', '001': '2024-01-16', '002': '2023-06-15', '003': '2024-02-08', '004': '2024-06-25' };

/** Minimal cleaning: the first line with at least four words is the title, the rest the text. */
function readSeeds(shared: string): ClusterDoc[] {
  const dir = join(shared, 'seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const lines = readFileSync(join(dir, f), 'utf8').split('\n');
      const i = lines.findIndex((l) => l.trim().split(/\s+/).length >= 4);
      const key = f.slice(0, 3);
      return { id: key, title: lines[i]?.trim() ?? null, text: lines.slice(i + 1).join('\n'), published: PUBLISHED[key] ?? null, outlet: null };
    });
}

function cluster(docs: ClusterDoc[]): Map<string, { event: string; storyline: string }> {
  const c = createStoryClusterer();
  const raw = docs.map((d) => [d.id, c.add(d)] as const);
  return new Map(raw.map(([id, a]) => [id, { event: c.resolve(a.eventId), storyline: c.resolve(a.storylineId) }]));
}

for (const order of ['publication', 'file'] as const) {
  test(`seeds in ${order} order: one storyline; 000, 001, 003 one event; 002 and 004 events of their own`, (t) => {
    const shared = sharedDir(t);
    if (!shared) return;
    let docs = readSeeds(shared);
    assert.equal(docs.length, 5);
    if (order === 'publication') docs = docs.slice().sort((a, b) => a.published!.localeCompare(b.published!));
    const got = cluster(docs);
    const g = (id: string) => got.get(id)!;
    assert.equal(new Set([...got.values()].map((x) => x.storyline)).size, 1, 'all five in one storyline');
    assert.equal(g('000').event, g('001').event);
    assert.equal(g('000').event, g('003').event);
    assert.notEqual(g('002').event, g('000').event);
    assert.notEqual(g('004').event, g('000').event);
    assert.notEqual(g('002').event, g('004').event);
  });
}
