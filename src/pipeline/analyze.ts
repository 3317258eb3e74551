/**
 * The analyse step: each article's text is analysed once (sentences, time expressions, references,
 * quotes; see `analyze/article.ts`) and the analysis stored, so reports, timelines and re-dating read
 * spans instead of analysing the same text again.
 *
 * A newer analysis version re-analyses stored articles lazily, when a report first reads them, not
 * by a migration on open. Reason: analysing is about 2 ms an article, so a 100,000-article store
 * would stall every open for minutes, while most of its articles are in storylines nobody asks for;
 * the first report of a storyline pays for its own articles once, and stores them.
 */
import { analyzeArticle } from '../analyze/article.js';
import { ANALYSIS_VERSION, analysisFits, type ArticleAnalysis, type StoredArticle } from '../model/index.js';
import type { Store } from '../store/index.js';

/** Analyses articles and stores their analyses (the ingest step). */
export async function analyzeAndStore(store: Store, articles: ReadonlyArray<Pick<StoredArticle, 'id' | 'text' | 'published'>>): Promise<void> {
  await store.saveArticleAnalyses(articles.map((a) => ({ articleId: a.id, analysis: analyzeArticle(a.text, a.published) })));
}

/**
 * The current analyses of stored articles, by id: read from the store, and made (and stored, when the
 * store can be written) for articles analysed with an older version, another text, or never.
 */
export async function articleAnalyses(store: Store, articles: ReadonlyArray<Pick<StoredArticle, 'id' | 'text' | 'published'>>): Promise<Map<string, ArticleAnalysis>> {
  const stored = await store.getArticleAnalyses(articles.map((a) => a.id), ANALYSIS_VERSION);
  const made: Array<{ articleId: string; analysis: ArticleAnalysis }> = [];
  for (const a of articles) {
    if (analysisFits(stored.get(a.id), a.text)) continue;
    const analysis = analyzeArticle(a.text, a.published);
    stored.set(a.id, analysis);
    made.push({ articleId: a.id, analysis });
  }
  try {
    await store.saveArticleAnalyses(made);
  } catch {
    // A store opened for reading only (`storyline story`): the analyses serve this report and are
    // made again next time, until a writer opens the store.
  }
  return stored;
}
