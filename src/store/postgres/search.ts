/**
 * Full-text search on PostgreSQL: each article is indexed with the text-search configuration of its language (so
 * English words are stemmed as English, French as French), 'simple' (no stemming, no stopwords) when PostgreSQL has
 * none for it. A query is parsed once per configuration in use and matched only against articles of that
 * configuration, so every branch of the query can use the GIN index.
 */
import { MAX_INDEXED_CHARS } from './schema.js';

/** ISO 639-1 codes of the languages PostgreSQL 15 ships a Snowball configuration for. */
const CONFIG_OF_LANGUAGE: Record<string, string> = {
  ar: 'arabic', hy: 'armenian', eu: 'basque', ca: 'catalan', da: 'danish', nl: 'dutch', en: 'english', fi: 'finnish',
  fr: 'french', de: 'german', el: 'greek', hi: 'hindi', hu: 'hungarian', id: 'indonesian', ga: 'irish', it: 'italian',
  lt: 'lithuanian', ne: 'nepali', no: 'norwegian', nb: 'norwegian', nn: 'norwegian', pt: 'portuguese', ro: 'romanian',
  ru: 'russian', sr: 'serbian', es: 'spanish', sv: 'swedish', ta: 'tamil', tr: 'turkish', yi: 'yiddish',
};

/** The configuration used when an article's language is unknown or has no configuration of its own. */
export const FALLBACK_CONFIG = 'simple';

/**
 * The text-search configuration for an article's language (`en`, `pt-BR`), among those the server has.
 * @example searchConfigFor('pt-BR', new Set(['portuguese', 'simple'])) // 'portuguese'
 */
export function searchConfigFor(language: string | null, available: ReadonlySet<string>): string {
  const config = language ? CONFIG_OF_LANGUAGE[language.toLowerCase().split(/[-_]/)[0]!] : undefined;
  return config && available.has(config) ? config : FALLBACK_CONFIG;
}

/** The configurations `searchConfigFor` can choose on a server that has `available`. */
export function indexingConfigs(available: ReadonlySet<string>): string[] {
  return [...new Set([FALLBACK_CONFIG, ...Object.values(CONFIG_OF_LANGUAGE)])].filter((c) => available.has(c));
}

/** Words of context a snippet shows: SQLite's snippet() is asked for 16 tokens, so the two backends read alike. */
const SNIPPET_WORDS = 16;

/**
 * The search statement for the configurations present in the store ($1 the query text, $2 the limit). The query
 * uses web-search syntax (words, "phrases", OR, -word), which never fails to parse: a stray quote is just ignored.
 * Ranking: title matches weigh more (the vector's weights), then the earlier article.
 */
export function searchSql(configs: readonly string[]): string {
  const branches = configs.map((_, i) => `(a.search_config = $${i + 3}::regconfig AND a.search_vector @@ websearch_to_tsquery($${i + 3}::regconfig, $1))`);
  return `WITH hits AS (
      SELECT a.seq, a.id, a.title, a.text, a.search_config,
        ts_rank(a.search_vector, websearch_to_tsquery(a.search_config, $1)) AS rank
      FROM articles a WHERE ${branches.join(' OR ')}
      ORDER BY rank DESC, a.seq LIMIT $2)
    SELECT id, title, text, ts_headline(search_config, left(text, ${MAX_INDEXED_CHARS}), websearch_to_tsquery(search_config, $1),
      'StartSel=[, StopSel=], MaxWords=${SNIPPET_WORDS}, MinWords=${SNIPPET_WORDS / 2}, MaxFragments=1, FragmentDelimiter=…') AS snippet
    FROM hits ORDER BY rank DESC, seq`;
}

/**
 * Marks a headline that starts or ends inside the text with '…', as SQLite's snippet() does: the reader sees that
 * words were left out.
 */
export function withEllipses(snippet: string, text: string): string {
  const shown = snippet.trim();
  const plain = shown.replace(/[[\]]/g, '');
  if (!plain) return shown;
  // ts_headline copies the text's own characters, so a fragment at the start or end of the text matches it there.
  const starts = text.trimStart().startsWith(plain.slice(0, 40));
  const ends = text.slice(0, MAX_INDEXED_CHARS).trimEnd().endsWith(plain.slice(-40));
  return `${starts ? '' : '…'}${shown}${ends ? '' : '…'}`;
}
