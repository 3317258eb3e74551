/**
 * Maintenance by reassignment (mixture only): recent articles move to the event that now explains them better.
 */
import { topEntries } from './sparse.js';
import { addToEvent, memberAsFeatures, removeMembers } from './groups.js';
import { mergeEvents } from './merge.js';
import { mixtureNewScore, mixtureScore } from './mixture-model.js';
import type { ClusterContext, EventState, RecentMember } from './state.js';
import type { GroupMerge, GroupSplit } from './types.js';

/**
 * One reassignment pass over the articles of the last `reassignWindow` arrivals (mixture only): each moves to
 * the candidate event that explains it best when that beats its own event without it by `reassignMargin`
 * (reason: a single pass decides each headline once, on what came before it; GSDMM and MStream get their
 * quality from passes that decide again, and a pass over a recent window stays online). With
 * `reassignSingletons`, an event of one article is merged into the event that the article now prefers to a new
 * one (reason: in GSDMM's passes a document alone in its cluster weighs the others against a new cluster too;
 * a lone headline's first choice was made before its story's words were known). Merges go to `merges`.
 */
export function reassignRecent(ctx: ClusterContext, merges: GroupMerge[]): GroupSplit[] {
  const { o, state } = ctx;
  const since = state.docs - (o.reassignWindow ?? 500);
  const margin = o.reassignMargin ?? 0;
  const singletons = o.reassignSingletons ?? false;
  const moves = new Map<string, GroupSplit>();
  for (const e of [...state.events.values()]) {
    for (const r of [...e.recent]) {
      if (r.at <= since || !state.events.has(e.id)) continue;
      const alone = e.n === 1 && e.recent.length === 1;
      if (e.n < 2 && !(singletons && alone)) continue;
      // A member alone in its event is weighed as the single pass would weigh it now: joining another event
      // (faded by its idle time) against a new event (the prior's α × articles seen); others, unfaded, against
      // their own event without them.
      const stay = alone ? mixtureNewScore(ctx, r) : mixtureScore(ctx, r, e, false, r);
      let best: EventState | null = null;
      let bestScore = stay + margin;
      for (const c of alone ? sharingEvents(ctx, r, e) : memberCandidates(ctx, r, e.id).map((id) => state.events.get(id)!)) {
        const score = mixtureScore(ctx, r, c, alone);
        if (score > bestScore) [best, bestScore] = [c, score];
      }
      if (!best) continue;
      if (alone) {
        // Its event would be left empty: a merge (the id redirects), not a move.
        mergeEvents(ctx, e, best, merges);
        continue;
      }
      e.recent = e.recent.filter((x) => x !== r);
      removeMembers(ctx, e, [r]);
      addToEvent(ctx, best, memberAsFeatures(r));
      const key = `${e.id}\u0000${best.id}`;
      const m = moves.get(key) ?? { level: 'event' as const, from: e.id, into: best.id, storylineId: best.storyline, articleIds: [] };
      m.articleIds.push(r.id);
      moves.set(key, m);
    }
  }
  return [...moves.values()];
}

/**
 * Live events other than `own` that have used one of the member's words (one pass over the live events, as
 * absorption makes: a lone headline's words are seldom among a big event's index keys).
 */
function sharingEvents(ctx: ClusterContext, r: RecentMember, own: EventState): EventState[] {
  const out: EventState[] = [];
  for (const c of ctx.state.events.values()) {
    if (c === own) continue;
    for (const t of r.counts.keys()) {
      if (c.counts.has(t)) {
        out.push(c);
        break;
      }
    }
  }
  return out;
}

/** Live events other than `own` indexed under a member's words, most shared weight first. */
function memberCandidates(ctx: ClusterContext, r: RecentMember, own: string): string[] {
  const { state } = ctx;
  const hits = new Map<string, number>();
  for (const [t, x] of r.body) {
    for (const id of state.eventIndex.lists.get(t) ?? []) if (id !== own && state.events.has(id)) hits.set(id, (hits.get(id) ?? 0) + x);
  }
  return topEntries(hits, ctx.o.maxCandidates).map(([id]) => id);
}
