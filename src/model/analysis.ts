/**
 * What the analyse step finds in one article's text, once, at ingest: sentences, time expressions,
 * resolved references to people and quotes, as character-offset spans into the stored text. Later
 * stages (compare, timeline, summaries, re-dating) read these spans instead of splitting, tagging
 * and resolving the same text again for every report. A span keeps no copy of its words: they are
 * the text's slice (reason: the stored analysis would otherwise be twice the size of the text).
 */

/**
 * Bumped whenever the analysers change what they find (a new rule, a fixed offset): analyses of an
 * older version are not read; they are made again when next needed (see `pipeline/analyze.ts`).
 * 2: the sentence splitter keeps "$2. 5 million", "11 a.m. ET" and "U.S. State Department" whole.
 */
export const ANALYSIS_VERSION = 2;

import type { TextSpan } from './report.js';

/** A time expression as the time tagger resolved it (TIMEX3 value) against `ArticleAnalysis.timexDct`. */
export interface TimexSpan extends TextSpan {
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  value: string;
  mod?: 'START' | 'MID' | 'END' | 'APPROX' | 'MORE_THAN' | 'LESS_THAN' | 'EQUAL_OR_MORE' | 'EQUAL_OR_LESS';
  offset?: 'before' | 'after';
}

/**
 * A name (see `analyze/entities.ts`; its key is made from `text`): `person` when a title or
 * honorific preceded it. `text` is kept: the name as read may differ from its slice ("U. S." → "U S").
 */
export interface EntitySpan extends TextSpan {
  text: string;
  kind: 'person' | 'unknown';
}

/** A short reference to a person ("He", "Mr. Ushakov", "the Turkish leader") resolved within the article. */
export interface MentionSpan extends TextSpan {
  /** The full name as first written, and its key. */
  name: string;
  key: string;
}

/** A quotation with its speaker (see `analyze/quotes.ts`); `start`/`end` cover its sentence(s), `quoteStart`/`quoteEnd` its words. */
export interface QuoteSpan extends TextSpan {
  speaker: string;
  addressee?: string;
  verb: string;
  direct: boolean;
  quoteStart: number;
  quoteEnd: number;
  verbatim: Array<[number, number]>;
}

/** The analysis of one article's text. */
export interface ArticleAnalysis {
  version: number;
  /** Length of the text analysed: an analysis of another text is never read (a cheap guard, not a hash). */
  textLength: number;
  sentences: TextSpan[];
  /** Per sentence (same order): its reporting part, dateline or byline cut off; null when it is page furniture. */
  reportable: Array<TextSpan | null>;
  /** Per sentence: the names found in its reporting part alone (none for furniture). */
  entities: EntitySpan[][];
  /** Where the page's reader comments begin (the text's length when it has none). */
  commentsStart: number;
  /** The publication date the time expressions were resolved against; a reader with another date tags again. */
  timexDct: string | null;
  timexes: TimexSpan[];
  mentions: MentionSpan[];
  quotes: QuoteSpan[];
}

/** `true` when `analysis` is of the current version and of this text (its length). */
export function analysisFits(analysis: ArticleAnalysis | null | undefined, text: string): analysis is ArticleAnalysis {
  return !!analysis && analysis.version === ANALYSIS_VERSION && analysis.textLength === text.length;
}
