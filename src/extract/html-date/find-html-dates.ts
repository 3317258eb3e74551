/**
 * Publication and modification dates of an HTML page, by a cascade in the manner of htmldate
 * (Barbaresi 2020): header metadata (JSON-LD, OpenGraph, `<meta>` names, itemprops), then
 * date elements (`<time>`, `<abbr>`, elements whose class says "date"), then the URL, then an
 * "extensive" pass over the visible text. Each step runs only when the ones before found nothing
 * plausible; every answer records the rule and the string it rests on.
 */
import type { Document } from 'domhandler';
import type { DateEvidence } from '../../model/index.js';
import { collectPageFacts, type DateElement, type PageFacts } from './collect.js';
import { findAllDates, MIN_YEAR, parseDate, type DayOrder, type ParsedDate } from './patterns.js';
import { urlDate, type UrlDate } from './url-date.js';

/** Dates of one page. */
export interface HtmlDates {
  /** `YYYY-MM-DD` or ISO datetime. */
  published: string | null;
  modified: string | null;
  publishedFrom: 'metadata' | 'text' | null;
  evidence?: DateEvidence[];
}

/** Options of `findHtmlDates`. */
export interface HtmlDateOptions {
  /** Latest plausible date (the crawl time); defaults to now. */
  now?: Date;
  /** Earliest plausible year; defaults to `MIN_YEAR` (1995, before which no page carries its own date). */
  minYear?: number;
  /** Run the pass over the visible text when metadata and URL give nothing (default true). */
  extensive?: boolean;
}

/** A candidate date with the rule that found it. */
interface Found {
  date: ParsedDate;
  rule: string;
}

/** Meta names (name/property/itemprop/http-equiv, lower case) that carry the publication date, strongest first. */
const PUBLISHED_META: readonly string[] = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'article:published', 'published_time',
  'datepublished', 'date_published', 'date-published', 'publishdate', 'publish_date', 'publish-date', 'published-date',
  'published_date', 'publication_date', 'publication-date', 'pubdate', 'pub_date', 'article.published', 'article_date_original',
  'original-publish-date', 'originalpublicationdate', 'dc.date.issued', 'dcterms.issued', 'dc.date.created', 'dcterms.created',
  'dc.date', 'dc:date', 'dcterms.date', 'dc.created', 'dc.issued', 'sailthru.date', 'parsely-pub-date', 'cxenseparse:recs:publishtime',
  'citation_publication_date', 'citation_date', 'citation_online_date', 'prism.publicationdate', 'rnews:datepublished', 'bt:pubdate',
  'article.created', 'article_date', 'datecreated', 'date_created', 'creation_date', 'created', 'release_date', 'displaydate',
  'og:pubdate', 'date', 'published', 'postdate', 'ptime', 'pdate', 'analyticsattributes.articledate',
];
/** Meta names that carry the last modification. */
const MODIFIED_META: readonly string[] = [
  'article:modified_time', 'og:article:modified_time', 'og:updated_time', 'og:modified_time', 'article:modified', 'datemodified',
  'date_modified', 'dc.date.modified', 'dcterms.modified', 'dc.modified', 'last-modified', 'lastmodified', 'last_modified', 'lastmod',
  'modified', 'revised', 'updated', 'updated_time', 'article.updated', 'sailthru.lastmodified', 'parsely-updated', 'eomportal-lastupdate',
];
const PUBLISHED_RANK = new Map(PUBLISHED_META.map((n, i) => [n, i]));
const MODIFIED_RANK = new Map(MODIFIED_META.map((n, i) => [n, i]));

// JSON-LD types whose dates are the article's own (a WebPage or WebSite date is the container's).
const ARTICLE_TYPE = /article|posting|report|review|story|recipe|blog|creativework|event|video|podcast|episode|photograph|question/i;

/** Class or id of an element that holds the publication date rather than any date. */
const PUBLISHED_CLASS = /publi|posted|pubdate|entry-date|post-date|article-date|datum|created|date-?line|news-?date|story-?date/i;
/** Class or id that says "updated". */
const UPDATED_CLASS = /updat|modif|aktualisiert|last-?edit|changed/i;

// A text date after one of these words is the publication date (en, de, fr, es, it, nl, pt); bare
// prepositions ("am", "on", "le") are left out: in running text they introduce dates of events.
// Cue words must start a word ("Update:" is not "date:", "Abstand" is not "Stand").
const PUBLISHED_CUE = /(?<!\p{L})(?:published|posted|released|written|veröffentlicht|publiziert|erschienen|erstellt|eingestellt|verfasst|geschrieben|publié|mis en ligne|publicado|pubblicato|gepubliceerd|geplaatst|publicação|(?:date|datum|fecha|data)\s*:)(?:\s*(?:on|am|le|el|il|op|em|at|den|the|:|-|–|\|))*\s*(?:[\p{L}]+,?\s*)?$/iu;
// A text date after one of these words is a modification date.
const UPDATED_CUE = /(?:(?<!\p{L})(?:updated?|modified|last edited|revised|aktualisiert|geändert|änderung|überarbeitet|stand|mis à jour|actualizado|aggiornato|bijgewerkt|atualizado)|更新)(?:\s*(?:on|am|le|el|il|op|em|at|den|the|:|-|–|\||：))*\s*(?:[\p{L}]+,?\s*)?[(（\[]?$/iu;
// How far back a cue may stand before the date it introduces ("Zuletzt geändert am: Freitag, " fits).
const CUE_WINDOW = 40;

// Meta names that say "date" without saying which: on CMS pages often the last change.
const WEAK_META_RULE = /^meta:(?:date|dc\.date|dc:date|dcterms\.date)$/;

/** Today plus one day, so that a page written ahead in another time zone is not refused. */
function latestDay(now: Date): string {
  return new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
}

/** Reads the date order pages of this language use for ambiguous slashed dates. */
function dayOrder(lang: string): DayOrder {
  return lang === 'en-us' || lang === 'en' ? 'mdy' : 'dmy';
}

/** The most useful form: the datetime as written when there is one, else the day. */
function outputOf(d: ParsedDate): string {
  return d.datetime ?? d.day;
}

function metaName(a: Record<string, string>): string {
  return (a.property ?? a.name ?? a.itemprop ?? a['http-equiv'] ?? '').trim().toLowerCase();
}

function metaValue(a: Record<string, string>): string {
  return a.content ?? a.datetime ?? a.value ?? '';
}

/** Every `{type, datePublished, ...}` object of the JSON-LD blocks, walking `@graph` and nesting. */
function jsonLdDates(blocks: string[]): Array<{ type: string; published?: string; created?: string; modified?: string }> {
  const out: Array<{ type: string; published?: string; created?: string; modified?: string }> = [];
  const walk = (v: unknown, depth: number): void => {
    if (depth > 8 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    const t = o['@type'];
    const type = Array.isArray(t) ? t.join(' ') : typeof t === 'string' ? t : '';
    // Values come as strings, lists of strings or `{"@value": ...}` objects.
    const str = (x: unknown): string | undefined => {
      if (typeof x === 'string') return x;
      if (Array.isArray(x)) return str(x[0]);
      if (x && typeof x === 'object' && '@value' in x) return str((x as Record<string, unknown>)['@value']);
      return undefined;
    };
    const published = str(o.datePublished);
    const created = str(o.dateCreated);
    const modified = str(o.dateModified);
    if (published || created || modified) out.push({ type, published, created, modified });
    for (const [k, x] of Object.entries(o)) if (k !== 'datePublished' && k !== 'dateModified' && typeof x === 'object') walk(x, depth + 1);
  };
  for (const raw of blocks) {
    const body = raw.trim().replace(/^<!--|-->$/g, '').replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, '');
    try {
      walk(JSON.parse(body), 0);
    } catch {
      // Broken JSON-LD is common (stray commas, unescaped quotes): read the date keys with a regex.
      const re = /"(datePublished|dateCreated|dateModified)"\s*:\s*"([^"]{6,40})"/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(body))) {
        const key = m[1] === 'datePublished' ? 'published' : m[1] === 'dateCreated' ? 'created' : 'modified';
        out.push({ type: '', [key]: m[2] });
      }
    }
  }
  return out;
}

/** Finder of dates on one page; holds the page facts and the plausibility window. */
interface Context {
  facts: PageFacts;
  minDay: string;
  maxDay: string;
  order: DayOrder;
}

function plausible(ctx: Context, d: ParsedDate | null): d is ParsedDate {
  return d !== null && d.day >= ctx.minDay && d.day <= ctx.maxDay;
}

function parseAttr(ctx: Context, value: string | undefined): ParsedDate | null {
  if (!value) return null;
  const d = parseDate(value, { order: ctx.order, compact: true });
  return plausible(ctx, d) ? d : null;
}

function parseText(ctx: Context, value: string): ParsedDate | null {
  const d = parseDate(value, { order: ctx.order });
  return plausible(ctx, d) ? d : null;
}

/** The date an element carries: its datetime/content/title attribute, else its own text. */
function elementDate(ctx: Context, el: DateElement): ParsedDate | null {
  return (
    parseAttr(ctx, el.attribs.datetime) ??
    parseAttr(ctx, el.attribs.content) ??
    parseAttr(ctx, el.attribs['data-datetime'] ?? el.attribs['data-date'] ?? el.attribs['data-time']) ??
    parseAttr(ctx, el.attribs.title) ??
    (el.long ? null : parseText(ctx, el.text))
  );
}

function jsonLdRules(ctx: Context): { published: Found | null; modified: Found | null } {
  const objects = jsonLdDates(ctx.facts.jsonLd);
  let published: Found | null = null;
  let publishedRank = Infinity;
  let modified: Found | null = null;
  let modifiedRank = Infinity;
  for (const o of objects) {
    const isArticle = ARTICLE_TYPE.test(o.type);
    const p = parseAttr(ctx, o.published);
    const c = parseAttr(ctx, o.created);
    // Rank: the article's datePublished, its dateCreated, then a container's dates.
    const pick: Array<[ParsedDate | null, number, string]> = [
      [p, isArticle ? 0 : 2, 'json-ld:datePublished'],
      [c, isArticle ? 1 : 3, 'json-ld:dateCreated'],
    ];
    for (const [d, rank, rule] of pick) {
      if (d && rank < publishedRank) {
        published = { date: d, rule };
        publishedRank = rank;
      }
    }
    const m = parseAttr(ctx, o.modified);
    const mr = isArticle ? 0 : 1;
    if (m && mr < modifiedRank) {
      modified = { date: m, rule: 'json-ld:dateModified' };
      modifiedRank = mr;
    }
  }
  return { published, modified };
}

function metaRules(ctx: Context): { published: Found | null; modified: Found | null } {
  let published: Found | null = null;
  let pRank = Infinity;
  let modified: Found | null = null;
  let mRank = Infinity;
  for (const a of ctx.facts.metas) {
    const name = metaName(a);
    if (!name) continue;
    const pr = PUBLISHED_RANK.get(name);
    const mr = MODIFIED_RANK.get(name);
    if (pr !== undefined && pr < pRank) {
      const d = parseAttr(ctx, metaValue(a));
      if (d) {
        published = { date: d, rule: `meta:${name}` };
        pRank = pr;
      }
    } else if (mr !== undefined && mr < mRank) {
      const d = parseAttr(ctx, metaValue(a));
      if (d) {
        modified = { date: d, rule: `meta:${name}` };
        mRank = mr;
      }
    } else if (name === 'parsely-page' && !published) {
      // Parse.ly packs its fields as JSON in one meta tag.
      const m = /"pub_date"\s*:\s*"([^"]+)"/.exec(metaValue(a));
      const d = m ? parseAttr(ctx, m[1]) : null;
      if (d) published = { date: d, rule: 'meta:parsely-page' };
    }
  }
  return { published, modified };
}

function itempropRules(ctx: Context): { published: Found | null; modified: Found | null } {
  let published: Found | null = null;
  let modified: Found | null = null;
  for (const el of ctx.facts.itemprops) {
    const prop = (el.attribs.itemprop ?? '').toLowerCase();
    if (!published && /datepublished|datecreated|pubdate/.test(prop)) {
      const d = elementDate(ctx, el);
      if (d) published = { date: d, rule: `itemprop:${prop}` };
    } else if (!modified && /datemodified/.test(prop)) {
      const d = elementDate(ctx, el);
      if (d) modified = { date: d, rule: `itemprop:${prop}` };
    }
  }
  return { published, modified };
}

// A meta name not in the lists that still says "published/created/uploaded on", e.g. `five_hundred_pixels:uploaded`.
const OTHER_PUBLISHED_META = /(?:^|[:._-])(?:published|publish|pub|created|uploaded|issued|posted)(?:[:._-]?(?:time|date|at|on))?$/;
// Names that look like dates of something else.
const NOT_PUBLISHED_META = /modif|updat|expir|valid|birth|end|start|event|copyright/;

/** A meta tag outside the known lists whose name still says "published" or "created". */
function otherMetaRule(ctx: Context): Found | null {
  for (const a of ctx.facts.metas) {
    const name = metaName(a);
    if (!name || PUBLISHED_RANK.has(name) || !OTHER_PUBLISHED_META.test(name) || NOT_PUBLISHED_META.test(name)) continue;
    const d = parseAttr(ctx, metaValue(a));
    if (d) return { date: d, rule: `meta:${name}` };
  }
  return null;
}

// Keys of page-state JSON in inline scripts (Shopify, Next.js, CMS payloads) that name the publication.
const SCRIPT_PUBLISHED_KEY = /["'](?:datePublished|published_at|publishedAt|publish_date|publishDate|publicationDate|first_published_at|firstPublishedAt|pubDate|date_published)["']\s*:\s*["']([^"']{8,40})["']/;

/** The first publication date named in inline page-state JSON. */
function scriptRule(ctx: Context): Found | null {
  for (const s of ctx.facts.scripts) {
    const m = SCRIPT_PUBLISHED_KEY.exec(s);
    const d = m ? parseAttr(ctx, m[1]) : null;
    if (d) return { date: d, rule: 'script-json' };
  }
  return null;
}

/** A candidate with its place on the page. */
interface Placed extends Found {
  at: number;
}

// A date element this close to the headline (before it: kicker and date line; after it: byline) is the
// article's own. Set from all folds of htmldate's, trafilatura's and WCXB's dev sets (300 to 2,000 score the same).
const HEADER_WINDOW = 600;

/**
 * The candidate that belongs to the article: the one nearest the `<h1>` when one lies within
 * `HEADER_WINDOW` of it (a teaser list or a sidebar before the headline carries other articles'
 * dates), else the first in document order.
 */
function nearestHeadline(ctx: Context, candidates: Placed[]): Placed | null {
  const h = ctx.facts.headlineAt;
  let best: Placed | null = null;
  if (h >= 0) {
    for (const c of candidates) {
      const gap = Math.abs(c.at - h);
      if (gap <= HEADER_WINDOW && (!best || gap < Math.abs(best.at - h))) best = c;
    }
  }
  return best ?? candidates[0] ?? null;
}

/** Within `HEADER_WINDOW` of the `<h1>` (always false on a page without one). */
function inHeader(ctx: Context, c: Placed): boolean {
  return ctx.facts.headlineAt >= 0 && Math.abs(c.at - ctx.facts.headlineAt) <= HEADER_WINDOW;
}

/** `<time>` elements: one marked as the publication (pubdate, class "published"/"entry-date") first. */
function timeRules(ctx: Context): { marked: Placed | null; first: Placed | null; updated: Found | null } {
  const marked: Placed[] = [];
  const plain: Placed[] = [];
  let updated: Found | null = null;
  for (const el of ctx.facts.times) {
    const cls = el.context;
    const d = elementDate(ctx, el);
    if (!d) continue;
    if (UPDATED_CLASS.test(cls)) {
      if (!updated) updated = { date: d, rule: 'time.updated' };
      continue;
    }
    if (el.aside) continue;
    if ('pubdate' in el.attribs || PUBLISHED_CLASS.test(cls)) marked.push({ date: d, rule: 'time[pubdate]', at: el.at });
    plain.push({ date: d, rule: 'time', at: el.at });
  }
  return { marked: nearestHeadline(ctx, marked), first: nearestHeadline(ctx, plain), updated };
}

function abbrRule(ctx: Context): Placed | null {
  for (const el of ctx.facts.abbrs) {
    const cls = `${el.attribs.class ?? ''}`;
    if (el.aside || !/publi|date|time|dtstart/i.test(cls)) continue;
    const d = elementDate(ctx, el);
    if (d) return { date: d, rule: 'abbr.published', at: el.at };
  }
  return null;
}

/**
 * Elements whose class or id names a date: the one nearest the headline, else the first in document
 * order (a bare "date" class in the article header comes before a "news-date" in a teaser list
 * further down); "updated" ones go apart.
 */
function classRules(ctx: Context): { published: Placed | null; updated: Found | null } {
  const published: Placed[] = [];
  let updated: Found | null = null;
  for (const el of ctx.facts.classed) {
    if (el.aside || el.tag === 'time' || el.tag === 'meta') continue;
    const cls = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`.trim();
    const d = elementDate(ctx, el);
    if (!d) continue;
    if (UPDATED_CLASS.test(cls) || UPDATED_CUE.test(el.text.slice(0, d.index))) {
      updated ??= { date: d, rule: `class:${cls}` };
    } else published.push({ date: d, rule: `class:${cls}`, at: el.at });
  }
  return { published: nearestHeadline(ctx, published), updated };
}

// Text-date scores: a cue word outweighs a date standing on its own line (a byline), which outweighs
// repetition; a date inside a long sentence is an event's. Swept over all five folds of htmldate's,
// trafilatura's and WCXB's dev sets: every score within ±50 % gives the same answers on all three.
const SCORE_PUBLISHED_CUE = 4;
const SCORE_UPDATED_CUE = 0;
const SCORE_OWN_LINE = 2;
const SCORE_IN_PROSE = -1;
const SCORE_PER_REPEAT = 0.5;
const SCORE_NEAR_HEADLINE = 1.5;
// The first date this close after the start of the `<h1>` is the byline's (a standfirst and an author box
// can come first). Same three sets, all folds: 1,200 to 2,500 score alike, 400 and 800 lose 1 to 2 pages.
const NEAR_HEADLINE_CHARS = 1200;
const MAX_REPEAT_BONUS = 1.5;
// A date line with at most this many other characters is a byline or a date stamp ("By Ann Lee · 5 min
// read · 3 March 2024"). Same sets, all folds: 50 to 60 best, 30 lost 4 pages, 80 and more lose others.
const OWN_LINE_CHARS = 50;
// A date line with more than this many other characters is running text (60 to 240 score alike).
const PROSE_LINE_CHARS = 120;

/** The extensive pass: every plausible date of the visible text, scored by cue, line and repetition. */
function textRules(ctx: Context, url: UrlDate | null): { published: Found | null; modified: Found | null } {
  const text = ctx.facts.text;
  const all = findAllDates(text, { order: ctx.order }).filter((d) => plausible(ctx, d));
  const inUrlMonth = url ? all.filter((d) => d.day.startsWith(url.month)) : [];
  const pool = inUrlMonth.length ? inUrlMonth : all;
  const count = new Map<string, number>();
  for (const d of pool) count.set(d.day, (count.get(d.day) ?? 0) + 1);
  // Only the first date after the headline is the byline's; later ones near it belong to the story.
  const h = ctx.facts.headline;
  const byline = h >= 0 ? pool.find((d) => d.index >= h && d.index - h <= NEAR_HEADLINE_CHARS) : undefined;
  let best: Found | null = null;
  let bestScore = -Infinity;
  let modified: Found | null = null;
  let modifiedScore = -Infinity;
  for (const d of pool) {
    const lineStart = text.lastIndexOf('\n', d.index - 1) + 1;
    const lineEnd = text.indexOf('\n', d.index + d.text.length);
    const rest = (lineEnd < 0 ? text.length : lineEnd) - lineStart - d.text.length;
    // The cue may sit on the line before ("Letzte Änderung:" / "14.01.2022").
    const before = text.slice(Math.max(0, d.index - CUE_WINDOW), d.index).replace(/\s*\n\s*/g, ' ');
    let score = 0;
    let rule = 'text';
    let updated = false;
    if (PUBLISHED_CUE.test(before)) {
      score += SCORE_PUBLISHED_CUE;
      rule = 'text:published-cue';
    } else if (UPDATED_CUE.test(before)) {
      score += SCORE_UPDATED_CUE;
      rule = 'text:updated-cue';
      updated = true;
    }
    if (rest <= OWN_LINE_CHARS) {
      score += SCORE_OWN_LINE;
      if (rule === 'text') rule = 'text:own-line';
    } else if (rest > PROSE_LINE_CHARS) score += SCORE_IN_PROSE;
    if (d === byline) score += SCORE_NEAR_HEADLINE;
    score += Math.min(MAX_REPEAT_BONUS, SCORE_PER_REPEAT * ((count.get(d.day) ?? 1) - 1));
    if (score > bestScore) {
      best = { date: d, rule };
      bestScore = score;
    }
    if (updated && score > modifiedScore) {
      modified = { date: d, rule };
      modifiedScore = score;
    }
  }
  // With only an "updated" stamp, that stamp is the best evidence of when the page as it stands appeared.
  return { published: best, modified };
}

// An ISO datetime with an explicit offset other than UTC.
const LOCAL_DATETIME = /(?:19|20)\d\d-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?[+-](?!00:?00)[01]\d:?[0-5]\d/g;
// Two stamps this close are the same moment written in two zones.
const SAME_INSTANT_MS = 120_000;

/** Every datetime the page's metadata writes with a local offset. */
function localDatetimes(facts: PageFacts): string[] {
  const sources: string[] = [...facts.jsonLd];
  for (const a of facts.metas) sources.push(metaValue(a));
  for (const el of [...facts.times, ...facts.itemprops, ...facts.classed]) sources.push(el.attribs.datetime ?? el.attribs.content ?? '');
  const out: string[] = [];
  for (const s of sources) for (const m of s.matchAll(LOCAL_DATETIME)) out.push(m[0]);
  return out;
}

/**
 * A UTC stamp can fall on the next (or previous) day of the day the page was published where it
 * was written: the same moment written with a local offset elsewhere on the page, or a URL day one
 * day apart, gives the day as the publisher wrote it.
 */
function localise(ctx: Context, found: Found, url: Found | null): Found {
  const dt = found.date.datetime;
  if (!dt || !/(?:Z|[+-]00:00)$/.test(dt)) return found;
  const instant = Date.parse(dt);
  if (Number.isNaN(instant)) return found;
  for (const local of localDatetimes(ctx.facts)) {
    const t = Date.parse(local);
    if (!Number.isNaN(t) && Math.abs(t - instant) <= SAME_INSTANT_MS) {
      const d = parseDate(local);
      if (d && d.day !== found.date.day) return { date: d, rule: `${found.rule}+local-offset` };
    }
  }
  if (url && url.date.day !== found.date.day) {
    const gap = Math.abs(Date.parse(url.date.day) - Date.parse(found.date.day));
    if (gap === 86_400_000) return { date: url.date, rule: `url (${found.rule} is UTC)` };
  }
  return found;
}

/** The same year with day and month exchanged (2023-03-10 and 2023-10-03). */
function swapped(a: string, b: string): boolean {
  return a !== b && a.slice(0, 4) === b.slice(0, 4) && a.slice(5, 7) === b.slice(8, 10) && a.slice(8, 10) === b.slice(5, 7);
}

function evidence(f: Found, what: string): DateEvidence {
  return { text: f.date.text, reason: `${what} ${f.date.day} by rule ${f.rule}` };
}

/**
 * Publication and modification dates of a parsed HTML page (htmlparser2/domhandler tree).
 *
 * @example
 * findHtmlDates(parseDocument(html), 'https://example.org/2023/06/15/story')
 * // → { published: '2023-06-15T08:30:00+02:00', modified: null, publishedFrom: 'metadata', evidence: [...] }
 */
export function findHtmlDates(document: Document, url: string | null, options: HtmlDateOptions = {}): HtmlDates {
  try {
    return findDates(document, url, options);
  } catch {
    // Bad markup must not stop the extractor: no date is an honest answer.
    return { published: null, modified: null, publishedFrom: null };
  }
}

function findDates(document: Document, url: string | null, options: HtmlDateOptions): HtmlDates {
  const facts = collectPageFacts(document);
  const ctx: Context = {
    facts,
    minDay: `${options.minYear ?? MIN_YEAR}-01-01`,
    maxDay: latestDay(options.now ?? new Date()),
    order: dayOrder(facts.lang),
  };
  const fromUrl = urlDate(url);
  const urlFound: Found | null =
    fromUrl?.day && fromUrl.day >= ctx.minDay && fromUrl.day <= ctx.maxDay
      ? { date: { day: fromUrl.day, datetime: null, text: fromUrl.text, index: 0 }, rule: 'url' }
      : null;

  const ld = jsonLdRules(ctx);
  const meta = metaRules(ctx);
  const item = itempropRules(ctx);
  const time = timeRules(ctx);
  const cls = classRules(ctx);
  const abbr = abbrRule(ctx);
  // Strongest first. The URL first (as htmldate does) lost more pages than it won on all three dev
  // sets (htmldate's −1, trafilatura's −2, WCXB −1), so it comes after the page's own date elements.
  const metadataChain: Array<Found | null> = [
    ld.published, meta.published, item.published,
    // A date element in the article's header beats the others: a teaser card's "date" must not beat a bare `<time>` under the headline.
    [time.marked, abbr, cls.published, time.first].find((c) => c && inHeader(ctx, c)) ?? null,
    time.marked, abbr, cls.published, otherMetaRule(ctx), time.first, urlFound, scriptRule(ctx),
  ];
  const modifiedChain: Array<Found | null> = [ld.modified, meta.modified, item.modified, time.updated, cls.updated];

  // A date element or URL day after the page's own structured "modified" stamp cannot be its publication.
  const lastChange = (ld.modified ?? meta.modified ?? item.modified)?.date.day;
  const structured = new Set([ld.published, meta.published, item.published]);
  let published: Found | null = metadataChain.find((f) => f && (structured.has(f) || !lastChange || f.date.day <= lastChange)) ?? null;
  let from: HtmlDates['publishedFrom'] = published ? 'metadata' : null;
  let modified: Found | null = modifiedChain.find((f) => f) ?? null;
  if (published && WEAK_META_RULE.test(published.rule) && options.extensive !== false) {
    // A bare "date" meta is often the last change: a date the text calls the publication wins.
    const text = textRules(ctx, fromUrl);
    if (text.published?.rule === 'text:published-cue' && text.published.date.day < published.date.day) {
      modified ??= published;
      published = text.published;
      from = 'text';
    }
  } else if (!published && options.extensive !== false) {
    const text = textRules(ctx, fromUrl);
    published = text.published;
    if (published) from = 'text';
    modified = modified ?? text.modified;
  }
  // 03/10/2023 reads either way; a URL naming 2023-10-03 settles the order the page uses.
  if (published && urlFound && !structured.has(published) && swapped(published.date.day, urlFound.date.day)) {
    published = { date: urlFound.date, rule: `url (${published.rule} in the other day order)` };
  }
  if (published && from === 'metadata') published = localise(ctx, published, urlFound);
  if (modified) modified = localise(ctx, modified, null);
  // A modification before the publication is a wrong reading of one of them: keep the publication.
  if (published && modified && modified.date.day < published.date.day) modified = null;
  const ev: DateEvidence[] = [];
  if (published) ev.push(evidence(published, 'published'));
  if (modified) ev.push(evidence(modified, 'modified'));
  return {
    published: published ? outputOf(published.date) : null,
    modified: modified ? outputOf(modified.date) : null,
    publishedFrom: from,
    ...(ev.length ? { evidence: ev } : {}),
  };
}
