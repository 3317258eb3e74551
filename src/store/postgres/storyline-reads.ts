/**
 * What the edges read from a PostgreSQL store, each in a fixed number of queries: storylines (one, a filtered page,
 * one with its events and articles), articles by ids, and search. Domain inputs are translated here: filters to SQL
 * conditions on bound parameters, words and phrases to tsqueries built by PostgreSQL's own parsers (plainto_tsquery,
 * phraseto_tsquery), which read no operator in what a user typed.
 */
import type { SearchHit, SearchQuery, StoredArticle, Storyline, StorylineContents, StorylinePage, StorylineQuery } from '../../model/index.js';
import { searchWords } from '../../model/index.js';
import { ARTICLE_SELECT, rowToArticle, type ArticleRow } from '../article-rows.js';
import { contentsOf, DEFAULT_SEARCH_LIMIT, given, pageOf, storylineRecords, type StorylineRow } from '../storyline-records.js';
import { matchSql, searchSql, withEllipses, type Params } from './search.js';
import type { Query } from './session.js';

/** A bound parameter list: `add` returns the placeholder of a new value. */
function params(): Params {
  const values: unknown[] = [];
  return { values, add: (v) => `$${values.push(v)}` };
}

/**
 * SQL for a date range filter on columns that may hold partial dates: `~` sorts after digits, `-` and `T` (the
 * columns compare in byte order), so `2025-03~` compares as the end of March (a partial date counts as its whole period).
 */
function overlapSql(p: Params, first: string, last: string, from: string | null, to: string | null): string {
  const parts: string[] = [];
  if (from !== null) parts.push(`${last} IS NOT NULL AND ${last} || '~' >= ${p.add(from)}`);
  if (to !== null) parts.push(`${first} IS NOT NULL AND ${first} <= ${p.add(to)} || '~'`);
  return parts.length ? parts.join(' AND ') : 'true';
}

/** The reads, over a query function that runs on the store's connection; `configs` are the search configurations. */
export function createStorylineReads(configs: readonly string[], resolveId: (q: Query, level: 'event' | 'storyline', id: string) => Promise<string>) {
  /** The listed records of storylines (rows in the order wanted), in three queries over all of them. */
  async function storylines(q: Query, rows: readonly StorylineRow[]): Promise<Storyline[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    return storylineRecords(rows, {
      events: await q<{ id: string; sid: string }>("SELECT id, storyline_id AS sid FROM events WHERE storyline_id = ANY($1) ORDER BY COALESCE(first_date, ''), updated_seq, n", [ids]),
      counts: await q<{ sid: string; n: number }>('SELECT e.storyline_id AS sid, COUNT(*) AS n FROM articles a JOIN events e ON e.id = a.event_id WHERE e.storyline_id = ANY($1) GROUP BY e.storyline_id', [ids]),
      // Duplicates and syndicated copies are left out: each outlet counts for its own reporting only.
      outlets: await q<{ sid: string; outlet: string }>(
        'SELECT DISTINCT e.storyline_id AS sid, a.outlet FROM articles a JOIN events e ON e.id = a.event_id WHERE e.storyline_id = ANY($1) AND a.duplicate_of IS NULL AND a.outlet IS NOT NULL ORDER BY a.outlet',
        [ids],
      ),
    });
  }

  async function getStoryline(q: Query, id: string): Promise<Storyline | null> {
    const [row] = await q<StorylineRow>('SELECT id, title, first_date, last_date FROM storylines WHERE id = $1', [await resolveId(q, 'storyline', id)]);
    return row ? (await storylines(q, [row]))[0]! : null;
  }

  return {
    async getArticles(q: Query, ids: readonly string[]): Promise<StoredArticle[]> {
      if (ids.length === 0) return [];
      const byId = new Map((await q<ArticleRow>(`${ARTICLE_SELECT} WHERE a.id = ANY($1)`, [[...ids]])).map((r) => [r.id, rowToArticle(r)]));
      return [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
    },
    getStoryline,
    async listStorylines(q: Query, query: StorylineQuery): Promise<StorylinePage> {
      const p = params();
      const where: string[] = [];
      const inStoryline = 'SELECT e.storyline_id FROM articles a JOIN events e ON e.id = a.event_id';
      if (query.ids) where.push(`s.id = ANY(${p.add([...query.ids])})`);
      const outlet = given(query.outlet);
      if (outlet !== null) where.push(`s.id IN (${inStoryline} WHERE a.duplicate_of IS NULL AND a.outlet_folded = ${p.add(outlet.toLowerCase())})`);
      const language = given(query.language);
      if (language !== null) where.push(`s.id IN (${inStoryline} WHERE a.language = ${p.add(language.toLowerCase())})`);
      where.push(overlapSql(p, 's.first_date', 's.last_date', given(query.from), given(query.to)));
      const entity = given(query.entity);
      if (entity !== null) {
        // An entity with no word in it names nothing: no storyline contains it.
        if (searchWords(entity).length === 0) return { total: 0, items: [] };
        where.push(`s.id IN (${inStoryline} WHERE ${matchSql(p, configs, [], [entity])})`);
      }
      const byArticles = query.sort === 'articles' ? 'COALESCE(c.n, 0) DESC, ' : '';
      // Every matching storyline, in order; the page is cut here, so the total costs no second query.
      const rows = await q<StorylineRow>(
        `SELECT s.id, s.title, s.first_date, s.last_date FROM storylines s
          LEFT JOIN (SELECT e.storyline_id AS sid, COUNT(*) AS n FROM articles a JOIN events e ON e.id = a.event_id GROUP BY e.storyline_id) c ON c.sid = s.id
          WHERE ${where.join(' AND ')} ORDER BY ${byArticles}COALESCE(s.last_date, '') DESC, s.updated_seq DESC, s.n`,
        p.values,
      );
      return { total: rows.length, items: await storylines(q, pageOf(rows, query)) };
    },
    async storylineContents(q: Query, id: string): Promise<StorylineContents | null> {
      const storyline = await getStoryline(q, id);
      if (!storyline) return null;
      const articles = (await q<ArticleRow>(`${ARTICLE_SELECT} WHERE e.storyline_id = $1 ORDER BY a.seq`, [storyline.id])).map(rowToArticle);
      const eventRows = await q<StorylineRow>("SELECT id, title, first_date, last_date FROM events WHERE storyline_id = $1 ORDER BY COALESCE(first_date, ''), updated_seq, n", [storyline.id]);
      return contentsOf(storyline, eventRows, articles);
    },
    async search(q: Query, query: SearchQuery): Promise<SearchHit[]> {
      const words = query.words.flatMap(searchWords);
      const phrases = query.phrases.filter((ph) => searchWords(ph).length > 0);
      if (words.length === 0 && phrases.length === 0) return [];
      const p = params();
      const f = query.filters ?? {};
      const filters: string[] = [];
      const outlet = given(f.outlet);
      if (outlet !== null) filters.push(`a.outlet_folded = ${p.add(outlet.toLowerCase())}`);
      const language = given(f.language);
      if (language !== null) filters.push(`a.language = ${p.add(language.toLowerCase())}`);
      filters.push(overlapSql(p, 'a.published', 'a.published', given(f.from), given(f.to)));
      const rows = await q<SearchHit & { text: string }>(searchSql(p, configs, words, phrases, filters, Math.max(0, query.limit ?? DEFAULT_SEARCH_LIMIT)), p.values);
      return rows.map(({ text, ...hit }) => ({ ...hit, snippet: withEllipses(hit.snippet, text) }));
    },
  };
}
