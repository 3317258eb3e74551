/**
 * `analyzeStoryline`: compares the sources of one storyline — facts several outlets state, conflicts
 * and updates, single-source claims, quotes, framing and a cited summary. Pure: records in, a
 * JSON-serialisable report out; nothing is read from or written to a store.
 */
import type { ArticleAnalysis, Citation, Conflict, Fact, Quote, ReportArticle, ReportEvent, SingleSourceClaim, StorylineReport } from '../model/index.js';
import { originalOf } from '../model/index.js';
import { splitSentences, type Sentence } from '../analyze/sentences.js';
import type { EntityMention } from '../analyze/entities.js';
import { commentsStartOf, mentionsOf, quotesOf, reportablePartsOf, sentencesOf } from '../analyze/article.js';
import { recurringSentences, sentenceKey } from '../analyze/hygiene.js';
import { annotateContested, summarizeUnits, type SummaryOptions } from '../summarize/index.js';
import { cosine, DEFAULT_ALIGN_OPTIONS, findLinks, groupLinks, makeUnit, sentenceSlots, splitClauses, vectorize, type AlignOptions, type Link, type Unit, type Vector } from './align.js';
import { checkLastClaims, compareStatementsAll, createFactStatus, mergeConflicts, reportsChange } from './conflicts.js';
import { clash as clashDefault, createSupports, deniesFigureOf, supports as supportsDefault } from './agree.js';
import { surnamedPeople } from '../analyze/mentions.js';
import { detectLanguage } from '../analyze/language.js';
import { compareFraming, compileLexicon, findLoadedTerms } from './framing.js';
import { checkTripClaims } from './trips.js';
import type { LexiconCategory } from './lexicon.js';
import type { DateMention } from './text.js';
import { stem } from './text.js';
import { createSourceNamer, namedOutlet } from './sources.js';

/** The article fields the comparison uses (a subset of `Article` / `StoredArticle`). */
export interface CompareArticle {
  id: string;
  title: string | null;
  text: string;
  outlet: string | null;
  published: string | null;
  url?: string | null;
  file?: string | null;
  duplicateOf?: string | null;
  /** Photo captions (kept out of `text` by the cleaner); cited with their index. */
  captions?: string[];
  /** The stored analysis of `text` (sentences, references, quotes); made on the spot when absent or stale. */
  analysis?: ArticleAnalysis | null;
}

/** The input of `analyzeStoryline`. */
export interface StorylineInput {
  articles: CompareArticle[];
  /** The storyline's title as the store lists it; exposed as `storylineTitle` next to the chosen headline. */
  title?: string | null;
  /** Events; `title` is the store's name for the event, used as the report's event title when given. */
  events?: Array<{ id: string; articleIds: string[]; title?: string | null }>;
}

/** A time-expression finder (the time stage's `findTimexes`), used for dates when given. */
export type TimexHook = (text: string, options: { dct: string | null }) => Array<{ start: number; end: number; value: string; text?: string }>;

/** Options of the comparison; every field has a default. */
export interface CompareOptions {
  align: AlignOptions;
  /** Cosine from which aligned statements are compared for conflicts (looser than facts). */
  conflictThreshold: number;
  /** Cap on single-source claims per article (reason: a long opinion piece would flood the list). */
  maxSinglePerArticle: number;
  summary: Partial<SummaryOptions>;
  lexicon?: LexiconCategory[];
  findTimexes?: TimexHook;
}

// Conflict threshold chosen on the seeds and demo corpus: the 5.8/6.1 and 15/12 percent pairs
// align at 0.2–0.4 while sharing their subject; below 0.2 unrelated numbers collide.
export const DEFAULT_COMPARE_OPTIONS: CompareOptions = {
  align: DEFAULT_ALIGN_OPTIONS,
  conflictThreshold: 0.2,
  maxSinglePerArticle: 3,
  summary: {},
};

// Figure pairs are compared across the whole storyline only for units with at most this many
// mentions (bounds the cost on 1,000-article storylines) and sentences at least this similar
// (reason: "34 people" in a quake report and in a ferry story are not one quantity; chosen on the
// demo corpus, where the crack pair scores 0.06 and unrelated figure pairs mostly below 0.03).
const MAX_FIGURE_BUCKET = 150;
const FIGURE_MIN_COSINE = 0.05;
// Shared arguments (see `sharedArguments`) an unaligned figure pair needs to be a conflict: tuned on
// the ECB+ dev stories (3, 4, 5 → 86, 71, 63 conflicts, the extra ones another player's or game's
// figures) and the demo corpus, whose tariff pair shares 10.
const FIGURE_MIN_SHARED = 4;

interface Prepared {
  a: CompareArticle;
  id: string;
  outlet: string;
  title: string;
  text: string;
  source: string;
  sentences: Sentence[];
  units: Unit[];
}

function citationOf(u: Unit): Citation {
  return { article: u.article, sentence: u.sentence.text, start: u.sentence.start, end: u.sentence.end, ...(u.caption !== undefined ? { caption: u.caption } : {}) };
}

function timexDates(hook: TimexHook, text: string, dct: string | null): DateMention[] {
  const out: DateMention[] = [];
  try {
    for (const t of hook(text, { dct })) {
      const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/u.exec(t.value);
      if (m) out.push({ text: t.text ?? text.slice(t.start, t.end), year: Number(m[1]), month: m[2] ? Number(m[2]) : null, day: m[3] ? Number(m[3]) : null, start: t.start, end: t.end });
    }
  } catch {
    return [];
  }
  return out;
}

/** Citations without repeats (several clauses of one sentence cite it once). */
function uniqueCitations(cs: Citation[]): Citation[] {
  const seen = new Set<string>();
  return cs.filter((c) => {
    const k = `${c.article}:${c.caption ?? ''}:${c.start}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Drops groups whose sentences another group already holds (overlapping grouping yields a group
 * and its near copy when two clauses of one sentence both align).
 */
function dedupeGroups(groups: number[][], units: Unit[]): number[][] {
  const sentenceKeys = groups.map((g) => new Set(g.map((u) => `${units[u]!.article}:${units[u]!.caption ?? ''}:${units[u]!.sentence.start}`)));
  const order = groups.map((_, i) => i).sort((a, b) => sentenceKeys[b]!.size - sentenceKeys[a]!.size || a - b);
  const kept: number[] = [];
  // Kept groups by sentence, so each group is compared only with those sharing a sentence.
  const keptBySentence = new Map<string, number[]>();
  for (const i of order) {
    const s = sentenceKeys[i]!;
    const overlap = new Map<number, number>();
    for (const k of s) for (const j of keptBySentence.get(k) ?? []) overlap.set(j, (overlap.get(j) ?? 0) + 1);
    // Mostly the same sentences: the same fact.
    let dup = false;
    for (const n of overlap.values()) if (n >= 0.75 * s.size) dup = true;
    if (dup) continue;
    kept.push(i);
    for (const k of s) {
      let list = keptBySentence.get(k);
      if (!list) keptBySentence.set(k, (list = []));
      list.push(i);
    }
  }
  return kept.sort((a, b) => a - b).map((i) => groups[i]!);
}

/** `true` when a unit's clause is its whole sentence. */
function isWholeSentence(u: Unit): boolean {
  return u.start === u.sentence.start && u.end === u.sentence.end;
}

/**
 * Keeps the members of an aligned group that state what its representative states (see
 * `supports`): the representative is the unit most members agree with (ties: the most central;
 * body text before captions); at most one unit per article, its closest to the representative; and
 * no two members that `clash` (cannot report one happening; see `compatibleMembers`).
 * Null when fewer than two independent outlets remain.
 */
export function verifyGroup(
  g: number[],
  units: Unit[],
  vectors: Vector[],
  supports: (rep: Unit, other: Unit) => boolean = supportsDefault,
  judge: MemberJudge = NO_JUDGE,
): { rep: number; members: number[] } | null {
  let best: { rep: number; members: number[]; sources: number; whole: number; score: number } | null = null;
  for (const x of g) {
    const ux = units[x]!;
    const byArticle = new Map<string, { u: number; sim: number }>();
    byArticle.set(ux.article, { u: x, sim: 2 });
    let central = 0;
    for (const y of g) {
      if (y === x) continue;
      const uy = units[y]!;
      const sim = cosine(vectors[x]!, vectors[y]!);
      central += sim;
      if (uy.article === ux.article || !supports(ux, uy)) continue;
      const prev = byArticle.get(uy.article);
      if (!prev || sim > prev.sim) byArticle.set(uy.article, { u: y, sim });
    }
    const members = compatibleMembers([...byArticle.values()], units, judge);
    const sources = new Set(members.map((m) => units[m]!.source)).size;
    // A whole sentence before a clause of a longer one (reason: the fact shows the representative's
    // whole sentence; a clause's sentence states more than its supporters do).
    const whole = isWholeSentence(ux) ? 1 : 0;
    const score = central * (ux.caption !== undefined ? 0.5 : 1);
    if (!best || sources > best.sources || (sources === best.sources && (whole > best.whole || (whole === best.whole && score > best.score)))) best = { rep: x, members, sources, whole, score };
  }
  return best && best.sources >= 2 ? { rep: best.rep, members: best.members } : null;
}

/**
 * Members of which no two clash: while some do, the member clashing with the most others goes (ties:
 * the one least like the representative), so the majority account is kept. The representative
 * (highest `sim`) stays. Two members naming different participants clash only through the one naming
 * someone the representative's article never names (reason: a headline "Klitschko retains his belts"
 * is about the fight its own article reports, not the other opponent's); when the article names both
 * or neither, they clash both ways.
 */
function compatibleMembers(candidates: Array<{ u: number; sim: number }>, units: Unit[], judge: MemberJudge): number[] {
  const list = [...candidates].sort((a, b) => b.sim - a.sim);
  const rep = units[list[0]!.u]!;
  const clashes = list.map(() => new Set<number>());
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const a = units[list[i]!.u]!;
      const b = units[list[j]!.u]!;
      const why = judge.clash(a, b);
      if (why === null) continue;
      const sa = why === 'different participants' && judge.stranger(a, rep);
      const sb = why === 'different participants' && judge.stranger(b, rep);
      if (sa || !sb) clashes[i]!.add(j);
      if (sb || !sa) clashes[j]!.add(i);
    }
  }
  const gone = new Set<number>();
  for (;;) {
    let worst = -1;
    for (let i = 1; i < list.length; i++) if (!gone.has(i) && clashes[i]!.size && (worst < 0 || clashes[i]!.size >= clashes[worst]!.size)) worst = i;
    if (worst < 0) break;
    gone.add(worst);
    for (const j of clashes[worst]!) clashes[j]!.delete(worst);
    for (const c of clashes) c.delete(worst);
  }
  return list.filter((_, i) => !gone.has(i)).map((m) => m.u);
}

/** What `verifyGroup` asks of two members besides support (see `clash`, `stranger` in agree.ts). */
export interface MemberJudge {
  clash: (a: Unit, b: Unit) => string | null;
  stranger: (member: Unit, rep: Unit) => boolean;
}

const NO_JUDGE: MemberJudge = { clash: clashDefault, stranger: () => false };

/** Figures written with a decimal comma ("5,8" in German, French, Spanish …), as `#5.8` keys. */
function decimalCommaFigures(text: string): string[] {
  return [...text.matchAll(/(?<![\d.,])(\d+),(\d{1,2})(?![\d])/gu)].map((m) => `#${Number(`${m[1]}.${m[2]}`)}`);
}

/** Every name key (`n:` + stemmed word, as `unitFeatures` writes them) each article's units carry. */
function namesOfArticle(units: Unit[]): (article: string) => Set<string> {
  const byArticle = new Map<string, Set<string>>();
  for (const u of units) {
    let set = byArticle.get(u.article);
    if (!set) byArticle.set(u.article, (set = new Set()));
    for (const n of u.names) for (const w of n.key.split('_')) set.add(`n:${stem(w)}`);
  }
  return (article) => byArticle.get(article) ?? new Set();
}

/** The aligned statements of a set of articles: units (clauses), their vectors, links and groups. */
export interface Alignment {
  units: Unit[];
  vectors: Vector[];
  links: Link[];
  /** Groups of aligned units (overlapping allowed), each with units of at least two articles. */
  groups: number[][];
  /** Per input article (same order): its sentences and units. */
  perArticle: Array<{ sentences: Sentence[]; units: Unit[] }>;
}

/**
 * Splits articles into sentences and clauses and aligns them across articles. Independence follows
 * `duplicateOf` (copies share their original's outlet). `minLinkScore` keeps weaker links too (for
 * conflict checks); groups use `options.threshold`.
 */
export function alignArticles(articles: CompareArticle[], options: Partial<AlignOptions> = {}, findTimexes?: TimexHook, minLinkScore?: number): Alignment {
  const o = { ...DEFAULT_ALIGN_OPTIONS, ...options };
  const byId = new Map(articles.map((a) => [a.id, a]));
  const units: Unit[] = [];
  const nameOf = createSourceNamer(articles);
  const split = articles.map((a) => sentencesOf(a.text, a.analysis));
  // Sentences many pages carry on many days are their footers (copies left out: they repeat by nature).
  const recurring = recurringSentences(articles.flatMap((a, i) => (originalOf(a.id, byId) === a.id ? [{ published: a.published, sentences: split[i]!.map((s) => s.text) }] : [])));
  // A name is a person's wherever some article cuts it to the surname (see `surnamedPeople`).
  const surnamed = new Set(articles.flatMap((a) => [...surnamedPeople(a.text)]));
  const perArticle = articles.map((a, i) => {
    const root = byId.get(originalOf(a.id, byId)) ?? a;
    const source = nameOf(root);
    const sentences = split[i]!;
    const commentsFrom = commentsStartOf(a.text, a.analysis);
    const own: Unit[] = [];
    const references = mentionsOf(a.text, a.analysis);
    const addSentence = (s: Sentence, caption?: number, entities?: EntityMention[] | null): void => {
      const slots = sentenceSlots(s.text, entities ?? undefined);
      for (const n of slots.names) if (surnamed.has(n.key)) n.surnamed = true;
      // "He", "Mr. Ushakov", "the Russian leader": the full name is a participant of the sentence too.
      if (caption === undefined) {
        for (const r of references) {
          if (r.start < s.start || r.end > s.end) continue;
          slots.names.push({ text: r.text, key: r.key, place: false, person: true, start: r.start - s.start, end: r.end - s.start, resolved: true });
        }
      }
      for (const [x, y] of o.clauses ? splitClauses(s.text) : [[0, s.text.length] as [number, number]]) {
        own.push(makeUnit(units.length + own.length, a.id, source, s.text.slice(x, y), s.start + x, s.start + y, caption, s, slots));
      }
    };
    // Only reporting becomes a unit: no reader comments, datelines, bylines, footers (see analyze/hygiene).
    for (const { sentence: s, part, entities } of reportablePartsOf(a.text, sentences, a.analysis)) {
      if (part && s.start < commentsFrom && !recurring.has(sentenceKey(s.text))) addSentence(part, undefined, entities);
    }
    (a.captions ?? []).forEach((cap, ci) => {
      if (typeof cap !== 'string') return;
      for (const s of splitSentences(cap)) addSentence(s, ci);
    });
    if (findTimexes) {
      for (const u of own) {
        const d = timexDates(findTimexes, u.text, a.published);
        if (d.length) u.dates = d;
      }
    }
    units.push(...own);
    return { sentences, units: own };
  });
  const { vectors, df } = vectorize(units, o);
  const links = findLinks(units, vectors, df, Math.min(minLinkScore ?? o.threshold, o.threshold), o);
  const groups = dedupeGroups(groupLinks(units, links, o.threshold), units);
  return { units, vectors, links, groups, perArticle };
}

/**
 * Compares the sources of a storyline.
 * @example analyzeStoryline({ articles: [{ id: 'a', title: 'Quake hits valley', text: '...', outlet: 'Times', published: '2025-04-22' }, ...] })
 */
export function analyzeStoryline(input: StorylineInput, options: Partial<CompareOptions> = {}): StorylineReport {
  const o: CompareOptions = { ...DEFAULT_COMPARE_OPTIONS, ...options, align: { ...DEFAULT_ALIGN_OPTIONS, ...(options.align ?? {}) } };
  const raw = (input?.articles ?? []).filter((a) => a && typeof a.id === 'string' && typeof a.text === 'string');
  const byId = new Map(raw.map((a) => [a.id, a]));
  const { units, vectors, links, groups, perArticle } = alignArticles(raw, o.align, o.findTimexes, Math.min(o.conflictThreshold, o.align.threshold));
  const nameOf = createSourceNamer(raw);
  const prepared: Prepared[] = raw.map((a, i) => {
    const root = byId.get(originalOf(a.id, byId))!;
    const outlet = nameOf(a);
    const source = nameOf(root);
    return { a, id: a.id, outlet, title: (a.title ?? '').trim(), text: a.text, source, sentences: perArticle[i]!.sentences, units: perArticle[i]!.units };
  });
  const published = (id: string): string | null => byId.get(id)?.published ?? null;
  const { supports, happeningMismatch, sharedArguments: sharedArgumentsOf, clash, stranger } = createSupports(published, namesOfArticle(units));
  // Named outlets of originals, as the store's storyline list counts them; an article without an
  // outlet is still an independent source of its facts but not a named outlet.
  const outlets = [...new Set(prepared.filter((p) => namedOutlet(byId.get(originalOf(p.id, byId)) ?? p.a)).map((p) => p.source))];
  const multiSourceCount = new Set(prepared.map((p) => p.source)).size;
  const groupIndex = new Int32Array(units.length).fill(-1);
  groups.forEach((g, gi) => g.forEach((u) => (groupIndex[u] = groupIndex[u]! >= 0 ? groupIndex[u]! : gi)));

  // Facts: groups stated by at least two independent outlets. Alignment finds sentences on one
  // topic; only those that state the same thing as the representative count as support.
  const facts: Fact[] = [];
  // Partial support: which clauses of the representative's sentence each citation states (reason: a
  // sentence that states one half of "supplied arms while refusing sanctions" supports only that half).
  const sentenceKey = (u: Unit): string => `${u.article}:${u.caption ?? ''}:${u.sentence.start}`;
  const clauseCount = new Map<string, number>();
  for (const u of units) clauseCount.set(sentenceKey(u), (clauseCount.get(sentenceKey(u)) ?? 0) + 1);
  const coverage = new WeakMap<Fact, { clauses: number; covered: Map<string, Set<number>>; members: number[] }>();
  const sentenceText = (u: Unit): string => `${u.article}\u0000${u.sentence.text}`;
  for (const g of groups) {
    if (new Set(g.map((u) => units[u]!.source)).size < 2) continue;
    const verified = verifyGroup(g, units, vectors, supports, { clash, stranger });
    if (!verified) continue;
    const { rep, members } = verified;
    let total = 0;
    let pairs = 0;
    for (const x of members) {
      for (const y of members) {
        if (x < y && units[x]!.article !== units[y]!.article) {
          total += cosine(vectors[x]!, vectors[y]!);
          pairs++;
        }
      }
    }
    const ordered = [...members].sort((x, y) => x - y);
    const fact: Fact = {
      text: units[rep]!.sentence.text,
      sources: [...new Set(ordered.map((u) => units[u]!.source))],
      articles: [...new Set(ordered.map((u) => units[u]!.article))],
      citations: uniqueCitations(ordered.map((u) => citationOf(units[u]!))),
      score: Math.round((pairs ? total / pairs : 0) * 1000) / 1000,
    };
    const r = units[rep]!;
    const clauses = clauseCount.get(sentenceKey(r)) ?? 1;
    const covered = new Map<string, Set<number>>();
    for (const m of ordered) if (units[m]!.article !== r.article) covered.set(sentenceKey(units[m]!), new Set([r.start]));
    coverage.set(fact, { clauses, covered, members: ordered });
    facts.push(fact);
  }
  // Facts found through different clauses of one sentence are shown once, with all their support
  // that can report one happening with the support already there (see `clash`).
  const byText = new Map<string, Fact>();
  for (const f of facts) {
    const key = `${f.citations.find((c) => c.sentence === f.text)?.article ?? ''}\u0000${f.text}`;
    const prev = byText.get(key);
    if (!prev) {
      byText.set(key, f);
      continue;
    }
    const into = coverage.get(prev)!;
    const from = coverage.get(f)!;
    const known = new Set(into.members.map((m) => sentenceText(units[m]!)));
    const added = from.members.filter((m) => known.has(sentenceText(units[m]!)) || into.members.every((k) => clash(units[k]!, units[m]!) === null));
    const addedKeys = new Set(added.map((m) => sentenceKey(units[m]!)));
    into.members.push(...added.filter((m) => !into.members.includes(m)));
    prev.sources = [...new Set([...prev.sources, ...added.map((m) => units[m]!.source)])];
    prev.articles = [...new Set([...prev.articles, ...added.map((m) => units[m]!.article)])];
    prev.citations = uniqueCitations([...prev.citations, ...added.map((m) => citationOf(units[m]!))]).sort((x, y) => (x.article === y.article ? x.start - y.start : x.article < y.article ? -1 : 1));
    prev.score = Math.max(prev.score, f.score);
    for (const [k, set] of from.covered) if (addedKeys.has(k)) into.covered.set(k, new Set([...(into.covered.get(k) ?? []), ...set]));
  }
  facts.length = 0;
  for (const f of byText.values()) {
    const { clauses, covered } = coverage.get(f)!;
    for (const c of f.citations) {
      const set = covered.get(`${c.article}:${c.caption ?? ''}:${c.start}`);
      if (set && set.size < clauses) c.partial = true;
    }
    // A copy's sentence adds nothing beside its original's: the original is cited, the copy counted under it.
    const cited = new Set(f.citations.map((c) => c.article));
    f.citations = f.citations.filter((c) => {
      const original = originalOf(c.article, byId);
      return original === c.article || !cited.has(original);
    });
    facts.push(f);
  }
  facts.sort((a, b) => b.sources.length - a.sources.length || b.score - a.score);

  // Conflicts: aligned pairs across independent sources, captions against their own article's text,
  // and "last met" claims against every reported meeting.
  const conflicts: Conflict[] = [];
  const seenPair = new Set<string>();
  const sourceOf = new Map(prepared.map((p) => [p.id, p.source]));
  const addConflict = (cs: Conflict[]): void => {
    for (const c of cs) addOne(c);
  };
  // Two values clash only on one happening: same predicate, participants and modality (reason: "13
  // points" for one player and "14 points" for another, or two quakes' magnitudes, are no conflict).
  // A sentence that denies the other's very figure ("12 percent, not the 15 percent claimed") is
  // about the same value whatever else differs.
  const compareClaims = (a: Unit, b: Unit, placeToo: boolean, numbersOnly = false): Conflict[] => {
    const found = compareStatementsAll(a, b, published, placeToo, numbersOnly);
    if (!found.some((c) => c.kind === 'conflict') || deniesFigureOf(a, b) || deniesFigureOf(b, a) || happeningMismatch(a, b) === null) return found;
    return found.filter((c) => c.kind !== 'conflict');
  };
  const addOne = (c: Conflict): void => {
    // Keyed by source and sentence: a wire copy repeats its original's disagreement, not a new one.
    const side = (x: Citation): string => `${sourceOf.get(x.article) ?? x.article}:${x.caption ?? ''}:${x.sentence}`;
    const k = `${side(c.citations[0])}|${side(c.citations[1])}|${c.values.join('|')}`;
    if (seenPair.has(k)) return;
    seenPair.add(k);
    conflicts.push(c);
  };
  const lastKeys = units.map((u) => new Set(u.names.map((n) => n.key.slice(n.key.lastIndexOf('_') + 1))));
  for (const l of links) {
    const a = units[l.a]!;
    const b = units[l.b]!;
    if (a.source === b.source) continue; // copies of one report cannot disagree with it
    // Nothing to compare without a date, figure or place on both sides.
    if (!(a.dates.length || a.numbers.length || a.names.length) || !(b.dates.length || b.numbers.length || b.names.length)) continue;
    // Weaker links need a shared name (reason: similar wording about different actors is not a conflict).
    if (l.score < o.align.threshold) {
      const kb = lastKeys[l.b]!;
      let shared = false;
      for (const k of lastKeys[l.a]!) if (kb.has(k)) shared = true;
      if (!shared) continue;
    }
    addConflict(compareClaims(a, b, l.score >= o.align.threshold));
  }
  const byArticle = new Map(prepared.map((p) => [p.id, p.units]));
  for (const p of prepared) {
    const caps = p.units.filter((u) => u.caption !== undefined);
    if (!caps.length) continue;
    const body = p.units.filter((u) => u.caption === undefined);
    for (const c of caps) {
      for (const b of body) {
        if (cosine(vectors[c.index]!, vectors[b.index]!) < o.align.threshold) continue;
        addConflict(compareClaims(b, c, true));
      }
    }
  }
  addConflict(checkLastClaims(units, byArticle, published));
  addConflict(checkTripClaims(byArticle, citationOf));
  // What a copy changed: its sentences not in its original are compared with the original's, and a
  // changed figure or date is attributed to the copy's own outlet (reason: a reworded copy does not
  // count as a second outlet, but "3 million" where the original says "2 million" is a disagreement).
  const changedBy = new Map<string, string>();
  const preparedById = new Map(prepared.map((p) => [p.id, p]));
  const norm = (t: string): string => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  for (const p of prepared) {
    const original = originalOf(p.id, byId);
    if (original === p.id) continue;
    const root = preparedById.get(original);
    if (!root) continue;
    const kept = new Set(root.units.map((u) => norm(u.sentence.text)));
    for (const c of p.units) {
      if (c.caption !== undefined || kept.has(norm(c.sentence.text))) continue;
      changedBy.set(`${p.id}:${c.sentence.start}`, p.outlet);
      for (const r of root.units) {
        if (r.caption !== undefined || cosine(vectors[r.index]!, vectors[c.index]!) < o.conflictThreshold) continue;
        addConflict(compareClaims(r, c, true));
      }
    }
  }
  // Changed figures of one measured quantity anywhere in the storyline, aligned or not (reason: "a
  // cost of 14 million crowns" and "has risen to 21 million crowns" rarely align as whole sentences).
  const byUnit = new Map<string, number[]>();
  for (const u of units) {
    if (u.caption !== undefined) continue;
    for (const unit of new Set(u.numbers.filter((n) => n.unit && /\d|half|quarter/iu.test(n.text)).map((n) => n.unit))) {
      let list = byUnit.get(unit);
      if (!list) byUnit.set(unit, (list = []));
      list.push(u.index);
    }
  }
  for (const list of byUnit.values()) {
    if (list.length > MAX_FIGURE_BUCKET) continue; // a unit everyone uses ("people") in a huge storyline
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = units[list[x]!]!;
        const b = units[list[y]!]!;
        if (a.source === b.source || cosine(vectors[a.index]!, vectors[b.index]!) < FIGURE_MIN_COSINE) continue;
        // Unaligned statements conflict only when tied by many shared details (reason: on ECB+ dev,
        // loosely tied figure pairs were another player's yards or another quake's toll).
        const found = compareClaims(a, b, false, true);
        addConflict(sharedArgumentsOf(a, b) >= FIGURE_MIN_SHARED ? found : found.filter((c) => c.kind !== 'conflict'));
      }
    }
  }
  const articleOrder = new Map(raw.map((a, i) => [a.id, i]));
  const merged = mergeConflicts(conflicts, (id, cite) => (cite && changedBy.get(`${id}:${cite.start}`)) || (sourceOf.get(id) ?? id), (id) => articleOrder.get(id) ?? raw.length);
  conflicts.length = 0;
  conflicts.push(...merged);
  conflicts.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'conflict' ? -1 : 1));
  // A sentence that conflicts with a fact's representative never counts as its support.
  const clashing = new Set<string>();
  const citeKey = (c: Citation): string => `${c.article}:${c.caption ?? ''}:${c.start}`;
  for (const c of conflicts) {
    const sides = c.sides ?? [{ citations: [c.citations[0]] }, { citations: [c.citations[1]] }];
    for (const x of sides) {
      for (const y of sides) {
        if (x === y) continue;
        for (const p of x.citations) for (const q of y.citations) clashing.add(`${citeKey(p)}|${citeKey(q)}`);
      }
    }
  }
  for (let fi = facts.length - 1; fi >= 0; fi--) {
    const f = facts[fi]!;
    const repCite = f.citations.find((c) => c.sentence === f.text);
    if (!repCite) continue;
    const kept = f.citations.filter((c) => !clashing.has(`${citeKey(repCite)}|${citeKey(c)}`));
    if (kept.length === f.citations.length) continue;
    f.citations = kept;
    f.articles = [...new Set(kept.map((c) => c.article))];
    f.sources = [...new Set(f.articles.map((id) => sourceOf.get(id) ?? id))];
    if (f.sources.length < 2) facts.splice(fi, 1);
  }

  // Who reports, contradicts or is silent on each fact, from the same alignment and conflicts.
  const statusOf = createFactStatus(conflicts, outlets, (id) => sourceOf.get(id) ?? id);
  for (const f of facts) f.status = statusOf(f);

  // Single-source claims: sentences with a date, figure or names no other outlet mentions, and no
  // aligned statement from another outlet.
  const mentionedBy = new Map<string, Set<string>>();
  const note = (k: string, src: string): void => {
    let s = mentionedBy.get(k);
    if (!s) mentionedBy.set(k, (s = new Set()));
    s.add(src);
  };
  const slotKeys = (u: Unit): { dates: string[]; numbers: string[]; names: string[] } => ({
    dates: u.dates.filter((d) => d.year !== null).map((d) => `y${d.year}${d.month ? 'm' + d.month : ''}`),
    // By value alone (reason: "a cost of 14 million crowns" and "the 14 million announced" are one
    // figure though the counted noun is found in only one of them).
    numbers: u.numbers.filter((n) => /\d/u.test(n.text)).map((n) => `#${n.value}`),
    names: u.names.map((n) => n.key.slice(n.key.lastIndexOf('_') + 1)),
  });
  for (const u of units) {
    const k = slotKeys(u);
    for (const x of [...k.dates, ...k.numbers, ...k.names]) note(x, u.source);
    for (const d of u.dates) if (d.year !== null) note(`y${d.year}`, u.source);
  }
  const singleSource: SingleSourceClaim[] = [];
  const maxOther = new Float64Array(units.length);
  for (const l of links) {
    if (units[l.a]!.source === units[l.b]!.source || l.score < o.align.threshold) continue;
    // Aligned but not the same statement ("risen to 21 million" vs "a cost of 14 million"): still alone.
    if (!supports(units[l.a]!, units[l.b]!) && !supports(units[l.b]!, units[l.a]!)) continue;
    maxOther[l.a] = Math.max(maxOther[l.a]!, l.score);
    maxOther[l.b] = Math.max(maxOther[l.b]!, l.score);
  }
  const multiSource = multiSourceCount > 1;
  // A sentence another outlet contradicts is a disagreement, not a claim no one else makes.
  const contested = new Set<string>();
  for (const c of conflicts) if (c.kind === 'conflict' && !c.withinArticle) for (const s of c.sides ?? []) for (const x of s.citations) contested.add(citeKey(x));
  // What articles in another language name: their sentences are not aligned with ours (no shared
  // words), so a claim sharing a name or a figure with one may well be stated there — it is left out
  // rather than called single-source unchecked (reason: the demo's German quake report states the
  // English reports' magnitude, depth and towns).
  const languageOf = new Map(prepared.map((p) => [p.id, detectLanguage(p.text, { reliableOnly: true })]));
  const foreignSlots = (p: Prepared): Set<string> => {
    const own = languageOf.get(p.id);
    const out = new Set<string>();
    if (!own) return out;
    for (const q of prepared) {
      const lang = languageOf.get(q.id);
      if (!lang || lang === own || q.source === p.source) continue;
      for (const u of q.units) {
        for (const n of u.names) out.add(n.key.slice(n.key.lastIndexOf('_') + 1));
        for (const n of u.numbers) if (/\d/u.test(n.text)) out.add(`#${n.value}`);
      }
      for (const x of decimalCommaFigures(q.text)) out.add(x);
    }
    return out;
  };
  for (const p of multiSource ? prepared : []) {
    if (p.source !== p.outlet && originalOf(p.id, byId) !== p.id) continue; // a copy's claims are its original's
    const foreign = foreignSlots(p);
    const scored: Array<{ u: Unit; score: number; reason: string }> = [];
    const alignedSentences = new Set(p.units.filter((v) => v.caption === undefined && maxOther[v.index]! >= o.align.threshold).map((v) => v.sentence.start));
    for (const u of p.units) {
      if (u.caption !== undefined || maxOther[u.index]! >= o.align.threshold || contested.has(citeKey(citationOf(u)))) continue;
      // A sentence with any clause stated elsewhere is not a lone claim.
      if (alignedSentences.has(u.sentence.start)) continue;
      if (u.text.split(/\s+/u).length < 6) continue;
      if (u.names.some((n) => foreign.has(n.key.slice(n.key.lastIndexOf('_') + 1))) || u.numbers.some((n) => /\d/u.test(n.text) && foreign.has(`#${n.value}`)) || decimalCommaFigures(u.text).some((x) => foreign.has(x))) continue;
      const only = (x: string): boolean => (mentionedBy.get(x)?.size ?? 0) === 1;
      const novelDates = u.dates.filter((d) => d.year !== null && only(`y${d.year}${d.month ? 'm' + d.month : ''}`) && only(`y${d.year}`)).map((d) => d.text);
      // Figures in digits only (reason: "two countries", "four years" are wording, not data).
      const novelNumbers = u.numbers.filter((n) => n.unit && /\d/u.test(n.text) && only(`#${n.value}`)).map((n) => n.text);
      const novelNames = [...new Set(u.names.filter((n) => !n.resolved && only(n.key.slice(n.key.lastIndexOf('_') + 1))).map((n) => n.text))];
      const score = 2 * novelDates.length + 2 * novelNumbers.length + Math.min(2, novelNames.length) * (novelDates.length + novelNumbers.length ? 1 : 0.5);
      if (!novelDates.length && !novelNumbers.length && novelNames.length < 2) continue;
      const parts = [];
      if (novelDates.length) parts.push(`date ${novelDates.join(', ')}`);
      if (novelNumbers.length) parts.push(`figure ${novelNumbers.join(', ')}`);
      if (novelNames.length) parts.push(`${novelNames.slice(0, 3).join(', ')}`);
      scored.push({ u, score, reason: `only this outlet mentions ${parts.join('; ')}` });
    }
    scored.sort((a, b) => b.score - a.score || a.u.start - b.u.start);
    const taken = new Set<number>();
    for (const s of scored) {
      if (taken.size >= o.maxSinglePerArticle) break;
      if (taken.has(s.u.sentence.start)) continue;
      taken.add(s.u.sentence.start);
      singleSource.push({ text: s.u.sentence.text, outlet: p.outlet, reason: s.reason, citation: citationOf(s.u) });
    }
  }

  // Quotes.
  const quotes: Quote[] = [];
  const quoteSpans = new Map<string, Array<[number, number]>>();
  for (const p of prepared) {
    const spans: Array<[number, number]> = [];
    for (const q of quotesOf(p.text, p.sentences, p.a.analysis)) {
      const sentence = p.text.slice(q.start, q.end);
      const verbatim = q.verbatim.map(([start, end]) => ({ start, end }));
      quotes.push({ speaker: q.speaker, text: q.text, article: p.id, ...(q.addressee ? { addressee: q.addressee } : {}), verb: q.verb, direct: q.direct, citation: { article: p.id, sentence, start: q.start, end: q.end }, span: { start: q.quoteStart, end: q.quoteEnd }, verbatim });
      spans.push(...q.verbatim);
    }
    quoteSpans.set(p.id, spans);
  }
  // A copy repeats its original's quotes: each is listed once, under the original.
  const quoteKey = (article: string, text: string) => `${article}\u0000${text.replace(/\W+/gu, ' ').trim().toLowerCase()}`;
  const originalQuotes = new Set(quotes.filter((q) => originalOf(q.article, byId) === q.article).map((q) => quoteKey(q.article, q.text)));
  const listedQuotes = quotes.filter((q) => {
    const original = originalOf(q.article, byId);
    return original === q.article || !originalQuotes.has(quoteKey(original, q.text));
  });

  const lexicon = compileLexicon(o.lexicon);
  // Framing: one entry per outlet; copies are left out (their wording is the original's).
  const framing = compareFraming(
    prepared.filter((p) => originalOf(p.id, byId) === p.id).map((p) => ({ id: p.id, outlet: p.outlet, title: p.title, text: p.text, sentences: p.sentences, quoteSpans: quoteSpans.get(p.id) ?? [] })),
    lexicon,
  );

  // Summary.
  const picked = summarizeUnits(
    {
      units,
      vectors,
      groupOf: (i) => (groupIndex[i]! >= 0 ? groups[groupIndex[i]!]! : [i]),
      publishedOf: published,
      supports,
      reportsChange,
      loadedTerms: (sentence) => findLoadedTerms(sentence, lexicon).filter((t) => t.polarity !== 0).length,
      isCopy: (id) => originalOf(id, byId) !== id,
    },
    o.summary,
  );
  const summary = annotateContested(picked, conflicts, (id) => sourceOf.get(id) ?? id);

  // Headlines. Rule (one for the storyline and its events): `headline` is the title of the
  // latest-dated article (publication date; undated articles last, ties in input order), i.e. the
  // latest wording; an event's `title` is the store's event title when given, else its earliest-dated
  // article's title (the store's rule), so the report and /api/events name an event alike.
  const titled = (ids: string[]): Prepared[] => {
    const wanted = new Set(ids);
    return prepared.filter((p) => wanted.has(p.id) && p.title);
  };
  const dateKey = (p: Prepared): string | null => (typeof p.a.published === 'string' && p.a.published.trim() ? p.a.published.trim() : null);
  const pick = (list: Prepared[], latest: boolean): Prepared | undefined => {
    let best: Prepared | undefined;
    for (const p of list) {
      if (!best) {
        best = p;
        continue;
      }
      const a = dateKey(p);
      const b = dateKey(best);
      if (a === null) continue;
      if (b === null || (latest ? a.slice(0, 10) > b.slice(0, 10) : a.slice(0, 10) < b.slice(0, 10))) best = p;
    }
    return best;
  };
  const titleCitation = (p: Prepared): Citation => ({ article: p.id, sentence: p.title, start: 0, end: p.title.length, title: true });
  const headlineOf = (ids: string[]): { headline: string; citation: Citation | null } => {
    const withTitle = titled(ids);
    if (!withTitle.length) {
      // No titles: the first sentence of the latest-dated article.
      const wanted = new Set(ids);
      const p = pick(prepared.filter((x) => wanted.has(x.id) && x.units[0]), true);
      const u = p?.units[0];
      return u ? { headline: u.sentence.text, citation: citationOf(u) } : { headline: '', citation: null };
    }
    const p = pick(withTitle, true)!;
    return { headline: p.title, citation: titleCitation(p) };
  };
  const events: ReportEvent[] = (input?.events ?? []).map((e) => {
    const ids = (e.articleIds ?? []).filter((id) => byId.has(id));
    const stored = typeof e.title === 'string' && e.title.trim() ? e.title.trim() : null;
    const title = stored ?? pick(titled(ids), false)?.title;
    return { id: e.id, articleIds: ids, ...headlineOf(ids), ...(title ? { title } : {}) };
  });
  const articles: ReportArticle[] = prepared.map((p) => ({
    id: p.id,
    title: p.title,
    outlet: p.outlet,
    published: p.a.published ?? null,
    ...(p.a.url ? { url: p.a.url } : {}),
    ...(p.a.file ? { file: p.a.file } : {}),
    ...(p.a.duplicateOf ? { duplicateOf: p.a.duplicateOf } : {}),
    ...(namedOutlet(p.a) ? {} : { unknownOutlet: true }),
  }));

  return {
    headline: headlineOf(prepared.map((p) => p.id)).headline,
    independentSources: multiSourceCount,
    ...(typeof input?.title === 'string' && input.title.trim() ? { storylineTitle: input.title.trim() } : {}),
    articles,
    events,
    outlets,
    facts,
    conflicts,
    singleSource,
    quotes: listedQuotes,
    framing,
    summary,
  };
}
