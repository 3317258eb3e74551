/**
 * What the routes read and write, over one store: storyline listings with filters and paging,
 * cached storyline reports, articles, events, search, and submitted articles (through the ingest
 * stage's own code). Built by `createStorylineService`; every cache lives in the returned object.
 */
import { createHash } from 'node:crypto';
import { canonicalUrl, chooseProfile, createIngester, parseJsonLine, unreadDateField, unreadDateFieldWarning, unreadDateWarning, type DocItem, type InputItem, type Ingester, type ItemOutcome, type JsonLine } from '../ingest/index.js';
import { parseSearchText, type RawDocument, type ReportEvent, type SearchFilters, type SearchHit, type StoredArticle, type Storyline, type StorylinePage, type StorylineQuery, type StorylineReport } from '../model/index.js';
import { predateInputs } from '../pipeline/predate.js';
import { buildStorylineReport } from '../pipeline/report.js';
import { refineStoredDates } from '../pipeline/refine-dates.js';
import { StoreBusyError, type Store, type WriterHolder, type WriterLock } from '../store/index.js';
import { ApiError } from './errors.js';

export interface ServiceOptions {
  /** Storyline reports kept in memory (each is a few hundred kB for a large storyline). */
  reportCacheSize: number;
  /** Most items one POST may carry (the body limit bounds bytes; this bounds the work). */
  maxItemsPerPost: number;
  /** Longest JSON line accepted, in characters (the ingest stage's own limit). */
  maxLineChars: number;
  /**
   * Takes the store's writer lock for one request, or says who holds it (another process ingesting).
   * Left out: this service is the store's only writer (tests, an in-memory store).
   */
  claimWrites?: () => WriterLock | WriterHolder | Promise<WriterLock | WriterHolder>;
}

export const DEFAULT_SERVICE_OPTIONS: ServiceOptions = { reportCacheSize: 64, maxItemsPerPost: 1000, maxLineChars: 4 * 2 ** 20 };

/** Filters and paging of the storyline listing (the store's query; `limit` and `offset` always given here). */
export type { StorylinePage, StorylineQuery };

/**
 * A report as served: `title` is the storyline's stored title (what the listing shows) and each
 * event carries its stored `title`, so every view names a storyline or event the same way; the
 * report's `headline` is the latest wording, shown beside the title when it differs.
 */
export type ServedReport = Omit<StorylineReport, 'events'> & { title: string; events: (ReportEvent & { title: string })[] };

/** A storyline report with the id it is stored under now (after merges) and the storyline's key when it was built. */
export interface CachedReport {
  id: string;
  report: ServedReport;
  /** `storylineKey` of the storyline at build time: the entry is valid while the key is unchanged. */
  key: string;
}

/**
 * What changes whenever a storyline's content does: articles are never deleted, so a new article
 * raises the count; a merge or a moved event changes the event list; a date widens the range. (A
 * crash replay that moves an article between two events of one storyline changes none of these:
 * its page is stale until the storyline next changes.)
 */
export function storylineKey(s: Storyline): string {
  return `${s.articleCount}|${s.firstDate ?? ''}|${s.lastDate ?? ''}|${s.eventIds.join(',')}`;
}

/** One event with its articles' metadata. */
export interface EventView {
  id: string;
  storylineId: string;
  /** The stored event title (the same `title` the storyline report gives the event). */
  title: string;
  firstDate: string | null;
  lastDate: string | null;
  articles: ArticleSummary[];
}

export interface ArticleSummary {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  duplicateOf: string | null;
}

export interface SearchResult {
  query: string;
  articles: SearchHit[];
  storylines: { id: string; title: string; articleCount: number; outlets: string[]; hits: number }[];
}

/** What happened to one submitted item. */
export interface PostedItem {
  item: number;
  /** The id the item was stored under, else the id it gave (null when it gave none). */
  id: string | null;
  outcome: ItemOutcome;
  /** Why an item was skipped: `already-stored` (updates are not supported yet; the stored version is kept). */
  reason?: 'already-stored';
  /** The stored article the skipped item matched (by id or canonical URL). */
  storedId?: string;
  /** A sentence for people, next to `reason`. */
  message?: string;
  /** Something accepted but not as given (an unreadable date stored as null). */
  warning?: { code: string; message: string };
  error?: { code: string; message: string };
}

export interface StorylineService {
  /** Changes whenever an article is stored: the key every cache is checked against. */
  version(): Promise<number>;
  listStorylines(q: StorylineQuery & { limit: number; offset: number }): Promise<StorylinePage>;
  /** The current id of a storyline (following merges), or null when unknown. */
  resolveStoryline(id: string): Promise<string | null>;
  /** The cache key of a storyline by its current id (see `storylineKey`), or null when unknown. */
  storylineKey(id: string): Promise<string | null>;
  report(id: string): Promise<CachedReport | null>;
  /** Publication dates of a storyline's articles (for its coverage chart), cached per storyline key. */
  publicationDates(s: Storyline): Promise<(string | null)[]>;
  article(id: string): Promise<StoredArticle | null>;
  event(id: string): Promise<EventView | null>;
  /** Articles matching the typed query (see `parseSearchText`), and the storylines they are in. */
  search(query: string, limit: number, filters?: SearchFilters): Promise<SearchResult>;
  /** Ingests a request body of JSON (one object or an array) or JSON lines; writes run one at a time. */
  submit(body: string): Promise<{ items: PostedItem[]; counts: Record<ItemOutcome, number> }>;
  /** Saves the clusterer snapshot of submitted articles (call before closing the store). */
  close(): Promise<void>;
}

/** Builds the service over a store (the store stays the caller's to close). */
export function createStorylineService(store: Store, options: Partial<ServiceOptions> = {}): StorylineService {
  const opts = { ...DEFAULT_SERVICE_OPTIONS, ...options };
  // Map insertion order doubles as recency: a hit is re-inserted, the oldest entry is dropped.
  const reports = new Map<string, CachedReport>();
  const dates = new Map<string, { key: string; dates: (string | null)[] }>();
  let ingester: Ingester | null = null;
  /** The store's last arrival sequence when this service last wrote: another writer moves it. */
  let seenSeq = -1;

  /** The writer lock for one request, or a 503 naming the process that holds it. */
  async function claimWrites(): Promise<WriterLock | null> {
    const got = await opts.claimWrites?.();
    if (!got) return null;
    if (!('release' in got)) throw new ApiError(503, 'store-busy', new StoreBusyError(got).message);
    return got;
  }
  let writes: Promise<unknown> = Promise.resolve();

  const version = () => store.lastSeq();

  /**
   * The clustering profile the ingester uses: the store's saved one (replay included), else, on a new store, the one
   * the first request's articles suggest, as `storyline ingest --profile auto` does with its first articles.
   */
  async function profileFor(docs: RawDocument[]) {
    async function* items(): AsyncGenerator<DocItem> {
      for (const [i, raw] of docs.entries()) yield { type: 'doc', id: `sample-${i}`, url: null, source: 'api', position: null, load: async () => raw };
    }
    return (await chooseProfile(store, 'auto', items())).profile;
  }

  async function resolveStoryline(id: string): Promise<string | null> {
    return (await store.getStoryline(id))?.id ?? null;
  }

  return {
    version,
    resolveStoryline,
    async storylineKey(id) {
      const line = await store.getStoryline(id);
      return line ? storylineKey(line) : null;
    },
    listStorylines: (q) => store.listStorylines(q),
    async report(id) {
      const line = await store.getStoryline(id);
      if (!line) return null;
      const current = line.id;
      const key = storylineKey(line);
      const hit = reports.get(current);
      if (hit && hit.key === key) {
        reports.delete(current);
        reports.set(current, hit);
        return hit;
      }
      const built = await buildStorylineReport(store, current);
      if (!built) return null;
      // The report names each event by its stored title already (the store's rule); the headline stands in for an untitled one.
      const events: ServedReport['events'] = built.events.map((e) => ({ ...e, title: e.title || e.headline }));
      const report: ServedReport = { title: built.storylineTitle || line.title || built.headline, ...built, events };
      const entry = { id: current, report, key };
      reports.delete(current);
      reports.set(current, entry);
      while (reports.size > opts.reportCacheSize) reports.delete(reports.keys().next().value!);
      return entry;
    },
    async publicationDates(s) {
      const key = storylineKey(s);
      const hit = dates.get(s.id);
      if (hit && hit.key === key) return hit.dates;
      const out = ((await store.storylineContents(s.id))?.articles ?? []).map((a) => a.published ?? null);
      // Bounded like the report cache: one entry per storyline shown recently.
      if (dates.size >= opts.reportCacheSize * 4) dates.delete(dates.keys().next().value!);
      dates.set(s.id, { key, dates: out });
      return out;
    },
    article: (id) => store.getArticle(id),
    async event(id) {
      const current = await store.resolveId('event', id);
      const e = await store.getEvent(current);
      if (!e) return null;
      const articles: ArticleSummary[] = (await store.getArticles(e.articleIds)).map((a) => ({ id: a.id, title: a.title, outlet: a.outlet, published: a.published, duplicateOf: a.duplicateOf }));
      return { id: e.id, storylineId: e.storylineId, title: e.title, firstDate: e.firstDate, lastDate: e.lastDate, articles };
    },
    async search(query, limit, filters) {
      // The typed grammar (words all required, "quoted phrases", no operators), read in one place.
      const articles = await store.search({ ...parseSearchText(query), filters, limit });
      const hitsPerLine = new Map<string, number>();
      for (const h of articles) if (h.storylineId) hitsPerLine.set(h.storylineId, (hitsPerLine.get(h.storylineId) ?? 0) + 1);
      // A storyline is listed through its matching articles only, so `hits` is never 0.
      const lines = hitsPerLine.size ? (await store.listStorylines({ ids: [...hitsPerLine.keys()] })).items : [];
      const matching = lines
        .map((s) => ({ id: s.id, title: s.title, articleCount: s.articleCount, outlets: s.outlets, hits: hitsPerLine.get(s.id)! }))
        .sort((a, b) => b.hits - a.hits || b.articleCount - a.articleCount)
        .slice(0, limit);
      return { query, articles, storylines: matching };
    },
    async submit(body) {
      const lines = splitBody(body);
      if (lines.length === 0) throw new ApiError(400, 'empty', 'the body holds no article: send a JSON object, an array of objects, or JSON lines');
      if (lines.length > opts.maxItemsPerPost) throw new ApiError(413, 'too-many-items', `at most ${opts.maxItemsPerPost} articles per request, got ${lines.length}`);
      const parsed = lines.map((line, i) => ({ line, i: i + 1, p: parseJsonLine(line, `api item ${i + 1}`, opts.maxLineChars) }));
      // Nothing readable at all is a malformed request; some bad lines among good ones are per-item errors.
      if (parsed.every((x) => !x.p.ok && x.p.code === 'bad-json')) {
        const first = parsed[0]!.p as { message: string };
        throw new ApiError(400, 'bad-json', `the body is not JSON or JSON lines: ${first.message}`);
      }
      const run = async () => {
        // Another process stored articles since this one's last request: its clusterer no longer knows the store.
        // Built again from the saved snapshot and the articles after it, as a restart would.
        if (ingester && (await store.lastSeq()) !== seenSeq) ingester = null;
        ingester ??= await createIngester(store, { profile: await profileFor(parsed.flatMap((x) => (x.p.ok ? [x.p.raw] : []))) });
        const items: PostedItem[] = [];
        const counts: Record<ItemOutcome, number> = { added: 0, duplicate: 0, skipped: 0, unchanged: 0, error: 0 };
        const toldDateFields = new Set<string>();
        const checked = parsed.map((x) => {
          const given = givenFields(x.line);
          return { ...x, given, bad: given ? fieldTypeError(given) : null };
        });
        // Articles dated only by their text are dated against the others of the request before they are grouped.
        const docs = checked.flatMap(({ line, i, p, bad }) => (p.ok && !bad ? [{ i, item: postedItem(line, i, p) }] : []));
        const ready = new Map<number, InputItem>();
        let k = 0;
        for await (const item of predateInputs(listed(docs.map((d) => d.item)), async (x) => (await store.getArticle(x.id)) !== null)) ready.set(docs[k++]!.i, item);
        for (const { i, p, given, bad } of checked) {
          if (!p.ok || bad) {
            const error = bad ?? { code: (p as { code: string }).code, message: (p as { message: string }).message };
            items.push({ item: i, id: given ? givenId(given) : null, outcome: 'error', error });
            counts.error++;
            continue;
          }
          if (!p.ok) continue;
          const item = ready.get(i) as DocItem;
          const id = item.id;
          const raw = p.raw;
          const outcome = await ingester.ingest(item);
          counts[outcome]++;
          const e = outcome === 'error' ? ingester.lastError : null;
          const result: PostedItem = { item: i, id, outcome, ...(e ? { error: { code: e.code, message: e.message } } : {}) };
          if (outcome === 'skipped') {
            // Known by id or by canonical URL: name the stored article, since nothing was changed.
            const canonical = canonicalUrl(p.url);
            const stored = (await store.getArticle(id)) ?? (canonical ? await store.getArticleByUrl(canonical) : null);
            result.reason = 'already-stored';
            if (stored) result.storedId = stored.id;
            result.message = `already stored${stored && stored.id !== id ? ` as '${stored.id}' (same URL)` : ''}: updates are not supported yet, the stored version is kept`;
          }
          const stored = outcome === 'added' || outcome === 'duplicate';
          const warning = stored ? unreadDateWarning(p.extra) : null;
          // A date-like field this reader does not know is named once per request, on its first item.
          const field = stored && !warning ? unreadDateField(raw, p.extra) : null;
          const kept = ingester.lastKeptOut;
          if (kept) result.warning = { code: 'not-an-article', message: kept.message };
          else if (warning) result.warning = { code: 'bad-date', message: warning };
          else if (field && !toldDateFields.has(field)) {
            toldDateFields.add(field);
            result.warning = { code: 'unread-date-field', message: unreadDateFieldWarning(field) };
          }
          items.push(result);
        }
        // Loosely dated articles are re-dated from their storylines before anyone reads them back.
        await refineStoredDates(store, ingester.looselyDated);
        ingester.looselyDated.clear();
        // A 201 promises the articles are stored: commit the store's open batch first.
        await store.flush();
        seenSeq = await store.lastSeq();
        return { items, counts };
      };
      // Writes run one at a time, each holding the store's writer lock: the clusterer is one state, placed article by article.
      const locked = async () => {
        const lock = await claimWrites();
        try {
          return await run();
        } finally {
          lock?.release();
        }
      };
      const result = writes.then(locked, locked);
      writes = result.catch(() => undefined);
      return result;
    },
    async close() {
      await writes;
      if (!ingester) return;
      // The snapshot is saved only by the store's writer, and only while it still describes the store: else the
      // next writer replays these articles from the store, as after a crash.
      const lock = await opts.claimWrites?.();
      if (lock && !('release' in lock)) return;
      try {
        if ((await store.lastSeq()) === seenSeq) await ingester.finish();
      } finally {
        lock?.release();
      }
    },
  };
}

/** A posted line as an input item. Without an id or URL an item is known by its content, so sending it twice stores it once. */
function postedItem(line: string, i: number, p: Extract<JsonLine, { ok: true }>): DocItem {
  const id = p.id ?? canonicalUrl(p.url) ?? `api:${createHash('sha256').update(line).digest('hex').slice(0, 24)}`;
  return { type: 'doc', id, url: p.url, source: 'api', position: `item ${i} (${id})`, extra: p.extra, load: async () => p.raw };
}

async function* listed<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

/** The fields of one item as sent, or null when the line is not a JSON object. */
function givenFields(line: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(line);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The id an item gave, as text (a number id is a common client habit), else null. */
function givenId(o: Record<string, unknown>): string | null {
  return typeof o.id === 'string' && o.id.trim() ? o.id : typeof o.id === 'number' ? String(o.id) : null;
}

/** Fields read as text when present (the ingest stage reads a number as its digits, and drops anything else silently). */
const TEXT_FIELDS = ['id', 'url', 'title', 'text', 'html', 'published', 'outlet', 'author', 'language'] as const;

/** A clear error for a known field of the wrong type (`"text": 12345`), or null when all are fine. */
export function fieldTypeError(o: Record<string, unknown>): { code: string; message: string } | null {
  for (const f of TEXT_FIELDS) {
    const v = o[f];
    if (v === undefined || v === null || typeof v === 'string') continue;
    // Numbers pass where ingest reads them as text (ids, years); the body text must be text.
    if (typeof v === 'number' && f !== 'text') continue;
    return { code: 'bad-field', message: `${f} must be a string, not ${Array.isArray(v) ? 'an array' : typeof v}` };
  }
  return null;
}

/** The items of a body: one JSON object, a JSON array of objects, or JSON lines (as text lines). */
export function splitBody(body: string): string[] {
  const text = body.replace(/^\uFEFF/, '').trim();
  if (!text) return [];
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      const whole: unknown = JSON.parse(text);
      if (Array.isArray(whole)) return whole.map((x) => JSON.stringify(x));
      return [JSON.stringify(whole)];
    } catch {
      // Not one JSON value: JSON lines, read line by line below.
    }
  }
  return text.split(/\r?\n/).filter((l) => l.trim());
}
