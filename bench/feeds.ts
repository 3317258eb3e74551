/**
 * `npm run bench -- feeds`: feed reading against feedparser's conformance checks (the half of its test
 * feeds in `../shared/data/feeds/feedparser/`), on the checks that name Storyline's fields, with the
 * files read as no feed and any crash. Speed: files per second through decoding and parsing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeXml } from '../src/extract/index.js';
import { parseFeed } from '../src/ingest/index.js';
import { scoreFeeds } from './eval/feeds.js';
import type { BenchContext, BenchSection } from './types.js';

export async function run(ctx: BenchContext): Promise<BenchSection> {
  const dir = join(ctx.shared, 'data/feeds/feedparser');
  const started = performance.now();
  const s = scoreFeeds(dir);
  const seconds = (performance.now() - started) / 1000;
  // Parsing alone, every file once more (read from disk first), for the speed figure.
  const bytes = [...new Set(readFileSync(join(dir, 'gold.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { file: string }).file))].map((f) => readFileSync(join(dir, f)));
  const t0 = performance.now();
  for (const b of bytes) parseFeed(decodeXml(b));
  const perSecond = bytes.length / ((performance.now() - t0) / 1000);
  const lines = [
    `feedparser's test feeds in \`../shared\` (${s.files} files, its other half held out). A check counts when it compares one of Storyline's fields with a value (\`feed.title\`; the first item's \`title\`, \`link\`, \`author\`, and \`description\` / \`summary\` / \`content[0].value\` as its content); titles and content are compared as the text a reader sees (Storyline keeps plain text; an item's HTML is read as a page is, scripts, styles and comments dropped), links and authors as written.`,
    '',
    '| field | checks | agree | share |',
    '|---|---|---|---|',
    ...[...s.byField].map(([field, f]) => `| ${field} | ${f.checks} | ${f.passed} | ${(f.passed / f.checks).toFixed(3)} |`),
    `| **all** | ${s.checks} | ${s.passed} | **${(s.passed / s.checks).toFixed(3)}** |`,
    '',
    `Files read: ${s.files}; crashes: **${s.crashes.length}**; read as no feed: ${[...s.refused].map(([code, n]) => `${n} (${code})`).join(', ') || 'none'}. Whole run ${seconds.toFixed(1)} s; decoding and parsing ${Math.round(perSecond).toLocaleString('en')} files/s (one core).`,
    '',
    'Disagreements left:',
    '',
    ...s.failures.map((f) => `- \`${f.check.file.replace(/^files\//u, '')}\` (${f.check.field}): expected ${JSON.stringify(f.check.expected.slice(0, 60))}, read ${JSON.stringify(f.got.slice(0, 60))}`),
  ];
  return { title: 'Feeds (feedparser conformance checks)', markdown: lines.join('\n') };
}
