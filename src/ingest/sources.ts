/**
 * Turns command-line inputs (files, folders, JSON lines, feeds, OPML lists, URLs) into a stream of
 * input items. Each item names its id and URL before it is loaded, so an item already stored is
 * skipped without reading or fetching it again.
 */
import { createGunzip, gunzipSync } from 'node:zlib';
import type { ExtractFailure, RawDocument } from '../model/index.js';
import { bytesToDocument, decodeXml, openRegularFile, readDocument } from '../extract/index.js';
import { cappedLines } from './lines.js';
import { expandPaths, isUrl } from './paths.js';
import type { FeedState } from '../model/index.js';
import { canonicalUrl } from './canonical-url.js';
import { parseFeed, sniffFeed, type FeedItem, type FeedLimits, DEFAULT_FEED_LIMITS } from './feeds.js';
import { createFetcher, type Fetcher } from './fetch.js';
import { parseJsonLine } from './jsonl.js';

/** Files the ingest command reads when walking a folder. */
export const INGEST_FILE = /\.(txt|html?|xhtml|jsonl|ndjson|rss|atom|xml|opml|json)(\.gz)?$/i;

/** An article to ingest: known by id and URL now, loaded only when needed. */
export interface DocItem {
  type: 'doc';
  id: string;
  /** URL as the container gives it (not yet canonical), when known. */
  url: string | null;
  /** File, feed or URL it came from. */
  source: string;
  /** Place inside the source (`line 12`, `item 3`), or null for a whole file or page. */
  position: string | null;
  extra?: Record<string, unknown>;
  /** Publication date its container gives (a feed item's), known before loading: how often a feed publishes. */
  published?: string | null;
  /** The title of the feed it came from, when the feed names one: how a followed feed learns its name. */
  feedTitle?: string;
  load(): Promise<RawDocument | ExtractFailure>;
}

export interface ErrorItem {
  type: 'error';
  source: string;
  position: string | null;
  code: string;
  message: string;
}

/** A feed that answered 304 Not Modified: nothing to read. */
export interface UnchangedItem {
  type: 'unchanged';
  source: string;
}

/** One thing read from the inputs: an article to ingest, an input that failed, or an unchanged feed. */
export type InputItem = DocItem | ErrorItem | UnchangedItem;

/** What reading inputs needs: a fetcher, feed state for conditional GET, limits. */
export interface SourceContext {
  fetcher: Fetcher;
  getFeedState(url: string): Promise<FeedState | null>;
  saveFeedState(state: FeedState): Promise<void>;
  limits: FeedLimits;
  /** Fetch an item's page when the feed carries only a summary (feeds read over HTTP only). */
  fetchLinks: boolean;
  /** Largest JSON line, in characters. */
  maxLineChars: number;
}

/** Default limits for reading inputs (the fetcher and feed state come from the caller). */
export const DEFAULT_SOURCE_LIMITS = { limits: DEFAULT_FEED_LIMITS, fetchLinks: true, maxLineChars: 4 * 2 ** 20 };

/** Item text shorter than this (characters, markup stripped) is a summary: the page holds the article. */
const SUMMARY_CHARS = 600;


function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function failure(file: string, code: string, error: string): ExtractFailure {
  return { file, code, error };
}

/** The kind of a local file, from its name (without `.gz`). */
function fileKind(path: string): 'jsonl' | 'feed' | 'article' {
  const name = path.replace(/\.gz$/i, '');
  if (/\.(jsonl|ndjson)$/i.test(name)) return 'jsonl';
  if (/\.(rss|atom|xml|opml|json)$/i.test(name)) return 'feed';
  return 'article';
}

async function* readJsonLines(path: string, ctx: SourceContext): AsyncGenerator<InputItem> {
  const opened = await openRegularFile(path);
  if ('code' in opened) {
    yield { type: 'error', source: path, position: null, code: opened.code, message: opened.error };
    return;
  }
  const file = opened.handle.createReadStream();
  const stream = /\.gz$/i.test(path) ? file.pipe(createGunzip()) : file;
  // UTF-8 takes at most 3 bytes per UTF-16 unit: no line within the character limit is cut here.
  const maxLineBytes = ctx.maxLineChars * 3;
  let n = 0;
  let content = false;
  try {
    for await (const read of cappedLines(stream, maxLineBytes)) {
      n = read.n;
      const position = `line ${n}`;
      if ('tooLongBytes' in read) {
        content = true;
        yield { type: 'error', source: path, position, code: 'too-large', message: `line of over ${maxLineBytes} bytes exceeds the limit of ${ctx.maxLineChars} characters: skipped` };
        continue;
      }
      const line = read.line;
      if (!line.trim()) continue;
      content = true;
      const parsed = parseJsonLine(line, `${path}:${n}`, ctx.maxLineChars);
      if (!parsed.ok) {
        yield { type: 'error', source: path, position, code: parsed.code, message: parsed.message };
        continue;
      }
      const raw = parsed.raw;
      // Without an id the line is known by its URL, else by its place in the file.
      const id = parsed.id ?? canonicalUrl(parsed.url) ?? `${path}:${n}`;
      yield { type: 'doc', id, url: parsed.url, source: path, position, extra: parsed.extra, load: async () => raw };
    }
  } catch (err) {
    yield { type: 'error', source: path, position: `line ${n + 1}`, code: 'unreadable', message: (err as Error).message };
    return;
  } finally {
    stream.destroy();
    file.destroy();
  }
  // An empty JSON lines file is as much a mistake as an empty article file: the same error, not a silent run.
  if (!content) yield { type: 'error', source: path, position: null, code: 'empty', message: n === 0 ? 'the file is empty' : 'the file holds only white space' };
}

function itemDocument(item: FeedItem, source: string, outlet: string | null): RawDocument {
  const hints: RawDocument['hints'] = {};
  if (item.url) hints.url = item.url;
  if (item.title) hints.title = item.title;
  if (item.published) hints.published = item.published;
  if (item.author) hints.author = item.author;
  if (outlet) hints.outlet = outlet;
  if (item.html) {
    const title = item.title ? `<title>${escapeHtml(item.title)}</title>` : '';
    return { source, kind: 'html', content: `<!doctype html><html><head>${title}</head><body><article>${item.html}</article></body></html>`, hints };
  }
  // A headline line above the body, as in a scraped text file, so the cleaner reads both.
  return { source, kind: 'text', content: item.title && item.text ? `${item.title}\n\n${item.text}` : item.text ?? item.title ?? '', hints };
}

function* feedItems(items: FeedItem[], source: string, outlet: string | null, ctx: SourceContext, remote: boolean): Generator<DocItem> {
  for (const item of items) {
    const position = `item ${item.position}`;
    // A guid that is no URL is only unique within its feed.
    const id = item.id && isUrl(item.id) ? item.id : item.id ? `${source}#${item.id}` : canonicalUrl(item.url) ?? `${source}#${position}`;
    const doc = itemDocument(item, `${source} ${position}`, outlet);
    const plain = (item.html ?? item.text ?? '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
    const load = async (): Promise<RawDocument | ExtractFailure> => {
      if (!(remote && ctx.fetchLinks && item.url && isUrl(item.url) && plain.length < SUMMARY_CHARS)) return doc;
      const page = await ctx.fetcher.fetch(item.url);
      // The summary still beats nothing when the page cannot be fetched.
      if (!page.ok || 'notModified' in page) return doc;
      const raw = bytesToDocument(page.url, page.body);
      if ('error' in raw) return doc;
      // The page names its own outlet (og:site_name, publisher) or its host does: a feed's title
      // ("Harbour Wire Teasers") is only the feed's name, and kept would make one outlet two.
      const { outlet: _feedTitle, ...hints } = doc.hints ?? {};
      return { ...raw, hints: { ...hints, url: item.url } };
    };
    yield { type: 'doc', id, url: item.url, source, position, published: item.published, ...(outlet ? { feedTitle: outlet } : {}), load };
  }
}

/** An OPML entry as an http(s) URL (a relative one resolves against a remote list's URL), or null when it is none. */
export function listedFeedUrl(entry: string, list: string, remote: boolean): string | null {
  let url: URL;
  try {
    url = remote ? new URL(entry, list) : new URL(entry);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/** Reads one feed document (already decoded) and yields its items, or the OPML's feeds' items. */
async function* feedDocument(content: string, source: string, ctx: SourceContext, remote: boolean, depth: number): AsyncGenerator<InputItem> {
  const feed = parseFeed(content, ctx.limits);
  if (!feed.ok) {
    yield { type: 'error', source, position: null, code: feed.code, message: feed.message };
    return;
  }
  for (const e of feed.errors) yield { type: 'error', source, position: `item ${e.position}`, code: e.code, message: e.message };
  if (feed.kind === 'opml') {
    // An OPML list that lists OPML lists is followed one level, no further (no loops).
    if (depth > 1) {
      yield { type: 'error', source, position: null, code: 'nested-opml', message: 'OPML nested too deep' };
      return;
    }
    for (const f of feed.feeds) {
      const target = listedFeedUrl(f, source, remote);
      // Only the user names local files (on the command line): an entry that is no http(s) URL would
      // let a list read any file on this machine (`xmlUrl="/etc/passwd"`), which serve then publishes.
      if (!target) yield { type: 'error', source, position: null, code: 'not-a-url', message: `OPML entry '${f.slice(0, 200)}' is not an http(s) URL: skipped (local files are read only when named on the command line)` };
      else yield* readInput(target, ctx, depth + 1);
    }
    return;
  }
  yield* feedItems(feed.items, source, feed.title, ctx, remote);
}

async function* readUrl(url: string, ctx: SourceContext, depth: number): AsyncGenerator<InputItem> {
  const state = await ctx.getFeedState(url);
  const res = await ctx.fetcher.fetch(url, state ?? {});
  if (!res.ok) {
    yield { type: 'error', source: url, position: null, code: res.code, message: res.message };
    return;
  }
  const fetchedAt = new Date().toISOString();
  if ('notModified' in res) {
    await ctx.saveFeedState({ url, etag: res.etag, lastModified: res.lastModified, fetchedAt, status: 304 });
    yield { type: 'unchanged', source: url };
    return;
  }
  // A feed may be UTF-16 or UTF-32 without a mark; an HTML page decodes as before.
  const content = decodeXml(res.body);
  if (sniffFeed(content)) {
    yield* feedDocument(content, url, ctx, true, depth);
    // Saved only after every item was handed on: a crash before this re-reads the feed in full.
    await ctx.saveFeedState({ url, etag: res.etag, lastModified: res.lastModified, fetchedAt, status: res.status });
    return;
  }
  const body = res.body;
  yield { type: 'doc', id: canonicalUrl(url) ?? url, url, source: url, position: null, load: async () => bytesToDocument(res.url, body) };
}

async function readLocalFeed(path: string): Promise<string | ExtractFailure> {
  const opened = await openRegularFile(path);
  if ('code' in opened) return opened;
  const { handle, size } = opened;
  try {
    if (size > DEFAULT_FEED_LIMITS.maxFeedChars * 2) return failure(path, 'too-large', `${size} bytes exceeds the feed limit`);
    let bytes: Uint8Array = await handle.readFile();
    if (/\.gz$/i.test(path)) bytes = gunzipSync(bytes, { maxOutputLength: DEFAULT_FEED_LIMITS.maxFeedChars * 2 });
    return decodeXml(bytes);
  } catch (err) {
    return failure(path, 'unreadable', (err as Error).message);
  } finally {
    await handle.close();
  }
}

/** Yields the items of one input: a URL, a file, or a folder (recursive). */
export async function* readInput(input: string, ctx: SourceContext, depth = 0): AsyncGenerator<InputItem> {
  if (isUrl(input)) {
    yield* readUrl(input, ctx, depth);
    return;
  }
  for await (const path of expandPaths([input], INGEST_FILE)) {
    const kind = fileKind(path);
    if (kind === 'jsonl') {
      yield* readJsonLines(path, ctx);
    } else if (kind === 'feed') {
      const content = await readLocalFeed(path);
      if (typeof content !== 'string') yield { type: 'error', source: path, position: null, code: content.code, message: content.error };
      else yield* feedDocument(content, path, ctx, false, depth);
    } else {
      yield { type: 'doc', id: path, url: null, source: path, position: null, load: () => readDocument(path) };
    }
  }
}

/** Yields the items of every input in order. */
export async function* readInputs(inputs: string[], ctx: SourceContext): AsyncGenerator<InputItem> {
  for (const input of inputs) yield* readInput(input, ctx);
}

/**
 * What reading needs when nothing is stored (`extract`, `timeline`): no feed state is kept, and
 * feed items are taken as given rather than fetched.
 */
export function statelessSourceContext(): SourceContext {
  return { ...DEFAULT_SOURCE_LIMITS, fetcher: createFetcher(), getFeedState: async () => null, saveFeedState: async () => {}, fetchLinks: false };
}
