/**
 * Timeline ROUGE as defined by Martschat & Markert (EACL 2017, "Improving ROUGE for Timeline
 * Summarization") in their `tilse` toolkit, which the news-tls evaluation of DATEWISE and CLUST
 * (Ghalandari & Ifrim 2020) calls: `concat`, `agreement` and `align+ m:1` ROUGE-N (the latter is the
 * "AR-N" of later papers), precision and recall from raw n-gram counts, F1 per timeline.
 *
 * The n-gram counts follow ROUGE-1.5.5 as tilse calls it (`-n 2 -m -s -t 2`, one reference):
 * ASCII lower-casing, every character other than `[a-z0-9]` is a separator (a hyphen splits
 * "state-run"), stop words of the SMART list removed (`-s`), tokens longer than three characters
 * Porter-stemmed (`-m`, ROUGE's own Porter variant), and all sentences of a summary joined before
 * n-grams are counted (so a bigram may span two sentences, as in ROUGE). Hits are clipped counts.
 * One deviation: ROUGE looks a token up in WordNet 2.0's irregular-form list before stemming
 * ("held" → "hold", "children" → "child"); that list is not reimplemented here, so irregular forms
 * are stemmed by Porter's rules only. pyrouge's HTML quirks (a sentence cut at "<", "^" written as
 * "&circ;") are not reproduced either. Tokenising and stemming were checked token for token against ROUGE-1.5.5's
 * own Perl routines on 41,535 tokens of Timeline17 text (references and articles): no difference.
 *
 * Pure functions; dates are `YYYY-MM-DD`.
 */

/** A timeline as text: dates with their sentences (a reference or a system's output). */
export type DatedText = ReadonlyArray<{ date: string; sentences: readonly string[] }>;

/** Precision, recall and F1 (F1 = 0 when both are 0). */
export interface PRF {
  p: number;
  r: number;
  f: number;
}

/** Harmonic mean of precision and recall. */
export function f1(p: number, r: number): number {
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

// The SMART stop list (Salton's SMART system, `english.stop`), which ROUGE-1.5.5 ships as
// smart_common_words.txt. Entries with an apostrophe ("a's", "don't") are left out: ROUGE's
// tokeniser splits at apostrophes, so no token can ever equal them.
const SMART_WORDS = `
a able about above according accordingly across actually after afterwards again against all allow
allows almost alone along already also although always am among amongst an and another any anybody
anyhow anyone anything anyway anyways anywhere apart appear appreciate appropriate are around as
aside ask asking associated at available away awfully b be became because become becomes becoming
been before beforehand behind being believe below beside besides best better between beyond both
brief but by c came can cannot cant cause causes certain certainly changes clearly co com come comes
concerning consequently consider considering contain containing contains corresponding could course
currently d definitely described despite did different do does doing done down downwards during e
each edu eg eight either else elsewhere enough entirely especially et etc even ever every everybody
everyone everything everywhere ex exactly example except f far few fifth first five followed
following follows for former formerly forth four from further furthermore g get gets getting given
gives go goes going gone got gotten greetings h had happens hardly has have having he hello help
hence her here hereafter hereby herein hereupon hers herself hi him himself his hither hopefully how
howbeit however i ie if ignored immediate in inasmuch inc indeed indicate indicated indicates inner
insofar instead into inward is it its itself j just k keep keeps kept know knows known l last lately
later latter latterly least less lest let like liked likely little look looking looks ltd m mainly
many may maybe me mean meanwhile merely might more moreover most mostly much must my myself n name
namely nd near nearly necessary need needs neither never nevertheless new next nine no nobody non
none noone nor normally not nothing novel now nowhere o obviously of off often oh ok okay old on once
one ones only onto or other others otherwise ought our ours ourselves out outside over overall own p
particular particularly per perhaps placed please plus possible presumably probably provides q que
quite qv r rather rd re really reasonably regarding regardless regards relatively respectively right
s said same saw say saying says second secondly see seeing seem seemed seeming seems seen self selves
sensible sent serious seriously seven several shall she should since six so some somebody somehow
someone something sometime sometimes somewhat somewhere soon sorry specified specify specifying still
sub such sup sure t take taken tell tends th than thank thanks thanx that thats the their theirs
them themselves then thence there thereafter thereby therefore therein theres thereupon these they
think third this thorough thoroughly those though three through throughout thru thus to together too
took toward towards tried tries truly try trying twice two u un under unfortunately unless unlikely
until unto up upon us use used useful uses using usually uucp v value various very via viz vs w want
wants was way we welcome well went were what whatever when whence whenever where whereafter whereas
whereby wherein whereupon wherever whether which while whither who whoever whole whom whose why will
willing wish with within without wonder would x y yes yet you your yours yourself yourselves z zero`;

/** ROUGE-1.5.5's stop words (`-s`): the SMART list. */
export const ROUGE_STOP_WORDS: ReadonlySet<string> = new Set(SMART_WORDS.split(/\s+/u).filter(Boolean));

/**
 * ROUGE-1.5.5's tokens before stop words and stemming: ASCII lower case, runs of `[a-z0-9]`.
 * @example rougeTokenize("State-run TV's 3rd report") // ['state', 'run', 'tv', 's', '3rd', 'report']
 */
export function rougeTokenize(text: string): string[] {
  // ASCII only, as Perl's tr/A-Z/a-z/ (reason: toLowerCase would turn "İ" into a counted "i").
  return text.replace(/[A-Z]+/gu, (c) => c.toLowerCase()).split(/[^a-z0-9]+/u).filter(Boolean);
}

// Porter's measure, written as patterns over consonant (C) and vowel (V) sequences; a `y` after a
// consonant counts as a vowel, an initial `y` is uppercased first so that it stays a consonant.
const CONS_SEQ = '[^aeiou][^aeiouy]*';
const VOWEL_SEQ = '[aeiouy][aeiou]*';
const MEASURE_GT0 = new RegExp(`^(${CONS_SEQ})?${VOWEL_SEQ}${CONS_SEQ}`, 'u');
const MEASURE_EQ1 = new RegExp(`^(${CONS_SEQ})?${VOWEL_SEQ}${CONS_SEQ}(${VOWEL_SEQ})?$`, 'u');
const MEASURE_GT1 = new RegExp(`^(${CONS_SEQ})?${VOWEL_SEQ}${CONS_SEQ}${VOWEL_SEQ}${CONS_SEQ}`, 'u');
const HAS_VOWEL = new RegExp(`^(${CONS_SEQ})?[aeiouy]`, 'u');
/** A short word ending consonant–vowel–consonant (last one not w, x, y): "hop" → "hope". */
const SHORT_CVC = new RegExp(`^${CONS_SEQ}[aeiouy][^aeiouwxy]$`, 'u');

const STEP2: Record<string, string> = {
  ational: 'ate', tional: 'tion', enci: 'ence', anci: 'ance', izer: 'ize', bli: 'ble', alli: 'al', entli: 'ent', eli: 'e', ousli: 'ous',
  ization: 'ize', ation: 'ate', ator: 'ate', alism: 'al', iveness: 'ive', fulness: 'ful', ousness: 'ous', aliti: 'al', iviti: 'ive', biliti: 'ble', logi: 'log',
};
const STEP3: Record<string, string> = { icate: 'ic', ative: '', alize: 'al', iciti: 'ic', ical: 'ic', ful: '', ness: '' };
// Longest suffix wins: at the leftmost position that reaches the end only one alternative can match.
const STEP2_RE = new RegExp(`(${Object.keys(STEP2).join('|')})$`, 'u');
const STEP3_RE = new RegExp(`(${Object.keys(STEP3).join('|')})$`, 'u');
const STEP4_RE = /(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$/u;

/** Replaces `suffix` (a match at the end of `w`) by `by` when the rest satisfies `cond`. */
function swap(w: string, suffix: string, by: string, cond: RegExp): string {
  const stem = w.slice(0, w.length - suffix.length);
  return cond.test(stem) ? stem + by : w;
}

/**
 * Porter's stemmer (1980) as ROUGE-1.5.5 runs it: Martin Porter's reference variant (step 2 maps
 * "bli" → "ble" and "logi" → "log") with ROUGE's change to step 4, where "-ment" and "-ent" are
 * tried one after the other after the main suffix list (so "agreement" → "agreem", where the paper
 * keeps "agreement"). Expects a lower-case token; words shorter than 3 letters are returned as is.
 * @example porterStem('relational') // 'relat'
 */
export function porterStem(word: string): string {
  if (word.length < 3) return word;
  const initialY = word.startsWith('y');
  let w = initialY ? `Y${word.slice(1)}` : word;
  let m: RegExpExecArray | null;

  // Step 1a: plurals.
  if ((m = /(ss|i)es$/u.exec(w))) w = w.slice(0, -2);
  else if (/[^s]s$/u.test(w)) w = w.slice(0, -1);
  // Step 1b: -eed, -ed, -ing.
  if (w.endsWith('eed')) {
    if (MEASURE_GT0.test(w.slice(0, -3))) w = w.slice(0, -1);
  } else if ((m = /(ed|ing)$/u.exec(w)) && HAS_VOWEL.test(w.slice(0, m.index))) {
    w = w.slice(0, m.index);
    if (/(at|bl|iz)$/u.test(w)) w += 'e';
    else if (/([^aeiouylsz])\1$/u.test(w)) w = w.slice(0, -1);
    else if (SHORT_CVC.test(w)) w += 'e';
  }
  // Step 1c: y → i after a vowel somewhere in the stem.
  if (w.endsWith('y') && HAS_VOWEL.test(w.slice(0, -1))) w = `${w.slice(0, -1)}i`;
  // Steps 2 and 3: double and single suffixes, when the measure of the rest is > 0.
  if ((m = STEP2_RE.exec(w))) w = swap(w, m[1]!, STEP2[m[1]!]!, MEASURE_GT0);
  if ((m = STEP3_RE.exec(w))) w = swap(w, m[1]!, STEP3[m[1]!]!, MEASURE_GT0);
  // Step 4: residual suffixes when the measure is > 1 (ROUGE's order: list, then -ment, then -ent or -sion/-tion).
  if ((m = STEP4_RE.exec(w))) w = swap(w, m[1]!, '', MEASURE_GT1);
  if (w.endsWith('ment')) w = swap(w, 'ment', '', MEASURE_GT1);
  if (w.endsWith('ent')) w = swap(w, 'ent', '', MEASURE_GT1);
  else if (/[st]ion$/u.test(w)) w = swap(w, 'ion', '', MEASURE_GT1);
  // Step 5: final -e and -ll.
  if (w.endsWith('e')) {
    const stem = w.slice(0, -1);
    if (MEASURE_GT1.test(stem) || (MEASURE_EQ1.test(stem) && !SHORT_CVC.test(stem))) w = stem;
  }
  if (w.endsWith('ll') && MEASURE_GT1.test(w)) w = w.slice(0, -1);
  return initialY ? `y${w.slice(1)}` : w;
}

/**
 * The tokens ROUGE-1.5.5 counts with `-m -s`: `rougeTokenize`, SMART stop words dropped, tokens
 * longer than 3 characters Porter-stemmed. `cache` (optional, owned by the caller) memoises stems.
 */
export function rougeTokens(text: string, cache?: Map<string, string>): string[] {
  const out: string[] = [];
  for (const t of rougeTokenize(text)) {
    if (ROUGE_STOP_WORDS.has(t)) continue;
    if (t.length <= 3) {
      out.push(t);
      continue;
    }
    let s = cache?.get(t);
    if (s === undefined) {
      s = porterStem(t);
      cache?.set(t, s);
    }
    out.push(s);
  }
  return out;
}

/** Counts of the n-grams of a token sequence (n-grams joined by a space). */
export function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const g = tokens.slice(i, i + n).join(' ');
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE's raw counts: clipped hits, n-grams in the system text (peer) and in the reference (model). */
export interface RougeCounts {
  hit: number;
  peer: number;
  model: number;
}

function total(c: ReadonlyMap<string, number>): number {
  let s = 0;
  for (const x of c.values()) s += x;
  return s;
}

/** Clipped n-gram overlap of a system text and a reference text, from their n-gram counts. */
export function rougeCounts(peer: ReadonlyMap<string, number>, model: ReadonlyMap<string, number>): RougeCounts {
  let hit = 0;
  const [small, large] = peer.size < model.size ? [peer, model] : [model, peer];
  for (const [g, c] of small) hit += Math.min(c, large.get(g) ?? 0);
  return { hit, peer: total(peer), model: total(model) };
}

/** Plain ROUGE-N of one system text against one reference text (ROUGE-1.5.5 `-m -s`). */
export function rougeN(system: string, reference: string, n: number): PRF {
  const cache = new Map<string, string>();
  const c = rougeCounts(ngramCounts(rougeTokens(system, cache), n), ngramCounts(rougeTokens(reference, cache), n));
  const p = c.peer ? c.hit / c.peer : 0;
  const r = c.model ? c.hit / c.model : 0;
  return { p, r, f: f1(p, r) };
}

/** One date of a timeline, analysed once for every variant and n. */
interface DayText {
  date: string;
  day: number;
  /** ROUGE tokens of all its sentences, joined. */
  tokens: string[];
  /** Whitespace tokens, as is (tilse's content approximation for the alignment cost). */
  raw: Map<string, number>;
  rawTotal: number;
  grams: Map<number, Map<string, number>>;
}

function dayNumber(date: string): number {
  const t = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isFinite(t) ? Math.round(t / 86_400_000) : NaN;
}

function analyse(tl: DatedText, cache: Map<string, string>): DayText[] {
  // Sentences of repeated dates are merged (a timeline has one summary per date).
  const byDate = new Map<string, string[]>();
  for (const e of tl) {
    if (!e || typeof e.date !== 'string') continue;
    const list = byDate.get(e.date) ?? [];
    list.push(...(e.sentences ?? []).filter((s) => typeof s === 'string'));
    byDate.set(e.date, list);
  }
  return [...byDate.entries()]
    .filter(([date]) => Number.isFinite(dayNumber(date)))
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([date, sentences]) => {
      const raw = new Map<string, number>();
      for (const s of sentences) for (const t of s.split(/\s+/u)) if (t) raw.set(t, (raw.get(t) ?? 0) + 1);
      return { date, day: dayNumber(date), tokens: rougeTokens(sentences.join(' '), cache), raw, rawTotal: total(raw), grams: new Map() };
    });
}

function gramsOf(d: DayText, n: number): Map<string, number> {
  let g = d.grams.get(n);
  if (!g) d.grams.set(n, (g = ngramCounts(d.tokens, n)));
  return g;
}

/**
 * tilse's cheap content similarity for the alignment cost: unigram F1 over whitespace tokens as
 * written (no lower-casing, stemming or stop words).
 */
function contentSimilarity(a: DayText, b: DayText): number {
  let match = 0;
  for (const [t, c] of a.raw) match += Math.min(c, b.raw.get(t) ?? 0);
  return f1(a.rawTotal ? match / a.rawTotal : 0, b.rawTotal ? match / b.rawTotal : 0);
}

/** The date weight of aligned dates: 1 / (|d − d'| + 1) in days. */
export function dateWeight(a: string, b: string): number {
  return 1 / (Math.abs(dayNumber(a) - dayNumber(b)) + 1);
}

function prf(pNum: number, pDen: number, rNum: number, rDen: number): PRF {
  const p = pDen ? pNum / pDen : 0;
  const r = rDen ? rNum / rDen : 0;
  return { p, r, f: f1(p, r) };
}

function concatOf(sys: DayText[], ref: DayText[], n: number): PRF {
  const c = rougeCounts(ngramCounts(sys.flatMap((d) => d.tokens), n), ngramCounts(ref.flatMap((d) => d.tokens), n));
  return prf(c.hit, c.peer, c.hit, c.model);
}

function agreementOf(sys: DayText[], ref: DayText[], n: number): PRF {
  const refBy = new Map(ref.map((d) => [d.date, d]));
  let hit = 0;
  let peer = 0;
  let model = 0;
  for (const d of sys) {
    peer += total(gramsOf(d, n));
    const r = refBy.get(d.date);
    if (r) hit += rougeCounts(gramsOf(d, n), gramsOf(r, n)).hit;
  }
  for (const r of ref) model += total(gramsOf(r, n));
  return prf(hit, peer, hit, model);
}

/**
 * For every date of `from`, the date of `to` with the lowest alignment cost
 * (1 − 1/(|d − d'| + 1)) × (1 − content similarity); ties go to the earliest date, as numpy's argmin.
 */
function alignManyToOne(from: DayText[], to: DayText[], sim: (a: DayText, b: DayText) => number): number[] {
  return from.map((a) => {
    let best = -1;
    let bestCost = Infinity;
    for (let j = 0; j < to.length; j++) {
      const b = to[j]!;
      const dateCost = 1 - 1 / (Math.abs(a.day - b.day) + 1);
      // The content term only matters when the dates differ (same day: cost 0 whatever the text).
      const cost = dateCost === 0 ? 0 : dateCost * (1 - sim(a, b));
      if (cost < bestCost) {
        bestCost = cost;
        best = j;
      }
    }
    return best;
  });
}

/** The two many-to-one alignments (system → reference for precision, reference → system for recall). */
interface Alignment {
  sysToRef: number[];
  refToSys: number[];
}

function alignmentOf(sys: DayText[], ref: DayText[]): Alignment {
  const memo = new Map<string, number>();
  // Similarity of a system date and a reference date, symmetric, computed once per pair.
  const sim = (s: DayText, r: DayText): number => {
    const k = `${s.date}|${r.date}`;
    let v = memo.get(k);
    if (v === undefined) memo.set(k, (v = contentSimilarity(s, r)));
    return v;
  };
  return { sysToRef: alignManyToOne(sys, ref, sim), refToSys: alignManyToOne(ref, sys, (r, s) => sim(s, r)) };
}

function alignM1Of(sys: DayText[], ref: DayText[], n: number, al: Alignment): PRF {
  let pNum = 0;
  let pDen = 0;
  let rNum = 0;
  let rDen = 0;
  sys.forEach((s, i) => {
    const g = gramsOf(s, n);
    pDen += total(g);
    const r = ref[al.sysToRef[i]!];
    if (r) pNum += rougeCounts(g, gramsOf(r, n)).hit / (Math.abs(s.day - r.day) + 1);
  });
  ref.forEach((r, j) => {
    const g = gramsOf(r, n);
    rDen += total(g);
    const s = sys[al.refToSys[j]!];
    if (s) rNum += rougeCounts(gramsOf(s, n), g).hit / (Math.abs(s.day - r.day) + 1);
  });
  return prf(pNum, pDen, rNum, rDen);
}

/**
 * `concat` ROUGE-N: all sentences of each timeline joined in date order, then ROUGE-N (dates ignored).
 */
export function concatRouge(system: DatedText, reference: DatedText, n: number): PRF {
  const cache = new Map<string, string>();
  return concatOf(analyse(system, cache), analyse(reference, cache), n);
}

/**
 * `agreement` ROUGE-N: n-gram hits counted only between summaries of the same date; precision over
 * all system n-grams, recall over all reference n-grams.
 */
export function agreementRouge(system: DatedText, reference: DatedText, n: number): PRF {
  const cache = new Map<string, string>();
  return agreementOf(analyse(system, cache), analyse(reference, cache), n);
}

/**
 * `align+ m:1` ROUGE-N (the "AR-N" of the timeline papers): for precision each system date is
 * aligned to the reference date of lowest cost (1 − 1/(|d − d'| + 1)) × (1 − content similarity),
 * for recall each reference date to a system date the same way (several dates may share one);
 * aligned summaries are compared with ROUGE-N and their hits weighted by 1/(|d − d'| + 1).
 * An empty system timeline scores 0.
 */
export function alignM1Rouge(system: DatedText, reference: DatedText, n: number): PRF {
  const cache = new Map<string, string>();
  const sys = analyse(system, cache);
  const ref = analyse(reference, cache);
  return alignM1Of(sys, ref, n, alignmentOf(sys, ref));
}

/** Every variant the bench reports for one system timeline against one reference timeline. */
export interface TimelineRouge {
  concat1: PRF;
  concat2: PRF;
  agreement1: PRF;
  agreement2: PRF;
  /** align+ m:1 ROUGE-1 (AR-1). */
  align1: PRF;
  /** align+ m:1 ROUGE-2 (AR-2). */
  align2: PRF;
}

/** All variants at once (tokenises and aligns once). */
export function timelineRouge(system: DatedText, reference: DatedText): TimelineRouge {
  const cache = new Map<string, string>();
  const sys = analyse(system, cache);
  const ref = analyse(reference, cache);
  const al = alignmentOf(sys, ref);
  return {
    concat1: concatOf(sys, ref, 1),
    concat2: concatOf(sys, ref, 2),
    agreement1: agreementOf(sys, ref, 1),
    agreement2: agreementOf(sys, ref, 2),
    align1: alignM1Of(sys, ref, 1, al),
    align2: alignM1Of(sys, ref, 2, al),
  };
}

/** Averages over timelines as news-tls does: mean precision and mean recall, then their F1. */
export function meanPRF(rows: readonly PRF[]): PRF {
  if (!rows.length) return { p: 0, r: 0, f: 0 };
  const p = rows.reduce((s, x) => s + x.p, 0) / rows.length;
  const r = rows.reduce((s, x) => s + x.r, 0) / rows.length;
  return { p, r, f: f1(p, r) };
}
