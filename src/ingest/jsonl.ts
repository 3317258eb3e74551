/**
 * JSON lines input: one article per line (`id`, `url`, `title`, `text` or `html`, `published` or
 * another common name of it (see {@link DATE_FIELDS}), `outlet`; every other field is kept in
 * `extra`). A malformed line is reported with its line number and skipped.
 */
import type { RawDocument } from '../model/index.js';
import { isPossibleIsoDate } from '../analyze/index.js';

/**
 * Names under which datasets and scrapers give the publication date, most specific first; the
 * first one a line has is read (Timeline17 writes `pub_date`, TempEval-3 `dct`, JSON-LD
 * `datePublished`, many APIs `published_at` or `created_at`).
 */
export const DATE_FIELDS = [
  'published', 'pub_date', 'pubDate', 'pubdate', 'published_at', 'publishedAt', 'published_date', 'publishedDate',
  'datePublished', 'date_published', 'publication_date', 'publicationDate', 'publish_date', 'publishDate',
  'date', 'dct', 'created_at', 'createdAt', 'created', 'time', 'timestamp',
] as const;

/** Fields a JSON line may carry that Storyline reads (and the date field read); all others go to `extra`. */
const KNOWN_FIELDS = new Set(['id', 'url', 'title', 'text', 'html', 'outlet', 'author', 'language']);

/** A field name that suggests a date or time (`dateline_ts`, `updatedAt`, `crawl_time`): worth naming when it is not read. */
const DATE_LIKE_NAME = /date|time|publi|created|issued|dct/i;

export type JsonLine =
  | { ok: true; id: string | null; url: string | null; raw: RawDocument; extra: Record<string, unknown> | undefined }
  | { ok: false; code: string; message: string };

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** Seconds (10 digits) or milliseconds (13 digits) since 1970, as APIs write `created_at` or `time`, in ISO; else null. */
function epochDate(value: string | null): string | null {
  if (!value || !/^\d{10}(\d{3})?$/.test(value)) return null;
  return new Date(value.length === 10 ? +value * 1000 : +value).toISOString();
}

/** An ISO date or datetime kept as is; another readable date turned into ISO; null when unreadable. */
export function normaliseDate(value: string | null): string | null {
  if (!value) return null;
  // ISO-shaped but impossible ("2025-13-45") is unreadable: the caller keeps it aside with a warning.
  if (/^\d{4}(-\d{2}(-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$/.test(value)) return isPossibleIsoDate(value) ? value : null;
  const t = Date.parse(value);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

/** Field names listed in a no-content message: enough to recognise another schema, short enough for one line. */
const FIELDS_SHOWN = 6;
/** Longer field names are cut: a line of odd data must not print a wall of text. */
const FIELD_NAME_CHARS = 30;

/**
 * Why a line has nothing to read, naming the fields it does have, so that a file written for
 * another schema (`{"Id":…, "textCleaned":…}`) shows at once what to rename.
 */
export function noContentMessage(o: Record<string, unknown>): string {
  const keys = Object.keys(o);
  const shown = keys.slice(0, FIELDS_SHOWN).map((k) => (k.length > FIELD_NAME_CHARS ? `${k.slice(0, FIELD_NAME_CHARS - 1)}…` : k));
  const more = keys.length > FIELDS_SHOWN ? `, … (${keys.length} fields)` : '';
  const has = keys.length ? `the line has ${shown.join(', ')}${more}` : 'the line is an empty object';
  // A field that only differs in case is the likeliest slip: name it.
  const near = keys.filter((k) => /^(text|html)$/i.test(k) && k !== 'text' && k !== 'html');
  const hint = near.length ? ` (names are case-sensitive: '${near[0]}' is not '${near[0]!.toLowerCase()}')` : '';
  const emptyText = typeof o.text === 'string' || typeof o.html === 'string' ? '; its text/html is empty' : '';
  return `neither text nor html: ${has}${emptyText}; expected "text" (plain text) or "html", with optional id, url, title, published, outlet${hint}`;
}

/** Parses one JSON line into a raw document for the extract stage. `source` names the line. */
export function parseJsonLine(line: string, source: string, maxChars: number): JsonLine {
  if (line.length > maxChars) return { ok: false, code: 'too-large', message: `line of ${line.length} characters exceeds ${maxChars}` };
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (err) {
    return { ok: false, code: 'bad-json', message: `malformed JSON: ${(err as Error).message}` };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, code: 'bad-json', message: 'the line is not a JSON object' };
  const o = data as Record<string, unknown>;
  const html = str(o.html);
  const text = typeof o.text === 'string' ? o.text : null;
  if (!html && !(text && text.trim())) return { ok: false, code: 'no-content', message: noContentMessage(o) };
  const dateField = DATE_FIELDS.find((k) => str(o[k]) !== null);
  // Other date fields (`updated_at` beside `published`) are kept as they are.
  const extraEntries = Object.entries(o).filter(([k]) => !KNOWN_FIELDS.has(k) && k !== (dateField ?? 'published'));
  const url = str(o.url);
  const hints: RawDocument['hints'] = {};
  if (url) hints.url = url;
  const title = str(o.title);
  if (title) hints.title = title;
  const givenDate = dateField ? str(o[dateField]) : null;
  const published = epochDate(givenDate) ?? normaliseDate(givenDate);
  if (published) hints.published = published;
  // An unreadable date is kept as given, out of the way of date ordering.
  else if (givenDate) extraEntries.push(['publishedRaw', givenDate]);
  const outlet = str(o.outlet);
  if (outlet) hints.outlet = outlet;
  const author = str(o.author);
  if (author) hints.author = author;
  const language = str(o.language);
  if (language) hints.language = language;
  return {
    ok: true,
    id: str(o.id),
    url,
    raw: { source, kind: html ? 'html' : 'text', content: html ?? text!, hints },
    extra: extraEntries.length ? Object.fromEntries(extraEntries) : undefined,
  };
}

/**
 * The first field of an undated line whose name looks like a date (`dateline_ts`, `crawled`): the
 * line was most likely dated under a name this reader does not know. Null when the line was dated
 * (`raw.hints.published`) or has no such field.
 */
export function unreadDateField(raw: RawDocument, extra: Record<string, unknown> | undefined): string | null {
  if (raw.hints?.published) return null;
  return Object.keys(extra ?? {}).find((k) => k !== 'publishedRaw' && DATE_LIKE_NAME.test(k)) ?? null;
}

/** What to tell the sender, once per file or request, about a date-like field that was not read. */
export function unreadDateFieldWarning(field: string): string {
  return `field '${field.slice(0, 40)}' looks like a date but is not read: the publication date is read from ${DATE_FIELDS.slice(0, 6).join(', ')}, … (lines without one are stored undated unless their text dates them)`;
}

/**
 * What to tell the sender about a `published` value this reader could not read (parseJsonLine keeps
 * it as `extra.publishedRaw`), or null when there is none. The CLI and the API say the same.
 */
export function unreadDateWarning(extra: Record<string, unknown> | undefined): string | null {
  const raw = extra?.publishedRaw;
  return typeof raw === 'string' ? `published '${raw.slice(0, 60)}' is not a date (ISO 8601 or RFC 2822): ignored, kept as extra.publishedRaw` : null;
}
