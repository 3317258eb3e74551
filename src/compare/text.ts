/**
 * Sentence features for aligning statements across articles: content stems, names, numbers with
 * their unit words, and dates (year, month, day). Pure functions; no state.
 */
import { findEntities, type EntityMention } from '../analyze/entities.js';
import { monthNumbers } from '../analyze/month-names.js';

const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet for of to in on at by from with without into onto over under about ' +
    'above below after before during since until upon within across along among around against between ' +
    'through throughout toward towards off out up down as than then that this these those there here ' +
    'is are was were be been being am do does did doing have has had having will would shall should can ' +
    'could may might must it its itself he him his she her hers they them their theirs we us our ours you ' +
    'your yours i me my mine who whom whose which what when where why how all any both each few more most ' +
    'other some such no not only own same too very just also even still again ever now already ' +
    'said says say told tells according reported reportedly added adding stating stated noted ' +
    'one mr mrs ms dr if while because although though however whether s t'
  ).split(' '),
);

// Irregular past forms of verbs common in news (reason: "met" must meet "meeting").
const IRREGULAR: Record<string, string> = {
  met: 'meet', went: 'go', took: 'tak', made: 'mak', held: 'hold', won: 'win', fell: 'fall', rose: 'ris',
  struck: 'strik', left: 'leav', ran: 'run', came: 'com', began: 'begin', gave: 'giv', found: 'find',
  brought: 'bring', sought: 'seek', thought: 'think', chose: 'choos', spoke: 'speak', wrote: 'writ',
  fled: 'flee', led: 'lead', paid: 'pay', sold: 'sell', bought: 'buy', caught: 'catch', shot: 'shoot',
  hit: 'hit', saw: 'see', knew: 'know', grew: 'grow', drove: 'driv', broke: 'break', stole: 'steal',
  killed: 'kill', died: 'di', dead: 'di', death: 'di', deaths: 'di',
  // "fares will rise" and "will raise fares" report one change.
  rise: 'ris', rises: 'ris', risen: 'ris', raise: 'ris', raises: 'ris', raised: 'ris', raising: 'ris',
};

/** English month names and abbreviations → month number. */
const MONTHS = monthNumbers(['en']);

/** Folds case and diacritics ("Erdoğan" → "erdogan"). */
export function fold(s: string): string {
  // Most words are ASCII: skip Unicode normalisation for them (reason: it dominates the cost).
  if (!/[^\x00-\x7f]/u.test(s)) return s.toLowerCase();
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * A light suffix stripper (reason: "visit/visits/visited/visiting" and "meeting/meetings" must meet;
 * a full Porter stemmer buys little on sentence alignment and costs speed).
 */
export function stem(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  let w = word;
  if (w.length <= 3) return w;
  // Nouns made from verbs meet their verbs: "evacuation" / "evacuated", "agreement" / "agreed"
  // (reason: one outlet writes "the evacuation of 60 workers", another "40 workers were evacuated").
  if (w.endsWith('ation') && w.length > 7) return w.slice(0, -3);
  if (w.endsWith('ment') && w.length > 7) w = w.slice(0, -4);
  // "injuries", "injury" and "injured" share "injur".
  else if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3);
  else if (/[^aeiou]y$/u.test(w) && w.length > 3) return w.slice(0, -1);
  else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('es') && /(?:ss|sh|ch|x|z)es$/u.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  // Doubled consonant left by -ing/-ed ("planned" → "plann" → "plan").
  if (/([bdgklmnprt])\1$/u.test(w) && w !== word) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

const WORD_RE = /[\p{L}][\p{L}\p{N}'’-]*|\p{N}+(?:[.,]\p{N}+)*/gu;

/** Content stems of a text: folded, stop words and pure numbers dropped. */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const w = contentStemOf(m[0]);
    if (w !== null) out.push(w);
  }
  return out;
}

// Word → content stem (null: not a content word). Reason: a 1,000-article storyline asks for the
// same few thousand words hundreds of thousands of times; the cache is dropped when it grows past
// a vocabulary's size so scraped junk cannot grow it without bound.
const STEM_CACHE = new Map<string, string | null>();
const STEM_CACHE_MAX = 200_000;

function contentStemOf(word: string): string | null {
  const cached = STEM_CACHE.get(word);
  if (cached !== undefined) return cached;
  let w = fold(word).replace(/['’]s$/u, '').replace(/['’]/gu, '');
  // Numbers, stopwords and months (compared as dates, not words) are not content words.
  const out = !w || /^\p{N}/u.test(w) || STOPWORDS.has(w) || w.length < 2 || MONTHS.has(w) ? null : stem(w);
  if (STEM_CACHE.size >= STEM_CACHE_MAX) STEM_CACHE.clear();
  STEM_CACHE.set(word, out);
  return out;
}

/** A date mentioned in a sentence, as precise as the text says. */
export interface DateMention {
  text: string;
  year: number | null;
  month: number | null;
  day: number | null;
  start: number;
  end: number;
}

const DATE_RE =
  /\b(?:(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)?(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?:\s+(\d{1,2})(?:st|nd|rd|th)?\b)?(?:,?\s+(\d{4}))?|\b(1[89]\d\d|20\d\d)\b/gu;

/**
 * Dates in a text: "October 13, 2022", "13 October 2022", "September 2023", "in July", "2020".
 * A bare "May" is only a date when a day or year goes with it (reason: the verb "may").
 */
export function findDates(text: string): DateMention[] {
  const out: DateMention[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    if (m[5]) {
      out.push({ text: m[0], year: Number(m[5]), month: null, day: null, start: m.index, end: m.index + m[0].length });
      continue;
    }
    const monthWord = m[2]!.replace(/\.$/u, '').toLowerCase();
    const day = m[1] ? Number(m[1]) : m[3] ? Number(m[3]) : null;
    const year = m[4] ? Number(m[4]) : null;
    if (monthWord === 'may' && day === null && year === null) continue;
    // "Mar" / "Jun" without a dot or number is too ambiguous (names, words).
    if (monthWord.length <= 4 && monthWord !== 'june' && monthWord !== 'july' && day === null && year === null) continue;
    out.push({
      text: m[0],
      year,
      month: MONTHS.get(monthWord) ?? null,
      day: day !== null && day >= 1 && day <= 31 ? day : null,
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}

/** A number with the content word that follows or precedes it ("15 percent", "magnitude 6.1"). */
export interface NumberMention {
  text: string;
  value: number;
  /** Stem of the unit or counted noun, or '' when none is clear. */
  unit: string;
  start: number;
  end: number;
  /**
   * What a hyphenated measure qualifies ("57-year-old woman" → `old woman`, "30-year congregation"
   * → `congregation`): two figures measure one thing only when these agree.
   */
  head?: string;
  /** How the text bounds the value: "at least 2" is `min`, "up to 40" `max`, "about 150" `approx`. */
  bound?: 'min' | 'max' | 'approx';
}

// Hedges before a figure and the bound they set (reason: "at least two" does not contradict "three").
const LOWER_BOUND = /\b(?:at least|more than|over|upwards of|in excess of|no fewer than|no less than|a minimum of)\s+$/iu;
const UPPER_BOUND = /\b(?:at most|up to|less than|fewer than|under|no more than|as many as|a maximum of)\s+$/iu;
const APPROXIMATE = /\b(?:about|around|roughly|nearly|almost|some|approximately|an estimated|estimated|close to|circa|or so)\s+$/iu;
// Street and road words: a number next to one is an address or route, not a quantity
// ("117th Street", "97th Avenue", "Route 9", "12 Baker Street").
const STREET = '(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|place|pl|way|court|ct|terrace|parkway|pkwy|highway|hwy|route|interstate|i)';
const STREET_AFTER = new RegExp(`^(?:st|nd|rd|th)?\\.?\\s+(?:[\\p{Lu}][\\p{L}]+\\s+)?${STREET}\\b\\.?`, 'iu');
const STREET_BEFORE = new RegExp(`\\b${STREET}\\.?\\s+$`, 'iu');

/** How a figure at `start` is bounded by the hedge before it, if any. */
function boundBefore(text: string, start: number): NumberMention['bound'] {
  // A currency sign sits between the hedge and the digits ("roughly $22 million").
  const before = text.slice(Math.max(0, start - 24), start).replace(/[$€£¥]\s*$/u, '');
  return LOWER_BOUND.test(before) ? 'min' : UPPER_BOUND.test(before) ? 'max' : APPROXIMATE.test(before) ? 'approx' : undefined;
}

const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12, 'half a': 0.5, 'half an': 0.5, 'a quarter of a': 0.25, 'a quarter of an': 0.25,
};
const MEASURES = new Set(['magnitude', 'category', 'level', 'grade', 'rate', 'age', 'aged', 'phase', 'stage', 'score', 'number', 'toll']);
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
// The scale may be hyphenated into a compound adjective ("a 9-million-euro plan").
const NUM_RE = /\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:(?:\s*|-)(%|percent|per cent|thousand|million|billion|trillion))?|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|dozen|half an?|a quarter of an?)\b/giu;

// Length and weight units folded to one base unit (reason: "40-centimetre crack" and "half a metre"
// measure the same thing; "200 feet" is "60 metres", not "200 metres").
const UNIT_SCALE: Record<string, [string, number]> = {
  centimetr: ['metr', 0.01], centimet: ['metr', 0.01], cm: ['metr', 0.01], millimetr: ['metr', 0.001], millimet: ['metr', 0.001], mm: ['metr', 0.001],
  meter: ['metr', 1], metr: ['metr', 1], m: ['metr', 1], kilometr: ['metr', 1000], kilomet: ['metr', 1000], km: ['metr', 1000],
  feet: ['metr', 0.3048], foot: ['metr', 0.3048], ft: ['metr', 0.3048], yard: ['metr', 0.9144], yd: ['metr', 0.9144], yds: ['metr', 0.9144],
  inch: ['metr', 0.0254], mile: ['metr', 1609.344], mi: ['metr', 1609.344],
  kilogram: ['gram', 1000], kg: ['gram', 1000], gram: ['gram', 1], tonn: ['gram', 1e6], lb: ['gram', 453.592], lbs: ['gram', 453.592],
};
// Unit abbreviations written after a figure ("200ft", "60 m", "5 km"); the counted-noun rule below
// needs three letters. Reason: "200ft" and "200m" are two different heights.
const UNIT_ABBREVIATION = /^\s?(km|cm|mm|m|ft|mi|yds?|kg|lbs?)(?![\p{L}\p{N}])/u;

/**
 * How far apart two values of one unit may be and still be one figure: 1 % (rounding), 3 % for
 * lengths and weights (reason: a converted figure is rounded, "600 metres (2,000 feet)" differ by 1.6 %).
 */
export function valueSlack(unit: string): number {
  return unit === 'metr' || unit === 'gram' ? 0.03 : 0.01;
}

/**
 * Numbers with their units. Years, days of dates and clock times are left out (they are dates).
 * @example findNumbers('injuring 41 people, magnitude 6.1') → 41 'peopl', 6.1 'magnitud'
 */
export function findNumbers(text: string, dates: DateMention[] = findDates(text)): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of text.matchAll(NUM_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (dates.some((d) => start < d.end && end > d.start)) continue;
    if (/\d[:.]\d/u.test(text.slice(Math.max(0, start - 2), end + 2)) && !/\d\.\d/u.test(m[0])) continue; // clock time "04:12"
    // Ordinals ("97th", "the 12th") rank or date things; they are not quantities.
    if (/^(?:st|nd|rd|th)\b/iu.test(text.slice(end, end + 3)) && /\d$/u.test(m[0])) continue;
    // Addresses and routes ("117th Street", "Route 9", "12 Baker Street").
    if (/\d$/u.test(m[0]) && (STREET_AFTER.test(text.slice(end, end + 40)) || STREET_BEFORE.test(text.slice(Math.max(0, start - 12), start)))) continue;
    let value: number;
    let unit = '';
    if (m[3]) {
      value = NUMBER_WORDS[m[3].toLowerCase().replace(/\s+/gu, ' ')] ?? NaN;
    } else {
      value = Number(m[1]!.replace(/,/gu, ''));
      const suffix = (m[2] ?? '').toLowerCase();
      if (suffix === '%' || suffix.startsWith('per')) unit = 'percent';
      else if (SCALE[suffix]) value *= SCALE[suffix]!;
    }
    if (!Number.isFinite(value)) continue;
    const abbreviation = unit ? null : UNIT_ABBREVIATION.exec(text.slice(end, end + 5));
    // "£74m" and "$2.6m" are millions, not metres.
    if (abbreviation && !(abbreviation[1] === 'm' && /[$€£¥]\s*$/u.test(text.slice(Math.max(0, start - 2), start)))) unit = abbreviation[1]!;
    if (!unit) {
      // The counted noun after the number ("34 people"), else a measure word before it ("magnitude 5.8").
      const after = /^[\s-]*(?:(?:more|extra|additional|new|other)\s+)?([\p{L}]{3,})/u.exec(text.slice(end, end + 30));
      const before = /([\p{L}]{3,})\s+(?:of\s+)?$/u.exec(text.slice(Math.max(0, start - 25), start));
      const a = after?.[1] ? fold(after[1]) : '';
      const b = before?.[1] ? fold(before[1]) : '';
      // A measure word before the number names the quantity ("magnitude 6.1 earthquake").
      if (MEASURES.has(b)) unit = stem(b);
      // A participle after the number ("the 14 million announced") is not what is counted.
      else if (a && !STOPWORDS.has(a) && !/(?:ed|ing)$/u.test(a)) unit = stem(a);
      else if (before?.[1] && !STOPWORDS.has(fold(before[1]))) unit = stem(fold(before[1]));
    }
    // "21 million crowns, from the 14 million": a bare scaled figure counts what the last one counted.
    if (!unit && m[2] && SCALE[m[2].toLowerCase()]) unit = out.filter((n) => n.unit && n.unit !== 'percent').at(-1)?.unit ?? '';
    const scaled = UNIT_SCALE[unit];
    if (scaled) {
      unit = scaled[0];
      value = Math.round(value * scaled[1] * 1e6) / 1e6;
    }
    // A hyphenated measure qualifies the noun after it ("a 57-year-old woman", "a 30-year lease").
    // A demonym before the noun qualifies it too ("a 36-year-old Australian climber").
    const compound = /^\s?-\s?[\p{L}]+(\s?-\s?old)?\s+(?:(\p{Lu}\p{Ll}+(?:ish|ian|ese|ean|ic|an|i|sh|ch))\s+)?([\p{Ll}]{3,})/u.exec(text.slice(end, end + 50));
    const head = compound ? `${compound[1] ? 'old ' : ''}${compound[2] ? `${fold(compound[2])} ` : ''}${stem(fold(compound[3]!))}` : undefined;
    const bound = boundBefore(text, start);
    out.push({ text: m[0], value, unit, start, end, ...(head ? { head } : {}), ...(bound ? { bound } : {}) });
  }
  return out;
}

/** A name in a sentence, with a hint whether it is a place (after "in", "at", "to", "from"). */
export interface NameMention {
  text: string;
  key: string;
  place: boolean;
  /** A title or honorific preceded it ("President", "mayor"). */
  person: boolean;
  start: number;
  end: number;
  /** Set when `text` is a reference ("He", "the Russian leader") resolved to the name in `key`. */
  resolved?: boolean;
  /** Set when the article also writes this full name by its last word alone: a person (see `surnamedPeople`). */
  surnamed?: boolean;
}

/** Names (capitalised sequences) with a place hint from the preposition before them. */
export function findNames(text: string, entities: EntityMention[] = findEntities(text)): NameMention[] {
  const out: NameMention[] = [];
  for (const e of entities) {
    // A nationality adjective before a noun ("the Turkish leader") is a weak word, not a name.
    if (!e.text.includes(' ') && /(?:ish|ian|ese|ean|ic)$/u.test(e.text) && /^\s+[\p{L}]/u.test(text.slice(e.end, e.end + 3))) continue;
    const before = text.slice(Math.max(0, e.start - 20), e.start);
    // Reason: "in Sochi", "to Turkey", "in the Russian city of Sochi" — places follow these; a verb
    // in between ("to meet Anna Dahl") means a person follows.
    const place =
      e.kind !== 'person' &&
      (/\b(?:in|at|to|from|near)\s+(?:the\s+)?(?:\p{Lu}[\p{L}-]*\s+){0,2}$/u.test(before) || /\b(?:city|capital|town|village|region|province) of\s+$/iu.test(before));
    out.push({ text: e.text, key: e.key, place, person: e.kind === 'person', start: e.start, end: e.end });
  }
  return out;
}
