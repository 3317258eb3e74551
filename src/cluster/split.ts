/**
 * Maintenance by splitting: an event's latest members are cut in two (2-means) and, when the parts are far apart,
 * the newer part becomes an event of its own in the same storyline.
 */
import { dot, normalise, type SparseVector } from './sparse.js';
import { addToEvent, memberAsFeatures, removeMembers } from './groups.js';
import { mixtureSplitOdds } from './mixture-model.js';
import { type ClusterContext, type EventState, newEvent } from './state.js';
import type { GroupSplit } from './types.js';

/** Mean terms per member below which the cosine split test is not run (MStream headlines: about 5). */
const SPLIT_MIN_TERMS = 10;

/** 2-means rounds at most (a couple of dozen vectors settle in three or four). */
const BISECT_ITERATIONS = 8;

/**
 * Articles between two split checks of an event of `n` articles: `every`, and a quarter of the event's size once
 * that is more (reason: a big event's latest members change little between checks, and checks cost).
 */
export function splitStep(n: number, every: number): number {
  return Math.max(every, 2 ** Math.floor(Math.log2(Math.max(1, n)) - 2));
}

/**
 * Cuts an event's latest members in two (2-means) and, when the parts are far apart, moves the part without
 * the event's oldest members to a new event in the same storyline (reason: two happenings of one kind, close
 * in time, can look like one until their own details pile up).
 */
export function splitEvent(ctx: ClusterContext, e: EventState): GroupSplit | null {
  const { o, state } = ctx;
  const minPart = o.splitMinPart ?? 3;
  // The latest `splitWindow` members only (more may be kept for reassignment).
  const pool = e.recent.slice(-ctx.splitWindow);
  if (pool.length < 2 * minPart) return null;
  // The cosine test needs texts of some length: halves of one story told in headlines share few words.
  if (o.eventModel !== 'mixture' && pool.reduce((n, r) => n + r.body.length, 0) < SPLIT_MIN_TERMS * pool.length) return null;
  // The members' vectors as added (not rescaled): 2-means assigns by direction, and their norms differ little.
  const cut = bisect(pool.map((r) => (r.vec ??= new Map(r.body))));
  if (!cut || cut.parts[0].length < minPart || cut.parts[1].length < minPart) return null;
  if (o.eventModel === 'mixture' ? mixtureSplitOdds(ctx, pool, cut.parts) <= (o.splitMargin ?? 0) : cut.cosine >= (o.splitMaxCosine ?? 0)) return null;
  // The part holding the oldest member kept here keeps the id when older members exist (they started the
  // event); otherwise the larger part does (ties: the one holding the oldest).
  const [p0, p1] = cut.parts;
  const hasOlder = e.n > pool.length;
  const keep0 = hasOlder ? p0.includes(0) : p0.length > p1.length || (p0.length === p1.length && p0.includes(0));
  const moving = new Set((keep0 ? p1 : p0).map((i) => pool[i]!));
  const moved = e.recent.filter((r) => moving.has(r));
  e.recent = e.recent.filter((r) => !moving.has(r));
  removeMembers(ctx, e, moved);
  const ne = newEvent(ctx, e.storyline);
  state.storylines.get(e.storyline)?.events.push(ne.id);
  // Members keep no anchor vectors: the anchors stay with the event they leave (an approximation).
  for (const r of moved) addToEvent(ctx, ne, memberAsFeatures(r));
  return { level: 'event', from: e.id, into: ne.id, storylineId: e.storyline, articleIds: moved.map((r) => r.id) };
}

/**
 * 2-means (spherical, cosine) on unit vectors, seeded deterministically: the member least like the whole, then
 * the member least like it. Returns the two parts (indexes, each in arrival order) and the cosine of their
 * centroids, or null when fewer than two vectors are given.
 */
export function bisect(vs: SparseVector[]): { parts: [number[], number[]]; cosine: number } | null {
  if (vs.length < 2) return null;
  const sum = (idx: number[]): SparseVector => {
    const c: SparseVector = new Map();
    for (const i of idx) for (const [k, x] of vs[i]!) c.set(k, (c.get(k) ?? 0) + x);
    return normalise(c);
  };
  const all = sum(vs.map((_, i) => i));
  const argmin = (f: (i: number) => number): number => {
    let best = 0;
    let low = f(0);
    for (let i = 1; i < vs.length; i++) {
      const x = f(i);
      if (x < low) [best, low] = [i, x];
    }
    return best;
  };
  const a0 = argmin((i) => dot(vs[i]!, all));
  const b0 = argmin((i) => (i === a0 ? Infinity : dot(vs[i]!, vs[a0]!)));
  let ca = vs[a0]!;
  let cb = vs[b0]!;
  let side: boolean[] = [];
  let parts: [number[], number[]] = [[], []];
  for (let iter = 0; iter < BISECT_ITERATIONS; iter++) {
    const next = vs.map((v) => dot(v, ca) >= dot(v, cb));
    if (next.every((x, i) => x === side[i])) break;
    side = next;
    parts = [[], []];
    side.forEach((x, i) => parts[x ? 0 : 1].push(i));
    if (!parts[0].length || !parts[1].length) return null;
    ca = sum(parts[0]);
    cb = sum(parts[1]);
  }
  return { parts, cosine: dot(ca, cb) };
}
