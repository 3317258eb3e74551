import type { Article, ExtractFailure } from '../model/index.js';
import { extractDocument } from '../extract/index.js';
import { readInputs, statelessSourceContext } from '../ingest/index.js';

/**
 * Cleans every article the inputs hold — files, folders, JSON lines, feeds, URLs, read as
 * `ingest` reads them — without storing anything. Each yields an article or the failure, with
 * its position (`items.jsonl (line 2)`), in input order.
 */
export async function* cleanInputs(inputs: string[]): AsyncGenerator<Article | ExtractFailure> {
  for await (const item of readInputs(inputs, statelessSourceContext())) {
    if (item.type === 'unchanged') continue;
    const where = item.position ? `${item.source} (${item.position})` : item.source;
    if (item.type === 'error') {
      yield { file: where, code: item.code, error: item.message };
      continue;
    }
    const raw = await item.load();
    if ('error' in raw) yield { ...raw, file: where };
    else yield { ...extractDocument(raw), file: item.position ? item.id : item.source };
  }
}
