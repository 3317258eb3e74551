/**
 * Events and storylines as sums of their members: adding and removing members, and keeping each group under its
 * heaviest terms and names in the inverted indexes that candidates are looked up in (never a scan of all groups).
 */
import { addToCentroid, type Centroid, normalise, type PostingIndex, removePosting, subtractFromCentroid, topEntries, touchPosting } from './sparse.js';
import { type ClusterContext, type DocFeatures, type EventState, maxDay, minDay, type RecentMember, type StorylineState } from './state.js';

/** Heaviest anchor terms under which an event is indexed for cross-language lookups. */
export const ANCHOR_KEYS = 8;

/** Entities kept per recent member for a split (the heaviest: they carry the centroid). */
const SPLIT_ENTITIES = 12;

/** Index keys of a group: its heaviest terms and names (names prefixed with `@`). */
export function groupKeys(ctx: ClusterContext, body: Centroid, entities: Centroid): string[] {
  return [
    ...topEntries(body.sum, ctx.o.indexTerms).map(([t]) => t),
    ...topEntries(entities.sum, ctx.o.indexEntities).map(([e]) => `@${e}`),
  ];
}

export function reindex(index: PostingIndex, id: string, oldKeys: string[], newKeys: string[]): void {
  const keep = new Set(newKeys);
  for (const k of oldKeys) if (!keep.has(k)) removePosting(index, k, id);
  for (const k of newKeys) touchPosting(index, k, id);
}

/** Re-indexes an event under its current centroids. */
export function reindexEvent(ctx: ClusterContext, e: EventState): void {
  const keys = groupKeys(ctx, e.body, e.entities);
  reindex(ctx.state.eventIndex, e.id, e.keys, keys);
  e.keys = keys;
}

/** Re-indexes an event under its heaviest anchor terms (cross-language lookups). */
export function reindexAnchors(ctx: ClusterContext, e: EventState): void {
  const anchorKeys = topEntries(e.anchors.sum, ANCHOR_KEYS).map(([t]) => t);
  reindex(ctx.state.anchorIndex, e.id, e.anchorKeys, anchorKeys);
  e.anchorKeys = anchorKeys;
}

/** Groups indexed under the article's query keys, most shared weight first (at most `maxCandidates`). */
export function candidates(ctx: ClusterContext, index: PostingIndex, d: DocFeatures): string[] {
  const hits = new Map<string, number>();
  for (const k of d.query) {
    const list = index.lists.get(k);
    if (!list) continue;
    const w = k.startsWith('@') ? (d.entities.get(k.slice(1)) ?? 0) : Math.max(d.body.get(k) ?? 0, d.title.get(k) ?? 0);
    for (const id of list) hits.set(id, (hits.get(id) ?? 0) + w);
  }
  return topEntries(hits, ctx.o.maxCandidates).map(([id]) => id);
}

export function addToEvent(ctx: ClusterContext, e: EventState, d: DocFeatures): void {
  const { o, state } = ctx;
  e.n++;
  addToCentroid(e.title, d.title, o.centroidTitleTerms);
  addToCentroid(e.body, d.body, o.centroidTerms);
  addToCentroid(e.entities, d.entities, o.centroidEntities);
  for (const m of d.months) e.months.set(m, (e.months.get(m) ?? 0) + 1);
  for (const y of d.years) e.years.set(y, (e.years.get(y) ?? 0) + 1);
  if (d.years.length) {
    const latest = Math.max(...d.years);
    e.latestYears.set(latest, (e.latestYears.get(latest) ?? 0) + 1);
  }
  e.first = minDay(e.first, d.day);
  e.last = maxDay(e.last, d.day);
  if (o.eventModel === 'mixture') {
    for (const [t, c] of d.counts) e.counts.set(t, (e.counts.get(t) ?? 0) + c);
    for (const c of d.counts.values()) e.words += c;
    if (e.counts.size > o.centroidTerms * 1.5) e.counts = new Map(topEntries(e.counts, o.centroidTerms));
  }
  e.grown = state.docs;
  const top = o.memberCount > 0 || ctx.recording ? topEntries(d.body, o.memberTerms) : [];
  if (o.memberCount > 0) {
    e.members.push(normalise(new Map(top)));
    if (e.members.length > o.memberCount) e.members.shift();
  }
  if (ctx.recording && d.id !== undefined) {
    e.recent.push({
      id: d.id,
      title: d.title,
      body: top,
      entities: topEntries(d.entities, SPLIT_ENTITIES),
      months: d.months,
      years: d.years,
      day: d.day,
      counts: o.eventModel === 'mixture' ? d.counts : new Map(),
      at: d.at ?? state.docs,
    });
    if (e.recent.length > ctx.memberWindow) e.recent.shift();
  }
  reindexEvent(ctx, e);
  if (ctx.crossLanguage && d.anchors) {
    addToCentroid(e.anchors, d.anchors, o.centroidTerms);
    if (d.lang) e.langs.set(d.lang, (e.langs.get(d.lang) ?? 0) + 1);
    reindexAnchors(ctx, e);
  }
}

/** A kept member as features again, to add it to another event (it keeps no anchors nor lookup keys). */
export function memberAsFeatures(r: RecentMember): DocFeatures {
  return { ...r, body: new Map(r.body), entities: new Map(r.entities), query: [] };
}

export function addToStoryline(ctx: ClusterContext, s: StorylineState, d: DocFeatures): void {
  const { o, state } = ctx;
  s.n++;
  addToCentroid(s.body, d.body, o.centroidTerms);
  addToCentroid(s.entities, d.entities, o.centroidEntities);
  s.first = minDay(s.first, d.day);
  s.last = maxDay(s.last, d.day);
  s.grown = state.docs;
  const keys = groupKeys(ctx, s.body, s.entities);
  reindex(state.storylineIndex, s.id, s.keys, keys);
  s.keys = keys;
}

/** Lowers the counts of `keys` by one, dropping those at zero. */
function decrement<K>(m: Map<K, number>, keys: readonly K[]): void {
  for (const k of keys) {
    const c = (m.get(k) ?? 0) - 1;
    if (c > 0) m.set(k, c);
    else m.delete(k);
  }
}

/** Takes members (already out of `e.recent`) out of event `e`'s state, and re-indexes it. */
export function removeMembers(ctx: ClusterContext, e: EventState, moved: RecentMember[]): void {
  for (const r of moved) {
    e.n--;
    subtractFromCentroid(e.title, r.title);
    subtractFromCentroid(e.body, r.body);
    subtractFromCentroid(e.entities, r.entities);
    decrement(e.months, r.months);
    decrement(e.years, r.years);
    if (r.years.length) decrement(e.latestYears, [Math.max(...r.years)]);
    for (const [t, c] of r.counts) {
      const left = (e.counts.get(t) ?? 0) - c;
      if (left > 0) e.counts.set(t, left);
      else e.counts.delete(t);
      e.words = Math.max(0, e.words - c);
    }
  }
  // The nearest-member evidence: the latest members that stayed.
  if (ctx.o.memberCount > 0) e.members = e.recent.slice(-ctx.o.memberCount).map((r) => normalise(new Map(r.body)));
  reindexEvent(ctx, e);
}
