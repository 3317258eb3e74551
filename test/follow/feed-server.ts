/**
 * A loopback feed server whose feeds change between polls, for watcher tests: a growing RSS feed
 * with ETags (304 when unchanged), and answers set per path (an error status, a stall, any body).
 */
import type { ServerResponse } from 'node:http';
import { startServer, type TestServer } from '../ingest/http-server.js';

/** Invented news items: each a distinct happening, long enough to be stored as an article. */
const PLACES = ['Port Elsworth', 'Marlow Bay', 'Brannock', 'Kessel Falls', 'Dunmere', 'Ashgrove', 'Tolvey', 'Carrow Point', 'Wenlock Vale', 'Hollin'];
const THINGS = ['ferry terminal', 'tram depot', 'flood barrier', 'public library', 'wind farm', 'fish market', 'bus station', 'water works', 'bridge repair', 'harbour wall'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

export function itemText(i: number): string {
  const place = PLACES[i % PLACES.length]!;
  const thing = THINGS[Math.floor(i / PLACES.length) % THINGS.length]!;
  const day = DAYS[i % DAYS.length]!;
  return `The council of ${place} approved the new ${thing} on ${day} after a review that lasted ${i + 2} months. Officials said work on the ${thing} would begin in the spring and cost ${(i + 3) * 4} million. Residents of ${place} had asked for the ${thing} for years, and ${i + 11} of them spoke at the meeting.`;
}

export interface FeedItemSpec {
  n: number;
  published: string;
}

export function rss(host: string, items: FeedItemSpec[]): string {
  const xml = items
    .map((it) => {
      const url = `${host}/news/${it.n}`;
      return `<item><title>Council approves project ${it.n}</title><link>${url}</link><guid>${url}</guid><pubDate>${new Date(it.published).toUTCString()}</pubDate><description>${itemText(it.n)}</description></item>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Regional Wire</title>${xml}</channel></rss>`;
}

export interface FeedServer {
  server: TestServer;
  url(path: string): string;
  /** Items of the growing feed at `/wire.rss` (newest first, as feeds list them). */
  items: FeedItemSpec[];
  /** Adds an item to the growing feed. */
  publish(published: string): void;
  /** What other paths answer: a status with a body, or 'stall' (headers, then nothing). */
  answers: Map<string, { status: number; body: string } | 'stall'>;
  /** Requests of `/wire.rss` with their If-None-Match header. */
  wireRequests: (string | null)[];
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const items: FeedItemSpec[] = [];
  const answers: FeedServer['answers'] = new Map();
  const wireRequests: (string | null)[] = [];
  const stalled: ServerResponse[] = [];
  let next = 0;
  let host = '';
  const server = await startServer({
    '/wire.rss': (req, res) => {
      const etag = `"w${items.length}"`;
      const asked = (req.headers['if-none-match'] as string | undefined) ?? null;
      wireRequests.push(asked);
      if (asked === etag) return void res.writeHead(304, { etag }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(rss(host, items));
    },
    '/*': (req, res) => {
      const answer = answers.get((req.url ?? '/').split('?')[0]!);
      if (!answer) return void res.writeHead(404).end('not found');
      if (answer === 'stall') {
        // Headers and a first byte, then silence: only a timeout over the whole exchange ends it.
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write('<');
        stalled.push(res);
        return;
      }
      res.writeHead(answer.status, { 'content-type': 'application/rss+xml' }).end(answer.body);
    },
  });
  host = server.url('').replace(/\/$/, '');
  return {
    server,
    url: (path) => server.url(path),
    items,
    publish(published) {
      items.unshift({ n: next++, published });
    },
    answers,
    wireRequests,
    async close() {
      for (const r of stalled) r.destroy();
      await server.close();
    },
  };
}
