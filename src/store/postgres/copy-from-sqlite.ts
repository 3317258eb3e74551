/**
 * `storyline migrate`: copies an SQLite store into an empty PostgreSQL store, table by table, in one PostgreSQL
 * transaction (all of it or nothing). Row for row: arrival sequence numbers are kept (the clusterer snapshot and
 * the band keys name articles by them), and so are the creation order of events and storylines and the order of
 * the error log, so the copy lists, reports and replays as the original does.
 */
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '../sqlite/index.js';
import { openPostgresStore } from './postgres-store.js';
import { findingColumns, indexingConfigs } from './search.js';
import { connectSession, type Query } from './session.js';
import { redactUrl } from './url.js';

/** Rows per INSERT: 500 articles of 14 columns stay far below PostgreSQL's 65,535 parameters a statement. */
const BATCH_ROWS = 500;

/** Rows copied, per table. */
export type CopyCounts = Record<string, number>;

interface TableCopy {
  /** The PostgreSQL table. */
  table: string;
  /** Read from SQLite, in the order rows are to be inserted (their identity columns follow it). */
  select: string;
  columns: string[];
  /** Lets PostgreSQL take the given value of a GENERATED ALWAYS identity column. */
  overriding?: boolean;
  /** Columns PostgreSQL keeps that SQLite does not, made from the row read (appended to it). */
  derive?: (row: unknown[], configs: ReadonlySet<string>) => unknown[];
}

/** Each table of the SQLite schema (version `SCHEMA_VERSION`) and where its columns go. */
const TABLES: TableCopy[] = [
  {
    table: 'articles',
    select: 'SELECT seq, id, canonical_url, content_hash, duplicate_of, duplicate_kind, event_id, title, published, outlet, ingested_at, text, doc FROM articles ORDER BY seq',
    columns: ['seq', 'id', 'canonical_url', 'content_hash', 'duplicate_of', 'duplicate_kind', 'event_id', 'title', 'published', 'outlet', 'ingested_at', 'text', 'doc', 'search_config', 'outlet_folded', 'language'],
    overriding: true,
    // As `saveArticle` makes them: the search configuration of the article's language, outlet and language folded.
    derive(row, configs) {
      const language = (JSON.parse(row[12] as string) as { language?: string | null }).language ?? null;
      return findingColumns(language, row[9] as string | null, configs);
    },
  },
  { table: 'lsh_keys', select: 'SELECT seq, keys FROM lsh_keys ORDER BY seq', columns: ['seq', 'keys'] },
  // Row order is creation order: PostgreSQL numbers them as it inserts (`n`, the listing's tie-break).
  { table: 'events', select: 'SELECT id, storyline_id, title, first_date, last_date, updated_seq FROM events ORDER BY rowid', columns: ['id', 'storyline_id', 'title', 'first_date', 'last_date', 'updated_seq'] },
  // The version comes along: a stored report copied below stays fresh (or stale) as it was.
  { table: 'storylines', select: 'SELECT id, title, first_date, last_date, updated_seq, version FROM storylines ORDER BY rowid', columns: ['id', 'title', 'first_date', 'last_date', 'updated_seq', 'version'] },
  { table: 'reports', select: 'SELECT storyline_id, version, builder, built_at, json FROM reports', columns: ['storyline_id', 'version', 'builder', 'built_at', 'json'] },
  { table: 'article_analyses', select: 'SELECT article_id, version, analysis FROM article_analyses', columns: ['article_id', 'version', 'analysis'] },
  { table: 'subscriptions', select: 'SELECT n, url, doc FROM subscriptions ORDER BY n', columns: ['n', 'url', 'doc'], overriding: true },
  { table: 'redirects', select: 'SELECT level, from_id, into_id FROM redirects', columns: ['level', 'from_id', 'into_id'] },
  { table: 'clusterer_state', select: 'SELECT id, snapshot, seq FROM clusterer_state', columns: ['id', 'snapshot', 'seq'] },
  { table: 'ingest_errors', select: 'SELECT n, source, position, code, message, at FROM ingest_errors ORDER BY n', columns: ['n', 'source', 'position', 'code', 'message', 'at'] },
  { table: 'feeds', select: 'SELECT url, etag, last_modified, fetched_at, status FROM feeds', columns: ['url', 'etag', 'last_modified', 'fetched_at', 'status'] },
  { table: 'settings', select: 'SELECT key, value FROM settings', columns: ['key', 'value'] },
];

async function insertBatch(q: Query, copy: TableCopy, rows: unknown[][]): Promise<void> {
  const width = copy.columns.length;
  const values = rows.map((_, r) => `(${copy.columns.map((c, i) => `$${r * width + i + 1}${c === 'search_config' ? '::regconfig' : ''}`).join(', ')})`);
  await q(`INSERT INTO ${copy.table} (${copy.columns.join(', ')})${copy.overriding ? ' OVERRIDING SYSTEM VALUE' : ''} VALUES ${values.join(', ')}`, rows.flat());
}

/**
 * Copies the SQLite store at `from` into the PostgreSQL database at `to` (created tables, no articles yet).
 * `progress` hears each table as it is done.
 * @example
 *   const counts = await copySqliteToPostgres('./storyline.db', 'postgres://storyline@db.internal/news');
 */
export async function copySqliteToPostgres(from: string, to: string, progress: (table: string, rows: number) => void = () => undefined): Promise<CopyCounts> {
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    const version = source.pragma('user_version', { simple: true }) as number;
    if (version !== SCHEMA_VERSION) throw new Error(`${from} has schema ${version}, expected ${SCHEMA_VERSION}: open it once for writing (storyline ingest) to migrate it first`);
    // Creates the tables (or checks them) before the copy's own connection writes to them.
    await (await openPostgresStore(to)).close();
    const session = await connectSession(to, 'storyline migrate');
    try {
      const configs = new Set(indexingConfigs(new Set(await session.exclusive(async (q) => (await q<{ name: string }>('SELECT cfgname AS name FROM pg_ts_config')).map((r) => r.name)))));
      return await session.transaction(async (q) => {
        const [held] = await q<{ n: number }>('SELECT COUNT(*) AS n FROM articles');
        if (held!.n > 0) throw new Error(`${redactUrl(to)} holds ${held!.n} articles already: migrate copies into an empty database`);
        const counts: CopyCounts = {};
        for (const copy of TABLES) {
          let batch: unknown[][] = [];
          let copied = 0;
          for (const row of source.prepare(copy.select).raw().iterate() as Iterable<unknown[]>) {
            batch.push(copy.derive ? [...row, ...copy.derive(row, configs)] : row);
            if (batch.length === BATCH_ROWS) {
              await insertBatch(q, copy, batch);
              copied += batch.length;
              batch = [];
            }
          }
          if (batch.length) await insertBatch(q, copy, batch);
          counts[copy.table] = copied + batch.length;
          progress(copy.table, copied + batch.length);
        }
        // New rows continue after the copied ones.
        await q("SELECT setval(pg_get_serial_sequence('articles', 'seq'), GREATEST((SELECT MAX(seq) FROM articles), 1), (SELECT COUNT(*) > 0 FROM articles))");
        await q("SELECT setval(pg_get_serial_sequence('ingest_errors', 'n'), GREATEST((SELECT MAX(n) FROM ingest_errors), 1), (SELECT COUNT(*) > 0 FROM ingest_errors))");
        await q("SELECT setval(pg_get_serial_sequence('subscriptions', 'n'), GREATEST((SELECT MAX(n) FROM subscriptions), 1), (SELECT COUNT(*) > 0 FROM subscriptions))");
        return counts;
      });
    } finally {
      await session.close();
    }
  } finally {
    source.close();
  }
}
