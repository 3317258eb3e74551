/**
 * Who is a source. An article's source is its outlet; without one, the outlet its URL names (a
 * well-known host's name, else the site's domain); without a URL, the file or feed it came from —
 * a JSON-lines file or a feed is one source, a plain-text file given on its own is its own.
 * Rule: an article is never one source per line (reason: 232 lines of one outlet's dump are one
 * voice, not 232 independent confirmations).
 */
import { outletFromUrl } from '../extract/index.js';

/** The article fields source identity reads. */
export interface SourcedArticle {
  id: string;
  outlet: string | null;
  url?: string | null;
  file?: string | null;
}

/** Label prefix of a source with no named outlet (a file or feed of unknown outlet). */
export const UNNAMED_SOURCE = 'unnamed source';

/** The outlet an article names, or the one its URL names; null when neither does. */
export function namedOutlet(a: SourcedArticle): string | null {
  if (typeof a.outlet === 'string' && a.outlet.trim()) return a.outlet.trim();
  return typeof a.url === 'string' ? outletFromUrl(a.url) : null;
}

/**
 * The file or feed an article without an outlet came from: a JSON line's file (`dump.jsonl:24` →
 * `dump.jsonl`), a feed item's feed (`feed.xml item 3` → `feed.xml`), else the file itself, else
 * the id (reason: these are how the ingest stage names a line, an item and a file).
 */
export function containerOf(a: SourcedArticle): string {
  const raw = (typeof a.file === 'string' && a.file.trim()) || a.id;
  return raw.replace(/ item \d+$/u, '').replace(/(\.(?:jsonl|ndjson)(?:\.gz)?):\d+$/iu, '$1');
}

/** The last `n` path segments of a container, extension dropped for a single file's name. */
function tail(container: string, n: number): string {
  const parts = container.split(/[\\/]/u).filter(Boolean);
  const shown = parts.slice(-n).join('/') || container;
  // "05-harbour-news.txt" reads as "05-harbour-news"; a JSON-lines file keeps its extension (it is a collection).
  return shown.replace(/\.(?:txt|html?|md|xml)$/iu, '');
}

/** The site an article's URL is on (`www.` dropped), or null without a readable http(s) URL. */
function hostOf(a: SourcedArticle): string | null {
  if (typeof a.url !== 'string') return null;
  try {
    const u = new URL(a.url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase().replace(/^www\./u, '') : null;
  } catch {
    return null;
  }
}

/**
 * One name per site: the outlet named most often by the articles on one host (ties: the first in
 * alphabetical order). Reason: a feed's teaser copy ("Harbour Wire Teasers") and the page's own
 * name ("Harbour Wire") are one outlet, and must not count as two independent sources.
 */
function outletPerHost(articles: SourcedArticle[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const a of articles) {
    const host = hostOf(a);
    const outlet = namedOutlet(a);
    if (!host || !outlet) continue;
    const names = counts.get(host) ?? new Map<string, number>();
    names.set(outlet, (names.get(outlet) ?? 0) + 1);
    counts.set(host, names);
  }
  const chosen = new Map<string, string>();
  for (const [host, names] of counts) {
    const [best] = [...names].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
    chosen.set(host, best![0]);
  }
  return chosen;
}

/**
 * Names the sources of one set of articles: the named outlet, else "unnamed source (container)"
 * where the container is shown by the shortest path tail that tells it from the others'
 * ("H1N1_bbc/articles.jsonl" beside "H1N1_guardian/articles.jsonl").
 */
export function createSourceNamer(articles: SourcedArticle[]): (a: SourcedArticle) => string {
  const containers = [...new Set(articles.filter((a) => !namedOutlet(a)).map(containerOf))];
  const labels = new Map<string, string>();
  for (const c of containers) {
    const depth = c.split(/[\\/]/u).filter(Boolean).length;
    let n = 1;
    while (n < depth && containers.some((d) => d !== c && tail(d, n) === tail(c, n))) n++;
    labels.set(c, `${UNNAMED_SOURCE} (${tail(c, n)})`);
  }
  const perHost = outletPerHost(articles);
  return (a) => perHost.get(hostOf(a) ?? '') ?? namedOutlet(a) ?? labels.get(containerOf(a)) ?? `${UNNAMED_SOURCE} (${tail(containerOf(a), 1)})`;
}
