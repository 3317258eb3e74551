/**
 * The search grammar users type (CLI, API, pages), read into the domain's `SearchQuery` in this one place:
 * words are all required, `"quoted words"` must appear as a phrase, and nothing else is an operator
 * (`OR`, `NEAR`, `-`, `*` and brackets are words or nothing), so no query can fail on its syntax.
 */
import type { SearchQuery } from './storage.js';

/** Words of a text: runs of letters and digits (what every backend's index keeps). */
export function searchWords(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** The words and phrases of a typed query; an unclosed quote quotes nothing (its words stay words). */
export function parseSearchText(text: string): Pick<SearchQuery, 'words' | 'phrases'> {
  const words: string[] = [];
  const phrases: string[] = [];
  const parts = text.split('"');
  // Odd parts sat between quotes; with an odd number of quotes the last part has no closing one.
  const closed = parts.length % 2 === 1 ? parts.length : parts.length - 1;
  parts.forEach((part, i) => {
    const found = searchWords(part);
    if (i % 2 === 1 && i < closed && found.length > 1) phrases.push(found.join(' '));
    else words.push(...found);
  });
  return { words, phrases };
}

/** Whether a query holds nothing to search for. */
export function isEmptySearch(q: Pick<SearchQuery, 'words' | 'phrases'>): boolean {
  return q.words.length === 0 && q.phrases.length === 0;
}
