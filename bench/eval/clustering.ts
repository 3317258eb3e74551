/**
 * Evaluation of the story clusterer on the shared dev data: loaders, dev/held-out splits, metrics
 * (B-cubed, NMI, ARI), the plain TF-IDF + cosine single-pass baseline, and the teacher-forced
 * fitting of the event weights. Used by `bench/clustering.ts` and `test/quality/clustering.test.ts`.
 *
 * Splits (tune on one part, report the other):
 * - ECB+: tune on odd topics, report on even topics; storylines are scored against `topic` (precision: a storyline
 *   never mixes topics) and against `story` (recall: each happening stays in one storyline), on every fold.
 * - MStream: tune on odd-numbered stories (`clusterNo`), report on even ones, each in file order.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClusterer, type StoryClustererOptions } from '../../src/cluster/index.js';
import { normalise, type SparseVector } from '../../src/cluster/sparse.js';
import { contentTerms } from '../../src/cluster/text.js';
import type { ClusterDoc } from '../../src/cluster/types.js';

/** One labelled article of a stream. */
export interface LabelledDoc {
  doc: ClusterDoc;
  /** Gold event. */
  event: string;
  /** Gold storyline (ECB+ topic), when the data has one. */
  storyline: string | null;
}

export function loadEcbPlus(shared: string): (LabelledDoc & { topic: number })[] {
  const lines = readFileSync(join(shared, 'data/stories/ecbplus/articles.jsonl'), 'utf8').split('\n').filter(Boolean);
  return lines.map((l) => {
    const r = JSON.parse(l) as { id: string; topic: number; story: string; title: string; text: string };
    return { doc: { id: r.id, title: r.title, text: r.text, published: null, outlet: null }, event: r.story, storyline: String(r.topic), topic: r.topic };
  });
}

export function loadMStream(shared: string, file: 'News.jsonl' | 'News-T.jsonl'): (LabelledDoc & { cluster: number })[] {
  const lines = readFileSync(join(shared, 'data/stories/mstream', file), 'utf8').split('\n').filter(Boolean);
  return lines.map((l) => {
    const r = JSON.parse(l) as { Id: string; clusterNo: number; textCleaned: string };
    return { doc: { id: r.Id, title: null, text: r.textCleaned, published: null, outlet: null }, event: String(r.clusterNo), storyline: null, cluster: r.clusterNo };
  });
}

/** Deterministic PRNG (mulberry32), so a seed names one stream order. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: T[], seed: number): T[] {
  const out = items.slice();
  const rnd = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// ---- metrics

export interface ClusteringScores {
  precision: number;
  recall: number;
  f1: number;
  nmi: number;
  ari: number;
  groups: number;
  goldGroups: number;
}

/** B-cubed P/R/F1, NMI (geometric normalisation), ARI and group counts of `pred` against `gold`. */
export function scoreClustering(pred: string[], gold: string[]): ClusteringScores {
  const n = pred.length;
  const joint = new Map<string, number>();
  const p = new Map<string, number>();
  const g = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const k = `${pred[i]}\u0000${gold[i]}`;
    joint.set(k, (joint.get(k) ?? 0) + 1);
    p.set(pred[i]!, (p.get(pred[i]!) ?? 0) + 1);
    g.set(gold[i]!, (g.get(gold[i]!) ?? 0) + 1);
  }
  let bp = 0;
  let br = 0;
  let mi = 0;
  let sumJoint = 0;
  for (const [k, c] of joint) {
    const [a, b] = k.split('\u0000') as [string, string];
    const pa = p.get(a)!;
    const gb = g.get(b)!;
    bp += (c * c) / pa;
    br += (c * c) / gb;
    mi += (c / n) * Math.log((c * n) / (pa * gb));
    sumJoint += (c * (c - 1)) / 2;
  }
  const entropy = (m: Map<string, number>): number => {
    let h = 0;
    for (const c of m.values()) h -= (c / n) * Math.log(c / n);
    return h;
  };
  const hp = entropy(p);
  const hg = entropy(g);
  const precision = bp / n;
  const recall = br / n;
  const pairs = (m: Map<string, number>): number => {
    let s = 0;
    for (const c of m.values()) s += (c * (c - 1)) / 2;
    return s;
  };
  const sp = pairs(p);
  const sg = pairs(g);
  const total = (n * (n - 1)) / 2;
  const expected = total > 0 ? (sp * sg) / total : 0;
  const maxIndex = (sp + sg) / 2;
  return {
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
    nmi: hp > 0 && hg > 0 ? mi / Math.sqrt(hp * hg) : hp === hg ? 1 : 0,
    ari: maxIndex - expected !== 0 ? (sumJoint - expected) / (maxIndex - expected) : 1,
    groups: p.size,
    goldGroups: g.size,
  };
}

// ---- runners

export interface StreamResult {
  events: ClusteringScores;
  storylines: ClusteringScores | null;
  /**
   * Storylines scored against the gold happenings (ECB+ stories): its recall says whether each happening's
   * articles share one storyline; with `storylines`' precision against topics (a storyline never mixes topics)
   * both halves are unambiguous, where recall against topics also asks to join a topic's two different happenings.
   */
  storylinesByEvent?: ClusteringScores | null;
  seconds: number;
  /** Event splits the clusterer reported, and the articles they moved. */
  splits?: number;
  moved?: number;
}

/** Streams `docs` through our clusterer in the given order and scores events (and storylines). */
export function runOurs(docs: LabelledDoc[], options: Partial<StoryClustererOptions> = {}): StreamResult {
  const c = createClusterer(options);
  const started = performance.now();
  const ev: string[] = [];
  const st: string[] = [];
  // Merges are followed as the store follows them (from each assignment), not through `resolve`: the clusterer
  // forgets the redirects of groups that left its active window.
  const redirects = new Map<string, string>();
  const current = (id: string): string => {
    let cur = id;
    for (let next = redirects.get(cur); next !== undefined; next = redirects.get(cur)) cur = next;
    return cur;
  };
  // Splits move earlier articles to another event, as the store moves them (by article id).
  const position = new Map<string, number>();
  let splits = 0;
  let moved = 0;
  for (const d of docs) {
    const a = c.add(d.doc);
    for (const m of a.merges) redirects.set(m.from, m.into);
    position.set(d.doc.id, ev.length);
    ev.push(a.eventId);
    st.push(a.storylineId);
    for (const s of a.splits ?? []) {
      splits++;
      for (const id of s.articleIds) {
        const i = position.get(id);
        if (i === undefined) continue;
        ev[i] = s.into;
        st[i] = s.storylineId;
        moved++;
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  // Merges redirect earlier ids: score the final grouping.
  const events = scoreClustering(ev.map(current), docs.map((d) => d.event));
  const hasStory = docs.every((d) => d.storyline !== null);
  const storylines = hasStory ? scoreClustering(st.map(current), docs.map((d) => d.storyline!)) : null;
  // Storylines against the gold events: each happening's articles should share one storyline.
  const storylinesByEvent = hasStory ? scoreClustering(st.map(current), docs.map((d) => d.event)) : null;
  return { events, storylines, storylinesByEvent, seconds, splits, moved };
}

/**
 * The baseline: plain TF-IDF (incremental document frequencies, title + text) and cosine to each
 * cluster's untruncated centroid, single pass, one threshold. Exact: candidates are every cluster
 * sharing a term (cosine is 0 with the others), which equals a full scan.
 */
export function runBaseline(docs: LabelledDoc[], threshold: number): StreamResult {
  const df = new Map<string, number>();
  let n = 0;
  const centroids: SparseVector[] = [];
  const norms: number[] = [];
  const postings = new Map<string, Set<number>>();
  const pred: string[] = [];
  const started = performance.now();
  for (const { doc } of docs) {
    const counts = new Map<string, number>();
    for (const t of contentTerms(doc.title ? `${doc.title}\n${doc.text}` : doc.text)) counts.set(t, (counts.get(t) ?? 0) + 1);
    n++;
    for (const t of counts.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const v: SparseVector = new Map();
    for (const [t, c] of counts) v.set(t, (1 + Math.log(c)) * Math.log(1 + n / df.get(t)!));
    normalise(v);
    const dots = new Map<number, number>();
    for (const [t, x] of v) {
      for (const ci of postings.get(t) ?? []) dots.set(ci, (dots.get(ci) ?? 0) + x * centroids[ci]!.get(t)!);
    }
    let best = -1;
    let bestSim = threshold;
    for (const [ci, d] of dots) {
      const sim = norms[ci]! > 0 ? d / norms[ci]! : 0;
      if (sim > bestSim) {
        bestSim = sim;
        best = ci;
      }
    }
    if (best < 0) {
      best = centroids.length;
      centroids.push(new Map());
      norms.push(0);
    }
    const c = centroids[best]!;
    for (const [t, x] of v) {
      c.set(t, (c.get(t) ?? 0) + x);
      let set = postings.get(t);
      if (!set) postings.set(t, (set = new Set()));
      set.add(best);
    }
    let s = 0;
    for (const x of c.values()) s += x * x;
    norms[best] = Math.sqrt(s);
    pred.push(String(best));
  }
  const seconds = (performance.now() - started) / 1000;
  return { events: scoreClustering(pred, docs.map((d) => d.event)), storylines: null, seconds };
}

// ---- splits and fixed configurations (shared by the bench and the gate test)

export const ECB_SEEDS = [1, 2, 3, 4, 5];

/** ECB+ held-out part (even topics), shuffled with `seed`. */
export function ecbReport(shared: string, seed: number): LabelledDoc[] {
  return shuffled(loadEcbPlus(shared).filter((d) => d.topic % 2 === 0), seed);
}
export function ecbTune(shared: string, seed: number): LabelledDoc[] {
  return shuffled(loadEcbPlus(shared).filter((d) => d.topic % 2 === 1), seed);
}
/** ECB+ folds for storylines: all dev topics in one stream (the hardest: 66 stories), and each half of the topics. */
export const ECB_FOLDS: readonly { name: string; keep: (topic: number) => boolean }[] = [
  { name: 'all 33 topics', keep: () => true },
  { name: 'odd topics', keep: (t) => t % 2 === 1 },
  { name: 'even topics', keep: (t) => t % 2 === 0 },
];

/** One ECB+ fold, shuffled with `seed`. */
export function ecbFold(shared: string, keep: (topic: number) => boolean, seed: number): LabelledDoc[] {
  return shuffled(loadEcbPlus(shared).filter((d) => keep(d.topic)), seed);
}

/**
 * ECB+ as a user ingests it: `storyline ingest` on the JSON lines file (file order, dates read from the texts,
 * duplicates folded into their originals, titles and cleaning as the command does them), then `storyline export`.
 * Returns the predicted event and storyline per article id (a duplicate with its original's).
 */
export function ecbEndToEnd(shared: string, dir: string): Map<string, { event: string; storyline: string }> {
  const db = join(dir, 'ecbplus-e2e.db');
  rmSync(db, { force: true });
  const bin = fileURLToPath(new URL('../../bin/storyline.js', import.meta.url));
  const ingest = spawnSync(process.execPath, [bin, 'ingest', '--db', db, join(shared, 'data/stories/ecbplus/articles.jsonl')], { encoding: 'utf8' });
  if (ingest.status !== 0) throw new Error(`storyline ingest failed: ${ingest.stderr}`);
  const exported = spawnSync(process.execPath, [bin, 'export', '--db', db, '--jsonl'], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (exported.status !== 0) throw new Error(`storyline export failed: ${exported.stderr}`);
  const rows = exported.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; event: string; storyline: string; duplicateOf: string | null });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = new Map<string, { event: string; storyline: string }>();
  for (const r of rows) {
    const o = (r.duplicateOf && byId.get(r.duplicateOf)) || r;
    out.set(r.id, { event: o.event, storyline: o.storyline });
  }
  rmSync(db, { force: true });
  for (const suffix of ['-wal', '-shm']) rmSync(db + suffix, { force: true });
  return out;
}

/** MStream held-out part (even-numbered stories), file order. */
export function mstreamReport(shared: string, file: 'News.jsonl' | 'News-T.jsonl'): LabelledDoc[] {
  return loadMStream(shared, file).filter((d) => d.cluster % 2 === 0);
}
export function mstreamTune(shared: string, file: 'News.jsonl' | 'News-T.jsonl'): LabelledDoc[] {
  return loadMStream(shared, file).filter((d) => d.cluster % 2 === 1);
}

/** Baseline thresholds: each the best B-cubed F1 on the tuning part of its dataset (grid 0.05 … 0.95). */
export const BASELINE_THRESHOLD_ECB = 0.2;
export const BASELINE_THRESHOLD_MSTREAM = 0.08;

/** Mean of `f` over several values. */
export function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
}

// ---- fitting the event weights (teacher forcing + logistic regression)

export const FEATURE_NAMES = ['title', 'body', 'entities', 'monthMatch', 'monthClash', 'member', 'entityMiss', 'yearMatch', 'yearClash'] as const;

/**
 * Collects article/event pairs by streaming `docs` with the gold grouping (teacher forcing): each
 * article is scored against every gold event seen so far, labelled 1 for its own event; then it is
 * placed in its gold event. Returns feature rows and labels.
 */
export function collectPairs(docs: LabelledDoc[], options: Partial<StoryClustererOptions> = {}, hardNegatives = 3): { x: number[][]; y: number[] } {
  const c = createClusterer(options);
  const goldToEvent = new Map<string, string>();
  const x: number[][] = [];
  const y: number[] = [];
  for (const d of docs) {
    const f = c.featurize(d.doc);
    // Hard negatives only: the `hardNegatives` other events closest by body cosine (the decisions that matter).
    const rows: { row: number[]; label: number }[] = [];
    for (const [gold, eid] of goldToEvent) {
      const p = c.eventFeatures(f, eid);
      rows.push({ row: [p.title, p.body, p.entities, p.monthMatch, p.monthClash, p.member, p.entityMiss, p.yearMatch, p.yearClash], label: gold === d.event ? 1 : 0 });
    }
    const negatives = rows.filter((r) => r.label === 0).sort((a, b) => b.row[1]! - a.row[1]!).slice(0, hardNegatives);
    for (const r of [...rows.filter((r) => r.label === 1), ...negatives]) {
      x.push(r.row);
      y.push(r.label);
    }
    const eid = c.place(f, goldToEvent.get(d.event) ?? null);
    goldToEvent.set(d.event, eid);
  }
  return { x, y };
}

/** Plain logistic regression by batch gradient descent, L2-regularised; returns [bias, ...weights]. */
export function fitLogistic(x: number[][], y: number[], epochs = 400, rate = 0.5, l2 = 1e-3): number[] {
  const dim = x[0]?.length ?? 0;
  const w = new Array<number>(dim + 1).fill(0);
  // Class balance: positives are rare; weigh them up so the fit does not drown them.
  const pos = y.reduce((a, b) => a + b, 0);
  const wPos = pos > 0 ? (y.length - pos) / pos : 1;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Array<number>(dim + 1).fill(0);
    let total = 0;
    for (let i = 0; i < x.length; i++) {
      const row = x[i]!;
      let z = w[0]!;
      for (let j = 0; j < dim; j++) z += w[j + 1]! * row[j]!;
      const p = 1 / (1 + Math.exp(-z));
      const weight = y[i] === 1 ? wPos : 1;
      const err = (p - y[i]!) * weight;
      total += weight;
      grad[0]! += err;
      for (let j = 0; j < dim; j++) grad[j + 1]! += err * row[j]!;
    }
    for (let j = 0; j <= dim; j++) w[j]! -= rate * (grad[j]! / total + (j > 0 ? l2 * w[j]! : 0));
  }
  return w;
}
