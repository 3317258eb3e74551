/**
 * SQLite schema, as numbered migrations. `PRAGMA user_version` holds the version reached; opening
 * a store applies the missing migrations in order, each in its own transaction.
 */

export interface Migration {
  version: number;
  description: string;
  sql: string;
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
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
