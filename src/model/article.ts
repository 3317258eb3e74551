/**
 * Plain typed records shared by every stage. Stages add fields; they never mutate another
 * stage's output in place.
 */

/** Where a publication date came from. */
export type DateSource = 'metadata' | 'text' | 'inferred';

/** A character range [start, end) into an article's clean `text`. */
export interface Span {
  start: number;
  end: number;
}

/** Why a piece of the input was kept out of the article text. */
export type RemovalReason =
  | 'share-widget'
  | 'subscription'
  | 'newsletter'
  | 'cookie-notice'
  | 'language-notice'
  | 'navigation'
  | 'related-links'
  | 'comments'
  | 'footer'
  | 'copyright'
  | 'repeated-title'
  | 'metadata'
  | 'caption'
  | 'advertisement'
  | 'boilerplate'
  | 'markup';

/** One piece of input text that the cleaner dropped, with the reason, so a user can check it. */
export interface Removal {
  text: string;
  reason: RemovalReason;
  /** The rule that fired, for debugging and tuning (e.g. `price-line`, `class:share`). */
  rule?: string;
}

/** The evidence behind an inferred or text-derived publication date. */
export interface DateEvidence {
  /** The phrase in the input that the date rests on. */
  text: string;
  /** What it says about the publication date, e.g. `latest dated happening 2024-02`. */
  reason: string;
  /** The other article of the storyline whose dated sentence anchors this phrase (dates inferred from the storyline). */
  article?: string;
}

/** A raw document as it arrives, before cleaning. */
export interface RawDocument {
  /** File path or URL the document came from. */
  source: string;
  kind: 'text' | 'html';
  /** Decoded content. */
  content: string;
  /** Known metadata from the container (feed item, JSON line); overrides nothing found in the page. */
  hints?: Partial<Pick<Article, 'url' | 'title' | 'published' | 'outlet' | 'author' | 'language'>>;
}

/** A clean article: the body without boilerplate plus its metadata. */
export interface Article {
  /** File path (or input id) the article came from. */
  file: string;
  /** Canonical URL when the page says, else the URL it was fetched from, else null. */
  url: string | null;
  title: string | null;
  /** Body only; paragraphs separated by a blank line. */
  text: string;
  /** `YYYY-MM-DD`, an ISO datetime, or a partial date (`YYYY-MM`) when only that is known. */
  published: string | null;
  publishedFrom: DateSource | null;
  /** Why the date was chosen, when it was found in the text or inferred. */
  publishedEvidence?: DateEvidence[];
  modified: string | null;
  author: string | null;
  /** The publication's name. */
  outlet: string | null;
  /** ISO 639-1 code, or null when the text is too short or unknown. */
  language: string | null;
  /** Section or category, when the page or a metadata line says. */
  section?: string | null;
  tags?: string[];
  /** Image captions and photo credits, kept out of `text`. */
  captions: string[];
  /** What was dropped, each with a reason. */
  removed: Removal[];
  /** For an HTML page: what kind of page it is, and why (only articles tell a happening). */
  pageType?: PageTypeVerdict;
}

/** What kind of page an HTML page is (WCXB's page types): only articles tell a happening. */
export type PageType = 'article' | 'listing' | 'collection' | 'forum' | 'product' | 'service' | 'documentation';

/** A page's type and why it was judged so. */
export interface PageTypeVerdict {
  type: PageType;
  reasons: string[];
}

/** The outcome of cleaning one input file: an article, or an error that explains why not. */
export type ExtractResult = Article | ExtractFailure;

export interface ExtractFailure {
  file: string;
  error: string;
  /** Machine-readable error code: `empty`, `binary`, `too-large`, `bad-gzip`, `unreadable`, `no-content`. */
  code: string;
}

export function isFailure(r: ExtractResult): r is ExtractFailure {
  return (r as ExtractFailure).error !== undefined;
}

/** What a cleaner (HTML or plain text) produces; the extract stage adds `file` and `language`. */
export type CleanedFields = Omit<Article, 'file' | 'language'>;

/**
 * The calendar day of a publication date as the writer gave it, before any time zone
 * ("2025-09-12T16:00:00+02:00" → "2025-09-12"); a day or partial date is returned as it is.
 */
export function calendarDay(published: string): string {
  return /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/.exec(published)?.[1] ?? published;
}
