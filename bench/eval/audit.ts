/**
 * The hand-checked audit: judges every item of a report (`storyline story ID --json`) against gold
 * written by careful reading (bench/audit/<corpus>.json, format in bench/audit/README.md), kind by
 * kind. Each cited sentence is found again in its RAW file by its words and mapped to the gold's
 * anchors; an item the gold says nothing about is "unjudged" (listed, so the gold can grow), and
 * precision is over judged items. Recall is against the items the gold marks as what an editor
 * would list (`key`, `required`).
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Citation, StorylineReport } from '../../src/model/index.js';
import { citesAnchor, fold, locate, visibleText, type Anchor, type FoldedText } from './audit-anchors.js';

type Ids = string[];

/** The gold of one corpus (see bench/audit/README.md). */
export interface AuditGold {
  corpus: string;
  description: string;
  /** Where the raw files are: a folder of ../shared, or of the project. */
  root: { shared?: string; project?: string };
  /** Republished copies → the file they copy (one source, however many copies). */
  copies: Record<string, string>;
  anchors: Record<string, Anchor>;
  facts: { id: string; reason: string; full: Ids; partial?: Ids; key?: boolean }[];
  notSame: { pair: [string, string]; reason: string }[];
  /**
   * `values`, when given: what each side says on the disputed slot (a few words such as a figure or
   * a place name, never a sentence); a report item on the same sentences about another value is
   * then judged apart (two sentences may disagree on one slot and agree on another).
   */
  conflicts: { id: string; reason: string; slot: string; sides: [Ids, Ids]; values?: [string[], string[]]; key?: boolean }[];
  updates: { reason: string; sides: [Ids, Ids]; values?: [string[], string[]] }[];
  notConflicts: { pair: [string, string]; reason: string; values?: [string[], string[]] }[];
  developments: {
    event: string;
    /**
     * `reported`: the month (or day) of the report that says so, when known; `previousDates`: the
     * date a postponement or rescheduling moves the event from.
     */
    steps: { anchors: Ids; statuses: string[]; eventDates: (string | null)[]; reported?: string; previousDates?: (string | null)[]; required: boolean; reason: string }[];
    forbidden: { statuses: string[]; reason: string };
  };
  timeline: { anchor: string; dates: string[]; within?: boolean; key?: boolean; reason: string }[];
  boilerplate: Ids;
  singleSource: { anchor: string; reason: string; key?: boolean }[];
  notSingleSource: { anchor: string; reason: string }[];
}

export const AUDIT_KINDS = ['fact', 'conflict', 'update', 'singleSource', 'development', 'timeline', 'boilerplate'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** One judged (or unjudged) report item: where it points in the raw files, and why it is judged so. */
export interface AuditItem {
  kind: AuditKind;
  verdict: 'right' | 'wrong' | 'unjudged';
  /** Raw places of its citations, `file@start-end`, and the anchors they hit. */
  where: string[];
  reason: string;
}

export interface KindScore {
  right: number;
  wrong: number;
  unjudged: number;
  /** right / (right + wrong); null when nothing was judged. */
  precision: number | null;
  /** Gold items an editor would list, and how many of them the reports got right. */
  recallOf: number;
  found: number;
  recall: number | null;
  /** Which gold items were missed (ids or anchor ids). */
  missed: string[];
}

export interface AuditResult {
  corpus: string;
  reports: number;
  kinds: Record<AuditKind, KindScore>;
  items: AuditItem[];
  /** Every citation of the reports (facts, conflicts, claims, quotes, summary, timeline, developments, headlines). */
  citations: number;
  /** Citations whose sentence was not found in its raw file (a cleaner that rewrites text, or a bug here). */
  unlocated: string[];
}

/** A citation placed in its raw file, with the gold anchors it hits. */
interface Placed {
  file: string;
  range: [number, number] | null;
  anchors: Set<string>;
}

/** Reads the raw files of a corpus on demand, folded for search. */
export class RawFiles {
  private cache = new Map<string, FoldedText | null>();
  constructor(private dir: string) {}
  folded(file: string): FoldedText | null {
    if (!this.cache.has(file)) {
      let raw: string | null = null;
      try {
        raw = readFileSync(join(this.dir, file), 'utf8');
      } catch {
        raw = null;
      }
      this.cache.set(file, raw === null ? null : fold(visibleText(raw, file)));
    }
    return this.cache.get(file)!;
  }
}

/** The raw file a report's article came from: its `file` (or id) without folders. */
function fileOf(report: StorylineReport, articleId: string): string {
  const a = report.articles.find((x) => x.id === articleId);
  return basename(a?.file ?? articleId);
}

const pct = (right: number, total: number): number | null => (total ? right / total : null);

/** Scores reports of one corpus against its gold. */
export function auditReports(gold: AuditGold, reports: StorylineReport[], raw: RawFiles): AuditResult {
  const items: AuditItem[] = [];
  const unlocated: string[] = [];
  const anchorEntries = Object.entries(gold.anchors);
  const boilerplate = new Set(gold.boilerplate);
  const origin = (file: string): string => gold.copies[file] ?? file;

  function place(report: StorylineReport, c: Citation): Placed {
    const file = fileOf(report, c.article);
    const folded = raw.folded(file);
    const range = folded ? locate(folded, c.sentence, c.start) : null;
    if (!range) unlocated.push(`${file}@${c.start}`);
    const anchors = new Set<string>();
    if (range) for (const [id, a] of anchorEntries) if (a.file === file && citesAnchor(range, a)) anchors.add(id);
    return { file, range, anchors };
  }
  const where = (p: Placed): string => `${p.file}@${p.range ? `${p.range[0]}-${p.range[1]}` : '?'}${p.anchors.size ? ` [${[...p.anchors].join(', ')}]` : ''}`;
  const push = (kind: AuditKind, verdict: AuditItem['verdict'], placed: Placed[], reason: string): void => {
    items.push({ kind, verdict, where: placed.map(where), reason });
  };
  // A cited sentence states (about) only what an anchor states: it hits it and is not much longer.
  const statesOnly = (p: Placed, anchor: string): boolean =>
    p.anchors.has(anchor) && p.range !== null && p.range[1] - p.range[0] <= 1.3 * gold.anchors[anchor]!.length + 15;
  const bpHit = (placed: Placed[]): string | null => {
    for (const p of placed) for (const a of p.anchors) if (boilerplate.has(a)) return a;
    return null;
  };
  const pairListed = (list: { pair: [string, string]; reason: string }[], a: Set<string>, b: Set<string>) =>
    list.find(({ pair: [x, y] }) => (a.has(x) && b.has(y)) || (a.has(y) && b.has(x)));
  const sidesMatch = (sides: [Ids, Ids], a: Set<string>, b: Set<string>): boolean => {
    const hit = (s: Ids, set: Set<string>) => s.some((x) => set.has(x));
    return (hit(sides[0], a) && hit(sides[1], b)) || (hit(sides[1], a) && hit(sides[0], b));
  };
  // The report's two values against the gold's words for each side (any order).
  const valuesMatch = (gold: [string[], string[]] | undefined, values: [string, string]): boolean => {
    if (!gold) return true;
    const [x, y] = values.map((v) => fold(v).folded);
    const says = (v: string, words: string[]) => words.some((w) => v.includes(fold(w).folded));
    return (says(x!, gold[0]) && says(y!, gold[1])) || (says(x!, gold[1]) && says(y!, gold[0]));
  };

  // Anchors the gold has judged for each kind (an item citing only these is judged, else unjudged).
  const factJudged = new Set<string>([
    ...gold.facts.flatMap((g) => [...g.full, ...(g.partial ?? [])]),
    ...gold.notSame.flatMap((n) => n.pair),
    ...gold.singleSource.map((s) => s.anchor),
    ...gold.boilerplate,
  ]);
  const conflictJudged = new Set<string>([
    ...gold.conflicts.flatMap((c) => c.sides.flat()),
    ...gold.updates.flatMap((c) => c.sides.flat()),
    ...gold.notConflicts.flatMap((n) => n.pair),
    ...gold.boilerplate,
  ]);
  const corroborated = new Map<string, string>();
  for (const g of gold.facts) {
    if (new Set(g.full.map((a) => origin(gold.anchors[a]!.file))).size < 2) continue;
    for (const a of g.full) corroborated.set(a, g.id);
  }

  const foundFacts = new Set<string>();
  const foundConflicts = new Set<string>();
  const foundSingle = new Set<string>();
  const foundSteps = new Set<number>();
  const foundTimeline = new Set<string>();
  let boilerplateCites = 0;
  let citations = 0;

  for (const report of reports) {
    // Facts.
    for (const fact of report.facts) {
      const placed = fact.citations.map((c) => place(report, c));
      const bp = bpHit(placed);
      if (bp) {
        push('fact', 'wrong', placed, `cites boilerplate (${bp})`);
        continue;
      }
      const origins = new Set(placed.map((p) => origin(p.file)));
      if (origins.size < 2) {
        push('fact', 'wrong', placed, 'one source only (same article or a copy of it) shown as a fact');
        continue;
      }
      let trap: string | null = null;
      for (let i = 0; i < placed.length && !trap; i++) {
        for (let j = i + 1; j < placed.length && !trap; j++) {
          const n = pairListed(gold.notSame, placed[i]!.anchors, placed[j]!.anchors);
          if (n) trap = `pairs sentences that do not state the same thing: ${n.pair.join(' / ')} (${n.reason})`;
        }
      }
      if (trap) {
        push('fact', 'wrong', placed, trap);
        continue;
      }
      const members = (g: AuditGold['facts'][number]) => new Set([...g.full, ...(g.partial ?? [])]);
      const groups = gold.facts.filter((g) => placed.every((p) => [...p.anchors].some((a) => members(g).has(a))));
      if (!groups.length) {
        const allJudged = placed.every((p) => [...p.anchors].some((a) => factJudged.has(a)));
        if (allJudged) push('fact', 'wrong', placed, 'no gold fact holds all its sentences: they state different things');
        else push('fact', 'unjudged', placed, 'a sentence the gold does not list for facts');
        continue;
      }
      // The representative (the text shown) must state only what the group states, not more.
      // The shown text is a cited sentence, or a clause trimmed from one: placed as itself.
      const holder = fact.citations.find((c) => c.sentence === fact.text) ?? fact.citations.find((c) => c.sentence.includes(fact.text));
      const rep = holder ? place(report, { ...holder, sentence: fact.text }) : placed[0]!;
      const good = groups.find((g) => g.full.some((a) => statesOnly(rep, a)));
      if (good) {
        push('fact', 'right', placed, `gold fact ${good.id}`);
        foundFacts.add(good.id);
      } else {
        push('fact', 'wrong', placed, `its text states more than its other sources support (gold fact ${groups.map((g) => g.id).join(' / ')} holds only part of it)`);
      }
    }

    // Conflicts and updates.
    for (const conflict of report.conflicts) {
      const sides = conflict.sides?.length === 2 ? conflict.sides.map((s) => s.citations) : conflict.citations.map((c) => [c]);
      const placedSides = sides.map((cs) => cs.map((c) => place(report, c)));
      const placed = placedSides.flat();
      const [a, b] = placedSides.map((ps) => new Set(ps.flatMap((p) => [...p.anchors])));
      const kind: AuditKind = conflict.kind === 'update' ? 'update' : 'conflict';
      const bp = bpHit(placed);
      if (bp) {
        push(kind, 'wrong', placed, `cites boilerplate (${bp})`);
        continue;
      }
      const realConflict = gold.conflicts.find((c) => sidesMatch(c.sides, a!, b!) && valuesMatch(c.values, conflict.values));
      const realUpdate = gold.updates.find((u) => sidesMatch(u.sides, a!, b!) && valuesMatch(u.values, conflict.values));
      const neither = gold.notConflicts.find((n) => sidesMatch([[n.pair[0]], [n.pair[1]]], a!, b!) && valuesMatch(n.values, conflict.values));
      const judged = [...a!].some((x) => conflictJudged.has(x)) && [...b!].some((x) => conflictJudged.has(x));
      if (kind === 'conflict') {
        if (realConflict) {
          push(kind, 'right', placed, `gold conflict ${realConflict.id}`);
          foundConflicts.add(realConflict.id);
        } else if (realUpdate) push(kind, 'wrong', placed, `an update shown as a contradiction (${realUpdate.reason})`);
        else if (neither) push(kind, 'wrong', placed, `not a conflict: ${neither.reason}`);
        else if (judged) push(kind, 'wrong', placed, 'not a gold conflict');
        else push(kind, 'unjudged', placed, 'sentences the gold does not list for conflicts');
      } else if (realUpdate) push(kind, 'right', placed, `gold update: ${realUpdate.reason}`);
      else if (realConflict) push(kind, 'wrong', placed, `a contradiction shown as an update (${realConflict.id})`);
      else if (neither) push(kind, 'wrong', placed, `not an update: ${neither.reason}`);
      else if (judged) push(kind, 'wrong', placed, 'not a gold update');
      else push(kind, 'unjudged', placed, 'sentences the gold does not list for updates');
    }

    // Single-source claims.
    for (const claim of report.singleSource) {
      const placed = [place(report, claim.citation)];
      const ids = placed[0]!.anchors;
      const bp = bpHit(placed);
      const listed = gold.singleSource.find((s) => ids.has(s.anchor));
      const not = gold.notSingleSource.find((s) => ids.has(s.anchor));
      const corroboratedBy = [...ids].filter((x) => statesOnly(placed[0]!, x)).map((x) => corroborated.get(x)).find(Boolean);
      if (bp) push('singleSource', 'wrong', placed, `cites boilerplate (${bp})`);
      else if (not) push('singleSource', 'wrong', placed, not.reason);
      else if (listed) {
        push('singleSource', 'right', placed, listed.reason);
        foundSingle.add(listed.anchor);
      } else if (corroboratedBy) push('singleSource', 'wrong', placed, `other outlets state it too (gold fact ${corroboratedBy})`);
      else push('singleSource', 'unjudged', placed, 'a sentence the gold does not list as single-source');
    }

    // Developments.
    for (const dev of report.developments ?? []) {
      const placed = dev.citations.map((c) => place(report, c));
      const bp = bpHit(placed);
      const eventDate = dev.eventDate ?? null;
      const verdicts = placed.map((p) => {
        const stepIndex = gold.developments.steps.findIndex((s) => s.anchors.some((x) => p.anchors.has(x)));
        const step = gold.developments.steps[stepIndex];
        if (!step) return null;
        if (!step.statuses.includes(dev.status)) return { ok: false, why: `status ${dev.status}, the text says ${step.statuses.join(' or ')} (${step.reason})` };
        if (!step.eventDates.some((d) => dateFits(eventDate, d))) return { ok: false, why: `event date ${eventDate ?? 'none'}, the text gives ${step.eventDates.map((d) => d ?? 'none').join(' or ')} (${step.reason})` };
        // An undated report is less informative, not false; a wrongly dated one is wrong.
        if (step.reported && dev.date && !dateFits(dev.date, step.reported, true)) return { ok: false, why: `reported ${dev.date}, the report is from ${step.reported} (${step.reason})` };
        const previous = dev.previousDate ?? null;
        if (step.previousDates && !step.previousDates.some((d) => dateFits(previous, d))) return { ok: false, why: `moved from ${previous ?? 'nothing'}, the text moves it from ${step.previousDates.map((d) => d ?? 'nothing').join(' or ')} (${step.reason})` };
        return { ok: true, why: step.reason, stepIndex };
      });
      const wrong = verdicts.find((v) => v && !v.ok);
      const stepAllows = verdicts.some((v) => v?.ok);
      if (bp) push('development', 'wrong', placed, `cites boilerplate (${bp})`);
      else if (wrong) push('development', 'wrong', placed, wrong.why);
      else if (gold.developments.forbidden.statuses.includes(dev.status) && !stepAllows) push('development', 'wrong', placed, `${dev.status}: ${gold.developments.forbidden.reason}`);
      else if (verdicts.some((v) => v?.ok)) {
        push('development', 'right', placed, verdicts.find((v) => v?.ok)!.why);
        for (const v of verdicts) if (v?.ok && v.stepIndex !== undefined) foundSteps.add(v.stepIndex);
      } else push('development', 'unjudged', placed, 'a sentence the gold does not list for developments');
    }

    // Timeline.
    for (const entry of report.timeline ?? []) {
      // A contested entry also cites the other sides of its conflict: judge the date on its own sentences.
      const sideKeys = new Set((entry.contested ?? []).flatMap((s) => s.citations.map((c) => `${c.article}:${c.sentence}`)));
      const own = entry.citations.filter((c) => !sideKeys.has(`${c.article}:${c.sentence}`));
      const placed = (own.length ? own : entry.citations.slice(0, 1)).map((c) => place(report, c));
      const bp = bpHit(placed);
      const verdicts = placed.map((p) => {
        const g = gold.timeline.find((t) => p.anchors.has(t.anchor));
        if (!g) return null;
        const ok = g.dates.some((d) => dateFits(entry.date, d, g.within));
        return { ok, g };
      });
      const wrong = verdicts.find((v) => v && !v.ok);
      if (bp) push('timeline', 'wrong', placed, `cites boilerplate (${bp})`);
      else if (wrong) push('timeline', 'wrong', placed, `dated ${entry.date}; the happening it describes is ${wrong.g.dates.join(' or ')} (${wrong.g.reason})`);
      else if (verdicts.some((v) => v?.ok)) {
        push('timeline', 'right', placed, `dated ${entry.date}`);
        for (const v of verdicts) if (v?.ok) foundTimeline.add(v.g.anchor);
      } else push('timeline', 'unjudged', placed, `dated ${entry.date}; a sentence the gold does not date`);
    }

    // Boilerplate anywhere: every citation of every part of the report (quotes, summary, brief, headlines …).
    const cited = allCitations(report);
    citations += cited.length;
    for (const { where: w, c } of cited) {
      const p = place(report, c);
      const bp = bpHit([p]);
      if (!bp) continue;
      boilerplateCites++;
      push('boilerplate', 'wrong', [p], `boilerplate ${bp} cited in a ${w}`);
    }
  }

  const score = (kind: AuditKind, recallOf: string[], found: Set<string>): KindScore => {
    const mine = items.filter((i) => i.kind === kind);
    const right = mine.filter((i) => i.verdict === 'right').length;
    const wrong = mine.filter((i) => i.verdict === 'wrong').length;
    const missed = recallOf.filter((x) => !found.has(x));
    return { right, wrong, unjudged: mine.length - right - wrong, precision: pct(right, right + wrong), recallOf: recallOf.length, found: recallOf.length - missed.length, recall: pct(recallOf.length - missed.length, recallOf.length), missed };
  };
  const requiredSteps = gold.developments.steps.map((s, i) => (s.required ? String(i) : null)).filter((x): x is string => x !== null);
  const kinds: Record<AuditKind, KindScore> = {
    fact: score('fact', gold.facts.filter((f) => f.key).map((f) => f.id), foundFacts),
    conflict: score('conflict', gold.conflicts.filter((c) => c.key).map((c) => c.id), foundConflicts),
    update: score('update', [], new Set()),
    singleSource: score('singleSource', gold.singleSource.filter((s) => s.key).map((s) => s.anchor), foundSingle),
    development: score('development', requiredSteps, new Set([...foundSteps].map(String))),
    timeline: score('timeline', gold.timeline.filter((t) => t.key).map((t) => t.anchor), foundTimeline),
    boilerplate: score('boilerplate', [], new Set()),
  };
  // Boilerplate has no "right" items: its figure is the count of cited boilerplate sentences.
  kinds.boilerplate.wrong = boilerplateCites;
  kinds.development.missed = kinds.development.missed.map((i) => gold.developments.steps[Number(i)]!.reason);
  return { corpus: gold.corpus, reports: reports.length, kinds, items, citations, unlocated };
}

/**
 * Every citation anywhere in a report, with the top-level part it sits in (`facts`, `quotes`,
 * `summary`, `brief`, …): found by shape, so parts added to the report later are checked too.
 */
export function allCitations(report: StorylineReport): { where: string; c: Citation }[] {
  const out: { where: string; c: Citation }[] = [];
  const seen = new Set<string>();
  const isCitation = (x: Record<string, unknown>): boolean =>
    typeof x.article === 'string' && typeof x.sentence === 'string' && typeof x.start === 'number' && typeof x.end === 'number';
  const walk = (x: unknown, where: string): void => {
    if (Array.isArray(x)) for (const y of x) walk(y, where);
    else if (x && typeof x === 'object') {
      if (isCitation(x as Record<string, unknown>)) {
        const c = x as Citation;
        // A conflict cites its sentences twice (first pair and sides): count each once per part.
        const key = `${where}|${c.article}|${c.start}|${c.end}|${c.caption ?? ''}|${c.title ?? ''}`;
        if (!seen.has(key)) out.push({ where, c });
        seen.add(key);
      }
      else for (const y of Object.values(x)) walk(y, where);
    }
  };
  for (const [key, value] of Object.entries(report)) if (key !== 'articles') walk(value, key);
  return out;
}

/**
 * Whether a report's date agrees with a gold date: the same, or coarser (2024 for 2024-02: true,
 * only less precise), or, when the gold says `within`, any finer date inside it.
 */
export function dateFits(reported: string | null, goldDate: string | null, within = false): boolean {
  if (goldDate === null || reported === null) return reported === goldDate;
  if (reported === goldDate) return true;
  if (goldDate.startsWith(reported) && /^\d{4}(?:-\d{2})?$/u.test(reported)) return true;
  return within && reported.startsWith(goldDate);
}

/** Reads one gold file of bench/audit. */
export function readGold(path: string): AuditGold {
  const gold = JSON.parse(readFileSync(path, 'utf8')) as AuditGold;
  checkGold(gold);
  return gold;
}

/** Every anchor id the gold uses must be defined: a typo would silently leave items unjudged. */
export function checkGold(gold: AuditGold): void {
  const used = [
    ...gold.facts.flatMap((f) => [...f.full, ...(f.partial ?? [])]),
    ...gold.notSame.flatMap((n) => n.pair),
    ...gold.conflicts.flatMap((c) => c.sides.flat()),
    ...gold.updates.flatMap((c) => c.sides.flat()),
    ...gold.notConflicts.flatMap((n) => n.pair),
    ...gold.developments.steps.flatMap((s) => s.anchors),
    ...gold.timeline.map((t) => t.anchor),
    ...gold.boilerplate,
    ...gold.singleSource.map((s) => s.anchor),
    ...gold.notSingleSource.map((s) => s.anchor),
  ];
  const unknown = [...new Set(used.filter((id) => !(id in gold.anchors)))];
  if (unknown.length) throw new Error(`audit gold ${gold.corpus}: unknown anchor ids ${unknown.join(', ')}`);
}
