/**
 * Does one aligned sentence state the same thing as another? Alignment finds sentences about the
 * same topic; support needs more: the key slots must agree (after the slot-agreement checks of
 * de Marneffe et al. 2008 and the same-lemma / same-time / same-place cues of event coreference):
 * a shared predicate, the representative's figures and dates repeated or compatible, the same
 * place, and no negation or denial of what the other states. Pure functions.
 */
import type { Unit } from './align.js';
import { contentStems, fold, stem } from './text.js';

// Auxiliaries and modals after which the next word is a verb (reason: no POS tagger offline;
// "will reopen", "was closed", "has been postponed", "to meet" carry the predicate).
const AUX = new Set(
  'will would shall should can could may might must was were is are be been being has have had did does do wo won'.split(' '),
);
// Words after which "to" introduces a verb ("due to meet", "plans to sign"); elsewhere "to" is a
// preposition ("reopen to traffic").
const TO_VERB = /^(?:due|set|plans?|planned|expected|agreed|wants?|wanted|able|going|likely|ordered|decided|hopes?|hoped|vowed|promised|refused|trying|tried|is|are|was|were|aims?|intends?|seeks?|sought|threatened|voted|began|started|continues?|failed|ready|about)$/u;
// Adverbs that may sit between an auxiliary and its verb ("has already signed", "will not reopen").
const BETWEEN = new Set('not never already also still now then just since finally again further formally officially reportedly been be being'.split(' '));
// Determiners before a participle make it an adjective ("a cracked girder"), not the predicate.
const DETERMINERS = new Set('a an the its their his her our this that these those some any each every'.split(' '));
// Reporting and light verbs say nothing about the happening itself.
const LIGHT = new Set(
  [
    'said', 'say', 'says', 'told', 'tell', 'added', 'add', 'stated', 'state', 'noted', 'note', 'reported', 'report', 'announced', 'announce',
    'claimed', 'claim', 'according', 'confirmed', 'confirm', 'be', 'been', 'being', 'have', 'has', 'had', 'do', 'done', 'get', 'got', 'make', 'made',
    'go', 'went', 'gone', 'take', 'took', 'taken', 'expected', 'expect', 'seen', 'see', 'based', 'used', 'use', 'called', 'call', 'need', 'want',
  ].map((w) => w),
);
// Irregular past forms that are predicates on their own ("met", "struck", "won").
const IRREGULAR_PAST = new Set(
  'met held won lost fell rose struck left ran came began gave found brought sought fled led paid sold bought caught shot hit saw knew grew drove broke stole shut cut put set sent spent built kept'.split(' '),
);

/**
 * Predicate stems of a sentence (`mainOnly`: of its main clause only): verbs after auxiliaries/modals, past forms in -ed not used as
 * adjectives, and common irregular past forms; reporting and light verbs left out.
 * @example predicateStems('The bridge will reopen on June 16, the city said.') → ['reopen']
 */
export function predicateStems(text: string, mainOnly = false): string[] {
  const raw = [...text.matchAll(/[\p{L}][\p{L}'’-]*/gu)].map((m) => m[0]);
  const words = raw.map((w) => fold(w).replace(/['’]s$/u, ''));
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // A capitalised word inside the sentence is a name, not a verb ("was to Beijing to meet").
    if (i > 0 && /^\p{Lu}/u.test(raw[i]!)) continue;
    // The main clause ends at the first subordinator once it has a predicate.
    if (mainOnly && out.size && SUBORDINATORS.has(w)) break;
    if (LIGHT.has(w) || AUX.has(w) || BETWEEN.has(w) || w.length < 3) continue;
    let prev = i - 1;
    while (prev >= 0 && BETWEEN.has(words[prev]!) && !AUX.has(words[prev]!)) prev--;
    const afterAux =
      prev >= 0 &&
      !/^(?:the|a|an)$/u.test(w) &&
      (AUX.has(words[prev]!) || (words[prev] === 'to' && prev > 0 && TO_VERB.test(words[prev - 1]!)));
    const past = (/[^e]ed$/u.test(w) || /ied$/u.test(w)) && w.length > 4 && !(i > 0 && DETERMINERS.has(words[i - 1]!));
    const irregular = IRREGULAR_PAST.has(w) && !(i > 0 && DETERMINERS.has(words[i - 1]!));
    if (afterAux || past || irregular) out.add(stem(w));
  }
  return [...out];
}

// Words that open a subordinate clause ("closed after inspectors found a crack").
const SUBORDINATORS = new Set('after before when because while since as until where which who whom whose although though if once'.split(' '));

// Negation words (reason: "will not reopen" does not support "will reopen").
const NEGATION = /\b(?:not|never|no longer|n['’]t|neither|nor|denied|denies|ruled out)\b/giu;

// Future and planned wording: the statement reports an intention, not a happening.
const PROSPECTIVE = /\b(?:will|would|shall|plans? to|planning to|planned to|expected to|due to|set to|is to|are to|going to|scheduled to|poised to|intends? to|aims? to)\b/iu;

/** `true` when the sentence (outside quotations) states a plan or expectation rather than a happening. */
export function prospective(text: string): boolean {
  return PROSPECTIVE.test(text.replace(/["“][^"”]*["”]/gu, ' '));
}

/** A figure the sentence denies ("12 percent, not the 15 percent claimed") is not its claim. */
export function deniedAt(text: string, start: number): boolean {
  return /\b(?:not|rather than|instead of)\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}]+\s+)?$/iu.test(text.slice(Math.max(0, start - 24), start));
}

/** `true` when the sentence negates its statement (negations that only deny a figure do not count). */
export function negated(text: string): boolean {
  for (const m of text.matchAll(NEGATION)) {
    // "not the 15 percent": a denied figure, handled by the number check.
    if (/^\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}]+\s+)?\d/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 24))) continue;
    // Negations inside a quotation are the speaker's wording, not the report's.
    const before = text.slice(0, m.index);
    if (((before.match(/["“”]/gu) ?? []).length % 2) === 1) continue;
    return true;
  }
  return false;
}

// Plans reported this many days apart are different plans unless a date or place ties them (chosen
// on the demo corpus: a summit announced three weeks ahead).
const PLAN_HORIZON_DAYS = 60;

function sharedPlace(a: Unit, b: Unit): boolean {
  return a.names.some((n) => b.names.some((m) => m.key === n.key && (n.place || m.place)));
}

function sameValue(x: number, y: number): boolean {
  return Math.abs(x - y) <= 0.01 * Math.max(Math.abs(x), Math.abs(y));
}

/** The per-unit features `disagreement` reads; computed once per unit by `createSupports`. */
export interface UnitFeatures {
  predicates: string[];
  stems: Set<string>;
  negated: boolean;
  prospective: boolean;
  /** Stems of the words written in lower case (not names or demonyms): what the event is. */
  common: Set<string>;
}

/** Computes a unit's features. */
export function unitFeatures(u: Unit): UnitFeatures {
  // Capitalised words after the first are names or demonyms ("Chinese"), not what happened.
  const lower = u.sentence.text.replace(/(?<=[\p{L}\p{N},;:'"’”)]\s+)\p{Lu}[\p{L}'’-]*/gu, ' ');
  const names = new Set(u.names.flatMap((n) => n.key.split('_')));
  const common = new Set(contentStems(lower).filter((w) => !names.has(w)));
  return { predicates: predicateStems(u.text, true), stems: new Set(contentStems(u.sentence.text)), negated: negated(u.text), prospective: prospective(u.text), common };
}

/**
 * A `supports` with a per-instance feature cache (reason: verification and the summary ask about
 * the same units many times; 1,000-article storylines). Make one per storyline.
 */
export function createSupports(publishedOf?: (article: string) => string | null): { supports: (rep: Unit, other: Unit) => boolean; disagreement: (rep: Unit, other: Unit) => string | null } {
  const cache = new WeakMap<Unit, UnitFeatures>();
  const features = (u: Unit): UnitFeatures => {
    let f = cache.get(u);
    if (!f) cache.set(u, (f = unitFeatures(u)));
    return f;
  };
  const why = (rep: Unit, other: Unit): string | null => disagreement(rep, other, features, publishedOf);
  return { supports: (rep, other) => why(rep, other) === null, disagreement: why };
}

/** Why `other` does not support `rep`, or null when it states the same thing. */
export function disagreement(rep: Unit, other: Unit, features: (u: Unit) => UnitFeatures = unitFeatures, publishedOf?: (article: string) => string | null): string | null {
  // Figures: a figure `other` denies, or the same measured thing with another value.
  for (const y of other.numbers) if (deniedAt(other.sentence.text, y.start + (other.start - other.sentence.start)) && rep.numbers.some((x) => sameValue(x.value, y.value))) return 'denied figure';
  for (const x of rep.numbers) if (deniedAt(rep.sentence.text, x.start + (rep.start - rep.sentence.start)) && other.numbers.some((y) => sameValue(x.value, y.value))) return 'denied figure';
  const asserted = (u: Unit): typeof u.numbers => u.numbers.filter((n) => !deniedAt(u.sentence.text, n.start + (u.start - u.sentence.start)));
  const ra = asserted(rep);
  const oa = asserted(other);
  for (const x of ra) {
    if (!x.unit) continue;
    const same = oa.filter((y) => y.unit === x.unit);
    if (same.length && !same.some((y) => sameValue(x.value, y.value))) return 'different figure';
  }
  // The representative's figures in digits must be repeated (reason: a sentence without "60,000"
  // does not confirm "carries 60,000 vehicles a day").
  for (const x of ra) {
    if (!/\d/u.test(x.text) || !x.unit) continue;
    if (!oa.some((y) => sameValue(x.value, y.value))) return 'figure not repeated';
  }
  // Dates: specific dates on both sides must be compatible. A month without a year is read in the
  // article's own year (reason: "in October" in a January 2024 report is October 2023, not any October).
  const fr = features(rep);
  const fo = features(other);
  const specific = (u: Unit, f: UnitFeatures): typeof u.dates => anchorDates(u.dates.filter((d) => d.year !== null || d.month !== null), publishedOf?.(u.article) ?? null, f.prospective);
  const rd = specific(rep, fr);
  const od = specific(other, fo);
  if (rd.length && od.length) {
    const ok = rd.some((a) => od.some((b) => (a.year === null || b.year === null || a.year === b.year) && (a.month === null || b.month === null || a.month === b.month) && (a.day === null || b.day === null || a.day === b.day)));
    if (!ok) return 'different date';
  }
  // Places: one named place each, not the same and not mentioned by the other.
  const rp = rep.names.filter((n) => n.place && n.start >= 0);
  const op = other.names.filter((n) => n.place && n.start >= 0);
  if (rp.length === 1 && op.length === 1) {
    const rk = new Set(rep.names.map((n) => n.key));
    const ok = new Set(other.names.map((n) => n.key));
    if (!rk.has(op[0]!.key) && !ok.has(rp[0]!.key) && !rep.sentence.text.includes(op[0]!.text) && !other.sentence.text.includes(rp[0]!.text)) return 'different place';
  }
  // Polarity, and plan against happening ("will meet … to sign" is not "signed").
  if (fr.negated !== fo.negated) return 'negation';
  if (fr.prospective !== fo.prospective) return 'plan vs happening';
  // Two plans with neither a shared date nor a shared place are one plan only when reported close
  // in time (reason: "Putin will meet Erdogan" in 2023 and in 2024 are two different plans).
  if (fr.prospective && fo.prospective && !(rd.length && od.length) && !sharedPlace(rep, other)) {
    const pa = publishedOf?.(rep.article);
    const pb = publishedOf?.(other.article);
    if (!pa || !pb || Math.abs(Date.parse(pa.slice(0, 10)) - Date.parse(pb.slice(0, 10))) > PLAN_HORIZON_DAYS * 86_400_000) return 'undated plan';
  }
  // Predicate: the two must share an event word (reason: "will reopen" vs "was closed" share the
  // bridge and the girder, not the happening).
  const pr = fr.predicates;
  const po = fo.predicates;
  // Same time and same place is strong evidence of one happening whatever the wording ("met in
  // Sochi last September" / "Erdogan's visit to Sochi in September 2023").
  // Same time means a year or month both sides state, not one compatible only through what one leaves out
  // (reason: "in October" and "in 2022" are not one time).
  const sameTime = rd.some((a) => od.some((b) => (a.year !== null && a.year === b.year && (a.month === null || b.month === null || a.month === b.month)) || (a.year === null && b.year === null && a.month !== null && a.month === b.month)));
  const sameName = rep.names.some((n) => other.names.some((m) => m.key === n.key && (n.place || m.place)));
  if ((pr.length || po.length) && !(sameTime && sameName) && !pr.some((p) => fo.stems.has(p)) && !po.some((p) => fr.stems.has(p))) {
    if (pr.length && po.length) return 'different predicate';
    // Only one side has a recognised verb and the other does not repeat it: one happening only if
    // they share a common (lower-case) content word — the event noun ("the visit", "a visit").
    // Reason: "Xi … inviting Putin to a summit in Beijing" and "Putin … to Beijing to meet Xi" share only names.
    if (![...fr.common].some((w) => fo.common.has(w))) return 'different predicate';
  }
  // Arguments: besides the predicate, the two must share who/what, a figure, a date or a place
  // (reason: "the Turkish president supports Ukraine" and "Putin supports the army in Ukraine"
  // share a verb and a country, not a statement).
  if (sharedArguments(rep, other, fr, fo, sameTime) < MIN_SHARED_ARGUMENTS) return 'different arguments';
  return null;
}

// Shared arguments two statements need besides their predicate (tuned on the ECB+ dev topics and
// the seeds: one shared word let "supports Ukraine" pair with "supports the army in Ukraine").
const MIN_SHARED_ARGUMENTS = 2;

/** Distinct arguments both statements give: names (by last word), figures, a shared time, and content words other than their predicates. */
export function sharedArguments(rep: Unit, other: Unit, fr: UnitFeatures = unitFeatures(rep), fo: UnitFeatures = unitFeatures(other), sameTime = false): number {
  const shared = new Set<string>();
  const last = (k: string): string => k.slice(k.lastIndexOf('_') + 1);
  const nameWords = new Set<string>();
  const otherNames = new Set(other.names.map((n) => last(n.key)));
  for (const n of [...rep.names, ...other.names]) for (const w of n.key.split('_')) nameWords.add(stem(w));
  for (const n of rep.names) if (otherNames.has(last(n.key))) shared.add(`n:${last(n.key)}`);
  for (const x of rep.numbers) if (other.numbers.some((y) => sameValue(x.value, y.value))) shared.add(`#:${x.value}`);
  if (sameTime) shared.add('d:');
  const predicates = new Set([...fr.predicates, ...fo.predicates]);
  for (const w of fr.stems) if (fo.stems.has(w) && !predicates.has(w) && !nameWords.has(w)) shared.add(`w:${w}`);
  return shared.size;
}

/**
 * Dates with a month but no year get the year that the article's date implies: the latest such
 * month up to publication, or the next one for a plan. Without a publication date they stay as they are.
 */
export function anchorDates<T extends { year: number | null; month: number | null }>(dates: T[], published: string | null, plan: boolean): T[] {
  const m = published ? /^(\d{4})(?:-(\d{2}))?/u.exec(published) : null;
  if (!m || !m[2]) return dates;
  const py = Number(m[1]);
  const pm = Number(m[2]);
  return dates.map((d) => (d.year === null && d.month !== null ? { ...d, year: plan ? (d.month >= pm ? py : py + 1) : d.month <= pm ? py : py - 1 } : d));
}

/** `true` when `other` states what `rep` states (see `disagreement`). */
export function supports(rep: Unit, other: Unit): boolean {
  return disagreement(rep, other) === null;
}
