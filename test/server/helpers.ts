/**
 * A temp database of the demo corpus (plus invented hostile articles, for escaping tests) and an
 * app over it, for the server tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createFetcher, createIngester, DEFAULT_SOURCE_LIMITS, readInputs, type SourceContext } from '../../src/ingest/index.js';
import { projectRelativeItem } from '../../src/cli/demo.js';
import { createApp, type AppOptions, type StorylineApp } from '../../src/server/index.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';

export const DEMO_CORPUS = resolve(import.meta.dirname, '..', '..', 'demo', 'corpus');

/** A headline written to break out of HTML contexts: element content, attributes, SVG titles. */
export const HOSTILE_TITLE = 'Harbor <script>alert("t")</script> vote "><img src=x onerror=alert(1)>';
/** An id with characters that need URL-encoding. */
export const HOSTILE_ID = 'feeds/city hall/<x>?#1.txt';

/** A JSON line of an invented article whose title, text, outlet and URL try to inject markup. */
export function hostileArticle(): Record<string, unknown> {
  return {
    id: HOSTILE_ID,
    url: 'https://hostile.example/news/"><script>alert(2)</script>',
    title: HOSTILE_TITLE,
    outlet: 'The "><img src=y onerror=alert(3)> Gazette',
    published: '2025-05-02',
    // The headline repeated as the first line, as scraped text files have it (the cleaner reads it from there).
    text:
      `${HOSTILE_TITLE}\n\n` +
      'City council members voted on Tuesday to fund a new ferry terminal <script>alert(4)</script> beside the harbor.\n\n' +
      'Councillor Ada Brenn said the terminal would open in 2027 "><img src=z onerror=alert(5)> if the budget holds.\n\n' +
      'The vote passed seven to four after a two-hour debate about the cost of the harbor works and the ferry timetable.',
  };
}

export interface Fixture {
  dir: string;
  store: Store;
  app: StorylineApp;
  close(): Promise<void>;
}

/** Ingests the demo corpus (and the hostile article when asked) into a fresh temp database. */
export async function demoFixture(options: Partial<AppOptions> & { hostile?: boolean } = {}): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-server-'));
  const store = openSqliteStore(join(dir, 'demo.db'));
  const ingester = await createIngester(store);
  const ctx: SourceContext = { ...DEFAULT_SOURCE_LIMITS, fetcher: createFetcher(), getFeedState: (u) => store.getFeedState(u), saveFeedState: (s) => store.saveFeedState(s), fetchLinks: false };
  // Ids as the demo stores them (`demo/corpus/…`), not absolute paths.
  for await (const item of readInputs([DEMO_CORPUS], ctx)) await ingester.ingest(projectRelativeItem(item));
  await ingester.finish();
  const { hostile, ...appOptions } = options;
  const app = createApp(store, { log: () => {}, ...appOptions });
  if (hostile) await app.service.submit(JSON.stringify(hostileArticle()));
  return {
    dir,
    store,
    app,
    async close() {
      await app.service.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
