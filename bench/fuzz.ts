/**
 * `npm run fuzz [-- --seed N --count N --seconds N --max-kb N target...]`: mutates real inputs from
 * ../shared (seed articles, extraction pages, feedparser's feed files) and drives each parser with
 * them — plain-text cleaner, HTML extraction, feed parser, JSON lines, time tagger — each in a worker
 * thread, so that a hang is stopped and reported rather than waited for. Reports per parser the
 * crashes (a parser must never throw), hangs (over `--hang-ms`) and the slowest inputs; inputs that
 * crashed or hung are written to a folder under the system's temp dir. Seeded: the same seed gives
 * the same inputs.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { findTimexes } from '../src/analyze/time/index.js';
import { extractHtml } from '../src/extract/html/index.js';
import { cleanPlainText } from '../src/extract/plaintext/index.js';
import { parseFeed } from '../src/ingest/feeds.js';
import { parseJsonLine } from '../src/ingest/jsonl.js';
import { seededRandom } from './eval/clustering.js';

export { seededRandom };

/** Every parser the fuzzer drives, by name, with the kind of real input it starts from. */
export const TARGETS: Record<string, { corpus: 'text' | 'html' | 'feed' | 'jsonl'; parse: (input: string) => unknown }> = {
  plaintext: { corpus: 'text', parse: (s) => cleanPlainText(s) },
  html: { corpus: 'html', parse: (s) => extractHtml(s) },
  feed: { corpus: 'feed', parse: (s) => parseFeed(s) },
  jsonl: { corpus: 'jsonl', parse: (s) => parseJsonLine(s, 'fuzz', 4 * 2 ** 20) },
  timex: { corpus: 'text', parse: (s) => findTimexes(s, { dct: '2025-06-01' }) },
};

/** Fragments that have broken parsers before: unclosed tags, bare `@`, abbreviations, deep nesting, odd characters. */
const HOSTILE = ['<', '<a ', '<b>', '</', '<![CDATA[', '<!--', '&', '&#x', '@', 'a@', 'Jan. ', 'Mr. ', '\u0000', '\uFFFD', '\u202E', '"', '{', '[', '\\', '\r', '\n\n', ' ', 'http://', '2025-13-45', '<!ENTITY'];

/** One mutation of `input`, named for the report, bounded to about `maxChars`. */
export function mutate(input: string, others: string[], rand: () => number, maxChars: number): { input: string; how: string } {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const at = () => Math.floor(rand() * (input.length + 1));
  let out = input;
  const hows: string[] = [];
  for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) {
    const i = at();
    switch (Math.floor(rand() * 7)) {
      case 0: {
        const frag = pick(HOSTILE);
        out = out.slice(0, i) + frag + out.slice(i);
        hows.push(`insert ${JSON.stringify(frag)}`);
        break;
      }
      case 1: {
        // A fragment repeated until the input is large: the shape that finds quadratic paths.
        const frag = rand() < 0.5 ? pick(HOSTILE) : out.slice(i, i + 1 + Math.floor(rand() * 20));
        const times = Math.max(1, Math.floor((maxChars - out.length) / Math.max(1, frag.length) * rand()));
        out = out.slice(0, i) + frag.repeat(times) + out.slice(i);
        hows.push(`repeat ${JSON.stringify(frag.slice(0, 20))} ×${times}`);
        break;
      }
      case 2:
        out = out.slice(0, i);
        hows.push('truncate');
        break;
      case 3: {
        const n = Math.floor(rand() * 200);
        out = out.slice(0, i) + out.slice(i + n);
        hows.push(`delete ${n}`);
        break;
      }
      case 4: {
        const chars = Array.from({ length: 1 + Math.floor(rand() * 16) }, () => String.fromCharCode(Math.floor(rand() * (rand() < 0.8 ? 128 : 0x3000))));
        out = out.slice(0, i) + chars.join('') + out.slice(i);
        hows.push('random characters');
        break;
      }
      case 5: {
        const other = pick(others);
        const j = Math.floor(rand() * other.length);
        out = out.slice(0, i) + other.slice(j, j + 2000) + out.slice(i);
        hows.push('splice another input');
        break;
      }
      default: {
        // Markup dropped or doubled: tags out of balance.
        out = rand() < 0.5 ? out.replace(/>/g, (m) => (rand() < 0.3 ? '' : m)) : out.replace(/<\/[a-z]+>/gi, (m) => (rand() < 0.3 ? '' : m));
        hows.push('unbalance tags');
      }
    }
  }
  return { input: out.slice(0, maxChars), how: hows.join(', ') };
}

function readMaybeGz(path: string): string {
  const bytes = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

function filesUnder(dir: string, accept: RegExp, limit: number): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (out.length >= limit) return;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (accept.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Real inputs of each kind from ../shared, at most `limit` of each. */
export function loadCorpora(shared: string, limit = 60): Record<'text' | 'html' | 'feed' | 'jsonl', string[]> {
  const text = filesUnder(join(shared, 'seeds'), /\.txt$/, limit).map(readMaybeGz);
  const html = filesUnder(join(shared, 'data', 'extraction'), /\.html?(\.gz)?$/, limit).map(readMaybeGz);
  const feed = filesUnder(join(shared, 'data', 'feeds', 'feedparser', 'files'), /\.(xml|json|rss|atom)$/, limit).map(readMaybeGz);
  const jsonl = text.map((t, i) => JSON.stringify({ id: `seed-${i}`, title: t.split('\n')[0], text: t, published: '2025-06-01' }));
  return { text, html, feed, jsonl };
}

export interface FuzzReport {
  target: string;
  runs: number;
  crashes: Array<{ how: string; error: string; file: string }>;
  hangs: Array<{ how: string; chars: number; file: string }>;
  slowest: Array<{ ms: number; chars: number; how: string }>;
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** A worker thread running this file for one target (TypeScript loaded through tsx's register API). */
function startWorker(target: string): Worker {
  const boot = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(import.meta.url)}); });`;
  return new Worker(boot, { eval: true, workerData: { target } });
}

/** Drives one target in a worker until `count` inputs or `seconds` have passed. */
async function fuzzTarget(target: string, corpus: string[], o: { seed: number; count: number; seconds: number; maxChars: number; hangMs: number; out: string }): Promise<FuzzReport> {
  const rand = seededRandom(o.seed);
  const report: FuzzReport = { target, runs: 0, crashes: [], hangs: [], slowest: [] };
  let worker = startWorker(target);
  const started = Date.now();
  const save = (kind: string, input: string): string => {
    const file = join(o.out, `${target}-${kind}-${report.runs}.txt`);
    writeFileSync(file, input);
    return file;
  };
  for (let n = 0; n < o.count && Date.now() - started < o.seconds * 1000; n++) {
    const base = corpus[Math.floor(rand() * corpus.length)]!;
    const { input, how } = mutate(base, corpus, rand, o.maxChars);
    report.runs++;
    const answer = await new Promise<{ ms: number; error: string | null } | 'hang'>((done) => {
      const timer = setTimeout(() => done('hang'), o.hangMs);
      worker.once('message', (m: { ms: number; error: string | null }) => {
        clearTimeout(timer);
        done(m);
      });
      worker.postMessage(input);
    });
    if (answer === 'hang') {
      report.hangs.push({ how, chars: input.length, file: save('hang', input) });
      await worker.terminate();
      worker = startWorker(target);
      continue;
    }
    if (answer.error) report.crashes.push({ how, error: answer.error, file: save('crash', input) });
    report.slowest.push({ ms: answer.ms, chars: input.length, how });
    report.slowest.sort((a, b) => b.ms - a.ms);
    report.slowest.length = Math.min(report.slowest.length, 5);
  }
  await worker.terminate();
  return report;
}

async function main(): Promise<void> {
  const shared = resolve(process.env.STORYLINE_SHARED ?? join(import.meta.dirname, '..', '..', 'shared'));
  const seed = arg('--seed', 1);
  const o = { seed, count: arg('--count', 10_000), seconds: arg('--seconds', 120), maxChars: arg('--max-kb', 100) * 1024, hangMs: arg('--hang-ms', 5000), out: join(tmpdir(), `storyline-fuzz-${seed}`) };
  mkdirSync(o.out, { recursive: true });
  const wanted = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
  const corpora = loadCorpora(shared);
  let failed = false;
  for (const [name, t] of Object.entries(TARGETS)) {
    if (wanted.length && !wanted.includes(name)) continue;
    const r = await fuzzTarget(name, corpora[t.corpus], o);
    const over1s = r.slowest.filter((s) => s.ms > 1000).length;
    console.log(`${name}: ${r.runs} inputs (≤ ${o.maxChars / 1024} KB), ${r.crashes.length} crashes, ${r.hangs.length} hangs (> ${o.hangMs} ms), ${over1s} of the 5 slowest over 1 s`);
    for (const s of r.slowest) console.log(`   ${s.ms.toFixed(0).padStart(6)} ms  ${String(s.chars).padStart(7)} chars  ${s.how.slice(0, 100)}`);
    for (const c of r.crashes.slice(0, 5)) console.log(`   CRASH ${c.error.split('\n')[0]!.slice(0, 160)}  (${c.how.slice(0, 60)}; ${c.file})`);
    for (const h of r.hangs.slice(0, 5)) console.log(`   HANG ${h.chars} chars (${h.how.slice(0, 60)}; ${h.file})`);
    failed ||= r.crashes.length > 0 || r.hangs.length > 0;
  }
  process.exitCode = failed ? 1 : 0;
}

if (!isMainThread) {
  const parse = TARGETS[(workerData as { target: string }).target]!.parse;
  parentPort!.on('message', (input: string) => {
    const started = performance.now();
    let error: string | null = null;
    try {
      parse(input);
    } catch (err) {
      error = (err as Error).stack ?? String(err);
    }
    parentPort!.postMessage({ ms: performance.now() - started, error });
  });
} else if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
