/**
 * Evaluation for the ingest area: a synthetic article stream for throughput (the shared texts
 * cycled with shifted dates, varied URLs and per-pass word edits so no pass repeats an earlier
 * one), and a dedupe quality check: near-duplicates and wire copies made by editing real ECB+
 * texts, against other ECB+ reports of the same happening (same topic, not copies).
 */
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { StoryClusterer } from '../../src/cluster/types.js';
import { createDuplicateDetector, type DuplicateKind } from '../../src/dedupe/index.js';
import type { IngestCounts, IngestTimings, SourceContext } from '../../src/ingest/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import type { StoredArticle } from '../../src/model/index.js';

/** A minimal stored article around a text, for evaluations that bypass extraction. */
export function storedArticleFor(id: string, text: string, contentHash: string, outlet: string | null): StoredArticle {
  return {
    id,
    file: id,
    url: null,
    title: null,
    text,
    published: null,
    publishedFrom: null,
    modified: null,
    author: null,
    outlet,
    language: null,
    captions: [],
    removed: [],
    canonicalUrl: null,
    contentHash,
    duplicateOf: null,
    duplicateKind: null,
    eventId: null,
    storylineId: null,
    ingestedAt: new Date(0).toISOString(),
  };
}

export interface BaseText {
  id: string;
  title: string | null;
  text: string;
  /** Gold grouping where the data has one (ECB+ `story`). */
  story: string | null;
}

/** ECB+ articles (`{id, topic, story, title, text}`). */
export function loadEcbTexts(shared: string): BaseText[] {
  return readFileSync(join(shared, 'data/stories/ecbplus/articles.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const r = JSON.parse(l) as { id: string; story: string; title: string | null; text: string };
      return { id: r.id, title: r.title, text: r.text, story: r.story };
    });
}

/** Timeline17 articles (tokenised, one sentence per line); empty ones left out. */
export function loadTimeline17Texts(shared: string): BaseText[] {
  const root = join(shared, 'data/temporal/timeline17');
  const out: BaseText[] = [];
  for (const source of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const l of readFileSync(join(root, source, 'articles.jsonl'), 'utf8').split('\n').filter(Boolean)) {
      const r = JSON.parse(l) as { id: string; text: string };
      const text = r.text.split('\n').map((s) => s.trim()).filter(Boolean).join('\n\n');
      if (text.split(/\s+/).length >= 50) out.push({ id: r.id, title: null, text, story: null });
    }
  }
  return out;
}

/** Deterministic pseudo-random numbers (mulberry32). */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * Writes `n` articles as JSON lines: pass p of the base texts has dates shifted by 60 days per pass,
 * its own URLs, and (from the second pass on) every third word marked with the pass number, so
 * that a pass is new text, not a copy of the one before.
 */
export function writeSyntheticStream(base: BaseText[], n: number, file: string): void {
  const start = Date.UTC(2020, 0, 1);
  writeFileSync(file, '');
  let lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const b = base[i % base.length]!;
    const pass = Math.floor(i / base.length);
    const text = pass === 0 ? b.text : b.text.replace(/(\S+)(\s+\S+\s+\S+)/g, (_m, w: string, rest: string) => `${w}${pass}${rest}`);
    const day = new Date(start + (pass * 60 + Math.floor((i % base.length) / 40)) * 86_400_000).toISOString().slice(0, 10);
    lines.push(JSON.stringify({ id: `${b.id}#${pass}`, url: `https://bench${pass % 7}.example/${pass}/${encodeURIComponent(b.id)}?utm_source=bench`, title: b.title, text, published: day, outlet: `Outlet ${i % 13}` }));
    // Written in chunks: the 100k stream is a few hundred MB.
    if (lines.length === 2000 || i === n - 1) {
      appendFileSync(file, `${lines.join('\n')}\n`);
      lines = [];
    }
  }
}

export interface ThroughputRun {
  articles: number;
  seconds: number;
  rate: number;
  /** Articles per second of CPU time (user + system): the one-core figure on a shared machine. */
  cpuRate: number;
  /** Articles/s over each tenth of the run: flat means per-article cost does not grow with the store. */
  segments: number[];
  peakRssMiB: number;
  counts: IngestCounts;
  /** CPU milliseconds per article, per stage. */
  perArticleMs: IngestTimings;
  dbMiB: number;
}

/**
 * Ingests a JSON lines file end to end (parse, extract, dedupe, cluster, store) into a fresh
 * database and times it. Meant to run in a child process of its own, so peak memory is its own.
 * `clustering: false` swaps in a clusterer that puts every article in its own event, to show the
 * share of the clustering stage.
 */
/** Disk used by a PostgreSQL database (tables, indexes, TOAST), as the SQLite figure is its file's size. */
async function postgresDatabaseBytes(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n')).rows[0]!.n);
  } finally {
    await client.end();
  }
}

/**
 * The compiled modules under `dist/` that the `storyline` command runs (`npm run bench` builds them
 * first): the same code run through tsx's on-the-fly transpiling was about a fifth slower.
 */
async function compiled<M>(path: string): Promise<M> {
  return (await import(new URL(`../../dist/${path}`, import.meta.url).href)) as M;
}

export async function ingestRun(file: string, db: string, total: number, clustering = true): Promise<ThroughputRun> {
  const { createFetcher, createIngester, DEFAULT_SOURCE_LIMITS, readInputs } = await compiled<typeof import('../../src/ingest/index.js')>('ingest/index.js');
  const { isPostgresUrl, openPostgresStore, openSqliteStore } = await compiled<typeof import('../../src/store/index.js')>('store/index.js');
  const { refineStoredDates } = await compiled<typeof import('../../src/pipeline/refine-dates.js')>('pipeline/refine-dates.js');
  const postgres = isPostgresUrl(db);
  const store = postgres ? await openPostgresStore(db) : openSqliteStore(db);
  let n = 0;
  const trivial = (snapshot?: string): StoryClusterer => {
    let k = snapshot ? Number(snapshot) : 0;
    return { add: () => ({ eventId: `e${++k}`, storylineId: `s${k}`, newEvent: true, newStoryline: true, merges: [] }), resolve: (id) => id, snapshot: () => String(k) };
  };
  const ingester = await createIngester(store, clustering ? {} : { createClusterer: trivial });
  const ctx: SourceContext = { ...DEFAULT_SOURCE_LIMITS, fetcher: createFetcher(), getFeedState: (u) => store.getFeedState(u), saveFeedState: (s) => store.saveFeedState(s), fetchLinks: false };
  const step = Math.max(1, Math.floor(total / 10));
  const segments: number[] = [];
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let segStart = started;
  for await (const item of readInputs([file], ctx)) {
    await ingester.ingest(item);
    if (++n % step === 0) {
      const now = performance.now();
      segments.push(step / ((now - segStart) / 1000));
      segStart = now;
    }
  }
  await ingester.finish();
  // As `storyline ingest` does: storylines re-date their loosely dated articles.
  if (clustering) await refineStoredDates(store, ingester.looselyDated);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuShare = Math.min(1, (cpu.user + cpu.system) / 1e6 / seconds);
  await store.close();
  return {
    articles: n,
    seconds,
    rate: n / seconds,
    cpuRate: n / ((cpu.user + cpu.system) / 1e6),
    segments,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    counts: { ...ingester.counts },
    // The ingester times stages by the clock; scaled by the run's CPU over wall time, they share out CPU time.
    perArticleMs: Object.fromEntries(Object.entries(ingester.timings).map(([k, v]) => [k, (v / n) * cpuShare])) as unknown as IngestTimings,
    dbMiB: (postgres ? await postgresDatabaseBytes(db) : statSync(db).size) / 2 ** 20,
  };
}

/** How hard the synthetic copies are. */
export interface EditLevel {
  name: string;
  /** Near copy: share of words changed, sentences dropped. */
  nearEdits: number;
  nearDrops: number;
  /** Wire copy: share of paragraphs kept (from the top), share of words changed. */
  wireKeep: number;
  wireEdits: number;
}

export const EDIT_LEVELS: EditLevel[] = [
  { name: 'light', nearEdits: 0.02, nearDrops: 1, wireKeep: 0.7, wireEdits: 0.03 },
  { name: 'heavy', nearEdits: 0.05, nearDrops: 2, wireKeep: 0.5, wireEdits: 0.07 },
];

/** An edited copy: some words changed, some sentences dropped. */
export function nearCopy(text: string, rand: () => number, level: EditLevel = EDIT_LEVELS[0]!): string {
  const sentences = text.split(/(?<=[.!?])\s+/);
  for (let k = 0; k < level.nearDrops; k++) if (sentences.length > 4) sentences.splice(1 + Math.floor(rand() * (sentences.length - 2)), 1);
  const words = sentences.join(' ').split(' ');
  for (let i = 0; i < words.length; i++) if (rand() < level.nearEdits) words[i] = rand() < 0.5 ? words[i]!.toUpperCase() : 'reportedly';
  return words.join(' ');
}

/** A wire copy as another outlet runs it: its own opening sentence, the end cut, local edits. */
export function wireCopy(text: string, intro: string, rand: () => number, level: EditLevel = EDIT_LEVELS[0]!): string {
  const paragraphs = text.split(/\n\s*\n/);
  const keep = paragraphs.length > 2 ? paragraphs.slice(0, Math.max(2, Math.ceil(paragraphs.length * level.wireKeep))) : paragraphs;
  const words = keep.join('\n\n').split(' ');
  for (let i = 0; i < words.length; i++) if (rand() < level.wireEdits) words[i] = 'local';
  return `${intro}\n\n${words.join(' ')}`;
}

export interface DedupeScores {
  /** Injected copies (near + wire). */
  injected: number;
  /** Other ECB+ reports checked against the stored originals. */
  reports: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  /** Injected copies found with the right kind (near vs syndicated). */
  kindAccuracy: number;
  /** Reports linked to the original of another happening (the other story of the same ECB+ topic, or any other): always wrong. */
  crossStoryLinks: number;
  /** Reports linked to the original of their own story: real wire copies in ECB+ (AP stories run by several sites) or rewrites; not scored. */
  sameStoryLinks: number;
}

/**
 * Stores the first article of each ECB+ story (the originals), then checks a near copy and a wire
 * copy of each original (expected: linked to it) and every other ECB+ article. A report linked to
 * the original of a different story — each ECB+ topic holds two happenings of one kind, so this
 * is the "same topic, not a copy" case — is a false positive; one linked to its own story's
 * original is counted apart (ECB+ holds real syndicated copies, and nobody labelled which).
 * `limit` stories at most (a fixed subset for the fast gate test).
 */
export async function evaluateDedupe(shared: string, level: EditLevel = EDIT_LEVELS[0]!, limit = Infinity): Promise<DedupeScores> {
  const all = loadEcbTexts(shared).filter((t) => t.text.split(/\s+/).length >= 60);
  const byStory = new Map<string, BaseText[]>();
  for (const t of all) byStory.set(t.story!, [...(byStory.get(t.story!) ?? []), t]);
  const stories = [...byStory.values()].slice(0, limit);
  const storyOf = new Map(all.map((t) => [t.id, t.story!]));
  const dir = mkdtempSync(join(tmpdir(), 'storyline-dedupe-eval-'));
  const store = openSqliteStore(join(dir, 'eval.db'));
  const detector = createDuplicateDetector(store);
  const rand = seeded(7);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let kindRight = 0;
  let injected = 0;
  let reports = 0;
  let cross = 0;
  let same = 0;
  try {
    const originals = stories.map((s) => s[0]!);
    for (const o of originals) {
      const f = detector.fingerprint(o.text);
      await store.saveArticle({ article: storedArticleFor(o.id, o.text, f.contentHash, 'Origin Wire'), bandKeys: f.bandKeys, event: null, merges: [] });
    }
    const check = async (text: string, outlet: string) => detector.check(detector.fingerprint(text), outlet);
    for (let i = 0; i < originals.length; i++) {
      const o = originals[i]!;
      // The wire copy's intro comes from an unrelated story.
      const other = originals[(i + Math.floor(originals.length / 2)) % originals.length]!;
      const intro = other.text.split(/(?<=[.!?])\s+/)[0]!;
      const cases: [string, string, DuplicateKind][] = [
        [nearCopy(o.text, rand, level), 'Origin Wire', 'near'],
        [wireCopy(o.text, intro, rand, level), 'Second Daily', 'syndicated'],
      ];
      for (const [text, outlet, kind] of cases) {
        injected++;
        const m = await check(text, outlet);
        if (m && m.of === o.id) {
          tp++;
          if (m.kind === kind) kindRight++;
        } else {
          fn++;
          if (m) fp++;
        }
      }
      for (const t of stories[i]!.slice(1)) {
        reports++;
        const m = await check(t.text, 'Third Herald');
        if (!m) continue;
        if (storyOf.get(m.of) === t.story) same++;
        else {
          cross++;
          fp++;
        }
      }
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return {
    injected,
    reports,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    kindAccuracy: tp ? kindRight / tp : 0,
    crossStoryLinks: cross,
    sameStoryLinks: same,
  };
}
