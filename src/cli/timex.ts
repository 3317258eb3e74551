import { createInterface } from 'node:readline';
import { findTimexes, inferPublicationDate } from '../analyze/time/index.js';
import { daysInMonth, parseDct } from '../analyze/time/index.js';
import { parseOptions, UsageError, type Command } from './command.js';

const USAGE = `Usage: storyline timex --json [--infer] < articles.jsonl

Finds time expressions (TIMEX3: dates, times, durations, sets) in articles and normalises them
("last September" → 2023-09, "on Monday" → 2024-02-05, "two weeks" → P2W), resolving relative
ones against the article's publication date and the tense of the sentence.

Input: JSON lines {id, text, published} on stdin; published (YYYY-MM-DD or ISO datetime) may be
null, and relative expressions then stay unanchored (XXXX-09). A published value that is not such a
date ("31/12/2024") is treated as missing and reported in the output line as warning.

Options:
  --json    one JSON line per input line: {id, timexes: [{start, end, text, type, value, mod?,
            offset?}], warning?} (offsets into text; offset "before"/"after" marks a duration
            measured from another happening, "two weeks after the talks"); a malformed line gives
            {line, error} and the rest goes on
  --infer   also infer the publication date from the text when published is missing:
            adds inferred: {date, evidence, after?} to the output line (after: YYYY-MM when the
            text only says the article appeared in that month or later; date is then a year)
  --help    this text

Exit status: 0 when every line was read, 1 when some line was malformed, 2 on wrong usage.`;

interface InputLine {
  id?: unknown;
  text?: unknown;
  published?: unknown;
}

/** Whether a published value is a real calendar day in ISO form (`2024-12-31`, `2024-12-31T08:00Z`). */
function validPublished(s: string): boolean {
  if (!/^\s*\d{4}-\d{2}-\d{2}(?:$|[T\s])/.test(s)) return false;
  const d = parseDct(s);
  return !!d && d.d <= daysInMonth(d.y, d.m);
}

/** Handles one input line; returns the output object. */
function processLine(line: string, n: number, infer: boolean): Record<string, unknown> {
  let input: InputLine;
  try {
    input = JSON.parse(line) as InputLine;
  } catch (err) {
    return { line: n, error: `not JSON: ${(err as Error).message}` };
  }
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { line: n, error: 'not a JSON object' };
  if (typeof input.text !== 'string') return { line: n, error: 'missing string field "text"' };
  if (input.published !== undefined && input.published !== null && typeof input.published !== 'string') return { line: n, error: '"published" must be a string or null' };
  let published = (input.published as string | null | undefined) ?? null;
  let warning: string | undefined;
  // A date the tagger cannot read would silently leave every relative expression unanchored: say so.
  if (published !== null && !validPublished(published)) {
    warning = `"published" is not a YYYY-MM-DD date or ISO datetime (${JSON.stringify(published.slice(0, 40))}): treated as missing`;
    published = null;
  }
  const out: Record<string, unknown> = { id: input.id ?? null, timexes: findTimexes(input.text, { dct: published }) };
  if (infer && !published) out.inferred = inferPublicationDate(input.text);
  if (warning) out.warning = warning;
  return out;
}

export const timexCommand: Command = {
  name: 'timex',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { json: { type: 'boolean', default: false }, infer: { type: 'boolean', default: false } });
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}': input comes on stdin`);
    if (!values.json) throw new UsageError('--json is required (the only output format)');
    let bad = 0;
    let n = 0;
    const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      n++;
      if (!line.trim()) continue;
      const out = processLine(line, n, values.infer ?? false);
      if ('error' in out) bad++;
      io.stdout.write(`${JSON.stringify(out)}\n`);
    }
    return bad ? 1 : 0;
  },
};
