/**
 * The HTTP app (Hono): JSON API under `/api`, server-rendered pages, Atom feeds, `/health` and
 * `/openapi.json`. Every refused request gets a 4xx with `{ error: { code, message } }` (pages get
 * an HTML page with the same status); only a fault of the server itself is a 500.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { StoredArticle } from '../model/index.js';
import type { Store } from '../store/index.js';
import { eventHref, renderArticlePage, renderErrorPage, renderEventPage, renderIndexPage, renderSearchPage, renderStorylinePage, storylineHref } from '../web/pages.js';
import { STYLESHEET } from '../web/style.js';
import { ApiError, errorBody, notFound } from './errors.js';
import { renderAtomFeed } from './feed.js';
import { openApiDocument } from './openapi.js';
import { dateParam, enumParam, intParam, queryParam, textParam } from './params.js';
import { createStorylineService, type ServiceOptions, type StorylineService } from './service.js';

export interface AppOptions {
  /** When set, `POST /api/articles` needs `Authorization: Bearer <token>`. */
  writeToken: string | null;
  /** Largest request body, in bytes (413 above it). */
  maxBodyBytes: number;
  /** Version shown in the OpenAPI document. */
  version: string;
  service: Partial<ServiceOptions>;
  /** Where unexpected errors are reported (a 500 is answered either way). */
  log: (message: string) => void;
}

export const DEFAULT_APP_OPTIONS: AppOptions = { writeToken: null, maxBodyBytes: 8 * 2 ** 20, version: '0.1.0', service: {}, log: (m) => console.error(m) };

/** Rendered storyline pages kept (a large one is ~200 kB). */
const PAGE_CACHE_SIZE = 64;

/** Storylines per page of `/`. */
const PAGE_SIZE = 20;

/**
 * No script at all, styles only from our own stylesheet: scraped text that slipped through
 * escaping still could not run.
 */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const isApiPath = (path: string) => path.startsWith('/api/') || path === '/api' || path === '/health' || path === '/openapi.json' || path.endsWith('.atom');

function sameSecret(given: string, expected: string): boolean {
  // Digests first: equal lengths for timingSafeEqual, and no length leak.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The `cite=START-END` parameter of an article page, or null when absent or unreadable. */
function citeParam(raw: string | undefined, textLength: number): { start: number; end: number } | null {
  const m = /^(\d{1,9})-(\d{1,9})$/.exec(raw ?? '');
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return start < end && end <= textLength ? { start, end } : null;
}

/** The base URL the client used, for absolute links in feeds. */
function baseUrl(c: Context): string {
  const u = new URL(c.req.url);
  return `${u.protocol}//${u.host}/`;
}

export interface StorylineApp {
  app: Hono;
  service: StorylineService;
}

/** Builds the app over a store (the caller keeps the store and closes it after `service.close()`). */
export function createApp(store: Store, options: Partial<AppOptions> = {}): StorylineApp {
  const opts = { ...DEFAULT_APP_OPTIONS, ...options };
  const service = createStorylineService(store, opts.service);
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });

  app.onError((err, c) => {
    let status: number;
    let code: string;
    let message: string;
    if (err instanceof ApiError) ({ status, code, message } = err);
    else if (err instanceof HTTPException && err.status < 500) {
      status = err.status;
      code = status === 413 ? 'too-large' : 'bad-request';
      message = err.message || 'bad request';
    } else {
      opts.log(`storyline serve: ${c.req.method} ${c.req.path}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      status = 500;
      code = 'internal';
      message = 'internal error (logged on the server)';
    }
    if (isApiPath(c.req.path)) return c.json(errorBody(code, message), status as 400);
    return c.html(renderErrorPage(status, message), status as 400);
  });

  app.notFound((c) => {
    const message = `no route ${c.req.method} ${c.req.path}`;
    if (isApiPath(c.req.path)) return c.json(errorBody('not-found', message), 404);
    return c.html(renderErrorPage(404, message), 404);
  });

  app.get('/health', async (c) => c.json({ status: 'ok', counts: await store.counts() }));
  app.get('/openapi.json', (c) => c.json(openApiDocument(opts.version)));
  app.get('/static/style.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(STYLESHEET, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });

  // --- JSON API ---

  app.get('/api/storylines', async (c) => {
    const q = c.req.query();
    const limit = intParam('limit', q.limit, 20, 1, 100);
    const offset = intParam('offset', q.offset, 0, 0, 1_000_000);
    const from = dateParam('from', q.from);
    const to = dateParam('to', q.to);
    if (from && to && from > `${to}~`) throw new ApiError(400, 'bad-parameter', `from (${from}) is after to (${to})`);
    const page = await service.listStorylines({
      outlet: textParam('outlet', q.outlet),
      language: textParam('language', q.language),
      entity: textParam('entity', q.entity),
      from,
      to,
      sort: enumParam('sort', q.sort, ['activity', 'articles'] as const, 'activity'),
      limit,
      offset,
    });
    const nextUrl = new URL(c.req.url);
    nextUrl.searchParams.set('offset', String(offset + limit));
    const next = offset + limit < page.total ? `${nextUrl.pathname}${nextUrl.search}` : null;
    return c.json({ total: page.total, limit, offset, next, items: page.items });
  });

  app.get('/api/storylines/:id', async (c) => {
    const id = c.req.param('id');
    const hit = await service.report(id);
    if (!hit) throw notFound('storyline', id);
    return c.json({ id: hit.id, ...(hit.id !== id ? { mergedFrom: id } : {}), ...hit.report });
  });

  app.get('/api/events/:id', async (c) => {
    const id = c.req.param('id');
    const e = await service.event(id);
    if (!e) throw notFound('event', id);
    return c.json({ ...e, ...(e.id !== id ? { mergedFrom: id } : {}) });
  });

  app.get('/api/articles/:id{.+}', async (c) => {
    const id = c.req.param('id');
    const a = await service.article(id);
    if (!a) throw notFound('article', id);
    return c.json(a);
  });

  app.get('/api/search', async (c) => {
    const p = c.req.query();
    const q = queryParam(p.q);
    const limit = intParam('limit', p.limit, 20, 1, 100);
    const filters = { outlet: textParam('outlet', p.outlet), language: textParam('language', p.language), from: dateParam('from', p.from), to: dateParam('to', p.to) };
    return c.json(await service.search(q, limit, filters));
  });

  app.post(
    '/api/articles',
    async (c, next) => {
      if (opts.writeToken) {
        const m = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '');
        if (!m || !sameSecret(m[1]!, opts.writeToken)) {
          c.header('WWW-Authenticate', 'Bearer realm="storyline"');
          throw new ApiError(401, 'unauthorized', 'writing needs the write token: Authorization: Bearer <token>');
        }
      }
      await next();
    },
    bodyLimit({
      maxSize: opts.maxBodyBytes,
      onError: () => {
        throw new ApiError(413, 'too-large', `the body exceeds ${opts.maxBodyBytes} bytes`);
      },
    }),
    async (c) => {
      const body = await c.req.text();
      const result = await service.submit(body);
      // Every item refused: the request as a whole failed (the per-item reasons are in the body).
      if (result.counts.error === result.items.length) {
        return c.json({ ...errorBody('all-items-failed', `none of the ${result.items.length} items could be stored: see items[].error`), ...result }, 422);
      }
      return c.json(result, result.counts.added + result.counts.duplicate > 0 ? 201 : 200);
    },
  );

  // --- Pages ---

  app.get('/', async (c) => {
    const offset = intParam('offset', c.req.query('offset'), 0, 0, 1_000_000);
    const page = await service.listStorylines({ outlet: null, entity: null, from: null, to: null, sort: 'activity', limit: PAGE_SIZE, offset });
    const coverage = new Map<string, (string | null)[]>();
    for (const s of page.items) coverage.set(s.id, await service.publicationDates(s));
    return c.html(renderIndexPage({ items: page.items, total: page.total, offset, limit: PAGE_SIZE, coverage }));
  });

  // Rendered storyline pages, by id, valid while the storyline's key is unchanged (LRU like the reports).
  const pages = new Map<string, { key: string; html: string }>();
  app.get('/storylines/:id', async (c) => {
    const id = c.req.param('id');
    const current = await store.resolveId('storyline', id);
    if (current !== id) return c.redirect(storylineHref(current), 301);
    const key = await service.storylineKey(id);
    if (key === null) throw notFound('storyline', id);
    const cached = pages.get(id);
    if (cached?.key === key) return c.html(cached.html);
    const hit = await service.report(id);
    if (!hit) throw notFound('storyline', id);
    const html = renderStorylinePage({ id: hit.id, report: hit.report });
    pages.delete(id);
    pages.set(id, { key: hit.key, html });
    while (pages.size > PAGE_CACHE_SIZE) pages.delete(pages.keys().next().value!);
    return c.html(html);
  });

  app.get('/events/:id', async (c) => {
    const id = c.req.param('id');
    const e = await service.event(id);
    if (!e) throw notFound('event', id);
    if (e.id !== id) return c.redirect(eventHref(e.id), 301);
    // The latest wording of the event, from its storyline's report (cached), shown under its title.
    const hit = await service.report(e.storylineId);
    const reported = hit?.report.events.find((x) => x.id === e.id);
    return c.html(renderEventPage({ event: e, headline: reported?.headline ?? null, storylineTitle: hit?.report.title ?? null }));
  });

  app.get('/storylines/:id/feed.atom', async (c) => {
    const id = c.req.param('id');
    const hit = await service.report(id);
    if (!hit) throw notFound('storyline', id);
    const articles = new Map<string, StoredArticle>();
    for (const a of hit.report.articles) {
      const stored = await service.article(a.id);
      if (stored) articles.set(a.id, stored);
    }
    const xml = renderAtomFeed({ storylineId: hit.id, report: hit.report, articles, base: baseUrl(c) });
    return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
  });

  app.get('/articles/:id{.+}', async (c) => {
    const id = c.req.param('id');
    const a = await service.article(id);
    if (!a) throw notFound('article', id);
    return c.html(renderArticlePage(a, citeParam(c.req.query('cite'), a.text.length)));
  });

  app.get('/search', async (c) => {
    const raw = (c.req.query('q') ?? '').trim();
    if (!raw) return c.html(renderSearchPage({ query: '', articles: [], storylines: [] }));
    const result = await service.search(queryParam(raw), 50);
    return c.html(renderSearchPage(result));
  });

  return { app, service };
}
