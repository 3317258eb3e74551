/**
 * The PostgreSQL backend (node-postgres): the same domain operations as the SQLite store, on one connection. Each
 * write is one transaction (an article with its band keys, event, storyline and merges: all of it or none of it).
 * Commits do not wait for the disk (`synchronous_commit = off`): a server crash may lose the last moments of
 * commits, whole, never part of one — as the SQLite store's open batch — and `flush()`/`close()` wait until
 * everything written is durable. Search is a weighted tsvector per article with a GIN index (`search.ts`); the
 * near-duplicate band keys are an append-only table whose postings are kept in memory, as in the SQLite store.
 */
import type { DedupeCandidate } from '../../dedupe/index.js';
import type { ArticleAnalysis, ClustererSnapshot, Event, EventUpsert, ExportRow, FeedState, GroupMerge, IngestError, SequencedArticle, StoreCounts, StoredArticle, StoredReport, Subscription } from '../../model/index.js';
import { ARTICLE_SELECT, rowToArticle, type ArticleRow } from '../article-rows.js';
import { createBandIndex, decodeBandKeys, encodeBandKeys, type BandIndex } from '../band-index.js';
import { StoreConflictError } from '../errors.js';
import type { Store } from '../store.js';
import { MIGRATION_LOCK_KEY, POSTGRES_MIGRATIONS, POSTGRES_SCHEMA_VERSION } from './schema.js';
import { findingColumns, indexingConfigs } from './search.js';
import { connectSession, type Query } from './session.js';
import { redactUrl } from './url.js';
import { createStorylineReads } from './storyline-reads.js';

export interface PostgresStoreOptions {
  /** Read without writing (no migrations; the session refuses writes). */
  readonly: boolean;
  /** Most recent band-key matches read per key: bounds the cost of a key shared by many texts. */
  bandFanout: number;
  /** Rows read per page when iterating articles. */
  pageSize: number;
  /** Wait for the disk at every commit (off: only `flush()` and `close()` wait). */
  synchronousCommit: boolean;
  /** What the connection calls itself in `pg_stat_activity`. */
  applicationName: string;
}

/** The same fan-out and page size as the SQLite store, so both backends find the same candidates. */
export const DEFAULT_POSTGRES_OPTIONS: PostgresStoreOptions = { readonly: false, bandFanout: 40, pageSize: 500, synchronousCommit: false, applicationName: 'storyline' };

/** `settings` key of the clustering profile. */
const PROFILE_KEY = 'cluster_profile';

/**
 * The title rule of every upsert, in SQL: the earliest-dated title wins, whatever order the articles came in
 * (`t` the stored row, EXCLUDED the incoming one; its first date is the incoming date).
 */
const EARLIEST_TITLE = (t: string) =>
  `CASE WHEN ${t}.title IS NULL OR (EXCLUDED.first_date IS NOT NULL AND (${t}.first_date IS NULL OR EXCLUDED.first_date < ${t}.first_date))
    THEN COALESCE(EXCLUDED.title, ${t}.title) ELSE ${t}.title END`;

/** Inserts an event or widens it (LEAST/GREATEST skip NULLs, as the SQLite store's minDate/maxDate do). */
const UPSERT_EVENT = `INSERT INTO events AS t (id, storyline_id, title, first_date, last_date, updated_seq) VALUES ($1, $2, $3, $4, $4, $5)
  ON CONFLICT (id) DO UPDATE SET storyline_id = EXCLUDED.storyline_id, title = ${EARLIEST_TITLE('t')},
    first_date = LEAST(t.first_date, EXCLUDED.first_date), last_date = GREATEST(t.last_date, EXCLUDED.last_date), updated_seq = EXCLUDED.updated_seq`;

/** Every write to a storyline raises its version: its stored report is stale from then on. */
const UPSERT_STORYLINE = `INSERT INTO storylines AS t (id, title, first_date, last_date, updated_seq) VALUES ($1, $2, $3, $3, $4)
  ON CONFLICT (id) DO UPDATE SET title = ${EARLIEST_TITLE('t')},
    first_date = LEAST(t.first_date, EXCLUDED.first_date), last_date = GREATEST(t.last_date, EXCLUDED.last_date), updated_seq = EXCLUDED.updated_seq,
    version = t.version + 1`;

/** A build that finished after its storyline was merged away stores nothing: no report outlives its storyline. */
const SAVE_REPORT = `INSERT INTO reports (storyline_id, version, builder, built_at, json) SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM storylines WHERE id = $1)
  ON CONFLICT (storyline_id) DO UPDATE SET version = EXCLUDED.version, builder = EXCLUDED.builder, built_at = EXCLUDED.built_at, json = EXCLUDED.json`;

/** Moves an event's range and title into the event it merged into (created with the merged event's storyline when new). */
const MERGE_EVENT = `INSERT INTO events AS t (id, storyline_id, title, first_date, last_date, updated_seq)
    SELECT $2, storyline_id, title, first_date, last_date, $3 FROM events WHERE id = $1
  ON CONFLICT (id) DO UPDATE SET title = ${EARLIEST_TITLE('t')},
    first_date = LEAST(t.first_date, EXCLUDED.first_date), last_date = GREATEST(t.last_date, EXCLUDED.last_date), updated_seq = EXCLUDED.updated_seq`;

/** PostgreSQL's SQLSTATE for a unique violation. */
const UNIQUE_VIOLATION = '23505';

/**
 * A save refused by a unique index, as the typed conflict of every backend: the same id, or a second original of a
 * text stored already (two writers that both found no copy of it).
 */
function describeSaveError(article: StoredArticle, err: unknown): unknown {
  const e = err as { code?: string; constraint?: string };
  if (e.code !== UNIQUE_VIOLATION) return err;
  return e.constraint === 'articles_original_text' ? new StoreConflictError('article', 'contentHash', article.contentHash, { cause: err }) : new StoreConflictError('article', 'id', article.id, { cause: err });
}

/** Brings the schema up to `POSTGRES_SCHEMA_VERSION`, one transaction per step, under an advisory lock. */
async function migrate(q: Query): Promise<void> {
  await q('SELECT pg_advisory_lock($1, $2)', [...MIGRATION_LOCK_KEY]);
  try {
    await q('CREATE TABLE IF NOT EXISTS storyline_schema (version integer NOT NULL)');
    const [row] = await q<{ version: number }>('SELECT MAX(version) AS version FROM storyline_schema');
    const current = row?.version ?? 0;
    if (current > POSTGRES_SCHEMA_VERSION) throw new Error(`store: database schema ${current} is newer than this Storyline (${POSTGRES_SCHEMA_VERSION})`);
    for (const m of POSTGRES_MIGRATIONS) {
      if (m.version <= current) continue;
      await q('BEGIN');
      try {
        await q(m.sql);
        await q('INSERT INTO storyline_schema (version) VALUES ($1)', [m.version]);
        await q('COMMIT');
      } catch (err) {
        await q('ROLLBACK');
        throw err;
      }
    }
  } finally {
    await q('SELECT pg_advisory_unlock($1, $2)', [...MIGRATION_LOCK_KEY]);
  }
}

async function checkSchema(q: Query, url: string): Promise<void> {
  const [exists] = await q<{ t: string | null }>("SELECT to_regclass('storyline_schema')::text AS t");
  const version = exists?.t ? ((await q<{ v: number | null }>('SELECT MAX(version) AS v FROM storyline_schema'))[0]?.v ?? 0) : 0;
  if (version === 0) throw new Error(`no Storyline database at ${redactUrl(url)}; run storyline ingest first`);
  if (version !== POSTGRES_SCHEMA_VERSION) throw new Error(`store: ${redactUrl(url)} has schema ${version}, expected ${POSTGRES_SCHEMA_VERSION}; open it once for writing to migrate`);
}

/**
 * Opens (creating the tables and migrating when needed) a PostgreSQL store; the database itself must exist.
 * @example
 *   const store = await openPostgresStore('postgres://storyline@db.internal/news');
 *   console.log(await store.counts());
 *   await store.close();
 */
export async function openPostgresStore(url: string, options: Partial<PostgresStoreOptions> = {}): Promise<Store> {
  const opts = { ...DEFAULT_POSTGRES_OPTIONS, ...options };
  const session = await connectSession(url, opts.applicationName);
  let configs: Set<string>;
  try {
    await session.exclusive(async (q) => {
      // Notices (a query of stopwords only) are the server talking to a terminal, not to us.
      await q("SET client_min_messages = 'warning'");
      if (!opts.synchronousCommit) await q('SET synchronous_commit = off');
      if (opts.readonly) {
        await q('SET default_transaction_read_only = on');
        await checkSchema(q, url);
      } else await migrate(q);
    });
    configs = new Set((await session.exclusive((q) => q<{ name: string }>('SELECT cfgname AS name FROM pg_ts_config'))).map((r) => r.name));
  } catch (err) {
    await session.close().catch(() => undefined);
    throw err;
  }
  /**
   * Configurations an article may be indexed with, which a search parses its query for: all of them, not only those
   * in use, so that a reader never misses articles another process indexed with a configuration new to the store.
   */
  const searchConfigs = indexingConfigs(configs);

  const maxSeq = async (q: Query) => (await q<{ n: number }>('SELECT COALESCE(MAX(seq), 0) AS n FROM articles'))[0]!.n;

  async function resolveIdIn(q: Query, level: 'event' | 'storyline', id: string): Promise<string> {
    let current = id;
    // Redirects are kept one hop deep; the bound only guards against a corrupted table.
    for (let i = 0; i < 64; i++) {
      const [row] = await q<{ into_id: string }>('SELECT into_id FROM redirects WHERE level = $1 AND from_id = $2', [level, current]);
      if (!row || row.into_id === current) break;
      current = row.into_id;
    }
    return current;
  }

  /** The upsert with its ids as they are after the merges already recorded (see the SQLite store's `currentEvent`). */
  async function currentEvent(q: Query, e: EventUpsert): Promise<EventUpsert> {
    // Both ids in one round trip; most have no redirect, and a redirect found is followed to its end.
    const [hop] = await q<{ event: string | null; storyline: string | null }>(
      `SELECT (SELECT into_id FROM redirects WHERE level = 'event' AND from_id = $1) AS event, (SELECT into_id FROM redirects WHERE level = 'storyline' AND from_id = $2) AS storyline`,
      [e.id, e.storylineId],
    );
    return {
      ...e,
      id: hop?.event ? await resolveIdIn(q, 'event', hop.event) : e.id,
      storylineId: hop?.storyline ? await resolveIdIn(q, 'storyline', hop.storyline) : e.storylineId,
    };
  }

  async function upsertStoryline(q: Query, id: string, title: string | null, date: string | null, seq: number): Promise<void> {
    await q(UPSERT_STORYLINE, [id, title, date, seq]);
  }

  /** Inserts or widens an event and its storyline; `e` names them by their current ids (see `currentEvent`). */
  async function upsertEventIn(q: Query, e: EventUpsert, seq: number): Promise<void> {
    const [before] = await q<{ storyline_id: string; first_date: string | null; last_date: string | null }>('SELECT storyline_id, first_date, last_date FROM events WHERE id = $1', [e.id]);
    await q(UPSERT_EVENT, [e.id, e.storylineId, e.title, e.date, seq]);
    await upsertStoryline(q, e.storylineId, e.title, e.date, seq);
    // An event that moved to another storyline carries its whole date range there.
    if (before && before.storyline_id !== e.storylineId) {
      await upsertStoryline(q, e.storylineId, null, before.first_date, seq);
      await upsertStoryline(q, e.storylineId, null, before.last_date, seq);
    }
  }

  /** A storyline merged away or emptied: its report goes with it (its id now redirects, or names nothing). */
  async function dropStoryline(q: Query, id: string): Promise<void> {
    await q('DELETE FROM storylines WHERE id = $1', [id]);
    await q('DELETE FROM reports WHERE storyline_id = $1', [id]);
  }

  async function recordMergesIn(q: Query, merges: GroupMerge[]): Promise<void> {
    const seq = merges.length ? await maxSeq(q) : 0;
    for (const m of merges) {
      if (m.from === m.into) continue;
      await q('INSERT INTO redirects (level, from_id, into_id) VALUES ($1, $2, $3) ON CONFLICT (level, from_id) DO UPDATE SET into_id = EXCLUDED.into_id', [m.level, m.from, m.into]);
      // Older ids that pointed at `from` now point at `into` directly: lookups stay one hop.
      await q('UPDATE redirects SET into_id = $1 WHERE level = $2 AND into_id = $3', [m.into, m.level, m.from]);
      if (m.level === 'event') {
        await q('UPDATE articles SET event_id = $1 WHERE event_id = $2', [m.into, m.from]);
        // Both storylines' reports change: one gains the articles, the other loses an event (once when they are one).
        await q('UPDATE storylines SET version = version + 1 WHERE id IN (SELECT storyline_id FROM events WHERE id = $1 OR id = $2)', [m.from, m.into]);
        await q(MERGE_EVENT, [m.from, m.into, seq]);
        await q('DELETE FROM events WHERE id = $1', [m.from]);
      } else {
        await q('UPDATE events SET storyline_id = $1 WHERE storyline_id = $2', [m.into, m.from]);
        const [from] = await q<{ title: string | null; first_date: string | null; last_date: string | null }>('SELECT title, first_date, last_date FROM storylines WHERE id = $1', [m.from]);
        if (from) {
          await upsertStoryline(q, m.into, from.title, from.first_date, seq);
          await upsertStoryline(q, m.into, null, from.last_date, seq);
          await dropStoryline(q, m.from);
        }
      }
    }
  }

  /** Redraws an event's range and title from the articles it still has, then its storyline's (see the SQLite store). */
  async function recomputeEvent(q: Query, eventId: string): Promise<void> {
    const [row] = await q<{ storyline_id: string }>('SELECT storyline_id FROM events WHERE id = $1', [eventId]);
    if (!row) return;
    const [span] = await q<{ first: string | null; last: string | null; n: number }>('SELECT MIN(published) AS first, MAX(published) AS last, COUNT(*) AS n FROM articles WHERE event_id = $1', [eventId]);
    // An event left without articles would list as an empty event of its storyline.
    if (span!.n === 0) await q('DELETE FROM events WHERE id = $1', [eventId]);
    else {
      await q(
        `UPDATE events SET first_date = $2, last_date = $3, title = COALESCE((SELECT title FROM articles WHERE event_id = $1 AND title IS NOT NULL
          ORDER BY published IS NULL, published, seq LIMIT 1), title) WHERE id = $1`,
        [eventId, span!.first, span!.last],
      );
    }
    await recomputeStoryline(q, row.storyline_id);
  }

  async function recomputeStoryline(q: Query, storylineId: string): Promise<void> {
    const [span] = await q<{ first: string | null; last: string | null; n: number }>('SELECT MIN(first_date) AS first, MAX(last_date) AS last, COUNT(*) AS n FROM events WHERE storyline_id = $1', [storylineId]);
    if (span!.n === 0) await dropStoryline(q, storylineId);
    else {
      await q(
        `UPDATE storylines SET version = version + 1, first_date = $2, last_date = $3, title = COALESCE((SELECT title FROM events WHERE storyline_id = $1 AND title IS NOT NULL
          ORDER BY first_date IS NULL, first_date, updated_seq, n LIMIT 1), title) WHERE id = $1`,
        [storylineId, span!.first, span!.last],
      );
    }
  }

  const reads = createStorylineReads(searchConfigs, resolveIdIn);

  /**
   * Band-key postings, loaded on first lookup and caught up before each (rows of other processes included). Catching
   * up by `seq >` misses no row because one writer at a time stores articles (the writer lock), so rows commit in
   * sequence order; several concurrent writers would need numbers handed out in commit order.
   */
  let bands: BandIndex | null = null;
  const currentBands = async (q: Query): Promise<BandIndex> => {
    bands ??= createBandIndex();
    for (const row of await q<{ seq: number; keys: Buffer }>('SELECT seq, keys FROM lsh_keys WHERE seq > $1 ORDER BY seq', [bands.lastSeq])) bands.add(row.seq, decodeBandKeys(row.keys));
    return bands;
  };

  const oneArticle = async (where: string, key: string): Promise<StoredArticle | null> => {
    const [row] = await session.exclusive((q) => q<ArticleRow>(`${ARTICLE_SELECT} WHERE ${where} ORDER BY a.seq LIMIT 1`, [key]));
    return row ? rowToArticle(row) : null;
  };
  const candidate = async (where: string, key: string): Promise<DedupeCandidate | null> => {
    const [row] = await session.exclusive((q) => q<DedupeCandidate>(`SELECT id, text, outlet, duplicate_of AS "duplicateOf" FROM articles WHERE ${where} ORDER BY seq LIMIT 1`, [key]));
    return row ?? null;
  };
  /** Rows of a keyset-paged query ($1 the last sequence number read, $2 the page size), one page per turn on the connection. */
  async function* pages<R extends { seq: number }>(sql: string, after: number): AsyncGenerator<R> {
    let last = after;
    for (;;) {
      const rows = await session.exclusive((q) => q<R>(sql, [last, opts.pageSize]));
      if (rows.length === 0) return;
      yield* rows;
      last = rows[rows.length - 1]!.seq;
    }
  }
  const durable = (q: Query) =>
    // A transaction that commits synchronously flushes the WAL up to its commit, every earlier asynchronous commit included.
    (async () => {
      if (opts.readonly) return;
      await q('BEGIN');
      await q('SET LOCAL synchronous_commit = on');
      await q('SELECT txid_current()');
      await q('COMMIT');
    })();

  const store: Store = {
    async saveArticle(input) {
      const a = input.article;
      try {
        return await session.transaction(async (q) => {
          await recordMergesIn(q, input.merges);
          const event = input.event && (await currentEvent(q, input.event));
          const { text, eventId: _e, storylineId: _s, ...rest } = a;
          const [row] = await q<{ seq: number }>(
            `INSERT INTO articles (id, canonical_url, content_hash, duplicate_of, duplicate_kind, event_id, title, published, outlet, ingested_at, text, doc, search_config, outlet_folded, language)
              VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::regconfig, $14, $15) RETURNING seq`,
            [a.id, a.canonicalUrl, a.contentHash, a.duplicateOf, a.duplicateKind, event?.id ?? a.eventId, a.title, a.published, a.outlet, a.ingestedAt, text, JSON.stringify(rest), ...findingColumns(a.language, a.outlet, configs)],
          );
          const seq = row!.seq;
          if (input.bandKeys.length) await q('INSERT INTO lsh_keys (seq, keys) VALUES ($1, $2)', [seq, encodeBandKeys(input.bandKeys)]);
          if (event) await upsertEventIn(q, event, seq);
          return seq;
        });
      } catch (err) {
        throw describeSaveError(a, err);
      }
    },
    async reassignArticle(id, given, merges) {
      await session.transaction(async (q) => {
        await recordMergesIn(q, merges);
        const event = await currentEvent(q, given);
        const [left] = await q<{ event_id: string | null }>('SELECT event_id FROM articles WHERE id = $1', [id]);
        await q('UPDATE articles SET event_id = $1 WHERE id = $2', [event.id, id]);
        // Duplicates follow their original.
        await q('UPDATE articles SET event_id = $1 WHERE duplicate_of = $2', [event.id, id]);
        const [was] = await q<{ storyline_id: string }>('SELECT storyline_id FROM events WHERE id = $1', [event.id]);
        await upsertEventIn(q, event, await maxSeq(q));
        // The event it joins may have moved storylines with it: the storyline it left keeps only its other events' dates.
        if (was && was.storyline_id !== event.storylineId) await recomputeStoryline(q, was.storyline_id);
        // Replay reassigns most articles to the event they are in already: nothing left, nothing to shrink.
        if (left?.event_id && left.event_id !== event.id) await recomputeEvent(q, left.event_id);
      });
    },
    async setPublicationDates(dates) {
      if (!dates.length) return;
      await session.transaction(async (q) => {
        const events = new Set<string>();
        for (const d of dates) {
          const [row] = await q<{ event_id: string | null; doc: string }>('SELECT event_id, doc FROM articles WHERE id = $1 FOR UPDATE', [d.id]);
          if (!row) continue;
          // Replaced in place: the other fields keep their order, as SQLite's json_set keeps them.
          const doc = { ...(JSON.parse(row.doc) as object), published: d.published, publishedFrom: d.publishedFrom, publishedEvidence: d.publishedEvidence };
          await q('UPDATE articles SET published = $2, doc = $3 WHERE id = $1', [d.id, d.published, JSON.stringify(doc)]);
          if (row.event_id) events.add(row.event_id);
        }
        // The events' ranges and titles (earliest-dated article's) follow the new dates, then their storylines'.
        for (const event of events) await recomputeEvent(q, event);
      });
    },
    getArticle: (id) => oneArticle('a.id = $1', id),
    getArticles: (ids) => session.exclusive((q) => reads.getArticles(q, ids)),
    getStoryline: (id) => session.exclusive((q) => reads.getStoryline(q, id)),
    listStorylines: (query = {}) => session.exclusive((q) => reads.listStorylines(q, query)),
    storylineContents: (id) => session.exclusive((q) => reads.storylineContents(q, id)),
    search: (query) => session.exclusive((q) => reads.search(q, query)),
    getArticleByUrl: (url) => oneArticle('a.canonical_url = $1', url),
    getArticleByHash: (hash) => oneArticle('a.content_hash = $1', hash),
    findByContentHash: (hash) => candidate('content_hash = $1', hash),
    getDedupeCandidate: (id) => candidate('id = $1', id),
    async findNearDuplicateCandidates(bandKeys, limit) {
      return session.exclusive(async (q) => {
        const index = await currentBands(q);
        const hits = new Map<number, number>();
        for (const key of bandKeys) {
          for (const seq of index.matches(key, opts.bandFanout)) hits.set(seq, (hits.get(seq) ?? 0) + 1);
        }
        // Most shared bands first; among equals the earliest article (the likely original).
        const best = [...hits].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, limit).map(([seq]) => seq);
        if (!best.length) return [];
        const ids = new Map((await q<{ seq: number; id: string }>('SELECT seq, id FROM articles WHERE seq = ANY($1)', [best])).map((r) => [r.seq, r.id]));
        return best.map((seq) => ids.get(seq)).filter((id): id is string => id !== undefined);
      });
    },
    async *articlesAfter(seq): AsyncGenerator<SequencedArticle> {
      for await (const row of pages<ArticleRow>(`${ARTICLE_SELECT} WHERE a.seq > $1 AND a.duplicate_of IS NULL ORDER BY a.seq LIMIT $2`, seq)) yield { seq: row.seq, article: rowToArticle(row) };
    },
    async upsertEvent(e) {
      await session.transaction(async (q) => upsertEventIn(q, await currentEvent(q, e), await maxSeq(q)));
    },
    async recordMerges(merges) {
      await session.transaction((q) => recordMergesIn(q, merges));
    },
    resolveId: (level, id) => session.exclusive((q) => resolveIdIn(q, level, id)),
    async getEvent(id): Promise<Event | null> {
      return session.exclusive(async (q) => {
        const [row] = await q<{ id: string; storyline_id: string; title: string | null; first_date: string | null; last_date: string | null }>('SELECT id, storyline_id, title, first_date, last_date FROM events WHERE id = $1', [id]);
        if (!row) return null;
        const articleIds = (await q<{ id: string }>('SELECT id FROM articles WHERE event_id = $1 ORDER BY seq', [id])).map((r) => r.id);
        return { id: row.id, storylineId: row.storyline_id, title: row.title ?? '', articleIds, firstDate: row.first_date, lastDate: row.last_date };
      });
    },
    async *exportArticles(): AsyncGenerator<ExportRow> {
      const sql = `SELECT a.seq, a.id, COALESCE(a.doc::json->>'url', a.canonical_url) AS url, a.event_id AS event, e.storyline_id AS storyline,
        a.duplicate_of AS "duplicateOf", a.duplicate_kind AS "duplicateKind" FROM articles a LEFT JOIN events e ON e.id = a.event_id WHERE a.seq > $1 ORDER BY a.seq LIMIT $2`;
      for await (const { seq: _seq, ...row } of pages<ExportRow & { seq: number }>(sql, 0)) yield row;
    },
    async saveSnapshot(s: ClustererSnapshot) {
      await session.transaction((q) => q('INSERT INTO clusterer_state (id, snapshot, seq) VALUES (1, $1, $2) ON CONFLICT (id) DO UPDATE SET snapshot = EXCLUDED.snapshot, seq = EXCLUDED.seq', [s.snapshot, s.seq]));
    },
    async loadSnapshot() {
      const [row] = await session.exclusive((q) => q<ClustererSnapshot>('SELECT snapshot, seq FROM clusterer_state WHERE id = 1'));
      return row ?? null;
    },
    lastSeq: () => session.exclusive(maxSeq),
    async recordError(e: IngestError) {
      // The same source, position and code again replaces the row, under a new number: it lists as the latest.
      await session.transaction((q) =>
        q(
          `INSERT INTO ingest_errors (source, position, code, message, at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (source, (COALESCE(position, '')), code) DO UPDATE SET n = DEFAULT, message = EXCLUDED.message, at = EXCLUDED.at`,
          [e.source, e.position, e.code, e.message, new Date().toISOString()],
        ),
      );
    },
    listErrors: () => session.exclusive((q) => q<IngestError>('SELECT source, position, code, message FROM ingest_errors ORDER BY n')),
    async saveArticleAnalyses(analyses) {
      if (!analyses.length) return;
      await session.transaction(async (q) => {
        for (const a of analyses) {
          await q(
            'INSERT INTO article_analyses (article_id, version, analysis) VALUES ($1, $2, $3) ON CONFLICT (article_id) DO UPDATE SET version = EXCLUDED.version, analysis = EXCLUDED.analysis',
            [a.articleId, a.analysis.version, JSON.stringify(a.analysis)],
          );
        }
      });
    },
    async getArticleAnalyses(articleIds, version) {
      const rows = articleIds.length
        ? await session.exclusive((q) => q<{ article_id: string; analysis: string }>('SELECT article_id, analysis FROM article_analyses WHERE article_id = ANY($1) AND version = $2', [[...articleIds], version]))
        : [];
      const found = new Map(rows.map((r) => [r.article_id, r.analysis]));
      // In the order asked, as the SQLite store gives them.
      const out = new Map<string, ArticleAnalysis>();
      for (const id of articleIds) {
        const json = found.get(id);
        if (json !== undefined) out.set(id, JSON.parse(json) as ArticleAnalysis);
      }
      return out;
    },
    async saveSubscription(sub: Subscription) {
      // An upsert keeps the row's place (n): the list stays in the order feeds were subscribed.
      await session.transaction((q) => q('INSERT INTO subscriptions (url, doc) VALUES ($1, $2) ON CONFLICT (url) DO UPDATE SET doc = EXCLUDED.doc', [sub.url, JSON.stringify(sub)]));
    },
    async getSubscription(url) {
      const [row] = await session.exclusive((q) => q<{ doc: string }>('SELECT doc FROM subscriptions WHERE url = $1', [url]));
      return row ? (JSON.parse(row.doc) as Subscription) : null;
    },
    async listSubscriptions() {
      return (await session.exclusive((q) => q<{ doc: string }>('SELECT doc FROM subscriptions ORDER BY n'))).map((r) => JSON.parse(r.doc) as Subscription);
    },
    async deleteSubscription(url) {
      const gone = await session.transaction((q) => q<{ url: string }>('DELETE FROM subscriptions WHERE url = $1 RETURNING url', [url]));
      return gone.length > 0;
    },
    async getFeedState(url) {
      const [row] = await session.exclusive((q) => q<FeedState>('SELECT url, etag, last_modified AS "lastModified", fetched_at AS "fetchedAt", status FROM feeds WHERE url = $1', [url]));
      return row ?? null;
    },
    async saveFeedState(s: FeedState) {
      await session.transaction((q) =>
        q(
          `INSERT INTO feeds (url, etag, last_modified, fetched_at, status) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (url) DO UPDATE SET etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified, fetched_at = EXCLUDED.fetched_at, status = EXCLUDED.status`,
          [s.url, s.etag, s.lastModified, s.fetchedAt, s.status],
        ),
      );
    },
    async counts(): Promise<StoreCounts> {
      const [row] = await session.exclusive((q) =>
        q<StoreCounts>(`SELECT (SELECT COUNT(*) FROM articles) AS articles, (SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL) AS duplicates,
          (SELECT COUNT(*) FROM events) AS events, (SELECT COUNT(*) FROM storylines) AS storylines, (SELECT COUNT(*) FROM ingest_errors) AS errors`),
      );
      return row!;
    },
    async loadClusterProfile() {
      const [row] = await session.exclusive((q) => q<{ value: string }>('SELECT value FROM settings WHERE key = $1', [PROFILE_KEY]));
      return row?.value ?? null;
    },
    async claimClusterProfile(profile) {
      return session.transaction(async (q) => {
        // The saved profile wins: two processes starting on a new store agree on the first one written.
        await q('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [PROFILE_KEY, profile]);
        return (await q<{ value: string }>('SELECT value FROM settings WHERE key = $1', [PROFILE_KEY]))[0]!.value;
      });
    },
    async storylineVersion(id) {
      const [row] = await session.exclusive((q) => q<{ version: number }>('SELECT version FROM storylines WHERE id = $1', [id]));
      return row?.version ?? null;
    },
    async getReport(storylineId) {
      const [row] = await session.exclusive((q) => q<StoredReport>('SELECT storyline_id AS "storylineId", version, builder, built_at AS "builtAt", json FROM reports WHERE storyline_id = $1', [storylineId]));
      return row ?? null;
    },
    async saveReport(r) {
      await session.transaction((q) => q(SAVE_REPORT, [r.storylineId, r.version, r.builder, r.builtAt, r.json]));
    },
    async staleReports() {
      const rows = await session.exclusive((q) => q<{ id: string }>('SELECT r.storyline_id AS id FROM reports r JOIN storylines s ON s.id = r.storyline_id WHERE s.version <> r.version ORDER BY r.storyline_id'));
      return rows.map((r) => r.id);
    },
    async transaction(work) {
      try {
        return await session.unit(() => work(store));
      } catch (err) {
        // The postings may hold keys the undone unit wrote (read inside it); they are read again from the table.
        bands = null;
        throw err;
      }
    },
    flush: () => session.exclusive(durable),
    async close() {
      await session.exclusive(durable);
      await session.close();
    },
  };
  return store;
}
