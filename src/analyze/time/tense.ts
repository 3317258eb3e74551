/**
 * The grammatical tense around a time expression, from the words of its own sentence. Relative
 * expressions ("on Monday", "in September") point back in a past-tense sentence and forward in a
 * future one (HeidelTime resolves them the same way, with a part-of-speech tagger; we use marker
 * words, which needs no model).
 */

export type Tense = 'past' | 'present' | 'future';

// Future markers come first: "scheduled", "expected" end in -ed but point forward. A postponement's
// target ("postponed to May 30", "pushed back until October") is ahead even in a past-tense clause;
// only right before the date ("moved to Sarn in March" is a past move).
const FUTURE_RE =
  /\b(?:(?:postponed|pushed back|put off|delayed|deferred|moved|rescheduled|brought forward)\s+(?:to|until|till|for)(?=\s*$)|ahead of(?=\s*$)|will|shall|won['’]t|going to|gonna|plans? to|planned to|planning to|as soon as|as early as|until|is to|are to|(?:is|are|was|were) (?:scheduled|expected|due|set|slated) (?:to|for)|(?:is|are|was|were|be) (?:now |still |widely )?(?:scheduled|expected|due|slated)\b|scheduled (?:to|for)|expected to|expects?|expecting|anticipates?|anticipating|forecasts?|forecasting|predicts?|predicting|(?:intends?|hopes?|aims?) to|slated (?:to|for)|set to|due to (?!the)|to be held|upcoming|would)\b|['’]ll\b/gi;
const PAST_RE =
  /\b(?:said|says?\s+(?:that\s+)?(?:it|he|she|they)\s+(?:was|were|had)|was|were|had|did|ago|met|took|came|went|told|made|held|gave|saw|began|left|got|won|lost|fell|rose|sold|bought|paid|spent|spoke|wrote|found|struck|hit|knew|thought|brought|led|ran|sent|became|kept|put|set up|[a-z]{2,}ed)\b/gi;
const PRESENT_RE = /\b(?:is|are|says|has|have|does|remains?)\b/gi;
// Words ending in -ed that are not past-tense verbs, seen in news headlines and names.
const NOT_PAST = new Set(['united', 'red', 'need', 'speed', 'seed', 'feed', 'bed', 'shed', 'hundred', 'indeed', 'proceed', 'succeed', 'exceed', 'breed', 'weed', 'creed', 'greed', 'bred']);

// What makes the next verb a participle or an infinitive rather than a past-tense form.
const PARTICIPLE_BEFORE = /\b(?:be|being|will|would|shall|should|could|can|might|must|to)\s+(?:not\s+)?$/i;

/** "the <noun> of" right before a date: the date names when that thing happened or happens. */
const DATED_NOUN_BEFORE = /\bthe\s+\p{L}[\p{L}-]*\s+of\s+$/iu;

interface Marker {
  tense: Tense;
  distance: number;
}

function nearest(re: RegExp, text: string, tense: Tense, fromEnd: boolean): Marker | null {
  let best: Marker | null = null;
  for (const m of text.matchAll(re)) {
    if (tense === 'past' && NOT_PAST.has(m[0].toLowerCase())) continue;
    // "will be inspected", "would be put", "agreed to hold": a participle after "be" or a verb after a
    // modal or "to" carries no tense of its own (the modal, a future marker, does).
    if (tense === 'past' && PARTICIPLE_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    const distance = fromEnd ? text.length - (m.index + m[0].length) : m.index;
    if (!best || distance < best.distance) best = { tense, distance };
    // Read from the start, the first marker kept is the nearest (reason: date-dense text tags a
    // date every few characters, and each reads the markers of its sentence).
    if (!fromEnd) break;
  }
  return best;
}

// A period after an initial or a short title ("Daniel P. Davison", "Mr. Schwarz") ends no sentence.
const SHORT_WORD_BEFORE = /\b[A-Z][a-z]{0,3}$/;
const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/** Whether a sentence starts at `s`: a sentence mark right before it, then white space. */
function sentenceStartsAt(text: string, s: number): boolean {
  const c = text[s - 1];
  if (c !== '.' && c !== '!' && c !== '?' && c !== '\n') return false;
  if (!(s === 1 || c === '\n' || isSpace(text[s]))) return false;
  return !(c === '.' && SHORT_WORD_BEFORE.test(text.slice(Math.max(0, s - 6), s - 1)));
}

/** Whether the sentence ends at `e`: a line break, `!`, `?`, or a period followed by white space. */
function sentenceEndsAt(text: string, e: number): boolean {
  const c = text[e];
  if (c === '!' || c === '?' || c === '\n') return true;
  return c === '.' && (e + 1 >= text.length || isSpace(text[e + 1])) && !SHORT_WORD_BEFORE.test(text.slice(Math.max(0, e - 5), e));
}

/** Characters of context the tense reader looks at, left and right of a time expression. */
const LEFT_REACH = 120;
const RIGHT_REACH = 80;

/**
 * Start and end of the sentence that holds [start, end), looking no further than `reach`
 * characters on either side (reason: a text without sentence ends — "Jan. Feb. Mar." repeated —
 * made the walk cover the whole text for every date, quadratic in the text).
 */
export function sentenceAround(text: string, start: number, end: number, reach = { left: Infinity, right: Infinity }): { start: number; end: number } {
  let s = start;
  const leftmost = Math.max(0, start - reach.left);
  const rightmost = Math.min(text.length, end + reach.right);
  while (s > leftmost && !sentenceStartsAt(text, s)) s--;
  let e = end;
  while (e < rightmost && !sentenceEndsAt(text, e)) e++;
  return { start: s, end: e };
}

/** Marker words of one language (English's are the default). */
export interface TenseMarkers {
  future: RegExp;
  past: RegExp;
  present?: RegExp;
  /** Right before a date: the date names when a thing happened ("the fire of September 2"), not the clause's action. */
  datedNoun?: RegExp;
}

const ENGLISH: TenseMarkers = { future: FUTURE_RE, past: PAST_RE, present: PRESENT_RE, datedNoun: DATED_NOUN_BEFORE };

/**
 * The tense that governs a span: the nearest tense marker in its sentence (left context first on
 * a tie), or null when the sentence has none. `markers` are the words of the text's language.
 */
export function tenseAt(text: string, start: number, end: number, markers: TenseMarkers = ENGLISH): Tense | null {
  const sent = sentenceAround(text, start, end, { left: LEFT_REACH, right: RIGHT_REACH });
  const left = text.slice(sent.start, start);
  // "the fire of September 2" dates a thing, not the clause's action: "will rebuild after the fire
  // of September 2" is a past fire. No tense, so the nearest reading decides.
  if (markers.datedNoun?.test(left)) return null;
  // The right context stops at a comma: ", officials said" attributes, it does not set the tense.
  const rightFull = text.slice(end, sent.end);
  const comma = rightFull.indexOf(',');
  const right = comma >= 0 ? rightFull.slice(0, comma) : rightFull;
  const candidates: Marker[] = [];
  for (const [re, tense] of [
    [markers.future, 'future'],
    [markers.past, 'past'],
    [markers.present, 'present'],
  ] as const) {
    if (!re) continue;
    const l = nearest(re, left, tense, true);
    if (l) candidates.push(l);
    const r = nearest(re, right, tense, false);
    // Right context counts a little further away: the verb usually comes before the date in news.
    if (r) candidates.push({ tense, distance: r.distance + 10 });
  }
  if (!candidates.length) return null;
  // Future markers win ties: "is expected to" holds a present-tense auxiliary.
  candidates.sort((a, b) => a.distance - b.distance || (a.tense === 'future' ? -1 : b.tense === 'future' ? 1 : 0));
  return candidates[0]!.tense;
}
