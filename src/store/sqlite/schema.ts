/**
 * SQLite schema, as numbered migrations. `PRAGMA user_version` holds the version reached; opening
 * a store applies the missing migrations in order, each in its own transaction.
 */
import type Database from 'better-sqlite3';
import { encodeBandKeys } from '../band-index.js';

export interface Migration {
  version: number;
  description: string;
  sql: string;
  /** Data moves that SQL alone cannot express, run after `sql` in the same transaction. */
  up?: (db: Database.Database) => void;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'articles, LSH band index, events, storylines, redirects, snapshot, errors, feeds, FTS5',
    sql: `
      CREATE TABLE articles (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        canonical_url TEXT,
        content_hash TEXT NOT NULL,
        duplicate_of TEXT,
        duplicate_kind TEXT,
        event_id TEXT,
        title TEXT,
        published TEXT,
        outlet TEXT,
        ingested_at TEXT NOT NULL,
        text TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX articles_canonical_url ON articles (canonical_url);
      CREATE INDEX articles_content_hash ON articles (content_hash);
      CREATE INDEX articles_event ON articles (event_id);
      CREATE TABLE lsh_bands (
        band_key INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (band_key, seq)
      ) WITHOUT ROWID;
      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        storyline_id TEXT NOT NULL,
        title TEXT,
        first_date TEXT,
        last_date TEXT,
        updated_seq INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX events_storyline ON events (storyline_id);
      CREATE TABLE storylines (
        id TEXT PRIMARY KEY,
        title TEXT,
        first_date TEXT,
        last_date TEXT,
        updated_seq INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE redirects (
        level TEXT NOT NULL,
        from_id TEXT NOT NULL,
        into_id TEXT NOT NULL,
        PRIMARY KEY (level, from_id)
      );
      CREATE TABLE clusterer_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        snapshot TEXT NOT NULL,
        seq INTEGER NOT NULL
      );
      CREATE TABLE ingest_errors (
        n INTEGER PRIMARY KEY AUTOINCREMENT,
        source TEXT NOT NULL,
        position TEXT,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        fetched_at TEXT NOT NULL,
        status INTEGER NOT NULL
      );
      CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content = 'articles', content_rowid = 'seq');
    `,
  },
  {
    version: 2,
    description: 'band keys as one append-only row per article (the postings live in memory); an index on duplicate_of',
    sql: `
      CREATE TABLE lsh_keys (seq INTEGER PRIMARY KEY, keys BLOB NOT NULL);
      -- Moving an article to another event moves its duplicates: an index seek, not a scan of all articles.
      CREATE INDEX articles_duplicate_of ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;
    `,
    up(db) {
      // Read whole before writing: the driver allows no write while a read is iterating.
      const bySeq = new Map<number, number[]>();
      for (const row of db.prepare('SELECT seq, band_key AS key FROM lsh_bands').iterate() as Iterable<{ seq: number; key: number }>) {
        const keys = bySeq.get(row.seq);
        if (keys) keys.push(row.key);
        else bySeq.set(row.seq, [row.key]);
      }
      const insert = db.prepare('INSERT INTO lsh_keys (seq, keys) VALUES (?, ?)');
      for (const [seq, keys] of [...bySeq].sort((a, b) => a[0] - b[0])) insert.run(seq, encodeBandKeys(keys));
      db.exec('DROP TABLE lsh_bands');
    },
  },
  {
    version: 3,
    description: 'settings: the clustering profile the events were built with',
    sql: `
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
    up(db) {
      // A store that already holds articles was clustered with the defaults (nothing chose a profile before v3).
      if (db.prepare('SELECT 1 FROM articles LIMIT 1').get()) db.prepare("INSERT INTO settings (key, value) VALUES ('cluster_profile', 'news')").run();
    },
  },
  {
    version: 4,
    description: 'ingest errors: one row per source, position and code (ingesting the same input again replaces it)',
    sql: `
      -- Earlier versions logged a bad line again on every run: keep only the latest row of each.
      DELETE FROM ingest_errors WHERE n NOT IN (SELECT MAX(n) FROM ingest_errors GROUP BY source, IFNULL(position, ''), code);
      -- A whole-file error has no position: IFNULL makes NULL positions collide as equal.
      CREATE UNIQUE INDEX ingest_errors_place ON ingest_errors (source, IFNULL(position, ''), code);
    `,
  },
  {
    version: 5,
    description: 'storyline and search filters: a language column, indexes on language and outlet',
    sql: `
      -- The language was only inside doc, which sits after the text in each row: reading it scanned every text
      -- (300 ms for a language filter over the 10,500 articles of the server bench).
      ALTER TABLE articles ADD COLUMN language TEXT;
      UPDATE articles SET language = json_extract(doc, '$.language');
      CREATE INDEX articles_language ON articles (language, event_id);
      -- The outlet filter finds the stored spellings of an outlet, then its articles, by this index.
      CREATE INDEX articles_outlet ON articles (outlet);
    `,
  },
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
