/**
 * The audit on ECB+ dev (Cybulska & Vossen 2014), judged by the corpus's own annotation instead of
 * hand gold: a report fact is right when the sentences it cites (those whose annotation is complete,
 * `coreference_sentences.csv`) share one cross-document event coreference chain; a conflict is
 * right when its two sides do (it then disagrees about one happening, not two). Plus a short list
 * of boilerplate checks on every cited sentence.
 *
 * Ten storylines, chosen by a fixed rule that never looks at our output: in each topic, its larger
 * story (ECB or ECB+ half; ties to ECB); of those, the ten with the most articles (ties to the lower
 * topic number). Each is reported as `storyline story` would, from the rebuilt article text.
 */
import { analyzeStoryline, type CompareArticle } from '../../src/compare/index.js';
import type { Citation, StorylineReport } from '../../src/model/index.js';
import { addTimeline } from '../../src/timeline/index.js';
import { allCitations } from './audit.js';
import { loadEcb, type EcbDoc } from './compare.js';

/** One chosen storyline: topic, story half and its documents. */
export interface EcbStory {
  id: string;
  docs: EcbDoc[];
}

/** The fixed choice of ten dev storylines (see the file comment). */
export function chooseEcbStories(topics: Map<string, EcbDoc[]>, count = 10): EcbStory[] {
  const larger: EcbStory[] = [];
  for (const [topic, docs] of topics) {
    const ecb = docs.filter((d) => !d.id.endsWith('plus'));
    const plus = docs.filter((d) => d.id.endsWith('plus'));
    larger.push(plus.length > ecb.length ? { id: `${topic}_ecbplus`, docs: plus } : { id: `${topic}_ecb`, docs: ecb });
  }
  return larger.sort((a, b) => b.docs.length - a.docs.length || Number.parseInt(a.id, 10) - Number.parseInt(b.id, 10)).slice(0, count);
}

/**
 * Page furniture that must never be cited: comment headers, datelines with clock times, copyright
 * and share lines, navigation prompts. Written from what news pages carry in general (the ECB+
 * pages were scraped with theirs), not from one file.
 */
export const BOILERPLATE_CHECKS: { name: string; pattern: RegExp }[] = [
  // Clock times as ECB+ tokenises them too ("5: 40 p. m.").
  { name: 'reader comment', pattern: /\b(?:wrote|commented)\s*:|\bReport abuse\b|\bReply\b.*\bRecommend\b|\b\d{1,2}:\s?\d{2}\s*(?:am|pm)?\s+\d{1,2}(?:st|nd|rd|th)?\s+\w{3}\s+\d{4}\b/iu },
  { name: 'dateline with a clock time', pattern: /^\s*(?:Updated|Posted|Published|Last updated)\b[^.]{0,60}?\b\d{1,2}:\s?\d{2}/iu },
  { name: 'copyright or legal line', pattern: /©|\bCopyright\b|\bAll rights reserved\b|\bmay not be (?:published|reproduced|redistributed)\b/iu },
  { name: 'share or navigation prompt', pattern: /\b(?:Share this|Email this|Print this|Click here|Sign up for|Subscribe to|Follow us)\b/iu },
];

export interface EcbAuditResult {
  stories: { id: string; articles: number; facts: number; conflicts: number }[];
  facts: { right: number; wrong: number; unjudged: number; precision: number | null };
  /** Pairwise: of the cross-article pairs of scored sentences cited together in a fact, how many share a chain; and of the gold pairs, how many were cited together. */
  pairs: { predicted: number; right: number; gold: number; precision: number | null; recall: number | null };
  conflicts: { right: number; wrong: number; unjudged: number; precision: number | null };
  boilerplate: { check: string; story: string; where: string }[];
  /** Distinct citations checked for boilerplate. */
  citations: number;
}

/** `doc:sentence` of a citation, when it lies on a scored sentence. */
function sentenceKey(byId: Map<string, EcbDoc>, c: Citation, scored: Set<string>): string | null {
  const doc = byId.get(c.article);
  if (!doc || c.caption !== undefined || c.title) return null;
  for (const [s, [a, b]] of doc.spans) {
    if (c.start >= a && c.start < b) return scored.has(`${doc.id}:${s}`) ? `${doc.id}:${s}` : null;
  }
  return null;
}

export function evaluateEcbAudit(shared: string): EcbAuditResult {
  const { topics, scored } = loadEcb(shared);
  const stories = chooseEcbStories(topics);
  const instances = new Map<string, Set<string>>();
  for (const docs of topics.values()) for (const d of docs) for (const [s, inst] of d.instances) instances.set(`${d.id}:${s}`, inst);
  const shareChain = (keys: string[]): boolean => {
    const [first, ...rest] = keys.map((k) => instances.get(k) ?? new Set<string>());
    return [...first!].some((x) => rest.every((r) => r.has(x)));
  };
  const out: EcbAuditResult = {
    stories: [],
    facts: { right: 0, wrong: 0, unjudged: 0, precision: null },
    pairs: { predicted: 0, right: 0, gold: 0, precision: null, recall: null },
    conflicts: { right: 0, wrong: 0, unjudged: 0, precision: null },
    boilerplate: [],
    citations: 0,
  };
  for (const story of stories) {
    const articles: CompareArticle[] = story.docs.map((d) => ({ id: d.id, title: null, text: d.text, outlet: null, published: null }));
    const report: StorylineReport = addTimeline(analyzeStoryline({ articles }), articles);
    const byId = new Map(story.docs.map((d) => [d.id, d]));
    out.stories.push({ id: story.id, articles: story.docs.length, facts: report.facts.length, conflicts: report.conflicts.filter((c) => c.kind === 'conflict').length });
    const citedPairs = new Set<string>();
    for (const fact of report.facts) {
      const keys = [...new Set(fact.citations.map((c) => sentenceKey(byId, c, scored)).filter((k): k is string => k !== null))];
      if (new Set(keys.map((k) => k.split(':')[0])).size < 2) out.facts.unjudged++;
      else if (shareChain(keys)) out.facts.right++;
      else out.facts.wrong++;
      for (let i = 0; i < keys.length; i++) {
        for (let j = i + 1; j < keys.length; j++) {
          if (keys[i]!.split(':')[0] === keys[j]!.split(':')[0]) continue;
          const pair = [keys[i]!, keys[j]!].sort().join('|');
          if (citedPairs.has(pair)) continue;
          citedPairs.add(pair);
          out.pairs.predicted++;
          if (shareChain([keys[i]!, keys[j]!])) out.pairs.right++;
        }
      }
    }
    // Gold pairs of the story: scored sentences of different articles sharing a chain.
    const keys = story.docs.flatMap((d) => [...d.spans.keys()].map((s) => `${d.id}:${s}`)).filter((k) => scored.has(k) && instances.has(k));
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) if (keys[i]!.split(':')[0] !== keys[j]!.split(':')[0] && shareChain([keys[i]!, keys[j]!])) out.pairs.gold++;
    }
    for (const conflict of report.conflicts.filter((c) => c.kind === 'conflict')) {
      const [a, b] = conflict.citations.map((c) => sentenceKey(byId, c, scored));
      if (!a || !b) out.conflicts.unjudged++;
      else if (shareChain([a, b])) out.conflicts.right++;
      else out.conflicts.wrong++;
    }
    const cited = allCitations(report);
    for (const { where, c } of cited) {
      out.citations++;
      const check = BOILERPLATE_CHECKS.find((b) => b.pattern.test(c.sentence));
      if (!check) continue;
      out.boilerplate.push({ check: check.name, story: story.id, where: `${where} ${c.article}@${c.start}` });
    }
  }
  const ratio = (r: number, n: number): number | null => (n ? r / n : null);
  out.facts.precision = ratio(out.facts.right, out.facts.right + out.facts.wrong);
  out.conflicts.precision = ratio(out.conflicts.right, out.conflicts.right + out.conflicts.wrong);
  out.pairs.precision = ratio(out.pairs.right, out.pairs.predicted);
  out.pairs.recall = ratio(out.pairs.right, out.pairs.gold);
  return out;
}
