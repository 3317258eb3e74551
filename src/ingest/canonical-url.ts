/**
 * URL canonicalisation: one article reached through tracking links, AMP or mobile pages, or feed
 * redirectors gets one URL, so that ingesting it again is recognised.
 */

/** Query parameters that only track the reader or the campaign; they never select content. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'msclkid', 'yclid', 'igshid', 'mc_cid', 'mc_eid', '_ga', '_gl', 'ocid', 'ncid', 'cmpid',
  'cmp', 'smid', 'smtyp', 'soc_src', 'soc_trk', 'ref_src', 'ref_url', 'taid', 'mbid', 'guccounter', 'guce_referrer',
  'guce_referrer_sig', 'spm', 'wt.mc_id', 'wt_mc_id', 's_cid', 'campaign_id', 'ito',
  'amp', 'outputtype', 'amp_js_v', 'usqp', '__twitter_impression', 'at_medium', 'at_campaign', 'at_custom1',
  'at_custom2', 'at_custom3', 'at_custom4',
]);

/** Prefixes of tracking parameter families (utm_source, utm_medium, …; Piano `pk_*`, HubSpot `_hs*`). */
const TRACKING_PREFIXES = ['utm_', 'pk_', '_hs', 'hsa_', 'mkt_', 'oly_'];

/** Hosts that only redirect to an article named in a query parameter. */
const REDIRECTOR_HOSTS = /^(news\.google\.[a-z.]+|google\.[a-z.]+|l\.facebook\.com|lm\.facebook\.com|out\.reddit\.com|feeds\.feedburner\.com|feedproxy\.google\.com|[a-z0-9-]+\.feedsportal\.com|r\.search\.yahoo\.com|bing\.com|t\.umblr\.com|href\.li|news\.yahoo\.com)$/;

/** Parameters that redirectors carry the real URL in, most specific first. */
const REDIRECT_PARAMS = ['url', 'u', 'q', 'link', 'dest', 'destination', 'target', 'redirect', 'to', 'ru'];

/** Host prefixes of mobile and AMP editions of the same site. */
const EDITION_PREFIX = /^(www\d?|m|mobile|amp|amp-[a-z0-9]+)\./;

function realUrlFromRedirector(u: URL): string | null {
  if (!REDIRECTOR_HOSTS.test(u.hostname.replace(/^www\./, ''))) return null;
  for (const name of REDIRECT_PARAMS) {
    const v = u.searchParams.get(name);
    if (v && /^https?:\/\//i.test(v)) return v;
  }
  return null;
}

/** `https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a.html` → the publisher's URL. */
function ampCacheOrigin(u: URL): string | null {
  if (!u.hostname.endsWith('.cdn.ampproject.org')) return null;
  const m = /^\/[a-z](?:\/s)?\/(.+)$/.exec(u.pathname);
  return m ? `https://${m[1]}${u.search}` : null;
}

function isTracking(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_PARAMS.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

/** Parses an http(s) URL and follows redirectors and AMP caches to the publisher's URL. */
function publisherUrl(input: string | null | undefined): URL | null {
  if (!input) return null;
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return null;
  }
  // Follow nested redirectors and AMP caches a few levels deep (a loop of them is malformed input).
  for (let i = 0; i < 4; i++) {
    const next = realUrlFromRedirector(u) ?? ampCacheOrigin(u);
    if (!next) break;
    try {
      u = new URL(next);
    } catch {
      break;
    }
  }
  return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
}

/**
 * The URL to show and link to: the publisher's address without tracking parameters and fragment,
 * its scheme, host and path as given (reason: the canonical form is a matching key; its https may
 * not exist on the server). Null when the input is not an http(s) URL.
 * @example linkUrl('http://example.com/a?id=3&utm_source=rss#top') // 'http://example.com/a?id=3'
 */
export function linkUrl(input: string | null | undefined): string | null {
  const u = publisherUrl(input);
  if (!u) return null;
  for (const k of [...u.searchParams.keys()]) if (isTracking(k)) u.searchParams.delete(k);
  u.hash = '';
  return u.toString();
}

/**
 * The canonical form of an article URL, or null when the input is not an http(s) URL.
 * @example
 *   canonicalUrl('http://m.example.com/world/story/amp?utm_source=x#top') // 'https://example.com/world/story'
 */
export function canonicalUrl(input: string | null | undefined): string | null {
  const u = publisherUrl(input);
  if (!u) return null;
  // http and https copies of one page are the same article.
  const host = u.hostname.toLowerCase().replace(/\.$/, '').replace(EDITION_PREFIX, '');
  let path = u.pathname
    .replace(/\/amp(\.html?)?\/?$/i, '/')
    .replace(/^\/amp\//i, '/')
    .replace(/\.amp(\.html?)$/i, '$1')
    .replace(/\/{2,}/g, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  const params = [...u.searchParams].filter(([k]) => !isTracking(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const port = u.port && u.port !== '80' && u.port !== '443' ? `:${u.port}` : '';
  return `https://${host}${port}${path}${query}`;
}
