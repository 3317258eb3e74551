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

/**
 * The columns an article is found by besides its text: its search configuration, and its outlet and language folded
 * as JavaScript folds them (filters compare these, whatever the server's locale).
 */
export function findingColumns(language: string | null, outlet: string | null, available: ReadonlySet<string>): [string, string | null, string | null] {
  return [searchConfigFor(language, available), outlet?.toLowerCase() ?? null, language?.toLowerCase() ?? null];
}

/** The configurations `searchConfigFor` can choose on a server that has `available`. */
export function indexingConfigs(available: ReadonlySet<string>): string[] {
  return [...new Set([FALLBACK_CONFIG, ...Object.values(CONFIG_OF_LANGUAGE)])].filter((c) => available.has(c));
}

/** Words of context a snippet shows: SQLite's snippet() is asked for 16 tokens, so the two backends read alike. */
const SNIPPET_WORDS = 16;

/** Bound parameters of a statement being built: `add` returns the placeholder of a new value. */
export interface Params {
  values: unknown[];
  add(value: unknown): string;
}

/** The tsquery of words (all required) and phrases (each in order) under the configuration `config` (SQL). */
function tsquerySql(config: string, words: string | null, phrases: readonly string[]): string {
  const parts = [...(words ? [`plainto_tsquery(${config}, ${words})`] : []), ...phrases.map((ph) => `phraseto_tsquery(${config}, ${ph})`)];
  return parts.join(' && ');
}

/** Bound words and phrases: the words as one text (plainto_tsquery requires each), each phrase on its own. */
function bindTerms(p: Params, words: readonly string[], phrases: readonly string[]): { words: string | null; phrases: string[] } {
  return { words: words.length ? p.add(words.join(' ')) : null, phrases: phrases.map((ph) => p.add(ph)) };
}

/** The OR of one branch per configuration: the article is indexed with it, and its vector holds the terms parsed with it. */
function branchesSql(p: Params, configs: readonly string[], terms: ReturnType<typeof bindTerms>): string {
  const branches = configs.map((c) => {
    const config = `${p.add(c)}::regconfig`;
    return `(a.search_config = ${config} AND a.search_vector @@ (${tsquerySql(config, terms.words, terms.phrases)}))`;
  });
  return `(${branches.join(' OR ')})`;
}

/**
 * The condition that an article `a` holds every word and phrase, parsed with each configuration in `configs` and
 * matched only against articles indexed with it, so that every branch can use the GIN index.
 */
export function matchSql(p: Params, configs: readonly string[], words: readonly string[], phrases: readonly string[]): string {
  return branchesSql(p, configs, bindTerms(p, words, phrases));
}

/**
 * The search statement: the best `limit` hits (title matches weigh more through the vector's weights; then the
 * earlier article), each with its headline in the SQLite store's markup and the text it was cut from.
 */
export function searchSql(p: Params, configs: readonly string[], words: readonly string[], phrases: readonly string[], filters: readonly string[], limit: number): string {
  const terms = bindTerms(p, words, phrases);
  return `WITH hits AS (
      SELECT a.seq, a.id, a.title, a.text, a.search_config, a.outlet, a.published, a.event_id, e.storyline_id,
        ts_rank(a.search_vector, ${tsquerySql('a.search_config', terms.words, terms.phrases)}) AS rank
      FROM articles a LEFT JOIN events e ON e.id = a.event_id WHERE ${[branchesSql(p, configs, terms), ...filters].join(' AND ')}
      ORDER BY rank DESC, a.seq LIMIT ${p.add(limit)})
    SELECT id, title, text, outlet, published, event_id AS "eventId", storyline_id AS "storylineId",
      ts_headline(search_config, left(text, ${MAX_INDEXED_CHARS}), ${tsquerySql('search_config', terms.words, terms.phrases)},
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
