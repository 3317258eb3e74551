/**
 * Sentence splitting with character offsets into the input, so every later claim can cite the exact
 * sentence. Rule-based: a sentence ends at `.`, `!` or `?` (with any closing quotes or brackets)
 * followed by space and a plausible sentence start, or at a line break. Abbreviations ("Mr.",
 * "Gen.", "U.S."), initials ("J. K. Rowling"), decimals ("5.8") and ellipses inside quotes do not end
 * a sentence.
 */

/** One sentence: `text === input.slice(start, end)`, trimmed. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

// Abbreviations that are followed by a name or number, never end a sentence in news text
// (reason: "Mr. Ushakov", "Gen. Lind", "No. 5", "Jan. 12").
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st mt ft gen col lt capt sgt adm maj cmdr gov sen rep rev hon pres supt insp ' +
    'no nos vol vols fig figs approx est dept corp inc ltd co bros ave blvd rd ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec vs etc al e.g i.e u.s u.k u.n a.m p.m'
  ).split(' '),
);

// Abbreviations that may also close a sentence ("... 200 staff, Inc." is rare; "... in the U.S." is
// common): these end a sentence when the next word is capitalised and not a name-like continuation.
const MAY_END = new Set(['u.s', 'u.k', 'u.n', 'etc', 'inc', 'ltd', 'co', 'corp', 'a.m', 'p.m']);

const CLOSERS = '"\'”’»)]';

function isUpperStart(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** The word (letters and inner dots) that ends right before position `i` of `text`. */
function wordBefore(text: string, i: number): string {
  let j = i;
  while (j > 0 && /[\p{L}\p{N}.]/u.test(text[j - 1]!)) j--;
  return text.slice(j, i);
}

/**
 * Splits `text` into sentences with offsets.
 * @example splitSentences('Mr. Vell said so. "It is safe," he said.')
 *   // → [{ text: 'Mr. Vell said so.', start: 0, end: 17 }, { text: '"It is safe," he said.', start: 18, end: 40 }]
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  if (typeof text !== 'string' || !text) return out;
  let segStart = 0;
  const push = (from: number, to: number): void => {
    while (from < to && /\s/u.test(text[from]!)) from++;
    while (to > from && /\s/u.test(text[to - 1]!)) to--;
    // A lone bullet or punctuation mark is not a sentence.
    if (to > from && /[\p{L}\p{N}]/u.test(text.slice(from, to))) out.push({ text: text.slice(from, to), start: from, end: to });
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      // Scraped text keeps one paragraph or list item per line: a line break always ends a sentence.
      push(segStart, i);
      segStart = i + 1;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    // Take the whole run of terminal punctuation and closing quotes ("?!", '."', '.)').
    let k = i + 1;
    while (k < n && (text[k] === '.' || text[k] === '!' || text[k] === '?')) k++;
    while (k < n && CLOSERS.includes(text[k]!)) k++;
    if (k < n && !/\s/u.test(text[k]!)) {
      i = k - 1;
      continue; // "5.8", "U.S.-led", "Erdoğan's" — no space, no boundary
    }
    // Next non-space character decides.
    let m = k;
    while (m < n && (text[m] === ' ' || text[m] === '\t' || text[m] === '\u00a0')) m++;
    const next = text[m] ?? '';
    if (m < n && next !== '\n') {
      const startsSentence = isUpperStart(next) || /[\p{N}"“‘'(\[«¿¡—–-]/u.test(next);
      if (!startsSentence) {
        i = k - 1;
        continue; // "said 3 p.m. on", "e.g. the", lower-case continuation after an ellipsis
      }
      if (ch === '.' && k === i + 1) {
        const word = wordBefore(text, i).toLowerCase();
        const bare = word.replace(/\.$/u, '');
        // Initials: a single capital letter before the dot ("J. K. Rowling", "George W. Bush").
        if (/^\p{Lu}$/u.test(wordBefore(text, i))) {
          i = k - 1;
          continue;
        }
        if (ABBREVIATIONS.has(bare) && !MAY_END.has(bare)) {
          i = k - 1;
          continue;
        }
      }
    }
    push(segStart, k);
    segStart = k;
    i = k - 1;
  }
  push(segStart, n);
  return out;
}
