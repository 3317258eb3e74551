/**
 * The records both backends make from the rows of their storyline reads: the same rows (read with each backend's
 * own SQL) give the same storylines, pages and contents.
 */
import type { Event, StoredArticle, Storyline, StorylineContents, StorylineQuery } from '../model/index.js';

/** A storyline's or an event's own row. */
export interface StorylineRow {
  id: string;
  title: string | null;
  first_date: string | null;
  last_date: string | null;
}

/** Hits returned when a search names no limit. */
export const DEFAULT_SEARCH_LIMIT = 20;

/** `null` for an absent or blank filter, so an absent one adds no condition. */
export const given = (value: string | null | undefined): string | null => (value && value.trim() ? value.trim() : null);

export function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The listed details of some storylines, as read: their events in order, article counts, own outlets in order. */
export interface StorylineDetails {
  events: readonly { id: string; sid: string }[];
  counts: readonly { sid: string; n: number }[];
  outlets: readonly { sid: string; outlet: string }[];
}

/** Storyline records of `rows` (in their order) with their details. */
export function storylineRecords(rows: readonly StorylineRow[], details: StorylineDetails): Storyline[] {
  const events = new Map<string, string[]>();
  for (const e of details.events) append(events, e.sid, e.id);
  const counts = new Map(details.counts.map((r) => [r.sid, r.n]));
  const outlets = new Map<string, string[]>();
  for (const r of details.outlets) append(outlets, r.sid, r.outlet);
  return rows.map((r) => ({
    id: r.id,
    title: r.title ?? '',
    eventIds: events.get(r.id) ?? [],
    articleCount: counts.get(r.id) ?? 0,
    outlets: outlets.get(r.id) ?? [],
    firstDate: r.first_date,
    lastDate: r.last_date,
  }));
}

/** The page of `rows` a query asks for (`offset`, then at most `limit`). */
export function pageOf<T>(rows: readonly T[], query: StorylineQuery): T[] {
  const offset = Math.max(0, query.offset ?? 0);
  return query.limit === undefined ? rows.slice(offset) : rows.slice(offset, offset + Math.max(0, query.limit));
}

/** A storyline's contents from its event rows (in order) and its articles (in arrival order). */
export function contentsOf(storyline: Storyline, eventRows: readonly StorylineRow[], articles: readonly StoredArticle[]): StorylineContents {
  const byEvent = new Map<string, StoredArticle[]>();
  for (const a of articles) append(byEvent, a.eventId!, a);
  const events: Event[] = eventRows.map((e) => ({
    id: e.id,
    storylineId: storyline.id,
    title: e.title ?? '',
    articleIds: (byEvent.get(e.id) ?? []).map((a) => a.id),
    firstDate: e.first_date,
    lastDate: e.last_date,
  }));
  // Articles event by event (in the storyline's event order), each event's in arrival order.
  return { storyline, events, articles: events.flatMap((e) => byEvent.get(e.id) ?? []) };
}
