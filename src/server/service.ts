/**
 * What the routes read and write, over one store: storyline listings with filters and paging,
 * stored storyline reports (built off the request thread when `reportBuilds` runs in the background),
 * articles, events, search, and submitted articles (through the ingest stage's own code). Built by
 * `createStorylineService`; every cache lives in the returned object.
 */
import { createHash } from 'node:crypto';
import { gzip } from 'node:zlib';
import { canonicalUrl, chooseProfile, createIngester, parseJsonLine, unreadDateField, unreadDateFieldWarning, unreadDateWarning, type DocItem, type InputItem, type Ingester, type ItemOutcome, type JsonLine } from '../ingest/index.js';
import { parseSearchText, type RawDocument, type SearchFilters, type SearchHit, type StoredArticle, type Storyline, type StorylinePage, type StorylineQuery } from '../model/index.js';
import { predateInputs } from '../pipeline/predate.js';
import { inlineReportBuilds, type ReportBuilds } from '../pipeline/report-builds.js';
import { isFresh, reportDocument, type ServedReport } from '../pipeline/stored-report.js';
import { refineStoredDates } from '../pipeline/refine-dates.js';
import { StoreBusyError, type Store, type StoredReport, type WriterHolder, type WriterLock } from '../store/index.js';
import { ApiError } from './errors.js';

export interface ServiceOptions {
  /** Storyline reports kept in memory: JSON text, parsed only once a page needs it (5.9 MB of JSON for the 687-article storyline of the server bench). */
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
  /**
   * Where reports are built: in the background (a worker thread, `workerReportBuilds`), so a request is answered
   * from what is stored; left out, on the request's own thread, awaited (a store in memory, tests).
   */
  reportBuilds?: ReportBuilds;
  /** Where failures of background work are told (a report that failed to build or to store). */
  log?: (message: string) => void;
  /** How often (ms) a server building in the background looks for reports made stale by another process's writes. */
  staleCheckMs: number;
}

export const DEFAULT_SERVICE_OPTIONS: ServiceOptions = { reportCacheSize: 64, maxItemsPerPost: 1000, maxLineChars: 4 * 2 ** 20, staleCheckMs: 5000 };

/** Filters and paging of the storyline listing (the store's query; `limit` and `offset` always given here). */
export type { StorylinePage, StorylineQuery };

export type { ServedReport };

/**
 * A storyline's report as the service has it, by the id it is stored under now (after merges): `fresh`
 * describes the storyline as it is; `stale` an earlier version (a newer one is being built); `building`
 * means none is stored yet (come back shortly).
 */
export type ReportLookup = StoredLookup | { id: string; state: 'building' };

export interface StoredLookup {
  id: string;
  state: 'fresh' | 'stale';
  builtAt: string;
  version: number;
  /** The report, parsed on first use (a large one is megabytes of JSON: the API never parses it). */
  readonly report: ServedReport;
  /** The JSON document served (`reportDocument`) as bytes, encoded once per report for the id asked by its current one. */
  document(asked: string): Uint8Array<ArrayBuffer>;
  /**
   * That document gzipped, or null until it is ready: compressed once, off this thread (zlib's thread pool),
   * after it was first asked for (a 5.9 MB report is a few hundred kB gzipped).
   */
  gzipped(asked: string): Uint8Array<ArrayBuffer> | null;
}

/** A stored report kept in memory, with what was derived from it on demand. */
interface KeptReport {
  stored: StoredReport;
  parsed?: ServedReport;
  documents: { fresh?: EncodedDocument; stale?: EncodedDocument };
}

interface EncodedDocument {
  bytes: Uint8Array<ArrayBuffer>;
  gzipped?: Uint8Array<ArrayBuffer>;
  gzipping?: boolean;
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
  /**
   * The report of a storyline (following merges), or null when unknown. Fresh when stored for the storyline's
   * version; else a build is asked for and, when builds run in the background, the stale one (or `building`)
   * is answered at once.
   */
  report(id: string): Promise<ReportLookup | null>;
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
  const reports = new Map<string, KeptReport>();
  const builds = opts.reportBuilds ?? inlineReportBuilds(store);
  const log = opts.log ?? ((m: string) => console.error(m));
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

  /** A stored report kept (most recent last; the oldest dropped past `reportCacheSize`). */
  function remember(stored: StoredReport | null, kept?: KeptReport): KeptReport | null {
    if (!stored) return null;
    const entry = kept ?? { stored, documents: {} };
    reports.delete(stored.storylineId);
    reports.set(stored.storylineId, entry);
    while (reports.size > opts.reportCacheSize) reports.delete(reports.keys().next().value!);
    return entry;
  }

  function served(entry: KeptReport, state: 'fresh' | 'stale'): StoredLookup {
    const { stored } = entry;
    const id = stored.storylineId;
    const encode = (asked: string) => new TextEncoder().encode(reportDocument(stored.json, id, asked, state === 'stale'));
    // Encoded once: a large report is megabytes, too much to encode again for every request.
    const encoded = () => (entry.documents[state] ??= { bytes: encode(id) });
    return {
      id,
      state,
      builtAt: stored.builtAt,
      version: stored.version,
      get report() {
        entry.parsed ??= JSON.parse(stored.json) as ServedReport;
        return entry.parsed;
      },
      document: (asked) => (asked === id ? encoded().bytes : encode(asked)),
      gzipped(asked) {
        if (asked !== id) return null;
        const doc = encoded();
        if (!doc.gzipped && !doc.gzipping) {
          doc.gzipping = true;
          gzip(doc.bytes, (err, out) => {
            if (err) log(`storyline serve: gzip of the report of ${id}: ${err.message}`);
            else doc.gzipped = new Uint8Array(out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength));
          });
        }
        return doc.gzipped ?? null;
      },
    };
  }

  let closing = false;
  /** Builds under way, by storyline id, with the version each started from. */
  const building = new Map<string, { version: number; done: Promise<KeptReport | null> }>();

  /** Builds a storyline's report (one build per version) and stores it. */
  function rebuild(storylineId: string, version: number): Promise<KeptReport | null> {
    const under = building.get(storylineId);
    if (under && under.version >= version) return under.done;
    const done = buildAndStore(storylineId, version).finally(() => {
      if (building.get(storylineId)?.done === done) building.delete(storylineId);
    });
    building.set(storylineId, { version, done });
    // Nobody awaits a background build: its failure is logged (and the next request asks again).
    if (builds.background) done.catch((err: Error) => closing || log(`storyline serve: ${err.message}`));
    return done;
  }

  /** Kept in memory too, so a read-only store still serves what was built. */
  async function buildAndStore(storylineId: string, version: number): Promise<KeptReport | null> {
    const built = await builds.build(storylineId, version);
    if (!built) return null;
    try {
      await store.saveReport(built);
    } catch (err) {
      log(`storyline serve: the report of ${storylineId} was built but not stored: ${(err as Error).message}`);
    }
    return remember(built);
  }

  /** Stored reports of storylines that changed are built again in the background, before anyone asks. */
  async function refreshStale(): Promise<void> {
    if (!builds.background) return;
    for (const id of await store.staleReports()) {
      const version = await store.storylineVersion(id);
      if (version !== null) void rebuild(id, version);
    }
  }

  // Another process (`storyline ingest`) writes without telling this one: the store's last arrival sequence is
  // looked at now and then, and the stored reports its writes made stale are built again (the first look also
  // catches up on what was written while the server was down).
  let lookedAtSeq = -1;
  const otherWrites = builds.background
    ? setInterval(() => {
        void (async () => {
          const seq = await store.lastSeq();
          if (seq === lookedAtSeq) return;
          lookedAtSeq = seq;
          await refreshStale();
        })().catch((err: Error) => log(`storyline serve: ${err.message}`));
      }, opts.staleCheckMs)
    : null;
  otherWrites?.unref();

  async function resolveStoryline(id: string): Promise<string | null> {
    return (await store.getStoryline(id))?.id ?? null;
  }

  return {
    version,
    resolveStoryline,
    listStorylines: (q) => store.listStorylines(q),
    async report(id) {
      const current = await store.resolveId('storyline', id);
      const version = await store.storylineVersion(current);
      if (version === null) return null;
      let known = reports.get(current) ?? null;
      // Another process (`storyline story`) may have stored a newer one: read the store unless a build is under way.
      if (!(known && isFresh(known.stored, version)) && !building.has(current)) known = remember(await store.getReport(current)) ?? known;
      if (known && isFresh(known.stored, version)) return served(remember(known.stored, known)!, 'fresh');
      const rebuilt = rebuild(current, version);
      if (!builds.background) {
        const built = await rebuilt;
        return built ? served(built, 'fresh') : null;
      }
      // Never on the request thread: what is stored now, marked, while the worker builds the new one.
      return known ? served(known, 'stale') : { id: current, state: 'building' };
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
        await refreshStale();
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
      // A build cut short by closing is not a failure to report.
      closing = true;
      if (otherWrites) clearInterval(otherWrites);
      await writes;
      await builds.close();
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
