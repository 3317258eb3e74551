/**
 * The HTML cleaner: one parse with htmlparser2, then metadata (`metadata.ts`), publication dates
 * (`../html-date`), and the article body without boilerplate (`content.ts`).
 *
 * @example
 * const fields = extractHtml(html, { url: 'https://example.com/news/1' });
 * fields.text; // paragraphs separated by a blank line
 */
import { parseDocument } from 'htmlparser2';
import type { Document } from 'domhandler';
import type { CleanedFields } from '../../model/index.js';
import { dropBogusCdata } from './bogus-cdata.js';
import { findHtmlDates, type HtmlDates } from '../html-date/index.js';
import { extractContent } from './content.js';
import { extractMetadata, type HtmlMetadata } from './metadata.js';
import { capNesting } from './nesting.js';
import { classifyPage, pageFeatures } from './page-type.js';

export { extractContent, type ContentResult, type ContentOptions } from './content.js';
export { extractMetadata, resolveUrl, splitTitle, type HtmlMetadata } from './metadata.js';
export { classifyPage, PAGE_RULES, pageFeatures, type PageFeatures } from './page-type.js';

export interface HtmlExtractOptions {
  /** The URL the page was fetched from, when known (for relative canonical links and URL dates). */
  url?: string | null;
}

/** Everything `extractHtml` finds, including hints that `CleanedFields` has no place for. */
export interface HtmlExtraction {
  fields: CleanedFields;
  metadata: HtmlMetadata;
  /** Which step of the content cascade produced the text. */
  strategy: string;
}

const NO_DATES: HtmlDates = { published: null, modified: null, publishedFrom: null };

/** Parses a page once (htmlparser2), tolerant of any markup, with nesting capped (`nesting.ts`) and stray CDATA markers read as a browser does (`bogus-cdata.ts`). */
export function parseHtml(html: string): Document {
  return parseDocument(capNesting(dropBogusCdata(html)), { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
}

function safeDates(document: Document, url: string | null): HtmlDates {
  try {
    return findHtmlDates(document, url) ?? NO_DATES;
  } catch {
    // Dates are another stage's helper; a failure there must not lose the article.
    return NO_DATES;
  }
}

/** Like `extractHtml`, but also returns the metadata sources and the declared language hint. */
export function extractHtmlDetailed(html: string, options: HtmlExtractOptions = {}): HtmlExtraction {
  const pageUrl = options.url ?? null;
  const document = parseHtml(html);
  const metadata = extractMetadata(document, pageUrl);
  const dates = safeDates(document, metadata.url ?? pageUrl);
  const content = extractContent(document, { title: metadata.title });
  const fields: CleanedFields = {
    url: metadata.url,
    title: metadata.title,
    text: content.text,
    published: dates.published,
    publishedFrom: dates.publishedFrom,
    modified: dates.modified,
    author: metadata.author,
    outlet: metadata.outlet,
    section: metadata.section,
    tags: metadata.tags,
    captions: content.captions,
    removed: content.removed,
    pageType: classifyPage(pageFeatures(document, metadata.schemaTypes, metadata.url ?? pageUrl, content.text)),
  };
  if (dates.evidence?.length) fields.publishedEvidence = dates.evidence;
  return { fields, metadata, strategy: content.strategy };
}

/** Cleans an HTML page into article text and metadata. Never throws on bad markup. */
export function extractHtml(html: string, options: HtmlExtractOptions = {}): CleanedFields {
  return extractHtmlDetailed(html, options).fields;
}
