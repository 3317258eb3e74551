import { plural } from '../compare/index.js';
import { parseOptions, type Command } from './command.js';
import { DB_USAGE, defaultDb, openCommandStore } from './open-store.js';

const USAGE = `Usage: storyline stories [--db FILE|URL] [--json]

Lists the storylines in the database, most recently active first: id, title, number of events,
number of articles, independent outlets (duplicates and syndicated copies count once), first and
last date.

Options:
  --db FILE|URL  ${DB_USAGE}
  --json      one JSON object per line per storyline (id, title, eventIds, articleCount, outlets,
              firstDate, lastDate)
  --help      this text`;

export const storiesCommand: Command = {
  name: 'stories',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseOptions(args, { db: { type: 'string', default: defaultDb() }, json: { type: 'boolean', default: false } });
    const store = await openCommandStore(values.db!, { readonly: true });
    try {
      for (const s of (await store.listStorylines()).items) {
        if (values.json) {
          io.stdout.write(`${JSON.stringify(s)}\n`);
          continue;
        }
        const span = s.firstDate || s.lastDate ? `${s.firstDate?.slice(0, 10) ?? '?'} – ${s.lastDate?.slice(0, 10) ?? '?'}` : 'undated';
        const outlets = `${plural(s.outlets.length, 'outlet')}${s.outlets.length ? ` (${s.outlets.join(', ')})` : ''}`;
        io.stdout.write(`${s.id}  ${s.title || '(untitled)'}\n    ${plural(s.eventIds.length, 'event')} · ${plural(s.articleCount, 'article')} · ${outlets} · ${span}\n`);
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
