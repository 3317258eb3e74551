/**
 * Language identification for articles and short texts (headlines), offline.
 *
 * Backed by `eld` (Nito-ELD, n-gram detector, 60 languages, ISO 639-1 output) with its `small`
 * database: on the TurkuNLP documents (en, de, es, fi, fr, sv) it matched `medium`/`large` within
 * 0.1–0.7 points while loading in about a third of the time and memory of `medium`. See
 * BENCHMARKS.md (`npm run bench -- language`) for the comparison with franc and the figures.
 */
import { eld } from 'eld/small';

/** Fewer letters than this carry too little signal: return null rather than guess. */
export const MIN_LETTERS = 6;

/**
 * Only this many characters are scored: the language is clear long before, and time stays flat.
 * TurkuNLP documents (834, six languages): 99.5 % at 600, 1,000, 1,500 and 4,000 characters alike.
 */
export const MAX_CHARS = 1500;

const LETTER = /\p{L}/gu;

/** Whether `text` holds at least `n` letters; stops at the n-th (counting all of them was a third of the cost). */
function hasLetters(text: string, n: number): boolean {
  let seen = 0;
  for (const _ of text.matchAll(LETTER)) if (++seen >= n) return true;
  return false;
}

export interface DetectOptions {
  /**
   * Null unless the detector calls its guess reliable: a rule that would judge text by the guessed
   * language's words needs the language, not a guess (a letter-shifted paywall text reads as "hr").
   */
  reliableOnly?: boolean;
}

/**
 * ISO 639-1 code of the text's language, or null when the text is too short or unknown.
 *
 * @example detectLanguage('Putin trifft Erdoğan in Astana zum Gipfel') // 'de'
 */
export function detectLanguage(text: string, options: DetectOptions = {}): string | null {
  if (typeof text !== 'string') return null;
  const sample = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  if (!hasLetters(sample, MIN_LETTERS)) return null;
  try {
    const result = eld.detect(sample);
    if (options.reliableOnly && !result.isReliable()) return null;
    return result.language ? result.language : null;
  } catch {
    // Bad input must not stop the pipeline: unknown language instead.
    return null;
  }
}
