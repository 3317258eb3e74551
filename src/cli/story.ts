import { writeFileSync } from 'node:fs';
import { renderReportHtml, renderReportMarkdown } from '../compare/index.js';
import type { StorylineReport } from '../model/index.js';
import { buildStorylineReport } from '../pipeline/report.js';
import { parseOptions, UsageError, type Command } from './command.js';
import { DB_USAGE, defaultDb, openCommandStore } from './open-store.js';

const USAGE = `Usage: storyline story ID [--db FILE|URL] [--markdown | --json | --html] [--all] [--out FILE]

Explains one storyline from what its articles say: its events with headlines, facts reported by
several independent outlets (with the exact sentences), conflicts between sources and inside one
article, claims only one outlet makes, quotes with their speakers, each outlet's loaded wording,
a timeline of dated happenings, the developments of anticipated events, and a summary in which
every sentence cites its sources. IDs are listed by \`storyline stories\`; a merged id still works.

Options:
  --db FILE|URL  ${DB_USAGE}
  --json       the report as one JSON object (with the storyline's id first)
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
  async run(args) {
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
    const store = await openCommandStore(values.db!, { readonly: true });
    try {
      const asked = positionals[0]!;
      const built = await buildStorylineReport(store, asked);
      if (!built) {
        console.error(`storyline story: no storyline '${asked}' (see storyline stories)`);
        return 1;
      }
      // The id first, as the API gives it: a merged id names the storyline it now belongs to.
      const id = await store.resolveId('storyline', asked);
      const report: StorylineReport = { id, ...(id !== asked ? { mergedFrom: asked } : {}), ...built };
      const output = values.json ? `${JSON.stringify(report, null, 2)}\n` : values.html ? renderReportHtml(report, { all: values.all }) : renderReportMarkdown(report, { all: values.all });
      if (values.out) writeFileSync(values.out, output);
      else process.stdout.write(output);
      return 0;
    } finally {
      await store.close();
    }
  },
};
