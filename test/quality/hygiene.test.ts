import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { countBoilerplate } from '../../bench/eval/hygiene.js';
import { analyzeStoryline, type CompareArticle } from '../../src/compare/index.js';
import { sharedDir } from '../helpers/shared.js';

// Timeline17 H1N1: three outlets' scraped pages (no outlet, no URL) with reader comments, Reuters
// footers, bylines and datelines left in. One week of them, compared as one storyline.
const FOLDERS = ['H1N1_bbc', 'H1N1_guardian', 'H1N1_reuters'];
const WEEK = ['2009-04-25', '2009-05-01'];

test('hygiene gate: no compared item of a Timeline17 H1N1 week cites page furniture; its three files are three sources', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const articles: Array<CompareArticle & { text: string; published: string | null }> = [];
  for (const folder of FOLDERS) {
    const file = join(shared, 'data', 'temporal', 'timeline17', folder, 'articles.jsonl');
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const o = JSON.parse(line) as { id: string; pub_date: string; text: string };
      if (o.text.trim() && o.pub_date >= WEEK[0]! && o.pub_date <= WEEK[1]!) articles.push({ id: o.id, title: null, outlet: null, published: o.pub_date, file: `${file}:${i + 1}`, text: o.text });
    });
  }
  assert.ok(articles.length > 40, `a week of pages (${articles.length})`);
  const report = analyzeStoryline({ articles });
  assert.equal(report.independentSources, 3);
  const counted = countBoilerplate({ ...report, quotes: [], timeline: [], developments: [] }, articles.map((a) => ({ ...a, duplicateOf: null })));
  assert.ok(counted.items > 50, `items compared (${counted.items})`);
  assert.deepEqual(counted.boilerplate, {}, counted.examples.join('\n'));
});
