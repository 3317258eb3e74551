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
    'new breaking live watch news report reports although though yet because despite instead whether while ' +
    'without within through across among amid against between beyond toward towards upon behind except besides unlike via'
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

// Nouns that head a body's name: after title words they make one name with them ("the Foreign
// Ministry", "the State Department"), after a possessive they continue it ("Republican People's
// Party"), and alone they name nothing ("the Ministry said" points back to a full name).
const BODY_HEADS = new Set(
  (
    'ministry ministries office department party committee council agency service services army front movement ' +
    'authority commission bureau assembly parliament cabinet administration directorate secretariat'
  ).split(' '),
);

// Sentence openers that are common words, recognised by their form (reason: "Subsequently, …" and
// "Preparations are under way" open sentences; no name of a person, place or body ends so):
// adverbs in -ly and plural nouns of action in -ions/-ments.
const COMMON_OPENER = /^(?=\p{L}{6,}$)\p{Lu}\p{Ll}+(?:ally|ently|antly|ously|ively|ately|edly|ingly|fully|lessly|early|ibly|ably|ions|ments)$/u;
// A gerund opening a sentence with its object ("Addressing the assembly, …") is a verb, not a name
// (reason: "Beijing has …" is not followed by an article).
/** Characters after a sentence-opening word that its tests read (a word and the next one or two): a bounded slice, not the rest of the text. */
const OPENER_WINDOW = 80;
const GERUND_WITH_OBJECT = /^\p{Lu}\p{Ll}{3,}ing\s+(?:the|a|an|his|her|their|its|this|that|these|those)\s/u;
// A participle opening a sentence ("Running late, …", "Plagued by injuries, …"): a name only when the
// text also capitalises it mid-sentence ("Manning threw …" after "Peyton Manning") or a verb follows
// it as its subject ("Beijing has warned …").
const PARTICIPLE = /^(?=\p{L}{6,}$)\p{Lu}\p{Ll}+(?:ing|ed)$/u;
const SUBJECT_OF = /^\p{L}+(?:['’]s\b|\s+(?:has|have|had|is|was|are|were|will|would|said|says|could|can|may|might|must|should|did|does)\b)/u;
// Contractions are words, never names ("We'll", "He'd", "Don't").
const CONTRACTION = /(?:['’](?:ll|re|ve|d|m)|n['’]t)$/iu;
// A month's abbreviation before a day is a date ("Jan 5"), whereas "Jan Novak" is a name.
const MONTH_BEFORE_DAY = /^(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s*\d/u;

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
  const isInitial = (start: number): boolean => /(?:^|[.!?:\n"“]\s*)$/u.test(text.slice(Math.max(0, start - 3), start));
  // Capitalised words the text writes inside a sentence too.
  const midSentence = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}'’-])\p{Lu}\p{Ll}+(?:ing|ed)(?![\p{L}])/gu)) if (!isInitial(m.index)) midSentence.add(m[0]);
  interface Run { start: number; end: number; words: string[]; person: boolean; initial: boolean; possessive: boolean }
  let run: Run | null = null;
  // Capitalised title words in a row, and the name before them: they join a body's name ("Turkish
  // Foreign Ministry") or announce a person ("Turkish Foreign Minister Hakan Fidan").
  let titles: { start: number; end: number; words: string[]; before: Run | null } | null = null;
  let pendingTitle = false;
  let lastEnd = 0;
  // A full stop after a word of more than three letters ends the sentence ("… warned Washington. Italy …"); after
  // an initial or abbreviation ("J.", "U.S.", "Gen.") it does not.
  let sentenceEnded = false;
  const emit = (r: Run): void => {
    // A trailing connector is not part of the name ("Bank of").
    while (r.words.length && CONNECTORS.has(r.words[r.words.length - 1]!)) r.words.pop();
    if (r.words.length === 1) {
      const only = r.words[0]!.replace(/['’]s$/u, '');
      if (BODY_HEADS.has(only.toLowerCase())) return;
      if (r.initial && !r.person && (lowerSeen.has(only.toLowerCase()) || COMMON_OPENER.test(only) || GERUND_WITH_OBJECT.test(text.slice(r.start, r.start + OPENER_WINDOW)) || (PARTICIPLE.test(only) && !midSentence.has(only) && !SUBJECT_OF.test(text.slice(r.start, r.start + OPENER_WINDOW))))) return;
    }
    if (!r.words.length) return;
    const name = r.words.join(' ').replace(/['’]s$/u, '');
    const key = entityKey(name);
    if (key.length > 1) out.push({ text: name, key, start: r.start, end: r.start + name.length, kind: r.person ? 'person' : 'unknown' });
  };
  const flush = (): void => {
    if (run) emit(run);
    run = null;
  };
  const endTitles = (): void => {
    if (titles?.before) emit(titles.before);
    titles = null;
  };
  for (const m of text.matchAll(WORD)) {
    const word = m[0].replace(/[.'’-]+$/u, '');
    const start = m.index;
    const gap = text.slice(lastEnd, start);
    lastEnd = start + m[0].length;
    // Punctuation or a line break between words ends a name ("Turkey, Russia").
    if (/[^\s]|\n/.test(gap) || sentenceEnded) {
      flush();
      endTitles();
      pendingTitle = false;
    }
    sentenceEnded = /\.$/u.test(m[0]) && word.length > 3 && !word.includes('.');
    if (!word) continue;
    const possessive = /['’]s$/u.test(word);
    const bare = possessive ? word.replace(/['’]s$/u, '') : word;
    const lower = bare.toLowerCase();
    if (isCapitalised(bare) && TITLES.has(lower.replace(/\.$/, ''))) {
      // A possessive title ("the Russian President's office") is followed by no name.
      if (run && run.possessive) flush();
      if (!titles) titles = { start, end: lastEnd, words: [], before: run };
      run = null;
      titles.words.push(bare);
      titles.end = start + bare.length;
      if (possessive) {
        endTitles();
        pendingTitle = false;
      } else pendingTitle = true;
      continue;
    }
    // "New" opens a name when a capitalised word follows ("New York Times"), not otherwise ("New rules").
    const newName = lower === 'new' && /^\s+\p{Lu}/u.test(text.slice(lastEnd, lastEnd + 2));
    if (isCapitalised(bare) && (!NOT_NAMES.has(lower) || newName) && !CONTRACTION.test(word) && !MONTH_BEFORE_DAY.test(text.slice(start, start + 8))) {
      const head = BODY_HEADS.has(lower);
      if (titles) {
        if (head) {
          // "Foreign Ministry": the title words are the body's name, with any name before them.
          run = titles.before ?? { start: titles.start, end: titles.end, words: [], person: false, initial: isInitial(titles.start), possessive: false };
          run.words.push(...titles.words);
          run.person = false;
          titles = null;
          pendingTitle = false;
        } else endTitles();
      }
      // A possessive ends the name ("Russia's Putin" is two names) unless a body's head follows ("People's Party").
      if (run && run.possessive && !head) flush();
      // Words keep their possessive inside a name ("People's Party"); a final one is cut when the name is emitted.
      if (run) {
        run.words.push(word);
        run.possessive = possessive;
      } else {
        run = { start, end: lastEnd, words: [word], person: pendingTitle, initial: isInitial(start), possessive };
      }
      pendingTitle = false;
      continue;
    }
    if (run && !run.possessive && CONNECTORS.has(lower)) {
      run.words.push(lower);
      continue;
    }
    flush();
    endTitles();
    // Lower-case titles ("the foreign minister Sergei Lavrov") announce a name too.
    pendingTitle = TITLES.has(lower);
  }
  flush();
  endTitles();
  return out.sort((x, y) => x.start - y.start);
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
