/**
 * Evaluation of publication dates inferred from the storyline (src/timeline/context-dates.ts) on
 * Timeline17: each topic is one storyline; one article at a time has its `pub_date` hidden while the
 * topic's other articles keep theirs. Compared: the text-only inference (`inferPublicationDate`)
 * against the storyline-context refinement (which falls back to the text-only answer when nothing
 * anchors). Metric as in bench/eval/timex.ts: shares of all sampled articles within 0 / 7 / 31 days.
 *
 * Usage: `node --import tsx bench/eval/context-dates.ts [n] [offset]` prints both figures as JSON.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inferPublicationDate } from '../../src/analyze/time/index.js';
import { createContextDater, type ContextArticle, type ContextDateOptions } from '../../src/timeline/context-dates.js';
import { seededRandom } from './clustering.js';
import { scoreDates, type DateScores } from './timex.js';

interface T17Row {
  id: string;
  topic: string;
  pub_date: string;
  text: string;
}

/** Timeline17 articles by topic (topics.json: topic → source folders); empty texts left out. */
export function loadTopics(shared: string): Map<string, T17Row[]> {
  const root = join(shared, 'data', 'temporal', 'timeline17');
  const out = new Map<string, T17Row[]>();
  if (!existsSync(join(root, 'topics.json'))) return out;
  const topics = JSON.parse(readFileSync(join(root, 'topics.json'), 'utf8')) as Record<string, string[]>;
  for (const [topic, sources] of Object.entries(topics).sort()) {
    const rows: T17Row[] = [];
    for (const source of sources) {
      const file = join(root, source, 'articles.jsonl');
      if (!existsSync(file)) continue;
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const r = JSON.parse(line) as T17Row;
        // The rows name their source folder as `topic`; the storyline is the topics.json topic.
        if (r.text && r.text.trim()) rows.push({ ...r, topic });
      }
    }
    out.set(topic, rows);
  }
  return out;
}


/** Fixed seed of the sample. */
export const SAMPLE_SEED = 17;

/**
 * The sampled articles: every article over 300 characters, shuffled with SAMPLE_SEED, then
 * `n` of them from `offset` (offset 0 is the tuning sample; offset 200 a second, disjoint check sample).
 */
export function sampleArticles(topics: Map<string, T17Row[]>, n: number, offset = 0, only?: string[]): T17Row[] {
  const all = [...topics.values()].flat().filter((r) => r.text.length > 300);
  const rnd = seededRandom(SAMPLE_SEED);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return (only ? all.filter((r) => only.includes(r.topic)) : all).slice(offset, offset + n);
}

/** Text-only and storyline-context scores on the sample, plus how many answers the storyline changed. */
export interface ContextDateFigures {
  textOnly: DateScores;
  context: DateScores;
  /** Articles whose answer the storyline changed (or gave where the text gave none). */
  changed: number;
  seconds: number;
}

/** Runs both inferences on `n` sampled articles from `offset` (of the topics `only`, when given). */
export function evaluateContextDates(shared: string, n = 200, offset = 0, options: Partial<ContextDateOptions> = {}, only?: string[]): ContextDateFigures {
  const started = process.hrtime.bigint();
  const topics = loadTopics(shared);
  const sample = sampleArticles(topics, n, offset, only);
  const byTopic = new Map<string, T17Row[]>();
  for (const r of sample) byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), r]);
  const textAnswers = new Map<string, string | null>();
  const contextAnswers = new Map<string, string | null>();
  for (const [topic, hidden] of byTopic) {
    const articles: ContextArticle[] = (topics.get(topic) ?? []).map((r) => ({ id: r.id, text: r.text, published: r.pub_date, publishedFrom: 'metadata' }));
    const dater = createContextDater(articles, options);
    for (const h of hidden) {
      const own = inferPublicationDate(h.text)?.date ?? null;
      textAnswers.set(h.id, own);
      // Hidden: its own date is unknown; the others keep theirs (the dater never anchors an article on itself).
      const refined = dater.refine({ id: h.id, text: h.text, published: null, publishedFrom: null });
      contextAnswers.set(h.id, refined?.date ?? own);
    }
  }
  const items = sample.map((r) => ({ id: r.id, text: r.text, date: r.pub_date }));
  const answerer = (answers: Map<string, string | null>) => {
    let i = 0;
    return () => answers.get(items[i++]!.id) ?? null;
  };
  const changed = sample.filter((r) => textAnswers.get(r.id) !== contextAnswers.get(r.id)).length;
  return {
    textOnly: scoreDates(items, answerer(textAnswers)),
    context: scoreDates(items, answerer(contextAnswers)),
    changed,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
}

/** Topics of the quality gate's subset: the two whose storylines build fastest. */
export const GATE_TOPICS = ['iraq', 'mj'];
/** Articles of the gate's subset. */
export const GATE_SIZE = 60;

/** The quality-gate figures (keys as in bench/floors/context-dates.json): 60 sampled articles of the iraq and mj topics. */
export function gateFigures(shared: string): Record<string, number> {
  const f = evaluateContextDates(shared, GATE_SIZE, 0, {}, GATE_TOPICS);
  return {
    timeline17_iraq_mj_60_context_within7: f.context.within7,
    timeline17_iraq_mj_60_context_within31: f.context.within31,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const shared = process.env.STORYLINE_SHARED ?? join(import.meta.dirname, '..', '..', '..', 'shared');
  const n = Number(process.argv[2] ?? 200);
  const offset = Number(process.argv[3] ?? 0);
  console.log(JSON.stringify(evaluateContextDates(shared, n, offset), null, 1));
}
