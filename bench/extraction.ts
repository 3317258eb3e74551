/**
 * `npm run bench -- extraction`: main-content extraction on the aeb and trafilatura dev sets,
 * Storyline side by side with @mozilla/readability 0.6 on linkedom (what a TypeScript user would
 * pick today). Each system runs in its own child process, one after the other, so that its peak
 * memory and speed are its own.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { BenchContext, BenchSection } from './types.js';
import type { SystemRun } from './eval/extraction.js';

const SYSTEMS: { id: string; label: string }[] = [
  { id: 'storyline', label: 'Storyline (htmlparser2)' },
  { id: 'readability', label: '@mozilla/readability 0.6 + linkedom' },
];

// A quick run reads this many pages of each set.
const QUICK_LIMIT = 40;

function runSystem(system: string, ctx: BenchContext): SystemRun {
  const script = join(import.meta.dirname, 'eval', 'extraction.ts');
  const args = ['--import', 'tsx', script, '--system', system, '--shared', ctx.shared];
  if (ctx.quick) args.push('--limit', String(QUICK_LIMIT));
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
  if (child.status !== 0) throw new Error(`extraction bench: ${system} failed: ${child.stderr}`);
  const line = child.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as SystemRun;
}

const f = (x: number): string => x.toFixed(3);

/** Runs both systems and writes the comparison tables. */
export async function run(ctx: BenchContext): Promise<BenchSection> {
  const runs = SYSTEMS.map((s) => ({ ...s, run: runSystem(s.id, ctx) }));
  const first = runs[0]!.run;
  const lines: string[] = [];
  lines.push(
    `Pages: aeb ${first.aeb.all.pages} (4-gram shingle P/R/F1 against \`articleBody\`), trafilatura ${first.trafilatura.all.pages} ` +
      '(snippet micro P/R/F1 over `with`/`without`), metrics as in `../shared/README.md`.',
    '',
    '| System | aeb P | aeb R | aeb F1 | traf. P | traf. R | traf. F1 | pages/s | peak RSS |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  for (const { label, run: r } of runs) {
    lines.push(
      `| ${label} | ${f(r.aeb.all.precision)} | ${f(r.aeb.all.recall)} | **${f(r.aeb.all.f1)}** | ${f(r.trafilatura.all.precision)} | ` +
        `${f(r.trafilatura.all.recall)} | **${f(r.trafilatura.all.f1)}** | ${r.pagesPerSecond.toFixed(0)} | ${r.peakRssMiB.toFixed(0)} MiB |`,
    );
  }
  lines.push(
    '',
    `Metadata on the trafilatura pages that give it: title (${first.metadata.titlePages} pages, equal up to case and punctuation), ` +
      `author (${first.metadata.authorPages} pages, one contains the other):`,
    '',
    '| System | title accuracy | author accuracy |',
    '|---|---|---|',
  );
  for (const { label, run: r } of runs) lines.push(`| ${label} | ${f(r.metadata.title)} | ${f(r.metadata.author)} |`);
  lines.push(
    '',
    'Halves (pages in sorted key order; Storyline\'s heuristics were tuned on the even half, the odd half is the check):',
    '',
    '| System | aeb F1 even | aeb F1 odd | traf. F1 even | traf. F1 odd |',
    '|---|---|---|---|---|',
  );
  for (const { label, run: r } of runs) {
    lines.push(`| ${label} | ${f(r.aeb.even.f1)} | ${f(r.aeb.odd.f1)} | ${f(r.trafilatura.even.f1)} | ${f(r.trafilatura.odd.f1)} |`);
  }
  lines.push(
    '',
    'Published for reference (other page sets, not comparable one to one): aeb (181 pages) trafilatura 2.0 0.958, ' +
      'readability 0.947; trafilatura set (990 pages) trafilatura 2.2 0.924, readability-lxml 0.826.',
    'Speed is pages per CPU second inside the extractor (reading and decoding excluded; CPU time because the ' +
      'machine is shared); peak RSS is the child process\'s ' +
      '`maxRSS`, pages read one at a time. Readability\'s text is its `textContent`.',
  );
  if (ctx.quick) lines.push('', `_Quick run: first ${QUICK_LIMIT} pages of each set only._`);
  return { title: 'Main-content extraction (HTML)', markdown: lines.join('\n') };
}
