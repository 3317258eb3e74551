/**
 * Maintenance of the active window (TDT): groups idle for longer than the window (days of publication dates, or
 * arrivals for undated ones) leave the index, the state and the snapshot, and document frequencies are halved on
 * a schedule so rare terms drop out. Cost stays flat as the store grows.
 */
import { removePosting } from './sparse.js';
import { type ClusterContext, resolveId, type State } from './state.js';

/** Articles between two sweeps of the active window (a sweep costs one pass over the live groups). */
export const SWEEP_EVERY = 256;

/** Median of the recent publication days, or null when none is known. */
function streamDay(recent: readonly number[]): number | null {
  if (!recent.length) return null;
  const sorted = [...recent].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

/**
 * Retires groups outside the active window: out of the index, the state and the snapshot, with the redirects that
 * lead to them; and halves document frequencies on schedule. Cost: one pass over live groups.
 */
export function sweep(ctx: ClusterContext): void {
  const { o, state } = ctx;
  const halving = o.dfHalvingDocs ?? Infinity;
  if (Number.isFinite(halving) && state.docs % Math.max(SWEEP_EVERY, Math.round(halving / SWEEP_EVERY) * SWEEP_EVERY) === 0) halveDf(state);
  const now = streamDay(state.recent);
  const idle = (last: number | null, grown: number, days: number | undefined, docs: number | undefined): boolean =>
    // Dated groups age in publication days, undated ones in arrivals.
    last !== null && now !== null ? now - last > (days ?? Infinity) : state.docs - grown > (docs ?? Infinity);
  for (const e of state.events.values()) {
    if (!idle(e.last, e.grown, o.eventWindowDays, o.eventWindowDocs)) continue;
    for (const k of e.keys) removePosting(state.eventIndex, k, e.id);
    for (const k of e.anchorKeys) removePosting(state.anchorIndex, k, e.id);
    state.events.delete(e.id);
    const s = state.storylines.get(e.storyline);
    if (s) s.events = s.events.filter((id) => id !== e.id);
  }
  for (const s of state.storylines.values()) {
    if (s.events.length || !idle(s.last, s.grown, o.storylineWindowDays, o.storylineWindowDocs)) continue;
    for (const k of s.keys) removePosting(state.storylineIndex, k, s.id);
    state.storylines.delete(s.id);
  }
  for (const [from] of state.redirects) {
    const to = resolveId(state, from);
    if (!state.events.has(to) && !state.storylines.has(to)) state.redirects.delete(from);
  }
}

/** Halves document frequencies, rounding down (small integers stay unboxed in V8 maps); terms at 0 drop out. */
function halveDf(state: State): void {
  state.dfDocs = Math.floor(state.dfDocs / 2);
  for (const [k, c] of state.df) {
    if (c < 2) state.df.delete(k);
    else state.df.set(k, Math.floor(c / 2));
  }
}
