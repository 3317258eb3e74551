/**
 * Stopword sets from the per-language lists. Lists are short on purpose: the most frequent function
 * words carry the signal of running prose.
 */
import { LEXICONS } from './languages.js';

const SETS: Readonly<Record<string, ReadonlySet<string>>> = Object.fromEntries(
  Object.values(LEXICONS).map((l) => [l.code, new Set(l.stopwords.split(/\s+/).filter(Boolean))]),
);

/** Every list together: for a text whose language could not be told. */
const UNION: ReadonlySet<string> = new Set(Object.values(SETS).flatMap((s) => [...s]));

/**
 * The stopword set of an ISO 639-1 code; the union of all lists when the language is unknown (null);
 * null when the language is known but has no list, so that no rule judges its prose by other
 * languages' words (Italian prose has almost none of the French or Spanish function words).
 *
 * @example stopwordsFor('it')?.has('della') // true
 * @example stopwordsFor('ca') // null
 */
export function stopwordsFor(language: string | null): ReadonlySet<string> | null {
  if (language === null) return UNION;
  return SETS[language] ?? null;
}

const ELISION = /^(\p{L}+)['’]\p{L}/u;

/**
 * Whether a word is a stopword of the set, an elided one included: "l'anno", "dell'UE", "d'un"
 * open with the article or preposition that the list holds as "l", "dell", "d".
 */
export function isStopword(word: string, stops: ReadonlySet<string>): boolean {
  const w = word.toLowerCase();
  if (stops.has(w)) return true;
  if (!w.includes("'") && !w.includes('’')) return false;
  const elided = ELISION.exec(w);
  return !!elided && stops.has(elided[1]!);
}
