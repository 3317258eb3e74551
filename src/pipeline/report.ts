/**
 * Composition of the stages that explain one storyline: the stored articles and events go through
 * the compare stage (facts, conflicts, quotes, framing, summary) and the timeline stage (timeline,
 * developments). The CLI and the server both call this; neither reaches into the stages.
 */
import { analyzeStoryline, type CompareArticle } from '../compare/index.js';
import type { ReportArticle, StorylineReport, StoredArticle } from '../model/index.js';
import type { Store } from '../store/index.js';
import { buildBrief } from '../summarize/index.js';
import { addTimeline, monthDatedEntries, refineStorylineDates, resolutionDay } from '../timeline/index.js';

/** The fields of a stored article that the explaining stages read. */
export function toCompareArticle(a: StoredArticle): CompareArticle {
  return {
    id: a.id,
    title: a.title ?? '',
    text: a.text,
    outlet: a.outlet,
    published: a.published,
    url: a.url,
    file: a.file,
    duplicateOf: a.duplicateOf,
    captions: a.captions,
  };
}

/** The articles and events of one storyline, as stored (in one store call); null when the id is unknown. */
export async function loadStoryline(store: Store, id: string): Promise<{ id: string; title: string; articles: StoredArticle[]; events: { id: string; articleIds: string[]; title: string | null }[] } | null> {
  const contents = await store.storylineContents(id);
  if (!contents) return null;
  // The stored title names the event in the report too (one rule: the store's, earliest-dated article).
  const events = contents.events.map((e) => ({ id: e.id, articleIds: e.articleIds, title: e.title ?? null }));
  return { id: contents.storyline.id, title: contents.storyline.title, articles: contents.articles, events };
}

/**
 * The stored articles as compare and timeline read them, with dates refined from the storyline: an
 * undated or text-inferred article is re-dated against the others (`refineStorylineDates`), and
 * goes on with the day its relative expressions resolve against (`resolutionDay`), so the timeline
 * reads its "last September" from the refined date. Also returns what the report's article list shows per id.
 */
export function datedArticles(stored: StoredArticle[]): { articles: CompareArticle[]; shown: Map<string, Pick<ReportArticle, 'published' | 'publishedFrom' | 'publishedEvidence'>> } {
  const refined = refineStorylineDates(stored.map((a) => ({ ...toCompareArticle(a), publishedFrom: a.publishedFrom ?? null, publishedEvidence: a.publishedEvidence })));
  const shown = new Map<string, Pick<ReportArticle, 'published' | 'publishedFrom' | 'publishedEvidence'>>();
  const articles = refined.map((r) => {
    const { publishedFrom, publishedEvidence, contextDate, ...article } = r;
    shown.set(article.id, { published: article.published ?? null, publishedFrom: publishedFrom ?? null, ...(publishedFrom === 'inferred' && publishedEvidence?.length ? { publishedEvidence } : {}) });
    if (contextDate) return { ...article, published: contextDate.day };
    // An inferred month (the storyline could not refine it) is read from its middle, not left undated.
    return publishedFrom === 'inferred' ? { ...article, published: resolutionDay(article.published) ?? article.published } : article;
  });
  return { articles, shown };
}

/** The full explanation of one storyline, or null when the id is unknown. */
export async function buildStorylineReport(store: Store, id: string): Promise<StorylineReport | null> {
  const loaded = await loadStoryline(store, id);
  if (!loaded) return null;
  const { articles, shown } = datedArticles(loaded.articles);
  const report = addTimeline(analyzeStoryline({ articles, events: loaded.events, title: loaded.title }), articles);
  // The list shows the refined date at its own precision (a month stays a month), with how and why.
  const articlesShown = report.articles.map((a) => ({ ...a, ...(shown.get(a.id) ?? {}) }));
  // So do developments: a report dated to a month is not shown on the mid-month day its phrases were read against.
  const developments = report.developments?.map((d) => {
    const month = shown.get(d.citations[0]?.article ?? '')?.published;
    return month && month.length === 7 && d.date?.startsWith(month) ? { ...d, date: month } : d;
  });
  // And timeline entries whose day was read against that guessed mid-month day ("on Monday").
  const monthOf = (id: string): string | undefined => {
    const p = shown.get(id)?.published;
    return p?.length === 7 ? p : undefined;
  };
  const timeline = report.timeline && monthDatedEntries(report.timeline, monthOf);
  const explained = { ...report, articles: articlesShown, ...(developments ? { developments } : {}), ...(timeline ? { timeline } : {}) };
  // The brief reads the corrected dates.
  return { ...explained, brief: buildBrief(explained) };
}
