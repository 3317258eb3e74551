/**
 * Evaluation of time expressions and publication-date inference on the shared temporal data:
 * TempEval-3 Task A (relaxed/strict extent P/R/F1, value F1) and date inference with the date
 * hidden (TempEval-3 dct, Timeline17 pub_date). Used by bench/timex.ts and the quality gate.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { findTimexes, inferPublicationDate, scanTimexes } from '../../src/analyze/time/index.js';

export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}
export interface TempEvalDoc {
  doc_id: string;
  subset: string;
  dct: string;
  text: string;
  timexes: GoldTimex[];
}
export interface SystemTimex {
  start: number;
  end: number;
  value: string;
}
export type TimexSystem = (text: string, dct: string | null) => SystemTimex[];

export function loadTempEval(shared: string): TempEvalDoc[] {
  const file = join(shared, 'data', 'temporal', 'tempeval3', 'train.jsonl');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as TempEvalDoc);
}

/**
 * The development half (even positions in doc_id order) and the other half, kept for checking that
 * rules generalise; the split is fixed so figures are comparable between runs.
 */
export function splitTempEval(docs: TempEvalDoc[]): { dev: TempEvalDoc[]; heldOut: TempEvalDoc[] } {
  const sorted = [...docs].sort((a, b) => (a.doc_id < b.doc_id ? -1 : 1));
  return { dev: sorted.filter((_, i) => i % 2 === 0), heldOut: sorted.filter((_, i) => i % 2 === 1) };
}

export interface TimexScores {
  docs: number;
  gold: number;
  system: number;
  strictP: number;
  strictR: number;
  strictF1: number;
  relaxedP: number;
  relaxedR: number;
  relaxedF1: number;
  /** Share of relaxed matches whose value equals the gold value. */
  valueAccuracy: number;
  /** valueAccuracy × relaxed F1 (TempEval-3 Task A). */
  valueF1: number;
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

/** Trims whitespace and trailing punctuation from a span so extents compare on tokens. */
function trimSpan(text: string, s: number, e: number): [number, number] {
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /[\s.,;:]/.test(text[e - 1]!)) e--;
  return [s, e];
}

/** TempEval-3 Task A scores of a system over documents (micro-averaged). */
export function scoreTimexes(docs: TempEvalDoc[], system: TimexSystem): TimexScores {
  let gold = 0, sys = 0, strict = 0, relaxed = 0, valueOk = 0;
  for (const doc of docs) {
    const predicted = system(doc.text, doc.dct);
    gold += doc.timexes.length;
    sys += predicted.length;
    const used = new Set<number>();
    for (const p of predicted) {
      const [ps, pe] = trimSpan(doc.text, p.start, p.end);
      // Relaxed: any shared token; prefer the gold span with the largest overlap.
      let bestI = -1;
      let bestOverlap = 0;
      doc.timexes.forEach((g, i) => {
        if (used.has(i)) return;
        const [gs, ge] = trimSpan(doc.text, g.start, g.end);
        const overlap = Math.min(pe, ge) - Math.max(ps, gs);
        if (overlap > 0 && /\w/.test(doc.text.slice(Math.max(ps, gs), Math.min(pe, ge))) && overlap > bestOverlap) {
          bestOverlap = overlap;
          bestI = i;
        }
      });
      if (bestI < 0) continue;
      used.add(bestI);
      const g = doc.timexes[bestI]!;
      const [gs, ge] = trimSpan(doc.text, g.start, g.end);
      relaxed++;
      if (gs === ps && ge === pe) strict++;
      if (g.value === p.value) valueOk++;
    }
  }
  const strictP = sys ? strict / sys : 0, strictR = gold ? strict / gold : 0;
  const relaxedP = sys ? relaxed / sys : 0, relaxedR = gold ? relaxed / gold : 0;
  const relaxedF1 = f1(relaxedP, relaxedR);
  const valueAccuracy = relaxed ? valueOk / relaxed : 0;
  return { docs: docs.length, gold, system: sys, strictP, strictR, strictF1: f1(strictP, strictR), relaxedP, relaxedR, relaxedF1, valueAccuracy, valueF1: valueAccuracy * relaxedF1 };
}

// ---------------------------------------------------------------- publication dates

export interface DatedText {
  id: string;
  text: string;
  /** The hidden true date, `YYYY-MM-DD`. */
  date: string;
}
export type DateInferrer = (text: string) => string | null;

export interface DateScores {
  n: number;
  /** Share of texts with any answer. */
  coverage: number;
  /** Shares of all texts (not only answered ones) whose answer is within 0 / 7 / 31 days. */
  within0: number;
  within7: number;
  within31: number;
  /** Share of all texts with the right year. */
  yearAccuracy: number;
  /** Share of answered texts with the right year. */
  yearPrecision: number;
}

/** Day number of a point estimate: a month answer counts as its 15th, a year answer as 1 July. */
function dayOf(s: string): { day: number; precise: boolean } | null {
  const m = /^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?/.exec(s);
  if (!m) return null;
  const y = +m[1]!, mo = m[2] ? +m[2] : 7, d = m[3] ? +m[3] : m[2] ? 15 : 1;
  return { day: Math.floor(Date.UTC(y, mo - 1, d) / 86_400_000), precise: !!m[3] };
}

/** Scores a date inferrer on texts whose date is hidden from it. */
export function scoreDates(items: DatedText[], infer: DateInferrer): DateScores {
  let answered = 0, w0 = 0, w7 = 0, w31 = 0, year = 0;
  for (const it of items) {
    let guess: string | null = null;
    try {
      guess = infer(it.text);
    } catch {
      guess = null;
    }
    if (!guess) continue;
    answered++;
    const g = dayOf(guess);
    const t = dayOf(it.date);
    if (!g || !t) continue;
    const diff = Math.abs(g.day - t.day);
    if (diff === 0 && g.precise) w0++;
    if (diff <= 7) w7++;
    if (diff <= 31) w31++;
    if (guess.slice(0, 4) === it.date.slice(0, 4)) year++;
  }
  const n = items.length || 1;
  return { n: items.length, coverage: answered / n, within0: w0 / n, within7: w7 / n, within31: w31 / n, yearAccuracy: year / n, yearPrecision: answered ? year / answered : 0 };
}

/** What dated texts hold that could give their year away (shares of documents). */
export interface YearCensus {
  n: number;
  /** Names any year explicitly ("in 1996", "Aug. 7, 1998", "fiscal 1990"). */
  namesYear: number;
  /** Names its own publication year explicitly. */
  namesOwnYear: number;
  /** Names the year before publication, and no later one. */
  latestIsYearBefore: number;
  /** Gives a weekday with a year-less day ("Friday, Oct. 23"). */
  weekdayDate: number;
}

/** Counts, over dated texts, the clues to the publication year that the text itself holds. */
export function yearCensus(items: DatedText[]): YearCensus {
  let named = 0, own = 0, before = 0, wd = 0;
  for (const it of items) {
    const y = +it.date.slice(0, 4);
    const ms = scanTimexes(it.text);
    const years = ms.flatMap((m) => (m.meaning.k === 'abs' && /^\d{4}/.test(m.meaning.value) ? [+m.meaning.value.slice(0, 4)] : []));
    if (years.length) named++;
    if (years.includes(y)) own++;
    if (years.length && Math.max(...years) === y - 1) before++;
    if (ms.some((m) => m.meaning.k === 'month' && m.meaning.wd !== undefined && m.meaning.d !== undefined)) wd++;
  }
  const n = items.length || 1;
  return { n: items.length, namesYear: named / n, namesOwnYear: own / n, latestIsYearBefore: before / n, weekdayDate: wd / n };
}

/** TempEval-3 documents as dated texts (dct hidden). */
export function tempEvalDated(docs: TempEvalDoc[]): DatedText[] {
  return docs.map((d) => ({ id: d.doc_id, text: d.text, date: d.dct.slice(0, 10) }));
}

/**
 * A fixed sample of Timeline17 articles: every `step`-th non-trivial article (over 300 characters)
 * of each source folder, in file order, so the sample is the same on every run.
 */
export function timeline17Sample(shared: string, step: number): DatedText[] {
  const root = join(shared, 'data', 'temporal', 'timeline17');
  if (!existsSync(root)) return [];
  const out: DatedText[] = [];
  for (const source of readdirSync(root).sort()) {
    const file = join(root, source, 'articles.jsonl');
    if (!existsSync(file)) continue;
    const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { id: string; pub_date: string; text: string });
    rows.filter((r) => r.text && r.text.length > 300).forEach((r, i) => {
      if (i % step === 0) out.push({ id: r.id, text: r.text, date: r.pub_date });
    });
  }
  return out;
}

/** The quality-gate figures (keys as in bench/floors/timex.json): TempEval-3 dev half (timexes, date inference) and every 8th Timeline17 article (date inference). */
export function gateFigures(shared: string): Record<string, number> {
  const { dev } = splitTempEval(loadTempEval(shared));
  const s = scoreTimexes(dev, (text, dct) => findTimexes(text, { dct }));
  const d = scoreDates(timeline17Sample(shared, 8), (text) => inferPublicationDate(text)?.date ?? null);
  const te = scoreDates(tempEvalDated(dev), (text) => inferPublicationDate(text)?.date ?? null);
  return {
    tempeval3_dev_half_strict_f1: s.strictF1,
    tempeval3_dev_half_relaxed_f1: s.relaxedF1,
    tempeval3_dev_half_value_f1: s.valueF1,
    tempeval3_dev_half_pubdate_year_accuracy: te.yearAccuracy,
    timeline17_every8th_pubdate_coverage: d.coverage,
    timeline17_every8th_pubdate_within31: d.within31,
    timeline17_every8th_pubdate_year_accuracy: d.yearAccuracy,
    timeline17_every8th_pubdate_year_precision: d.yearPrecision,
  };
}

