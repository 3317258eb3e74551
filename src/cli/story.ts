import { existsSync, writeFileSync } from 'node:fs';
import { renderReportHtml, renderReportMarkdown } from '../compare/index.js';
import type { StorylineReport } from '../model/index.js';
import { currentReport, reportDocument } from '../pipeline/stored-report.js';
import { isPostgresUrl, type Store } from '../store/index.js';
import { CommandFailure, linePrinter, parseOptions, UsageError, type Command } from './command.js';
import { DB_USAGE, defaultDb, openCommandStore } from './open-store.js';

const USAGE = `Usage: storyline story ID [--db FILE|URL] [--markdown | --json | --html] [--all] [--out FILE]

Explains one storyline from what its articles say: its events with headlines, facts reported by
several independent outlets (with the exact sentences), conflicts between sources and inside one
article, claims only one outlet makes, quotes with their speakers, each outlet's loaded wording,
a timeline of dated happenings, the developments of anticipated events, and a summary in which
every sentence cites its sources. IDs are listed by \`storyline stories\`; a merged id still works.
The report is stored in the database: read from there while the storyline is unchanged, built and
stored again once it changed.

Options:
  --db FILE|URL  ${DB_USAGE}
  --json       the report as one JSON object (with the storyline's id first), the bytes
               GET /api/storylines/ID of \`storyline serve\` answers
  --markdown   the report as Markdown (the default); characters Markdown would read as
               formatting are escaped (\\_, \\*): view it rendered, or use --html to read it
  --html       one self-contained HTML file (open it in a browser)
  --all        every item of every list (Markdown and HTML show the best-supported first
               items of long lists and say how many more there are; --json has them all)
  --out FILE   write to FILE instead of standard output
  --help       this text`;

export const storyCommand: Command = {
  name: 'story',
  usage: USAGE,
  async run(args, io) {
    const warn = linePrinter(io.stderr);
    const { values, positionals } = parseOptions(args, {
      db: { type: 'string', default: defaultDb() },
      json: { type: 'boolean', default: false },
      markdown: { type: 'boolean', default: false },
      html: { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
      out: { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('give exactly one storyline ID');
    if ([values.json, values.markdown, values.html].filter(Boolean).length > 1) throw new UsageError('choose one of --json, --markdown, --html');
    const store = await openReportStore(values.db!);
    try {
      const asked = positionals[0]!;
      const id = await store.resolveId('storyline', asked);
      const stored = await currentReport(store, id, (err) => warn(`storyline story: warning: the report was built but not stored (${err.message})`));
      if (!stored) {
        warn(`storyline story: no storyline '${asked}' (see storyline stories)`);
        return 1;
      }
      // The id first, as the API gives it: a merged id names the storyline it now belongs to.
      const json = reportDocument(stored.json, id, asked);
      const report = (): StorylineReport => JSON.parse(json) as StorylineReport;
      const output = values.json ? `${json}\n` : values.html ? renderReportHtml(report(), { all: values.all }) : renderReportMarkdown(report(), { all: values.all });
      if (values.out) writeFileSync(values.out, output);
      else io.stdout.write(output);
      return 0;
    } finally {
      await store.close();
    }
  },
};

/**
 * The database opened for storing the report it builds; read-only when it cannot be written (a file of another
 * user, a read-only disk): the report is then built and printed, not stored.
 */
async function openReportStore(path: string): Promise<Store> {
  // A missing database is an error (opening it read-only says so), not a new empty one.
  if (!isPostgresUrl(path) && !existsSync(path)) return openCommandStore(path, { readonly: true });
  try {
    return await openCommandStore(path, { readonly: false });
  } catch (err) {
    if (!(err instanceof CommandFailure) || !/readonly|read-only|EACCES|EROFS/i.test(err.message)) throw err;
    return openCommandStore(path, { readonly: true });
  }
}
