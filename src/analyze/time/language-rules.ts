/**
 * Time-expression rules for the languages other than English, built from their word lists
 * (`analyze/lexicon/<lang>.ts`: weekdays, day words, "last"/"next"/"this" words, unit nouns) and
 * month names (`analyze/month-names.ts`): "venerdì scorso", "el viernes pasado", "letzten Freitag",
 * "ieri", "l'anno scorso", "25 gennaio", "gennaio 2011". English keeps the tagger's own rules.
 *
 * Rules of one language run only on text in that language: "hier" is yesterday in French and
 * "here" in German, "morgen" tomorrow in German and Dutch.
 */
import { LEXICONS, type AgoWords, type DateWords } from '../lexicon/index.js';
import { MONTH_NAMES } from '../month-names.js';
import { formatDay } from './calendar.js';
import type { TenseMarkers } from './tense.js';
import type { Direction, TimexMeaning } from './timex.js';

/** A rule's match, read into a meaning (null rejects the match). */
export interface LanguageRule {
  name: string;
  re: RegExp;
  build(m: RegExpExecArray, text: string): { type: 'DATE'; meaning: TimexMeaning } | null;
}

// Unicode word edges: no letter, digit, currency or decimal glued on either side.
const B = String.raw`(?<![\p{L}\p{N}$€£#.,]|\d-)`;
const E = String.raw`(?![\p{L}\p{N}]|[.,]\d)`;
const DAY = String.raw`(?:3[01]|[12]\d|0?[1-9])`;
const YEAR = String.raw`(?:1[89]\d\d|20\d\d)`;
/** Between a "last"/"this" word and its noun: a space, or nothing after an elision ("quest'anno"). */
const JOIN = String.raw`(?:\s+|(?<=['’]))`;
/** Other spellings shorter than this are abbreviations ("gen", "mar", "set"): read only with a year, by the tagger's own rule. */
const MIN_MONTH_CHARS = 4;
/** A month's full name (listed first) and its longer variants, without abbreviations. */
const fullNames = (spellings: string): string => spellings.split('|').filter((s, i) => i === 0 || s.length >= MIN_MONTH_CHARS).join('|');

const escape = (s: string): string => s.replace(/[.*+?^${}()[\]\\]/g, '\\$&');
/** `a|b c` → a regex alternation, longest first, spaces matching any whitespace. */
function alternation(spellings: string | readonly string[]): string {
  const list = (typeof spellings === 'string' ? spellings.split('|') : spellings.flatMap((s) => s.split('|'))).filter(Boolean);
  return [...new Set(list)].sort((a, b) => b.length - a.length).map((s) => escape(s).replace(/ /g, '\\s+')).join('|');
}

/** Spelling (lower case) → value, over `|`-separated spellings. */
function lookup<T>(entries: readonly (readonly [string, T])[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const [spellings, v] of entries) for (const s of spellings.split('|')) if (s) out.set(s.toLowerCase().replace(/\s+/g, ' '), v);
  return out;
}
const key = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ');

function build(words: DateWords, months: readonly string[]): LanguageRule[] {
  const weekdays = lookup(words.weekdays.map((w, i) => [w, (i + 1) % 7] as const)); // Monday first → 0 = Sunday
  const dirs = lookup<Direction>([[words.before.last ?? '', 'last'], [words.before.next ?? '', 'next'], [words.before.this ?? '', 'this'], [words.after.last ?? '', 'last'], [words.after.next ?? '', 'next']]);
  const units = lookup<'week' | 'month' | 'year'>([[words.units.week, 'week'], [words.units.month, 'month'], [words.units.year, 'year']]);
  const monthOf = lookup(months.map((m, i) => [fullNames(m), i + 1] as const));
  const dayOff = lookup(words.days.map((d, i) => [d, i - 2] as const));

  const WD = `(${alternation(words.weekdays)})`;
  const before = [words.before.last, words.before.next, words.before.this].filter(Boolean).join('|');
  const after = [words.after.last, words.after.next].filter(Boolean).join('|');
  const BEFORE = before ? `(?:(${alternation(before)})${JOIN})?` : '()';
  const AFTER = after ? `(?:\\s+(${alternation(after)}))?` : '()';
  const MONTH = `(${alternation([...monthOf.keys()])})`;
  const rules: LanguageRule[] = [];
  const rule = (name: string, pattern: string, fn: LanguageRule['build']): void => {
    rules.push({ name, re: new RegExp(B + pattern + E, 'giu'), build: fn });
  };
  const date = (meaning: TimexMeaning) => ({ type: 'DATE' as const, meaning });
  const dirOf = (w: string | undefined): Direction => (w ? dirs.get(key(w)) ?? 'tense' : 'tense');

  // "25 gennaio 2011", "venerdì 25 gennaio", "el 5 de mayo de 2011", "12. Mai", "1er mars": the
  // weekday settles the year of a year-less date, as in English ("Monday, Oct. 26").
  rule('day-month', String.raw`(?:${WD},?\s+)?(${DAY}|1er)(?:\.|º|°)?\s+(?:de\s+)?${MONTH}(?:,?\s+(?:de\s+|del\s+)?(${YEAR}))?`, (m) => {
    const mo = monthOf.get(key(m[3]!))!;
    const d = parseInt(m[2]!, 10);
    if (d > 31) return null;
    if (m[4]) return date({ k: 'abs', value: formatDay({ y: +m[4], m: mo, d }) });
    return date({ k: 'month', m: mo, d, dir: 'tense', ...(m[1] ? { wd: weekdays.get(key(m[1]))! } : {}) });
  });
  // "gennaio 2011", "enero de 2011", "im Mai 2024".
  rule('month-year', String.raw`${MONTH}\s+(?:de\s+|del\s+)?(${YEAR})`, (m) => date({ k: 'abs', value: `${m[2]}-${String(monthOf.get(key(m[1]!))).padStart(2, '0')}` }));
  // "venerdì scorso", "lo scorso venerdì", "letzten Freitag", "el viernes pasado", "w zeszły piątek".
  rule('weekday', `${BEFORE}${WD}${AFTER}`, (m) => date({ k: 'weekday', wd: weekdays.get(key(m[2]!))!, dir: dirOf(m[1] || m[3]) }));
  // "la settimana scorsa", "l'an dernier", "vorig jaar", "в прошлом году": a unit needs its direction word.
  rule('rel-unit', `${BEFORE}(${alternation([words.units.week, words.units.month, words.units.year])})${AFTER}`, (m) => {
    const dir = dirOf(m[1] || m[3]);
    if (dir === 'tense') return null;
    return date({ k: 'unit', unit: units.get(key(m[2]!))!, off: dir === 'last' ? -1 : dir === 'next' ? 1 : 0 });
  });
  if (words.ago) agoRules(words.ago, rule, date);
  // "ieri", "gestern", "aujourd'hui", "i morgon".
  const nounAfter = words.notAfter ? new RegExp(`(?:^|[^\\p{L}])(?:${alternation(words.notAfter)})\\s+$`, 'iu') : null;
  const nouns = new Set((words.nounWhenCapitalised ?? '').split('|').filter(Boolean));
  rule('day-word', `(${alternation(words.days)})`, (m, text) => {
    // "la mañana" is the morning, "Morgen" (capitalised) too.
    if (nounAfter?.test(text.slice(Math.max(0, m.index - 12), m.index))) return null;
    if (/^\p{Lu}/u.test(m[1]!) && nouns.has(key(m[1]!))) return null;
    return date({ k: 'day', off: dayOff.get(key(m[1]!))! });
  });
  return rules;
}

/**
 * "tre giorni fa", "hace dos semanas", "vor einem Jahr", "два дня назад": a count (a word or digits;
 * none before a singular unit is one, "rok temu") of days, weeks, months or years back from the text's date.
 */
function agoRules(ago: AgoWords, rule: (name: string, pattern: string, fn: LanguageRule['build']) => void, date: (meaning: TimexMeaning) => { type: 'DATE'; meaning: TimexMeaning }): void {
  const numbers = lookup(ago.numbers.map((n, i) => [n, i + 1] as const));
  const units = lookup<'day' | 'week' | 'month' | 'year'>([[ago.day, 'day'], [ago.week, 'week'], [ago.month, 'month'], [ago.year, 'year']]);
  const COUNT = String.raw`(?:(${alternation(ago.numbers)}|\d{1,3})\s+)?`;
  const UNIT = `(${alternation([ago.day, ago.week, ago.month, ago.year])})`;
  // Without a count only the unit's first (singular) form means one: "rok temu", but "vor Jahren" is vague.
  const singular = new Set([ago.day, ago.week, ago.month, ago.year].map((u) => key(u.split('|')[0]!)));
  const build = (count: string | undefined, unit: string) => {
    if (count === undefined && !singular.has(key(unit))) return null;
    const n = count === undefined ? 1 : /^\d+$/.test(count) ? +count : numbers.get(key(count))!;
    const u = units.get(key(unit))!;
    if (u === 'day' || u === 'week') return date({ k: 'day', off: -n * (u === 'week' ? 7 : 1) });
    return date({ k: 'unit', unit: u, off: -n });
  };
  if (ago.before) rule('ago-before', `(?:${alternation(ago.before)})\\s+${COUNT}${UNIT}`, (m) => build(m[1], m[2]!));
  if (ago.after) rule('ago-after', `${COUNT}${UNIT}\\s+(?:${alternation(ago.after)})`, (m) => build(m[1], m[2]!));
}

const RULES: ReadonlyMap<string, readonly LanguageRule[]> = new Map(
  Object.values(LEXICONS).filter((l) => l.dates).map((l) => [l.code, build(l.dates!, MONTH_NAMES[l.code] ?? [])]),
);

const MARKERS: ReadonlyMap<string, TenseMarkers> = new Map(
  Object.values(LEXICONS).filter((l) => l.dates?.tense).map((l) => {
    const word = (alternation: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`, 'giu');
    const { future, past, datedNoun } = l.dates!.tense!;
    // The dated-noun words end the left context: "il vertice del ", "le sommet du ".
    return [l.code, { future: word(future), past: word(past), ...(datedNoun ? { datedNoun: new RegExp(`(?<![\\p{L}\\p{N}])(?:${datedNoun})\\s*$`, 'iu') } : {}) }];
  }),
);

/** The tense markers of a language, when it has its own (English's are the tagger's default). */
export function tenseMarkersFor(language: string | null): TenseMarkers | undefined {
  return (language && MARKERS.get(language)) || undefined;
}

/** The rules of a language (ISO 639-1); none for English, an unknown language or null. */
export function rulesForLanguage(language: string | null): readonly LanguageRule[] {
  return (language && RULES.get(language)) || [];
}
