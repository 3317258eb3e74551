import { plural } from '../compare/index.js';
import { feedStatus, formatDuration, renderOpml } from '../follow/index.js';
import type { Subscription } from '../model/index.js';
import { linePrinter, parseOptions, UsageError, type Command } from './command.js';
import { DB_USAGE, defaultDb, openCommandStore } from './open-store.js';

const USAGE = `Usage: storyline subscriptions [--db FILE|URL] [--json | --opml]

Lists the followed feeds with their health: status (pending: not polled yet, ok, failing: still
polled with back-off, disabled: with the reason), URL, last poll and its answer, items in the feed,
articles stored from it, errors in a row, next poll.

Options:
  --db FILE|URL  ${DB_USAGE}
  --json      one JSON object per line per feed (url, title, everySeconds, fullText, addedAt, status, health)
  --opml      the feeds as an OPML 2.0 list, for other feed readers (storyline subscribe --opml reads it)
  --help      this text`;

/** How long ago (or in how long) a time is, from `now`. */
function relative(iso: string | null, now: number): string {
  if (!iso) return 'never';
  const s = (Date.parse(iso) - now) / 1000;
  return s >= 0 ? `in ${formatDuration(s)}` : `${formatDuration(-s)} ago`;
}

function describe(s: Subscription, now: number): string {
  const h = s.health;
  const status = feedStatus(s);
  const answer = h.lastOutcome === 'error' && h.lastError ? `error ${h.lastError.code}${h.lastError.status ? ` ${h.lastError.status}` : ''}` : h.lastStatus ? `HTTP ${h.lastStatus}` : '';
  const facts = [
    `last poll ${relative(h.lastPollAt, now)}${answer ? ` (${answer})` : ''}`,
    h.lastItems !== null ? plural(h.lastItems, 'item') : null,
    `${h.totalNew} stored`,
    h.failures ? `${plural(h.failures, 'failure')} in a row` : null,
    status === 'disabled' ? null : `next ${relative(h.nextPollAt, now)}`,
    s.everySeconds ? `every ${formatDuration(s.everySeconds)}` : `every ~${formatDuration(h.intervalSeconds)} (adaptive)`,
    s.fullText ? 'full text' : null,
  ].filter(Boolean);
  const lines = [`${status.padEnd(8)}  ${s.url}${s.title ? `  (${s.title})` : ''}`, `          ${facts.join(' · ')}`];
  if (h.disabled) lines.push(`          ${h.disabled.reason}`);
  else if (h.failures && h.lastError) lines.push(`          last error: ${h.lastError.message}`);
  return lines.join('\n');
}

export const subscriptionsCommand: Command = {
  name: 'subscriptions',
  usage: USAGE,
  async run(args, io) {
    const warn = linePrinter(io.stderr);
    const { values, positionals } = parseOptions(args, { db: { type: 'string', default: defaultDb() }, json: { type: 'boolean', default: false }, opml: { type: 'boolean', default: false } });
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    if (values.json && values.opml) throw new UsageError('give --json or --opml, not both');
    const store = await openCommandStore(values.db!, { readonly: true });
    try {
      const subs = await store.listSubscriptions();
      const now = Date.now();
      if (values.opml) io.stdout.write(renderOpml(subs, new Date(now)));
      else if (values.json) for (const s of subs) io.stdout.write(`${JSON.stringify({ ...s, status: feedStatus(s) })}\n`);
      else if (!subs.length) warn('no feeds followed: storyline subscribe URL adds one');
      else io.stdout.write(`${subs.map((s) => describe(s, now)).join('\n')}\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
