/**
 * Cleaning already-scraped plain text: a jusText-style line classifier (length, stopword density,
 * sentence punctuation, capitalisation, link-like text, boilerplate patterns kept as data) with
 * neighbour smoothing, plus readers for the title, metadata lines, photo captions, and the outlet
 * (masthead line > copyright holder > site name in the navigation > wire credit; see `outlet.ts`).
 */
import type { CleanedFields, Removal, RemovalReason } from '../../model/index.js';
import { detectLanguage } from '../../analyze/language.js';
import { furnitureOf } from '../../analyze/hygiene.js';
import { isCaptionLine, isPictureTitle } from './captions.js';
import { isLabelValue, looksLikeTopicList, readByline, readDateLine, readLabel, readStampedDateLine, splitTags, type DateLine } from './metadata.js';
import { HOME_LINK, isOutletName, outletRank, readAgencyTag, readCopyrightHolder, readNewsletterName, readReportingCredit, readSourceCredit, readWireDateline, type OutletRule } from './outlet.js';
import { matchLinePattern, PRICE } from './patterns.js';
import { isStopword, stopwordsFor } from '../../analyze/lexicon/index.js';

/** Options of the plain-text cleaner. */
export interface PlainTextOptions {
  /** Take the first substantial line as the headline (off when scoring lines of text without one). */
  title: boolean;
  /** Read metadata lines (dates, byline, labels, tags) into fields. */
  metadata: boolean;
  /** ISO 639-1 code for the stopword list; detected from the text when null. A language without a list is never judged by stopwords. */
  language: string | null;
}

export const DEFAULT_PLAIN_TEXT_OPTIONS: PlainTextOptions = { title: true, metadata: true, language: null };

// jusText-like thresholds, checked on TurkuNLP en.train (line-level keep F1): a grid over
// 40–80 / 100–200 characters and 0.15–0.25 density moved F1 by less than 0.01, so they stay round.
/** Below this many characters a line is "short": its neighbours decide. */
const LENGTH_LOW = 60;
/** From this many characters a prose line is "good" on its own. */
const LENGTH_HIGH = 120;
/** Stopword density of near-good prose. */
const BASE_STOP_LOW = 0.2;
/** Stopword density of good prose. */
const BASE_STOP_HIGH = 0.3;
/**
 * Stopword density scales with how a language builds words: Finnish and Turkish glue function words
 * into endings, Polish and Russian have cases and no articles, so their prose has a fraction of
 * English's density. fi 0.3 tuned on TurkuNLP fi.train; pl and ru are the median density of their
 * paragraphs over English's (0.28 and 0.25 against 0.41; paragraphs of 120+ characters the HTML
 * extractor takes from the htmldate and trafilatura sets' pages: 68 pl, 45 ru); tr has one such
 * paragraph (0.15), so it takes about Finnish's scale.
 */
const STOP_SCALE: Record<string, number> = { fi: 0.3, tr: 0.35, pl: 0.7, ru: 0.6 };
/** Title and metadata lines sit at the top: past this many lines a date is a list entry, not the page's. */
const HEADER_MAX_LINES = 15;
/** Lines of standfirst above a page's stamp: summary bullets run to two or three (ECB+ pages). */
const STANDFIRST_MAX_LINES = 3;
/** A run of this many short menu-like lines is a navigation list (3 best on TurkuNLP en.train, 3–6 tried). */
const NAV_RUN = 3;

/** What became of one non-empty input line. */
export type LineKind = 'title' | 'body' | 'caption' | 'metadata' | 'removed';

export interface LineDecision {
  /** The line with whitespace collapsed. */
  text: string;
  kind: LineKind;
  reason?: RemovalReason;
  rule?: string;
  /** Index of the blank-line-separated block the line belongs to. */
  block: number;
  /** 0-based number of the input line. */
  line: number;
}

type Quality = 'good' | 'near' | 'short' | 'bad';
type Context = Quality | 'edge';

interface Line {
  text: string;
  /** Text without a leading bullet. */
  bare: string;
  /** Length of `bare` in Latin-text characters: a Han or kana character holds about a word, so it counts as three. */
  size: number;
  block: number;
  line: number;
  bullet: boolean;
  words: number;
  /** Share of stopwords among the words; null when the language has no list (density is then no evidence). */
  stopRatio: number | null;
  sentence: boolean;
  menuLike: boolean;
  quality: Quality;
  kind: LineKind | null;
  reason?: RemovalReason;
  rule?: string;
  startsTail: boolean;
  /** Part of a run of bare menu entries. */
  menuRun?: boolean;
  /** A metadata prefix cut from the start of the line (a wire dateline), for `removed`. */
  prefix?: { text: string; rule: string };
}

/** An outlet name read from one line, with the rule that read it. */
interface OutletCandidate {
  name: string;
  rule: OutletRule;
  line: Line;
}

const BULLET = /^(?:[•·▪◦●\-*–—»>]|\d{1,2}[.)])\s+/;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
/** Ends like a sentence (closing quotes and brackets allowed after the mark), in Latin, CJK, Arabic or Devanagari punctuation. */
const SENTENCE_END = /[.!?…。！？؟।]["'”’»)\]」』]*$/;
/** Scripts written without spaces, where one character carries about as much as a short Latin word. */
const DENSE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
/** What a dense-script character counts for: English words average about 5 letters and a space, Chinese and Japanese ones about 2 characters. */
const DENSE_CHAR_WEIGHT = 3;
const LINK = /https?:\/\/|www\./;

/**
 * Whether a line holds an e-mail address (`name@host.tld`), token by token in one pass (reason:
 * the pattern /\b\S+@\S+\.\w{2,}\b/ backtracked over every `@` of a long token without spaces:
 * "a@a@a@…" of 10 kB took minutes).
 */
export function hasEmailAddress(text: string): boolean {
  // Most lines hold no `@` at all: no need to split them (a tenth of plain-text cleaning's time).
  if (!text.includes('@')) return false;
  for (const token of text.split(/\s+/)) {
    // The address starts at a word character; the first `@` after it leaves the most room for the host.
    const start = token.search(/\w/);
    const at = start < 0 ? -1 : token.indexOf('@', start + 1);
    // At least one host character, then `.` and two word characters.
    if (at >= 0 && /\.\w{2}/.test(token.slice(at + 2))) return true;
  }
  return false;
}

/** Links and e-mail addresses: lines of contact details and share buttons, not article text. */
function linkLike(text: string): boolean {
  return LINK.test(text) || hasEmailAddress(text);
}

function makeLine(text: string, block: number, line: number, stops: ReadonlySet<string> | null): Line {
  const bullet = BULLET.test(text);
  const bare = bullet ? text.replace(BULLET, '') : text;
  const tokens = bare.match(WORD) ?? [];
  const words = tokens.length;
  const size = bare.length + (DENSE_CHAR_WEIGHT - 1) * (bare.match(DENSE_SCRIPT)?.length ?? 0);
  const stopRatio = !stops ? null : words ? tokens.filter((w) => isStopword(w, stops)).length / words : 0;
  // Scripts without capitals (CJK, Arabic, Thai…) open a sentence with any letter.
  const sentence = SENTENCE_END.test(bare) && /^[\p{Lu}\p{Lo}\p{N}"'“‘«(¿¡「『]/u.test(bare);
  const capital = tokens.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  // Menu entries: a few words, mostly capitalised or all non-Latin, never a sentence.
  const menuLike = words > 0 && words <= 6 && size <= 50 && (!/[.!?,;。！？、，؟।]$/.test(bare) || /\b\p{L}\.\p{L}\.$/u.test(bare)) && (capital / words >= 0.5 || !/\p{Script=Latin}/u.test(bare));
  return { text, bare, size, block, line, bullet, words, stopRatio, sentence, menuLike, quality: 'bad', kind: null, startsTail: false };
}

/** jusText's first pass: the quality of a line on its own. */
function ownQuality(l: Line, scale: number): Quality {
  const len = l.size;
  // No letters at all (times, counters, a lone index letter): nothing to read.
  if (!/\p{L}{2}/u.test(l.bare)) return 'bad';
  // Without a list for the language, density says nothing: every line passes it, and length,
  // punctuation, patterns and menu runs still decide (Italian prose was dropped for lack of a list).
  const dense = (threshold: number): boolean => l.stopRatio === null || l.stopRatio >= threshold * scale;
  // A table row or a link list: several "|" cells or bare addresses are not prose.
  if ((l.bare.match(/\|/g)?.length ?? 0) >= 2 || (linkLike(l.bare) && l.words < 12)) return 'bad';
  if (PRICE.test(l.bare) && len < 80 && !l.sentence) return 'bad';
  // A short full sentence is prose whatever its length: it stands with its neighbours.
  if (len < LENGTH_LOW) return l.sentence && l.words >= 4 && dense(BASE_STOP_LOW) ? 'near' : 'short';
  if (dense(BASE_STOP_HIGH) && len >= LENGTH_HIGH) return 'good';
  if (dense(BASE_STOP_LOW)) return 'near';
  return 'bad';
}

const normTitle = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** A headline: a few words to a long sentence, not a paragraph (in Chinese or Japanese, few spaces split its words). */
function isTitleCandidate(l: Line): boolean {
  const fewWords = l.words >= 3 || l.size >= 2 * l.bare.length;
  // A date stamp, dateline or release header ("WEDNESDAY, JULY 29, 2009", "THE WHITE HOUSE") heads the page, not the story.
  return fewWords && l.size >= 15 && l.bare.length <= 250 && !l.bullet && !/[:;,]$/.test(l.bare) && !furnitureOf(l.bare);
}

/** The result of analysing a plain text: one decision per non-empty line, and the fields read. */
export interface PlainTextAnalysis {
  lines: LineDecision[];
  fields: CleanedFields;
  /** The language the source was read in (given, or detected on its first characters; null when unclear). */
  language: string | null;
}

/**
 * Classifies every non-empty line of a scraped plain text and reads its fields.
 * `cleanPlainText` is this function's `fields`; the line decisions serve evaluation and debugging.
 */
export function analyzePlainText(input: string, options: PlainTextOptions = DEFAULT_PLAIN_TEXT_OPTIONS): PlainTextAnalysis {
  const fields: CleanedFields = { url: null, title: null, text: '', published: null, publishedFrom: null, modified: null, author: null, outlet: null, section: null, tags: [], captions: [], removed: [] };
  const source = typeof input === 'string' ? input.replace(/[\u200b-\u200d\ufeff\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '') : '';
  const language = options.language ?? detectLanguage(source.slice(0, 4000), { reliableOnly: true });
  const stops = stopwordsFor(language);

  const lines: Line[] = [];
  let block = 0;
  source.split(/\r\n|\r|\n/).forEach((raw, n) => {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (!text) block++;
    else lines.push(makeLine(text, block, n, stops));
  });
  const scale = (language && STOP_SCALE[language]) || 1;
  for (const l of lines) l.quality = ownQuality(l, scale);

  const drop = (l: Line, reason: RemovalReason, rule: string, kind: LineKind = 'removed'): void => {
    l.kind = kind; l.reason = reason; l.rule = rule;
  };

  // Boilerplate patterns first: a widget is a widget wherever it sits.
  for (const l of lines) {
    const p = matchLinePattern(l.bare);
    if (p) { drop(l, p.reason, p.rule); l.startsTail = !!p.startsTail; }
  }

  const outlets: OutletCandidate[] = [];
  const offer = (name: string, rule: OutletRule, line: Line): void => { outlets.push({ name, rule, line }); };

  // Credits of the text itself sit below its first paragraph; above it a "Source:" credits a photo.
  const bodyStart = lines.findIndex((l) => !l.kind && l.quality === 'good');
  const reporters = options.metadata && bodyStart >= 0 ? readCredits(lines, bodyStart, offer) : null;

  // Captions and credits: the credit line, and a lone picture title just before it in its block.
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.kind || !isCaptionLine(l.bare)) continue;
    drop(l, 'caption', 'photo-credit', 'caption');
    const prev = lines[i - 1];
    // The first line of a page is its headline, never a picture title.
    if (prev && i - 1 > 0 && !prev.kind && prev.block === l.block && isPictureTitle(prev.bare)) drop(prev, 'caption', 'picture-title', 'caption');
  }

  // Header: title and metadata lines come before the first good paragraph.
  const firstGood = lines.findIndex((l) => !l.kind && l.quality === 'good');
  const headerEnd = Math.min(firstGood < 0 ? lines.length : firstGood, HEADER_MAX_LINES);
  let sawByline = false;
  let sawTags = false;
  let titleLine: Line | null = null;
  const takeDateLine = (l: Line, date: DateLine): void => {
    drop(l, 'metadata', 'date-line', 'metadata');
    if (date.field === 'published' && !fields.published) { fields.published = date.date; fields.publishedFrom = 'text'; }
    if (date.field === 'modified' && !fields.modified) fields.modified = date.date;
    if (date.outlet) offer(date.outlet, 'date-line', l);
    if (date.section && !fields.section) fields.section = date.section;
  };
  for (let i = 0; i < headerEnd; i++) {
    const l = lines[i]!;
    if (l.kind) continue;
    if (options.metadata) {
      // A bulleted date is an entry of a list (archive, comments), not the page's date.
      const date = l.bullet ? null : readDateLine(l.bare, isOutletName);
      if (date) {
        takeDateLine(l, date);
        continue;
      }
      const byline = readByline(l.bare, (s) => isOutletName(s));
      if (byline) {
        drop(l, 'metadata', byline.author ? 'byline' : 'empty-byline', byline.author ? 'metadata' : 'removed');
        if (byline.author && !fields.author) fields.author = byline.author;
        if (byline.outlet) offer(byline.outlet, 'byline', l);
        sawByline = true;
        continue;
      }
      // A masthead line by the headline; above it, Title Case headlines look alike, so stricter.
      // A name repeated on the page ("Aftonbladet" in a link list) or inside a menu run is a link.
      // Above the headline only when a headline follows: a page's first line is its headline otherwise.
      const above = !titleLine && options.title;
      // Under the headline and over a date line or byline, "Calder Evening Star" is a masthead too.
      const next = lines[i + 1];
      const overMetadata = !above && !!next && !next.kind && (readDateLine(next.bare, isOutletName) !== null || readByline(next.bare) !== null);
      if (!l.bullet && isOutletName(l.bare, above, overMetadata) && !repeats(lines, l) && !inMenuRun(lines, i)
        && (!above || lines.slice(i + 1, headerEnd).some((x) => !x.kind && isTitleCandidate(x)))) {
        drop(l, 'metadata', 'outlet-line', 'metadata');
        offer(l.bare, 'outlet-line', l);
        continue;
      }
      const label = readLabel(l.bare);
      if (label) {
        const next = lines[i + 1];
        let value = label.value;
        if (!value && next && !next.kind && next.block === l.block && isLabelValue(next.bare)) {
          if (label.label === 'date') {
            const d = readDateLine(next.bare);
            if (d) { value = d.date; drop(next, 'metadata', 'date-value', 'metadata'); }
          } else {
            value = next.bare;
            drop(next, 'metadata', `${label.label}-value`, 'metadata');
          }
        }
        drop(l, 'metadata', value ? `${label.label}-label` : `empty-${label.label}-label`, value ? 'metadata' : 'removed');
        if (value && label.label === 'section' && !fields.section) fields.section = value;
        if (value && label.label === 'author' && !fields.author) fields.author = value;
        if (value && label.label === 'date' && !fields.published) { fields.published = value; fields.publishedFrom = 'text'; }
        continue;
      }
      if (sawByline && !sawTags && looksLikeTopicList(l.bare, l.stopRatio ?? 1)) {
        l.kind = 'metadata'; l.reason = 'metadata'; l.rule = 'tag-list';
        sawTags = true;
        continue;
      }
    }
    if (options.title && !titleLine && isTitleCandidate(l)) {
      titleLine = l;
      l.kind = 'title';
      fields.title = l.bare;
    }
  }
  // A stamped date line under a standfirst of a few sentences ("Published: Wednesday, March 13, 2013,
  // 2:29 PM" below two summary lines) still dates the page: news pages print the summary above it.
  if (options.metadata && !fields.published && !fields.modified) {
    let body = 0;
    for (let i = headerEnd; i < Math.min(lines.length, HEADER_MAX_LINES) && body <= STANDFIRST_MAX_LINES; i++) {
      const l = lines[i]!;
      if (l.kind) continue;
      const date = l.bullet ? null : readStampedDateLine(l.bare, isOutletName);
      if (date) takeDateLine(l, date);
      else body++;
    }
  }
  // A byline at the top names the writer; a reporting credit below the text only when there is none.
  if (!fields.author && reporters) fields.author = reporters;
  // A page that only says when it was updated was first published then, as far as we know.
  if (!fields.published && fields.modified) { fields.published = fields.modified; fields.publishedFrom = 'text'; }

  if (titleLine) {
    const key = normTitle(titleLine.bare);
    // A paragraph several times the headline's length cannot be a copy of it: not normalising every
    // paragraph saved a twentieth of the cleaner's time.
    const longest = 3 * titleLine.bare.length + 20;
    for (const l of lines) if (l !== titleLine && (!l.kind || l.kind === 'caption') && l.bare.length <= longest && normTitle(l.bare) === key) drop(l, 'repeated-title', 'repeated-title');
  }

  if (options.metadata) readSiteNames(lines, offer);
  markMenuRuns(lines, NAV_RUN);
  smooth(lines);
  explainRemovals(lines);
  if (options.metadata) {
    for (const l of lines) {
      const holder = l.rule === 'copyright' ? readCopyrightHolder(l.bare) : null;
      if (holder) offer(holder, 'copyright-holder', l);
      const newsletter = l.kind === 'removed' ? readNewsletterName(l.bare) : null;
      if (newsletter) offer(newsletter, 'newsletter-name', l);
    }
    readDateline(lines, fields, offer);
    const best = pickOutlet(outlets);
    if (best) {
      fields.outlet = best.name;
      // The copyright line keeps its reason; its rule records that the outlet was read from it.
      if (best.rule === 'copyright-holder') best.line.rule = 'copyright-holder';
    }
  }

  // Tags last: splitting a run of names needs the article text as evidence.
  const body = lines.filter((l) => l.kind === 'body').map((l) => l.bare).join('\n');
  for (const l of lines) {
    if (l.rule === 'tag-list') fields.tags = splitTags(l.bare, `${fields.title ?? ''}\n${body}`, fields.section ? [fields.section] : []);
  }

  fields.text = joinParagraphs(lines.filter((l) => l.kind === 'body'));
  for (const l of lines) {
    if (l.prefix) fields.removed.push({ text: l.prefix.text, reason: 'metadata', rule: l.prefix.rule });
    if (l.kind === 'caption') fields.captions.push(l.bare);
    if (l.kind === 'caption' || l.kind === 'metadata' || l.kind === 'removed') {
      const r: Removal = { text: l.text, reason: l.reason ?? 'boilerplate' };
      if (l.rule) r.rule = l.rule;
      fields.removed.push(r);
    }
  }
  if (!fields.tags?.length) delete fields.tags;
  if (!fields.section) delete fields.section;
  return { lines: lines.map((l) => ({ text: l.text, kind: l.kind ?? 'removed', reason: l.reason, rule: l.rule, block: l.block, line: l.line })), fields, language };
}

/**
 * Credit lines below the first paragraph: a bare "Source: <agency>" or "(<agency>)" line of its own
 * is a wire credit (its agency an outlet of last resort), "(Reporting by …)" names the authors
 * (returned, for when the page has no byline).
 */
function readCredits(lines: Line[], bodyStart: number, offer: (name: string, rule: OutletRule, line: Line) => void): string | null {
  let author: string | null = null;
  for (let i = bodyStart + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.kind || l.bullet) continue;
    const prev = lines[i - 1];
    // A credit under a picture title shares its block; a credit of the text stands alone.
    const ownBlock = !prev || prev.block !== l.block || prev.quality === 'good';
    const agency = ownBlock ? readSourceCredit(l.bare) ?? readAgencyTag(l.bare) : null;
    // Several "Source:" lines credit quotes or figures, one each; only a single one credits the text.
    if (agency && !lines.some((x, j) => j !== i && readSourceCredit(x.bare))) {
      l.kind = 'metadata'; l.reason = 'metadata'; l.rule = 'wire-credit';
      offer(agency, 'wire-credit', l);
      continue;
    }
    const reporters = readReportingCredit(l.bare);
    if (reporters) {
      l.kind = 'metadata'; l.reason = 'metadata'; l.rule = 'reporting-credit';
      author ??= reporters;
    }
  }
  return author;
}

/**
 * The site's name right before its "Home" link heads the navigation list: it names the site, it is
 * not article text, so it is removed as metadata whether or not it becomes the outlet.
 */
function readSiteNames(lines: Line[], offer: (name: string, rule: OutletRule, line: Line) => void): void {
  for (let i = 0; i + 1 < lines.length; i++) {
    const l = lines[i]!;
    const next = lines[i + 1]!;
    if (next.block !== l.block || !HOME_LINK.test(next.bare)) continue;
    if (l.kind === 'title' || l.kind === 'metadata' || l.kind === 'caption' || l.bullet || !isOutletName(l.bare)) continue;
    l.kind = 'removed'; l.reason = 'metadata'; l.rule = 'site-name';
    offer(l.bare, 'site-name', l);
  }
}

/**
 * A wire dateline opening the first paragraph ("HAMBURG, May 3 (NNA) - …"): the agency is an
 * outlet of last resort, a full date is the publication date, and the prefix is cut from the text.
 * A day-month without a year stays in the text when the page gives no date but the text names a
 * year: the later publication-date inference reads the text only, anchors "May 3" on that year and
 * gets the day, and `published` cannot hold a year-less date. Without a year to anchor on, the
 * inference gives nothing either way, and the cut keeps the copy identical to its republications.
 */
function readDateline(lines: Line[], fields: CleanedFields, offer: (name: string, rule: OutletRule, line: Line) => void): void {
  const first = lines.findIndex((x) => x.kind === 'body');
  // The dateline opens the first paragraph, or stands alone on the line before it.
  const alone = lines[first - 1];
  let l = lines[first];
  let d = l && !l.bullet ? readWireDateline(l.bare) : null;
  if (!d && alone && alone.kind !== 'title' && !alone.bullet) {
    d = readWireDateline(alone.bare);
    if (d && d.prefix.length !== alone.bare.length) d = null;
    l = alone;
  }
  if (!l || !d) return;
  if (d.agency) offer(d.agency, 'wire-dateline', l);
  if (d.date && !fields.published) { fields.published = d.date; fields.publishedFrom = 'text'; }
  const anchored = lines.some((x) => x.kind === 'body' && YEAR.test(x.bare));
  if (d.dayMonth && !fields.published && anchored) return;
  // A dateline alone on its line is a metadata line.
  if (d.prefix.length === l.bare.length) { l.kind = 'metadata'; l.reason = 'metadata'; l.rule = 'wire-dateline'; return; }
  l.prefix = { text: d.prefix.trim(), rule: 'wire-dateline' };
  l.text = l.bare = l.bare.slice(d.prefix.length);
}

/** The same text stands on another line of the page. */
function repeats(lines: Line[], l: Line): boolean {
  return lines.some((x) => x !== l && x.bare === l.bare);
}

/** The line sits in a run of NAV_RUN or more menu entries of its block (labels and dates excluded). */
function inMenuRun(lines: Line[], i: number): boolean {
  const entry = (x: Line | undefined): boolean => !!x && x.block === lines[i]!.block && isMenuEntry(x) && !readLabel(x.bare) && x.kind !== 'metadata' && x.kind !== 'title';
  let from = i, to = i;
  while (entry(lines[from - 1])) from--;
  while (entry(lines[to + 1])) to++;
  return to - from + 1 >= NAV_RUN;
}

/** A year of the web era in running text. */
const YEAR = /\b(?:199\d|20\d\d)\b/;

/** The outlet of highest precedence; among equals, the first in the page. */
function pickOutlet(outlets: OutletCandidate[]): OutletCandidate | null {
  let best: OutletCandidate | null = null;
  for (const o of outlets) {
    const d = best ? outletRank(o.rule) - outletRank(best.rule) : -1;
    if (d < 0 || (d === 0 && o.line.line < best!.line.line)) best = o;
  }
  return best;
}

/**
 * jusText's context pass over the lines not yet decided: near-good lines next to good ones are
 * kept, short lines between kept ones are kept (headings, one-line paragraphs), and after the
 * page's boilerplate tail starts only clearly good prose survives.
 */
function smooth(lines: Line[]): void {
  const open = lines.map((l, i) => (l.kind ? -1 : i)).filter((i) => i >= 0);
  // Context is read from the decisions made before this pass, not from the ones it makes.
  const decided = lines.map((l) => l.kind);
  // Decided lines (patterns, metadata) count as bad neighbours, the title as good.
  const qualityAt = (i: number): Quality => {
    const kind = decided[i];
    // An undecided low-quality line is weak evidence; patterns are what make a neighbourhood bad.
    // Lines without letters (separators, times) say nothing about their neighbours.
    if (!kind) return lines[i]!.quality !== 'bad' ? lines[i]!.quality : /\p{L}{2}/u.test(lines[i]!.bare) ? 'near' : 'short';
    return kind === 'title' ? 'good' : kind === 'metadata' || kind === 'caption' ? 'short' : 'bad';
  };
  // Nearest non-short context on each side, in two linear passes (long runs of short lines stay cheap).
  const before: Context[] = new Array<Context>(lines.length);
  const after: Context[] = new Array<Context>(lines.length);
  let seen: Context = 'edge';
  for (let i = 0; i < lines.length; i++) { before[i] = seen; const x = qualityAt(i); if (x !== 'short') seen = x; }
  seen = 'edge';
  for (let i = lines.length - 1; i >= 0; i--) { after[i] = seen; const x = qualityAt(i); if (x !== 'short') seen = x; }
  for (const i of open) {
    const l = lines[i]!;
    if (l.quality === 'good') { l.kind = 'body'; continue; }
    if (l.quality === 'bad') { l.kind = 'removed'; l.rule = badRule(l); continue; }
    // Short and near-good lines stand with their neighbours: dropped only between bad lines.
    const prev = before[i]!;
    const next = after[i]!;
    const weak = (x: Context): boolean => x === 'bad' || x === 'edge';
    const keep = !(weak(prev) && weak(next)) || (prev === 'edge' && next === 'edge');
    l.kind = keep ? 'body' : 'removed';
    if (!keep) l.rule = l.quality === 'short' ? 'short-context' : 'weak-context';
  }
  // The boilerplate tail: after a footer, related-links or comments marker, keep only good prose.
  // A marker above all kept text (a cookie banner's "Privacy Policy") only holds until the
  // article's first good paragraph; one below kept text holds to the end.
  let tail = false;
  let provisional = false;
  let seenBody = false;
  for (const l of lines) {
    if (l.startsTail && !tail) { tail = true; provisional = !seenBody; }
    else if (tail && provisional && l.kind === 'body' && l.quality === 'good') tail = false;
    else if (tail && l.kind === 'body' && l.quality !== 'good') { l.kind = 'removed'; l.rule = 'after-footer'; }
    if (l.kind === 'body') seenBody = true;
  }
}

function badRule(l: Line): string {
  if (l.menuRun) return 'menu-run';
  if (!/\p{L}{2}/u.test(l.bare)) return 'no-letters';
  if ((l.bare.match(/\|/g)?.length ?? 0) >= 2) return 'table-row';
  if (linkLike(l.bare)) return 'link-like';
  if (PRICE.test(l.bare)) return 'price-line';
  return 'low-stopwords';
}

/**
 * Gives every removed line without a pattern a reason: runs of menu-like lines are navigation
 * (or footer inside the footer), bullets and prices next to a subscription offer are that offer,
 * and a stray line inherits the reason of the nearest pattern line of its block.
 */
function explainRemovals(lines: Line[]): void {
  const unexplained = (l: Line): boolean => l.kind === 'removed' && !l.reason;
  // Menu runs: consecutive short menu-like removed lines of one block, explained or not.
  for (let i = 0; i < lines.length; i++) {
    const inRun = (l: Line | undefined): l is Line => !!l && l.kind === 'removed' && l.menuLike && !l.bullet && l.block === lines[i]!.block;
    if (!inRun(lines[i])) continue;
    let j = i;
    while (inRun(lines[j])) j++;
    const run = lines.slice(i, j);
    const open = run.filter(unexplained);
    if (run.length >= NAV_RUN && open.length) {
      const explained = run.filter((l) => l.reason).map((l) => l.reason!);
      const top = mostCommon(explained);
      let reason: RemovalReason = 'navigation';
      let rule = 'menu-run';
      // Legal and site links mark the footer; a run mostly explained by one kind belongs to it.
      if (run.some((l) => l.rule && FOOTER_RULES.has(l.rule))) { reason = 'footer'; rule = 'footer-links'; }
      else if (top && top.count * 2 >= run.length) { reason = top.value; rule = `run-${top.value}`; }
      for (const l of open) { l.reason = reason; l.rule = rule; }
    }
    i = j - 1;
  }
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    // A perk list ("• All newsletters + podcasts") under a subscription offer is part of the offer.
    if (l.bullet && l.kind === 'removed' && l.reason && l.reason !== 'subscription' && offerAbove(lines, i)) { l.reason = 'subscription'; l.rule = 'offer-perks'; continue; }
    if (!unexplained(l)) continue;
    const prev = nearestReason(lines, i, -1);
    const next = nearestReason(lines, i, 1);
    if (l.bullet || l.rule === 'price-line') {
      const offer = [prev, next].find((r) => r === 'subscription');
      if (offer) { l.reason = offer; l.rule = l.bullet ? 'offer-perks' : 'price-line'; continue; }
      if (l.rule === 'price-line') { l.reason = 'advertisement'; continue; }
    }
    const inherited = prev ?? next;
    if (inherited && inherited !== 'repeated-title' && inherited !== 'caption') { l.reason = inherited; l.rule ??= `near-${inherited}`; }
    else l.reason = 'boilerplate';
  }
}

/** A bare menu entry: a few words, no digits or colons (those are data: dates, counts, addresses). */
const isMenuEntry = (l: Line): boolean => l.menuLike && !l.bullet && l.words <= 4 && !/[\d:|]/.test(l.bare);

/** Runs of bare menu entries are navigation whatever their neighbours say. */
function markMenuRuns(lines: Line[], minRun: number): void {
  for (let i = 0; i < lines.length; i++) {
    const start = lines[i]!;
    const inRun = (l: Line | undefined): l is Line => !!l && l.block === start.block && (l.kind === 'removed' || (!l.kind && isMenuEntry(l)));
    if (!inRun(start) || start.kind) continue;
    let j = i;
    while (inRun(lines[j])) j++;
    const open = lines.slice(i, j).filter((l) => !l.kind);
    if (open.length >= minRun) for (const l of open) { l.quality = 'bad'; l.menuRun = true; }
    i = j - 1;
  }
}

/** Rules that only fire in a page footer. */
const FOOTER_RULES = new Set(['legal-links', 'site-links', 'copyright']);

function mostCommon<T>(xs: T[]): { value: T; count: number } | null {
  const counts = new Map<T, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: { value: T; count: number } | null = null;
  for (const [value, count] of counts) if (!best || count > best.count) best = { value, count };
  return best;
}

/** The nearest non-bullet line above a bullet, in its block, is a subscription offer. */
function offerAbove(lines: Line[], i: number): boolean {
  for (let j = i - 1; j >= 0 && lines[j]!.block === lines[i]!.block; j--) {
    if (!lines[j]!.bullet) return lines[j]!.reason === 'subscription';
  }
  return false;
}

/** The reason of the nearest explained removed line in the same block, within a few lines. */
function nearestReason(lines: Line[], i: number, step: number): RemovalReason | null {
  const block = lines[i]!.block;
  for (let j = i + step, n = 0; j >= 0 && j < lines.length && n < 6; j += step, n++) {
    const l = lines[j]!;
    if (l.block !== block && Math.abs(l.block - block) > 1) return null;
    if (l.kind === 'body' || l.kind === 'title') return null;
    if (l.kind === 'removed' && l.reason) return l.reason;
  }
  return null;
}

/**
 * Paragraphs separated by a blank line. Within one input block, list items stay one paragraph,
 * and a hard-wrapped line (no closing punctuation, next line starts in lower case) is rejoined.
 */
function joinParagraphs(body: Line[]): string {
  const out: string[] = [];
  let prev: Line | null = null;
  for (const l of body) {
    const sameBlock = prev !== null && prev.block === l.block && prev.line === l.line - 1;
    if (sameBlock && prev!.bullet && l.bullet) out[out.length - 1] += `\n${l.text}`;
    else if (sameBlock && !prev!.bullet && !l.bullet && !/[.!?…:;"”»)]$/.test(prev!.text) && /^\p{Ll}/u.test(l.text)) out[out.length - 1] += ` ${l.text}`;
    else out.push(l.text);
    prev = l;
  }
  return out.join('\n\n');
}

/**
 * Cleans an already-scraped plain text into an article body and its fields.
 *
 * @example cleanPlainText('Headline here\n\nBy Jane Doe\n\nFirst paragraph …\n\nShare this:').author // 'Jane Doe'
 */
export function cleanPlainText(text: string, options: Partial<PlainTextOptions> = {}): CleanedFields {
  return analyzePlainText(text, { ...DEFAULT_PLAIN_TEXT_OPTIONS, ...options }).fields;
}
