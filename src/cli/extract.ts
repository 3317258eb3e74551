import { isFailure, type Article } from '../model/index.js';
import { cleanInputs } from './articles.js';
import { linePrinter, parseOptions, UsageError, type Command } from './command.js';
import { createErrorLinePrinter } from './error-lines.js';

const USAGE = `Usage: storyline extract [--json] FILE|DIR|URL...

Cleans scraped articles (.txt, .html, .htm, each possibly .gz) into the article body and its
metadata: title, url, outlet, author, language, publication date (from metadata, from the text, or
inferred), captions, and what was removed with the reason. Folders are read recursively; JSON
lines (.jsonl), feeds (RSS, Atom, JSON Feed) and URLs give one result per article they hold.
Nothing is stored (see storyline ingest).

Options:
  --json    one JSON object per line per file (fields: file, url, title, text, published,
            publishedFrom, modified, author, outlet, language, captions, removed; error for a
            file that could not be read)
  --help    this text

Exit status: 0 when at least one file was read, 1 when every file failed, 2 on wrong usage.`;

function report(a: Article): string {
  const line = (k: string, v: unknown) => (v === null || v === undefined || v === '' ? null : `${k.padEnd(10)} ${v}`);
  const dateNote = a.publishedFrom ? ` (${a.publishedFrom}${a.publishedEvidence?.length ? `: ${a.publishedEvidence.map((e) => `"${e.text}" — ${e.reason}`).join('; ')}` : ''})` : '';
  const head = [
    `== ${a.file}`,
    line('title', a.title),
    line('url', a.url),
    line('outlet', a.outlet),
    line('author', a.author),
    line('published', a.published ? a.published + dateNote : a.publishedEvidence?.length ? `unknown (${a.publishedEvidence.map((e) => `"${e.text}" — ${e.reason}`).join('; ')})` : null),
    line('modified', a.modified),
    line('language', a.language),
    line('section', a.section),
    line('tags', a.tags?.length ? a.tags.join(', ') : null),
  ].filter((l): l is string => l !== null);
  const parts = [head.join('\n'), '', a.text];
  if (a.captions.length) parts.push('', '-- captions', ...a.captions.map((c) => `  ${c}`));
  if (a.removed.length) {
    parts.push('', `-- removed (${a.removed.length})`);
    for (const r of a.removed) parts.push(`  [${r.reason}] ${r.text.length > 100 ? `${r.text.slice(0, 97)}...` : r.text}`.replace(/\n/g, ' ⏎ '));
  }
  return `${parts.join('\n')}\n`;
}

export const extractCommand: Command = {
  name: 'extract',
  usage: USAGE,
  async run(args, io) {
    const warn = linePrinter(io.stderr);
    const { values, positionals } = parseOptions(args, { json: { type: 'boolean', default: false } });
    if (positionals.length === 0) throw new UsageError('no FILE given');
    let ok = 0;
    let failed = 0;
    const errorLines = createErrorLinePrinter((line) => warn(`storyline extract: ${line}`));
    for await (const result of cleanInputs(positionals)) {
      if (isFailure(result)) {
        failed++;
        const { place, ...failure } = result;
        // JSON output is for programs: every failure, as before; a person gets repeats summed up.
        if (values.json) io.stdout.write(`${JSON.stringify(failure)}\n`);
        else errorLines.report({ ...place, code: failure.code, message: failure.error });
        continue;
      }
      ok++;
      io.stdout.write(values.json ? `${JSON.stringify(result)}\n` : `${report(result)}\n`);
    }
    errorLines.flush();
    return ok === 0 && failed > 0 ? 1 : 0;
  },
};
