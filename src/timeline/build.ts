/**
 * `buildTimeline`: every dated happening of a storyline's articles, merged across articles (the
 * same happening reported by three outlets is one entry with three sources), ordered by date.
 * Mentions are aligned when their dates agree (equal, or one a partial form of the other) and their
 * sentences share enough content words.
 */
import type { Citation, TimelineEntry } from '../model/index.js';
import { originalOf } from '../model/index.js';
import { splitSentences } from '../analyze/sentences.js';
import { compileLexicon, contentStems, findLoadedTerms } from '../compare/index.js';
import type { LexiconCategory } from '../compare/index.js';
import { datedMentions, isLongBefore, publicationDay, type DatedMention, type DatedOptions, type TimelineArticle } from './dated.js';
import { furniturePrefixLength, isReportableSentence } from '../analyze/hygiene.js';

/** Options of `buildTimeline`; every field has a default. */
export interface TimelineOptions extends DatedOptions {
  /** Content overlap (Dice over content stems) from which two mentions of the same date are one happening. */
  sameDateOverlap: number;
  /** Overlap needed to merge a partial date into a more precise one ("in 2022" into "February 24, 2022"). */
  partialDateOverlap: number;
  /** Added to the overlap for each shared rare name (one that at most `rareName` of all mentions carry). */
  nameBonus: number;
  /** Share of mentions up to which a name is rare (at least two mentions). */
  rareName: number;
  /** Sentences up to this length are quoted whole; longer ones are trimmed to the dated clause. */
  maxWholeSentence: number;
  /** Loaded-term lexicon (default `FRAMING_LEXICON`): sentences using it never describe a happening a neutral one dates. */
  lexicon?: LexiconCategory[];
}

// Tuned on the five seeds: the Sochi meeting sentences of one outlet overlap at 0.2–0.3 ("met",
// "Erdogan", "Russia"), while different happenings of one year ("peace talks in 2022" vs "invasion
// in 2022") stay below 0.15. Partial-into-precise merging needs more evidence. A shared rare place
// ("Sochi": 3 of 28 seed mentions; "Putin" 11, "Erdogan" 8 are above the 20 % line) lifts two outlets' wordings of one meeting over the line;
// names every mention carries ("Putin") do not count.
export const DEFAULT_TIMELINE_OPTIONS: TimelineOptions = {
  sameDateOverlap: 0.2,
  partialDateOverlap: 0.3,
  nameBonus: 0.1,
  rareName: 0.2,
  maxWholeSentence: 220,
};

interface Group {
  date: string;
  mentions: DatedMention[];
  stems: Set<string>;
  names: Set<string>;
}

/**
 * Capitalised words inside a stretch of text (not its first word, not calendar words), lower-cased:
 * the names and places a happening is told with.
 */
export function namesIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<=[\s(“"'‘])\p{Lu}[\p{L}’'-]+/gu)) {
    const w = m[0].replace(/['’]s$/u, '').toLowerCase();
    if (!CALENDAR_WORDS.has(w)) out.add(w);
  }
  return out;
}

const CALENDAR_WORDS = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday the a an in on at he she it they we i this that'.split(' '),
);

/** Dice coefficient of two sets. */
function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return (2 * n) / (a.size + b.size);
}

// A time expression that names a month or a year; without one ("on Monday", "today") a caption's
// date is only the day the photo was taken.
const CALENDAR_NAMED = /\d{4}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b/iu;

/**
 * A photo caption dated only relative to the report ("Commuters queue for the ferry on Monday"):
 * it may join a happening the body dates, but is no happening of its own (reason: captions describe
 * the picture; one that names a full date, "in Astana on October 13, 2022", reports a happening).
 */
export function isPhotoDay(m: DatedMention): boolean {
  return m.caption !== undefined && !CALENDAR_NAMED.test(m.timex.text);
}

// Dice overlap of content stems from which a caption retells a sentence of its article (chosen on
// the demo corpus: a protest caption and its body sentence overlap at 0.7, a commuter photo and the
// body's ferry sentence at about 0.2).
const CAPTION_RETELLS = 0.4;

/** Whether a caption mention retells a sentence of its article's title or body. */
function retold(m: DatedMention, article: TimelineArticle | undefined): boolean {
  if (!article) return false;
  const own = new Set(contentStems(comparedText(m)));
  const lines = [article.title ?? '', ...splitSentences(article.text ?? '').map((x) => x.text)];
  return lines.some((line) => dice(own, new Set(contentStems(line))) >= CAPTION_RETELLS);
}

/** Whether `a` and `b` can be the same day: equal, or one is a partial form (prefix) of the other. */
export function compatibleDates(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}-`) || b.startsWith(`${a}-`);
}

/** Text of a mention: the whole sentence when short, else the dated clause with its subject. */
function mentionText(m: DatedMention, article: TimelineArticle, maxWhole: number): string {
  const src = m.caption !== undefined ? (article.captions?.[m.caption] ?? '') : article.text;
  if (m.alone && m.sentence.text.length <= maxWhole) return m.sentence.text;
  return src.slice(m.description.start, m.description.end).trim();
}

function citationOf(m: DatedMention): Citation {
  return { article: m.article, sentence: m.sentence.text, start: m.sentence.start, end: m.sentence.end, ...(m.caption !== undefined ? { caption: m.caption } : {}) };
}

/**
 * The words a mention is compared on, without the date's own words: the whole sentence when it dates
 * only this happening, else the stretch around the date (reason: "met in Tehran in July 2022 …
 * following the invasion on February 24, 2022" dates two happenings with different words).
 */
function stemsOf(m: DatedMention): Set<string> {
  return new Set(contentStems(comparedText(m)));
}

/** The text a mention is compared on: the sentence (or the stretch around its date) without the date. */
function comparedText(m: DatedMention): string {
  const s = m.sentence;
  const a = m.alone ? s.start : m.clause.start;
  const b = m.alone ? s.end : m.clause.end;
  return `${s.text.slice(a - s.start, Math.max(a, m.timex.start) - s.start)} ${s.text.slice(Math.min(b, m.timex.end) - s.start, b - s.start)}`;
}

/**
 * The mentions that date what their sentence reports, page stamps left out (the day counts of
 * `summarizeTimeline` and its baseline keep them: a dateline names the publication day, which they
 * weigh anyway). "…, the ministry said on Wednesday" dates the
 * report, not a happening: kept only when nothing else dates the sentence — or when everything else
 * is a plan's target ("The council announced on Monday that the vote is scheduled for next month"
 * tells an announcement made on Monday; the vote has not happened next month). A plan's target never
 * dates its sentence: a sentence dated only by targets tells the announcement, dated by the report's
 * month (`reportMonth`, `YYYY-MM` of the article's publication; left out when unknown).
 */
export function datedHappenings(mentions: DatedMention[], reportMonth: (article: string) => string | null = () => null): DatedMention[] {
  const bySentence = new Map<string, DatedMention[]>();
  for (const m of mentions) {
    // A dateline, a time stamp or a reader's comment header dates the page, not a happening; so does a
    // date inside a dateline prefix ("HOUSTON | Tue May 5 (Reuters) - A woman …").
    if (!isReportableSentence(m.sentence.text) || m.timex.start - m.sentence.start < furniturePrefixLength(m.sentence.text)) continue;
    const k = `${m.article}:${m.caption ?? ''}:${m.sentence.start}`;
    bySentence.set(k, [...(bySentence.get(k) ?? []), m]);
  }
  return [...bySentence.values()].flatMap((ms) => {
    const announced = ms.some((m) => m.reporting) && ms.some((m) => m.planned) && ms.every((m) => m.reporting || m.planned);
    if (announced) return ms.filter((m) => m.reporting).map((m) => ({ ...m, alone: true }));
    const own = ms.filter((m) => !m.planned);
    if (!own.length) {
      const month = reportMonth(ms[0]!.article);
      // Still marked `planned`: an announcement dated only by its report's month is an entry of its own.
      return month ? [{ ...ms[0]!, date: month, alone: true }] : [];
    }
    return own.filter((m) => m.alone || !m.reporting);
  });
}

/**
 * Builds the timeline of a storyline: one entry per dated happening, with its date (partial dates
 * stay partial), a one-line description quoted from a source, its sources and citations; ordered by
 * date (a partial date sorts before the days it contains). Articles without text are skipped.
 */
export function buildTimeline(articles: TimelineArticle[], options: Partial<TimelineOptions> = {}): TimelineEntry[] {
  const o = { ...DEFAULT_TIMELINE_OPTIONS, ...options };
  const byId = new Map(articles.filter((a) => a && typeof a.id === 'string').map((a) => [a.id, a]));
  const groups: Group[] = [];
  // Compatible dates share their year: indexing groups by year keeps alignment near-linear.
  const byYear = new Map<string, Group[]>();
  // An undated article comes no earlier than the latest dated one of its storyline: its year-less
  // months are anchored on that day (see `anchorOnContext`).
  const days = articles.map((a) => a && publicationDay(a.published)).filter((d): d is string => !!d).sort();
  const latest = days[days.length - 1] ?? null;
  const earliest = days[0] ?? null;
  const reportMonth = (id: string): string | null => publicationDay(byId.get(id)?.published)?.slice(0, 7) ?? null;
  const mentions = datedHappenings(articles.flatMap((a) => (a && typeof a.text === 'string' ? datedMentions(a, { ...o, contextDate: o.contextDate ?? latest }) : [])), reportMonth);
  const stemCache = new Map<DatedMention, Set<string>>();
  const stemsFor = (m: DatedMention): Set<string> => {
    let st = stemCache.get(m);
    if (!st) stemCache.set(m, (st = stemsOf(m)));
    return st;
  };
  const lexicon = compileLexicon(o.lexicon);
  // Judged on the stretch a mention would quote; a capitalised term after the first word is part of
  // a name ("the International Criminal Court"), not the writer's wording.
  const loaded = new Set(
    mentions.filter((m) => {
      const a = byId.get(m.article);
      const src = m.caption !== undefined ? (a?.captions?.[m.caption] ?? '') : (a?.text ?? '');
      const quoted = m.alone ? m.sentence.text : src.slice(m.description.start, m.description.end);
      return findLoadedTerms(quoted, lexicon).some((t) => t.polarity !== 0 && !(t.start > 0 && /^\p{Lu}/u.test(t.term)));
    }),
  );
  // A weekday-dated caption that retells what its article's title or body says undated dates that
  // happening, so it stays ("Farmers block the road to the port on Thursday" under "farmers blocked the roads").
  const photoDay = new Set(mentions.filter((m) => isPhotoDay(m) && !retold(m, byId.get(m.article))));
  // Precise dates first, so partial mentions can join the precise happening they belong to; loaded
  // and photo-day mentions last, so they join the happening neutral body text already dates.
  const order = mentions
    .map((m, i) => ({ m, i, stems: stemsFor(m), names: namesIn(comparedText(m)), late: loaded.has(m) || photoDay.has(m) ? 1 : 0 }))
    .sort((x, y) => x.late - y.late || y.m.date.length - x.m.date.length || x.i - y.i);
  const nameDf = new Map<string, number>();
  for (const { names } of order) for (const n of names) nameDf.set(n, (nameDf.get(n) ?? 0) + 1);
  const rareLimit = Math.max(2, o.rareName * order.length);
  for (const { m, stems, names } of order) {
    let best: Group | null = null;
    let bestScore = 0;
    for (const g of byYear.get(m.date.slice(0, 4)) ?? []) {
      if (!compatibleDates(g.date, m.date)) continue;
      // Announcements dated by their report's month join only announcements of the same target
      // ("will take place on June 14" and "postponed to July 5" are two announcements).
      if ((m.planned || g.mentions.some((x) => x.planned)) && !g.mentions.every((x) => x.planned && m.planned && compatibleDates(x.timex.value.split('T')[0]!, m.timex.value.split('T')[0]!))) continue;
      const need = g.date === m.date ? o.sameDateOverlap : o.partialDateOverlap;
      let shared = 0;
      for (const n of names) if (g.names.has(n) && (nameDf.get(n) ?? 0) <= rareLimit) shared++;
      // Names only help between equal dates of at least a month (reason: "Turkey" in "the 2022
      // invasion" and in "peace talks in 2022" does not make them one happening; a year holds many).
      const score = dice(stems, g.stems) + (g.date === m.date && m.date.length >= 7 ? o.nameBonus * shared : 0);
      // Opinion about a happening a neutral sentence already dates joins it on any shared word
      // (reason: "wants parliament to rubber-stamp the deal in September" retells "put to parliament in September").
      const lenient = loaded.has(m) && g.date === m.date && g.mentions.some((x) => !loaded.has(x));
      if ((score >= need || (lenient && score > 0)) && score > bestScore) {
        best = g;
        bestScore = score;
      }
    }
    if (best) {
      best.mentions.push(m);
      for (const s of stems) best.stems.add(s);
      for (const n of names) best.names.add(n);
    } else if (photoDay.has(m)) {
      continue; // a caption dated only by its weekday says when the photo was taken
    } else {
      const g: Group = { date: m.date, mentions: [m], stems: new Set(stems), names: new Set(names) };
      groups.push(g);
      const year = byYear.get(m.date.slice(0, 4));
      if (year) year.push(g);
      else byYear.set(m.date.slice(0, 4), [g]);
    }
  }
  const entries = groups.map((g): TimelineEntry => {
    // Representative: a body sentence (not a caption) whose date is the group's, most central.
    const scored = g.mentions.map((m) => {
      const own = stemsFor(m);
      let central = 0;
      for (const n of g.mentions) if (n !== m) central += dice(own, stemsFor(n));
      // Loaded wording never speaks for a happening a neutral sentence can describe.
      return { m, s: central + (m.date === g.date ? 1 : 0) + (m.caption === undefined ? 0.5 : 0) - (loaded.has(m) ? 10 : 0) };
    });
    scored.sort((x, y) => y.s - x.s);
    const rep = scored[0]!.m;
    const sources = [...new Set(g.mentions.map((m) => {
      const root = originalOf(m.article, byId);
      return byId.get(root)?.outlet?.trim() || root;
    }))];
    const seen = new Set<string>();
    const citations = g.mentions
      .map(citationOf)
      .filter((c) => {
        const k = `${c.article}:${c.caption ?? ''}:${c.start}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      })
      .sort((x, y) => (x.article === y.article ? (x.caption ?? -1) - (y.caption ?? -1) || x.start - y.start : x.article < y.article ? -1 : 1));
    // Told only in retrospect: well before the storyline's first report, so context, not news.
    const background = !!earliest && isLongBefore(g.date, earliest);
    return { date: g.date, text: mentionText(rep, byId.get(rep.article)!, o.maxWholeSentence), sources, citations, ...(background ? { background } : {}) };
  });
  return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Entries told only by reports dated to a month, shown at that month when their sentences do not
 * name the day (reason: "announced on Monday" in a report known to be from January was resolved
 * against a guessed mid-month day; the Monday is some Monday of January). `monthOf` gives an
 * article's month when that is all that is known of its date, else undefined. Returns new entries.
 */
export function monthDatedEntries(entries: TimelineEntry[], monthOf: (article: string) => string | undefined): TimelineEntry[] {
  return entries.map((e) => {
    if (e.date.length !== 10 || !e.citations.length) return e;
    const month = e.date.slice(0, 7);
    const day = String(Number(e.date.slice(8)));
    const guessed = e.citations.every((c) => monthOf(c.article) === month && !new RegExp(`(?<!\\d)0?${day}(?!\\d)`, 'u').test(c.sentence));
    return guessed ? { ...e, date: month } : e;
  });
}
