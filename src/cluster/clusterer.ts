/**
 * Online two-level clustering: articles → events → storylines, in arrival order.
 *
 * Each article becomes feature vectors (features.ts). Candidate events come from an inverted index over each
 * event centroid's heaviest terms and entities (groups.ts; never a scan of all events); each candidate is scored by
 * the pair model (pair-model.ts) or, for bare headlines, the mixture model (mixture-model.ts). Best score above
 * zero joins; otherwise a new event starts, and is placed in a storyline the same way against storyline centroids
 * with a long time scale (Story Forest's two levels). Maintenance keeps the groups right and the state bounded:
 * merges and absorption (merge.ts), splits (split.ts), reassignment (reassign.ts) and the active window
 * (sweep.ts). The state and its snapshot codec live in state.ts and snapshot.ts.
 *
 * The store keeps every assignment; the price of the window is that a late article about a retired happening
 * starts a new event.
 */
import type { Centroid, SparseVector } from './sparse.js';
import { topEntries } from './sparse.js';
import { featurize } from './features.js';
import { addToEvent, addToStoryline, candidates } from './groups.js';
import { absorbDue, mergeEvents, mergeNearStorylines, mergePass } from './merge.js';
import { mixtureNewScore, mixtureScore } from './mixture-model.js';
import { eventFeaturesOf, eventPairScore, fittingStorylines, gap, type PairFeatures, pairScore } from './pair-model.js';
import { reassignRecent } from './reassign.js';
import { restoreState, serialiseState } from './snapshot.js';
import { splitEvent, splitStep } from './split.js';
import { type ClusterContext, createContext, type DocFeatures, emptyState, type EventState, newEvent, newStoryline, resolveId, type StorylineState } from './state.js';
import { SWEEP_EVERY, sweep } from './sweep.js';
import type { Assignment, ClusterDoc, GroupMerge, GroupSplit, StoryClusterer } from './types.js';
import { DEFAULT_CLUSTER_OPTIONS, type StoryClustererOptions } from './options.js';

export type { DocFeatures } from './state.js';
export type { PairFeatures } from './pair-model.js';

/** The clusterer plus the internals that training and benchmarks read. */
export interface StoryClustererInternals extends StoryClusterer {
  /** Number of live (unmerged) events and storylines. */
  counts(): { events: number; storylines: number; vocabulary: number };
  /** Computes an article's features, updating document frequencies (as `add` does). */
  featurize(doc: ClusterDoc): DocFeatures;
  /** Pair features of an article against a live event. */
  eventFeatures(doc: DocFeatures, eventId: string): PairFeatures;
  /** Adds featurized `doc` to event `eventId`, or to a new event when null (teacher forcing). */
  place(doc: DocFeatures, eventId: string | null): string;
  options: StoryClustererOptions;
}

/**
 * Builds a clusterer with `options` (defaults: {@link DEFAULT_CLUSTER_OPTIONS}), restoring `snapshot` when given.
 * @example
 * const c = createStoryClusterer();
 * const a = c.add({ id: 'a1', title: 'Quake hits Chile', text: '…', published: '2024-03-01', outlet: null });
 * c.resolve(a.eventId); // current id of the article's event, after any merges
 */
export function createClusterer(options: Partial<StoryClustererOptions> = {}, snapshot?: string): StoryClustererInternals {
  const o: StoryClustererOptions = { ...DEFAULT_CLUSTER_OPTIONS, ...options };
  const ctx = createContext(o, snapshot ? restoreState(snapshot, o) : emptyState(o));
  const resolve = (id: string): string => resolveId(ctx.state, id);
  return {
    add: (doc) => add(ctx, doc),
    resolve,
    snapshot: () => serialiseState(ctx.state),
    counts: () => ({ events: ctx.state.events.size, storylines: ctx.state.storylines.size, vocabulary: ctx.state.df.size }),
    featurize: (doc) => featurize(ctx, doc),
    eventFeatures: (d, id) => {
      const e = ctx.state.events.get(id);
      if (!e) throw new Error(`no live event ${id}`);
      return eventFeaturesOf(d, e);
    },
    place: (d, eventId) => place(ctx, d, eventId),
    options: o,
  };
}

/** Places one article, then keeps the state bounded (every {@link SWEEP_EVERY} articles). */
function add(ctx: ClusterContext, doc: ClusterDoc): Assignment {
  const { o, state } = ctx;
  const a = addOne(ctx, doc);
  if (state.absorbQueue.length && state.absorbQueue[0]![1] <= state.docs) {
    absorbDue(ctx, a.merges);
    // The article's own event may have been the one absorbed.
    a.eventId = resolveId(state, a.eventId);
    a.storylineId = resolveId(state, a.storylineId);
  }
  if (ctx.reassigning && state.docs % o.reassignEvery! === 0) {
    const merged = a.merges.length;
    if (Number.isFinite(o.mixtureMergeMargin ?? Infinity)) mergePass(ctx, a.merges);
    const moves = reassignRecent(ctx, a.merges);
    if (a.merges.length > merged) {
      // The article's own event may have been a singleton that joined another.
      a.eventId = resolveId(state, a.eventId);
      a.storylineId = resolveId(state, a.storylineId);
    }
    if (moves.length) {
      a.splits = [...(a.splits ?? []), ...moves];
      for (const m of moves) if (m.articleIds.includes(doc.id)) [a.eventId, a.storylineId] = [m.into, m.storylineId];
    }
  }
  if (state.docs % SWEEP_EVERY === 0) sweep(ctx);
  return a;
}

function addOne(ctx: ClusterContext, doc: ClusterDoc): Assignment {
  const { o, state } = ctx;
  const d = featurize(ctx, doc);
  const scored: { e: EventState; score: number }[] = [];
  const mixture = o.eventModel === 'mixture';
  // Mixture: log-odds of joining each candidate against starting a new event (zero = even).
  const fresh = mixture ? mixtureNewScore(ctx, d) : 0;
  for (const id of candidates(ctx, state.eventIndex, d)) {
    const e = state.events.get(id);
    if (!e) continue;
    const score = mixture ? mixtureScore(ctx, d, e) - fresh : pairScore(ctx, d, e);
    if (score > 0) scored.push({ e, score });
  }
  scored.sort((a, b) => b.score - a.score || (a.e.id < b.e.id ? -1 : 1));
  if (!scored.length && ctx.crossLanguage && !mixture) {
    const other = crossLanguageMatch(ctx, d);
    if (other) scored.push({ e: other, score: 0 });
  }
  const merges: GroupMerge[] = [];
  if (!scored.length) {
    const { s, created } = chooseStoryline(ctx, d);
    const e = newEvent(ctx, s.id);
    s.events.push(e.id);
    addToEvent(ctx, e, d);
    addToStoryline(ctx, s, d);
    const st = mergeNearStorylines(ctx, s, d, merges);
    return { eventId: e.id, storylineId: st.id, newEvent: true, newStoryline: created && st === s, merges, splits: [] };
  }
  let e = scored[0]!.e;
  addToEvent(ctx, e, d);
  const s0 = state.storylines.get(e.storyline);
  if (s0) addToStoryline(ctx, s0, d);
  // Runner-up events that this article also fits: merge when the grown centroid matches theirs.
  for (let i = 1; i < scored.length && i <= o.mergeCandidates; i++) {
    const other = scored[i]!.e;
    if (!state.events.has(other.id) || other === e) continue;
    if (eventPairScore(ctx, e, other) > o.mergeMargin) e = mergeEvents(ctx, e, other, merges);
  }
  const s1 = state.storylines.get(e.storyline);
  if (s1) mergeNearStorylines(ctx, s1, d, merges);
  const splits: GroupSplit[] = [];
  let eventId = e.id;
  if (ctx.checkSplits && e.n % splitStep(e.n, o.splitCheckEvery!) === 0) {
    const split = splitEvent(ctx, e);
    if (split) {
      splits.push(split);
      if (split.articleIds.includes(d.id!)) eventId = split.into;
    }
  }
  return { eventId, storylineId: e.storyline, newEvent: false, newStoryline: false, merges, splits };
}

/** Adds featurized `d` to event `eventId`, or to a new event (in the storyline it fits) when there is none. */
function place(ctx: ClusterContext, d: DocFeatures, eventId: string | null): string {
  const e = eventId ? ctx.state.events.get(eventId) : undefined;
  if (e) {
    addToEvent(ctx, e, d);
    const s = ctx.state.storylines.get(e.storyline);
    if (s) addToStoryline(ctx, s, d);
    return e.id;
  }
  const { s } = chooseStoryline(ctx, d);
  const ne = newEvent(ctx, s.id);
  s.events.push(ne.id);
  addToEvent(ctx, ne, d);
  addToStoryline(ctx, s, d);
  return ne.id;
}

function chooseStoryline(ctx: ClusterContext, d: DocFeatures): { s: StorylineState; created: boolean } {
  const best = fittingStorylines(ctx, d)[0];
  return best ? { s: best.s, created: false } : { s: newStoryline(ctx.state), created: true };
}

/**
 * An event in another language whose names and numbers the article names (reason: the word views see nothing
 * in common between "Erdbeben" and "earthquake", but both name Dunlow, Oskar Lind and a magnitude of 5.8).
 * Only events whose main language differs from the article's, within the event time grace, are looked at.
 */
function crossLanguageMatch(ctx: ClusterContext, d: DocFeatures): EventState | null {
  const { o, state } = ctx;
  if (!d.anchors?.size || !d.lang || d.lang === 'und') return null;
  const hits = new Map<string, number>();
  // All of the article's anchors: its rarest terms are words of its own language, the shared names weigh less.
  for (const [t, x] of d.anchors) {
    for (const id of state.anchorIndex.lists.get(t) ?? []) hits.set(id, (hits.get(id) ?? 0) + x);
  }
  let best: EventState | null = null;
  let bestCover = o.crossLanguageMinCoverage ?? Infinity;
  for (const [id] of topEntries(hits, o.maxCandidates)) {
    const e = state.events.get(id);
    if (!e || mainLanguage(e.langs) === d.lang || mainLanguage(e.langs) === 'und') continue;
    const g = gap(d.day, e.first, e.last);
    if (g !== null && g > o.eventGapGraceDays) continue;
    const covered = anchorCoverage(d.anchors, e.anchors);
    if (covered >= bestCover) [best, bestCover] = [e, covered];
  }
  return best;
}

/**
 * Share of a group's anchor weight that an article's anchors cover. Reason: an article in another language adds
 * words of its own that the group never uses; what counts is how much of the group's names and numbers it names.
 */
function anchorCoverage(doc: SparseVector, group: Centroid): number {
  let covered = 0;
  let total = 0;
  for (const [t, x] of group.sum) {
    total += x;
    if (doc.has(t)) covered += x;
  }
  return total > 0 ? covered / total : 0;
}

/** The language most of a group's articles are written in (`und` when none is known). */
function mainLanguage(langs: Map<string, number>): string {
  let best = 'und';
  let most = 0;
  for (const [l, c] of langs) if (l !== 'und' && c > most) [best, most] = [l, c];
  return best;
}
