/**
 * An article's features: three unit TF-IDF vectors (title, title + body, named entities) weighted with document
 * frequencies kept incrementally (no fixed vocabulary), the months and years it names, its day, its lookup keys
 * and, when on, its cross-language anchors. Featurizing an article counts it in the document frequencies.
 */
import { entityCounts } from '../analyze/entities.js';
import { normalise, type SparseVector, topEntries } from './sparse.js';
import { anchorTerms, contentTerms, dayNumber, languageOfTerms, mentionedMonths, mentionedYears } from './text.js';
import { type ClusterContext, type DocFeatures, RECENT_DAYS, type State } from './state.js';
import type { ClusterDoc } from './types.js';

/** Unit vector of the `k` heaviest of `counts`, weighted (1 + log tf) × idf; `prefix` marks entity keys in `df`. */
function weigh(state: State, counts: Map<string, number>, prefix: string, k: number): SparseVector {
  const v: SparseVector = new Map();
  for (const [t, c] of counts) v.set(t, (1 + Math.log(c)) * Math.log(1 + state.dfDocs / (state.df.get(prefix + t) ?? 1)));
  return normalise(new Map(topEntries(v, k)));
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
  for (const t of bodyCounts.keys()) state.df.set(t, (state.df.get(t) ?? 0) + 1);
  for (const e of entCounts.keys()) state.df.set(`@${e}`, (state.df.get(`@${e}`) ?? 0) + 1);
  const body = weigh(state, bodyCounts, '', o.docTerms);
  const entities = weigh(state, entCounts, '@', o.docEntities);
  const months = doc.mentionedMonths ?? mentionedMonths(full);
  const years = mentionedYears(full);
  const titleVec = weigh(state, titleCounts, '', o.docTerms);
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
      f.anchors = weigh(state, anchors, '', o.docTerms);
    }
  }
  return f;
}
