/**
 * What the edges read from an SQLite store, each in a fixed number of queries: storylines (one, a filtered page,
 * one with its events and articles), articles by ids, and search. Domain inputs are translated here: filters to
 * SQL conditions, words and phrases to FTS5 strings (always quoted, so nothing a user typed is an operator).
 */
import type Database from 'better-sqlite3';
import type { SearchHit, SearchQuery, StoredArticle, Storyline, StorylineContents, StorylinePage, StorylineQuery } from '../../model/index.js';
import { searchWords } from '../../model/index.js';
import { ARTICLE_SELECT, rowToArticle, type ArticleRow } from '../article-rows.js';
import { contentsOf, DEFAULT_SEARCH_LIMIT, given, pageOf, storylineRecords, type StorylineRow } from '../storyline-records.js';

export interface StorylineReads {
  getArticles(ids: readonly string[]): StoredArticle[];
  getStoryline(id: string): Storyline | null;
  listStorylines(query: StorylineQuery): StorylinePage;
  storylineContents(id: string): StorylineContents | null;
  search(query: SearchQuery): SearchHit[];
}

/** One FTS5 string: a term quoted (inner quotes doubled), so the index reads it as words in sequence, never syntax. */
function ftsString(term: string): string | null {
  return searchWords(term).length ? `"${term.replace(/"/g, '""')}"` : null;
}

/** The FTS5 match of words and phrases, all required; null when there is nothing to match. */
export function ftsMatch(words: readonly string[], phrases: readonly string[]): string | null {
  const terms = [...words, ...phrases].map(ftsString).filter((t): t is string => t !== null);
  return terms.length ? terms.join(' AND ') : null;
}

/**
 * SQL for a date range filter on columns that may hold partial dates: `~` sorts after digits, `-` and `T`, so
 * `2025-03~` compares as the end of March (a partial date counts as its whole period).
 */
const overlapSql = (first: string, last: string) => `(@from IS NULL OR (${last} IS NOT NULL AND ${last} || '~' >= @from)) AND (@to IS NULL OR (${first} IS NOT NULL AND ${first} <= @to || '~'))`;

/** The listing query: storylines passing every given filter (`@x IS NULL` skips filter x), in the order asked. */
function matchingSql(inStoryline: string, byArticles: boolean): string {
  const counts = `LEFT JOIN (SELECT e.storyline_id AS sid, COUNT(*) AS n FROM articles a JOIN events e ON e.id = a.event_id GROUP BY e.storyline_id) c ON c.sid = s.id`;
  return `SELECT s.id, s.title, s.first_date, s.last_date FROM storylines s ${byArticles ? counts : ''}
    WHERE (@ids IS NULL OR s.id IN (SELECT value FROM json_each(@ids)))
      AND (@outlets IS NULL OR s.id IN (${inStoryline} WHERE a.duplicate_of IS NULL AND a.outlet IN (SELECT value FROM json_each(@outlets))))
      AND (@language IS NULL OR s.id IN (${inStoryline} WHERE a.language = @language))
      AND ${overlapSql('s.first_date', 's.last_date')}
      AND (@entity IS NULL OR s.id IN (${inStoryline} JOIN articles_fts ON articles_fts.rowid = a.seq WHERE articles_fts MATCH @entity))
    ORDER BY ${byArticles ? 'COALESCE(c.n, 0) DESC, ' : ''}COALESCE(s.last_date, '') DESC, s.updated_seq DESC`;
}

export function createStorylineReads(db: Database.Database, resolveId: (level: 'event' | 'storyline', id: string) => string): StorylineReads {
  const inStoryline = `SELECT e.storyline_id FROM articles a JOIN events e ON e.id = a.event_id`;
  const st = {
    // Outlets as stored (each spelling once), read from the outlet index: the filter folds case in JavaScript.
    outletNames: db.prepare('SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL').pluck(),
    articlesByIds: db.prepare(`${ARTICLE_SELECT} WHERE a.id IN (SELECT value FROM json_each(?))`),
    storyline: db.prepare('SELECT id, title, first_date, last_date FROM storylines WHERE id = ?'),
    // Every matching storyline, in order (the page is cut in JavaScript, so the total costs no second query);
    // article counts are read only to sort by them.
    byActivity: db.prepare(matchingSql(inStoryline, false)),
    byArticles: db.prepare(matchingSql(inStoryline, true)),
    // The listed details of some storylines, each in one query over all of them.
    eventsOf: db.prepare(`SELECT id, storyline_id AS sid FROM events WHERE storyline_id IN (SELECT value FROM json_each(?)) ORDER BY COALESCE(first_date, ''), updated_seq`),
    countsOf: db.prepare(`SELECT e.storyline_id AS sid, COUNT(*) AS n FROM articles a JOIN events e ON e.id = a.event_id WHERE e.storyline_id IN (SELECT value FROM json_each(?)) GROUP BY e.storyline_id`),
    // Duplicates and syndicated copies are left out: each outlet counts for its own reporting only.
    outletsOf: db.prepare(`SELECT DISTINCT e.storyline_id AS sid, a.outlet FROM articles a JOIN events e ON e.id = a.event_id
      WHERE e.storyline_id IN (SELECT value FROM json_each(?)) AND a.duplicate_of IS NULL AND a.outlet IS NOT NULL ORDER BY a.outlet`),
    eventRows: db.prepare('SELECT id, title, first_date, last_date FROM events WHERE storyline_id = ? ORDER BY COALESCE(first_date, \'\'), updated_seq'),
    storylineArticles: db.prepare(`${ARTICLE_SELECT} WHERE e.storyline_id = ? ORDER BY a.seq`),
    search: db.prepare(`SELECT a.id, a.title, snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet, a.outlet, a.published, a.event_id AS eventId, e.storyline_id AS storylineId
      FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid LEFT JOIN events e ON e.id = a.event_id
      WHERE articles_fts MATCH @match AND (@outlets IS NULL OR a.outlet IN (SELECT value FROM json_each(@outlets)))
        AND (@language IS NULL OR a.language = @language)
        AND ${overlapSql('a.published', 'a.published')}
      ORDER BY rank LIMIT @limit`),
  };

  /** The listed records of storylines (rows in the order wanted). */
  function storylines(rows: readonly StorylineRow[]): Storyline[] {
    const ids = JSON.stringify(rows.map((r) => r.id));
    return storylineRecords(rows, {
      events: st.eventsOf.all(ids) as { id: string; sid: string }[],
      counts: st.countsOf.all(ids) as { sid: string; n: number }[],
      outlets: st.outletsOf.all(ids) as { sid: string; outlet: string }[],
    });
  }

  /**
   * The stored spellings of an outlet, case folded as JavaScript does (SQLite's lower() and NOCASE fold ASCII
   * only: `ÉLAN` would miss `élan`); null when no outlet filter is given.
   */
  function outletSpellings(outlet: string | null | undefined): string | null {
    const want = given(outlet)?.toLowerCase();
    if (!want) return null;
    return JSON.stringify((st.outletNames.all() as string[]).filter((name) => name.toLowerCase() === want));
  }

  function getStoryline(id: string): Storyline | null {
    const row = st.storyline.get(resolveId('storyline', id)) as StorylineRow | undefined;
    return row ? storylines([row])[0]! : null;
  }

  return {
    getArticles(ids) {
      if (ids.length === 0) return [];
      const byId = new Map((st.articlesByIds.all(JSON.stringify(ids)) as ArticleRow[]).map((r) => [r.id, rowToArticle(r)]));
      return [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
    },
    getStoryline,
    listStorylines(q) {
      const entity = given(q.entity);
      const entityMatch = entity === null ? null : ftsMatch([], [entity]);
      // An entity with no word in it names nothing: no storyline contains it.
      if (entity !== null && entityMatch === null) return { total: 0, items: [] };
      const rows = (q.sort === 'articles' ? st.byArticles : st.byActivity).all({
        ids: q.ids ? JSON.stringify(q.ids) : null,
        outlets: outletSpellings(q.outlet),
        language: given(q.language)?.toLowerCase() ?? null,
        from: given(q.from),
        to: given(q.to),
        entity: entityMatch,
      }) as StorylineRow[];
      return { total: rows.length, items: storylines(pageOf(rows, q)) };
    },
    storylineContents(id) {
      const storyline = getStoryline(id);
      if (!storyline) return null;
      return contentsOf(storyline, st.eventRows.all(storyline.id) as StorylineRow[], (st.storylineArticles.all(storyline.id) as ArticleRow[]).map(rowToArticle));
    },
    search(q) {
      const match = ftsMatch(q.words, q.phrases);
      if (!match) return [];
      const f = q.filters ?? {};
      return st.search.all({
        match,
        outlets: outletSpellings(f.outlet),
        language: given(f.language)?.toLowerCase() ?? null,
        from: given(f.from),
        to: given(f.to),
        limit: Math.max(0, q.limit ?? DEFAULT_SEARCH_LIMIT),
      }) as SearchHit[];
    },
  };
}
