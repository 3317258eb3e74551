import { parseOptions, UsageError, type Command } from './command.js';
import { DB_USAGE, defaultDb, openCommandStore } from './open-store.js';

const USAGE = `Usage: storyline export [--db FILE|URL] --jsonl

Writes one JSON line per stored article, in arrival order: id (the input's id, or the file path),
event, storyline, duplicateOf (the original's id, or null), duplicateKind (exact, near,
syndicated, or null) and url (canonical).

Options:
  --db FILE|URL  ${DB_USAGE}
  --jsonl     JSON lines (the only format so far)
  --help      this text`;

export const exportCommand: Command = {
  name: 'export',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseOptions(args, { db: { type: 'string', default: defaultDb() }, jsonl: { type: 'boolean', default: false } });
    if (!values.jsonl) throw new UsageError('choose a format: --jsonl');
    const store = await openCommandStore(values.db!, { readonly: true });
    try {
      for await (const row of store.exportArticles()) {
        const line = `${JSON.stringify({ id: row.id, event: row.event, storyline: row.storyline, duplicateOf: row.duplicateOf, duplicateKind: row.duplicateKind, url: row.url })}\n`;
        // Respect back-pressure so a large export piped to a slow reader does not pile up in memory.
        if (!io.stdout.write(line)) await new Promise((r) => io.stdout.once('drain', r));
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
