/**
 * Page metadata with the precedence the best tools use: JSON-LD (`NewsArticle` and kin) →
 * OpenGraph / `article:*` → `<meta name=…>` → `<link rel=canonical>` → `<title>` → the URL's host.
 * Every value records where it came from in `sources`, for debugging and tests.
 */
import type { Document } from 'domhandler';
import { collapse, elementsInOrder, textOf } from './dom.js';
import { outletFromUrl } from '../outlets/index.js';

/** Metadata read from a page's markup. Dates are found by `findHtmlDates`, not here. */
export interface HtmlMetadata {
  url: string | null;
  title: string | null;
  author: string | null;
  outlet: string | null;
  /** The page's declared language (`<html lang>`, JSON-LD `inLanguage`, `og:locale`), ISO 639-1. */
  language: string | null;
  section: string | null;
  tags: string[];
  /** What the page says it is: schema.org `@type`s of its JSON-LD and its `og:type`, lower-cased (`newsarticle`, `product`, `article`). */
  schemaTypes: string[];
  /** Which source each field came from, e.g. `{ title: 'json-ld' }`. */
  sources: Partial<Record<'url' | 'title' | 'author' | 'outlet' | 'language' | 'section', string>>;
}

/** JSON-LD types that describe the article itself (schema.org CreativeWork subtypes used by news sites). */
const ARTICLE_TYPES = new Set([
  'newsarticle', 'article', 'reportagenews', 'analysisnewsarticle', 'opinionnewsarticle', 'backgroundnewsarticle',
  'reviewnewsarticle', 'blogposting', 'liveblogposting', 'socialmediaposting', 'techarticle', 'scholarlyarticle',
  'report', 'posting',
]);

// Title separators between headline and outlet ("Headline | Outlet", "Headline - Outlet").
const TITLE_SEPARATOR = /\s+[|\-–—·•:»›~]\s+|\s*\|\s*/;
// An outlet suffix is short: longer tails are part of the headline ("Putin: the visit is off").
const MAX_SUFFIX_WORDS = 5;
// Cap on JSON-LD text parsed per page: huge blobs are product catalogues, not article metadata.
const MAX_JSON_LD_CHARS = 500_000;
// Objects read from a page's JSON-LD; the article's own object is among the first few.
const MAX_JSON_LD_OBJECTS = 200;

interface RawMeta {
  meta: Map<string, string[]>;
  canonical: string | null;
  title: string | null;
  jsonLd: Record<string, unknown>[];
  lang: string | null;
  h1: string | null;
  /** A visible byline: `rel=author` link, microdata `itemprop=author`, or an author/byline element. */
  byline: string | null;
}

function collectRaw(document: Document): RawMeta {
  const meta = new Map<string, string[]>();
  let canonical: string | null = null;
  let title: string | null = null;
  let h1: string | null = null;
  let relAuthor: string | null = null;
  let propAuthor: string | null = null;
  let classAuthor: string | null = null;
  let lang: string | null = null;
  const jsonLd: Record<string, unknown>[] = [];
  let jsonChars = 0;
  for (const el of elementsInOrder(document, (e) => e.name === 'svg' || e.name === 'style')) {
    const a = el.attribs;
    if (propAuthor === null && a.itemprop && /(^|\s)author(\s|$)/i.test(a.itemprop)) {
      const name = elementsInOrder(el).find((c) => /(^|\s)name(\s|$)/i.test(c.attribs.itemprop ?? ''));
      propAuthor = bylineText(name ? (name.attribs.content ?? textOf(name, 200)) : (a.content ?? textOf(el, 200)));
    }
    if (classAuthor === null && a.class && BYLINE_CLASS.test(a.class)) classAuthor = bylineText(textOf(el, 200));
    switch (el.name) {
      case 'html':
        lang ??= a.lang ?? a['xml:lang'] ?? null;
        break;
      case 'meta': {
        const key = (a.property ?? a.name ?? a.itemprop ?? '').toLowerCase().trim();
        const value = a.content !== undefined ? collapse(a.content) : '';
        if (key && value) {
          const list = meta.get(key);
          if (list) list.push(value);
          else meta.set(key, [value]);
        }
        break;
      }
      case 'link':
        if (!canonical && /(^|\s)canonical(\s|$)/i.test(a.rel ?? '') && a.href) canonical = a.href.trim();
        break;
      case 'title':
        if (title === null) title = textOf(el, 1000) || null;
        break;
      case 'h1':
        if (h1 === null) h1 = textOf(el, 1000) || null;
        break;
      case 'a':
        if (relAuthor === null && /(^|\s)author(\s|$)/i.test(a.rel ?? '')) relAuthor = bylineText(textOf(el, 200));
        break;
      case 'script':
        if (/ld\+json/i.test(a.type ?? '')) {
          const raw = el.children.map((c) => ('data' in c ? String(c.data) : '')).join('');
          jsonChars += raw.length;
          if (jsonChars <= MAX_JSON_LD_CHARS) jsonLd.push(...parseJsonLd(raw.trim()));
        }
        break;
    }
  }
  return { meta, canonical, title, jsonLd, lang, h1, byline: propAuthor ?? relAuthor ?? classAuthor };
}

// Class words of a visible byline element ("author-name", "byline", German "autor").
const BYLINE_CLASS = /(?:^|[\s_-])(?:author|author-?name|byline|byline-?name|autor|autorin|author-?link)(?:$|[\s_-]|\d)/i;
// A byline longer than this is a bio or a sentence, not a name list.
const MAX_BYLINE = 80;

/** A name list from a byline text ("By Jonas Weber", "Von Lea Brandt | 12.03.2024"), or null. */
function bylineText(text: string): string | null {
  const t = collapse(text)
    .replace(/^(?:by|von|de|par|por|di|door|av)\s+/i, '')
    .split(/\s[|•·]\s|\s[-–—]\s|,\s*\d/)[0]!
    .trim();
  if (t.length < 3 || t.length > MAX_BYLINE || /\d{2}/.test(t) || /^https?:/i.test(t)) return null;
  return t;
}

/** Every object in a JSON-LD block (arrays and `@graph` flattened); bad JSON gives none. */
function parseJsonLd(raw: string): Record<string, unknown>[] {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    try {
      // Some sites leave raw control characters inside strings; browsers' JSON-LD readers shrug.
      data = JSON.parse(raw.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return [];
    }
  }
  const out: Record<string, unknown>[] = [];
  const stack: unknown[] = [data];
  // Pushed last to first so that objects come out in document order (the first article wins).
  // A loop, not push(...items): a huge array would exceed the argument limit.
  const pushAll = (items: unknown[]): void => {
    for (let i = Math.min(items.length, MAX_JSON_LD_OBJECTS) - 1; i >= 0; i--) stack.push(items[i]);
  };
  while (stack.length && out.length < MAX_JSON_LD_OBJECTS) {
    const item = stack.pop();
    if (Array.isArray(item)) pushAll(item);
    else if (item && typeof item === 'object') {
      const obj = item as Record<string, unknown>;
      out.push(obj);
      if (Array.isArray(obj['@graph'])) pushAll(obj['@graph'] as unknown[]);
    }
  }
  return out;
}

function types(obj: Record<string, unknown>): string[] {
  const t = obj['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase());
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return collapse(value) || null;
  if (typeof value === 'number') return String(value);
  return null;
}

/** A person's or organisation's name from a JSON-LD value (string, object, or list of them). */
function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const v of list) {
    const name = typeof v === 'string' ? str(v) : v && typeof v === 'object' ? str((v as Record<string, unknown>).name) : null;
    if (name && !/^https?:\/\//i.test(name) && !out.includes(name)) out.push(name);
  }
  return out;
}

function first(meta: Map<string, string[]>, ...keys: string[]): { value: string; key: string } | null {
  for (const key of keys) {
    const v = meta.get(key)?.find((x) => x.length > 0);
    if (v) return { value: v, key };
  }
  return null;
}

// A shorter <h1> is a logo or section name, not a headline.
const MIN_H1_TITLE = 10;

/** True when two names are the same outlet, up to case, punctuation and one containing the other. */
function sameName(a: string, b: string): boolean {
  const x = key(a).replace(/ /g, '');
  const y = key(b).replace(/ /g, '');
  return x !== '' && y !== '' && (x === y || x.includes(y) || y.includes(x));
}

const key = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

// How many more short tails are stripped after the first.
const MAX_EXTRA_SUFFIXES = 2;

const ENTITIES: Record<string, string> = { quot: '"', amp: '&', apos: "'", lt: '<', gt: '>', nbsp: ' ', ndash: '–', mdash: '—', hellip: '…' };

/** Decodes entities left after parsing: some sites escape their metadata twice ("&amp;quot;"). */
function decodeLeftoverEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Resolves `href` against `base`; only http(s) URLs are kept. */
export function resolveUrl(href: string | null | undefined, base: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const u = base ? new URL(href, base) : new URL(href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}


/** Splits "Headline | Outlet" into headline and suffix when the tail looks like an outlet name. */
export function splitTitle(title: string, outlet: string | null): { title: string; suffix: string | null } {
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return { title, suffix: null };
  /** True when two names are the same outlet, up to case, punctuation and one containing the other. */
function sameName(a: string, b: string): boolean {
  const x = key(a).replace(/ /g, '');
  const y = key(b).replace(/ /g, '');
  return x !== '' && y !== '' && (x === y || x.includes(y) || y.includes(x));
}

const key = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const last = parts[parts.length - 1]!.trim();
  const firstPart = parts[0]!.trim();
  // A known outlet name at either end is removed wherever it sits.
  if (outlet) {
    const o = key(outlet);
    if (o && (key(last) === o || key(last).includes(o) || o.includes(key(last)))) {
      return { title: title.slice(0, title.lastIndexOf(last)).replace(/[\s|\-–—·•:»›~]+$/, '').trim(), suffix: last };
    }
    if (o && key(firstPart) === o) return { title: title.slice(title.indexOf(parts[1]!)).trim(), suffix: firstPart };
  }
  // Without a known outlet, only a short tail after a pipe or dash counts (": " is too often a headline's own).
  const m = /\s+[|\-–—·•»›~]\s+([^|\-–—·•»›~]+)$|\s*\|\s*([^|]+)$/.exec(title);
  const tail = m ? (m[1] ?? m[2])!.trim() : null;
  if (tail && tail.split(/\s+/).length <= MAX_SUFFIX_WORDS && title.length - m!.index > 0 && m!.index > 10) {
    return { title: title.slice(0, m!.index).trim(), suffix: tail };
  }
  return { title, suffix: null };
}

function languageCode(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/i.exec(value.trim());
  return m ? m[1]!.toLowerCase() : null;
}

/** Reads URL, title, author, outlet, language hint, section and tags from a parsed page. */
export function extractMetadata(document: Document, pageUrl: string | null = null): HtmlMetadata {
  const raw = collectRaw(document);
  const sources: HtmlMetadata['sources'] = {};
  const article = raw.jsonLd.find((o) => types(o).some((t) => ARTICLE_TYPES.has(t))) ?? null;
  const site = raw.jsonLd.find((o) => types(o).some((t) => t === 'website' || t === 'newsmediaorganization' || t === 'organization')) ?? null;
  const meta = raw.meta;

  // URL: the canonical link is the page's own statement; og:url and JSON-LD repeat it less reliably.
  let url: string | null = null;
  const urlCandidates: [string | null, string][] = [
    [raw.canonical, 'canonical'],
    [first(meta, 'og:url')?.value ?? null, 'og:url'],
    [article ? str(article.url) ?? str((article.mainEntityOfPage as Record<string, unknown> | undefined)?.['@id']) : null, 'json-ld'],
  ];
  for (const [href, source] of urlCandidates) {
    const resolved = resolveUrl(href, pageUrl);
    if (resolved) {
      url = resolved;
      sources.url = source;
      break;
    }
  }
  if (!url && pageUrl) {
    url = resolveUrl(pageUrl, null);
    if (url) sources.url = 'page';
  }

  // Outlet before title, so the title's " | Outlet" suffix can be recognised.
  let outlet: string | null = null;
  const ogSite = first(meta, 'og:site_name', 'application-name', 'twitter:app:name:iphone');
  const publisher = article ? names(article.publisher)[0] ?? null : null;
  if (ogSite) {
    outlet = ogSite.value;
    sources.outlet = ogSite.key;
  } else if (publisher) {
    outlet = publisher;
    sources.outlet = 'json-ld';
  } else if (site && str(site.name)) {
    outlet = str(site.name);
    sources.outlet = 'json-ld';
  }

  let title: string | null = null;
  const headline = article ? str(article.headline) ?? str(article.name) : null;
  const ogTitle = first(meta, 'og:title', 'twitter:title', 'dc.title', 'title', 'headline');
  if (headline) {
    title = headline;
    sources.title = 'json-ld';
  } else if (ogTitle) {
    title = ogTitle.value;
    sources.title = ogTitle.key;
  } else if (raw.h1 && raw.title && raw.h1.length >= MIN_H1_TITLE && key(raw.title).startsWith(key(raw.h1))) {
    // The headline on the page, when <title> holds it followed by site name and slogans.
    title = raw.h1;
    sources.title = 'h1';
  } else if (raw.title) {
    title = raw.title;
    sources.title = 'title';
  } else if (raw.h1) {
    title = raw.h1;
    sources.title = 'h1';
  }
  if (title) {
    title = decodeLeftoverEntities(title);
    const split = splitTitle(title, outlet);
    // Only <title> carries outlet suffixes routinely; other sources lose only a known outlet's name
    // ("Council says yes – finally" keeps its tail).
    const namesOutlet = !!split.suffix && !!outlet && sameName(split.suffix, outlet);
    if (split.suffix && (sources.title === 'title' || namesOutlet)) {
      title = split.title || title;
      // "Headline | Section | Outlet | Slogan": strip a few more short tails from <title>.
      for (let i = 0; i < MAX_EXTRA_SUFFIXES && sources.title === 'title'; i++) {
        const again = splitTitle(title, null);
        if (!again.suffix) break;
        title = again.title;
      }
      if (!outlet && sources.title === 'title') {
        outlet = split.suffix;
        sources.outlet = 'title-suffix';
      }
    }
  }
  if (!outlet && raw.title) {
    const split = splitTitle(raw.title, null);
    if (split.suffix) {
      outlet = split.suffix;
      sources.outlet = 'title-suffix';
    }
  }
  if (!outlet) {
    outlet = outletFromUrl(url ?? pageUrl);
    if (outlet) sources.outlet = 'host';
  }

  let author: string | null = null;
  const ldAuthors = article ? names(article.author) : [];
  if (ldAuthors.length) {
    author = ldAuthors.join(', ');
    sources.author = 'json-ld';
  } else {
    // article:author is often a profile URL and twitter:creator a handle; neither is a name.
    // (The visible byline comes last, below.)
    for (const key of ['article:author', 'author', 'byl', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author']) {
      const list = (meta.get(key) ?? []).filter((v) => !/^https?:\/\//i.test(v) && !/^@/.test(v));
      if (list.length) {
        author = [...new Set(list)].join(', ').replace(/^by\s+/i, '');
        sources.author = key;
        break;
      }
    }
  }

  if (author) author = decodeLeftoverEntities(author);
  if (!author && raw.byline) {
    author = raw.byline;
    sources.author = 'byline';
  }

  let language: string | null = null;
  const ldLang = article ? str(article.inLanguage) : null;
  for (const [value, source] of [[raw.lang, 'html-lang'], [ldLang, 'json-ld'], [first(meta, 'og:locale', 'content-language', 'language', 'dc.language')?.value ?? null, 'meta']] as const) {
    const code = languageCode(value);
    if (code) {
      language = code;
      sources.language = source;
      break;
    }
  }

  let section: string | null = article ? str(article.articleSection) ?? names(article.articleSection)[0] ?? null : null;
  if (section) sources.section = 'json-ld';
  else {
    const m = first(meta, 'article:section', 'section', 'parsely-section');
    if (m) {
      section = m.value;
      sources.section = m.key;
    }
  }

  const tagSet = new Set<string>();
  for (const t of meta.get('article:tag') ?? []) tagSet.add(t);
  const keywords = article?.keywords;
  const keywordList: unknown[] = typeof keywords === 'string' ? keywords.split(',') : Array.isArray(keywords) ? keywords : [];
  for (const k of keywordList) if (typeof k === 'string' && k.trim()) tagSet.add(k.trim());

  const schemaTypes = [...new Set([...raw.jsonLd.flatMap(types), ...(meta.get('og:type') ?? []).map((t) => t.toLowerCase())])];
  return { url, title, author, outlet, language, section, tags: [...tagSet].slice(0, 30), schemaTypes, sources };
}
