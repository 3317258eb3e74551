/**
 * The ingest pipeline: for each input item — skip it when already stored (same id or canonical
 * URL), clean it (extract stage), check it for duplicates, place it with the clusterer, and store
 * it with its assignment in one transaction. The clusterer's snapshot is saved every N articles
 * and at the end; on start the snapshot is restored and any article stored after it is replayed.
 * The clusterer's options come from the store's clustering profile (`news` or `headlines`), saved with
 * the first article: a snapshot is only valid with the options it was built with.
 */
import { createStoryClusterer, SHORT_TEXT_FEW_GROUPS_CLUSTER_OPTIONS, suggestClusterOptions, type StoryClustererOptions } from '../cluster/index.js';
import type { Assignment, ClusterDoc, StoryClusterer } from '../cluster/types.js';
import { createDuplicateDetector, type DedupeOptions, type DuplicateDetector } from '../dedupe/index.js';
import { extractDocument } from '../extract/index.js';
import type { Article, EventUpsert, ExtractFailure, IngestError, RawDocument, StoredArticle } from '../model/index.js';
import { StoreConflictError } from '../store/errors.js';
import type { Store, StoreTransaction } from '../store/store.js';
import { canonicalUrl, linkUrl } from './canonical-url.js';
import type { DocItem, InputItem } from './sources.js';

/** Clustering profiles a store can be built with: full news articles, or bare headlines (MStream-like streams). */
export type ClusterProfile = 'news' | 'headlines';

/** What a user asks for: a profile, or `auto` (the store's saved one, else the one a sample of the input suggests). */
export type ProfileChoice = ClusterProfile | 'auto';

/** The clusterer options of each profile (from the cluster stage, which tunes them). */
export const CLUSTER_PROFILES: Readonly<Record<ClusterProfile, Partial<StoryClustererOptions>>> = {
  news: {},
  headlines: SHORT_TEXT_FEW_GROUPS_CLUSTER_OPTIONS,
};

/** Articles read ahead to choose a profile: enough for a stable median length, few enough to hold in memory. */
export const PROFILE_SAMPLE_SIZE = 100;

/** Longest article id accepted: URLs run to a few hundred characters, and 2,048 is what browsers and proxies reliably pass. */
export const MAX_ID_CHARS = 2048;

/**
 * Fewest articles a profile is suggested from; below it `news`, the profile every kind of input works
 * with (reason: one headline posted first used to make a store a headline store for good, and the
 * median length the suggestion reads is no measure on one or two texts).
 */
export const MIN_PROFILE_SAMPLE = 5;

/** True for a profile name (`news`, `headlines`). */
export function isClusterProfile(name: string): name is ClusterProfile {
  return Object.hasOwn(CLUSTER_PROFILES, name);
}

/**
 * An explicit profile that differs from the one the store was built with: the clusterer's state is only valid with
 * the options it was built with, so switching would silently mix two models.
 */
export class ProfileMismatchError extends Error {
  constructor(
    readonly saved: ClusterProfile,
    readonly asked: ClusterProfile,
  ) {
    super(`this database was built with the '${saved}' clustering profile, not '${asked}': use a new database (--db OTHER.db) for '${asked}', or leave --profile out to go on with '${saved}'`);
    this.name = 'ProfileMismatchError';
  }
}

/**
 * A bare headline: an item whose cleaned text is its title (see {@link cleanItem}). The clusterer sees it without a
 * title, as the headline profile was tuned (MStream: text only).
 */
function isBareHeadline(a: Pick<Article, 'title' | 'text'>): boolean {
  return a.title !== null && a.title === a.text;
}

/**
 * The profile that a sample of a stream's first articles suggests (the cluster stage's `suggestClusterOptions`):
 * `headlines` for bare short texts without titles, else `news`.
 * @example suggestProfile([{ title: 'latvian pm resigns after mall roof collapse', text: 'latvian pm resigns after mall roof collapse' }]) // → 'headlines'
 */
export function suggestProfile(sample: readonly Pick<Article, 'title' | 'text'>[]): ClusterProfile {
  const docs = sample.map((a) => ({ title: isBareHeadline(a) ? null : a.title, text: a.text }));
  return suggestClusterOptions(docs) === SHORT_TEXT_FEW_GROUPS_CLUSTER_OPTIONS ? 'headlines' : 'news';
}

/**
 * Cleans a loaded document into an article (the extract stage), keeping a bare headline: a title-less one-line item
 * (`{"text": "latvian pm resigns after mall roof collapse"}`) comes out of the plain-text cleaner as a title with an
 * empty body, which would be refused as empty; its one line is its text (and stays its title, for display).
 */
export function cleanItem(raw: RawDocument): Article {
  const article = extractDocument(raw);
  // Only a plain text of one line: a text that repeats the title its container gave is kept by the extract stage,
  // and a page whose other lines the cleaner removed as boilerplate has no content.
  const oneLine = raw.kind === 'text' && !raw.hints?.title && !/\n/.test(raw.content.trim());
  if (oneLine && !article.text.trim() && article.title?.trim()) return { ...article, text: article.title };
  return article;
}

/** A document item read ahead (to choose the profile, to date a batch): loaded once, and cleaned once. */
export type CleanedDocItem = DocItem & { cleaned?: Article };

/**
 * Loads and cleans a document item ahead of its ingestion: the item comes back replaying what its load
 * gave (a failure too, thrown again), with its cleaned article when it has one. Nothing is stored.
 */
export async function readAhead(item: DocItem): Promise<CleanedDocItem> {
  // Settled, not a rejected promise kept for later (an unhandled rejection would end the process).
  let loaded: { raw: RawDocument | ExtractFailure } | { error: unknown };
  try {
    loaded = { raw: await item.load() };
  } catch (error) {
    loaded = { error };
  }
  const load = async (): Promise<RawDocument | ExtractFailure> => {
    if ('error' in loaded) throw loaded.error;
    return loaded.raw;
  };
  const ready: CleanedDocItem = { ...item, load };
  if ('raw' in loaded && !('error' in loaded.raw)) {
    try {
      ready.cleaned = cleanItem(loaded.raw);
    } catch {
      // The ingester cleans it again and records the failure with the item's position.
    }
  }
  return ready;
}

/**
 * Reads up to `size` articles ahead from `items` (loading and cleaning each once) and gives them back with the rest:
 * `items` of the result yields every input item once, in order, sampled ones loaded already; `sample` holds the
 * cleaned articles. Nothing is stored: a crash while sampling loses nothing.
 */
export async function sampleInputs(items: AsyncIterable<InputItem>, size: number = PROFILE_SAMPLE_SIZE): Promise<{ items: AsyncIterable<InputItem>; sample: Article[] }> {
  const source = items[Symbol.asyncIterator]();
  const ahead: InputItem[] = [];
  const sample: Article[] = [];
  let done = false;
  while (sample.length < size) {
    const next = await source.next();
    if (next.done) {
      done = true;
      break;
    }
    const item = next.value;
    if (item.type !== 'doc') {
      ahead.push(item);
      continue;
    }
    const sampled = await readAhead(item);
    if (sampled.cleaned?.text.trim()) sample.push(sampled.cleaned);
    ahead.push(sampled);
  }
  async function* all(): AsyncGenerator<InputItem> {
    yield* ahead;
    if (done) return;
    for (;;) {
      const next = await source.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { items: all(), sample };
}

/**
 * Settles which profile a run uses on a store: the saved one (an explicit `choice` that differs throws
 * {@link ProfileMismatchError}); on a store that already has articles but no saved profile, `news` (what it was built
 * with); on a new store, `choice`, or for `auto` the profile that a sample of the first articles of `items` suggests.
 * Returns the items to ingest (with the sampled ones read ahead) and the profile for `createIngester`, which saves it
 * with the first article.
 * @example
 *   const { profile, items } = await chooseProfile(store, 'auto', readInputs(paths, ctx));
 *   const ingester = await createIngester(store, { profile });
 */
export async function chooseProfile(
  store: Store,
  choice: ProfileChoice,
  items: AsyncIterable<InputItem>,
  size: number = PROFILE_SAMPLE_SIZE,
): Promise<{ profile: ClusterProfile; items: AsyncIterable<InputItem>; sampled: number | null }> {
  const built = await builtProfile(store);
  if (built) {
    if (choice !== 'auto' && choice !== built) throw new ProfileMismatchError(built, choice);
    return { profile: built, items, sampled: null };
  }
  if (choice !== 'auto') return { profile: choice, items, sampled: null };
  const ahead = await sampleInputs(items, size);
  const profile = ahead.sample.length >= MIN_PROFILE_SAMPLE ? suggestProfile(ahead.sample) : 'news';
  return { profile, items: ahead.items, sampled: ahead.sample.length };
}

/** The profile a store was built with: the saved one, else `news` when it has articles (stored before profiles were saved), else null. */
async function builtProfile(store: Store): Promise<ClusterProfile | null> {
  const saved = await store.loadClusterProfile();
  if (saved !== null) {
    // A name this version does not know (a newer Storyline's): refusing beats clustering with the wrong model.
    if (!isClusterProfile(saved)) throw new Error(`store: unknown clustering profile '${saved}' (this Storyline knows ${Object.keys(CLUSTER_PROFILES).join(', ')})`);
    return saved;
  }
  return (await store.lastSeq()) > 0 ? 'news' : null;
}

export interface IngestOptions {
  /** Clusterer options as given (benches, experiments): no profile is read or saved. Left out: the profile's. */
  cluster: Partial<StoryClustererOptions>;
  /**
   * The profile for a store that has none saved (default `news`); a saved one that differs throws
   * {@link ProfileMismatchError}. Saved in the store with the first article stored.
   */
  profile?: ClusterProfile;
  dedupe: Partial<DedupeOptions>;
  /** Save the clusterer snapshot after this many new (non-duplicate) articles, at least. */
  snapshotEvery: number;
  /**
   * …or after this share of the stored articles, when more: a snapshot costs time in proportion
   * to the store, so spacing them geometrically keeps the total cost linear, and a crash replays
   * at most this share.
   */
  snapshotGrowth: number;
  /** Clock, for tests. */
  now: () => Date;
  /** Builds the clusterer (restoring `snapshot`); the default is `createStoryClusterer(cluster, snapshot)`. */
  createClusterer?: (snapshot: string | undefined) => StoryClusterer;
}

export const DEFAULT_INGEST_OPTIONS: IngestOptions = { cluster: {}, dedupe: {}, snapshotEvery: 1000, snapshotGrowth: 0.1, now: () => new Date() };

/** What happened to one input item. */
export type ItemOutcome = 'added' | 'duplicate' | 'skipped' | 'unchanged' | 'error';

export interface IngestCounts {
  added: number;
  duplicates: number;
  /** Already stored (same id or canonical URL): ingesting twice adds nothing. */
  skipped: number;
  /** Feeds that answered 304 Not Modified. */
  unchanged: number;
  errors: number;
  /** Pages stored but kept out of events: listings, shops, forums (counted in `added` too). */
  keptOut: number;
}

/** Where the time goes: CPU milliseconds per stage (user + system; honest on a shared machine). */
export interface IngestTimings {
  /** Loading the raw document and cleaning it (extract stage). */
  extract: number;
  /** Fingerprint and duplicate check. */
  dedupe: number;
  cluster: number;
  /** Store lookups (already stored?) and the save transaction. */
  store: number;
}

export interface Ingester {
  /** Handles one input item; errors are recorded in the store, never thrown. */
  ingest(item: InputItem): Promise<ItemOutcome>;
  /** The clustering profile in use (null when the clusterer options were given as they are). */
  readonly profile: ClusterProfile | null;
  readonly counts: IngestCounts;
  /** Articles replayed into the clusterer on start (stored after the last snapshot). */
  readonly replayed: number;
  /** The error recorded by the last `ingest` call that returned 'error'. */
  readonly lastError: IngestError | null;
  /** Set when the last item ingested was stored but kept out of events (a page that is no article), with why. */
  readonly lastKeptOut: { source: string; position: string | null; message: string } | null;
  /** CPU milliseconds spent per stage so far (this process). */
  readonly timings: IngestTimings;
  /**
   * Storylines (ids as assigned; merges may have redirected them since) that received an article of
   * this run with no firm date (undated, or inferred from its text): those whose dates the storyline
   * can refine (see `refineStoredDates` in the pipeline). A caller that keeps one ingester for many
   * runs (the server) clears it once it has refined them.
   */
  readonly looselyDated: Set<string>;
  /** Saves the clusterer snapshot and commits the store; call at the end of a run. */
  finish(): Promise<void>;
}

/**
 * The date the clusterer reads. A month (`2024-01`) is read from its middle, as reports read it (reason: the
 * clusterer reads days only, and an article dated to a month was placed as undated, fitting an event of any date:
 * seed 000 joined the June 2023 invitation) — unless the month was guessed from the article's text alone, with no
 * other article behind it: such guesses are often a year off, and read as days they split ECB+ events and
 * storylines end to end (`storyline ingest` on ECB+, 719 articles: events B³ F1 0.827 → 0.797, storyline precision 0.976 → 0.949).
 * @example clusterDate({ published: '2024-01', publishedFrom: 'metadata' }) // → '2024-01-15'
 */
export function clusterDate(a: Pick<Article, 'published' | 'publishedFrom' | 'publishedEvidence'>): string | null {
  if (!a.published || !/^\d{4}-\d{2}$/.test(a.published)) return a.published;
  const textOnly = a.publishedFrom === 'inferred' && !a.publishedEvidence?.some((e) => e.article);
  return textOnly ? a.published : `${a.published}-15`;
}

function clusterDoc(id: string, a: Pick<Article, 'title' | 'text' | 'published' | 'publishedFrom' | 'publishedEvidence' | 'outlet'> & { language?: string | null }): ClusterDoc {
  return { id, title: isBareHeadline(a) ? null : a.title, text: a.text, published: clusterDate(a), outlet: a.outlet, language: a.language ?? null };
}

/**
 * Moves the articles of each split the clusterer reported to their new event (the article just placed is
 * stored with its assignment already, so it is skipped; an article the store does not have is skipped too).
 */
async function applySplits(store: StoreTransaction, a: Assignment, placedId: string): Promise<void> {
  for (const split of a.splits ?? []) {
    for (const moved of await store.getArticles(split.articleIds.filter((id) => id !== placedId))) {
      await store.reassignArticle(moved.id, { id: split.into, storylineId: split.storylineId, title: moved.title, date: moved.published }, []);
    }
  }
}

/** Why nothing was left: the cleaner's removal reasons with their counts (" (removed: 3 navigation, 1 cookie-notice)"). */
function removedSummary(article: Article): string {
  const counts = new Map<string, number>();
  for (const r of article.removed) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  if (!counts.size) return '';
  return ` (removed: ${[...counts].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([reason, n]) => `${n} ${reason}`).join(', ')})`;
}

/** Restores the clusterer from the store's snapshot and replays articles stored after it. */
async function restoreClusterer(store: Store, build: (snapshot: string | undefined) => StoryClusterer): Promise<{ clusterer: StoryClusterer; replayed: number }> {
  const saved = await store.loadSnapshot();
  const clusterer = build(saved?.snapshot);
  let replayed = 0;
  for await (const { article } of store.articlesAfter(saved?.seq ?? 0)) {
    // Pages kept out of events at ingest stay out on replay.
    if (article.pageType && article.pageType.type !== 'article') continue;
    const a = clusterer.add(clusterDoc(article.id, article));
    await store.reassignArticle(article.id, { id: a.eventId, storylineId: a.storylineId, title: article.title, date: article.published }, a.merges);
    await applySplits(store, a, article.id);
    replayed++;
  }
  if (replayed > 0) await store.saveSnapshot({ snapshot: clusterer.snapshot(), seq: await store.lastSeq() });
  return { clusterer, replayed };
}

/**
 * Builds an ingester over a store.
 * @example
 *   const ingester = await createIngester(store);
 *   for await (const item of readInputs(paths, ctx)) await ingester.ingest(item);
 *   await ingester.finish(); // ingester.counts → { added: 12, duplicates: 3, ... }
 */
export async function createIngester(store: Store, options: Partial<IngestOptions> = {}): Promise<Ingester> {
  const opts = { ...DEFAULT_INGEST_OPTIONS, ...options };
  // Options given as they are (or a clusterer of the caller's) bypass profiles; otherwise the store's profile rules.
  const custom = options.cluster !== undefined || options.createClusterer !== undefined;
  const built = custom ? null : await builtProfile(store);
  if (built && options.profile && built !== options.profile) throw new ProfileMismatchError(built, options.profile);
  const profile: ClusterProfile | null = custom ? null : (built ?? options.profile ?? 'news');
  /** Whether the store has the profile saved: it is written with the first article, never for a run that stores nothing. */
  let profileSaved = profile === null || (await store.loadClusterProfile()) === profile;
  const clusterOptions = profile ? CLUSTER_PROFILES[profile] : opts.cluster;
  const build = opts.createClusterer ?? ((snapshot: string | undefined) => createStoryClusterer(clusterOptions, snapshot));
  const { clusterer, replayed } = await restoreClusterer(store, build);
  const detector: DuplicateDetector = createDuplicateDetector(store, opts.dedupe);
  const counts: IngestCounts = { added: 0, duplicates: 0, skipped: 0, unchanged: 0, errors: 0, keptOut: 0 };
  const looselyDated = new Set<string>();
  let sinceSnapshot = 0;
  let lastSeq = await store.lastSeq();

  let lastError: IngestError | null = null;
  let lastKeptOut: { source: string; position: string | null; message: string } | null = null;
  const timings: IngestTimings = { extract: 0, dedupe: 0, cluster: 0, store: 0 };
  let mark = 0;
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  /** Adds the CPU time since the last mark to a stage. */
  const lap = (stage: keyof IngestTimings) => {
    const now = cpuMs();
    timings[stage] += now - mark;
    mark = now;
  };
  const fail = async (source: string, position: string | null, code: string, message: string): Promise<ItemOutcome> => {
    counts.errors++;
    lastError = { source, position, code, message };
    await store.recordError(lastError);
    return 'error';
  };

  const saveSnapshot = async () => {
    await store.saveSnapshot({ snapshot: clusterer.snapshot(), seq: lastSeq });
    sinceSnapshot = 0;
  };

  async function known(id: string, url: string | null): Promise<boolean> {
    if (await store.getArticle(id)) return true;
    const canonical = canonicalUrl(url);
    return canonical !== null && (await store.getArticleByUrl(canonical)) !== null;
  }

  async function ingest(item: InputItem): Promise<ItemOutcome> {
    lastKeptOut = null;
    if (item.type === 'error') return fail(item.source, item.position, item.code, item.message);
    if (item.type === 'unchanged') {
      counts.unchanged++;
      return 'unchanged';
    }
    // An id names a page (`/articles/<id>`) and a row: one too long to serve is refused, not stored.
    if (item.id.length > MAX_ID_CHARS) return fail(item.source, item.position, 'id-too-long', `id of ${item.id.length} characters exceeds the limit of ${MAX_ID_CHARS}: give a shorter id`);
    mark = cpuMs();
    const seen = await known(item.id, item.url);
    lap('store');
    if (seen) {
      counts.skipped++;
      return 'skipped';
    }
    let article: Article;
    try {
      const raw = await item.load();
      if ('error' in raw) return fail(item.source, item.position, raw.code, raw.error);
      // Read ahead (to choose the profile, to date a batch): cleaned once already.
      article = (item as CleanedDocItem).cleaned ?? cleanItem(raw);
    } catch (err) {
      // The extract stage should never throw; if it does, this item is lost, not the run.
      return fail(item.source, item.position, 'extract-failed', (err as Error).message);
    }
    if (!article.text.trim()) return fail(item.source, item.position, 'no-content', `no article text after cleaning${removedSummary(article)}`);
    const canonical = canonicalUrl(article.url ?? item.url);
    // The page may name a canonical URL the container did not: the same article seen before.
    if (canonical && (await store.getArticleByUrl(canonical))) {
      counts.skipped++;
      return 'skipped';
    }
    lap('extract');
    const fp = detector.fingerprint(article.text);
    const match = await detector.check(fp, article.outlet);
    lap('dedupe');
    if (!profileSaved && profile) {
      // Before the first article, in the same batch: a crash loses both or neither.
      const inForce = await store.claimClusterProfile(profile);
      if (inForce !== profile) return fail(item.source, item.position, 'profile-mismatch', `another process saved the '${inForce}' clustering profile meanwhile; this run uses '${profile}': run it again`);
      profileSaved = true;
    }
    const stored: StoredArticle = {
      ...article,
      id: item.id,
      url: linkUrl(article.url ?? item.url) ?? article.url ?? item.url,
      canonicalUrl: canonical,
      contentHash: fp.contentHash,
      duplicateOf: match?.of ?? null,
      duplicateKind: match?.kind ?? null,
      eventId: null,
      storylineId: null,
      ingestedAt: opts.now().toISOString(),
      ...(item.extra ? { extra: item.extra } : {}),
    };
    // A page that is no article (a listing, a shop, a forum thread) tells no happening: it is stored, kept
    // out of events and storylines, and the reason is said (WCXB dev: 99 % of articles are judged articles).
    if (article.pageType && article.pageType.type !== 'article') {
      lastSeq = await store.saveArticle({ article: stored, bandKeys: fp.bandKeys, event: null, merges: [] });
      lap('store');
      counts.added++;
      counts.keptOut++;
      lastKeptOut = { source: item.source, position: item.position, message: `kept out of events: a ${article.pageType.type} page, not an article (${article.pageType.reasons.join('; ')})` };
      return 'added';
    }
    if (match) {
      // A duplicate joins its original's event and adds nothing to the clusterer.
      // The store keeps articles on current event ids (merges move them), and reads the storyline through the event.
      const original = await store.getArticle(match.of);
      const upsert: EventUpsert | null =
        original?.eventId && original.storylineId ? { id: original.eventId, storylineId: original.storylineId, title: article.title, date: article.published } : null;
      lastSeq = await store.saveArticle({ article: stored, bandKeys: [], event: upsert, merges: [] });
      lap('store');
      counts.duplicates++;
      return 'duplicate';
    }
    const a = clusterer.add(clusterDoc(item.id, article));
    lap('cluster');
    const place = async (tx: StoreTransaction) => {
      const seq = await tx.saveArticle({
        article: stored,
        bandKeys: fp.bandKeys,
        event: { id: a.eventId, storylineId: a.storylineId, title: article.title, date: article.published },
        merges: a.merges,
      });
      await applySplits(tx, a, item.id);
      return seq;
    };
    try {
      // An article and the splits that came with it are stored as one unit: never the article without its splits.
      lastSeq = a.splits?.length ? await store.transaction(place) : await place(store);
    } catch (err) {
      // Another process stored the same id meanwhile (the only constraint a checked item can break); anything else
      // the store refused stays this item's error too, under its own code.
      return fail(item.source, item.position, err instanceof StoreConflictError ? 'store-conflict' : 'store-failed', (err as Error).message);
    }
    lap('store');
    counts.added++;
    if (!article.published || article.publishedFrom === 'inferred') looselyDated.add(a.storylineId);
    if (++sinceSnapshot >= Math.max(opts.snapshotEvery, Math.floor(lastSeq * opts.snapshotGrowth))) await saveSnapshot();
    return 'added';
  }

  return {
    ingest,
    profile,
    counts,
    replayed,
    get lastError() {
      return lastError;
    },
    get lastKeptOut() {
      return lastKeptOut;
    },
    timings,
    looselyDated,
    async finish() {
      if (sinceSnapshot > 0 || replayed > 0 || counts.duplicates > 0) await saveSnapshot();
      // What this run reported as added must be committed before anyone is told so.
      await store.flush();
    },
  };
}
