/**
 * Does one aligned sentence state the same thing as another? Alignment finds sentences about the
 * same topic; support needs more: the key slots must agree (after the slot-agreement checks of
 * de Marneffe et al. 2008 and the same-lemma / same-time / same-place cues of event coreference):
 * a shared predicate, the representative's figures and dates repeated or compatible, the same
 * place, and no negation or denial of what the other states. Pure functions.
 */
import type { Unit } from './align.js';
import { contentStems, fold, stem, valueSlack } from './text.js';

// Auxiliaries and modals after which the next word is a verb (reason: no POS tagger offline;
// "will reopen", "was closed", "has been postponed", "to meet" carry the predicate).
const AUX = new Set(
  'will would shall should can could may might must was were is are be been being has have had did does do wo won'.split(' '),
);
// Words after which "to" introduces a verb ("due to meet", "plans to sign"); elsewhere "to" is a
// preposition ("reopen to traffic").
const TO_VERB = /^(?:due|set|poised|plans?|planned|expected|agreed|wants?|wanted|able|going|likely|ordered|decided|hopes?|hoped|vowed|promised|refused|trying|tried|is|are|was|were|aims?|intends?|seeks?|sought|threatened|voted|began|started|continues?|failed|ready|about)$/u;
// Adverbs that may sit between an auxiliary and its verb ("has already signed", "will not reopen").
const BETWEEN = new Set('not never already also still now then just since finally again further formally officially reportedly soon been be being'.split(' '));
// Determiners before a participle make it an adjective ("a cracked girder"), not the predicate.
const DETERMINERS = new Set('a an the its their his her our this that these those some any each every'.split(' '));
// Reporting and light verbs say nothing about the happening itself.
const LIGHT = new Set(
  [
    'said', 'say', 'says', 'told', 'tell', 'added', 'add', 'stated', 'state', 'noted', 'note', 'reported', 'report', 'announced', 'announce',
    'claimed', 'claim', 'according', 'confirmed', 'confirm', 'be', 'been', 'being', 'have', 'has', 'had', 'do', 'done', 'get', 'got', 'make', 'made',
    'go', 'went', 'gone', 'take', 'took', 'taken', 'expected', 'expect', 'seen', 'see', 'based', 'used', 'use', 'called', 'call', 'need', 'want',
    // "played a role in X" / "plays the role of Y": the happening is X or Y, not the playing.
    'play', 'plays', 'played', 'playing', 'poised',
  ].map((w) => w),
);
// Irregular past forms that are predicates on their own ("met", "struck", "won").
const IRREGULAR_PAST = new Set(
  (
    'met held won lost fell rose struck left ran came began gave found brought sought fled led paid sold bought caught shot hit saw knew grew drove broke stole shut cut put set sent spent built kept ' +
    // More of the common ones (reason: "spoke out about the move" has a predicate of its own, not "re-hired").
    'spoke swore threw drew flew chose froze rode woke beat hid shook stood sank sang rang swam fought taught dealt lent hung stuck dug spun swung sprang fed bled sped quit burst withdrew undertook forgave arose'
  ).split(' '),
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
// Hedged wording: the statement reports a possibility ("may meet", "will probably meet"), not a plan.
// Case-sensitive: "May 4" is a date, not a hedge.
const POSSIBLE = /\b(?:may|might|could|probably|possibly|perhaps|likely|possible|possibility|potential|potentially|considering|mulling)\b|\b(?:Might|Could|Probably|Possibly|Perhaps)\b/u;
// Verbs of abstaining read as negation ("refrained from endorsing" = "did not endorse").
const ABSTAINING = /\b(?:refrain(?:s|ed|ing)? from|declin(?:e|es|ed|ing) to|refus(?:e|es|ed|ing) to|fail(?:s|ed)? to)\b/iu;

const outsideQuotes = (text: string): string => text.replace(/["“][^"”]*["”]/gu, ' ');

/** `true` when the sentence (outside quotations) states a plan or expectation rather than a happening. */
export function prospective(text: string): boolean {
  return PROSPECTIVE.test(outsideQuotes(text));
}

/** What a statement says of its happening: it happened, is planned, is only possible, or is denied. */
export type Modality = 'happened' | 'planned' | 'possible' | 'denied';

/**
 * The modality of a statement (outside quotations). Reason: "they met", "they will meet", "they may
 * meet" and "they did not meet" are four different claims; none corroborates another.
 * @example modalityOf('Erdogan may meet Putin in Astana.') → 'possible'
 */
export function modalityOf(text: string): Modality {
  if (negated(text) || ABSTAINING.test(outsideQuotes(text))) return 'denied';
  const own = outsideQuotes(text);
  if (POSSIBLE.test(own)) return 'possible';
  return PROSPECTIVE.test(own) ? 'planned' : 'happened';
}

// Reporting frames: "X told Y that …", "…, X said.", "according to X". Who says so is the
// attribution, not the happening (reason: two sentences attributed to one spokesman about two
// different statements share the spokesman and the agency, not a claim).
const REPORTING_VERB = '(?:told|tells|said|says|added|announced|stated|reported|confirmed|noted|indicated|explained|insisted|claimed|wrote)';
const LEADING_FRAME = new RegExp(`^[^"“”]{0,120}?\\b${REPORTING_VERB}\\b[^"“”.;]{0,60}?\\bthat\\b`, 'u');
const TRAILING_FRAME = new RegExp(`(?:[,"”]|^)\\s*[^,"“”]{0,80}?\\b${REPORTING_VERB}\\b[^,"“”]{0,60}$`, 'u');
const ACCORDING_TO = /,?\s*according to [^,.;]+/giu;

/** `[start, end)` spans of a sentence that only say who reports it. */
export function attributionSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const lead = LEADING_FRAME.exec(text);
  if (lead) out.push([0, lead[0].length]);
  const trimmed = text.replace(/[\s.!?]+$/u, '');
  const trail = TRAILING_FRAME.exec(trimmed);
  // A trailing frame only after some content (reason: "Police said the bridge …" opens the claim).
  if (trail && trail.index > 0 && (!lead || trail.index >= lead[0].length)) out.push([trail.index, text.length]);
  for (const m of text.matchAll(ACCORDING_TO)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** A figure the sentence denies ("12 percent, not the 15 percent claimed") is not its claim. */
export function deniedAt(text: string, start: number): boolean {
  return /\b(?:not|rather than|instead of)\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}]+\s+)?$/iu.test(text.slice(Math.max(0, start - 24), start));
}

// Which of a unit's figures its sentence denies, by index in `numbers`. Reason: the pair checks ask
// this of the same unit once per pair (hundreds of times in a 1,000-article storyline); units are
// never changed once aligned.
const DENIED_FIGURES = new WeakMap<Unit, boolean[]>();

function deniedFigures(u: Unit): boolean[] {
  let flags = DENIED_FIGURES.get(u);
  if (!flags) DENIED_FIGURES.set(u, (flags = u.numbers.map((n) => deniedAt(u.sentence.text, n.start + (u.start - u.sentence.start)))));
  return flags;
}

/** `true` when `a` denies a figure that `b` asserts ("12 percent, not the 15 percent claimed" / "15 percent"). */
export function deniesFigureOf(a: Unit, b: Unit): boolean {
  const da = deniedFigures(a);
  const db = deniedFigures(b);
  return a.numbers.some((x, i) => da[i] && b.numbers.some((y, j) => y.unit === x.unit && sameValue(x, y) && !db[j]));
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

/** `true` when two figures can be one: the same value up to rounding, and no two different measures ("200 ft" is not "200 m"). */
function sameValue(x: Unit['numbers'][number], y: Unit['numbers'][number]): boolean {
  const measured = (unit: string): boolean => unit === 'metr' || unit === 'gram';
  if (x.unit && y.unit && x.unit !== y.unit && (measured(x.unit) || measured(y.unit))) return false;
  return Math.abs(x.value - y.value) <= valueSlack(x.unit || y.unit) * Math.max(Math.abs(x.value), Math.abs(y.value));
}

/** The per-unit features `disagreement` reads; computed once per unit by `createSupports`. */
export interface UnitFeatures {
  predicates: string[];
  stems: Set<string>;
  prospective: boolean;
  modality: Modality;
  /** Stems of the words written in lower case (not names or demonyms): what the event is. */
  common: Set<string>;
  /** What the clause states, attribution left out: its content stems and names (by last word). */
  content: Set<string>;
  /** The lower-case content stems among them. */
  words: Set<string>;
  /** People the content names (full, titled or resolved names, `n:` + stemmed last word). */
  participants: Set<string>;
  /** People the whole sentence names (as `participants`), attribution left out: what its citation shows. */
  people: Set<string>;
  /** Every word of every name of the sentence (`n:` + stem): a participant the other side names in passing counts as named. */
  allNames: Set<string>;
  /** Quoted fragments of the sentence (three words or more), folded. */
  quoted: string[];
  /** The sentence's folded words, space-padded (what `quoted` fragments of the other side are looked up in). */
  folded: string;
}

/** Folded words of a text joined by single spaces. */
function foldedWords(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Quoted fragments of three words or more, folded. */
function quotedFragments(text: string): string[] {
  return [...text.matchAll(/["“]([^"”]+)["”]/gu)].map((m) => foldedWords(m[1]!)).filter((q) => q.split(' ').length >= 3);
}

/** `true` when one sentence repeats a quotation of the other word for word (one statement, however framed). */
function sharesQuotation(fa: UnitFeatures, fb: UnitFeatures): boolean {
  if (!fa.quoted.length && !fb.quoted.length) return false;
  return fa.quoted.some((q) => fb.folded.includes(` ${q} `)) || fb.quoted.some((q) => fa.folded.includes(` ${q} `));
}

/** Computes a unit's features. */
export function unitFeatures(u: Unit): UnitFeatures {
  // Capitalised words after the first are names or demonyms ("Chinese"), not what happened.
  const lower = u.sentence.text.replace(/(?<=[\p{L}\p{N},;:'"’”)]\s+)\p{Lu}[\p{L}'’-]*/gu, ' ');
  const names = new Set(u.names.flatMap((n) => n.key.split('_')));
  const common = new Set(contentStems(lower).filter((w) => !names.has(w)));
  const { all: content, words } = contentKeys(u);
  return {
    predicates: predicateStems(u.text, true),
    stems: new Set(contentStems(u.sentence.text)),
    prospective: prospective(u.text),
    modality: modalityOf(u.text),
    common,
    content,
    words,
    // People only: full names, titled or resolved ones (reason: "Black Sea" or "NATO" in a side
    // remark is not who the happening is about).
    participants: new Set(u.names.filter((n) => !n.place && n.start >= 0 && (n.person || n.resolved || n.key.includes('_'))).map((n) => `n:${stem(n.key.slice(n.key.lastIndexOf('_') + 1))}`).filter((k) => content.has(k))),
    people: sentencePeople(u),
    quoted: quotedFragments(u.sentence.text),
    folded: ` ${foldedWords(u.sentence.text)} `,
    allNames: new Set(u.names.flatMap((n) => n.key.split('_').map((w) => `n:${stem(w)}`))),
  };
}

/** `n:` keys of the people a unit's whole sentence names outside its attribution frames (see `participants`). */
function sentencePeople(u: Unit): Set<string> {
  const frames = attributionSpans(u.sentence.text);
  const offset = u.start - u.sentence.start;
  const out = new Set<string>();
  for (const n of u.names) {
    if (n.place || !(n.person || n.resolved || n.surnamed)) continue;
    const at = n.start >= 0 ? n.start + offset : u.sentence.text.indexOf(n.text);
    if (at < 0 || frames.some(([a, b]) => at >= a && at < b)) continue;
    out.add(`n:${stem(n.key.slice(n.key.lastIndexOf('_') + 1))}`);
  }
  return out;
}

/**
 * What a unit states, attribution left out: the names of its sentence (by last word, `n:` keys)
 * and the lower-case content stems of its clause, outside "X told Y that" / "…, X said" frames.
 */
function contentKeys(u: Unit): { all: Set<string>; words: Set<string> } {
  let text = u.sentence.text;
  for (const [a, b] of attributionSpans(text)) text = text.slice(0, a) + ' '.repeat(b - a) + text.slice(b);
  const all = new Set<string>();
  const offset = u.start - u.sentence.start;
  for (const n of u.names) {
    // Offsets of names outside the clause are lost (-1): look them up by text in the sentence.
    const at = n.start >= 0 ? n.start + offset : u.sentence.text.indexOf(n.text);
    if (at >= 0 && !text.slice(at, at + n.text.length).trim()) continue;
    all.add(`n:${stem(n.key.slice(n.key.lastIndexOf('_') + 1))}`);
  }
  // Capitalised words after the first are names, titles or demonyms ("Turkish President"), not what is stated.
  const clause = text.slice(offset, offset + u.text.length).replace(/(?<=[\p{L}\p{N},;:'"’”)]\s+)\p{Lu}[\p{L}'’-]*/gu, ' ');
  const words = new Set<string>();
  for (const w of contentStems(clause)) if (!LIGHT.has(w) && !PLAIN.has(w)) words.add(w);
  for (const w of words) all.add(w);
  return { all, words };
}

// Words that say nothing of what a clause states (frames, generic nouns).
const PLAIN = new Set('role part way thing president minister leader chancellor premier official spokesman spokeswoman'.split(' '));

/**
 * A `supports` with a per-instance feature cache (reason: verification and the summary ask about
 * the same units many times; 1,000-article storylines). Make one per storyline.
 */
export function createSupports(
  publishedOf?: (article: string) => string | null,
  /** Every name key (`n:` + stemmed word) an article's sentences carry, for `clash`. */
  namesOfArticle?: (article: string) => Set<string>,
): {
  supports: (rep: Unit, other: Unit) => boolean;
  disagreement: (rep: Unit, other: Unit) => string | null;
  /** Why two statements are not about one happening (values aside), or null. */
  happeningMismatch: (a: Unit, b: Unit) => string | null;
  /** How many arguments two statements share (see `sharedArguments`). */
  sharedArguments: (a: Unit, b: Unit) => number;
  /** Why two statements cannot report one happening (see `clash`), or null. */
  clash: (a: Unit, b: Unit) => string | null;
  /** `true` when `member` names a participant the representative's whole article never names. */
  stranger: (member: Unit, rep: Unit) => boolean;
} {
  const cache = new WeakMap<Unit, UnitFeatures>();
  const features = (u: Unit): UnitFeatures => {
    let f = cache.get(u);
    if (!f) cache.set(u, (f = unitFeatures(u)));
    return f;
  };
  const datesCache = new WeakMap<Unit, Unit['dates']>();
  const dates = (u: Unit, f: UnitFeatures): Unit['dates'] => {
    let d = datesCache.get(u);
    if (!d) datesCache.set(u, (d = anchoredDates(u, f, publishedOf)));
    return d;
  };
  // Answers by pair (reason: verification, then the summary, ask about the same pairs of a group).
  const answers = new WeakMap<Unit, Map<Unit, string | null>>();
  const why = (rep: Unit, other: Unit): string | null => {
    let byOther = answers.get(rep);
    if (!byOther) answers.set(rep, (byOther = new Map()));
    let answer = byOther.get(other);
    if (answer === undefined) byOther.set(other, (answer = disagreement(rep, other, features, publishedOf, dates)));
    return answer;
  };
  const happening = (a: Unit, b: Unit): string | null => {
    const fa = features(a);
    const fb = features(b);
    return happeningMismatch(a, b, fa, fb, dates(a, fa), dates(b, fb), publishedOf);
  };
  const shared = (a: Unit, b: Unit): number => sharedArguments(a, b, features(a), features(b));
  return { supports: (rep, other) => why(rep, other) === null, disagreement: why, happeningMismatch: happening, sharedArguments: shared, clash: (a, b) => clash(a, b, features), stranger: (member, rep) => !!namesOfArticle && [...features(member).people].some((k) => !namesOfArticle(rep.article).has(k)) };
}

/** A unit's dates with a month or year, yearless months read in its article's year. */
function anchoredDates(u: Unit, f: UnitFeatures, publishedOf?: (article: string) => string | null): Unit['dates'] {
  return anchorDates(u.dates.filter((d) => d.year !== null || d.month !== null), publishedOf?.(u.article) ?? null, f.prospective);
}

/** A figure one side denies and the other asserts, or the same measured thing with two values; or null. */
function figureClash(rep: Unit, other: Unit): string | null {
  const rDenied = deniedFigures(rep);
  const oDenied = deniedFigures(other);
  if (other.numbers.some((y, j) => oDenied[j] && rep.numbers.some((x) => sameValue(x, y)))) return 'denied figure';
  if (rep.numbers.some((x, i) => rDenied[i] && other.numbers.some((y) => sameValue(x, y)))) return 'denied figure';
  const oa = assertedNumbers(other);
  for (const x of assertedNumbers(rep)) {
    if (!x.unit) continue;
    const same = oa.filter((y) => y.unit === x.unit);
    if (same.length && !same.some((y) => sameValue(x, y))) return 'different figure';
  }
  return null;
}

function assertedNumbers(u: Unit): Unit['numbers'] {
  const denied = deniedFigures(u);
  return u.numbers.filter((_, i) => !denied[i]);
}

/** `'different date'` when both sides give specific dates and none of them can be the same day. */
function dateClash(rd: Unit['dates'], od: Unit['dates']): string | null {
  if (!rd.length || !od.length) return null;
  const ok = rd.some((a) => od.some((b) => (a.year === null || b.year === null || a.year === b.year) && (a.month === null || b.month === null || a.month === b.month) && (a.day === null || b.day === null || a.day === b.day)));
  return ok ? null : 'different date';
}

/** `'different place'` when each side names one place, not the same and not mentioned by the other. */
function placeClash(rep: Unit, other: Unit): string | null {
  const rp = rep.names.filter((n) => n.place && n.start >= 0);
  const op = other.names.filter((n) => n.place && n.start >= 0);
  if (rp.length !== 1 || op.length !== 1) return null;
  const rk = new Set(rep.names.map((n) => n.key));
  const ok = new Set(other.names.map((n) => n.key));
  if (rk.has(op[0]!.key) || ok.has(rp[0]!.key) || rep.sentence.text.includes(op[0]!.text) || other.sentence.text.includes(rp[0]!.text)) return null;
  return 'different place';
}

/** Why `other` does not support `rep`, or null when it states the same thing. */
export function disagreement(
  rep: Unit,
  other: Unit,
  features: (u: Unit) => UnitFeatures = unitFeatures,
  publishedOf?: (article: string) => string | null,
  datesOf: (u: Unit, f: UnitFeatures) => Unit['dates'] = (u, f) => anchoredDates(u, f, publishedOf),
): string | null {
  // Figures: a figure `other` denies, or the same measured thing with another value.
  const figures = figureClash(rep, other);
  if (figures) return figures;
  // The representative's figures in digits must be repeated (reason: a sentence without "60,000"
  // does not confirm "carries 60,000 vehicles a day").
  const oa = assertedNumbers(other);
  for (const x of assertedNumbers(rep)) {
    if (!/\d/u.test(x.text) || !x.unit) continue;
    if (!oa.some((y) => sameValue(x, y))) return 'figure not repeated';
  }
  // Dates: specific dates on both sides must be compatible. A month without a year is read in the
  // article's own year (reason: "in October" in a January 2024 report is October 2023, not any October).
  const fr = features(rep);
  const fo = features(other);
  const rd = datesOf(rep, fr);
  const od = datesOf(other, fo);
  return dateClash(rd, od) ?? placeClash(rep, other) ?? happeningMismatch(rep, other, fr, fo, rd, od, publishedOf);
}

/**
 * Why two statements cannot report one happening, whatever each leaves out, or null: another
 * modality, each naming a person the other does not, or two values of one figure. Reason: two
 * sentences that each support a vague representative ("Klitschko retains his belts") may report two
 * different happenings (two fights, two opponents); a fact cites them together only when they can be
 * one. Dates and places are left out: a side date ("the 2009 season") or a place and its region
 * ("Vancouver", "Canada") do not tell two happenings apart without a gazetteer.
 */
export function clash(a: Unit, b: Unit, features: (u: Unit) => UnitFeatures = unitFeatures): string | null {
  const fa = features(a);
  const fb = features(b);
  if (fa.modality !== fb.modality) return 'modality';
  if (ownPerson(fa, fb) && ownPerson(fb, fa)) return 'different participants';
  return figureClash(a, b) ?? figureClash(b, a);
}

/**
 * Why two statements are not about one happening (their figures, dates and places aside), or null:
 * modality, plans far apart, predicate, shared arguments and overlap of what they state. Conflicts
 * need this too: two values clash only on the same happening.
 */
export function happeningMismatch(
  rep: Unit,
  other: Unit,
  fr: UnitFeatures,
  fo: UnitFeatures,
  rd: Array<{ year: number | null; month: number | null }>,
  od: Array<{ year: number | null; month: number | null }>,
  publishedOf?: (article: string) => string | null,
): string | null {
  // Modality: happened, planned, possible and denied are different claims ("will meet … to sign" is
  // not "signed"; "may meet in Astana" is not "will meet").
  if (fr.modality !== fo.modality) return fr.modality === 'denied' || fo.modality === 'denied' ? 'negation' : fr.modality === 'happened' || fo.modality === 'happened' ? 'plan vs happening' : 'plan vs possibility';
  // Two plans with neither a shared date nor a shared place are one plan only when reported close
  // in time (reason: "Putin will meet Erdogan" in 2023 and in 2024 are two different plans); with a
  // publication date unknown, only when they share many details.
  const plan = fr.modality === 'planned' || fr.modality === 'possible';
  if (plan && !(rd.length && od.length) && !sharedPlace(rep, other)) {
    const pa = publishedOf?.(rep.article);
    const pb = publishedOf?.(other.article);
    if (pa && pb ? Math.abs(Date.parse(pa.slice(0, 10)) - Date.parse(pb.slice(0, 10))) > PLAN_HORIZON_DAYS * 86_400_000 : sharedCount(fr.content, fo.content) < PLAN_DETAILS) return 'undated plan';
  }
  // The same words quoted on both sides: one statement, however each outlet frames it.
  if (sharesQuotation(fr, fo)) return null;
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
  // Participants: each side naming someone the other does not is two happenings (reason: "stopped
  // Thompson in the sixth round" and "stopped Rahman in the seventh" are two fights of one boxer).
  if (ownParticipant(fr, fo) && ownParticipant(fo, fr)) return 'different participants';
  // What they state, attribution aside, must overlap (reason: "a visit is being prepared" and "the
  // president confirmed his invitation", both told to one agency by one aide, are two statements).
  // Same time and place already tie them to one happening whatever the words ("met in Sochi last
  // September" / "Erdogan's visit to Sochi in September 2023").
  if (!(sameTime && sameName) && dice(fr.words, fo.words) < MIN_CONTENT_OVERLAP) return 'different content';
  return null;
}

// Details two undated plans must share to be one plan (tuned on the seeds' undated articles: the
// "first visit to a NATO country in four years" pair shares five; two "will meet" plans share two).
const PLAN_DETAILS = 4;

// Dice overlap of the lower-case content words two statements state, below which they are different
// statements. Tuned on the ECB+ dev topics, odd and even halves alike (report-fact pair precision /
// recall at 0, 0.2, 0.3, 0.4: odd .736/.133, .746/.125, .755/.110, .789/.090; even .893/.129,
// .906/.121, .918/.105, .930/.081): 0.2 buys precision in both halves for little recall.
const MIN_CONTENT_OVERLAP = 0.2;

/** `true` when `a` names a participant that `b` never names. */
function ownParticipant(a: UnitFeatures, b: UnitFeatures): boolean {
  for (const k of a.participants) if (!b.allNames.has(k)) return true;
  return false;
}

/** `true` when `a`'s sentence names a person that `b`'s sentence never names. */
function ownPerson(a: UnitFeatures, b: UnitFeatures): boolean {
  for (const k of a.people) if (!b.allNames.has(k)) return true;
  return false;
}

function sharedCount(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/** Dice coefficient of two sets (0 when both are empty). */
function dice(a: Set<string>, b: Set<string>): number {
  return a.size + b.size ? (2 * sharedCount(a, b)) / (a.size + b.size) : 0;
}

// Shared arguments two statements need besides their predicate (tuned on the ECB+ dev topics and
// the seeds: one shared word let "supports Ukraine" pair with "supports the army in Ukraine").
const MIN_SHARED_ARGUMENTS = 2;

/** Distinct arguments both statements give, attribution aside: names (by last word), figures, a shared time, and content words other than their predicates. */
export function sharedArguments(rep: Unit, other: Unit, fr: UnitFeatures = unitFeatures(rep), fo: UnitFeatures = unitFeatures(other), sameTime = false): number {
  const shared = new Set<string>();
  const predicates = new Set([...fr.predicates, ...fo.predicates]);
  for (const k of fr.content) if (fo.content.has(k) && !predicates.has(k)) shared.add(k);
  for (const x of rep.numbers) if (other.numbers.some((y) => sameValue(x, y))) shared.add(`#:${x.value}`);
  if (sameTime) shared.add('d:');
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
