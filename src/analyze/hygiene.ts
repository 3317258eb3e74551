/**
 * Content hygiene: which sentences of an article are its reporting, and which are page furniture
 * that a scraper kept — reader comments, bylines, datelines, legal and share text, footers, lists
 * of figures. Furniture is never a fact, a timeline entry or a summary sentence, whatever the
 * cleaner let through (text often arrives already scraped). Each rule is named data with its reason.
 */
import type { Sentence } from './sentences.js';

/** One hygiene rule: what it recognises and why that is no reporting. */
export interface HygieneRule {
  name: string;
  reason: string;
  pattern: RegExp;
}

// Scraped text is often tokenised ("-LRB- Reuters -RRB-", "30 April , 2009"): both forms are read.
const OPEN = String.raw`(?:\(|-LRB-)`;
const CLOSE = String.raw`(?:\)|-RRB-)`;
const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`;
const WEEKDAY = String.raw`(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?`;
const CLOCK = String.raw`\d{1,2}[:.]\d{2}(?:\s?[aApP]\.?[mM]\.?)?(?:\s(?:UK time|local time|[A-Z]{2,4}\b))?`;
// A calendar date in the orders pages print: "May 5 , 2009", "25 April 2009", "30th Apr 2009", "09/14/2013", "2009 06 13".
const DAY_DATE = String.raw`(?:${MONTH}\s\d{1,2}(?:st|nd|rd|th)?\s?,?\s\d{4}|\d{1,2}(?:st|nd|rd|th)?\s${MONTH}\s?,?\s\d{4}|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}[-/ ]\d{2}[-/ ]\d{2})`;
// A page's time stamp: weekday, date and clock in any order a template prints them.
const STAMP = String.raw`(?:${WEEKDAY}\s?,?\s)?(?:${DAY_DATE}\s?,?\s?(?:at\s)?(?:${CLOCK})?|${CLOCK}(?:\s?,?\s(?:${WEEKDAY}\s?,?\s)?(?:${DAY_DATE})?)?)`;
const NAME = String.raw`[A-Z][\p{L}'’.-]+(?:\s[A-Z][\p{L}'’.-]+){0,3}`;

/**
 * Prefixes to cut from a sentence before reading it (the rest is the reporting): datelines,
 * bylines with a time stamp, "Updated …" stamps.
 */
export const PREFIX_RULES: readonly HygieneRule[] = [
  {
    name: 'byline-stamp',
    reason: 'an author and a time stamp before the first sentence ("Jane Doe | 18:00 UK time, Saturday, 25 April 2009") are the page header',
    pattern: new RegExp(String.raw`^${NAME}\s\|\s${STAMP}\s*`, 'u'),
  },
  {
    name: 'update-stamp',
    reason: '"Updated 09/14/2013 01:03 PM", "Published 3:45 PM EDT" say when the page changed, not what happened',
    pattern: new RegExp(String.raw`^(?:Last\s)?(?:Updated|Published|Posted|Modified|First published)(?:\son|\sat)?:?\s${STAMP}\s*(?:\|\s*)?`, 'u'),
  },
  {
    name: 'wire-dateline',
    reason: 'a dateline ("HOUSTON | Tue May 5, 2009 7:51 pm EDT HOUSTON (Reuters) -") places and times the page, it states nothing',
    pattern: new RegExp(String.raw`^(?:[A-Z][A-Z .'-]{1,30}\s\|\s)?(?:${STAMP}\s)?(?:[A-Z][A-Z .,'-]{1,40}\s)?${OPEN}\s?[A-Z][\p{L} .&-]{1,30}?\s?${CLOSE}\s?(?:-|–|—|--)\s*`, 'u'),
  },
  {
    name: 'release-stamp',
    reason: '"FOR IMMEDIATE RELEASE July 13, 2009" before a release\'s first sentence is its header, not the happening',
    pattern: new RegExp(String.raw`^for\simmediate\srelease\b[\s:,.-]*(?:${STAMP})?\s*`, 'iu'),
  },
  {
    name: 'stamp-dateline',
    reason: 'a bare time stamp before a sentence ("Tue Apr 28, 2009 9:03 pm BST") dates the page, not the happening',
    pattern: new RegExp(String.raw`^(?:[A-Z][A-Z .'-]{1,30}\s\|\s)?${WEEKDAY}\s?,?\s${DAY_DATE}\s?,?\s${CLOCK}\s*`, 'u'),
  },
];

/** Whole sentences that are page furniture. */
export const SENTENCE_RULES: readonly HygieneRule[] = [
  {
    name: 'comment-header',
    reason: 'a reader comment ("At 08:23 30th Apr 2009, reader42 wrote: …", "Posted by …") is a reader speaking, not the outlet reporting',
    pattern: new RegExp(String.raw`^(?:At\s${STAMP}\s?,?\s\S{1,40}\swrote\s?:|(?:-\s)?Posted\sby\s${NAME}(?:\s(?:on|at)\s|\s*$))`, 'u'),
  },
  {
    name: 'comment-policy',
    reason: 'text about the comments section ("Your comments may be published", "Leave a comment", "12 comments") is the page, not the story',
    pattern: /\byour (?:\w+ )?comments? (?:may|will|are|must|should)\b|\bviews expressed in (?:the )?comments\b|\bcomments are (?:not )?(?:pre-?screened|moderated)\b|\b(?:may edit|moderate) (?:your )?comments\b|\bwe welcome (?:\w+ )?comments\b|\b(?:leave|post|add|submit|write) (?:a|your) comment\b|\bcomment on this (?:blog|post|story|article|page)\b|\bin the comments? (?:below|section)\b|\bthis comment was removed\b|\b(?:view|show|read|see) (?:all )?(?:\d+ )?comments\b|^(?:all )?(?:\d+ )?comments?\s?(?:\(\d+\))?\s?[.:]?$/iu,
  },
  {
    name: 'byline',
    reason: 'a byline or reporting credit ("By Jane Doe", "Reporting by …; Editing by …") names who wrote the page',
    pattern: new RegExp(String.raw`^(?:By\s${NAME}(?:\s(?:and|&)\s${NAME})?(?:\s?[,|]\s?[A-Z][\p{L}]*(?:\s[\p{L}]+){0,5})?\s?\.?$|${OPEN}?\s?(?:[Aa]dditional\s)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Rr]esearch|[Gg]raphics)\sby\s)|^(?:--\s?)?${NAME}\sis\san?\s(?:[\p{L}-]+\s){0,3}(?:columnist|correspondent|editor|reporter|writer|contributor|blogger)\b[^,;]{0,40}\.?$`, 'u'),
  },
  {
    name: 'legal',
    reason: 'copyright, disclaimers and data licences ("All rights reserved", "All quotes delayed a minimum of 15 minutes") are legal text',
    pattern: /©|\(c\)\s?\d{4}|\bcopyright\s?(?:©|\(c\)|\d{4})|\ball rights reserved\b|\bquotes? (?:are )?delayed\b|^disclaimer\b|^(?:terms of (?:use|service)|privacy (?:policy|statement)|cookie policy)\b|\bis (?:the )?proprietary (?:to|of)\b|\b(?:market|quote|index) data\b.{0,40}\b(?:provided|property)\b|\bmay not be (?:published|broadcast|rewritten|redistributed)\b|\bthe world ?['’]? ?s largest (?:international )?(?:multimedia )?news (?:agency|organi[sz]ation)\b/iu,
  },
  {
    name: 'share-navigation',
    reason: 'share, print, subscribe and "Read more" links are page controls',
    pattern: /^(?:read more|related (?:pages|stories|articles|links|content|topics)|share(?: (?:this|on|via))?|email(?: this| to a friend)?|print(?: this)?|click here|full article|see also|more on this story|back to top|advertisement|subscribe|sign up|follow us|retweet|top stories|most (?:read|popular|viewed))(?: (?:page|story|article|post))?\s?(?:[:»›>|].{0,80})?[.!?]?$|\bclick\b.{0,40}\b(?:here|this link|below)\b|\bfor full coverage\b.{0,60}\bclick\b|\bfollow (?:us|@\w+) on (?:twitter|facebook|instagram)\b/iu,
  },
  {
    name: 'reader-callout',
    reason: 'a call for readers\' stories ("Tell us your experiences using the form below") asks, it reports nothing',
    pattern: /\b(?:tell|send|share with) us your (?:experiences?|views?|stories|story|photos|pictures|videos|comments)\b|\b(?:fill|filling) in the form below\b|^(?:have you been|were you|are you being|do you know (?:someone|anyone) who (?:has been|was)) (?:\w+ ){0,3}(?:affected|caught up|involved)\b[^?]*\?$/iu,
  },
  {
    name: 'release-header',
    reason: 'a press release\'s header ("FOR IMMEDIATE RELEASE July 13, 2009", "Office of the Press Secretary") names the issuer and the day, it reports nothing',
    pattern: new RegExp(String.raw`^(?:for\simmediate\srelease|embargoed(?:\s(?:until|for))?|news\srelease|press\srelease|media\sadvisory|office\sof\sthe\spress\ssecretary)\b[\s:,.-]*(?:${STAMP})?[\s.]*$`, 'iu'),
  },
  {
    name: 'issuer-header',
    reason: 'an issuer\'s name alone in capitals ("THE WHITE HOUSE", "MINISTRY OF FOREIGN AFFAIRS") heads a release; it is no sentence',
    pattern: /^(?:THE\s)?(?:WHITE\sHOUSE|KREMLIN|(?:[A-Z]+\s){0,3}(?:MINISTRY|DEPARTMENT|PRESS\sOFFICE|EMBASSY)(?:\s(?:OF|FOR)(?:\s[A-Z]+){1,4})?)\s*$/u,
  },
  {
    name: 'media-player',
    reason: 'player and browser notices ("you need to have JavaScript enabled and Flash installed") are the page talking',
    pattern: /\b(?:javascript (?:enabled|is disabled|must be)|flash (?:player|installed|plugin|plug-in)|enable (?:javascript|cookies)|your browser (?:does not|doesn't|is out of date))\b/iu,
  },
];

/** Minimum words left after cutting a prefix for the rest to be reporting (reason: "HOUSTON (Reuters) - ." is only a dateline). */
const MIN_WORDS = 3;

// A list of figures or tickers: at least this many figures, making at least this share of the
// words (reason: "Dow 12,981 +0.4% Nasdaq 2,873 -0.2% FTSE 5,712 +0.1%" is a table row; a news
// sentence with four figures has words between them: on ECB+ dev no sentence of the reports' facts hits it).
const MIN_FIGURES = 4;
const FIGURE_SHARE = 0.5;

/** Why a sentence is page furniture: the rule that recognised it. */
export interface HygieneVerdict {
  rule: string;
  reason: string;
}

const FIGURE_LIST: HygieneVerdict = { rule: 'figure-list', reason: 'a row of figures or tickers is a table, not a sentence' };
const AGENCY_DATELINE: HygieneVerdict = { rule: 'dateline', reason: 'a line of place, date and agency ("Port Almera, Jul 13, 2009 / 02: 00 pm (CPA)") dates the copy' };
const TIME_STAMP: HygieneVerdict = { rule: 'time-stamp', reason: 'a line of only a date and time ("PUBLISHED: THURSDAY, MAY 2, 2025, 1: 32 PM") stamps the page' };

// Words a page's time stamp is made of (any case), besides figures and time-zone abbreviations.
const STAMP_WORD = /^(?:\d{1,4}(?:st|nd|rd|th|[ap]m)?|[ap]m|[ap]\.m|at|on|last|first|published|updated|posted|modified|uk|local|time|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/iu;

/** True for a line that is only a date and time, with an optional "Published:" label. */
function isTimeStamp(text: string): boolean {
  const words = text.split(/[\s,|/.:;()-]+/u).filter(Boolean);
  return words.length >= 2 && words.some((w) => /\d/u.test(w)) && words.every((w) => STAMP_WORD.test(w) || /^[A-Z]{2,4}$/u.test(w));
}

/**
 * True for a dateline line that ends in an agency's tag: place, date, time, agency ("Port Almera,
 * Jul 13, 2009 / 02: 00 pm (CPA)") — it dates the copy; the reporting comes after it.
 */
function isAgencyDateline(text: string): boolean {
  const m = /^\p{Lu}[\p{L}. '-]{1,40}?,\s(.{6,60}?)\s?\((?:[A-Z][A-Za-z]{1,9})\)\s*\.?$/u.exec(text.trim());
  return !!m && isTimeStamp(m[1]!);
}

function isFigureList(text: string): boolean {
  const words = text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const figures = words.filter((w) => /^[+\-−]?[$€£]?\d[\d.,:/]*%?$/u.test(w)).length;
  return figures >= MIN_FIGURES && figures >= FIGURE_SHARE * words.length;
}

/** Length of the dateline, byline or stamp before a sentence's reporting (0 when none). */
export function furniturePrefixLength(text: string): number {
  let at = 0;
  // Prefixes stack ("Jane Doe | 18:00 UK time, 25 April 2009 LONDON (Reuters) - …").
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of PREFIX_RULES) {
      const m = r.pattern.exec(text.slice(at));
      if (m && m[0].length) {
        at += m[0].length;
        changed = true;
      }
    }
  }
  return at;
}

/**
 * The rule that makes a sentence page furniture, or null when it is reporting. A sentence that is
 * only a dateline or stamp is furniture too.
 * @example furnitureOf('At 08:23 30th Apr 2009 , reader42 wrote : I think they are hiding the numbers .') // → comment-header
 */
export function furnitureOf(text: string): HygieneVerdict | null {
  const cut = furniturePrefixLength(text);
  const rest = text.slice(cut).trim();
  const words = rest.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (cut && words < MIN_WORDS) return { rule: 'dateline', reason: 'only a dateline or time stamp' };
  for (const r of SENTENCE_RULES) if (r.pattern.test(text.trim()) || (cut && r.pattern.test(rest))) return { rule: r.name, reason: r.reason };
  if (isTimeStamp(text)) return TIME_STAMP;
  if (isAgencyDateline(text)) return AGENCY_DATELINE;
  if (isPageStamp(text)) return PAGE_STAMP;
  return isFigureList(rest) ? FIGURE_LIST : null;
}

/**
 * Lines that date the page, not a happening: datelines ("Updated 09/14/2013 01:03 PM", "Mondo
 * International Updated on 2024-02-08", "Posted 1 year ago") and reader comments ("At 08:23 30th Apr
 * 2009, reader12 wrote"). Scraped text keeps them as lines of their own, so a short line is tested.
 */
const STAMP_KEYWORD = /^(?:\p{Lu}[\p{L}.&'’-]*\s+){0,4}?(?:(?:last|first|article)\s+)?(?:updated|posted|published|modified)\b/iu;
/** Words that may follow a dateline's keyword besides numbers and time zones: no prose ("Published in 2010, the book sold well"). */
const PAGE_STAMP_WORD = /^(?:on|at|in|ago|and|downloaded|updated|posted|last|days?|years?|hours?|minutes?|[apm]|[ap]m|\d+(?:st|nd|rd|th|am|pm)?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*)$/iu;
const COMMENT_HEADER = /^(?:at|on)\s+\d{1,2}\s*:\s*\d{2}\b[^.]{0,60}\bwrote\b|^\S{2,30}\s+wrote\s*:?\s*$|\bposted by\s+\S+\s+(?:at|on)\s+\d/iu;

/** Lines longer than this are prose, never a bare dateline or comment header. */
const PAGE_STAMP_MAX = 100;

/** Whether a sentence is a page stamp: a dateline or a reader's comment header. */
export function isPageStamp(sentence: string): boolean {
  const t = sentence.trim();
  if (t.length > PAGE_STAMP_MAX) return false;
  if (COMMENT_HEADER.test(t)) return true;
  const k = STAMP_KEYWORD.exec(t);
  if (!k) return false;
  const rest = t.slice(k[0].length).split(/[^\p{L}\d]+/u).filter(Boolean);
  // Time zones are short capitals ("ET", "AEST").
  return /\d/u.test(t) && rest.every((w) => PAGE_STAMP_WORD.test(w) || (w.length <= 4 && w === w.toUpperCase()));
}

const PAGE_STAMP: HygieneVerdict = { rule: 'dateline', reason: 'a line that dates the page (updated, posted, published) or a reader comment header' };

/** True when a sentence may become a fact, a timeline entry or a summary sentence. */
export function isReportableSentence(text: string): boolean {
  return furnitureOf(text) === null;
}

/**
 * The reporting part of a sentence: the sentence without its dateline or byline prefix (offsets
 * kept true to the article), or null when it is page furniture.
 */
export function reportablePart(s: Sentence): Sentence | null {
  if (furnitureOf(s.text)) return null;
  const cut = furniturePrefixLength(s.text);
  if (!cut) return s;
  const lead = s.text.slice(cut).length - s.text.slice(cut).trimStart().length;
  return { text: s.text.slice(cut + lead), start: s.start + cut + lead, end: s.end };
}

// Where a page's reader comments begin: the first comment header, or the comments section's own
// notice. Everything after it is readers speaking (reason: a comment's second sentence carries no header).
const COMMENTS_START = new RegExp(String.raw`(?:^|\n|[.!?]\s)\s*(?<header>At\s${STAMP}\s?,?\s\S{1,40}\swrote\s?:|(?:-\s)?Posted\sby\s${NAME}\s(?:on|at)\s|We\swelcome\s(?:\w+\s)?comments\b)`, 'u');

/** Offset where an article's reader comments begin, or the text's length when it has none. */
export function readerCommentsStart(text: string): number {
  const m = COMMENTS_START.exec(text);
  return m ? m.index + m[0].length - m.groups!.header!.length : text.length;
}

/**
 * Boilerplate by recurrence: the same sentence in at least MIN_ARTICLES articles published on at
 * least MIN_DAYS different days is page furniture (a footer, a product blurb), not a fact
 * corroborated by each page that carries it. Set on Timeline17 H1N1 (its footers and comment
 * notices recur in 10–36 articles over 9–27 days) and ECB+ (reporting repeated verbatim: at most 6
 * articles, copies of one wire story, undated or of one day).
 */
export const RECURRING_SENTENCE = { minArticles: 5, minDays: 3 };

/** Normalised sentence text for recurrence counting. */
export function sentenceKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * The keys (`sentenceKey`) of sentences that recur as page furniture across `articles` (each with
 * its sentences' texts and its publication date; copies should be left out by the caller).
 */
export function recurringSentences(articles: ReadonlyArray<{ published: string | null; sentences: readonly string[] }>, limits = RECURRING_SENTENCE): Set<string> {
  const seen = new Map<string, { articles: number; days: Set<string> }>();
  for (const a of articles) {
    const day = typeof a.published === 'string' && /^\d{4}-\d{2}-\d{2}/u.test(a.published) ? a.published.slice(0, 10) : null;
    for (const key of new Set(a.sentences.map(sentenceKey))) {
      if (key.split(' ').length < MIN_WORDS) continue;
      let s = seen.get(key);
      if (!s) seen.set(key, (s = { articles: 0, days: new Set() }));
      s.articles++;
      if (day) s.days.add(day);
    }
  }
  const out = new Set<string>();
  for (const [key, s] of seen) if (s.articles >= limits.minArticles && s.days.size >= limits.minDays) out.add(key);
  return out;
}
