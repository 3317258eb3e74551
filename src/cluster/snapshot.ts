/**
 * The clusterer's snapshot: its live state as JSON of plain arrays (positional tuples, typed below); weights as
 * base64 float64 (exact, so a restored clusterer continues identically, and about half the size of JSON
 * numbers). It holds the active window only, so its size is bounded by it.
 *
 * Version 3: window state (df document count, recent days, storyline arrival marks), packed weights.
 * Versions 1 and 2 still restore (v1 without years); the format written is unchanged since version 3.
 */
import { type Centroid, createCentroid, createPostingIndex, type PostingIndex, type SparseVector } from './sparse.js';
import type { StoryClustererOptions } from './options.js';
import type { EventState, RecentMember, State, StorylineState } from './state.js';

const SNAPSHOT_VERSION = 3;
const READABLE_VERSIONS: readonly number[] = [1, 2, 3];

/** A vector: its keys, and its weights (packed, or plain numbers in version 1). */
type VectorJson = [keys: string[], weights: number[] | string];

type RecentJson = [id: string, title: VectorJson, body: VectorJson, entities: VectorJson, months: string[], years: number[], day: number | null, counts: [string, number][], at?: number];

type EventJson = [
  id: string, storyline: string, n: number, title: VectorJson, body: VectorJson, entities: VectorJson, months: [string, number][],
  first: number | null, last: number | null, keys: string[], members: VectorJson[],
  // Version 2 on:
  years?: [number, number][], latestYears?: [number, number][], counts?: [string, number][], words?: number, grown?: number,
  recent?: RecentJson[], anchors?: VectorJson, langs?: [string, number][], anchorKeys?: string[],
];

type StorylineJson = [id: string, n: number, body: VectorJson, entities: VectorJson, first: number | null, last: number | null, events: string[], keys: string[], grown?: number];

type PostingsJson = [key: string, ids: string[]][];

interface SnapshotJson {
  v: number;
  docs: number;
  /** Document count behind `df` (version 3). */
  dd?: number;
  recent?: number[];
  df: [keys: string[], counts: number[]];
  ne: number;
  ns: number;
  events: EventJson[];
  storylines: StorylineJson[];
  redirects: [string, string][];
  ei: PostingsJson;
  si: PostingsJson;
  aq?: [string, number][];
  ai?: PostingsJson;
}

/** Packs numbers as base64 of their float64 bytes. */
function pack(xs: Iterable<number>): string {
  const a = Float64Array.from(xs);
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}
function unpack(x: number[] | string): ArrayLike<number> {
  if (typeof x !== 'string') return x;
  const b = Buffer.from(x, 'base64');
  // Copied into an aligned buffer: a decoded Buffer may sit at any offset of Node's pool.
  return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

function vectorToJson(v: SparseVector): VectorJson {
  return [[...v.keys()], pack(v.values())];
}
function vectorFromJson(j: VectorJson): SparseVector {
  const xs = unpack(j[1]);
  return new Map(j[0].map((k, i) => [k, xs[i]!]));
}
function centroidFromJson(j: VectorJson): Centroid {
  return { sum: vectorFromJson(j), norm: -1 };
}

function recentToJson(r: RecentMember): RecentJson {
  return [r.id, vectorToJson(r.title), vectorToJson(new Map(r.body)), vectorToJson(new Map(r.entities)), r.months, r.years, r.day, [...r.counts], r.at];
}
function recentFromJson(j: RecentJson): RecentMember {
  return { id: j[0], title: vectorFromJson(j[1]), body: [...vectorFromJson(j[2])], entities: [...vectorFromJson(j[3])], months: j[4], years: j[5], day: j[6], counts: new Map(j[7]), at: j[8] ?? 0 };
}

function eventToJson(e: EventState): EventJson {
  return [
    e.id, e.storyline, e.n, vectorToJson(e.title.sum), vectorToJson(e.body.sum), vectorToJson(e.entities.sum), [...e.months], e.first, e.last, e.keys,
    e.members.map(vectorToJson), [...e.years], [...e.latestYears], [...e.counts], e.words, e.grown, e.recent.map(recentToJson),
    vectorToJson(e.anchors.sum), [...e.langs], e.anchorKeys,
  ];
}
function eventFromJson(e: EventJson): EventState {
  return {
    id: e[0], storyline: e[1], n: e[2], title: centroidFromJson(e[3]), body: centroidFromJson(e[4]), entities: centroidFromJson(e[5]),
    months: new Map(e[6]), first: e[7], last: e[8], keys: e[9],
    members: e[10].map(vectorFromJson),
    years: new Map(e[11] ?? []),
    latestYears: new Map(e[12] ?? []),
    counts: new Map(e[13] ?? []),
    words: e[14] ?? 0,
    grown: e[15] ?? 0,
    recent: (e[16] ?? []).map(recentFromJson),
    anchors: e[17] ? centroidFromJson(e[17]) : createCentroid(),
    langs: new Map(e[18] ?? []),
    anchorKeys: e[19] ?? [],
  };
}

function storylineToJson(x: StorylineState): StorylineJson {
  return [x.id, x.n, vectorToJson(x.body.sum), vectorToJson(x.entities.sum), x.first, x.last, x.events, x.keys, x.grown];
}
function storylineFromJson(x: StorylineJson, docs: number): StorylineState {
  return { id: x[0], n: x[1], body: centroidFromJson(x[2]), entities: centroidFromJson(x[3]), first: x[4], last: x[5], events: x[6], keys: x[7], grown: x[8] ?? docs };
}

function postingsFromJson(lists: PostingsJson, cap: number): PostingIndex {
  const index = createPostingIndex(cap);
  for (const [k, list] of lists) index.lists.set(k, list);
  return index;
}

export function serialiseState(s: State): string {
  const j: SnapshotJson = {
    v: SNAPSHOT_VERSION,
    docs: s.docs,
    dd: s.dfDocs,
    recent: s.recent,
    df: [[...s.df.keys()], [...s.df.values()]],
    ne: s.nextEvent,
    ns: s.nextStoryline,
    events: [...s.events.values()].map(eventToJson),
    storylines: [...s.storylines.values()].map(storylineToJson),
    redirects: [...s.redirects],
    ei: [...s.eventIndex.lists],
    si: [...s.storylineIndex.lists],
    aq: s.absorbQueue,
    ai: [...s.anchorIndex.lists],
  };
  return JSON.stringify(j);
}

/** Checks the outer shape of a parsed snapshot (the tuples inside are trusted: only the clusterer writes them). */
function isSnapshotJson(j: unknown): j is SnapshotJson {
  if (typeof j !== 'object' || j === null) return false;
  const r = j as Record<string, unknown>;
  return typeof r.v === 'number' && typeof r.docs === 'number' && Array.isArray(r.df) && Array.isArray(r.events) && Array.isArray(r.storylines) && Array.isArray(r.redirects) && Array.isArray(r.ei) && Array.isArray(r.si);
}

export function restoreState(snapshot: string, o: StoryClustererOptions): State {
  const j: unknown = JSON.parse(snapshot);
  const version = typeof j === 'object' && j !== null ? (j as { v?: unknown }).v : undefined;
  if (typeof version !== 'number' || !READABLE_VERSIONS.includes(version)) throw new Error(`unsupported clusterer snapshot version ${String(version)}`);
  if (!isSnapshotJson(j)) throw new Error(`malformed clusterer snapshot (version ${version})`);
  const df = new Map<string, number>(j.df[0].map((k, i) => [k, j.df[1][i]!]));
  const events = new Map<string, EventState>();
  for (const e of j.events) events.set(e[0], eventFromJson(e));
  const storylines = new Map<string, StorylineState>();
  for (const x of j.storylines) storylines.set(x[0], storylineFromJson(x, j.docs));
  // Older snapshots: no window marks yet, so everything counts as just seen.
  if (j.v < 3 && o.eventModel !== 'mixture') for (const e of events.values()) e.grown = Math.max(e.grown, j.docs);
  return {
    docs: j.docs,
    dfDocs: j.dd ?? j.docs,
    recent: j.recent ?? [],
    df,
    nextEvent: j.ne,
    nextStoryline: j.ns,
    events,
    storylines,
    redirects: new Map(j.redirects),
    eventIndex: postingsFromJson(j.ei, o.postingCap),
    storylineIndex: postingsFromJson(j.si, o.postingCap),
    absorbQueue: j.aq ?? [],
    anchorIndex: postingsFromJson(j.ai ?? [], o.postingCap),
  };
}
