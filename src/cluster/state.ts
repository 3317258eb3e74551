/**
 * The clusterer's live state (the active window's events and storylines, document frequencies, indexes) and the
 * context every room of the clusterer works on: the options, the state, and the switches derived from options.
 */
import { type Centroid, createCentroid, createPostingIndex, type PostingIndex, type SparseVector } from './sparse.js';
import type { StoryClustererOptions } from './options.js';

/** What the clusterer computes of one article. */
export interface DocFeatures {
  title: SparseVector;
  body: SparseVector;
  entities: SparseVector;
  months: string[];
  /** Years the text names (distinct). */
  years: number[];
  day: number | null;
  /** Index keys to look candidates up with (terms, and entities prefixed with `@`). */
  query: string[];
  /** Raw content-term counts of title + text (the mixture model's view). */
  counts: Map<string, number>;
  /** The article's id (kept with an event's latest members, so that a split can say which articles move). */
  id?: string;
  /** Articles seen when it arrived (set for members moved between events; new articles arrive now). */
  at?: number;
  /** Cross-language view (when on): names and numbers as any language writes them, and the text's language. */
  anchors?: SparseVector;
  lang?: string;
}

/** One of an event's latest members, kept so that the event can be split or the member reassigned (vectors truncated). */
export interface RecentMember {
  id: string;
  title: SparseVector;
  /** The heaviest `memberTerms` entries of the title + body vector, as added to the centroid (not rescaled). */
  body: [string, number][];
  /** `body` as a map, built when the member is first checked (most events never grow enough to be). */
  vec?: SparseVector;
  entities: [string, number][];
  months: string[];
  years: number[];
  day: number | null;
  counts: Map<string, number>;
  /** Articles seen (`State.docs`) when it arrived. */
  at: number;
}

export interface EventState {
  id: string;
  storyline: string;
  n: number;
  title: Centroid;
  body: Centroid;
  entities: Centroid;
  months: Map<string, number>;
  /** Members naming each year, and members whose latest named year is each year. */
  years: Map<number, number>;
  latestYears: Map<number, number>;
  first: number | null;
  last: number | null;
  keys: string[];
  /** Truncated vectors of the latest members (nearest-member evidence survives a mixed centroid). */
  members: SparseVector[];
  /** Mixture model only: raw term counts (truncated like the centroid) and their total. */
  counts: Map<string, number>;
  words: number;
  /** Articles seen (`State.docs`) when the event last grew: the mixture's fading and the arrival window. */
  grown: number;
  /** Latest members with their vectors (splits or reassignment on; at most `memberWindow`). */
  recent: RecentMember[];
  /** Cross-language view (when on): anchor centroid, members per language, anchor index keys. */
  anchors: Centroid;
  langs: Map<string, number>;
  anchorKeys: string[];
}

export interface StorylineState {
  id: string;
  n: number;
  body: Centroid;
  entities: Centroid;
  first: number | null;
  last: number | null;
  events: string[];
  keys: string[];
  /** Articles seen when the storyline last grew (arrival window). */
  grown: number;
}

export interface State {
  docs: number;
  /** Document count behind `df` (halved with it). */
  dfDocs: number;
  df: Map<string, number>;
  /** Publication days of the latest dated articles (ring of {@link RECENT_DAYS}): the stream's "now". */
  recent: number[];
  nextEvent: number;
  nextStoryline: number;
  events: Map<string, EventState>;
  storylines: Map<string, StorylineState>;
  redirects: Map<string, string>;
  eventIndex: PostingIndex;
  storylineIndex: PostingIndex;
  /** Events waiting for their absorption check: [event id, articles seen when it is due], due order. */
  absorbQueue: [string, number][];
  /** Events under their heaviest anchor terms (cross-language matching). */
  anchorIndex: PostingIndex;
}

/** Dated articles whose median publication day is the stream's "now" (one odd date cannot move it). */
export const RECENT_DAYS = 101;

export function emptyState(o: StoryClustererOptions): State {
  return {
    docs: 0,
    dfDocs: 0,
    df: new Map(),
    recent: [],
    nextEvent: 1,
    nextStoryline: 1,
    events: new Map(),
    storylines: new Map(),
    redirects: new Map(),
    eventIndex: createPostingIndex(o.postingCap),
    storylineIndex: createPostingIndex(o.postingCap),
    absorbQueue: [],
    anchorIndex: createPostingIndex(o.postingCap),
  };
}

/** The options, the state, and what the options switch on (read by every room of the clusterer). */
export interface ClusterContext {
  o: StoryClustererOptions;
  state: State;
  crossLanguage: boolean;
  /** Idle articles after which a small event is checked for absorption (Infinity: off). */
  absorbAfter: number;
  /** Mixture model with periodic reassignment of recent articles. */
  reassigning: boolean;
  /** Latest members are kept (for splits and for reassignment). */
  recording: boolean;
  checkSplits: boolean;
  splitWindow: number;
  /** Latest members kept per event. */
  memberWindow: number;
}

export function createContext(o: StoryClustererOptions, state: State): ClusterContext {
  const reassigning = o.eventModel === 'mixture' && Number.isFinite(o.reassignEvery ?? Infinity);
  const checkSplits = Number.isFinite(o.splitCheckEvery ?? Infinity);
  const splitWindow = o.splitWindow ?? 24;
  return {
    o,
    state,
    crossLanguage: (o.crossLanguageMinCoverage ?? Infinity) <= 1,
    absorbAfter: o.absorbAfterDocs ?? Infinity,
    reassigning,
    recording: checkSplits || reassigning,
    checkSplits,
    splitWindow,
    memberWindow: Math.max(splitWindow, o.memberWindow ?? 0),
  };
}

/** Follows merge redirects to the id that is current now. */
export function resolveId(state: State, id: string): string {
  let cur = id;
  for (let i = 0; i < 1000; i++) {
    const next = state.redirects.get(cur);
    if (next === undefined) return cur;
    cur = next;
  }
  return cur;
}

export function minDay(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}
export function maxDay(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

/** An empty event in `storyline`, live and queued for its absorption check. */
export function newEvent(ctx: ClusterContext, storyline: string): EventState {
  const { state } = ctx;
  const e: EventState = {
    id: `e${state.nextEvent++}`,
    storyline,
    n: 0,
    title: createCentroid(),
    body: createCentroid(),
    entities: createCentroid(),
    months: new Map(),
    years: new Map(),
    latestYears: new Map(),
    first: null,
    last: null,
    keys: [],
    members: [],
    counts: new Map(),
    words: 0,
    grown: state.docs,
    recent: [],
    anchors: createCentroid(),
    langs: new Map(),
    anchorKeys: [],
  };
  state.events.set(e.id, e);
  if (Number.isFinite(ctx.absorbAfter)) state.absorbQueue.push([e.id, state.docs + ctx.absorbAfter]);
  return e;
}

export function newStoryline(state: State): StorylineState {
  const s: StorylineState = { id: `s${state.nextStoryline++}`, n: 0, body: createCentroid(), entities: createCentroid(), first: null, last: null, events: [], keys: [], grown: state.docs };
  state.storylines.set(s.id, s);
  return s;
}
