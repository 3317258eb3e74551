import { join, relative, resolve } from 'node:path';
import { predateInputs } from '../pipeline/predate.js';
import { chooseProfile, createFetcher, createIngester, DEFAULT_SOURCE_LIMITS, readInputs, rootRelativeItem, type Ingester, type InputItem, type SourceContext } from '../ingest/index.js';
import { refineStoredDates } from '../pipeline/refine-dates.js';
import { linePrinter, parseOptions, UsageError, type Command } from './command.js';
import { dateLabel } from '../web/labels.js';
import { plural } from '../compare/index.js';
import { parsePort, serveUntilStopped } from './serve.js';
import { dbLabel, openStoreForWriting } from './open-store.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DEMO_CORPUS = join(ROOT, 'demo', 'corpus');

/**
 * A file item of a corpus inside the project named by its path from the project root
 * (`demo/corpus/01-….txt`): ids are shown and served, and an absolute path would expose the
 * machine's file system. Other items pass unchanged.
 */
export function projectRelativeItem(item: InputItem, root: string = ROOT): InputItem {
  return rootRelativeItem(item, root, { outside: false });
}

const USAGE = `Usage: storyline demo [--db FILE] [--corpus DIR] [--port N] [--token T] [--no-serve]

Ingests the demo corpus that ships with Storyline (demo/corpus: fictional articles from fictional
outlets) into a database, prints the storylines found, and serves them on this machine: open the
printed address in a browser. A second run reuses the database (ingest adds nothing twice).

Options:
  --db FILE      database (default ./storyline-demo.db)
  --corpus DIR   another folder of articles instead of the demo corpus
  --port N       TCP port (default 8080; 0 picks a free one)
  --token T      write token: POST /api/articles then needs "Authorization: Bearer T"
                 (without it, the demo server, on 127.0.0.1 only, takes writes from this machine)
  --no-serve     stop after printing the storylines
  --help         this text`;

export const demoCommand: Command = {
  name: 'demo',
  usage: USAGE,
  async run(args, io) {
    const log = linePrinter(io.stdout);
    const { values, positionals } = parseOptions(args, {
      db: { type: 'string', default: './storyline-demo.db' },
      corpus: { type: 'string' },
      port: { type: 'string' },
      token: { type: 'string' },
      'no-serve': { type: 'boolean', default: false },
    });
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const port = parsePort(values.port, 8080);
    const corpus = values.corpus ?? DEMO_CORPUS;
    // The writer lock is held while the demo ingests; its server then takes it per POST.
    const { store, lock } = await openStoreForWriting(values.db!, 'storyline demo', log);
    try {
      log(`Storyline demo — corpus: ${relative(process.cwd(), corpus) || '.'}, database: ${dbLabel(values.db!)}\n`);
      const ctx: SourceContext = {
        ...DEFAULT_SOURCE_LIMITS,
        fetcher: createFetcher(),
        getFeedState: (url) => store.getFeedState(url),
        saveFeedState: (s) => store.saveFeedState(s),
        fetchLinks: false,
      };
      async function* named(): AsyncGenerator<InputItem> {
        for await (const found of readInputs([resolve(corpus)], ctx)) yield projectRelativeItem(found);
      }
      let ingester: Ingester;
      let chosen: Awaited<ReturnType<typeof chooseProfile>>;
      try {
        // The profile as `ingest --profile auto` chooses it: a corpus of bare headlines (--corpus) gets the headline one.
        chosen = await chooseProfile(store, 'auto', named());
        ingester = await createIngester(store, { profile: chosen.profile });
        // As `ingest` does: articles dated only by their text are dated against their batch before grouping.
        for await (const item of predateInputs(chosen.items, async (x) => (await store.getArticle(x.id)) !== null)) {
          if ((await ingester.ingest(item)) === 'error' && ingester.lastError) log(`   ${ingester.lastError.source}: ${ingester.lastError.message}`);
        }
        await ingester.finish();
        await refineStoredDates(store, ingester.looselyDated);
      } finally {
        lock.release();
      }
      const c = ingester.counts;
      log(`Ingest: added ${c.added}, duplicates ${c.duplicates}, errors ${c.errors}, already stored ${c.skipped}, profile ${chosen.profile}\n`);
      const lines = (await store.listStorylines()).items;
      log(`${plural(lines.length, 'storyline')}, most recently active first:`);
      for (const s of lines) {
        log(`  ${s.id}  ${s.title}`);
        log(`      ${plural(s.articleCount, 'article')} · ${s.outlets.join(', ') || 'no outlet'} · ${dateLabel(s.firstDate) || '?'} – ${dateLabel(s.lastDate) || '?'}`);
      }
      log('');
      if (values['no-serve']) {
        log(`Explore: npx storyline story ${lines[0]?.id ?? 's1'} --db ${values.db}   or serve it: npx storyline serve --db ${values.db}`);
        return 0;
      }
      await serveUntilStopped(store, { db: values.db!, host: '127.0.0.1', port, token: values.token?.trim() || null }, io);
      return 0;
    } finally {
      await store.close();
    }
  },
};
