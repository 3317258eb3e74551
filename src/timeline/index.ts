/**
 * The timeline stage: dated happenings merged across articles (`buildTimeline`), budgeted
 * DATEWISE-style timeline summaries (`summarizeTimeline`), and the developments of anticipated
 * events (`findDevelopments`); `addTimeline` attaches the first and last to a `StorylineReport`.
 */
import type { Fact, StorylineReport } from '../model/index.js';
import { createFactStatus } from '../compare/index.js';
import { annotateContested } from '../summarize/index.js';
import { buildTimeline, type TimelineOptions } from './build.js';
import { findDevelopments, type DevelopmentOptions } from './developments.js';
import type { TimelineArticle } from './dated.js';

export { buildTimeline, compatibleDates, DEFAULT_TIMELINE_OPTIONS, monthDatedEntries, type TimelineOptions } from './build.js';
export { calendarValue, datedMentions, isHappeningTimex, isLongBefore, publicationDay, segmentAround, type DatedMention, type DatedOptions, type TimelineArticle } from './dated.js';
export { anchorValue, DEFAULT_DEVELOPMENT_OPTIONS, findDevelopments, type DevelopmentOptions } from './developments.js';
export { BACKGROUND, DEVELOPMENT_CUES, EVENT_KINDS, EVENT_SETTINGS, PLAN_TARGET_BEFORE, SUBORDINATE_BEFORE, type DevelopmentCue } from './cues.js';
export { eventIdentity, sameEvent, type EventIdentity } from './identity.js';
export { createContextDater, DEFAULT_CONTEXT_DATE_OPTIONS, refineStorylineDates, resolutionDay, type ContextArticle, type ContextDate, type ContextDateOptions, type ContextDater } from './context-dates.js';
export { baselineTimeline, collectDays, dayScores, DEFAULT_SUMMARIZE_OPTIONS, pickSentences, rankDays, summarizeTimeline, type DayCandidate, type DayStats, type SummarizeOptions } from './summarize.js';

/**
 * Returns a copy of `report` with `timeline` and `developments` filled from the storyline's
 * articles (the same articles `analyzeStoryline` was given; captions are used when present).
 * Sources are named like the report's: an article's outlet, else its id.
 */
export function addTimeline(report: StorylineReport, articles: TimelineArticle[], options: { timeline?: Partial<TimelineOptions>; developments?: Partial<DevelopmentOptions> } = {}): StorylineReport {
  // Name sources as the report does (its outlet list already folds duplicates and unknown outlets).
  const outletOf = new Map(report.articles.map((a) => [a.id, a.outlet]));
  const named = articles.map((a) => ({ ...a, outlet: outletOf.get(a.id) ?? a.outlet ?? null }));
  const built = buildTimeline(named, options.timeline);
  // A disputed figure is not stated as fact in the timeline either: every side is shown.
  const outletOfOriginal = originalOutlets(report);
  const timeline = annotateContested(built, report.conflicts ?? [], outletOfOriginal);
  return { ...report, facts: reconcileFacts(report, outletOfOriginal), timeline, developments: findDevelopments(named, options.developments) };
}

/**
 * The outlet of an article's original (a copy counts under the outlet it copies), by article id.
 * Articles are indexed once (reason: asked for every citation of every fact; a scan of the article
 * list per question made large storylines quadratic).
 */
function originalOutlets(report: StorylineReport): (id: string) => string {
  const byId = new Map((report.articles ?? []).map((a) => [a.id, a]));
  return (id) => {
    let a = byId.get(id);
    const seen = new Set<string>();
    while (a?.duplicateOf && !seen.has(a.id)) {
      seen.add(a.id);
      const next = byId.get(a.duplicateOf);
      if (!next) break;
      a = next;
    }
    return a?.outlet ?? id;
  };
}

/**
 * Facts with their per-outlet status recomputed against the report's conflicts. The timeline's own
 * grouping (one date, similar words) is looser than the compare stage's check that a sentence states
 * the fact, so its sentences are not added to facts (reason: on the seeds it put back "travels
 * constrained" beside "last visited a NATO nation in 2020"): an outlet the check did not confirm
 * stays silent rather than being called a reporter. Returns new facts.
 */
export function reconcileFacts(report: StorylineReport, sourceOf: (id: string) => string = originalOutlets(report)): Fact[] {
  const statusOf = createFactStatus(report.conflicts ?? [], report.outlets ?? [], sourceOf);
  return (report.facts ?? []).map((f) => ({ ...f, status: statusOf(f) }));
}
