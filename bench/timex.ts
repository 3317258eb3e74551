/**
 * `npm run bench -- timex`: time expressions on TempEval-3 (Task A metric, per subset and per
 * half), publication-date inference with the date hidden (TempEval-3 dct, Timeline17 pub_date),
 * and speed; chrono-node side by side as the parser a TypeScript user would pick.
 */
import * as chrono from 'chrono-node';
import { findTimexes, inferPublicationDate } from '../src/analyze/time/index.js';
import type { BenchContext, BenchSection } from './types.js';
import {
  loadTempEval,
  scoreDates,
  scoreTimexes,
  splitTempEval,
  tempEvalDated,
  timeline17Sample,
  yearCensus,
  type DateScores,
  type SystemTimex,
  type TempEvalDoc,
  type TimexScores,
  type TimexSystem,
} from './eval/timex.js';

const ours: TimexSystem = (text, dct) => findTimexes(text, { dct });

const pad = (n: number) => String(n).padStart(2, '0');

/** chrono-node's results as TIMEX3 DATE values at the precision it is certain of. */
const chronoSystem: TimexSystem = (text, dct) => {
  const ref = dct ? new Date(`${dct.slice(0, 10)}T12:00:00Z`) : new Date();
  const out: SystemTimex[] = [];
  for (const r of chrono.parse(text, ref)) {
    const c = r.start;
    const y = c.get('year')!, m = c.get('month')!, d = c.get('day')!;
    let value = `${y}`;
    if (c.isCertain('day') || c.isCertain('weekday') || !c.isCertain('month')) value = `${y}-${pad(m)}-${pad(d)}`;
    else value = `${y}-${pad(m)}`;
    if (c.isCertain('year') && !c.isCertain('month')) value = `${y}`;
    out.push({ start: r.index, end: r.index + r.text.length, value });
  }
  return out;
};

/** chrono-node as a date inferrer: the latest date it finds that names its year ("June 3, 2009"). */
const chronoInfer = (text: string): string | null => {
  let best: Date | null = null;
  for (const r of chrono.parse(text)) {
    if (!r.start.isCertain('year') || !/\d{4}/.test(r.text)) continue;
    const d = r.start.date();
    if (!best || d > best) best = d;
  }
  return best ? best.toISOString().slice(0, 10) : null;
};

const pct = (x: number) => (100 * x).toFixed(1);

function timexRow(name: string, s: TimexScores, docsPerSecond?: number): string {
  return `| ${name} | ${s.docs} | ${s.gold} | ${pct(s.strictP)} / ${pct(s.strictR)} / **${pct(s.strictF1)}** | ${pct(s.relaxedP)} / ${pct(s.relaxedR)} / **${pct(s.relaxedF1)}** | ${pct(s.valueAccuracy)} | **${pct(s.valueF1)}** |${docsPerSecond === undefined ? '' : ` ${docsPerSecond.toFixed(0)} |`}`;
}

function dateRow(name: string, s: DateScores): string {
  return `| ${name} | ${s.n} | ${pct(s.coverage)} | ${pct(s.within0)} | ${pct(s.within7)} | ${pct(s.within31)} | ${pct(s.yearAccuracy)} | ${pct(s.yearPrecision)} |`;
}

function speed(docs: TempEvalDoc[], system: TimexSystem): number {
  const started = performance.now();
  for (const d of docs) system(d.text, d.dct);
  return docs.length / ((performance.now() - started) / 1000);
}

/** Every figure of the timex section (also used by the quality gate on the dev half). */
export async function run(ctx: BenchContext): Promise<BenchSection> {
  const docs = loadTempEval(ctx.shared);
  const { dev, heldOut } = splitTempEval(docs);
  const timeBank = docs.filter((d) => d.subset === 'TimeBank');
  const aquaint = docs.filter((d) => d.subset === 'AQUAINT');
  const lines: string[] = [];
  lines.push('### Time expressions: TempEval-3 training data (TBAQ-cleaned), Task A metric', '');
  lines.push('Strict / relaxed = P / R / F1 of extents (same extent / any shared token); value acc. = share of relaxed matches with the exact gold value; value F1 = value acc. × relaxed F1. "Dev half" = even positions in doc_id order (rules were developed on it), "other half" = odd positions.', '');
  lines.push('| system · documents | docs | gold | strict P / R / F1 | relaxed P / R / F1 | value acc. | value F1 | docs/s |', '|---|---|---|---|---|---|---|---|');
  const ourSpeed = speed(docs, ours);
  const chronoSpeed = speed(docs, chronoSystem);
  lines.push(timexRow('Storyline · all', scoreTimexes(docs, ours), ourSpeed));
  lines.push(timexRow('Storyline · TimeBank', scoreTimexes(timeBank, ours), ourSpeed));
  lines.push(timexRow('Storyline · AQUAINT', scoreTimexes(aquaint, ours), ourSpeed));
  lines.push(timexRow('Storyline · dev half', scoreTimexes(dev, ours), ourSpeed));
  lines.push(timexRow('Storyline · other half', scoreTimexes(heldOut, ours), ourSpeed));
  // Corpus × half: the held-out TimeBank figure is the one to compare with HeidelTime's 79.2.
  for (const [corpus, name] of [['TimeBank', 'TimeBank'], ['AQUAINT', 'AQUAINT']] as const) {
    lines.push(timexRow(`Storyline · ${name} dev half`, scoreTimexes(dev.filter((d) => d.subset === corpus), ours), ourSpeed));
    lines.push(timexRow(`Storyline · ${name} other half (held out)`, scoreTimexes(heldOut.filter((d) => d.subset === corpus), ours), ourSpeed));
  }
  lines.push(timexRow('chrono-node 2 · all', scoreTimexes(docs, chronoSystem), chronoSpeed));
  lines.push(timexRow('chrono-node 2 · TimeBank', scoreTimexes(timeBank, chronoSystem), chronoSpeed));
  lines.push(timexRow('chrono-node 2 · AQUAINT', scoreTimexes(aquaint, chronoSystem), chronoSpeed));
  lines.push('', 'Published reference (HeidelTime, not run here): value F1 79.2 TimeBank / 73.0 AQUAINT on these files, 77.6 on the TE3 test set (strict F1 81.3, relaxed 90.3). The "(held out)" rows are the fair comparison: no rule was fitted on their errors. chrono-node finds dates and times only (no durations, sets or PAST_REF), which caps its recall.', '');

  const step = ctx.quick ? 8 : 2;
  const tl = timeline17Sample(ctx.shared, step);
  const ourInfer = (t: string) => inferPublicationDate(t)?.date ?? null;
  lines.push('### Publication-date inference, date hidden', '');
  lines.push(`Within N days and year accuracy are shares of all documents (no answer counts as wrong); year prec. = right year among answered. A month answer counts as its 15th, a year answer as 1 July (the answer when the text only says "published after" a month: its field "after" holds that month). The inference constants were tuned on the TempEval-3 dev half and this Timeline17 sample, so the TempEval-3 other half is the cleaner check. Timeline17 sample: every ${step === 2 ? 'second' : `${step}th`} article over 300 characters per source folder (${tl.length} articles).`, '');
  lines.push('| system · data | docs | coverage | exact day | ≤ 7 days | ≤ 31 days | year acc. | year prec. |', '|---|---|---|---|---|---|---|---|');
  const started = performance.now();
  lines.push(dateRow('Storyline · TempEval-3 dev half', scoreDates(tempEvalDated(dev), ourInfer)));
  lines.push(dateRow('Storyline · TempEval-3 other half', scoreDates(tempEvalDated(heldOut), ourInfer)));
  lines.push(dateRow('Storyline · Timeline17 sample', scoreDates(tl, ourInfer)));
  const inferRate = (docs.length + tl.length) / ((performance.now() - started) / 1000);
  lines.push(dateRow('chrono-node latest dated year · TempEval-3 all', scoreDates(tempEvalDated(docs), chronoInfer)));
  lines.push(dateRow('chrono-node latest dated year · Timeline17 sample', scoreDates(tl, chronoInfer)));
  lines.push('', `Inference speed: ${inferRate.toFixed(0)} documents/s.`, '');
  // Why TempEval-3 is hard: what its texts hold (a census, not a score).
  lines.push('What the texts hold (shares of documents): the year can only be read where the text gives it away.', '');
  lines.push('| data | docs | names any year | names its own year | latest named year = year before | weekday with a year-less day |', '|---|---|---|---|---|---|');
  for (const [name, items] of [['TempEval-3 dev half', tempEvalDated(dev)], ['TempEval-3 other half', tempEvalDated(heldOut)], ['Timeline17 sample', tl]] as const) {
    const c = yearCensus(items);
    lines.push(`| ${name} | ${c.n} | ${pct(c.namesYear)} | ${pct(c.namesOwnYear)} | ${pct(c.latestIsYearBefore)} | ${pct(c.weekdayDate)} |`);
  }
  lines.push('', 'Most TempEval-3 articles (AP, NYT, WSJ 1989–2000) name no year at all: AP style drops the year of dates in the current year, so a named year is mostly background ("since 1972", "the 1990 invasion"). The inference answers a bare year only when something pins it: a plan above a dated happening ("expects … in 1990" after "in 1988"), "last year" / "next year" / "N years ago" in the same sentence as a named year, or a weekday given with a year-less day; such answers carry `after` (a lower bound), so extraction does not take them for a publication date. Supervised document dating (Chambers 2012: 0.59–0.64 year accuracy) learns word–year associations from years of one paper\'s archive, which a rule set without training data cannot do.');
  return { title: 'Time expressions and publication-date inference', markdown: lines.join('\n') };
}
