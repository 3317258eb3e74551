/**
 * One article's analysis, made once (at ingest) and read by every later stage: its sentences, time
 * expressions, resolved references to people and quotes as offset spans (see `model/analysis.ts`).
 * The readers below give back exactly what the analysers give on the same text, so a stage reads
 * the same whether the analysis was stored or is made on the spot.
 */
import { ANALYSIS_VERSION, analysisFits, type ArticleAnalysis, type EntitySpan, type MentionSpan, type QuoteSpan, type TextSpan, type TimexSpan } from '../model/index.js';
import { findEntities } from './entities.js';
import { readerCommentsStart, reportablePart } from './hygiene.js';
import { resolveMentions } from './mentions.js';
import { findQuotes } from './quotes.js';
import { splitSentences, type Sentence } from './sentences.js';
import { findTimexes } from './time/index.js';

/** The day (`YYYY-MM-DD`) relative time expressions are resolved against: the publication day. */
function dayOf(published: string | null | undefined): string | null {
  const m = typeof published === 'string' ? /^(\d{4}-\d{2}-\d{2})/u.exec(published.trim()) : null;
  return m ? m[1]! : null;
}

/**
 * Analyses one article's text. Never throws on odd text (each analyser reads what it can).
 * @example analyzeArticle('Putin will visit Ankara on Monday. He met Erdogan in Sochi.', '2024-02-07').sentences.length // → 2
 */
export function analyzeArticle(text: string, published: string | null): ArticleAnalysis {
  const sentences = splitSentences(text);
  const timexDct = dayOf(published);
  const parts = sentences.map((s) => reportablePart(s));
  return {
    version: ANALYSIS_VERSION,
    textLength: text.length,
    sentences: sentences.map((s) => ({ start: s.start, end: s.end })),
    reportable: parts.map((p) => (p ? { start: p.start, end: p.end } : null)),
    entities: parts.map((p) => (p ? findEntities(p.text).map((e) => ({ ...e, start: e.start + p.start, end: e.end + p.start })) : [])),
    commentsStart: readerCommentsStart(text),
    timexDct,
    timexes: findTimexes(text, { dct: timexDct }),
    mentions: resolveMentions(text),
    quotes: findQuotes(text, sentences),
  };
}

/** The article's sentences with their text, from a fitting analysis or split now. */
export function sentencesOf(text: string, analysis?: ArticleAnalysis | null): Sentence[] {
  if (!analysisFits(analysis, text)) return splitSentences(text);
  return analysis.sentences.map((s) => ({ text: text.slice(s.start, s.end), start: s.start, end: s.end }));
}

/** The article's resolved references to people, from a fitting analysis or resolved now. */
export function mentionsOf(text: string, analysis?: ArticleAnalysis | null): MentionSpan[] {
  return analysisFits(analysis, text) ? analysis.mentions : resolveMentions(text);
}

/**
 * The article's time expressions resolved against `published`: stored ones when the analysis was
 * resolved against the same day (reason: a re-dated article's "on Monday" is another day), else tagged now.
 */
export function timexesOf(text: string, published: string | null, analysis?: ArticleAnalysis | null): TimexSpan[] {
  const dct = dayOf(published);
  return analysisFits(analysis, text) && analysis.timexDct === dct ? analysis.timexes : findTimexes(text, { dct });
}

/** The article's quotes, from a fitting analysis or found now (over `sentences`, the article's own). */
export function quotesOf(text: string, sentences: Sentence[], analysis?: ArticleAnalysis | null): QuoteSpan[] {
  return analysisFits(analysis, text) ? analysis.quotes : findQuotes(text, sentences);
}

/** One sentence's reporting part (see `reportablePart`) with the names found in it (offsets into the part). */
export interface ReportablePart {
  sentence: Sentence;
  part: Sentence | null;
  entities: EntitySpan[] | null;
}

/**
 * The reporting parts of the article's `sentences` (as `sentencesOf` gives them) and, from a fitting
 * analysis, the names in each part (null when not analysed: the reader finds them itself).
 */
export function reportablePartsOf(text: string, sentences: Sentence[], analysis?: ArticleAnalysis | null): ReportablePart[] {
  if (!analysisFits(analysis, text)) return sentences.map((sentence) => ({ sentence, part: reportablePart(sentence), entities: null }));
  const slice = (p: TextSpan): Sentence => ({ text: text.slice(p.start, p.end), start: p.start, end: p.end });
  return sentences.map((sentence, i) => {
    const p = analysis.reportable[i];
    if (!p) return { sentence, part: null, entities: null };
    return { sentence, part: slice(p), entities: analysis.entities[i]!.map((e) => ({ ...e, start: e.start - p.start, end: e.end - p.start })) };
  });
}

/** Where the article's reader comments begin, from a fitting analysis or found now. */
export function commentsStartOf(text: string, analysis?: ArticleAnalysis | null): number {
  return analysisFits(analysis, text) ? analysis.commentsStart : readerCommentsStart(text);
}
