/**
 * The OpenAPI 3.1 description of every route the server answers (JSON API, pages and feeds),
 * written as data. A test checks it against the app's route table, so a new route without a
 * description fails the suite.
 */

const error = { $ref: '#/components/responses/Error' };
const idParam = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });
const html = { description: 'HTML page', content: { 'text/html': { schema: { type: 'string' } } } };

/** The document served at `/openapi.json`. */
export function openApiDocument(version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Storyline',
      version,
      description: 'Storylines built from multi-source news: clean articles, events, storylines, and their comparison (facts, conflicts, quotes, framing, timeline). Errors are `{ "error": { "code", "message" } }` with a 4xx status.',
    },
    paths: {
      '/health': { get: { summary: 'Liveness and store counts', responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } } } } } },
      '/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI document', content: { 'application/json': {} } } } } },
      '/static/style.css': { get: { summary: 'The stylesheet of the pages', responses: { '200': { description: 'CSS', content: { 'text/css': {} } } } } },
      '/api/storylines': {
        get: {
          summary: 'Storylines, most recently active first, with filters and paging',
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
            { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
            { name: 'outlet', in: 'query', description: 'only storylines an outlet (exact name, any case) reports in', schema: { type: 'string' } },
            { name: 'from', in: 'query', description: 'only storylines active on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)', schema: { type: 'string' } },
            { name: 'to', in: 'query', description: 'only storylines active on or before this date', schema: { type: 'string' } },
            { name: 'entity', in: 'query', description: 'only storylines with an article that names this (a phrase, found by full-text search)', schema: { type: 'string' } },
            { name: 'sort', in: 'query', schema: { type: 'string', enum: ['activity', 'articles'], default: 'activity' } },
          ],
          responses: { '200': { description: 'A page of storylines', content: { 'application/json': { schema: { $ref: '#/components/schemas/StorylinePage' } } } }, '400': error },
        },
      },
      '/api/storylines/{id}': {
        get: {
          summary: 'The full report of a storyline (a merged id resolves to the storyline it was merged into), as stored: the bytes `storyline story ID --json` prints. When the storyline changed since, the stored report is served with `stale: true` while a new one is built; when none is stored yet, 202',
          parameters: [idParam('id', 'storyline id')],
          responses: { '200': { description: 'The report: brief, headline, articles, events, outlets, facts, conflicts, singleSource, quotes, framing, summary, timeline, developments; each statement with citations; every list complete (the pages and the CLI\'s Markdown show the top of long lists)', content: { 'application/json': { schema: { type: 'object', required: ['id', 'title', 'headline', 'facts', 'summary'], properties: { stale: { type: 'boolean', description: 'present (true) when the storyline changed since this report was built; a new one is being built: ask again shortly' }, title: { type: 'string', description: 'the storyline title as listed (the name used everywhere)' }, headline: { type: 'string', description: "the latest wording: the latest-dated article's title (undated last)" }, independentSources: { type: 'integer', description: 'independent sources: named outlets (copies fold into their original) plus each article with no named outlet' }, brief: { type: 'object', description: 'read first: asOf (latest date), now (the latest development, else the latest news sentence), arc (developments in date order), keyFacts, contradictions, alsoReported, background (happenings long before the storyline began); every line a quoted sentence with sources and citations, with a status label for developments' } } } } } }, '202': { description: 'No report is stored yet: it is being built; ask again after `Retry-After` seconds', content: { 'application/json': { schema: { type: 'object', required: ['id', 'status'], properties: { status: { const: 'building' }, message: { type: 'string' } } } } } }, '404': error },
        },
      },
      '/api/events/{id}': {
        get: { summary: 'One event with its articles', parameters: [idParam('id', 'event id')], responses: { '200': { description: 'The event', content: { 'application/json': { schema: { type: 'object', required: ['id', 'storylineId', 'articles'] } } } }, '404': error } },
      },
      '/api/articles/{id}': {
        get: {
          summary: 'One article: clean text, metadata, captions, and what was removed and why',
          parameters: [idParam('id', 'article id, URL-encoded (ids may be file paths or URLs)')],
          responses: { '200': { description: 'The stored article', content: { 'application/json': { schema: { type: 'object', required: ['id', 'text', 'removed', 'captions'] } } } }, '404': error },
        },
      },
      '/api/articles': {
        post: {
          summary: 'Submit articles in the formats `storyline ingest` reads: one JSON object, an array, or JSON lines (id, url, title, text or html, published, outlet; other fields kept)',
          security: [{ bearer: [] }, {}],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ArticleInput' } }, 'application/x-ndjson': { schema: { type: 'string' } } } },
          responses: {
            '422': { description: 'Every item was refused: `error` plus the per-item `items` and `counts`', content: { 'application/json': { schema: { $ref: '#/components/schemas/PostResult' } } } },
            '200': { description: 'Nothing new stored (already known, or some per-item errors). Updates are not supported yet: an id (or canonical URL) already stored is `skipped` with `reason: already-stored` and `storedId`, and the stored version is kept', content: { 'application/json': { schema: { $ref: '#/components/schemas/PostResult' } } } },
            '201': { description: 'At least one article stored', content: { 'application/json': { schema: { $ref: '#/components/schemas/PostResult' } } } },
            '400': error,
            '401': error,
            '413': error,
            // store-busy: another process (an `ingest` run, named by its pid in the message) writes to the database; retry later.
            '503': error,
          },
        },
      },
      '/api/search': {
        get: {
          summary: 'Full-text search over article titles and texts; storylines are listed through their matching articles (hits ≥ 1)',
          parameters: [
            { name: 'q', in: 'query', required: true, description: 'plain words, all required (AND); punctuation separates words and no operator is read (OR, NOT, NEAR and quotes are ordinary words)', schema: { type: 'string', maxLength: 500 } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
          ],
          responses: { '200': { description: 'Matching articles (with snippets, matches in [brackets]) and storylines', content: { 'application/json': { schema: { type: 'object', required: ['query', 'articles', 'storylines'] } } } }, '400': error },
        },
      },
      '/api/feeds': {
        get: {
          summary: 'Followed feeds (storyline subscribe) with their health, in the order they were subscribed',
          responses: { '200': { description: 'total and items: url, title, everySeconds (null: adaptive), addedAt, status (pending, ok, failing, disabled) and health (lastPollAt, lastOutcome, lastStatus, lastItems, lastNew, lastNewAt, totalNew, failures, errorScore, lastError, intervalSeconds, nextPollAt, disabled with its reason)', content: { 'application/json': { schema: { type: 'object', required: ['total', 'items'] } } } } },
        },
      },
      '/feeds': { get: { summary: 'Page: followed feeds and their health (last poll, answer, items, articles stored, errors, next poll)', responses: { '200': html } } },
      '/': { get: { summary: 'Page: storylines, most active first, with coverage charts', parameters: [{ name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0 } }], responses: { '200': html, '400': error } } },
      '/storylines/{id}': { get: { summary: 'Page: one storyline (says so when the storyline changed since its report was built)', parameters: [idParam('id', 'storyline id')], responses: { '200': html, '202': { description: 'The report is being built: a page that reloads itself' }, '301': { description: 'A merged id: moved to the storyline it joined' }, '404': html } } },
      '/events/{id}': { get: { summary: 'Page: one event, its articles and a link to its storyline', parameters: [idParam('id', 'event id')], responses: { '200': html, '301': { description: 'A merged id: moved to the event it joined' }, '404': html } } },
      '/storylines/{id}/feed.atom': {
        get: { summary: 'Atom feed of a storyline: its articles and developments', parameters: [idParam('id', 'storyline id')], responses: { '200': { description: 'Atom feed', content: { 'application/atom+xml': {} } }, '404': error, '503': { description: 'The storyline\'s report is being built: ask again after `Retry-After` seconds' } } },
      },
      '/articles/{id}': {
        get: {
          summary: 'Page: one article, with the cited sentence marked',
          parameters: [idParam('id', 'article id, URL-encoded'), { name: 'cite', in: 'query', description: 'character range START-END to mark', schema: { type: 'string', pattern: '^\\d+-\\d+$' } }],
          responses: { '200': html, '404': html },
        },
      },
      '/search': { get: { summary: 'Page: search results', parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }], responses: { '200': html, '400': html } } },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Needed for writes when the server has a write token (--token or STORYLINE_WRITE_TOKEN)' } },
      responses: {
        Error: { description: 'The request was refused', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
      schemas: {
        Error: { type: 'object', required: ['error'], properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } } },
        Health: { type: 'object', required: ['status'], properties: { status: { const: 'ok' }, counts: { type: 'object' } } },
        Storyline: {
          type: 'object',
          required: ['id', 'title', 'articleCount', 'outlets'],
          properties: { id: { type: 'string' }, title: { type: 'string' }, eventIds: { type: 'array', items: { type: 'string' } }, articleCount: { type: 'integer' }, outlets: { type: 'array', items: { type: 'string' } }, firstDate: { type: ['string', 'null'] }, lastDate: { type: ['string', 'null'] } },
        },
        StorylinePage: { type: 'object', required: ['total', 'limit', 'offset', 'items'], properties: { total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, next: { type: ['string', 'null'] }, items: { type: 'array', items: { $ref: '#/components/schemas/Storyline' } } } },
        ArticleInput: {
          type: 'object',
          properties: { id: { type: 'string' }, url: { type: 'string' }, title: { type: 'string' }, text: { type: 'string' }, html: { type: 'string' }, published: { type: 'string' }, outlet: { type: 'string' }, author: { type: 'string' }, language: { type: 'string' } },
        },
        PostResult: {
          type: 'object',
          required: ['items', 'counts'],
          properties: {
            counts: { type: 'object' },
            items: {
              type: 'array',
              items: {
                type: 'object',
                required: ['item', 'outcome'],
                properties: {
                  item: { type: 'integer' },
                  id: { type: ['string', 'null'], description: 'the stored id, or the id the item gave' },
                  outcome: { enum: ['added', 'duplicate', 'skipped', 'unchanged', 'error'] },
                  reason: { const: 'already-stored', description: 'why an item was skipped (updates are not supported yet)' },
                  storedId: { type: 'string' },
                  warning: { type: 'object', description: 'accepted, but not as given: code not-an-article (a listing, shop or forum page: stored, kept out of events), bad-date (a date not understood is stored as null) or unread-date-field (a date-like field this reader does not know, named on the first item that has it)' },
                  error: { type: 'object' },
                },
              },
            },
          },
        },
      },
    },
  };
}
