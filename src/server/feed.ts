/**
 * Atom feed of one storyline (RFC 4287): an entry per article (newest first) and per development
 * of its anticipated events, so a feed reader learns when a story moves. Every piece of scraped
 * text is XML-escaped; dates are turned into the RFC 3339 timestamps Atom requires.
 */
import type { StoredArticle, StorylineReport } from '../model/index.js';
import { developmentTitle } from '../web/labels.js';

/** Entries in one feed: readers poll often, and old entries are in the storyline page. */
export const FEED_ENTRIES = 100;

/** Escapes text for XML element content and attribute values; drops characters XML 1.0 forbids. */
export function escapeXml(s: unknown): string {
  return String(s ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu, '')
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;')
    .replace(/'/gu, '&apos;');
}

/** A stored date (`2025`, `2025-03`, `2025-03-11`, or an ISO datetime) as an RFC 3339 timestamp; null when unreadable. */
export function atomDate(date: string | null | undefined): string | null {
  if (!date) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
  // A partial date stands for the start of its period.
  const iso = m ? `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}T00:00:00Z` : date;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
}

/** What the feed is built from. */
export interface FeedInput {
  storylineId: string;
  /** The report; `title` (the stored storyline title) names the feed when given. */
  report: StorylineReport & { title?: string };
  /** The storyline's articles as stored (for ingestion times and text). */
  articles: Map<string, Pick<StoredArticle, 'ingestedAt' | 'text' | 'outlet'>>;
  /** Absolute base URL of the server, ending in `/`. */
  base: string;
  /** The time of an entry that has neither a publication nor an ingest time (never 1970); default: now. */
  now?: Date;
}

interface Entry {
  id: string;
  title: string;
  updated: string;
  /** The updated time is a publication date (false: the ingest time stands in for an unknown one). */
  dated: boolean;
  link: string;
  summary: string;
  author: string | null;
}

/** Renders the Atom document. */
export function renderAtomFeed(input: FeedInput): string {
  const { report, base, storylineId } = input;
  const page = `${base}storylines/${encodeURIComponent(storylineId)}`;
  const fallback = atomDate((input.now ?? new Date()).toISOString())!;
  const UNDATED = 'Publication date unknown: the time shown is when Storyline ingested it.';
  /** The publication date when known, else the article's ingest time (and the entry says so). */
  const when = (published: string | null | undefined, articleId: string | undefined) => {
    const d = atomDate(published);
    if (d) return { updated: d, dated: true };
    return { updated: atomDate(articleId ? input.articles.get(articleId)?.ingestedAt : null) ?? fallback, dated: false };
  };
  const entries: Entry[] = [];
  for (const a of report.articles) {
    const stored = input.articles.get(a.id);
    const t = when(a.published, a.id);
    const text = (stored?.text ?? '').slice(0, 400);
    entries.push({
      id: `urn:storyline:article:${encodeURIComponent(a.id)}`,
      title: a.title || a.id,
      ...t,
      link: `${base}articles/${encodeURIComponent(a.id)}`,
      summary: t.dated ? text : `${UNDATED}\n\n${text}`,
      // The report names an article by its id when the outlet is unknown; a feed author must be a name.
      author: stored?.outlet ?? null,
    });
  }
  (report.developments ?? []).forEach((d, i) => {
    const at = d.citations[0];
    const t = when(d.date, at?.article);
    entries.push({
      // Keyed by what the report says and where, so the id stays put when other developments arrive.
      id: at ? `urn:storyline:development:${encodeURIComponent(at.article)}:${at.start}:${d.status}` : `urn:storyline:development:${encodeURIComponent(storylineId)}:${i}`,
      title: developmentTitle(d),
      ...t,
      link: at ? `${base}articles/${encodeURIComponent(at.article)}#c-${at.start}` : page,
      summary: t.dated ? d.text : `${UNDATED}\n\n${d.text}`,
      author: d.sources.join(', ') || null,
    });
  });
  // Dated entries first, newest first: an undated article ingested today is not news of today.
  entries.sort((x, y) => Number(y.dated) - Number(x.dated) || (x.updated < y.updated ? 1 : x.updated > y.updated ? -1 : 0));
  const shown = entries.slice(0, FEED_ENTRIES);
  // The feed changed when its newest entry did (dated or not).
  const updated = shown.map((e) => e.updated).sort().pop() ?? fallback;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>urn:storyline:storyline:${escapeXml(encodeURIComponent(storylineId))}</id>`,
    `  <title>${escapeXml(report.title || report.storylineTitle || report.headline || storylineId)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(page)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${page}/feed.atom`)}"/>`,
    '  <author><name>Storyline</name></author>',
    '  <generator>Storyline</generator>',
  ];
  for (const e of shown) {
    lines.push(
      '  <entry>',
      `    <id>${escapeXml(e.id)}</id>`,
      `    <title type="text">${escapeXml(e.title)}</title>`,
      `    <updated>${e.updated}</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
      ...(e.author ? [`    <author><name>${escapeXml(e.author)}</name></author>`] : []),
      `    <summary type="text">${escapeXml(e.summary)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
