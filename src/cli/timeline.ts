import { basename } from 'node:path';
import { isFailure } from '../model/index.js';
import { summarizeTimeline, type TimelineArticle } from '../timeline/index.js';
import { cleanInputs } from './articles.js';
import { createErrorLinePrinter } from './error-lines.js';
import { linePrinter, parseOptions, UsageError, type Command } from './command.js';

const USAGE = `Usage: storyline timeline FILE|DIR... [--max-dates N] [--sentences-per-date K] [--days-only] [--json]

Builds a timeline straight from articles — files, folders, JSON lines, feeds, as ingest reads
them — without a database: the days the articles mention and are published on, ranked
DATEWISE-style (how many articles mention a day, look back at it, or are published on it), each
with the most central sentences that name it.

Options:
  --max-dates N            how many dates to keep (default 10)
  --sentences-per-date K   sentences per date (default 1)
  --days-only              rank only full days (by default months and years such as 2023-09
                           or 2020 count too: a storyline's background is often dated so)
  --json                   print {dates: [{date, sentences: [{text, sources}]}]}
  --help                   this text

Sources are the outlet when the page names it, else the file name. Exit status: 0 when every file
was read, 1 when some could not be, 2 on wrong usage.`;

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive whole number, got '${value}'`);
  return n;
}

export const timelineCommand: Command = {
  name: 'timeline',
  usage: USAGE,
  async run(args, io) {
    const warn = linePrinter(io.stderr);
    const { values, positionals } = parseOptions(args, {
      json: { type: 'boolean', default: false },
      'max-dates': { type: 'string' },
      'sentences-per-date': { type: 'string' },
      'days-only': { type: 'boolean', default: false },
    });
    if (!positionals.length) throw new UsageError('give at least one article file or folder');
    const maxDates = positiveInt(values['max-dates'], 'max-dates', 10);
    const sentencesPerDate = positiveInt(values['sentences-per-date'], 'sentences-per-date', 1);
    const articles: TimelineArticle[] = [];
    let bad = 0;
    const errorLines = createErrorLinePrinter((line) => warn(`storyline timeline: ${line}`));
    for await (const r of cleanInputs(positionals)) {
      if (isFailure(r)) {
        bad++;
        errorLines.report({ ...r.place, code: r.code, message: r.error });
        continue;
      }
      articles.push({ id: basename(r.file), text: r.text, published: r.published, outlet: r.outlet, title: r.title, captions: r.captions });
    }
    errorLines.flush();
    const summary = summarizeTimeline(articles, { maxDates, sentencesPerDate, partialDates: !values['days-only'] });
    if (values.json) io.stdout.write(`${JSON.stringify(summary)}\n`);
    else {
      const lines: string[] = [];
      for (const d of summary.dates) {
        lines.push(d.date);
        for (const s of d.sentences) lines.push(`  - ${s.text.replace(/\s+/gu, ' ')} [${s.sources.join('; ')}]`);
      }
      io.stdout.write(lines.length ? `${lines.join('\n')}\n` : 'No dated happenings found.\n');
    }
    return bad ? 1 : 0;
  },
};
