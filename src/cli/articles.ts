import type { Article, ExtractFailure } from '../model/index.js';
import { extractDocument } from '../extract/index.js';
import { readInputs, statelessSourceContext } from '../ingest/index.js';

/** A failure with the input and the place in it apart, so that repeats in one file can be summed up. */
export type PlacedFailure = ExtractFailure & { place: { source: string; position: string | null } };

/**
 * Cleans every article the inputs hold — files, folders, JSON lines, feeds, URLs, read as
 * `ingest` reads them — without storing anything. Each yields an article or the failure, with
 * its position (`items.jsonl (line 2)`), in input order.
 */
export async function* cleanInputs(inputs: string[]): AsyncGenerator<Article | PlacedFailure> {
  for await (const item of readInputs(inputs, statelessSourceContext())) {
    if (item.type === 'unchanged') continue;
    const where = item.position ? `${item.source} (${item.position})` : item.source;
    const place = { source: item.source, position: item.position };
    if (item.type === 'error') {
      yield { file: where, code: item.code, error: item.message, place };
      continue;
    }
    const raw = await item.load();
    if ('error' in raw) yield { ...raw, file: where, place };
    else yield { ...extractDocument(raw), file: item.position ? item.id : item.source };
  }
}
