/**
 * Evaluation of fact alignment on ECB+ (Cybulska & Vossen 2014): do the sentences we align across
 * articles report the same happening according to the corpus's cross-document event coreference?
 *
 * Protocol: one storyline per topic (all its ECB and ECB+ articles, i.e. two similar events mixed);
 * article text rebuilt from the XML tokens, one annotated sentence per line. Only the sentences
 * listed in `coreference_sentences.csv` are scored. A gold pair = two sentences of different
 * articles sharing a cross-document action instance (CROSS_DOC_COREF with an ACT or NEG note). A predicted pair =
 * two sentences of different articles in one aligned group. Pairwise precision and recall, micro
 * over topics. The baseline: plain TF-IDF cosine over sentence words, pairs above one threshold.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { alignArticles, analyzeStoryline, type CompareArticle } from '../../src/compare/analyze.js';
import type { AlignOptions } from '../../src/compare/align.js';
import type { Citation, StorylineReport } from '../../src/model/index.js';

/** One ECB+ document rebuilt: its text and, per annotated sentence number, the line's span and gold instances. */
export interface EcbDoc {
  id: string;
  topic: string;
  text: string;
  /** Sentence number → [start, end) in `text`. */
  spans: Map<number, [number, number]>;
  /** Sentence number → cross-document action instance ids. */
  instances: Map<number, Set<string>>;
}

const NO_SPACE_BEFORE = /^(?:[.,;:!?%)\]}]|'s|'re|'ve|'ll|'d|'m|n't|'|")$/u;

/** Parses one ECB+ XML file into a document with per-sentence spans and gold action instances. */
export function parseEcbXml(xml: string, id: string, topic: string): EcbDoc {
  const tokens = new Map<string, { s: number; text: string }>();
  const bySentence = new Map<number, string[]>();
  for (const m of xml.matchAll(/<token t_id="(\d+)" sentence="(\d+)" number="\d+"\s*>([^<]*)<\/token>/gu)) {
    const s = Number(m[2]);
    const text = m[3]!.replace(/&amp;/gu, '&').replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&apos;/gu, "'");
    tokens.set(m[1]!, { s, text });
    let list = bySentence.get(s);
    if (!list) bySentence.set(s, (list = []));
    list.push(text);
  }
  const isPlus = id.endsWith('ecbplus');
  let text = '';
  const spans = new Map<number, [number, number]>();
  for (const s of [...bySentence.keys()].sort((a, b) => a - b)) {
    if (isPlus && s === 0) continue; // sentence 0 of ECB+ files is the source URL
    let line = '';
    for (const t of bySentence.get(s)!) line += line && !NO_SPACE_BEFORE.test(t) && !line.endsWith('(') ? ` ${t}` : t;
    if (text) text += '\n';
    spans.set(s, [text.length, text.length + line.length]);
    text += line;
  }
  // Mentions → sentence; cross-document links → instance ids.
  const markables = xml.slice(xml.indexOf('<Markables>'), xml.indexOf('</Markables>'));
  const sentenceOfMention = new Map<string, number>();
  for (const m of markables.matchAll(/<(\w+) m_id="(\d+)"\s*>([\s\S]*?)<\/\1>/gu)) {
    const t = /t_id="(\d+)"/u.exec(m[3]!);
    const tok = t ? tokens.get(t[1]!) : undefined;
    if (tok) sentenceOfMention.set(m[2]!, tok.s);
  }
  const instances = new Map<number, Set<string>>();
  for (const r of xml.matchAll(/<CROSS_DOC_COREF r_id="\d+" note="((?:ACT|NEG)[^"]*)"\s*>([\s\S]*?)<\/CROSS_DOC_COREF>/gu)) {
    for (const src of r[2]!.matchAll(/<source m_id="(\d+)"/gu)) {
      const s = sentenceOfMention.get(src[1]!);
      if (s === undefined) continue;
      let set = instances.get(s);
      if (!set) instances.set(s, (set = new Set()));
      set.add(r[1]!);
    }
  }
  return { id, topic, text, spans, instances };
}

/** All topics: documents plus the set of scored sentences (`docId:sentence`). */
export function loadEcb(shared: string, topicsLimit = Infinity): { topics: Map<string, EcbDoc[]>; scored: Set<string> } {
  const root = join(shared, 'data', 'stories', 'ecbplus');
  const scored = new Set<string>();
  const csv = readFileSync(join(root, 'coreference_sentences.csv'), 'utf8').split('\n').slice(1);
  for (const line of csv) {
    const [topic, file, sentence] = line.trim().split(',');
    if (topic && file && sentence) scored.add(`${topic}_${file}:${sentence}`);
  }
  const topics = new Map<string, EcbDoc[]>();
  const dirs = readdirSync(join(root, 'xml')).sort((a, b) => Number(a) - Number(b)).slice(0, topicsLimit);
  for (const t of dirs) {
    const docs = readdirSync(join(root, 'xml', t))
      .filter((f) => f.endsWith('.xml'))
      .sort()
      .map((f) => parseEcbXml(readFileSync(join(root, 'xml', t, f), 'utf8'), f.slice(0, -4), t));
    topics.set(t, docs);
  }
  return { topics, scored };
}

/** Pair counts of one system on the scored sentences. */
export interface PairScores {
  tp: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

function finish(tp: number, predicted: number, gold: number): PairScores {
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, predicted, gold, precision, recall, f1 };
}

type PairKey = string;
const pairKey = (a: string, b: string): PairKey => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Gold cross-article pairs of scored sentences in one topic. */
function goldPairs(docs: EcbDoc[], scored: Set<string>): Set<PairKey> {
  const out = new Set<PairKey>();
  const items: Array<{ key: string; doc: string; inst: Set<string> }> = [];
  for (const d of docs) for (const [s, inst] of d.instances) if (scored.has(`${d.id}:${s}`)) items.push({ key: `${d.id}:${s}`, doc: d.id, inst });
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!;
      const b = items[j]!;
      if (a.doc === b.doc) continue;
      for (const x of a.inst) {
        if (b.inst.has(x)) {
          out.add(pairKey(a.key, b.key));
          break;
        }
      }
    }
  }
  return out;
}

/** Maps a character offset of a doc's text to its sentence number. */
function sentenceAt(doc: EcbDoc, pos: number): number | null {
  for (const [s, [a, b]] of doc.spans) if (pos >= a && pos < b) return s;
  return null;
}

function articlesOf(docs: EcbDoc[]): CompareArticle[] {
  return docs.map((d) => ({ id: d.id, title: null, text: d.text, outlet: d.id, published: null }));
}

/** The scored sentence key (`docId:sentence`) at an offset, or '' when not scored. */
function scoredKey(byId: Map<string, EcbDoc>, scored: Set<string>, article: string, pos: number): string {
  const doc = byId.get(article);
  const s = doc ? sentenceAt(doc, pos) : null;
  const k = s === null ? '' : `${article}:${s}`;
  return scored.has(k) ? k : '';
}

/** Cross-article pairs of the keys of each group. */
function pairsOfGroups(groups: string[][]): Set<PairKey> {
  const out = new Set<PairKey>();
  for (const g of groups) {
    const keys = [...new Set(g)].filter(Boolean);
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        if (keys[i]!.split(':')[0] !== keys[j]!.split(':')[0]) out.add(pairKey(keys[i]!, keys[j]!));
      }
    }
  }
  return out;
}

/** Predicted pairs of our aligner in one topic (aligned groups, before any verification). */
function systemPairs(docs: EcbDoc[], scored: Set<string>, options: Partial<AlignOptions>): Set<PairKey> {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const { units, groups } = alignArticles(articlesOf(docs), options);
  return pairsOfGroups(groups.map((g) => g.map((u) => scoredKey(byId, scored, units[u]!.article, units[u]!.start))));
}

/** The report of one topic as one storyline (every article its own outlet). */
function topicReport(docs: EcbDoc[], options: Partial<AlignOptions>): StorylineReport {
  return analyzeStoryline({ articles: articlesOf(docs) }, { align: options });
}

/** Predicted pairs of the report's facts: two sentences of different articles cited by one fact. */
function factPairs(docs: EcbDoc[], scored: Set<string>, report: StorylineReport): Set<PairKey> {
  const byId = new Map(docs.map((d) => [d.id, d]));
  return pairsOfGroups(report.facts.map((f) => f.citations.map((c) => scoredKey(byId, scored, c.article, c.start))));
}

/** Conflicts of one topic's report, judged: do the two sides' sentences share a gold event instance? */
export interface ConflictJudgement {
  /** Conflicts (kind `conflict`) in the report. */
  conflicts: number;
  /** Those with a scored (completely annotated) sentence on each side. */
  judged: number;
  /** Judged conflicts whose two sides have sentences linked by one event coreference chain. */
  sameHappening: number;
}

function judgeConflicts(docs: EcbDoc[], scored: Set<string>, report: StorylineReport): ConflictJudgement {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const instancesOf = (c: Citation): Set<string> | null => {
    const doc = byId.get(c.article);
    const s = doc && c.caption === undefined ? sentenceAt(doc, c.start) : null;
    return s !== null && scored.has(`${c.article}:${s}`) ? (doc!.instances.get(s) ?? new Set()) : null;
  };
  const out: ConflictJudgement = { conflicts: 0, judged: 0, sameHappening: 0 };
  for (const c of report.conflicts) {
    if (c.kind !== 'conflict') continue;
    out.conflicts++;
    const sides = (c.sides ?? [{ citations: [c.citations[0]] }, { citations: [c.citations[1]] }]).map((s) => s.citations.map(instancesOf).filter((x): x is Set<string> => x !== null));
    if (sides.length < 2 || sides.some((s) => !s.length)) continue;
    out.judged++;
    const linked = sides[0]!.some((x) => sides[1]!.some((y) => [...x].some((i) => y.has(i))));
    if (linked) out.sameHappening++;
  }
  return out;
}

/** Baseline: lower-cased word TF-IDF cosine over whole sentences, one threshold, no grouping. */
function baselineScores(docs: EcbDoc[], scored: Set<string>): Array<{ key: PairKey; score: number }> {
  const sents: Array<{ key: string; doc: string; tf: Map<string, number> }> = [];
  for (const d of docs) {
    for (const [s, [a, b]] of d.spans) {
      const key = `${d.id}:${s}`;
      if (!scored.has(key)) continue;
      const tf = new Map<string, number>();
      for (const w of d.text.slice(a, b).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) tf.set(w, (tf.get(w) ?? 0) + 1);
      sents.push({ key, doc: d.id, tf });
    }
  }
  const df = new Map<string, number>();
  for (const s of sents) for (const w of s.tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const vecs = sents.map((s) => {
    const v = new Map<string, number>();
    let n = 0;
    for (const [w, c] of s.tf) {
      const x = c * Math.log(1 + sents.length / df.get(w)!);
      v.set(w, x);
      n += x * x;
    }
    n = Math.sqrt(n) || 1;
    for (const [w, x] of v) v.set(w, x / n);
    return v;
  });
  const out = [];
  for (let i = 0; i < sents.length; i++) {
    for (let j = i + 1; j < sents.length; j++) {
      if (sents[i]!.doc === sents[j]!.doc) continue;
      let dot = 0;
      for (const [w, x] of vecs[i]!) dot += x * (vecs[j]!.get(w) ?? 0);
      out.push({ key: pairKey(sents[i]!.key, sents[j]!.key), score: dot });
    }
  }
  return out;
}

/** Report figures of one set of topics. */
export interface ReportScores {
  /** Pairs of sentences cited by one report fact (partial support included). */
  facts: PairScores;
  conflicts: ConflictJudgement & { precision: number };
}

/** The result of one evaluation run. */
export interface CompareEval {
  topics: number;
  documents: number;
  scoredSentences: number;
  system: PairScores;
  /** The report's facts: the sentences `analyzeStoryline` cites together for one fact. */
  verified: PairScores;
  /** Conflicts of the reports: how many, and the share whose sides report one happening. */
  conflicts: ConflictJudgement & { precision: number };
  /** The same report figures on odd- and even-numbered topics (two halves, to show the spread). */
  folds: { odd: ReportScores; even: ReportScores };
  /** Baseline at its best threshold on these topics (a generous comparison). */
  baseline: PairScores & { threshold: number };
  /** The baseline at each threshold 0.05..0.60. */
  baselineSweep: Array<{ threshold: number } & PairScores>;
  /** Our aligner at other thresholds, for the curve. */
  sweep: Array<{ threshold: number } & PairScores>;
}

interface ReportCounts {
  tp: number;
  pred: number;
  gold: number;
  conflicts: ConflictJudgement;
}

const emptyCounts = (): ReportCounts => ({ tp: 0, pred: 0, gold: 0, conflicts: { conflicts: 0, judged: 0, sameHappening: 0 } });

function conflictScores(c: ConflictJudgement): ConflictJudgement & { precision: number } {
  return { ...c, precision: c.judged ? c.sameHappening / c.judged : 0 };
}

function reportScores(c: ReportCounts): ReportScores {
  return { facts: finish(c.tp, c.pred, c.gold), conflicts: conflictScores(c.conflicts) };
}

/**
 * Runs the evaluation. `topicsLimit` keeps the gate test fast (first N topics by number).
 * @example evaluateCompare('/work/shared').system.f1
 */
export function evaluateCompare(shared: string, options: { topicsLimit?: number; align?: Partial<AlignOptions>; sweep?: number[] } = {}): CompareEval {
  const { topics, scored } = loadEcb(shared, options.topicsLimit);
  let tp = 0;
  let pred = 0;
  let gold = 0;
  const all = emptyCounts();
  const folds = { odd: emptyCounts(), even: emptyCounts() };
  const sweep = (options.sweep ?? []).map((threshold) => ({ threshold, tp: 0, pred: 0 }));
  const baseline: Array<{ score: number; gold: boolean }> = [];
  let documents = 0;
  let scoredSentences = 0;
  for (const [topic, docs] of topics) {
    documents += docs.length;
    for (const d of docs) for (const s of d.spans.keys()) if (scored.has(`${d.id}:${s}`)) scoredSentences++;
    const g = goldPairs(docs, scored);
    gold += g.size;
    const p = systemPairs(docs, scored, options.align ?? {});
    pred += p.size;
    for (const k of p) if (g.has(k)) tp++;
    const report = topicReport(docs, options.align ?? {});
    const v = factPairs(docs, scored, report);
    const judged = judgeConflicts(docs, scored, report);
    for (const c of [all, Number(topic) % 2 ? folds.odd : folds.even]) {
      c.gold += g.size;
      c.pred += v.size;
      for (const k of v) if (g.has(k)) c.tp++;
      c.conflicts.conflicts += judged.conflicts;
      c.conflicts.judged += judged.judged;
      c.conflicts.sameHappening += judged.sameHappening;
    }
    for (const s of sweep) {
      const q = systemPairs(docs, scored, { ...(options.align ?? {}), threshold: s.threshold });
      s.pred += q.size;
      for (const k of q) if (g.has(k)) s.tp++;
    }
    for (const b of baselineScores(docs, scored)) baseline.push({ score: b.score, gold: g.has(b.key) });
  }
  // Baseline: best F1 over thresholds 0.05..0.60.
  let bestBase = { threshold: 0, ...finish(0, 0, gold) };
  const baselineSweep: Array<{ threshold: number } & PairScores> = [];
  for (let t = 0.05; t <= 0.6001; t += 0.05) {
    let btp = 0;
    let bp = 0;
    for (const b of baseline) {
      if (b.score >= t) {
        bp++;
        if (b.gold) btp++;
      }
    }
    const r = finish(btp, bp, gold);
    baselineSweep.push({ threshold: Math.round(t * 100) / 100, ...r });
    if (r.f1 > bestBase.f1) bestBase = { threshold: Math.round(t * 100) / 100, ...r };
  }
  return {
    topics: topics.size,
    documents,
    scoredSentences,
    system: finish(tp, pred, gold),
    verified: finish(all.tp, all.pred, all.gold),
    conflicts: conflictScores(all.conflicts),
    folds: { odd: reportScores(folds.odd), even: reportScores(folds.even) },
    baseline: bestBase,
    baselineSweep,
    sweep: sweep.map((s) => ({ threshold: s.threshold, ...finish(s.tp, s.pred, gold) })),
  };
}
