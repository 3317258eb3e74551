/**
 * Publication dates from the storyline: an article without a date (or with one inferred from its
 * own text) is re-dated against the other articles of its storyline. Its year-less and relative
 * mentions ("last September", "in December", "next month", "on Tuesday") are aligned with the
 * happenings that other articles date explicitly — the same happening is recognised by the content
 * words around both mentions — and every aligned mention bounds the publication day ("last
 * September" + the meeting is in 2023-09 ⇒ published between 2023-10 and 2024-09). The day the most
 * aligned mentions agree on wins, weighed against the text's own date and explicit past dates, the
 * recency of its other year-less mentions, and, softly, the span of the storyline's dated articles
 * and the days of the dated articles closest in content. Each answer keeps the sentences (and
 * articles) it rests on.
 *
 * Language-neutral: it reads whatever the time tagger reads and compares folded word stems.
 */
import type { DateEvidence, DateSource } from '../model/index.js';
import { formatDay, fromDayNumber, inferPublicationDate, resolveMeaning, scanTimexes, toDayNumber, type TimexMeaning, type TimexMention } from '../analyze/time/index.js';
import { type Sentence } from '../analyze/sentences.js';
import { sentencesOf } from '../analyze/article.js';
import { contentStems } from '../compare/index.js';
import { datedMentions, publicationDay, segmentAround, type DatedMention, type TimelineArticle } from './dated.js';

/** An article of the storyline, as the refinement reads it. */
export interface ContextArticle extends TimelineArticle {
  /** How `published` was found; `inferred` (or no date) makes the article a candidate for refinement. */
  publishedFrom?: DateSource | null;
  publishedEvidence?: DateEvidence[];
}

/** A publication date re-inferred from the storyline. */
export interface ContextDate {
  /** `YYYY-MM-DD` when aligned day mentions pin the day, else `YYYY-MM`. */
  date: string;
  /** The day the relative expressions of the article are best resolved against (`YYYY-MM-DD`). */
  day: string;
  /** First and last day (`YYYY-MM-DD`) that fit the evidence as well as `day` does. */
  from: string;
  to: string;
  /** Why: each aligned phrase of the article with the other article and sentence that date it, then the text's own reading. */
  evidence: DateEvidence[];
}

/** Tunable weights and limits; every field has a default. */
export interface ContextDateOptions {
  /** Least tf-idf cosine between the words around a mention and an anchor sentence to call them one happening. */
  minSimilarity: number;
  /** Least number of shared content stems (one shared word is a coincidence). */
  minShared: number;
  /** Weight of one aligned mention (times its similarity). */
  anchorWeight: number;
  /** Weight of the text's own inferred date (inside its day or month). */
  textWeight: number;
  /** Cost of a day outside the span of the storyline's dated articles, reached `spanSoftDays` days out. */
  spanCost: number;
  spanSoftDays: number;
  /** Cost of each explicit past date of the article that would come after publication. */
  afterCost: number;
  /** Days over which the support of an aligned day-precise mention fades (reports follow happenings closely). */
  recencyDays: number;
  /** Days searched around the storyline's dated articles. */
  padDays: number;
  /**
   * Weight of the article's own year-less mentions that no other article dates, by how recent they
   * are at the day (e^-months/6): "in early January" prefers January among days the anchors leave open.
   */
  ownRecencyWeight: number;
  /** Weight of the dated articles closest in content (tf-idf cosine), around their days. */
  neighbourWeight: number;
  /** How many of the closest dated articles count, the least cosine, and the days around each. */
  neighbours: number;
  minNeighbourSimilarity: number;
  neighbourDays: number;
  /** Whether the closest articles alone may date an article that aligns no mention. */
  neighbourAlone: boolean;
  /**
   * Whether an answer that only the closest dated articles pin (no aligned day or month) takes the
   * closest one's day instead of the month (reason: follow-ups of one happening cluster within days).
   */
  neighbourDay: boolean;
  /** Score below the best within which a day still counts as fitting (the reported `from`–`to`). */
  rangeTolerance: number;
}

/**
 * Defaults. Tuned on the Timeline17 tuning sample (200 articles over 300 characters, seed 17, offset 0
 * in bench/eval/context-dates.ts; checked on the disjoint sample at offset 200) and the five seeds;
 * the scale is one aligned mention of similarity 1 = 1.
 */
export const DEFAULT_CONTEXT_DATE_OPTIONS: ContextDateOptions = {
  // Tried 0.1 / 0.2 / 0.3: 0.3 loses a tenth of the answers within 31 days, 0.1 gains little and aligns more noise.
  minSimilarity: 0.2,
  // 3 drops answers within 31 days on Timeline17; 1 lets one shared name align any two sentences.
  minShared: 2,
  anchorWeight: 1,
  // Tried 0.25 / 0.5 / 1: 0.25 overrules right text-only days (within 7 days 0.595 → 0.555).
  textWeight: 0.5,
  // Neutral on Timeline17 from 0.5 to 1; 0.5 lets an article's own explicit past date outvote it.
  spanCost: 0.5,
  spanSoftDays: 60,
  // Neutral on Timeline17 from 0.5 to 1.5.
  afterCost: 0.5,
  // Tried 7 / 30 / 90 days: within a point of each other.
  recencyDays: 30,
  padDays: 400,
  // A tie-breaker only (seed 000: "early January" among the months the anchors leave open).
  ownRecencyWeight: 0.1,
  // Closest articles: within 31 days 0.705 → 0.765 on the tuning sample (0.3 and 0.6 alike), cosine 0.2–0.4 alike.
  neighbourWeight: 0.3,
  neighbours: 3,
  minNeighbourSimilarity: 0.3,
  // 1 and 7 days alike.
  neighbourDays: 3,
  neighbourAlone: true,
  // Within 7 days 0.625 → 0.655 (tuning) and 0.640 → 0.660 (check sample).
  neighbourDay: true,
  rangeTolerance: 0.1,
};

/** A dated happening of another article: the value, its words and where it is said. */
interface Anchor {
  article: string;
  value: string;
  /** Day numbers of the first and last day the value covers. */
  first: number;
  last: number;
  stems: Map<string, number>;
  norm: number;
  sentence: string;
  phrase: string;
}

/** A year-less or relative mention of the article being dated, with its aligned anchors. */
interface Relative {
  m: TimexMention;
  meaning: TimexMeaning;
  /** Length of its resolved value: 4 year, 7 month, 10 day. */
  precision: number;
  anchors: Array<{ a: Anchor; sim: number }>;
  /** The most similar anchor per value at the mention's precision (the lookup made for every candidate day). */
  byKey: Map<string, { a: Anchor; sim: number }>;
}

/** Refines publication dates against one storyline's other articles. */
export interface ContextDater {
  /**
   * The publication date of `article` inferred with the storyline's help, or null when no other
   * article dates a happening it mentions. Its own `published` is ignored unless `publishedFrom` is
   * `inferred` (then it is the text's reading); its own sentences never anchor it.
   */
  refine(article: ContextArticle): ContextDate | null;
}

/** Months over which the support of the article's own year-less mentions fades (as in the text-only inference). */
const RECENCY_MONTHS = 6;

const DAY_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u;

/** Day numbers of the first and last day of a calendar value (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`). */
function spanOf(value: string): { first: number; last: number } | null {
  const m = DAY_RE.exec(value);
  if (!m) return null;
  const y = +m[1]!;
  if (m[3]) { const d = toDayNumber(y, +m[2]!, +m[3]); return { first: d, last: d }; }
  if (m[2]) return { first: toDayNumber(y, +m[2], 1), last: toDayNumber(y, +m[2] + 1, 1) - 1 };
  return { first: toDayNumber(y, 1, 1), last: toDayNumber(y + 1, 1, 1) - 1 };
}

const iso = (n: number): string => formatDay(fromDayNumber(n));

/** Whether an article's date is a firm one (from metadata or a dateline) that can anchor others. */
function isFirm(a: ContextArticle): boolean {
  return publicationDay(a.published) !== null && a.publishedFrom !== 'inferred';
}

/** The precision a meaning resolves to when it depends on the publication day (null: explicit or not a calendar value). */
function relativePrecision(meaning: TimexMeaning): number | null {
  switch (meaning.k) {
    case 'month': return meaning.d !== undefined ? 10 : 7;
    case 'weekday': case 'day': case 'dom': case 'nthWeekday': return 10;
    case 'unit': return meaning.unit === 'year' ? 4 : meaning.unit === 'month' ? 7 : null;
    case 'time': return relativePrecision(meaning.base);
    default: return null;
  }
}

/** Stems of a stretch of text without the given time expressions (their words name the date, not the happening). */
function stemsWithout(text: string, from: number, to: number, timexes: Array<{ start: number; end: number }>): string[] {
  let out = '';
  let at = from;
  for (const t of [...timexes].sort((x, y) => x.start - y.start)) {
    if (t.end <= from || t.start >= to) continue;
    out += `${text.slice(at, Math.max(at, t.start))} `;
    at = Math.max(at, t.end);
  }
  out += text.slice(at, to);
  return contentStems(out);
}

/**
 * A dater for one storyline: anchors (the dated happenings of every article) and word weights are
 * computed once, so each article is then dated quickly. Articles with a firm date anchor with every
 * dated mention; the others only with explicit dates (a year-less one depends on their unknown day).
 */
export function createContextDater(articles: ContextArticle[], options: Partial<ContextDateOptions> = {}): ContextDater {
  const o = { ...DEFAULT_CONTEXT_DATE_OPTIONS, ...options };
  const list = (Array.isArray(articles) ? articles : []).filter((a): a is ContextArticle => !!a && typeof a.id === 'string' && typeof a.text === 'string');

  // Document frequency of stems over all sentences of the storyline (reason: "Putin" and "visit"
  // are in every sentence of a Putin-visit storyline and tell no happening from another).
  const df = new Map<string, number>();
  let sentenceCount = 0;
  for (const a of list) {
    for (const s of sentencesOf(a.text, a.analysis)) {
      sentenceCount++;
      for (const w of new Set(contentStems(s.text))) df.set(w, (df.get(w) ?? 0) + 1);
    }
  }
  const idf = (w: string): number => Math.log((sentenceCount + 1) / ((df.get(w) ?? 0) + 0.5));
  const weigh = (stems: string[]): { stems: Map<string, number>; norm: number } => {
    const m = new Map<string, number>();
    for (const w of new Set(stems)) m.set(w, Math.max(0, idf(w)));
    let n = 0;
    for (const v of m.values()) n += v * v;
    return { stems: m, norm: Math.sqrt(n) };
  };

  // Article vectors (tf-idf over the storyline's articles) for the closest dated articles.
  const adf = new Map<string, number>();
  const bags = new Map<string, Map<string, number>>();
  for (const a of list) {
    const bag = new Map<string, number>();
    for (const w of contentStems(a.text)) bag.set(w, (bag.get(w) ?? 0) + 1);
    bags.set(a.id, bag);
    for (const w of bag.keys()) adf.set(w, (adf.get(w) ?? 0) + 1);
  }
  const vectorOf = (bag: Map<string, number>): { v: Map<string, number>; norm: number } => {
    const v = new Map<string, number>();
    let n = 0;
    for (const [w, c] of bag) {
      const x = (1 + Math.log(c)) * Math.log((list.length + 1) / ((adf.get(w) ?? 0) + 0.5));
      if (x <= 0) continue;
      v.set(w, x);
      n += x * x;
    }
    return { v, norm: Math.sqrt(n) };
  };
  const vectors = new Map([...bags].map(([id, bag]) => [id, vectorOf(bag)]));
  const titles = new Map(list.map((a) => [a.id, typeof a.title === 'string' ? a.title : '']));

  const anchors: Anchor[] = [];
  const firmDays = new Map<string, number>();
  for (const a of list) {
    const firm = isFirm(a);
    if (firm) firmDays.set(a.id, spanOf(publicationDay(a.published)!)!.first);
    let mentions: DatedMention[];
    try {
      mentions = datedMentions(firm ? a : { ...a, published: null });
    } catch {
      continue; // bad data never breaks the report
    }
    for (const m of mentions) {
      const span = spanOf(m.date);
      if (!span) continue;
      const src = m.caption !== undefined ? (a.captions?.[m.caption] ?? '') : a.text;
      const region = m.alone ? m.sentence : { start: m.clause.start, end: m.clause.end };
      const w = weigh(stemsWithout(src, region.start, region.end, [m.timex]));
      if (!w.norm) continue;
      anchors.push({ article: a.id, value: m.date, ...span, ...w, sentence: m.sentence.text, phrase: m.timex.text });
    }
  }
  // Inverted index: stem → anchors holding it.
  const postings = new Map<string, number[]>();
  anchors.forEach((an, i) => {
    for (const w of an.stems.keys()) {
      let p = postings.get(w);
      if (!p) postings.set(w, (p = []));
      p.push(i);
    }
  });

  const refine = (article: ContextArticle): ContextDate | null => {
    if (!article || typeof article.text !== 'string' || !article.text.trim()) return null;
    let scanned: TimexMention[];
    try {
      scanned = scanTimexes(article.text);
    } catch {
      return null;
    }
    const sentences = sentencesOf(article.text, article.analysis);
    const sentenceAt = (i: number): Sentence | undefined => sentences.find((s) => s.start <= i && i < s.end);

    // The mentions whose date depends on the publication day, each with the other articles' happenings it retells.
    const relatives: Relative[] = [];
    for (const m of scanned) {
      if (m.type !== 'DATE' && m.type !== 'TIME') continue;
      const precision = relativePrecision(m.meaning);
      if (precision === null) continue;
      const s = sentenceAt(m.start);
      if (!s) continue;
      const others = scanned.filter((x) => x !== m && x.start >= s.start && x.end <= s.end);
      const region = others.length ? segmentAround(s, m.start, m.end, others) : s;
      const own = weigh(stemsWithout(article.text, region.start, region.end, [m, ...others]));
      if (!own.norm) continue;
      const dot = new Map<number, number>();
      for (const [w, v] of own.stems) for (const i of postings.get(w) ?? []) dot.set(i, (dot.get(i) ?? 0) + v * anchors[i]!.stems.get(w)!);
      const found: Relative['anchors'] = [];
      for (const [i, d] of dot) {
        const an = anchors[i]!;
        if (an.article === article.id || an.value.length < precision) continue;
        const sim = d / (own.norm * an.norm);
        if (sim < o.minSimilarity) continue;
        let shared = 0;
        for (const w of own.stems.keys()) if (an.stems.has(w)) shared++;
        if (shared >= o.minShared) found.push({ a: an, sim });
      }
      const byKey = new Map<string, { a: Anchor; sim: number }>();
      for (const x of found) {
        const key = x.a.value.slice(0, precision);
        if ((byKey.get(key)?.sim ?? -1) < x.sim) byKey.set(key, x);
      }
      relatives.push({ m, meaning: m.meaning, precision, anchors: found, byKey });
    }
    const aligned = relatives.filter((r) => r.anchors.length);
    // The dated articles closest in content: follow-ups of one happening appear within days.
    const near: Array<{ id: string; day: number; cos: number }> = [];
    if (o.neighbourWeight > 0) {
      const mine = vectors.get(article.id) ?? vectorOf(new Map(contentStems(article.text).map((w) => [w, 1])));
      for (const [id, day] of firmDays) {
        if (id === article.id || !mine.norm) continue;
        const other = vectors.get(id)!;
        if (!other.norm) continue;
        let dot = 0;
        for (const [w, x] of mine.v) { const y = other.v.get(w); if (y) dot += x * y; }
        const cos = dot / (mine.norm * other.norm);
        if (cos >= o.minNeighbourSimilarity) near.push({ id, day, cos });
      }
      near.sort((x, y) => y.cos - x.cos);
      near.splice(o.neighbours);
    }
    if (!aligned.length && !(o.neighbourAlone && near.length)) return null;
    // Year-less mentions nothing anchors still prefer days soon after them (the text's own recency).
    const loose = relatives.filter((r) => !r.anchors.length && r.precision >= 7 && r.m.tense !== 'future');

    // The text's own reading: the extraction's inferred date, else a fresh inference.
    let own: { first: number; last: number; after?: number } | null = null;
    // A date stored after an earlier re-dating (its evidence names other articles) is not the text's own reading.
    const ownDate = article.publishedFrom === 'inferred' && article.published && !article.publishedEvidence?.some((e) => e.article) ? article.published : null;
    const inferred = ownDate ? { date: ownDate } : (() => { try { return inferPublicationDate(article.text); } catch { return null; } })();
    if (inferred) {
      const sp = spanOf(inferred.date.slice(0, 10));
      const after = 'after' in inferred && inferred.after ? spanOf(inferred.after) : null;
      if (after) own = { first: after.first, last: Infinity, after: after.first };
      else if (sp) own = sp;
    }

    // Explicit past dates of the article: publication comes after them (a footer or typo is outvoted).
    const explicitPast: number[] = [];
    for (const m of scanned) {
      if (m.type !== 'DATE' || m.meaning.k !== 'abs' || m.tense === 'future') continue;
      const sp = /^\d{4}-\d{2}/u.test(m.meaning.value) ? spanOf(m.meaning.value.slice(0, 10)) : null;
      if (sp) explicitPast.push(sp.first);
    }

    // The days searched: around the other articles' firm dates (else their explicit dates) and the anchors.
    const firm = [...firmDays].filter(([id]) => id !== article.id).map(([, d]) => d);
    const anchorDays = [...aligned.flatMap((r) => r.anchors.map((x) => x.a.first)), ...near.map((x) => x.day)];
    const min = (xs: number[]): number => xs.reduce((x, y) => Math.min(x, y), Infinity);
    const max = (xs: number[]): number => xs.reduce((x, y) => Math.max(x, y), -Infinity);
    const spanLo = firm.length ? min(firm) : null;
    const spanHi = firm.length ? max(firm) : null;
    // Bounded by the dated articles (else the latest anchor), so a stray old or future date cannot widen the search to decades.
    const lo = (firm.length ? min(firm) : max(anchorDays)) - o.padDays;
    const hi = max(firm.length ? firm : anchorDays) + o.padDays;
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) return null;

    const scoreAt = (p: number): { score: number; support: Array<{ r: Relative; a: Anchor; sim: number }> } => {
      const ref = fromDayNumber(p);
      let score = 0;
      const support: Array<{ r: Relative; a: Anchor; sim: number }> = [];
      for (const r of aligned) {
        const v = resolveMeaning(r.meaning, ref, r.m.tense);
        const key = v.slice(0, r.precision);
        const best = r.byKey.get(key);
        if (!best) continue;
        // A day-precise happening is mostly reported within days: support fades after it.
        const age = r.precision === 10 ? Math.max(0, p - best.a.first) : 0;
        score += o.anchorWeight * best.sim * Math.exp(-age / o.recencyDays);
        support.push({ r, a: best.a, sim: best.sim });
      }
      for (const r of loose) {
        const sp = spanOf(resolveMeaning(r.meaning, ref, r.m.tense).slice(0, r.precision));
        if (sp && sp.last <= p + 31) score += o.ownRecencyWeight * Math.exp(-Math.max(0, p - sp.last) / (30 * RECENCY_MONTHS));
      }
      for (const x of near) if (Math.abs(p - x.day) <= o.neighbourDays) score += o.neighbourWeight * x.cos;
      if (own && p >= own.first && p <= own.last) score += o.textWeight;
      if (spanLo !== null && spanHi !== null) {
        const out = p < spanLo ? spanLo - p : p > spanHi ? p - spanHi : 0;
        score -= o.spanCost * Math.min(1, out / o.spanSoftDays);
      }
      for (const d of explicitPast) if (d > p) score -= o.afterCost;
      return { score, support };
    };

    let best = { p: lo, score: -Infinity };
    const scores: number[] = [];
    for (let p = lo; p <= hi; p++) {
      const s = scoreAt(p).score;
      scores.push(s);
      // Ties go to the later day: a report comes after what it retells.
      if (s >= best.score - 1e-9) best = { p, score: s };
    }
    const { support } = scoreAt(best.p);
    const closest = near.filter((x) => Math.abs(best.p - x.day) <= o.neighbourDays);
    // The text's own reading wins when no alignment (nor close article) supports the best day.
    if (!support.length && !(o.neighbourAlone && closest.length)) return null;

    // The stretch around the best day that fits as well.
    let from = best.p;
    let to = best.p;
    while (from > lo && scores[from - 1 - lo]! >= best.score - o.rangeTolerance) from--;
    while (to < hi && scores[to + 1 - lo]! >= best.score - o.rangeTolerance) to++;
    const dayPinned = support.some((x) => x.r.precision === 10);
    let date = dayPinned ? iso(best.p) : iso(best.p).slice(0, 7);
    // A month answer is resolved against its middle (reason: "last Tuesday" then errs by half a month at most, not a whole one).
    let day = iso(dayPinned ? best.p : Math.min(Math.max(spanOf(date)!.first + 14, from), to));
    const agrees = !!own && own.after === undefined && best.p >= own.first && best.p <= own.last;
    // The text's own day stands when the storyline agrees with it.
    if (agrees && inferred && inferred.date.length > date.length) {
      date = inferred.date;
      if (date.length === 10) day = date;
    } else if (o.neighbourDay && !dayPinned && closest.length && !support.some((x) => x.r.precision === 7)) {
      date = iso(closest[0]!.day);
      day = date;
    }

    const evidence: DateEvidence[] = [];
    for (const { r, a } of [...support].sort((x, y) => y.sim - x.sim).slice(0, 4)) {
      // The days on which this phrase reads as the anchor's date: the bound it sets on its own.
      let first = -1;
      let last = -1;
      for (let p = lo; p <= hi; p++) {
        const v = resolveMeaning(r.meaning, fromDayNumber(p), r.m.tense).slice(0, r.precision);
        if (v === a.value.slice(0, r.precision)) { if (first < 0) first = p; last = p; }
      }
      const bound = first < 0 ? '' : first === last ? `: published on ${iso(first)}` : `: published between ${iso(first)} and ${iso(last)}`;
      const quoted = a.sentence.length > 160 ? `${a.sentence.slice(0, 157)}…` : a.sentence;
      evidence.push({ text: r.m.text, reason: `the same happening as "${a.phrase}" (${a.value}) in article ${a.article}: "${quoted}"${bound}`, article: a.article });
    }
    for (const x of closest.slice(0, 2)) evidence.push({ text: titles.get(x.id) || x.id, reason: `closest in content to article ${x.id} (cosine ${x.cos.toFixed(2)}), published ${iso(x.day)}`, article: x.id });
    const after = inferred && 'after' in inferred ? inferred.after : undefined;
    if (after) evidence.push({ text: after, reason: `the text alone says only that it was published in ${after} or later` });
    else if (agrees) evidence.push({ text: inferred!.date, reason: 'the text alone reads the same date' });
    else if (inferred) evidence.push({ text: inferred.date, reason: `the text alone read ${inferred.date}: overruled by the other articles` });
    return { date, day, from: iso(from), to: iso(to), evidence };
  };
  return { refine };
}

/**
 * The day a publication date's relative expressions are best resolved against: the day itself, or
 * the 15th of a month (reason: an inferred month's middle errs by half a month at most, while the
 * storyline's latest date — the timeline's fallback for an undated article — can be months off and
 * read "in December" as a December after the article itself). Null for a year or no date.
 */
export function resolutionDay(published: string | null | undefined): string | null {
  const day = publicationDay(published);
  if (day) return day;
  const m = typeof published === 'string' ? /^(\d{4})-(\d{2})$/u.exec(published.trim()) : null;
  return m && +m[2]! >= 1 && +m[2]! <= 12 ? `${m[1]}-${m[2]}-15` : null;
}

/**
 * The storyline's articles with refined publication dates: every article whose date is inferred or
 * missing is re-dated against the others (`publishedFrom: 'inferred'`, evidence naming the anchoring
 * articles); firm dates and articles nothing anchors are returned as they are. Returns new objects.
 */
export function refineStorylineDates<T extends ContextArticle>(articles: T[], options: Partial<ContextDateOptions> = {}): Array<T & { contextDate?: ContextDate }> {
  const list = Array.isArray(articles) ? articles : [];
  const dater = createContextDater(list, options);
  return list.map((a) => {
    if (!a || isFirm(a)) return a;
    let refined: ContextDate | null;
    try {
      refined = dater.refine(a);
    } catch {
      refined = null; // bad data never breaks the report: the article keeps its own date
    }
    if (!refined) return a;
    return { ...a, published: refined.date, publishedFrom: 'inferred' as const, publishedEvidence: refined.evidence, contextDate: refined };
  });
}
