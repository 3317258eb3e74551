/**
 * The SQLite backend (better-sqlite3): WAL journal, FTS5 over title and text, LSH band keys as one
 * append-only row per article with their postings in memory (`band-index.ts`). Each saved article is one savepoint
 * (all of it or none of it); savepoints are grouped into one commit per batch (`commitEvery`,
 * `commitWithinMs`, `flush()`), because a commit per article cost a third of the store's time.
 * Full-text rows of a batch are written just before its commit: FTS5 flushes its pending terms at
 * every savepoint, which made one small index segment per article.
 */
import Database from 'better-sqlite3';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DedupeCandidate } from '../../dedupe/index.js';
import type { ArticleAnalysis, ClustererSnapshot, Event, EventUpsert, ExportRow, FeedState, GroupMerge, IngestError, PublicationDateUpdate, SaveArticleInput, SequencedArticle, StoreCounts, StoredArticle, StoredReport, Subscription } from '../../model/index.js';
import { StoreConflictError } from '../errors.js';
import type { Store } from '../store.js';
import { ARTICLE_SELECT, rowToArticle, type ArticleRow } from '../article-rows.js';
import { createBandIndex, decodeBandKeys, encodeBandKeys, type BandIndex } from '../band-index.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import { createStorylineReads } from './storyline-reads.js';

export interface SqliteStoreOptions {
  /** Open an existing database without writing (no migrations). */
  readonly: boolean;
  /** Most recent band-key matches read per key: bounds the cost of a key shared by many texts. */
  bandFanout: number;
  /** Rows read per page when iterating articles. */
  pageSize: number;
  /**
   * Writes grouped into one commit at most (1 = commit each write). A crash loses the open batch
   * whole, never part of an article; the ingest run that wrote it re-adds it when run again.
   */
  commitEvery: number;
  /** Longest an uncommitted write waits for its commit (ms), so other readers see it soon. */
  commitWithinMs: number;
}

/** `settings` key of the clustering profile. */
const PROFILE_KEY = 'cluster_profile';

/** SQLite page cache per connection, in KiB: 64 MiB took store + dedupe time per article from 1.38 to 1.13 ms at 30,000 articles of the ingest bench (2 MiB default). */
const PAGE_CACHE_KIB = 65_536;

/**
 * `commitEvery` 256: at 10k articles of the ingest bench (ECB+ and Timeline17 texts) a commit per
 * article cost 0.98 ms of store time per article, 256 per commit 0.69 ms; larger batches gain little.
 */
export const DEFAULT_SQLITE_OPTIONS: SqliteStoreOptions = { readonly: false, bandFanout: 40, pageSize: 500, commitEvery: 256, commitWithinMs: 500 };

/** Earlier of two optional dates (ISO strings compare in order, partial dates included). */
function minDate(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a <= b ? a : b;
}

/** The error for a batch SQLite undid whole: the caller must know that earlier writes are gone too. */
function rolledBack(writes: number, cause: unknown): Error {
  return new Error(`store: the last ${writes} uncommitted writes were rolled back (${(cause as Error).message}); ingest the same input again to restore them`);
}

/** 1 when `date` is before `than` (or `than` is unknown): SQLite binds no booleans. */
function earlier(date: string | null, than: string | null): number {
  return date !== null && (than === null || date < than) ? 1 : 0;
}

function maxDate(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a >= b ? a : b;
}

/** Brings the schema up to `SCHEMA_VERSION`. Refuses a database written by a newer version. */
function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) throw new Error(`store: database schema ${current} is newer than this Storyline (${SCHEMA_VERSION})`);
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      m.up?.(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/** An error opening `path` that names the file (unless it does already) and keeps the driver's code. */
function openError(path: string, err: unknown): Error {
  const message = (err as Error).message;
  const named = new Error(message.includes(path) ? message : `cannot open the database ${path}: ${message}`);
  (named as NodeJS.ErrnoException).code = (err as NodeJS.ErrnoException).code;
  return named;
}

/** Sets the connection up: pragmas and migrations for writing, a schema check for reading. */
function prepareDatabase(db: Database.Database, path: string, readonly: boolean): void {
  db.pragma('busy_timeout = 5000');
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    // With WAL, NORMAL loses no committed transaction when the process dies (only on power loss).
    db.pragma('synchronous = NORMAL');
    // The article indexes and FTS5 segments outgrow SQLite's default 2 MiB page cache by 10,000
    // articles; a larger cache keeps their inner pages in memory (PAGE_CACHE_KIB).
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    migrate(db);
  } else if ((db.pragma('user_version', { simple: true }) as number) !== SCHEMA_VERSION) {
    throw new Error(`store: ${path} has schema ${String(db.pragma('user_version', { simple: true }))}, expected ${SCHEMA_VERSION}; open it once for writing to migrate`);
  }
}

/**
 * Opens (creating and migrating when needed) an SQLite store.
 * @example
 *   const store = openSqliteStore('./storyline.db');
 *   console.log(await store.listStorylines());
 *   await store.close();
 */
export function openSqliteStore(path: string, options: Partial<SqliteStoreOptions> = {}): Store {
  const opts = { ...DEFAULT_SQLITE_OPTIONS, ...options };
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: opts.readonly, fileMustExist: opts.readonly });
  } catch (err) {
    // The driver's message does not say which file; a user needs the path to fix it.
    throw openError(path, err);
  }
  try {
    prepareDatabase(db, path, opts.readonly);
  } catch (err) {
    db.close();
    // SQLite reads the header only now (a .jsonl given as the database fails here).
    throw openError(path, err);
  }

  const st = {
    insertArticle: db.prepare(`INSERT INTO articles (id, canonical_url, content_hash, duplicate_of, duplicate_kind, event_id, title, published, outlet, language, ingested_at, text, doc)
      VALUES (@id, @canonicalUrl, @contentHash, @duplicateOf, @duplicateKind, @eventId, @title, @published, @outlet, @language, @ingestedAt, @text, @doc)`),
    insertFts: db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)'),
    insertBandKeys: db.prepare('INSERT INTO lsh_keys (seq, keys) VALUES (?, ?)'),
    bandKeysAfter: db.prepare('SELECT seq, keys FROM lsh_keys WHERE seq > ? ORDER BY seq').raw(),
    idBySeq: db.prepare('SELECT id FROM articles WHERE seq = ?').pluck(),
    byId: db.prepare(`${ARTICLE_SELECT} WHERE a.id = ?`),
    byUrl: db.prepare(`${ARTICLE_SELECT} WHERE a.canonical_url = ? ORDER BY a.seq LIMIT 1`),
    byHash: db.prepare(`${ARTICLE_SELECT} WHERE a.content_hash = ? ORDER BY a.seq LIMIT 1`),
    candidate: db.prepare('SELECT id, text, outlet, duplicate_of AS duplicateOf FROM articles WHERE id = ?'),
    candidateByHash: db.prepare('SELECT id, text, outlet, duplicate_of AS duplicateOf FROM articles WHERE content_hash = ? ORDER BY seq LIMIT 1'),
    after: db.prepare(`${ARTICLE_SELECT} WHERE a.seq > ? AND a.duplicate_of IS NULL ORDER BY a.seq LIMIT ?`),
    setEvent: db.prepare('UPDATE articles SET event_id = ? WHERE id = ?'),
    setEventOfDuplicates: db.prepare('UPDATE articles SET event_id = ? WHERE duplicate_of = ?'),
    getEvent: db.prepare('SELECT id, storyline_id, title, first_date, last_date FROM events WHERE id = ?'),
    insertEvent: db.prepare('INSERT INTO events (id, storyline_id, title, first_date, last_date, updated_seq) VALUES (?, ?, ?, ?, ?, ?)'),
    // The title is that of the earliest-dated article: the same whatever order the articles came in.
    updateEvent: db.prepare('UPDATE events SET storyline_id = @storyline, title = CASE WHEN title IS NULL OR @earlier THEN COALESCE(@title, title) ELSE title END, first_date = @first, last_date = @last, updated_seq = @seq WHERE id = @id'),
    getStoryline: db.prepare('SELECT id, title, first_date, last_date FROM storylines WHERE id = ?'),
    insertStoryline: db.prepare('INSERT INTO storylines (id, title, first_date, last_date, updated_seq) VALUES (?, ?, ?, ?, ?)'),
    // Every write to a storyline raises its version: its stored report is stale from then on.
    updateStoryline: db.prepare('UPDATE storylines SET title = CASE WHEN title IS NULL OR @earlier THEN COALESCE(@title, title) ELSE title END, first_date = @first, last_date = @last, updated_seq = @seq, version = version + 1 WHERE id = @id'),
    bumpStoryline: db.prepare('UPDATE storylines SET version = version + 1 WHERE id = ?'),
    storylineVersion: db.prepare('SELECT version FROM storylines WHERE id = ?').pluck(),
    getReport: db.prepare('SELECT storyline_id AS storylineId, version, builder, built_at AS builtAt, json FROM reports WHERE storyline_id = ?'),
    // A build that finished after its storyline was merged away stores nothing: no report outlives its storyline.
    saveReport: db.prepare(`INSERT OR REPLACE INTO reports (storyline_id, version, builder, built_at, json)
      SELECT @storylineId, @version, @builder, @builtAt, @json WHERE EXISTS (SELECT 1 FROM storylines WHERE id = @storylineId)`),
    deleteReport: db.prepare('DELETE FROM reports WHERE storyline_id = ?'),
    staleReports: db.prepare('SELECT r.storyline_id FROM reports r JOIN storylines s ON s.id = r.storyline_id WHERE s.version <> r.version ORDER BY r.storyline_id').pluck(),
    eventArticles: db.prepare('SELECT id FROM articles WHERE event_id = ? ORDER BY seq').pluck(),
    maxSeq: db.prepare("SELECT COALESCE(MAX(seq), 0) FROM articles").pluck(),
    redirect: db.prepare('SELECT into_id FROM redirects WHERE level = ? AND from_id = ?').pluck(),
    insertRedirect: db.prepare('INSERT OR REPLACE INTO redirects (level, from_id, into_id) VALUES (?, ?, ?)'),
    compressRedirects: db.prepare('UPDATE redirects SET into_id = ? WHERE level = ? AND into_id = ?'),
    moveEventArticles: db.prepare('UPDATE articles SET event_id = ? WHERE event_id = ?'),
    moveStorylineEvents: db.prepare('UPDATE events SET storyline_id = ? WHERE storyline_id = ?'),
    deleteEvent: db.prepare('DELETE FROM events WHERE id = ?'),
    deleteStoryline: db.prepare('DELETE FROM storylines WHERE id = ?'),
    saveSnapshot: db.prepare('INSERT OR REPLACE INTO clusterer_state (id, snapshot, seq) VALUES (1, ?, ?)'),
    loadSnapshot: db.prepare('SELECT snapshot, seq FROM clusterer_state WHERE id = 1'),
    // The same source, position and code again replaces the row: the error log is idempotent, as ingestion is.
    insertError: db.prepare('INSERT OR REPLACE INTO ingest_errors (source, position, code, message, at) VALUES (?, ?, ?, ?, ?)'),
    listErrors: db.prepare('SELECT source, position, code, message FROM ingest_errors ORDER BY n'),
    saveAnalysis: db.prepare('INSERT OR REPLACE INTO article_analyses (article_id, version, analysis) VALUES (?, ?, ?)'),
    getAnalysis: db.prepare('SELECT analysis FROM article_analyses WHERE article_id = ? AND version = ?').pluck(),
    getFeed: db.prepare('SELECT url, etag, last_modified AS lastModified, fetched_at AS fetchedAt, status FROM feeds WHERE url = ?'),
    // An upsert keeps the row's place (n): the list stays in the order feeds were subscribed.
    saveSubscription: db.prepare('INSERT INTO subscriptions (url, doc) VALUES (?, ?) ON CONFLICT (url) DO UPDATE SET doc = excluded.doc'),
    getSubscription: db.prepare('SELECT doc FROM subscriptions WHERE url = ?').pluck(),
    listSubscriptions: db.prepare('SELECT doc FROM subscriptions ORDER BY n').pluck(),
    deleteSubscription: db.prepare('DELETE FROM subscriptions WHERE url = ?'),
    saveFeed: db.prepare('INSERT OR REPLACE INTO feeds (url, etag, last_modified, fetched_at, status) VALUES (?, ?, ?, ?, ?)'),
    exportPage: db.prepare(`SELECT a.seq, a.id, COALESCE(json_extract(a.doc, '$.url'), a.canonical_url) AS url, a.event_id AS event, e.storyline_id AS storyline, a.duplicate_of AS duplicateOf,
      a.duplicate_kind AS duplicateKind FROM articles a LEFT JOIN events e ON e.id = a.event_id WHERE a.seq > ? ORDER BY a.seq LIMIT ?`),
    eventOf: db.prepare('SELECT event_id FROM articles WHERE id = ?').pluck(),
    setPublished: db.prepare(`UPDATE articles SET published = @published,
      doc = json_set(doc, '$.published', @published, '$.publishedFrom', @from, '$.publishedEvidence', json(@evidence)) WHERE id = @id`),
    // What an event that lost articles still spans: its articles' dates (duplicates included, as when they joined).
    eventSpan: db.prepare('SELECT MIN(published) AS first, MAX(published) AS last, COUNT(*) AS n FROM articles WHERE event_id = ?'),
    // The title rule of upserts: the earliest-dated titled article's (undated ones last, then arrival order).
    eventTitle: db.prepare('SELECT title FROM articles WHERE event_id = ? AND title IS NOT NULL ORDER BY published IS NULL, published, seq LIMIT 1').pluck(),
    setEventSpan: db.prepare('UPDATE events SET title = COALESCE(@title, title), first_date = @first, last_date = @last WHERE id = @id'),
    storylineSpan: db.prepare('SELECT MIN(first_date) AS first, MAX(last_date) AS last, COUNT(*) AS n FROM events WHERE storyline_id = ?'),
    storylineTitle: db.prepare('SELECT title FROM events WHERE storyline_id = ? AND title IS NOT NULL ORDER BY first_date IS NULL, first_date, updated_seq LIMIT 1').pluck(),
    setStorylineSpan: db.prepare('UPDATE storylines SET title = COALESCE(@title, title), first_date = @first, last_date = @last, version = version + 1 WHERE id = @id'),
    getSetting: db.prepare('SELECT value FROM settings WHERE key = ?').pluck(),
    claimSetting: db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)'),
    search: db.prepare(`SELECT a.id, a.title, snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet FROM articles_fts
      JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?`),
  };

  function upsertStorylineSync(id: string, title: string | null, date: string | null, seq: number): void {
    const row = st.getStoryline.get(id) as { title: string | null; first_date: string | null; last_date: string | null } | undefined;
    if (!row) st.insertStoryline.run(id, title, date, date, seq);
    else st.updateStoryline.run({ title, first: minDate(row.first_date, date), last: maxDate(row.last_date, date), seq, id, earlier: earlier(date, row.first_date) });
  }

  /** A storyline merged away or emptied: its report goes with it (its id now redirects, or names nothing). */
  function dropStorylineSync(id: string): void {
    st.deleteStoryline.run(id);
    st.deleteReport.run(id);
  }

  function resolveIdSync(level: 'event' | 'storyline', id: string): string {
    let current = id;
    // Redirects are kept one hop deep; the bound only guards against a corrupted table.
    for (let i = 0; i < 64; i++) {
      const next = st.redirect.get(level, current) as string | undefined;
      if (!next || next === current) break;
      current = next;
    }
    return current;
  }

  /**
   * The event upsert with its ids as they are after the merges already recorded: the clusterer names the
   * groups an article joined before the merges that came with it, so a storyline merged away in the same
   * step would be created again, empty once its event moves on (reason: 1 empty storyline in an
   * uninterrupted run of the 11,109 MStream headlines).
   */
  function currentEvent(e: EventUpsert): EventUpsert {
    return { ...e, id: resolveIdSync('event', e.id), storylineId: resolveIdSync('storyline', e.storylineId) };
  }

  function upsertEventSync(given: EventUpsert, seq: number): void {
    const e = currentEvent(given);
    const row = st.getEvent.get(e.id) as { storyline_id: string; first_date: string | null; last_date: string | null } | undefined;
    if (!row) st.insertEvent.run(e.id, e.storylineId, e.title, e.date, e.date, seq);
    else st.updateEvent.run({ storyline: e.storylineId, title: e.title, first: minDate(row.first_date, e.date), last: maxDate(row.last_date, e.date), seq, id: e.id, earlier: earlier(e.date, row.first_date) });
    upsertStorylineSync(e.storylineId, e.title, e.date, seq);
    // An event that moved to another storyline carries its whole date range there.
    if (row && row.storyline_id !== e.storylineId) {
      upsertStorylineSync(e.storylineId, null, row.first_date, seq);
      upsertStorylineSync(e.storylineId, null, row.last_date, seq);
    }
  }

  function recordMergesSync(merges: GroupMerge[]): void {
    const seq = merges.length ? (st.maxSeq.get() as number) : 0;
    for (const m of merges) {
      if (m.from === m.into) continue;
      st.insertRedirect.run(m.level, m.from, m.into);
      // Older ids that pointed at `from` now point at `into` directly: lookups stay one hop.
      st.compressRedirects.run(m.into, m.level, m.from);
      if (m.level === 'event') {
        st.moveEventArticles.run(m.into, m.from);
        const from = st.getEvent.get(m.from) as { storyline_id: string; title: string | null; first_date: string | null; last_date: string | null } | undefined;
        if (from) {
          const into = st.getEvent.get(m.into) as { storyline_id: string; first_date: string | null; last_date: string | null } | undefined;
          if (into) st.updateEvent.run({ storyline: into.storyline_id, title: from.title, first: minDate(into.first_date, from.first_date), last: maxDate(into.last_date, from.last_date), seq, id: m.into, earlier: earlier(from.first_date, into.first_date) });
          else st.insertEvent.run(m.into, from.storyline_id, from.title, from.first_date, from.last_date, seq);
          st.deleteEvent.run(m.from);
          // Both storylines' reports change: one gains the articles, the other loses an event.
          st.bumpStoryline.run(from.storyline_id);
          if (into && into.storyline_id !== from.storyline_id) st.bumpStoryline.run(into.storyline_id);
        }
      } else {
        st.moveStorylineEvents.run(m.into, m.from);
        const from = st.getStoryline.get(m.from) as { title: string | null; first_date: string | null; last_date: string | null } | undefined;
        if (from) {
          upsertStorylineSync(m.into, from.title, from.first_date, seq);
          upsertStorylineSync(m.into, null, from.last_date, seq);
          dropStorylineSync(m.from);
        }
      }
    }
  }

  /** Inserts an article row; a second article under a stored id is a conflict the caller can tell from a failure. */
  function insertArticle(row: Record<string, unknown>): Database.RunResult {
    try {
      return st.insertArticle.run(row);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && /articles\.id/.test((err as Error).message)) throw new StoreConflictError('article', 'id', String(row.id), { cause: err });
      throw err;
    }
  }

  const saveTx = db.transaction((input: SaveArticleInput): number => {
    const a = input.article;
    recordMergesSync(input.merges);
    const event = input.event && currentEvent(input.event);
    const { text, eventId: _e, storylineId: _s, ...rest } = a;
    const info = insertArticle({
      id: a.id,
      canonicalUrl: a.canonicalUrl,
      contentHash: a.contentHash,
      duplicateOf: a.duplicateOf,
      duplicateKind: a.duplicateKind,
      eventId: event?.id ?? a.eventId,
      title: a.title,
      published: a.published,
      outlet: a.outlet,
      language: a.language ?? null,
      ingestedAt: a.ingestedAt,
      text,
      doc: JSON.stringify(rest),
    });
    const seq = Number(info.lastInsertRowid);
    if (opts.commitEvery <= 1) st.insertFts.run(seq, a.title ?? '', text);
    if (input.bandKeys.length) st.insertBandKeys.run(seq, encodeBandKeys(input.bandKeys));
    if (event) upsertEventSync(event, seq);
    return seq;
  });

  const saveAndQueueFts = (input: SaveArticleInput): number => {
    const seq = saveTx(input);
    // Queued only once the article's savepoint has succeeded (a rolled-back seq may be reused),
    // and before `write` may commit the batch.
    if (opts.commitEvery > 1) pendingFts.push([seq, input.article.title ?? '', input.article.text]);
    return seq;
  };

  /**
   * Recomputes the date range and title of an event from its articles, then of its storyline, after articles left it
   * or changed dates: upserts only widen, so without this a split would leave the old event spanning the dates of
   * articles it no longer has. Index seeks on `articles.event_id` and `events.storyline_id`; events are small.
   */
  function recomputeEventSync(eventId: string): void {
    const row = st.getEvent.get(eventId) as { storyline_id: string } | undefined;
    if (!row) return;
    const span = st.eventSpan.get(eventId) as { first: string | null; last: string | null; n: number };
    // An event left without articles would list as an empty event of its storyline.
    if (span.n === 0) st.deleteEvent.run(eventId);
    else st.setEventSpan.run({ id: eventId, title: st.eventTitle.get(eventId) ?? null, first: span.first, last: span.last });
    recomputeStorylineSync(row.storyline_id);
  }

  function recomputeStorylineSync(storylineId: string): void {
    const span = st.storylineSpan.get(storylineId) as { first: string | null; last: string | null; n: number };
    if (span.n === 0) dropStorylineSync(storylineId);
    else st.setStorylineSpan.run({ id: storylineId, title: st.storylineTitle.get(storylineId) ?? null, first: span.first, last: span.last });
  }

  const reassignTx = db.transaction((id: string, given: EventUpsert, merges: GroupMerge[]) => {
    recordMergesSync(merges);
    const event = currentEvent(given);
    const left = st.eventOf.get(id) as string | null | undefined;
    st.setEvent.run(event.id, id);
    // Duplicates follow their original.
    st.setEventOfDuplicates.run(event.id, id);
    const was = st.getEvent.get(event.id) as { storyline_id: string } | undefined;
    upsertEventSync(event, st.maxSeq.get() as number);
    // The event it joins may have moved storylines with it: the storyline it left keeps only its other events' dates.
    if (was && was.storyline_id !== event.storylineId) recomputeStorylineSync(was.storyline_id);
    // Replay reassigns most articles to the event they are in already: nothing left, nothing to shrink.
    if (left && left !== event.id) recomputeEventSync(left);
  });

  const datesTx = db.transaction((dates: PublicationDateUpdate[]) => {
    const events = new Set<string>();
    for (const d of dates) {
      const event = st.eventOf.get(d.id) as string | null | undefined;
      if (event === undefined) continue;
      st.setPublished.run({ id: d.id, published: d.published, from: d.publishedFrom, evidence: JSON.stringify(d.publishedEvidence) });
      if (event) events.add(event);
    }
    // The events' ranges and titles (earliest-dated article's) follow the new dates, then their storylines'.
    for (const event of events) recomputeEventSync(event);
  });

  const mergeTx = db.transaction((merges: GroupMerge[]) => recordMergesSync(merges));
  const upsertTx = db.transaction((e: EventUpsert) => upsertEventSync(e, st.maxSeq.get() as number));

  /** Band-key postings, loaded on first lookup (null until then, and after a rolled-back batch whose keys it may hold). */
  let bands: BandIndex | null = null;
  /** The postings with every stored article's keys, this connection's uncommitted ones and other processes' included. */
  const currentBands = (): BandIndex => {
    bands ??= createBandIndex();
    for (const [seq, blob] of st.bandKeysAfter.iterate(bands.lastSeq) as Iterable<[number, Uint8Array]>) bands.add(seq, decodeBandKeys(blob));
    return bands;
  };
  /** A rolled-back batch may have left its keys in memory, under sequence numbers SQLite will hand out again. */
  const batchLost = (writes: number, cause: unknown): Error => {
    bands = null;
    return rolledBack(writes, cause);
  };

  // Group commit: the first write opens a transaction; each write inside it is a savepoint (a
  // transaction function called inside a transaction nests), so a failed write undoes only itself.
  let pending = 0;
  let commitTimer: NodeJS.Timeout | null = null;
  /** Full-text rows of the open batch: [seq, title, text]. */
  const pendingFts: [number, string, string][] = [];
  /** The open unit of work (see `transaction`): its batch is committed or undone only when it ends. */
  let unit: { done: Promise<void> } | null = null;
  /** Which unit the running code belongs to: its writes go in, everyone else's wait for the unit to end. */
  const unitContext = new AsyncLocalStorage<{ done: Promise<void> }>();
  /** Resolves once no unit of work of another caller is open. */
  const unitEnded = async (): Promise<void> => {
    while (unit && unitContext.getStore() !== unit) await unit.done;
  };
  /** A commit asked for while a unit of work was open, done when it ends. */
  let commitDeferred = false;
  const commit = (): void => {
    // A unit of work is undone as a whole or kept as a whole: a commit (the group-commit timer, a search) waits for its end.
    if (unit) {
      commitDeferred = true;
      return;
    }
    commitDeferred = false;
    if (commitTimer) clearTimeout(commitTimer);
    commitTimer = null;
    const batch = pending;
    pending = 0;
    if (!db.open || !db.inTransaction) return;
    try {
      for (const row of pendingFts) st.insertFts.run(...row);
    } catch (err) {
      // Articles without their search rows would be half-stored: undo the batch and say so.
      db.exec('ROLLBACK');
      throw batchLost(batch, err);
    } finally {
      pendingFts.length = 0;
    }
    db.exec('COMMIT');
  };
  function write<A extends unknown[], R>(tx: (...args: A) => R, ...args: A): R {
    // Refused before a transaction opens: a failed write on a read-only connection would leave one open, and
    // with it a read snapshot that never sees another process's commits (a report worker reading stale data).
    if (opts.readonly) throw new Error(`store: ${path} is opened read-only`);
    if (opts.commitEvery <= 1) return tx(...args);
    if (!db.inTransaction) {
      db.exec('BEGIN IMMEDIATE');
      commitTimer = setTimeout(commit, opts.commitWithinMs);
      // A pending commit must not keep a finished CLI run alive; close() commits.
      commitTimer.unref();
    }
    const before = pending;
    try {
      return tx(...args);
    } catch (err) {
      // SQLite rolls the whole transaction back on some errors (disk full, I/O): say so, since the
      // batch's earlier writes are gone too, instead of letting the caller think only this one failed.
      if (!db.inTransaction && before > 0) {
        pending = 0;
        throw batchLost(before, err);
      }
      throw err;
    } finally {
      if (db.inTransaction && ++pending >= opts.commitEvery) commit();
    }
  }
  /** A write through the store's methods: waits while another caller's unit of work is open. */
  async function writeAfterUnit<A extends unknown[], R>(tx: (...args: A) => R, ...args: A): Promise<R> {
    if (unit) await unitEnded();
    return write(tx, ...args);
  }
  const run = <A extends unknown[]>(stmt: Database.Statement<A>) => db.transaction((...args: A) => void stmt.run(...args));
  const saveSnapshotTx = run(st.saveSnapshot);
  const insertErrorTx = run(st.insertError);
  const saveReportTx = run(st.saveReport);
  const saveFeedTx = run(st.saveFeed);
  const saveAnalysesTx = db.transaction((analyses: Array<{ articleId: string; analysis: ArticleAnalysis }>) => {
    for (const a of analyses) st.saveAnalysis.run(a.articleId, a.analysis.version, JSON.stringify(a.analysis));
  });
  const claimSettingTx = run(st.claimSetting);
  const saveSubscriptionTx = db.transaction((sub: Subscription) => void st.saveSubscription.run(sub.url, JSON.stringify(sub)));
  const deleteSubscriptionTx = db.transaction((url: string) => st.deleteSubscription.run(url).changes > 0);

  const getArticleRow = (stmt: Database.Statement, key: string): StoredArticle | null => {
    const row = stmt.get(key) as ArticleRow | undefined;
    return row ? rowToArticle(row) : null;
  };

  const reads = createStorylineReads(db, resolveIdSync);

  const store: Store = {
    async saveArticle(input) {
      return writeAfterUnit(saveAndQueueFts, input);
    },
    async setPublicationDates(dates) {
      if (dates.length) await writeAfterUnit(datesTx, dates);
    },
    async reassignArticle(id, event, merges) {
      await writeAfterUnit(reassignTx, id, event, merges);
    },
    async getArticle(id) {
      return getArticleRow(st.byId, id);
    },
    async getArticles(ids) {
      return reads.getArticles(ids);
    },
    async getArticleByUrl(url) {
      return getArticleRow(st.byUrl, url);
    },
    async getArticleByHash(hash) {
      return getArticleRow(st.byHash, hash);
    },
    async findByContentHash(hash) {
      return (st.candidateByHash.get(hash) as DedupeCandidate | undefined) ?? null;
    },
    async findNearDuplicateCandidates(bandKeys, limit) {
      const index = currentBands();
      const hits = new Map<number, number>();
      for (const key of bandKeys) {
        for (const seq of index.matches(key, opts.bandFanout)) hits.set(seq, (hits.get(seq) ?? 0) + 1);
      }
      // Most shared bands first; among equals the earliest article (the likely original).
      const best = [...hits].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, limit);
      return best.map(([seq]) => st.idBySeq.get(seq) as string);
    },
    async getDedupeCandidate(id) {
      return (st.candidate.get(id) as DedupeCandidate | undefined) ?? null;
    },
    async *articlesAfter(seq): AsyncGenerator<SequencedArticle> {
      let last = seq;
      for (;;) {
        const rows = st.after.all(last, opts.pageSize) as ArticleRow[];
        if (rows.length === 0) return;
        for (const row of rows) yield { seq: row.seq, article: rowToArticle(row) };
        last = rows[rows.length - 1]!.seq;
      }
    },
    async upsertEvent(e) {
      await writeAfterUnit(upsertTx, e);
    },
    async recordMerges(merges) {
      await writeAfterUnit(mergeTx, merges);
    },
    async resolveId(level, id) {
      return resolveIdSync(level, id);
    },
    async getEvent(id): Promise<Event | null> {
      const row = st.getEvent.get(id) as { id: string; storyline_id: string; title: string | null; first_date: string | null; last_date: string | null } | undefined;
      if (!row) return null;
      return { id: row.id, storylineId: row.storyline_id, title: row.title ?? '', articleIds: st.eventArticles.all(id) as string[], firstDate: row.first_date, lastDate: row.last_date };
    },
    async getStoryline(id) {
      return reads.getStoryline(id);
    },
    async listStorylines(query = {}) {
      // The entity filter reads the full-text index: it sees the open batch, as search does.
      if (query.entity && pendingFts.length) commit();
      return reads.listStorylines(query);
    },
    async storylineContents(id) {
      return reads.storylineContents(id);
    },
    async *exportArticles(): AsyncGenerator<ExportRow> {
      let last = 0;
      for (;;) {
        const rows = st.exportPage.all(last, opts.pageSize) as (ExportRow & { seq: number })[];
        if (rows.length === 0) return;
        for (const { seq: _seq, ...row } of rows) yield row;
        last = rows[rows.length - 1]!.seq;
      }
    },
    async search(query) {
      // Search sees every article saved so far, batched or not (a unit of work's once it commits).
      if (pendingFts.length) commit();
      return reads.search(query);
    },
    async saveSnapshot(s: ClustererSnapshot) {
      await writeAfterUnit(saveSnapshotTx, s.snapshot, s.seq);
    },
    async loadSnapshot() {
      return (st.loadSnapshot.get() as ClustererSnapshot | undefined) ?? null;
    },
    async lastSeq() {
      return st.maxSeq.get() as number;
    },
    async recordError(e: IngestError) {
      await writeAfterUnit(insertErrorTx, e.source, e.position, e.code, e.message, new Date().toISOString());
    },
    async listErrors() {
      return st.listErrors.all() as IngestError[];
    },
    async saveArticleAnalyses(analyses) {
      if (analyses.length) write(saveAnalysesTx, analyses);
    },
    async getArticleAnalyses(articleIds, version) {
      const out = new Map<string, ArticleAnalysis>();
      for (const id of articleIds) {
        const json = st.getAnalysis.get(id, version) as string | undefined;
        if (json !== undefined) out.set(id, JSON.parse(json) as ArticleAnalysis);
      }
      return out;
    },
    async getFeedState(url) {
      return (st.getFeed.get(url) as FeedState | undefined) ?? null;
    },
    async saveFeedState(s: FeedState) {
      await writeAfterUnit(saveFeedTx, s.url, s.etag, s.lastModified, s.fetchedAt, s.status);
    },
    async saveSubscription(sub: Subscription) {
      write(saveSubscriptionTx, sub);
    },
    async getSubscription(url) {
      const doc = st.getSubscription.get(url) as string | undefined;
      return doc === undefined ? null : (JSON.parse(doc) as Subscription);
    },
    async listSubscriptions() {
      return (st.listSubscriptions.all() as string[]).map((doc) => JSON.parse(doc) as Subscription);
    },
    async deleteSubscription(url) {
      return write(deleteSubscriptionTx, url);
    },
    async counts(): Promise<StoreCounts> {
      const one = (sql: string) => db.prepare(sql).pluck().get() as number;
      return {
        articles: one('SELECT COUNT(*) FROM articles'),
        duplicates: one('SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL'),
        events: one('SELECT COUNT(*) FROM events'),
        storylines: one('SELECT COUNT(*) FROM storylines'),
        errors: one('SELECT COUNT(*) FROM ingest_errors'),
      };
    },
    async loadClusterProfile() {
      return (st.getSetting.get(PROFILE_KEY) as string | undefined) ?? null;
    },
    async claimClusterProfile(profile) {
      await writeAfterUnit(claimSettingTx, PROFILE_KEY, profile);
      return st.getSetting.get(PROFILE_KEY) as string;
    },
    async storylineVersion(id) {
      return (st.storylineVersion.get(id) as number | undefined) ?? null;
    },
    async getReport(storylineId) {
      return (st.getReport.get(storylineId) as StoredReport | undefined) ?? null;
    },
    async saveReport(report) {
      await writeAfterUnit(saveReportTx, report);
    },
    async staleReports() {
      return st.staleReports.all() as string[];
    },
    async transaction(work) {
      if (unitContext.getStore()) throw new Error('store: units of work do not nest (use the tx you were given)');
      await unitEnded();
      // A savepoint inside the open batch (or a batch of its own): the unit joins group commit and undoes only itself.
      const batchOpen = opts.commitEvery > 1 && db.inTransaction;
      if (!batchOpen) db.exec('BEGIN IMMEDIATE');
      db.exec('SAVEPOINT unit_of_work');
      const ftsMark = pendingFts.length;
      const before = pending;
      let end!: () => void;
      const current = { done: new Promise<void>((resolve) => (end = resolve)) };
      unit = current;
      try {
        const result = await unitContext.run(current, () => work(store));
        db.exec('RELEASE unit_of_work');
        unit = null;
        if (!batchOpen || commitDeferred || ++pending >= opts.commitEvery) commit();
        else if (!commitTimer) {
          commitTimer = setTimeout(commit, opts.commitWithinMs);
          commitTimer.unref();
        }
        return result;
      } catch (err) {
        unit = null;
        pendingFts.length = ftsMark;
        pending = before;
        // The band postings may hold the undone articles' keys, under sequence numbers SQLite hands out again.
        bands = null;
        if (!db.inTransaction) {
          // SQLite undid the whole batch (disk full, I/O): the writes before the unit are gone too.
          pendingFts.length = 0;
          pending = 0;
          if (batchOpen && before > 0) throw rolledBack(before, err);
          throw err;
        }
        db.exec('ROLLBACK TO unit_of_work');
        db.exec('RELEASE unit_of_work');
        if (!batchOpen) db.exec('ROLLBACK');
        else if (commitDeferred) commit();
        throw err;
      } finally {
        unit = null;
        end();
      }
    },
    async flush() {
      await unitEnded();
      commit();
    },
    async close() {
      await unitEnded();
      commit();
      if (db.open) db.close();
    },
  };
  return store;
}
