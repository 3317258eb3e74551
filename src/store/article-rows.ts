/** Stored articles as rows (the same columns in both backends): the columns read, and the record they make. */
import type { StoredArticle } from '../model/index.js';

export interface ArticleRow {
  seq: number;
  id: string;
  canonical_url: string | null;
  content_hash: string;
  duplicate_of: string | null;
  duplicate_kind: string | null;
  event_id: string | null;
  storyline_id: string | null;
  text: string;
  doc: string;
}

/** Articles with their storyline (through their event); callers add WHERE and ORDER BY on `a` and `e`. */
export const ARTICLE_SELECT = `SELECT a.seq, a.id, a.canonical_url, a.content_hash, a.duplicate_of, a.duplicate_kind, a.event_id,
  e.storyline_id, a.text, a.doc FROM articles a LEFT JOIN events e ON e.id = a.event_id`;

export function rowToArticle(row: ArticleRow): StoredArticle {
  const doc = JSON.parse(row.doc) as StoredArticle;
  return {
    ...doc,
    id: row.id,
    text: row.text,
    canonicalUrl: row.canonical_url,
    contentHash: row.content_hash,
    duplicateOf: row.duplicate_of,
    duplicateKind: row.duplicate_kind as StoredArticle['duplicateKind'],
    eventId: row.event_id,
    storylineId: row.storyline_id,
  };
}
