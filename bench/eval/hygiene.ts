/**
 * Boilerplate in reports: how many report items (facts, conflicts' sides, single-source claims,
 * quotes, summary sentences, timeline entries, developments) cite page furniture — a sentence the
 * hygiene rules recognise (src/analyze/hygiene.ts), a sentence in an article's reader comments, or
 * a sentence that recurs across the storyline's pages as a footer. Also counts who the sources
 * are: storylines with no named outlet, and independent sources against named outlets.
 *
 * Run on a store built from a dev set:
 *   npx storyline ingest --db /tmp/ecb.db ../shared/data/stories/ecbplus/articles.jsonl
 *   node --import tsx bench/eval/hygiene.ts --db /tmp/ecb.db [--top 10] [--json]
 */
import { parseArgs } from 'node:util';
import { furnitureOf, readerCommentsStart, recurringSentences, sentenceKey } from '../../src/analyze/hygiene.js';
import { splitSentences } from '../../src/analyze/sentences.js';
import type { Citation, StorylineReport, StoredArticle } from '../../src/model/index.js';
import { buildStorylineReport, loadStoryline } from '../../src/pipeline/report.js';
import { openSqliteStore } from '../../src/store/index.js';

/** Boilerplate items of one report, by kind, with an example of each kind. */
export interface HygieneCount {
  storyline: string;
  articles: number;
  outlets: number;
  independentSources: number;
  items: number;
  boilerplate: Record<string, number>;
  examples: string[];
}

/** Why a cited sentence is boilerplate, or null. */
export function boilerplateOf(c: Citation, texts: Map<string, string>, footers: Set<string>): string | null {
  if (c.title || c.caption !== undefined) return null;
  const verdict = furnitureOf(c.sentence);
  if (verdict) return verdict.rule;
  const text = texts.get(c.article);
  if (text !== undefined && c.start >= readerCommentsStart(text)) return 'reader-comment';
  return footers.has(sentenceKey(c.sentence)) ? 'recurring' : null;
}

/** Counts the report items that cite boilerplate (an item counts once, under its first reason). */
export function countBoilerplate(report: StorylineReport, articles: Pick<StoredArticle, 'id' | 'text' | 'published' | 'duplicateOf'>[]): HygieneCount {
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  const footers = recurringSentences(articles.filter((a) => !a.duplicateOf).map((a) => ({ published: a.published, sentences: splitSentences(a.text).map((s) => s.text) })));
  const kinds: Array<[string, Citation[][]]> = [
    ['fact', report.facts.map((f) => f.citations)],
    ['conflict', report.conflicts.map((c) => c.citations)],
    ['single-source', report.singleSource.map((s) => [s.citation])],
    ['quote', report.quotes.map((q) => [q.citation])],
    ['summary', report.summary.map((s) => s.citations)],
    ['timeline', (report.timeline ?? []).map((t) => t.citations)],
    ['development', (report.developments ?? []).map((d) => d.citations)],
  ];
  const boilerplate: Record<string, number> = {};
  const examples: string[] = [];
  let items = 0;
  for (const [kind, list] of kinds) {
    for (const cites of list) {
      items++;
      for (const c of cites) {
        const why = boilerplateOf(c, texts, footers);
        if (!why) continue;
        boilerplate[kind] = (boilerplate[kind] ?? 0) + 1;
        if (examples.length < 12) examples.push(`${kind} [${why}] ${c.article} @${c.start}`);
        break;
      }
    }
  }
  return { storyline: report.id ?? '', articles: report.articles.length, outlets: report.outlets.length, independentSources: report.independentSources ?? report.outlets.length, items, boilerplate, examples };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: 'string' }, top: { type: 'string', default: '10' }, json: { type: 'boolean', default: false } } });
  if (!values.db) throw new Error('usage: hygiene.ts --db FILE [--top N] [--json]');
  const store = await openSqliteStore(values.db);
  try {
    const storylines = (await store.listStorylines()).items;
    const noOutlet = storylines.filter((s) => s.outlets.length === 0).length;
    const largest = [...storylines].sort((a, b) => b.articleCount - a.articleCount || (a.id < b.id ? -1 : 1)).slice(0, Number(values.top));
    const counts: HygieneCount[] = [];
    for (const s of largest) {
      const loaded = await loadStoryline(store, s.id);
      const report = await buildStorylineReport(store, s.id);
      if (loaded && report) counts.push(countBoilerplate({ ...report, id: s.id }, loaded.articles));
    }
    const total = counts.reduce((n, c) => n + Object.values(c.boilerplate).reduce((x, y) => x + y, 0), 0);
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ storylines: storylines.length, noOutlet, boilerplateItems: total, counts })}\n`);
      return;
    }
    process.stdout.write(`${storylines.length} storylines, ${noOutlet} with 0 outlets; boilerplate items in the ${counts.length} largest: ${total}\n`);
    for (const c of counts) {
      process.stdout.write(`${c.storyline}: ${c.articles} articles, ${c.independentSources} independent sources, ${c.outlets} named outlets; ${c.items} items, boilerplate ${JSON.stringify(c.boilerplate)}\n`);
      for (const e of c.examples.slice(0, 3)) process.stdout.write(`    ${e}\n`);
    }
  } finally {
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
