/**
 * `npm run bench -- pages`: WCXB dev, seven page types — word F1 of the main text per type, Storyline
 * beside @mozilla/readability 0.6 on linkedom in the same run; and how well Storyline tells articles
 * from the other page types (the rules were tuned on even ids, odd ids are the check).
 */
import { extractHtml } from '../src/extract/html/index.js';
import type { PageType } from '../src/model/index.js';
import { loadExtractor } from './eval/extraction.js';
import { loadWcxb, readWcxbPage, wcxbHalf, wordF1, type PageResult } from './eval/pages.js';
import type { BenchContext, BenchSection } from './types.js';

const TYPES: PageType[] = ['article', 'listing', 'collection', 'forum', 'product', 'service', 'documentation'];
const f3 = (x: number) => x.toFixed(3);
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export async function run(ctx: BenchContext): Promise<BenchSection> {
  const pages = loadWcxb(ctx.shared).slice(0, ctx.quick ? 300 : Infinity);
  const readability = await loadExtractor('readability');
  const ours: PageResult[] = [];
  const theirs: PageResult[] = [];
  for (const page of pages) {
    const html = readWcxbPage(page);
    const r = extractHtml(html, { url: page.url });
    ours.push({ page, f1: wordF1(r.text, page.text), judged: r.pageType?.type ?? 'article' });
    let text = '';
    try {
      text = readability(html, page.url).text;
    } catch {
      text = '';
    }
    theirs.push({ page, f1: wordF1(text, page.text) });
  }
  const byType = (rs: PageResult[], t: PageType | 'all') => rs.filter((r) => t === 'all' || r.page.type === t);
  const lines = [
    `WCXB dev split (${pages.length} pages, CC-BY-4.0; the test split is held out). Word-bag F1 of the main text, mean over pages, as the benchmark scores it. Published dev F1 (all pages): rs-trafilatura 0.859, MinerU-HTML 0.827, Trafilatura 0.791, Readability 0.675.`,
    '',
    '| page type | pages | Storyline F1 | Readability + linkedom F1 |',
    '|---|---|---|---|',
    ...[...TYPES, 'all' as const].map((t) => `| ${t === 'all' ? '**all**' : t} | ${byType(ours, t).length} | ${t === 'all' ? '**' : ''}${f3(mean(byType(ours, t).map((r) => r.f1)))}${t === 'all' ? '**' : ''} | ${f3(mean(byType(theirs, t).map((r) => r.f1)))} |`),
    '',
    '### Which pages are articles',
    '',
    'Only articles tell a happening: the page type is read from what the page declares (schema.org types, og:type) and its shape (prose paragraphs, link share, prices and shop buttons, forum counters, dated posts); rules in `src/extract/html/page-type.ts`, tuned on even ids. Share of each type judged "not an article" (for articles: judged an article), per half:',
    '',
    '| page type | pages | even ids (tuning) | odd ids (check) | judged as |',
    '|---|---|---|---|---|',
  ];
  for (const t of TYPES) {
    const rs = byType(ours, t);
    const share = (h: 'even' | 'odd') => {
      const x = rs.filter((r) => wcxbHalf(r.page) === h);
      return x.length ? f3(mean(x.map((r) => (t === 'article' ? Number(r.judged === 'article') : Number(r.judged !== 'article'))))) : '–';
    };
    const judged = new Map<string, number>();
    for (const r of rs) judged.set(r.judged!, (judged.get(r.judged!) ?? 0) + 1);
    lines.push(`| ${t}${t === 'article' ? ' (kept as article)' : ''} | ${rs.length} | ${share('even')} | ${share('odd')} | ${[...judged].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')} |`);
  }
  return { title: 'Page types (WCXB dev)', markdown: lines.join('\n') };
}
