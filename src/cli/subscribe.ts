import { readFile } from 'node:fs/promises';
import { checkFeedUrl, DEFAULT_SCHEDULE, enableFeed, formatDuration, MIN_EVERY_SECONDS, newSubscription, parseDuration, readOpml } from '../follow/index.js';
import type { Store } from '../store/index.js';
import { CommandFailure, linePrinter, parseOptions, UsageError, type Command } from './command.js';
import { DB_USAGE, defaultDb, openCommandStore } from './open-store.js';

const SUBSCRIBE_USAGE = `Usage: storyline subscribe [--db FILE|URL] [--every DURATION] [--full-text] [--title NAME] URL...
       storyline subscribe [--db FILE|URL] [--every DURATION] [--full-text] --opml FILE

Follows feeds (RSS, Atom, JSON Feed, by their http(s) URL): storyline watch polls them and stores
their new articles. Subscribing to a feed followed already changes its settings and keeps its history.

Options:
  --db FILE|URL      ${DB_USAGE}; created when missing
  --every DURATION   poll this often (90s, 15m, 2h, 1d; at least ${formatDuration(MIN_EVERY_SECONDS)}) instead of adapting to
                     how often the feed publishes (${formatDuration(DEFAULT_SCHEDULE.minSeconds)} to ${formatDuration(DEFAULT_SCHEDULE.maxSeconds)})
  --full-text        when an item carries only a summary, fetch its page for the article
                     (where the site's robots.txt allows it; else the summary is kept)
  --summaries        keep items as the feed gives them (the default; undoes --full-text)
  --title NAME       a name for the feed (with one URL)
  --opml FILE        subscribe to every feed of an OPML list (only http(s) entries: a list
                     naming a local file is refused for that entry)
  --help             this text

Exit status: 0 when every feed was subscribed, 1 when some were refused, 2 on wrong usage.`;

const UNSUBSCRIBE_USAGE = `Usage: storyline unsubscribe [--db FILE|URL] URL...

Stops following feeds. The articles they brought stay in the database.
Exit status: 0 when every URL was followed, 1 when some were not, 2 on wrong usage.`;

const ENABLE_USAGE = `Usage: storyline enable [--db FILE|URL] URL...
       storyline enable [--db FILE|URL] --all

Polls feeds again that storyline watch disabled after repeated failures (storyline subscriptions
shows them with the reason): their failures are forgiven and they are due at once.

Options:
  --all     every disabled feed
Exit status: 0 when every URL was followed, 1 when some were not, 2 on wrong usage.`;

/** Runs `work` on the database of a subscription command, opened for writing (subscriptions are no clusterer state: no writer lock). */
async function withStore<T>(db: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openCommandStore(db, { readonly: false });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** The feeds of an OPML file named on the command line, with its refused entries reported. */
async function opmlFeeds(path: string, warn: (line: string) => void): Promise<{ feeds: { url: string; title: string | null }[]; refused: number }> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (err) {
    throw new CommandFailure(`cannot read ${path}: ${(err as Error).message}`);
  }
  const read = readOpml(content);
  if (!read.ok) throw new CommandFailure(`${path}: ${read.message}`);
  for (const r of read.refused) warn(`storyline subscribe: ${path}: '${r.entry}': ${r.reason}: skipped`);
  return { feeds: read.feeds, refused: read.refused.length };
}

export const subscribeCommand: Command = {
  name: 'subscribe',
  usage: SUBSCRIBE_USAGE,
  async run(args, io) {
    const log = linePrinter(io.stdout);
    const warn = linePrinter(io.stderr);
    const { values, positionals } = parseOptions(args, {
      db: { type: 'string', default: defaultDb() },
      every: { type: 'string' },
      title: { type: 'string' },
      opml: { type: 'string' },
      'full-text': { type: 'boolean', default: false },
      summaries: { type: 'boolean', default: false },
    });
    if (values['full-text'] && values.summaries) throw new UsageError('give --full-text or --summaries, not both');
    const fullText = values['full-text'] ? true : values.summaries ? false : undefined;
    if (values.opml && positionals.length) throw new UsageError('give URLs or --opml FILE, not both');
    if (!values.opml && !positionals.length) throw new UsageError('no URL given');
    if (values.title !== undefined && (values.opml || positionals.length > 1)) throw new UsageError('--title names one feed: give one URL');
    let everySeconds: number | null = null;
    if (values.every !== undefined) {
      everySeconds = parseDuration(values.every);
      if (everySeconds === null) throw new UsageError(`--every must be a duration such as 90s, 15m, 2h or 1d, not '${values.every}'`);
      if (everySeconds < MIN_EVERY_SECONDS) throw new UsageError(`--every must be at least ${formatDuration(MIN_EVERY_SECONDS)}, not ${formatDuration(everySeconds)}`);
    }
    const fromList = values.opml ? await opmlFeeds(values.opml, warn) : null;
    const given = fromList?.feeds ?? positionals.map((url) => ({ url, title: values.title ?? null }));
    let refused = fromList?.refused ?? 0;
    const counts = { added: 0, updated: 0 };
    await withStore(values.db!, async (store) => {
      for (const g of given) {
        const checked = checkFeedUrl(g.url);
        if ('error' in checked) {
          warn(`storyline subscribe: ${checked.error}: skipped`);
          refused++;
          continue;
        }
        const old = await store.getSubscription(checked.url);
        if (old) {
          const updated = { ...old, title: g.title ?? old.title, everySeconds: values.every !== undefined ? everySeconds : old.everySeconds };
          if (fullText !== undefined) updated.fullText = fullText;
          await store.saveSubscription(updated);
          counts.updated++;
        } else {
          await store.saveSubscription(newSubscription(checked.url, { title: g.title, everySeconds, fullText: fullText === true }, Date.now(), DEFAULT_SCHEDULE));
          counts.added++;
        }
      }
    });
    log(`subscribed ${counts.added}, updated ${counts.updated}${refused ? `, refused ${refused}` : ''}`);
    return refused ? 1 : 0;
  },
};

export const unsubscribeCommand: Command = {
  name: 'unsubscribe',
  usage: UNSUBSCRIBE_USAGE,
  async run(args, io) {
    const log = linePrinter(io.stdout);
    const warn = linePrinter(io.stderr);
    const { values, positionals } = parseOptions(args, { db: { type: 'string', default: defaultDb() } });
    if (!positionals.length) throw new UsageError('no URL given');
    let missing = 0;
    let removed = 0;
    await withStore(values.db!, async (store) => {
      for (const raw of positionals) {
        const checked = checkFeedUrl(raw);
        if ('url' in checked && (await store.deleteSubscription(checked.url))) removed++;
        else {
          warn(`storyline unsubscribe: ${raw} is not followed`);
          missing++;
        }
      }
    });
    log(`unsubscribed ${removed}`);
    return missing ? 1 : 0;
  },
};

export const enableCommand: Command = {
  name: 'enable',
  usage: ENABLE_USAGE,
  async run(args, io) {
    const log = linePrinter(io.stdout);
    const warn = linePrinter(io.stderr);
    const { values, positionals } = parseOptions(args, { db: { type: 'string', default: defaultDb() }, all: { type: 'boolean', default: false } });
    if (values.all === (positionals.length > 0)) throw new UsageError('give URLs or --all');
    let missing = 0;
    let enabled = 0;
    await withStore(values.db!, async (store) => {
      const subs = values.all
        ? (await store.listSubscriptions()).filter((s) => s.health.disabled)
        : await Promise.all(positionals.map(async (raw) => {
            const checked = checkFeedUrl(raw);
            const sub = 'url' in checked ? await store.getSubscription(checked.url) : null;
            if (!sub) {
              warn(`storyline enable: ${raw} is not followed (storyline subscribe adds it)`);
              missing++;
            }
            return sub;
          }));
      for (const s of subs) {
        if (!s) continue;
        await store.saveSubscription(enableFeed(s, Date.now()));
        enabled++;
      }
    });
    log(`enabled ${enabled}`);
    return missing ? 1 : 0;
  },
};
