/**
 * The timeline stage: dated happenings merged across articles (`buildTimeline`), budgeted
 * DATEWISE-style timeline summaries (`summarizeTimeline`), and the developments of anticipated
 * events (`findDevelopments`); `addTimeline` attaches the first and last to a `StorylineReport`.
 */
import type { StorylineReport } from '../model/index.js';
import { buildTimeline, type TimelineOptions } from './build.js';
import { findDevelopments, type DevelopmentOptions } from './developments.js';
import type { TimelineArticle } from './dated.js';

export { buildTimeline, compatibleDates, DEFAULT_TIMELINE_OPTIONS, type TimelineOptions } from './build.js';
export { calendarValue, datedMentions, isHappeningTimex, publicationDay, segmentAround, type DatedMention, type DatedOptions, type TimelineArticle } from './dated.js';
export { anchorValue, DEFAULT_DEVELOPMENT_OPTIONS, findDevelopments, isLongBefore, type DevelopmentOptions } from './developments.js';
export { BACKGROUND, DEVELOPMENT_CUES, EVENT_KINDS, type DevelopmentCue } from './cues.js';
export { baselineTimeline, collectDays, dayScore, DEFAULT_SUMMARIZE_OPTIONS, pickSentences, rankDays, summarizeTimeline, type DayCandidate, type DayStats, type SummarizeOptions } from './summarize.js';

/**
 * Returns a copy of `report` with `timeline` and `developments` filled from the storyline's
 * articles (the same articles `analyzeStoryline` was given; captions are used when present).
 * Sources are named like the report's: an article's outlet, else its id.
 */
export function addTimeline(report: StorylineReport, articles: TimelineArticle[], options: { timeline?: Partial<TimelineOptions>; developments?: Partial<DevelopmentOptions> } = {}): StorylineReport {
  // Name sources as the report does (its outlet list already folds duplicates and unknown outlets).
  const outletOf = new Map(report.articles.map((a) => [a.id, a.outlet]));
  const named = articles.map((a) => ({ ...a, outlet: outletOf.get(a.id) ?? a.outlet ?? null }));
  return { ...report, timeline: buildTimeline(named, options.timeline), developments: findDevelopments(named, options.developments) };
}
