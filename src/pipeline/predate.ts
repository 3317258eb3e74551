/**
 * Dating a batch before it is grouped: an article whose date was read from its own text only (or not
 * at all) is re-dated against the firmly dated articles that arrive with it, as its storyline would
 * re-date it later (`refineStorylineDates`, evidence naming the anchoring articles). Reason: the
 * clusterer places an article once, on the date it has when it arrives; a text-only date a year off
 * ("last September" read against the wrong year) sends it to the wrong event, and re-dating it
 * afterwards does not move it (the seeds: 000 was read as 2023-01, grouped with the June 2023
 * invitation, and only then re-dated to 2024-01 from its storyline).
 */
import type { Article } from '../model/index.js';
import { readAhead, type CleanedDocItem, type InputItem } from '../ingest/index.js';
import { refineStorylineDates } from '../timeline/index.js';

/**
 * Documents read ahead and dated together. Re-dating costs more than linearly in the articles it
 * compares (ECB+ texts: 190 articles 0.5 s, 395 articles 14 s, see refine-dates.ts); at this size
 * it stays a small part of cleaning them.
 */
export const PREDATE_BATCH = 100;

/** No date, or one read from the article's own text: what the batch may date better. */
function looselyDated(a: Pick<Article, 'published' | 'publishedFrom'>): boolean {
  return !a.published || a.publishedFrom === 'inferred';
}

/**
 * Phrases of an article that the batch aligned with other articles' dated happenings needed to re-date it
 * before grouping. Reason: ECB+ pairs two happenings of one kind per topic, and one aligned phrase ("on
 * Friday" beside another earthquake's Friday) moved reports to the other happening's year; in the first
 * 100-article batches of ECB+ every re-dating that rested on two or more aligned phrases named anchors of
 * its own story but one, and the seed read a year off aligns three.
 */
const MIN_ALIGNED = 2;

/** Evidence of an aligned phrase (not of mere closeness in content), as `refineStorylineDates` words it. */
const ALIGNED = /^the same happening as /;

/**
 * The articles of one batch (with the ids they will be stored under), their dates read from their
 * own text refined against the others when at least {@link MIN_ALIGNED} of their phrases align with
 * other articles' dated happenings; all others come back as they are.
 * @example predateArticles([{ id: '000', article: a000 }, { id: '003', article: a003 }])
 *   // a000 read '2023-01' from its text alone; a003 says it was updated on 2024-02-08 → a000 dated '2024-01'
 */
export function predateArticles(batch: readonly { id: string; article: Article }[]): Article[] {
  const articles = batch.map((b) => b.article);
  // Nothing to date, or nothing firm to date it by (and the cost is saved).
  if (!articles.some(looselyDated) || articles.every(looselyDated)) return articles;
  const refined = refineStorylineDates(batch.map(({ id, article: a }) => ({ ...a, id, title: a.title ?? '' })));
  return articles.map((a, i) => {
    const r = refined[i]!;
    // An undated article has no reading of its own to overrule: its storyline dates it after grouping.
    if (!a.published || a.publishedFrom !== 'inferred' || !r.published) return a;
    if ((r.publishedEvidence ?? []).filter((e) => e.article && ALIGNED.test(e.reason)).length < MIN_ALIGNED) return a;
    return { ...a, published: r.published, publishedFrom: 'inferred', publishedEvidence: r.publishedEvidence };
  });
}

type Cleaned = CleanedDocItem & { cleaned: Article };

function isCleaned(item: InputItem): item is Cleaned {
  return item.type === 'doc' && (item as CleanedDocItem).cleaned !== undefined;
}

/**
 * The input items with their articles cleaned and dated batch by batch ({@link PREDATE_BATCH}
 * documents), each item once and in order. Items `known` says are stored already pass through
 * unread (the ingester skips them); a document that cannot be loaded or cleaned passes through
 * for the ingester to report.
 */
export async function* predateInputs(items: AsyncIterable<InputItem>, known: (item: CleanedDocItem) => Promise<boolean>, size: number = PREDATE_BATCH): AsyncGenerator<InputItem> {
  let batch: InputItem[] = [];
  let docs = 0;
  for await (const item of items) {
    const ready = item.type !== 'doc' || isCleaned(item) || (await known(item)) ? item : await readAhead(item);
    batch.push(ready);
    if (isCleaned(ready) && ++docs >= size) {
      yield* dated(batch);
      [batch, docs] = [[], 0];
    }
  }
  yield* dated(batch);
}

/** One batch's items, their articles dated together. */
function* dated(batch: InputItem[]): Generator<InputItem> {
  const cleaned = batch.filter(isCleaned);
  const articles = predateArticles(cleaned.map((item) => ({ id: item.id, article: item.cleaned })));
  const byItem = new Map(cleaned.map((item, i) => [item, articles[i]!]));
  for (const item of batch) {
    const article = byItem.get(item as Cleaned);
    const ready: CleanedDocItem | undefined = article && { ...(item as Cleaned), cleaned: article };
    yield ready ?? item;
  }
}
