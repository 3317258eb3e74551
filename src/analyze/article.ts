/**
 * One article's analysis, made once (at ingest) and read by every later stage: its sentences, time
 * expressions, resolved references to people and quotes as offset spans (see `model/analysis.ts`).
 * The readers below give back exactly what the analysers give on the same text, so a stage reads
 * the same whether the analysis was stored or is made on the spot.
 */
import { ANALYSIS_VERSION, analysisFits, type ArticleAnalysis, type TextSpan } from '../model/index.js';
import { entityKey, findEntities, type EntityMention } from './entities.js';
import { readerCommentsStart, reportablePart } from './hygiene.js';
import { resolveMentions, type ResolvedMention } from './mentions.js';
import { findQuotes, type QuoteMention } from './quotes.js';
import { splitSentences, type Sentence } from './sentences.js';
import { findTimexes, type Timex } from './time/index.js';

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
  // Spans without their words (see `model/analysis.ts`): the readers below slice them back.
  return {
    version: ANALYSIS_VERSION,
    textLength: text.length,
    sentences: sentences.map((s) => ({ start: s.start, end: s.end })),
    reportable: parts.map((p) => (p ? { start: p.start, end: p.end } : null)),
    entities: parts.map((p) => (p ? findEntities(p.text).map((e) => ({ start: e.start + p.start, end: e.end + p.start, text: e.text, kind: e.kind })) : [])),
    commentsStart: readerCommentsStart(text),
    timexDct,
    timexes: findTimexes(text, { dct: timexDct }).map(({ text: _, ...t }) => t),
    mentions: resolveMentions(text).map(({ text: _, ...m }) => m),
    quotes: findQuotes(text, sentences).map(({ text: _, ...q }) => q),
  };
}

/** The article's sentences with their text, from a fitting analysis or split now. */
export function sentencesOf(text: string, analysis?: ArticleAnalysis | null): Sentence[] {
  if (!analysisFits(analysis, text)) return splitSentences(text);
  return analysis.sentences.map((s) => ({ text: text.slice(s.start, s.end), start: s.start, end: s.end }));
}

/** The article's resolved references to people, from a fitting analysis or resolved now. */
export function mentionsOf(text: string, analysis?: ArticleAnalysis | null): ResolvedMention[] {
  if (!analysisFits(analysis, text)) return resolveMentions(text);
  return analysis.mentions.map((m) => ({ start: m.start, end: m.end, text: text.slice(m.start, m.end), name: m.name, key: m.key }));
}

/**
 * The article's time expressions resolved against `published`: stored ones when the analysis was
 * resolved against the same day (reason: a re-dated article's "on Monday" is another day), else tagged now.
 */
export function timexesOf(text: string, published: string | null, analysis?: ArticleAnalysis | null): Timex[] {
  const dct = dayOf(published);
  if (!analysisFits(analysis, text) || analysis.timexDct !== dct) return findTimexes(text, { dct });
  return analysis.timexes.map(({ start, end, ...t }) => ({ start, end, text: text.slice(start, end), ...t }));
}

/** The article's quotes, from a fitting analysis or found now (over `sentences`, the article's own). */
export function quotesOf(text: string, sentences: Sentence[], analysis?: ArticleAnalysis | null): QuoteMention[] {
  if (!analysisFits(analysis, text)) return findQuotes(text, sentences);
  return analysis.quotes.map(({ speaker, ...q }) => ({ speaker, text: text.slice(q.quoteStart, q.quoteEnd), ...q }));
}

/** One sentence's reporting part (see `reportablePart`) with the names found in it (offsets into the part). */
export interface ReportablePart {
  sentence: Sentence;
  part: Sentence | null;
  entities: EntityMention[] | null;
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
    const entities = analysis.entities[i]!.map((e) => ({ text: e.text, key: entityKey(e.text), start: e.start - p.start, end: e.end - p.start, kind: e.kind }));
    return { sentence, part: slice(p), entities };
  });
}

/** Where the article's reader comments begin, from a fitting analysis or found now. */
export function commentsStartOf(text: string, analysis?: ArticleAnalysis | null): number {
  return analysisFits(analysis, text) ? analysis.commentsStart : readerCommentsStart(text);
}
