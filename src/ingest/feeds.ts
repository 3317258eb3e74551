/**
 * Feed parsing: RSS 2.0, RSS 1.0 (RDF), Atom, JSON Feed and OPML lists. XML is parsed by
 * htmlparser2 in XML mode, which never expands custom entities; a document that declares entities
 * is refused outright (billion-laughs and external-entity attacks need a declaration).
 */
import { parseDocument } from 'htmlparser2';
import { getInnerHTML, textContent } from 'domutils';
import type { Element, AnyNode } from 'domhandler';
import { isPossibleIsoDate } from '../analyze/index.js';

export interface FeedLimits {
  /** Largest feed document accepted, in characters. */
  maxFeedChars: number;
  /** Largest item content (HTML or text), in characters; a bigger item is reported and skipped. */
  maxItemChars: number;
  /** Items read per feed, at most. */
  maxItems: number;
}

export const DEFAULT_FEED_LIMITS: FeedLimits = {
  maxFeedChars: 10 * 2 ** 20,
  // The longest news article runs to ~100 kB of HTML; 2 MB is an attack or a dump.
  maxItemChars: 2 * 2 ** 20,
  maxItems: 5000,
};

/** One item of a feed, with the position it had there (1-based). */
export interface FeedItem {
  position: number;
  id: string | null;
  url: string | null;
  title: string | null;
  /** Content as HTML (RSS description/content:encoded, Atom html/xhtml, JSON Feed content_html). */
  html: string | null;
  /** Content as plain text (Atom type=text, JSON Feed content_text). */
  text: string | null;
  published: string | null;
  author: string | null;
}

/** A feed item that was skipped, with its position in the feed (1-based). */
export interface ItemError {
  position: number;
  code: string;
  message: string;
}

/** A feed an OPML list names: its URL as written and its name (`text`, else `title`), if any. */
export interface FeedOutline {
  url: string;
  title: string | null;
}

export type FeedKind = 'rss' | 'rdf' | 'atom' | 'jsonfeed' | 'opml';

/** A parsed feed (items, or the feeds an OPML list names) or why it was refused. */
export type ParsedFeed =
  | { ok: true; kind: FeedKind; title: string | null; items: FeedItem[]; errors: ItemError[]; /** OPML: the feed URLs listed. */ feeds: string[]; /** OPML: the same feeds with their names. */ outlines?: FeedOutline[] }
  | { ok: false; code: string; message: string };

/** Which feed format a document is, from its first bytes, or null when it is none. */
export function sniffFeed(content: string): FeedKind | null {
  const head = content.slice(0, 4096).replace(/^\uFEFF/, '');
  if (/^\s*\{/.test(head)) return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(head) ? 'jsonfeed' : null;
  const root = /<(?!\?|!)([A-Za-z_][\w:.-]*)/.exec(head.replace(/<!--[\s\S]*?-->/g, ''));
  if (!root) return null;
  const name = root[1]!.toLowerCase();
  if (name === 'rss') return 'rss';
  if (name === 'feed') return 'atom';
  if (name === 'rdf:rdf' || name === 'rdf') return 'rdf';
  if (name === 'opml') return 'opml';
  return null;
}

function isElement(n: AnyNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

/** Tag name without a namespace prefix, lower-cased. */
function local(el: Element): string {
  const name = el.name.toLowerCase();
  const i = name.indexOf(':');
  return i >= 0 ? name.slice(i + 1) : name;
}

function children(el: Element): Element[] {
  return el.children.filter(isElement);
}

function child(el: Element, name: string): Element | undefined {
  return children(el).find((c) => c.name.toLowerCase() === name) ?? children(el).find((c) => local(c) === name);
}

function text(el: Element | undefined): string | null {
  if (!el) return null;
  const t = textContent(el).trim();
  return t || null;
}

/**
 * The text a reader sees of an HTML fragment: markup dropped (scripts, styles and comments with their
 * content), HTML entities decoded, white space folded (reason: a title or author is plain text; HTML in it is
 * markup to render, never to pass on, and sloppy feeds use HTML entities such as `&eacute;` that XML does not know).
 */
export function htmlToText(html: string): string {
  const doc = parseDocument(html, { decodeEntities: true });
  const walk = (nodes: AnyNode[]): string =>
    nodes.map((n) => (n.type === 'text' ? n.data : isElement(n) && n.type === 'tag' ? walk(n.children) : '')).join('');
  return walk(doc.children).replace(/\s+/gu, ' ').trim();
}

/** HTML entities left in XML text ("&rang;") decoded; markup-looking text kept as written. */
function decodeEntities(value: string): string {
  return /&[#\w]+;/u.test(value) ? htmlToText(value.replace(/</gu, '&lt;')) : value.replace(/\s+/gu, ' ').trim();
}

/** Base64 content (Atom 0.3 `mode="base64"`, Atom 1.0 non-text media types) decoded as UTF-8. */
function base64Text(value: string): string {
  return Buffer.from(value.replace(/\s+/gu, ''), 'base64').toString('utf8');
}

/** How an Atom text construct is written: `text`, `html`, `xhtml`, or `base64` (its bytes encoded). */
function atomMode(el: Element): 'text' | 'html' | 'xhtml' | 'base64' {
  const type = (el.attribs.type || 'text').toLowerCase();
  if ((el.attribs.mode ?? '').toLowerCase() === 'base64') return 'base64';
  if (type === 'xhtml' || type === 'application/xhtml+xml') return 'xhtml';
  if (type === 'html' || type === 'text/html') return 'html';
  if (type === 'text' || type.startsWith('text/') || type.endsWith('+xml') || type.endsWith('/xml')) return 'text';
  return 'base64';
}

/** A person's name as written: plain text, entities decoded, markup-looking characters kept (a name is no HTML). */
function personName(el: Element | undefined): string | null {
  const t = el ? decodeEntities(textContent(el)) : '';
  return t || null;
}

/** An Atom or RSS title (or other short text field) as plain text, whatever markup it was written in. */
function plainText(el: Element | undefined, atom: boolean): string | null {
  if (!el) return null;
  const mode = atom ? atomMode(el) : 'text';
  let value: string;
  if (mode === 'xhtml') value = htmlToText(getInnerHTML(el, { xmlMode: true }));
  else if (mode === 'base64') value = htmlToText(base64Text(textContent(el)));
  else if (mode === 'html') value = htmlToText(textContent(el));
  // RSS says nothing of markup in titles; feeds put escaped HTML there often enough ("&lt;b&gt;").
  else value = atom ? decodeEntities(textContent(el)) : /<[a-z!\/]/iu.test(textContent(el)) ? htmlToText(textContent(el)) : decodeEntities(textContent(el));
  return value || null;
}

function findAll(nodes: AnyNode[], test: (el: Element) => boolean, out: Element[] = []): Element[] {
  for (const n of nodes) {
    if (!isElement(n)) continue;
    if (test(n)) out.push(n);
    findAll(n.children, test, out);
  }
  return out;
}

/** A feed date (RFC 822 in RSS, RFC 3339 in Atom) as an ISO datetime; null when unreadable. */
export function feedDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return isPossibleIsoDate(v) ? v : null;
  const t = Date.parse(v);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

function checkItem(item: FeedItem, limits: FeedLimits): ItemError | null {
  const size = (item.html?.length ?? 0) + (item.text?.length ?? 0);
  if (size > limits.maxItemChars) return { position: item.position, code: 'item-too-large', message: `item content of ${size} characters exceeds ${limits.maxItemChars}` };
  // An item with only a link is kept: its page can be fetched (and is refused there if it holds no article).
  if (!item.html && !item.text && !item.title && !item.url) return { position: item.position, code: 'empty-item', message: 'item has no title, no content and no link' };
  return null;
}

function rssItem(el: Element, position: number): FeedItem {
  const encoded = children(el).find((c) => c.name.toLowerCase() === 'content:encoded');
  // XHTML bodies (`<body xmlns="http://www.w3.org/1999/xhtml">`) and the old `fullitem` carry whole articles too.
  const body = children(el).find((c) => local(c) === 'body');
  const guid = text(child(el, 'guid'));
  const link = text(child(el, 'link')) ?? (guid && /^https?:\/\//.test(guid) ? guid : null);
  return {
    position,
    id: guid,
    url: link,
    title: plainText(child(el, 'title'), false),
    html: text(encoded) ?? (body ? getInnerHTML(body, { xmlMode: true }).trim() || null : null) ?? text(child(el, 'fullitem')) ?? text(child(el, 'description')),
    text: null,
    published: feedDate(text(child(el, 'pubdate')) ?? text(child(el, 'date')) ?? text(child(el, 'published'))),
    author: personName(child(el, 'creator') ?? child(el, 'author')),
  };
}

function atomEntry(el: Element, position: number): FeedItem {
  const links = children(el).filter((c) => local(c) === 'link');
  const alt = links.find((l) => !l.attribs.rel || l.attribs.rel === 'alternate') ?? links[0];
  const content = child(el, 'content') ?? child(el, 'summary');
  let html: string | null = null;
  let plain: string | null = null;
  if (content) {
    const mode = atomMode(content);
    if (mode === 'xhtml') html = getInnerHTML(content, { xmlMode: true }).trim() || null;
    else if (mode === 'html') html = text(content);
    else if (mode === 'base64') html = base64Text(textContent(content)).trim() || null;
    else plain = text(content);
  }
  const author = child(el, 'author');
  return {
    position,
    id: text(child(el, 'id')),
    url: alt?.attribs.href ?? null,
    title: plainText(child(el, 'title'), true),
    html,
    text: plain,
    published: feedDate(text(child(el, 'published')) ?? text(child(el, 'updated')) ?? text(child(el, 'issued')) ?? text(child(el, 'modified'))),
    author: author ? personName(child(author, 'name')) ?? personName(author) : null,
  };
}

/**
 * Deepest nesting a feed may have. An RSS item's fields sit 4 levels down and Atom XHTML content adds
 * an article's own markup (tens of levels); the XML parser's cost per tag grows with the depth
 * (33k nested tags took 7 s), so a feed nested deeper is hostile and refused.
 */
export const MAX_FEED_NESTING = 256;

/** Whether the XML nests elements deeper than `max`, in one pass (CDATA, comments and declarations skipped). */
export function nestsDeeperThan(xml: string, max: number): boolean {
  let depth = 0;
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) {
    const next = xml[i + 1];
    const skipTo = xml.startsWith('<![CDATA[', i) ? ']]>' : xml.startsWith('<!--', i) ? '-->' : next === '!' || next === '?' ? '>' : null;
    const close = xml.indexOf(skipTo ?? '>', i + 1);
    if (close < 0) return false;
    if (!skipTo && next === '/') depth = Math.max(0, depth - 1);
    else if (!skipTo && xml[close - 1] !== '/' && ++depth > max) return true;
    i = close;
  }
  return false;
}

function parseXmlFeed(content: string, kind: FeedKind, limits: FeedLimits): ParsedFeed {
  // Entity declarations are how billion-laughs and XXE attacks start; no real feed needs them.
  if (/<!ENTITY/i.test(content)) return { ok: false, code: 'entity-declaration', message: 'the feed declares XML entities; refused (entity expansion attack?)' };
  if (nestsDeeperThan(content, MAX_FEED_NESTING)) return { ok: false, code: 'too-deep', message: `the feed nests elements more than ${MAX_FEED_NESTING} levels deep; refused` };
  const doc = parseDocument(content, { xmlMode: true });
  const root = doc.children.find(isElement);
  if (!root) return { ok: false, code: 'bad-feed', message: 'no root element' };
  if (kind === 'opml') {
    const outlines = findAll(root.children, (e) => local(e) === 'outline' && typeof (e.attribs.xmlUrl ?? e.attribs.xmlurl) === 'string')
      .map((e) => ({ url: (e.attribs.xmlUrl ?? e.attribs.xmlurl)!.trim(), title: decodeEntities(e.attribs.text ?? e.attribs.title ?? '') || null }))
      .filter((o) => o.url);
    return { ok: true, kind, title: text(findAll(root.children, (e) => local(e) === 'title')[0]), items: [], errors: [], feeds: outlines.map((o) => o.url), outlines };
  }
  let title: string | null = null;
  let elements: Element[];
  if (kind === 'atom') {
    title = plainText(child(root, 'title'), true);
    elements = children(root).filter((c) => local(c) === 'entry');
  } else {
    const channel = child(root, 'channel');
    title = channel ? plainText(child(channel, 'title'), false) : null;
    // RSS 2.0 keeps items in the channel; RSS 1.0 (RDF) beside it.
    elements = [...(channel ? children(channel) : []), ...children(root)].filter((c) => local(c) === 'item');
  }
  const items: FeedItem[] = [];
  const errors: ItemError[] = [];
  elements.slice(0, limits.maxItems).forEach((el, i) => {
    const item = kind === 'atom' ? atomEntry(el, i + 1) : rssItem(el, i + 1);
    const problem = checkItem(item, limits);
    if (problem) errors.push(problem);
    else items.push(item);
  });
  if (elements.length > limits.maxItems) errors.push({ position: limits.maxItems + 1, code: 'too-many-items', message: `only the first ${limits.maxItems} of ${elements.length} items were read` });
  return { ok: true, kind, title, items, errors, feeds: [] };
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

function parseJsonFeed(content: string, limits: FeedLimits): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (err) {
    return { ok: false, code: 'bad-feed', message: `JSON Feed does not parse: ${(err as Error).message}` };
  }
  const feed = data as { title?: unknown; items?: unknown; author?: { name?: unknown } };
  if (!Array.isArray(feed.items)) return { ok: false, code: 'bad-feed', message: 'JSON Feed without an items array' };
  const items: FeedItem[] = [];
  const errors: ItemError[] = [];
  feed.items.slice(0, limits.maxItems).forEach((raw: unknown, i: number) => {
    const position = i + 1;
    if (!raw || typeof raw !== 'object') {
      errors.push({ position, code: 'bad-item', message: 'item is not an object' });
      return;
    }
    const it = raw as Record<string, unknown>;
    const authors = Array.isArray(it.authors) ? (it.authors as { name?: unknown }[]) : it.author ? [it.author as { name?: unknown }] : [];
    const item: FeedItem = {
      position,
      id: it.id === undefined || it.id === null ? null : String(it.id),
      url: str(it.url) ?? str(it.external_url),
      title: str(it.title),
      html: str(it.content_html),
      text: str(it.content_text) ?? (str(it.content_html) ? null : str(it.summary)),
      published: feedDate(str(it.date_published) ?? str(it.date_modified)),
      author: str(authors[0]?.name),
    };
    const problem = checkItem(item, limits);
    if (problem) errors.push(problem);
    else items.push(item);
  });
  return { ok: true, kind: 'jsonfeed', title: str(feed.title), items, errors, feeds: [] };
}

/**
 * Parses a feed or OPML document. Never throws: a document that is no feed, too large or hostile
 * comes back as `ok: false`; a broken item is listed in `errors` with its position and skipped.
 */
export function parseFeed(content: string, limits: Partial<FeedLimits> = {}): ParsedFeed {
  const lim = { ...DEFAULT_FEED_LIMITS, ...limits };
  if (content.length > lim.maxFeedChars) return { ok: false, code: 'too-large', message: `feed of ${content.length} characters exceeds ${lim.maxFeedChars}` };
  const kind = sniffFeed(content);
  if (!kind) return { ok: false, code: 'not-a-feed', message: 'not RSS, Atom, JSON Feed or OPML' };
  try {
    return kind === 'jsonfeed' ? parseJsonFeed(content, lim) : parseXmlFeed(content, kind, lim);
  } catch (err) {
    return { ok: false, code: 'bad-feed', message: (err as Error).message };
  }
}
