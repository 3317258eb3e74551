/**
 * The shape of one language's word lists. Every list is a string of spellings: whitespace-separated
 * for stopwords, `|`-separated for the spellings of one item (forms, cases, spellings without
 * diacritics). Lower case unless a field says otherwise.
 */

/** Function words: running prose is full of them, menus, tag lists, prices and credits are not. */
export type StopwordList = string;

/** Words that place a day, week, month or year relative to the text's own date. */
export interface DateWords {
  /** Weekday names, Monday first, in the forms a date takes ("in der Woche" forms, accusatives). */
  weekdays: readonly [string, string, string, string, string, string, string];
  /** The day before yesterday, yesterday, today, tomorrow, the day after tomorrow ('' when the language has no one word). */
  days: readonly [string, string, string, string, string];
  /** The unit nouns that take a "last"/"next"/"this" word: week, month, year. */
  units: { week: string; month: string; year: string };
  /** "last", "next", "this" words written before the weekday or unit ("letzten Freitag", "lo scorso venerdì"). */
  before: { last?: string; next?: string; this?: string };
  /** …and after it ("venerdì scorso", "el viernes pasado", "vendredi dernier"). */
  after: { last?: string; next?: string };
  /** "two days ago": counts and units, and the word written before them ("vor", "hace") or after ("fa", "назад"). */
  ago?: AgoWords;
  /**
   * Tense markers, as regular-expression alternations matched as whole words: a bare weekday or date
   * points forward in a future sentence ("si terrà venerdì") and back otherwise.
   */
  tense?: {
    future: string;
    past: string;
    /** Right before a date, words that make it the date of a thing, not of the clause's action ("il vertice del 25 gennaio"). */
    datedNoun?: string;
  };
  /** Words right before a day word that make it a noun ("la mañana" is the morning, "de morgen" too). */
  notAfter?: string;
  /** Day words that, capitalised, are a noun of their own (German "Morgen" is the morning, "morgen" tomorrow). */
  nounWhenCapitalised?: string;
}

/** The words of "<count> <unit> ago". Units in every form a count takes ("tag|tagen", "год|года|лет"). */
export interface AgoWords {
  before?: string;
  after?: string;
  day: string;
  week: string;
  month: string;
  year: string;
  /** One to ten, in the forms a count takes ("einem|einer|ein"). */
  numbers: readonly string[];
}

export interface LanguageLexicon {
  /** ISO 639-1 code. */
  code: string;
  stopwords: StopwordList;
  /** Null for English, whose dates the time tagger reads with its own richer rules. */
  dates: DateWords | null;
}
