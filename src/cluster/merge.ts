/**
 * Maintenance by merging: an article that fits two groups well enough that their centroids match merges them (the
 * smaller id redirects to the larger), at both levels; small idle events are absorbed into the event that best
 * explains them; the mixture's merge pass joins events that grew into one story.
 */
import { addToCentroid, cosineCentroids, removePosting, topEntries } from './sparse.js';
import { groupKeys, reindex, reindexAnchors } from './groups.js';
import { mixtureNewScore, mixtureScore, mixtureTwoVsOne } from './mixture-model.js';
import { eventPairScore, fittingStorylines, namesShared, spanGap, storylineScore } from './pair-model.js';
import { type ClusterContext, type DocFeatures, type EventState, maxDay, minDay, type StorylineState } from './state.js';
import type { GroupMerge } from './types.js';

/** Indexed candidates per event checked by the mixture's merge pass (the events sharing most of its index keys). */
const MERGE_PASS_CANDIDATES = 3;

/**
 * The last step of a merge, the same at both levels: `into` is re-indexed under its grown
 * centroid, `from` leaves the index and the state, and its id redirects to `into`.
 */
function retireMerged(ctx: ClusterContext, level: 'event' | 'storyline', from: EventState | StorylineState, into: EventState | StorylineState, merges: GroupMerge[]): void {
  const { state } = ctx;
  const index = level === 'event' ? state.eventIndex : state.storylineIndex;
  for (const k of from.keys) removePosting(index, k, from.id);
  const keys = groupKeys(ctx, into.body, into.entities);
  reindex(index, into.id, into.keys, keys);
  into.keys = keys;
  (level === 'event' ? state.events : state.storylines).delete(from.id);
  state.redirects.set(from.id, into.id);
  merges.push({ level, from: from.id, into: into.id });
}

function mergeStorylines(ctx: ClusterContext, from: StorylineState, into: StorylineState, merges: GroupMerge[]): void {
  const { o, state } = ctx;
  for (const [k, x] of from.body.sum) into.body.sum.set(k, (into.body.sum.get(k) ?? 0) + x);
  for (const [k, x] of from.entities.sum) into.entities.sum.set(k, (into.entities.sum.get(k) ?? 0) + x);
  addToCentroid(into.body, new Map(), o.centroidTerms);
  addToCentroid(into.entities, new Map(), o.centroidEntities);
  into.n += from.n;
  into.first = minDay(into.first, from.first);
  into.last = maxDay(into.last, from.last);
  into.grown = Math.max(into.grown, from.grown);
  for (const eid of from.events) {
    const e = state.events.get(eid);
    if (e) e.storyline = into.id;
    into.events.push(eid);
  }
  retireMerged(ctx, 'storyline', from, into, merges);
}

/** Merges two events (and their storylines when they differ); returns the one that stays. */
export function mergeEvents(ctx: ClusterContext, a: EventState, b: EventState, merges: GroupMerge[]): EventState {
  const { o, state } = ctx;
  // The larger group keeps its id (ties: the older one), so most stored links stay valid.
  const [into, from] = a.n > b.n || (a.n === b.n && Number(a.id.slice(1)) < Number(b.id.slice(1))) ? [a, b] : [b, a];
  for (const [src, dst, k] of [
    [from.title, into.title, o.centroidTitleTerms],
    [from.body, into.body, o.centroidTerms],
    [from.entities, into.entities, o.centroidEntities],
  ] as const) addToCentroid(dst, src.sum, k);
  for (const [m, c] of from.months) into.months.set(m, (into.months.get(m) ?? 0) + c);
  for (const [y, c] of from.years) into.years.set(y, (into.years.get(y) ?? 0) + c);
  for (const [y, c] of from.latestYears) into.latestYears.set(y, (into.latestYears.get(y) ?? 0) + c);
  into.members = [...into.members, ...from.members].slice(-o.memberCount);
  into.recent = [...into.recent, ...from.recent].slice(-ctx.memberWindow);
  if (ctx.crossLanguage) {
    addToCentroid(into.anchors, from.anchors.sum, o.centroidTerms);
    for (const [l, c] of from.langs) into.langs.set(l, (into.langs.get(l) ?? 0) + c);
    for (const k of from.anchorKeys) removePosting(state.anchorIndex, k, from.id);
    reindexAnchors(ctx, into);
  }
  for (const [t, c] of from.counts) into.counts.set(t, (into.counts.get(t) ?? 0) + c);
  into.words += from.words;
  into.grown = Math.max(into.grown, from.grown);
  into.n += from.n;
  into.first = minDay(into.first, from.first);
  into.last = maxDay(into.last, from.last);
  retireMerged(ctx, 'event', from, into, merges);
  const sFrom = state.storylines.get(from.storyline);
  const sInto = state.storylines.get(into.storyline);
  if (sFrom) sFrom.events = sFrom.events.filter((id) => id !== from.id);
  if (sFrom && sInto && sFrom !== sInto) {
    const [big, small] = sInto.n >= sFrom.n ? [sInto, sFrom] : [sFrom, sInto];
    mergeStorylines(ctx, small, big, merges);
  }
  return into;
}

/**
 * Other storylines this article also fits are merged into its own when the two centroids match
 * (reason: two events of one storyline may have started storylines of their own before the article linking them).
 */
export function mergeNearStorylines(ctx: ClusterContext, own: StorylineState, d: DocFeatures, merges: GroupMerge[]): StorylineState {
  const { o, state } = ctx;
  if (!Number.isFinite(o.storylineMergeMargin)) return own;
  let s = own;
  const runners = fittingStorylines(ctx, d).filter((x) => x.s !== own).slice(0, o.mergeCandidates);
  for (const { s: other } of runners) {
    if (!state.storylines.has(other.id) || other === s) continue;
    const entities = cosineCentroids(s.entities, other.entities);
    if (storylineScore(ctx, cosineCentroids(s.body, other.body), entities, spanGap(s.first, s.last, other.first, other.last)) > o.storylineMergeMargin && namesShared(ctx, entities, s.entities.sum.size, other.entities.sum.size)) {
      const [big, small] = s.n >= other.n ? [s, other] : [other, s];
      mergeStorylines(ctx, small, big, merges);
      s = big;
    }
  }
  return s;
}

/**
 * Events that grew since the last pass are merged with an indexed candidate when the mixture finds them one
 * (two-against-one log-odds below −`mixtureMergeMargin`). Reason: a story whose first headlines used other words
 * than its later ones starts twice; once both events have grown, their word counts show that they are one.
 */
export function mergePass(ctx: ClusterContext, merges: GroupMerge[]): void {
  const { o, state } = ctx;
  const margin = o.mixtureMergeMargin ?? Infinity;
  const since = state.docs - (o.reassignEvery ?? 1);
  for (const e of [...state.events.values()]) {
    if (e.grown <= since || !state.events.has(e.id)) continue;
    const hits = new Map<string, number>();
    for (const k of e.keys) for (const id of state.eventIndex.lists.get(k) ?? []) if (id !== e.id) hits.set(id, (hits.get(id) ?? 0) + 1);
    for (const [id] of topEntries(hits, MERGE_PASS_CANDIDATES)) {
      const other = state.events.get(id);
      if (!other || !state.events.has(e.id)) continue;
      if (mixtureTwoVsOne(ctx, e, other) < -margin) {
        mergeEvents(ctx, e, other, merges);
        break;
      }
    }
  }
}

/**
 * Small events idle for `absorbAfterDocs` articles are merged into the live event that best explains them,
 * when one does well enough (reason: a single pass starts a new event for a short text whose words no event
 * has used much yet, or that its event's index keys miss; later, that event has usually grown to take it).
 */
export function absorbDue(ctx: ClusterContext, merges: GroupMerge[]): void {
  const { o, state, absorbAfter } = ctx;
  while (state.absorbQueue.length && state.absorbQueue[0]![1] <= state.docs) {
    const [id] = state.absorbQueue.shift()!;
    const e = state.events.get(id);
    if (!e) continue;
    // Still growing: look again once it has been idle for the whole wait.
    if (e.grown + absorbAfter > state.docs) {
      state.absorbQueue.push([id, e.grown + absorbAfter]);
      continue;
    }
    if (e.n > (o.absorbMaxSize ?? 1)) continue;
    let best: EventState | null = null;
    let bestScore = o.absorbMargin ?? 0;
    // One pass over the live events (bounded by the active window), once per event: a small event's words
    // need not be among any big event's index keys.
    for (const other of state.events.values()) {
      if (other === e || other.n < e.n) continue;
      const score = absorbScore(ctx, e, other);
      if (score > bestScore) [best, bestScore] = [other, score];
    }
    if (best) mergeEvents(ctx, e, best, merges);
  }
}

/** How much better `small`'s articles fit in `big` than on their own (mixture: log-odds; pairs: pair score). */
function absorbScore(ctx: ClusterContext, small: EventState, big: EventState): number {
  if (ctx.o.eventModel !== 'mixture') return eventPairScore(ctx, small, big);
  // The smoothing prior alone must not decide: a group sharing no word with the small one cannot explain it.
  let shared = false;
  for (const t of small.counts.keys()) if (big.counts.has(t)) shared = true;
  if (!shared) return -Infinity;
  return mixtureScore(ctx, { counts: small.counts }, big, false) - mixtureNewScore(ctx, { counts: small.counts });
}
