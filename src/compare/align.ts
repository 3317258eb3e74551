/**
 * Statement alignment across articles: each sentence becomes a sparse vector of TF-IDF-weighted
 * content stems plus heavier features for names, dates and numbers (the same-lemma / same-time /
 * same-place signal that is strong for cross-document event coreference); sentences of different
 * articles whose cosine passes a threshold are linked, and links are grouped by average linkage.
 * Candidate pairs come from an inverted index over rarer features, so the cost stays near-linear.
 */
import { dot, type SparseVector } from '../analyze/vectors.js';
import type { EntityMention } from '../analyze/entities.js';
import { contentStems, findDates, findNames, findNumbers, type DateMention, type NameMention, type NumberMention } from './text.js';

/** One statement: a sentence of an article's text or of one of its captions. */
export interface Unit {
  /** Index in the unit list. */
  index: number;
  article: string;
  /** Independence key: the outlet of the article's original (copies share it). */
  source: string;
  /** The clause the features come from, and its offsets. */
  text: string;
  start: number;
  end: number;
  /** The whole sentence holding the clause: what a citation shows. */
  sentence: { text: string; start: number; end: number };
  caption?: number;
  dates: DateMention[];
  numbers: NumberMention[];
  names: NameMention[];
  stems: string[];
}

/** Weights and thresholds of the aligner. */
export interface AlignOptions {
  /** Cosine from which two sentences state the same thing. */
  threshold: number;
  /** Feature weights relative to a content stem. */
  nameWeight: number;
  dateWeight: number;
  numberWeight: number;
  /** Features in more than this share of units are not used to find candidates (still scored). */
  maxDfShare: number;
  /** Keep at most this many neighbours per unit (reason: bounds the cost on 1,000-article storylines). */
  maxNeighbours: number;
  /** Align clauses rather than whole sentences. */
  clauses: boolean;
  /**
   * Share of a link's score that depends on how similar the two whole articles are (0 = sentence
   * similarity only). Reason: in a storyline of two similar events, sentences of articles about the
   * same event are the ones that report the same happening.
   */
  articleContext: number;
}

// Tuned on the ECB+ dev topics (bench/eval/compare.ts, 33 topics): articleContext 0.8 moved the
// precision/recall curve above the TF-IDF baseline's; threshold 0.15 keeps precision near 0.77
// (0.12 reaches F1 0.43 at precision 0.73 but lets loose facts into single-event storylines such
// as the seeds). Name/date/number weights made little difference there (±0.01 F1).
export const DEFAULT_ALIGN_OPTIONS: AlignOptions = {
  threshold: 0.15,
  nameWeight: 1.5,
  dateWeight: 1.5,
  numberWeight: 1.0,
  maxDfShare: 0.1,
  maxNeighbours: 25,
  clauses: true,
  articleContext: 0.8,
};

/** The slots of one sentence, found once and shared by its clauses. */
export interface SentenceSlots {
  dates: DateMention[];
  numbers: NumberMention[];
  names: NameMention[];
}

/** Finds the dates, figures and names of a sentence (`entities`: its names found already, e.g. by the stored analysis). */
export function sentenceSlots(text: string, entities?: EntityMention[]): SentenceSlots {
  const dates = findDates(text);
  return { dates, numbers: findNumbers(text, dates), names: findNames(text, entities) };
}

/**
 * Builds a unit from a clause (or a whole sentence). Offsets of its dates, figures and names are
 * relative to the clause; names of the rest of the sentence come along with offset -1.
 */
export function makeUnit(index: number, article: string, source: string, text: string, start: number, end: number, caption?: number, sentence?: { text: string; start: number; end: number }, slots?: SentenceSlots): Unit {
  const sent = sentence ?? { text, start, end };
  const all = slots ?? sentenceSlots(sent.text);
  const offset = start - sent.start;
  const inside = <T extends { start: number; end: number }>(m: T): boolean => m.start >= offset && m.end <= offset + text.length;
  const shift = <T extends { start: number; end: number }>(m: T): T => ({ ...m, start: m.start - offset, end: m.end - offset });
  const dates = all.dates.filter(inside).map(shift);
  const numbers = all.numbers.filter(inside).map(shift);
  // Names of the whole sentence go with each clause: they are the clause's who and where too.
  const names = all.names.map((n) => (inside(n) ? shift(n) : { ...n, start: -1, end: -1 }));
  // Date words are compared as dates, not as words ("last September": "last" is not content).
  let bare = text;
  for (const d of dates) bare = bare.slice(0, d.start) + ' '.repeat(d.end - d.start) + bare.slice(d.end);
  bare = bare.replace(/\b(?:last|next|this|early|late|mid|since|until)\s+(?=\s*$|\s{2,})/giu, (m) => ' '.repeat(m.length));
  return {
    index,
    article,
    source,
    text,
    start,
    end,
    sentence: sent,
    ...(caption !== undefined ? { caption } : {}),
    dates,
    numbers,
    names,
    stems: contentStems(bare),
  };
}

// Clause boundaries inside a sentence: relative clauses and coordinated main clauses (reason: one
// sentence often states two facts — "He will meet X, whom he last met in Sochi last September").
const CLAUSE_BREAK = /,\s+(?=(?:whom|who|which|where|when|but|while|whereas|although)\b)|;\s+|\s+(?=but\s)/gu;
// Clauses shorter than this stay with their neighbour (too little to align on their own).
const MIN_CLAUSE_WORDS = 5;

/** Splits a sentence into clauses: `[start, end)` offsets into the sentence. */
export function splitClauses(sentence: string): Array<[number, number]> {
  const cuts = [0];
  for (const m of sentence.matchAll(CLAUSE_BREAK)) cuts.push(m.index + m[0].length);
  cuts.push(sentence.length);
  const out: Array<[number, number]> = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    const words = sentence.slice(a, b).split(/\s+/u).filter(Boolean).length;
    const last = out[out.length - 1];
    if (last && (words < MIN_CLAUSE_WORDS || sentence.slice(last[0], last[1]).split(/\s+/u).filter(Boolean).length < MIN_CLAUSE_WORDS)) last[1] = b;
    else out.push([a, b]);
  }
  return out;
}

/** Feature counts of a unit with each feature's weight: `w:` stems, `n:` names, `d:` dates, `#:` numbers. */
function rawFeatures(u: Unit, o: AlignOptions): Map<string, { count: number; weight: number }> {
  const f = new Map<string, { count: number; weight: number }>();
  const add = (k: string, weight: number): void => {
    const e = f.get(k);
    if (e) e.count++;
    else f.set(k, { count: 1, weight });
  };
  const nameWords = new Set<string>();
  for (const n of u.names) {
    // A resolved "He" is a participant of the claim, not a word of the sentence: alignment stays on what is written.
    if (n.resolved) continue;
    add(`n:${n.key}`, o.nameWeight);
    // Last word too (reason: "Putin" must match "Vladimir Putin").
    const i = n.key.lastIndexOf('_');
    if (i > 0) add(`n:${n.key.slice(i + 1)}`, o.nameWeight);
    for (const w of n.key.split('_')) nameWords.add(w);
  }
  for (const s of u.stems) if (!nameWords.has(s)) add(`w:${s}`, 1);
  for (const d of u.dates) {
    if (d.year !== null) add(`d:y${d.year}`, o.dateWeight);
    if (d.month !== null) add(`d:m${d.month}`, o.dateWeight * 0.5);
    if (d.year !== null && d.month !== null) add(`d:y${d.year}m${d.month}`, o.dateWeight);
  }
  for (const n of u.numbers) add(`#:${n.value}${n.unit ? ':' + n.unit : ''}`, o.numberWeight);
  return f;
}

/** A weighted, L2-normalised sparse vector. */
export type Vector = SparseVector;

/** TF-IDF vectors of all units (IDF over the units themselves). */
export function vectorize(units: Unit[], o: AlignOptions = DEFAULT_ALIGN_OPTIONS): { vectors: Vector[]; df: Map<string, number> } {
  const raws = units.map((u) => rawFeatures(u, o));
  const df = new Map<string, number>();
  for (const r of raws) for (const k of r.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const n = units.length;
  const vectors = raws.map((r) => {
    const v: Vector = new Map();
    let norm = 0;
    for (const [k, { count, weight }] of r) {
      // Sublinear term frequency times the feature's weight times IDF.
      const x = (1 + Math.log(count)) * weight * Math.log(1 + n / (df.get(k) ?? 1));
      v.set(k, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [k, x] of v) v.set(k, x / norm);
    return v;
  });
  return { vectors, df };
}

/** Cosine of two normalised vectors: their dot product. */
export const cosine = dot;

// Features shared by more units than this do not propose candidates (they are still scored):
// bounds the candidate pairs on 1,000-article storylines; ECB+ figures are unchanged by it.
const MAX_CANDIDATE_DF = 60;

/** A scored link between two units of different articles. */
export interface Link {
  a: number;
  b: number;
  score: number;
}

/**
 * Links between units of different articles with cosine ≥ `minScore`, found through an inverted
 * index over features that are rare enough to be informative.
 */
export function findLinks(units: Unit[], vectors: Vector[], df: Map<string, number>, minScore: number, o: AlignOptions = DEFAULT_ALIGN_OPTIONS): Link[] {
  const maxDf = Math.max(8, Math.min(MAX_CANDIDATE_DF, Math.floor(o.maxDfShare * units.length)));
  // Features numbered; vectors as sorted (feature id, weight) arrays: a merge join is much faster than Map lookups.
  const ids = new Map<string, number>();
  const idOf = (k: string): number => {
    let id = ids.get(k);
    if (id === undefined) ids.set(k, (id = ids.size));
    return id;
  };
  const packed = vectors.map((v) => {
    const entries = [...v].map(([k, x]) => [idOf(k), x] as const);
    entries.sort((a, b) => a[0] - b[0]);
    return { f: Int32Array.from(entries, (e) => e[0]), w: Float64Array.from(entries, (e) => e[1]) };
  });
  // Postings of the features rare enough to propose candidates, by feature id; each unit's such
  // features in its vector's order (the order candidates are met in).
  const postings: number[][] = [];
  const proposing = vectors.map((v, i) => {
    const out: number[] = [];
    for (const k of v.keys()) {
      const n = df.get(k) ?? 0;
      if (n > maxDf || n < 2) continue;
      const id = ids.get(k)!;
      (postings[id] ??= []).push(i);
      out.push(id);
    }
    return out;
  });
  const dot = (a: { f: Int32Array; w: Float64Array }, b: { f: Int32Array; w: Float64Array }): number => {
    let i = 0;
    let j = 0;
    let s = 0;
    while (i < a.f.length && j < b.f.length) {
      const x = a.f[i]!;
      const y = b.f[j]!;
      if (x === y) s += a.w[i++]! * b.w[j++]!;
      else if (x < y) i++;
      else j++;
    }
    return s;
  };
  // Article vectors: the normalised sum of their units' vectors. Articles are numbered (reason: a
  // numeric pair key instead of joined id strings; 1,000-article storylines ask for ~10^6 pairs).
  const articleNo = new Map<string, number>();
  const unitArticle = Int32Array.from(units, (u) => {
    let n = articleNo.get(u.article);
    if (n === undefined) articleNo.set(u.article, (n = articleNo.size));
    return n;
  });
  const articleVec: Array<Map<number, number>> = Array.from({ length: articleNo.size }, () => new Map());
  for (let i = 0; i < units.length; i++) {
    const v = articleVec[unitArticle[i]!]!;
    const p = packed[i]!;
    for (let k = 0; k < p.f.length; k++) v.set(p.f[k]!, (v.get(p.f[k]!) ?? 0) + p.w[k]!);
  }
  const articlePacked = articleVec.map((v) => {
    const entries = [...v].sort((x, y) => x[0] - y[0]);
    let norm = 0;
    for (const [, x] of entries) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    return { f: Int32Array.from(entries, (e) => e[0]), w: Float64Array.from(entries, (e) => e[1] / norm) };
  });
  const articleSim = new Map<number, number>();
  const contextOf = (a: number, b: number): number => {
    const k = a < b ? a * articlePacked.length + b : b * articlePacked.length + a;
    let s = articleSim.get(k);
    if (s === undefined) articleSim.set(k, (s = dot(articlePacked[a]!, articlePacked[b]!)));
    return s;
  };
  const ctx = o.articleContext;
  const best: Link[][] = units.map(() => []);
  const seen = new Int32Array(units.length).fill(-1);
  // Unit i's vector spread over all features, so a candidate's dot product reads only the
  // candidate's features (same products, same order: the same sum as the merge join).
  const spread = new Float64Array(ids.size);
  const dotWithSpread = (b: { f: Int32Array; w: Float64Array }): number => {
    let s = 0;
    for (let k = 0; k < b.f.length; k++) s += spread[b.f[k]!]! * b.w[k]!;
    return s;
  };
  for (let i = 0; i < vectors.length; i++) {
    const cands: Link[] = [];
    const pi = packed[i]!;
    for (let k = 0; k < pi.f.length; k++) spread[pi.f[k]!] = pi.w[k]!;
    for (const id of proposing[i]!) {
      for (const j of postings[id]!) {
        if (j <= i || seen[j] === i) continue;
        seen[j] = i;
        if (unitArticle[j] === unitArticle[i]) continue;
        let s = dotWithSpread(packed[j]!);
        if (ctx > 0 && s >= minScore * (1 - ctx)) s *= 1 - ctx + ctx * Math.sqrt(contextOf(unitArticle[i]!, unitArticle[j]!));
        if (s >= minScore) cands.push({ a: i, b: j, score: s });
      }
    }
    for (let k = 0; k < pi.f.length; k++) spread[pi.f[k]!] = 0;
    for (const l of cands) {
      best[l.a]!.push(l);
      best[l.b]!.push(l);
    }
  }
  // Keep each unit's strongest neighbours; a link survives when either end keeps it.
  const kept = new Set<Link>();
  for (const list of best) {
    list.sort((x, y) => y.score - x.score);
    for (const l of list.slice(0, o.maxNeighbours)) kept.add(l);
  }
  return [...kept].sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
}

/**
 * Groups linked units by average linkage, allowing overlap: links are taken strongest first; a unit
 * joins every group of its partner whose members (from other articles) it matches on average at
 * `threshold` (reason: single linkage chains unrelated statements through one shared name, and one
 * sentence often states two facts — "he will meet X, whom he last met in Sochi").
 */
export function groupLinks(units: Unit[], links: Link[], threshold: number): number[][] {
  const unitCount = units.length;
  const sim = new Map<number, number>();
  const key = (a: number, b: number): number => (a < b ? a * unitCount + b : b * unitCount + a);
  for (const l of links) sim.set(key(l.a, l.b), l.score);
  const groupsOf: number[][] = units.map(() => []);
  const groups: number[][] = [];
  const fits = (x: number, g: number[]): boolean => {
    let total = 0;
    let pairs = 0;
    for (const y of g) {
      // Sentences of one article are never compared; they do not weigh on the mean.
      if (units[x]!.article === units[y]!.article) continue;
      total += sim.get(key(x, y)) ?? 0;
      pairs++;
    }
    return pairs > 0 && total / pairs >= threshold;
  };
  for (const l of links) {
    if (l.score < threshold) break;
    let together = groupsOf[l.a]!.some((g) => groupsOf[l.b]!.includes(g));
    if (together) continue;
    for (const [x, y] of [[l.b, l.a], [l.a, l.b]] as const) {
      for (const gi of groupsOf[y]!) {
        const g = groups[gi]!;
        if (g.includes(x) || !fits(x, g)) continue;
        g.push(x);
        groupsOf[x]!.push(gi);
        together = true;
      }
    }
    if (!together) {
      groups.push([l.a, l.b]);
      groupsOf[l.a]!.push(groups.length - 1);
      groupsOf[l.b]!.push(groups.length - 1);
    }
  }
  return groups;
}
