/**
 * An article's features: three unit TF-IDF vectors (title, title + body, named entities) weighted with document
 * frequencies kept incrementally (no fixed vocabulary), the months and years it names, its day, its lookup keys
 * and, when on, its cross-language anchors. Featurizing an article counts it in the document frequencies.
 */
import { entityCounts } from '../analyze/entities.js';
import { type SparseVector, topEntries, topOfEntries, unitVector } from './sparse.js';
import { anchorTerms, contentTerms, dayNumber, languageOfTerms, mentionedMonths, mentionedYears } from './text.js';
import { type ClusterContext, type DocFeatures, RECENT_DAYS, type State } from './state.js';
import type { ClusterDoc } from './types.js';

/**
 * Unit vector of the `k` heaviest of `counts`, weighted (1 + log tf) × idf, with `df` giving each key's document
 * frequency. Built from one array, with no map of every term first (weighing took about a tenth of the clusterer's
 * time on 10,000 articles of the ingest bench's stream, profiled).
 */
function weigh(state: State, counts: Map<string, number>, df: (key: string) => number | undefined, k: number): SparseVector {
  const entries: [string, number][] = [];
  for (const [t, c] of counts) entries.push([t, (1 + Math.log(c)) * Math.log(1 + state.dfDocs / (df(t) ?? 1))]);
  return unitVector(topOfEntries(entries, k));
}

/**
 * Counts the keys of `counts` (under `prefix`) in the document frequencies and returns their frequencies now
 * (reason: the vocabulary map is large and its lookups are the featurizer's hottest line: one per key, not two).
 */
function countInDf(state: State, counts: Map<string, number>, prefix: string): Map<string, number> {
  const now = new Map<string, number>();
  for (const t of counts.keys()) {
    const key = prefix ? prefix + t : t;
    const n = (state.df.get(key) ?? 0) + 1;
    state.df.set(key, n);
    now.set(t, n);
  }
  return now;
}

function countKeys(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

export function featurize(ctx: ClusterContext, doc: ClusterDoc): DocFeatures {
  const { o, state } = ctx;
  const title = typeof doc.title === 'string' ? doc.title : '';
  const text = typeof doc.text === 'string' ? doc.text : '';
  const whole = title ? `${title}\n${text}` : text;
  const full = whole.length > o.maxTextChars ? whole.slice(0, whole.lastIndexOf(' ', o.maxTextChars) + 1 || o.maxTextChars) : whole;
  const bodyCounts = new Map<string, number>();
  for (const t of contentTerms(full)) bodyCounts.set(t, (bodyCounts.get(t) ?? 0) + 1);
  const titleCounts = new Map<string, number>();
  for (const t of contentTerms(title)) titleCounts.set(t, (titleCounts.get(t) ?? 0) + 1);
  const entCounts = o.entities ? (doc.entities ? countKeys(doc.entities) : entityCounts(full)) : new Map<string, number>();
  state.docs++;
  state.dfDocs++;
  const bodyDf = countInDf(state, bodyCounts, '');
  const entityDf = countInDf(state, entCounts, '@');
  const dfOf = (t: string): number | undefined => state.df.get(t);
  const body = weigh(state, bodyCounts, (t) => bodyDf.get(t), o.docTerms);
  const entities = weigh(state, entCounts, (e) => entityDf.get(e), o.docEntities);
  const months = doc.mentionedMonths ?? mentionedMonths(full);
  const years = mentionedYears(full);
  // Title terms are body terms unless the text cap cut the title itself.
  const titleVec = weigh(state, titleCounts, (t) => bodyDf.get(t) ?? dfOf(t), o.docTerms);
  // Title terms join the query: a body full of boilerplate must not hide what the article is about.
  const query = [...new Set([
    ...topEntries(titleVec, o.queryTitleTerms).map(([t]) => t),
    ...topEntries(body, o.queryTerms).map(([t]) => t),
    ...topEntries(entities, o.queryEntities).map(([e]) => `@${e}`),
  ])];
  const day = dayNumber(doc.published);
  if (day !== null) {
    state.recent.push(day);
    if (state.recent.length > RECENT_DAYS) state.recent.shift();
  }
  const f: DocFeatures = { title: titleVec, body, entities, months, years, day, query, counts: bodyCounts, id: typeof doc.id === 'string' ? doc.id : String(doc.id) };
  if (ctx.crossLanguage) {
    // The extract stage's language (a trained detector) when given; function words otherwise.
    f.lang = typeof doc.language === 'string' && doc.language ? doc.language : languageOfTerms(bodyCounts);
    // A text of no known language (a bare headline, a list) can match no other language: no anchors needed.
    // Weighed by the content terms' document frequencies (an anchor is a content term, folded; numbers count
    // as rare): no second vocabulary to keep.
    if (f.lang !== 'und') {
      const anchors = new Map<string, number>();
      for (const t of anchorTerms(entCounts.keys(), bodyCounts.keys())) anchors.set(t, (anchors.get(t) ?? 0) + 1);
      f.anchors = weigh(state, anchors, dfOf, o.docTerms);
    }
  }
  return f;
}
