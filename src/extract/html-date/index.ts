// PLACEHOLDER — the HTML publication-date helper replaces this file (keep the exported signature).
import type { Document } from 'domhandler';
import type { DateEvidence } from '../../model/index.js';

export interface HtmlDates {
  /** `YYYY-MM-DD` or ISO datetime. */
  published: string | null;
  modified: string | null;
  publishedFrom: 'metadata' | 'text' | null;
  evidence?: DateEvidence[];
}

/** Publication and modification dates of a parsed HTML page (htmlparser2/domhandler tree). */
export function findHtmlDates(_document: Document, _url: string | null): HtmlDates {
  return { published: null, modified: null, publishedFrom: null };
}
