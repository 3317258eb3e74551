/**
 * OPML in and out. Import reads only http(s) URLs (an entry naming a local file is refused, as
 * ingest refuses it); export writes every subscription with its name.
 */
import { listedFeedUrl, parseFeed } from '../ingest/index.js';
import type { Subscription } from '../model/index.js';

/** The feeds of an OPML list, and the entries refused with why. */
export type OpmlFeeds = { ok: true; feeds: { url: string; title: string | null }[]; refused: { entry: string; reason: string }[] } | { ok: false; message: string };

/** Reads an OPML document (the ingest stage's feed parser, with its guards against hostile XML). */
export function readOpml(content: string): OpmlFeeds {
  const parsed = parseFeed(content);
  if (!parsed.ok) return { ok: false, message: `${parsed.code}: ${parsed.message}` };
  if (parsed.kind !== 'opml') return { ok: false, message: `this is a ${parsed.kind} feed, not an OPML list: subscribe to its URL instead` };
  const feeds: { url: string; title: string | null }[] = [];
  const refused: { entry: string; reason: string }[] = [];
  for (const o of parsed.outlines ?? parsed.feeds.map((url) => ({ url, title: null }))) {
    // A local list has no base URL: a relative entry names no feed.
    const url = listedFeedUrl(o.url, '', false);
    if (url) feeds.push({ url, title: o.title });
    else refused.push({ entry: o.url.slice(0, 200), reason: 'not an http(s) URL (local files are read only when named on the command line)' });
  }
  return { ok: true, feeds, refused };
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/** An OPML 2.0 list of the subscriptions, for other readers. */
export function renderOpml(subs: readonly Subscription[], now: Date): string {
  const lines = subs.map((s) => {
    const name = escapeXml(s.title ?? s.url);
    return `    <outline type="rss" text="${name}" title="${name}" xmlUrl="${escapeXml(s.url)}"/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    '    <title>Storyline subscriptions</title>',
    `    <dateCreated>${now.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...lines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
