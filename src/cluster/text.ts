/**
 * Text to terms for clustering: words, a light plural stemmer, stopwords, and the months a text
 * mentions ("in February 2024", "2023-06-15", "June 15, 2023").
 */

// Function words and news boilerplate that say nothing about which event an article reports.
const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being ' +
    'below between both but by can could did do does doing down during each few for from further had ' +
    'has have having he her here hers herself him himself his how i if in into is it its itself just ' +
    'me more most my myself no nor not now of off on once only or other our ours ourselves out over ' +
    'own same she should so some such than that the their theirs them themselves then there these ' +
    'they this those through to too under until up very was we were what when where which while who ' +
    'whom why will with would you your yours yourself yourselves said say says told tell according ' +
    'year years yesterday today tomorrow week weeks month months time one two three new also may might ' +
    'must shall like get got make made last first next since still even well back us via per would ' +
    'mr mrs ms monday tuesday wednesday thursday friday saturday sunday share tweet email print ' +
    'comment comments subscribe newsletter click read photo photos image video updated'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Folds a plural or possessive so "visits" meets "visit" (reason: the cheapest stemming that helps). */
export function lightStem(word: string): string {
  // Most words have no apostrophe: skip the two replacements (a hot path, run for every word).
  let w = word.includes("'") || word.includes('’') ? word.replace(/['’]s$/u, '').replace(/['’]/gu, '') : word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(?:ss|sh|ch|x)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is|ys)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Lower-cased, stemmed content words of `text`, in order (numbers of one or two digits dropped). */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const w = m[0];
    if (w.length < 2 || STOPWORDS.has(w)) continue;
    if (/^\d{1,2}$/.test(w)) continue;
    const s = lightStem(w);
    if (s.length < 2 || STOPWORDS.has(s)) continue;
    out.push(s);
  }
  return out;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_NAME =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
// "June 2023", "June 15, 2023", "15 June 2023", "2023-06-15": the forms news text uses for dates it names.
const MONTH_YEAR = new RegExp(`\\b${MONTH_NAME}\\.?(?:\\s+\\d{1,2}(?:st|nd|rd|th)?,?)?\\s+((?:19|20)\\d\\d)\\b`, 'gi');
const DAY_MONTH_YEAR = new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME}\\.?,?\\s+((?:19|20)\\d\\d)\\b`, 'gi');
const ISO_DATE = /\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b/g;

function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * Months (`YYYY-MM`) that the text names with a year. Month names without a year are left out:
 * resolving them needs the publication date and tense (that is the time stage's job).
 * @example mentionedMonths('talks planned for February 2024, after the 2023-06-15 invitation') // ['2024-02', '2023-06']
 */
export function mentionedMonths(text: string): string[] {
  const seen = new Set<string>();
  for (const re of [MONTH_YEAR, DAY_MONTH_YEAR]) {
    for (const m of text.matchAll(re)) {
      const month = MONTHS[m[1]!.toLowerCase().slice(0, 3)];
      if (month) seen.add(monthKey(Number(m[2]), month));
    }
  }
  for (const m of text.matchAll(ISO_DATE)) seen.add(monthKey(Number(m[1]), Number(m[2])));
  return [...seen];
}

// A year written alone (1900-2099), not part of a longer number ("2,013", "12013") or a score ("2008-09" season aside).
const YEAR = /(?<![\p{L}\p{N},.])((?:19|20)\d\d)(?![\p{L}\p{N}]|[,.]\d)/gu;

/**
 * Years (1900-2099) that the text names, distinct, in order of first mention. Two events of the same
 * kind (two patches of one browser, two title fights of one boxer) are often told apart only by when.
 * @example mentionedYears('Released on 18 September 2013, after the 2008 flaw; 10,000 users') // [2013, 2008]
 */
export function mentionedYears(text: string): number[] {
  const seen = new Set<number>();
  for (const m of text.matchAll(YEAR)) seen.add(Number(m[1]));
  return [...seen];
}

/** Days since 1970-01-01 of a `YYYY-MM-DD…` date, or null when it is not one. */
export function dayNumber(date: string | null | undefined): number | null {
  if (!date) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? Math.floor(t / 86_400_000) : null;
}

// Frequent function words per language: enough to tell which of these a news text is written in.
const FUNCTION_WORDS: Record<string, Set<string>> = {
  en: new Set('the of and to in is was for on that with by from at as have has are were said'.split(' ')),
  de: new Set('der die das und den dem des ist nicht sich mit auf für ein eine einer wurde wurden sagte im zum zur'.split(' ')),
  fr: new Set('le la les des et est dans pour une sur qui que pas par au aux du sont été'.split(' ')),
  es: new Set('el la los las del y en que por para una con es fue se al sus según'.split(' ')),
  it: new Set('il lo gli della delle dei e che per una con non sono nel alla è stato'.split(' ')),
  nl: new Set('de het een en van is dat op te met voor zijn niet werd door naar'.split(' ')),
  pt: new Set('o os as da do das dos e em que para uma com não por foi ao pelo'.split(' ')),
};

/** Strips diacritics: "Mühlheim" → "Muhlheim", "Ñuñoa" → "Nunoa" (names are spelt both ways across languages). */
export function foldDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '');
}

const NON_ASCII = /[^\x00-\x7f]/u;
/** Content terms below which a text's language is not guessed (bare headlines, lists). */
const LANGUAGE_MIN_TERMS = 20;

/**
 * The language of a text from its content terms (English function words are stopwords, so they are not among
 * them): `de`, `fr`, `es`, `it`, `nl` or `pt` when that language's function words are a clear share of them, else
 * `en` for a text of {@link LANGUAGE_MIN_TERMS} terms or more, else `und`. Reason: the clusterer only needs to
 * know whether two texts share a language, and the counts are already there (a few dozen lookups).
 * Texts in other languages count as `en`: they are never matched across languages.
 * @example languageOfTerms(new Map([['der', 3], ['die', 4], ['das', 2], ['und', 3], ['beben', 1]])) // 'de'
 */
export function languageOfTerms(counts: Map<string, number>): string {
  let total = 0;
  for (const c of counts.values()) total += c;
  let best = 'und';
  let most = 0;
  for (const [lang, words] of Object.entries(FUNCTION_WORDS)) {
    if (lang === 'en') continue;
    let n = 0;
    for (const w of words) n += counts.get(w) ?? 0;
    if (n > most) [best, most] = [lang, n];
  }
  // A handful of function words, a clear share of the terms: below that, any guess is noise.
  if (most >= 5 && most >= 0.08 * total) return best;
  return total >= LANGUAGE_MIN_TERMS ? 'en' : 'und';
}

/**
 * Terms that read the same in any language written in Latin script, from what the clusterer already has: the
 * words of the names it found (folded: "Dörfern Dunlow" → dorfern, dunlow; "Port Almera" → port, almera), and
 * the numbers among the content terms ("120", "1986"). Common capitalised nouns come along (German capitalises
 * them all); they rarely recur in another language.
 * @example anchorTerms(['oskar_lind', 'hafenstadt_port_almera'], ['beben', '120']) // ['oskar', 'lind', 'hafenstadt', 'port', 'almera', '#120']
 */
export function anchorTerms(entityKeys: Iterable<string>, terms: Iterable<string>): string[] {
  const out: string[] = [];
  for (const k of entityKeys) for (const w of k.split('_')) if (w.length >= 3) out.push(NON_ASCII.test(w) ? foldDiacritics(w) : w);
  for (const t of terms) if (t.charCodeAt(0) >= 48 && t.charCodeAt(0) <= 57) out.push(`#${t}`);
  return out;
}
