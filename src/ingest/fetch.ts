/**
 * Fetching over HTTP(S) with Node's fetch, bounded: a timeout over the whole exchange, a size cap
 * read as the body streams in, a redirect limit (loops included), and conditional GET.
 */

export interface FetchOptions {
  /** Whole exchange, headers and body, in milliseconds. */
  timeoutMs: number;
  /** Largest body accepted. */
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
}

export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  timeoutMs: 20_000,
  // A feed or page above 10 MB is hostile or not news.
  maxBytes: 10 * 2 ** 20,
  maxRedirects: 5,
  userAgent: 'Storyline/0.1 (+offline news reader)',
};

/** Validators from an earlier answer, sent back so an unchanged resource costs a 304. */
export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

/** A body (with its validators), a 304 Not Modified, or a failure with a code; never an exception. */
export type FetchResult =
  | { ok: true; status: number; url: string; body: Uint8Array; contentType: string | null; etag: string | null; lastModified: string | null }
  | { ok: true; status: 304; url: string; notModified: true; etag: string | null; lastModified: string | null }
  | { ok: false; url: string; code: 'timeout' | 'too-large' | 'too-many-redirects' | 'redirect-loop' | 'http-error' | 'network' | 'bad-url' | 'aborted' | 'disallowed'; message: string; status?: number };

/** Fetches one URL within the limits it was built with; `stop` abandons the exchange (code `aborted`). */
export interface Fetcher {
  fetch(url: string, validators?: Validators, stop?: AbortSignal): Promise<FetchResult>;
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    return null;
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Builds a fetcher; never throws for network or server faults (they come back as `ok: false`).
 * @example
 *   const r = await createFetcher({ timeoutMs: 5000 }).fetch(url, { etag: '"abc"' });
 *   if (r.ok && 'notModified' in r) // unchanged since last time
 */
export function createFetcher(options: Partial<FetchOptions> = {}): Fetcher {
  const opts = { ...DEFAULT_FETCH_OPTIONS, ...options };
  return {
    async fetch(start, validators = {}, stop) {
      const timeout = AbortSignal.timeout(opts.timeoutMs);
      const signal = stop ? AbortSignal.any([timeout, stop]) : timeout;
      let url = start;
      const seen = new Set<string>();
      try {
        for (let hop = 0; ; hop++) {
          let parsed: URL;
          try {
            parsed = new URL(url);
          } catch {
            return { ok: false, url, code: 'bad-url', message: `not a URL: ${url}` };
          }
          if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, url, code: 'bad-url', message: `unsupported scheme ${parsed.protocol}` };
          seen.add(parsed.href);
          const headers: Record<string, string> = { 'user-agent': opts.userAgent, accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml, text/html, */*;q=0.5' };
          if (validators.etag) headers['if-none-match'] = validators.etag;
          if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
          const res = await fetch(parsed, { redirect: 'manual', signal, headers });
          const etag = res.headers.get('etag');
          const lastModified = res.headers.get('last-modified');
          if (res.status >= 300 && res.status < 400 && res.status !== 304) {
            await res.body?.cancel();
            const location = res.headers.get('location');
            if (!location) return { ok: false, url, code: 'http-error', status: res.status, message: `redirect ${res.status} without a location` };
            const next = new URL(location, parsed).href;
            if (seen.has(next)) return { ok: false, url: start, code: 'redirect-loop', message: `redirect loop at ${next}` };
            if (hop + 1 > opts.maxRedirects) return { ok: false, url: start, code: 'too-many-redirects', message: `more than ${opts.maxRedirects} redirects` };
            url = next;
            continue;
          }
          if (res.status === 304) {
            await res.body?.cancel();
            return { ok: true, status: 304, url, notModified: true, etag: etag ?? validators.etag ?? null, lastModified: lastModified ?? validators.lastModified ?? null };
          }
          if (!res.ok) {
            await res.body?.cancel();
            return { ok: false, url, code: 'http-error', status: res.status, message: `HTTP ${res.status}` };
          }
          const body = await readCapped(res, opts.maxBytes);
          if (!body) return { ok: false, url, code: 'too-large', message: `body exceeds ${opts.maxBytes} bytes` };
          return { ok: true, status: res.status, url, body, contentType: res.headers.get('content-type'), etag, lastModified };
        }
      } catch (err) {
        const e = err as Error;
        if (stop?.aborted) return { ok: false, url, code: 'aborted', message: 'stopped before the answer was complete' };
        if (signal.aborted || e.name === 'TimeoutError' || e.name === 'AbortError') return { ok: false, url, code: 'timeout', message: `no complete answer within ${opts.timeoutMs} ms` };
        return { ok: false, url, code: 'network', message: (e.cause as Error | undefined)?.message ?? e.message };
      }
    },
  };
}
