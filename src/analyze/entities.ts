/**
 * A light named-entity finder: capitalised word sequences, with honorifics and titles
 * ("President Recep Tayyip Erdogan", "Mr. Ushakov") recognised and stripped. No model, no
 * gazetteer: it finds names, not their types beyond a "person" hint from a title. Fast enough to run
 * on every article (one regex pass).
 */

/** One name found in the text. */
export interface EntityMention {
  /** The name as written, without its title ("Recep Tayyip Erdogan"). */
  text: string;
  /** Lower-cased, diacritics folded, spaces joined by `_`: the key used for matching. */
  key: string;
  /** Character offsets of `text` in the input. */
  start: number;
  end: number;
  /** `person` when a title or honorific preceded it, else `unknown`. */
  kind: 'person' | 'unknown';
}

// Capitalised words that start sentences or headlines without being names.
const NOT_NAMES = new Set(
  (
    'a an and as at but by for from he her his how i if in into is it its me my no not of on or our ' +
    'she so than that the their them then there these they this those to up us was we were what when ' +
    'where which while who why will with would you your after before during since until about also ' +
    'all any both each few more most other some such only own same too very can just should now ' +
    'here today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday ' +
    'january february march april may june july august september october november december ' +
    'mr mrs ms dr said says according however meanwhile share read more photo video updated ' +
    'new breaking live watch news report reports although though yet because despite instead whether while'
  ).split(' '),
);

// Titles that announce a person's name; stripped from the name (reason: "President Putin" and
// "Putin" must match).
const TITLES = new Set(
  (
    'president prime minister premier chancellor king queen prince princess pope sen senator rep ' +
    'representative gov governor mayor gen general col colonel capt captain lt sgt adm admiral ' +
    'judge justice secretary ambassador spokesman spokeswoman spokesperson chief director minister ' +
    'mr mrs ms dr prof professor sir lord lady sheikh vice deputy foreign defense defence interior ' +
    'finance state actress actor singer coach ' +
    // German, French and Spanish forms, so that a name keys alike across languages.
    'präsident präsidentin kanzler kanzlerin bundeskanzler bundeskanzlerin ministerin gouverneur gouverneurin ' +
    'bürgermeister bürgermeisterin herr frau président présidente ministre maire monsieur madame ' +
    'presidente ministra gobernador gobernadora alcalde alcaldesa señor señora'
  ).split(' '),
);

// Lower-case words allowed inside a name ("Bank of England", "Leonardo da Vinci").
const CONNECTORS = new Set(['of', 'de', 'da', 'del', 'della', 'di', 'van', 'von', 'der', 'la', 'le', 'bin', 'al', 'el', 'du']);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.&-]*/gu;

/** Folds diacritics and case so "Erdoğan" and "Erdogan" meet. */
export function entityKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/[.]/g, '')
    .replace(/\s+/g, '_');
}

function isCapitalised(word: string): boolean {
  const c = word.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/**
 * Finds capitalised name sequences in `text`.
 * @example findEntities('Russian President Vladimir Putin met Recep Tayyip Erdogan in Sochi.')
 *   // → Vladimir Putin (person), Recep Tayyip Erdogan, Sochi ("Russian" is kept too: adjectives
 *   //   of nationality are useful signals for grouping)
 */
export function findEntities(text: string): EntityMention[] {
  const out: EntityMention[] = [];
  // Words the text also writes in lower case are common words wherever they open a sentence ("Talks").
  const lowerSeen = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}]*/gu)) lowerSeen.add(m[0]);
  let run: { start: number; end: number; words: string[]; person: boolean; initial: boolean } | null = null;
  let pendingTitle = false;
  let lastEnd = 0;
  const flush = (): void => {
    if (!run) return;
    // A trailing connector is not part of the name ("Bank of").
    while (run.words.length && CONNECTORS.has(run.words[run.words.length - 1]!)) run.words.pop();
    if (run.words.length === 1 && run.initial && !run.person && lowerSeen.has(run.words[0]!.toLowerCase())) run.words.pop();
    if (run.words.length) {
      const name = run.words.join(' ').replace(/['’]s$/u, '');
      const key = entityKey(name);
      if (key.length > 1) out.push({ text: name, key, start: run.start, end: run.start + name.length, kind: run.person ? 'person' : 'unknown' });
    }
    run = null;
  };
  for (const m of text.matchAll(WORD)) {
    const word = m[0].replace(/[.'’-]+$/u, '');
    const start = m.index;
    const gap = text.slice(lastEnd, start);
    lastEnd = start + m[0].length;
    // Punctuation or a line break between words ends a name ("Turkey, Russia").
    const broken = /[^\s]|\n/.test(gap);
    if (broken) {
      flush();
      pendingTitle = false;
    }
    const lower = word.toLowerCase();
    if (!word) continue;
    if (isCapitalised(word) && TITLES.has(lower.replace(/\.$/, ''))) {
      flush();
      pendingTitle = true;
      continue;
    }
    // "New" opens a name when a capitalised word follows ("New York Times"), not otherwise ("New rules").
    const newName = lower === 'new' && /^\s+\p{Lu}/u.test(text.slice(lastEnd, lastEnd + 2));
    if (isCapitalised(word) && (!NOT_NAMES.has(lower) || newName)) {
      const possessive = /['’]s$/u.test(word);
      const bare = possessive ? word.replace(/['’]s$/u, '') : word;
      if (run) {
        run.words.push(bare);
      } else {
        run = { start, end: lastEnd, words: [bare], person: pendingTitle, initial: /(?:^|[.!?:\n"“]\s*)$/u.test(text.slice(Math.max(0, start - 3), start)) };
      }
      pendingTitle = false;
      // A possessive ends the name: "Russia's Putin" is two names.
      if (possessive) flush();
      // A full stop after a word of three letters or more ends the sentence, and the name with it
      // ("… Angela Merkel. Putin's travels"); initials and abbreviations ("J.", "U.S.") do not.
      else if (/^[\p{L}'’-]{3,}\.$/u.test(m[0])) flush();
      continue;
    }
    if (run && CONNECTORS.has(lower)) {
      run.words.push(lower);
      continue;
    }
    flush();
    // Lower-case titles ("the foreign minister Sergei Lavrov") announce a name too.
    pendingTitle = TITLES.has(lower);
  }
  flush();
  return out;
}

/**
 * Entity keys with their counts: each name once under its full key and, for names of several
 * words, once more under its last word (reason: later mentions say "Putin", not "Vladimir Putin").
 */
export function entityCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of findEntities(text)) {
    counts.set(e.key, (counts.get(e.key) ?? 0) + 1);
    const i = e.key.lastIndexOf('_');
    if (i > 0) {
      const last = e.key.slice(i + 1);
      if (last.length > 2) counts.set(last, (counts.get(last) ?? 0) + 1);
    }
  }
  return counts;
}
