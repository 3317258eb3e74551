/**
 * Records of the compare stage: what a storyline's sources agree on, disagree on, say alone, quote,
 * and how they frame it. Every statement carries citations: exact character ranges into an
 * article's `text` (or into one of its `captions`), so nothing is shown that a source does not say.
 */

import type { Development, TimelineEntry } from './timeline.js';
import type { DateEvidence, DateSource } from './article.js';

/** An exact piece of a source: `sentence` is `text.slice(start, end)` of the article (or caption). */
export interface Citation {
  /** Article id. */
  article: string;
  sentence: string;
  start: number;
  end: number;
  /** Set when the sentence comes from a photo caption: the index into the article's `captions`. */
  caption?: number;
  /** Set when the citation is the article's title (offsets are then into the title). */
  title?: boolean;
  /**
   * Set on a fact's citation that states only part of the fact's sentence (e.g. one half of "supplied
   * arms while refusing sanctions"): partial support, to be shown as such.
   */
  partial?: boolean;
}

/** Whether two citations overlap in one text (the same article, caption or title, overlapping offsets): they cite one sentence. */
export function sameCitedSpot(a: Citation, b: Citation): boolean {
  return a.article === b.article && a.caption === b.caption && !!a.title === !!b.title && a.start < b.end && b.start < a.end;
}

/** One article of the storyline, as the report lists it. */
export interface ReportArticle {
  id: string;
  title: string;
  outlet: string;
  published: string | null;
  /** How `published` was found (`inferred`: from the text or from the storyline's other articles). */
  publishedFrom?: DateSource | null;
  /** Why an inferred date was chosen; a storyline-inferred one names the anchoring `article`s. */
  publishedEvidence?: DateEvidence[];
  url?: string | null;
  file?: string | null;
  /** The original, when this article is a duplicate or syndicated copy. */
  duplicateOf?: string | null;
  /** Set when neither the article nor its URL names an outlet: `outlet` then names the file or feed it came from. */
  unknownOutlet?: boolean;
}

/** One event of the storyline with a headline chosen from its articles' sentences. */
export interface ReportEvent {
  id: string;
  articleIds: string[];
  /** The latest wording: the title of the event's latest-dated article (undated ones last). */
  headline: string;
  /** The event's name: its earliest-dated titled article's title (the store's rule; undated last). */
  title?: string;
  /** Where the headline comes from. */
  citation: Citation | null;
}

/** A statement made by several articles, aligned across wordings. */
export interface Fact {
  /** A representative sentence (the most central of the aligned ones), quoted as written. */
  text: string;
  /** Independent outlets that make the statement (duplicates and wire copies count once). */
  sources: string[];
  /** Article ids that make the statement, copies included. */
  articles: string[];
  /** Every aligned sentence. */
  citations: Citation[];
  /** Mean similarity of the aligned sentences (0..1): how close the wordings are. */
  score: number;
  /**
   * Per outlet of the storyline (and per source of the fact): whether it reports the fact,
   * contradicts it (a `conflict` pairs its sentence with one of the fact's), or is silent. Computed
   * from the same alignment as `sources` and `conflicts` (and the timeline, when `addTimeline` ran),
   * so a fact × outlet matrix built from it agrees with the rest of the report.
   */
  status?: Record<string, FactOutletStatus>;
}

/** What one outlet does with a fact. */
export type FactOutletStatus = 'reports' | 'contradicts' | 'silent';

/** One side of a merged conflict: a value and every outlet and sentence that states it. */
export interface ConflictSide {
  /** The value as first written. */
  value: string;
  /** Independent outlets (originals' outlets) that state it. */
  sources: string[];
  citations: Citation[];
}

/** What two aligned statements disagree on. */
export type ConflictSlot = 'date' | 'number' | 'place' | 'person' | 'outcome';

/** Aligned statements that disagree on a slot, or (kind `update`) a newer report superseding an older one. */
export interface Conflict {
  kind: 'conflict' | 'update';
  slot: ConflictSlot;
  /** One-line explanation, e.g. `date: July 2022 vs October 13, 2022`. */
  description: string;
  /** The two values as written, in the order of `citations`. */
  values: [string, string];
  /** `true` when both statements come from the same article (text or its captions). */
  withinArticle: boolean;
  citations: [Citation, Citation];
  /**
   * Every side of the disagreement with all its outlets and sentences (the same slot and values
   * reported by several outlet pairs are one entry); `values` and `citations` are the first of each side.
   */
  sides?: ConflictSide[];
}

/** A notable claim only one independent outlet makes. */
export interface SingleSourceClaim {
  text: string;
  outlet: string;
  /** Why it is notable: what it holds (a date, a number, a name) that nobody else states. */
  reason: string;
  citation: Citation;
}

/** A direct (or clearly indirect) quotation with its speaker. */
export interface Quote {
  speaker: string;
  /** The quoted words, without quotation marks (for indirect speech: the reported clause). */
  text: string;
  article: string;
  addressee?: string;
  /** The reporting verb or phrase ("told", "said", "according to", "stating"). */
  verb: string;
  /** True when the whole quote is in quotation marks; a reported clause is false even when it embeds quoted words. */
  direct: boolean;
  citation: Citation;
  /** Character offsets of `text` in the article text. */
  span?: TextSpan;
  /** The verbatim parts (inside quotation marks): the whole quote when direct, fragments of a reported clause, or none. */
  verbatim?: TextSpan[];
}

/** Character offsets `[start, end)` into an article's text. */
export interface TextSpan {
  start: number;
  end: number;
}

/** A loaded or evaluative term found in an article. */
export interface FramingTerm {
  term: string;
  /** Lexicon category: `label`, `intensifier`, `evaluative-negative`, `evaluative-positive`, `epistemic`, ... */
  category: string;
  /** -1 negative, 0 neutral/hedging, +1 positive. */
  polarity: number;
  inHeadline: boolean;
  citation: Citation;
}

/** How one outlet frames the storyline. */
export interface OutletFraming {
  outlet: string;
  articles: string[];
  /** Headline tone: -1..1 from loaded terms in the headlines. */
  headlineTone: number;
  /** Loaded terms per 1,000 words of body text. */
  loadedPerThousandWords: number;
  /** Mean polarity of the loaded terms in the body (-1..1), 0 when none. */
  bodyTone: number;
  terms: FramingTerm[];
}

/** One sentence of the cited summary. */
export interface SummarySentence {
  text: string;
  /** Independent outlets that state it (its own and those of aligned sentences). */
  sources: string[];
  citations: Citation[];
  /**
   * Set when the sentence states a figure or date other outlets contradict (a `conflict`, not an
   * `update`): every side, quoted. `text` then ends with them in brackets, e.g. the quoted sentence
   * followed by ` (Merrow Times: 5.8; Coastline Daily: 6.1)`, and `citations` cite every side.
   */
  contested?: ConflictSide[];
}

/** One line of the brief: a sentence quoted from a source, with its sources and citations. */
export interface BriefItem {
  /** Publication date of the report it comes from (developments; `now`), else null. */
  date: string | null;
  /** For a development, its status as readers say it ("being prepared for 2024-02"); for a contradiction, what disagrees. */
  label?: string;
  text: string;
  sources: string[];
  citations: Citation[];
  /** A caution of Storyline's own about the line, true of the articles (e.g. that a planned date has passed unreported). */
  note?: string;
}

/**
 * What a reader needs first, before the detail: where things stand (dated), the arc of the
 * anticipated event, the key corroborated facts, open contradictions, then background kept apart.
 * Built from the report's own records: every line quotes a source.
 */
export interface ReportBrief {
  /** Latest publication date of the storyline's articles. */
  asOf: string | null;
  /** The latest development, or without one the latest-reported news sentence. */
  now: BriefItem | null;
  /** The main anticipated event's developments in date order (empty when there is only one). */
  arc: BriefItem[];
  /** Other anticipated events (another kind or place): where each stands now, one line each. */
  otherEvents?: BriefItem[];
  /** Facts stated by the most independent sources, news before background. */
  keyFacts: BriefItem[];
  /** Conflicts between sources still standing (not updates). */
  contradictions: BriefItem[];
  /** Summary sentences not told above. */
  alsoReported: BriefItem[];
  /** Happenings long before the storyline's first article, labelled as background. */
  background: BriefItem[];
}

/** The full comparison of a storyline's sources. JSON-serialisable. */
export interface StorylineReport {
  /** The storyline's id (a merged id resolved to the current one), set by the edge that loaded it (CLI `story --json`, API). */
  id?: string;
  /** The id asked for, when it was merged into `id`. */
  mergedFrom?: string;
  /** The latest wording: the title of the storyline's latest-dated article (publication date; undated last). */
  headline: string;
  articles: ReportArticle[];
  events: ReportEvent[];
  /** Independent named outlets of the storyline (originals' outlets; copies fold into them). */
  outlets: string[];
  /**
   * Independent sources: the named outlets (an outlet a URL's site names counts as named) plus one
   * per file or feed its original articles with no named outlet came from (a JSON-lines file or a
   * feed is one source, a plain-text file on its own is its own; labelled "unnamed source (file)").
   */
  independentSources?: number;
  /** The storyline's title as the store lists it, when the caller passed one. */
  storylineTitle?: string;
  facts: Fact[];
  conflicts: Conflict[];
  singleSource: SingleSourceClaim[];
  quotes: Quote[];
  framing: OutletFraming[];
  summary: SummarySentence[];
  /** Dated happenings merged across articles, by date (set by the timeline stage's `addTimeline`). */
  timeline?: TimelineEntry[];
  /** How the anticipated event changed from report to report (set by `addTimeline`). */
  developments?: Development[];
  /** The brief read first (set by the summarize stage's `buildBrief`, once timeline and developments are in). */
  brief?: ReportBrief;
}
