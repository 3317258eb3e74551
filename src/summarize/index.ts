/**
 * Multi-source extractive summary: sentences ranked by closeness to the storyline's centroid
 * (MEAD, Radev et al. 2004) and by how many independent outlets state them, picked with maximal
 * marginal relevance (Carbonell & Goldstein 1998) against redundancy. Extractive, so every sentence
 * is quoted from a source and cites it.
 */
import type { Citation, SummarySentence } from '../model/index.js';
import { cosine, type Unit, type Vector } from '../compare/align.js';

/** Options of the summary. */
export interface SummaryOptions {
  /** Number of sentences. */
  sentences: number;
  /** MMR trade-off: 1 = relevance only, 0 = novelty only. */
  lambda: number;
  /** Sentences shorter or longer than these word counts are not picked (fragments, run-ons). */
  minWords: number;
  maxWords: number;
}

// Chosen on the seeds and the demo corpus: five sentences read as a paragraph; λ 0.7 is MMR's usual setting.
export const DEFAULT_SUMMARY_OPTIONS: SummaryOptions = { sentences: 5, lambda: 0.7, minWords: 8, maxWords: 60 };

/** What the summary needs: units with vectors, and for each unit the group of aligned units it belongs to. */
export interface SummaryInput {
  units: Unit[];
  vectors: Vector[];
  /** Aligned units per unit (itself included), from the fact grouping. */
  groupOf: (unit: number) => number[];
}

function toCitation(u: Unit): Citation {
  return { article: u.article, sentence: u.sentence.text, start: u.sentence.start, end: u.sentence.end, ...(u.caption !== undefined ? { caption: u.caption } : {}) };
}

/**
 * Picks `options.sentences` sentences, returned in storyline order (earliest article, then position).
 * @example summarizeUnits({ units, vectors, groupOf }) → [{ text, sources: ['Outlet A', 'Outlet B'], citations }]
 */
export function summarizeUnits(input: SummaryInput, options: Partial<SummaryOptions> = {}): SummarySentence[] {
  const o = { ...DEFAULT_SUMMARY_OPTIONS, ...options };
  const { units, vectors } = input;
  const centroid: Vector = new Map();
  for (let i = 0; i < units.length; i++) {
    if (units[i]!.caption !== undefined) continue;
    for (const [k, x] of vectors[i]!) centroid.set(k, (centroid.get(k) ?? 0) + x);
  }
  let norm = 0;
  for (const x of centroid.values()) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (const [k, x] of centroid) centroid.set(k, x / norm);

  const candidates: Array<{ i: number; relevance: number; sources: string[] }> = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.caption !== undefined) continue;
    const words = u.sentence.text.split(/\s+/u).length;
    if (words < o.minWords || words > o.maxWords) continue;
    if (/[“”"]/u.test(u.sentence.text) && words < 20) continue; // short quote fragments read badly out of context
    const sources = [...new Set(input.groupOf(i).map((j) => units[j]!.source))];
    // Support from several outlets raises relevance (reason: a summary should lead with what is agreed).
    const relevance = cosine(vectors[i]!, centroid) * (1 + Math.log(sources.length));
    candidates.push({ i, relevance, sources });
  }
  candidates.sort((a, b) => b.relevance - a.relevance);
  const pool = candidates.slice(0, 200);
  const picked: typeof pool = [];
  const maxRel = pool[0]?.relevance || 1;
  const pickedSentences = new Set<string>();
  while (picked.length < o.sentences && pool.length) {
    let bestAt = -1;
    let best = -Infinity;
    for (let c = 0; c < pool.length; c++) {
      const cand = pool[c]!;
      let redundancy = 0;
      for (const p of picked) redundancy = Math.max(redundancy, cosine(vectors[cand.i]!, vectors[p.i]!));
      const mmr = o.lambda * (cand.relevance / maxRel) - (1 - o.lambda) * redundancy;
      if (mmr > best) {
        best = mmr;
        bestAt = c;
      }
    }
    const chosen = pool.splice(bestAt, 1)[0]!;
    // Two clauses of one sentence are one summary sentence; one aligned fact is stated once.
    const key = `${units[chosen.i]!.article}:${units[chosen.i]!.sentence.start}`;
    if (pickedSentences.has(key) || picked.some((p) => input.groupOf(p.i).includes(chosen.i))) continue;
    pickedSentences.add(key);
    picked.push(chosen);
  }
  picked.sort((a, b) => a.i - b.i);
  return picked.map((p) => {
    const group = input.groupOf(p.i);
    const own = units[p.i]!;
    const seen = new Set<string>();
    const cites = [own, ...group.filter((j) => j !== p.i).map((j) => units[j]!)]
      .map(toCitation)
      .filter((c) => {
        const k = `${c.article}:${c.caption ?? ''}:${c.start}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      })
      .slice(0, 6);
    return { text: own.sentence.text, sources: p.sources, citations: cites };
  });
}
