/**
 * Framing: loaded and evaluative wording per outlet, from a lexicon kept as data
 * (`FRAMING_LEXICON`), with the headline's tone apart from the body's.
 */
import type { Citation, FramingTerm, OutletFraming } from '../model/index.js';
import type { Sentence } from '../analyze/sentences.js';
import { FRAMING_LEXICON, type LexiconCategory } from './lexicon.js';

/** A compiled lexicon: one regex over all terms, and each term's category. */
export interface CompiledLexicon {
  re: RegExp;
  lookup(match: string): LexiconCategory | undefined;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Compiles a lexicon into one case-insensitive regex (reason: one pass per text, fast). */
export function compileLexicon(lexicon: LexiconCategory[] = FRAMING_LEXICON): CompiledLexicon {
  const entries: Array<{ re: RegExp; cat: LexiconCategory; len: number; src: string }> = [];
  for (const cat of lexicon) {
    for (const term of cat.terms) {
      const wild = term.endsWith('*');
      const body = escape(wild ? term.slice(0, -1) : term).replace(/\\\*/gu, '[\\p{L}]').replace(/ /gu, '\\s+');
      const src = wild ? `${body}[\\p{L}-]*` : body;
      entries.push({ re: new RegExp(`^${src}$`, 'iu'), cat, len: term.length, src });
    }
  }
  // Longer terms first so "occupying army" wins over a shorter overlapping term.
  entries.sort((a, b) => b.len - a.len);
  const re = new RegExp(`(?<![\\p{L}-])(?:${entries.map((e) => e.src).join('|')})(?![\\p{L}])`, 'giu');
  return {
    re,
    lookup: (match) => entries.find((e) => e.re.test(match))?.cat,
  };
}

/** Loaded terms in a text, each with its offsets. */
export function findLoadedTerms(text: string, lexicon: CompiledLexicon): Array<{ term: string; category: string; polarity: number; start: number; end: number }> {
  const out = [];
  for (const m of text.matchAll(lexicon.re)) {
    const cat = lexicon.lookup(m[0]);
    if (cat) out.push({ term: m[0], category: cat.category, polarity: cat.polarity, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** What framing needs of one article. */
export interface FramingInput {
  id: string;
  outlet: string;
  title: string;
  text: string;
  sentences: Sentence[];
  /** Spans of direct quotes: words inside them are the speaker's, not the outlet's. */
  quoteSpans: Array<[number, number]>;
}

/** Spans inside quotation marks: the words of a speaker, not the outlet's. */
function quotedSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(/“[^”\n]*”|"[^"\n]*"|«[^»\n]*»/gu)].map((m) => [m.index, m.index + m[0].length] as [number, number]);
}

function citationAt(a: FramingInput, pos: number): Citation {
  const s = a.sentences.find((x) => x.start <= pos && pos < x.end);
  return s ? { article: a.id, sentence: s.text, start: s.start, end: s.end } : { article: a.id, sentence: a.text.slice(pos, pos + 80), start: pos, end: Math.min(a.text.length, pos + 80) };
}

/**
 * Framing per outlet: loaded terms in headlines and bodies (quoted speech excluded), headline tone,
 * body tone and density per 1,000 words; outlets sorted by density, most loaded first.
 */
export function compareFraming(articles: FramingInput[], lexicon: CompiledLexicon = compileLexicon()): OutletFraming[] {
  const byOutlet = new Map<string, OutletFraming & { words: number; headlineSum: number; headlineN: number; bodySum: number; bodyN: number }>();
  for (const a of articles) {
    let f = byOutlet.get(a.outlet);
    if (!f) {
      f = { outlet: a.outlet, articles: [], headlineTone: 0, loadedPerThousandWords: 0, bodyTone: 0, terms: [], words: 0, headlineSum: 0, headlineN: 0, bodySum: 0, bodyN: 0 };
      byOutlet.set(a.outlet, f);
    }
    f.articles.push(a.id);
    f.words += a.text.split(/\s+/u).filter(Boolean).length;
    for (const t of findLoadedTerms(a.title, lexicon)) {
      // Headline terms cite the title itself (offsets into the title, marked by sentence = title).
      f.terms.push({ term: t.term, category: t.category, polarity: t.polarity, inHeadline: true, citation: { article: a.id, sentence: a.title, start: t.start, end: t.end, title: true } });
      f.headlineSum += t.polarity;
      f.headlineN++;
    }
    const quoted = [...a.quoteSpans, ...quotedSpans(a.text)];
    for (const t of findLoadedTerms(a.text, lexicon)) {
      if (quoted.some(([s, e]) => t.start >= s && t.end <= e)) continue;
      // A capitalised term mid-sentence is part of a name ("International Criminal Court").
      if (/^\p{Lu}/u.test(t.term) && !/(^|[.!?:\n]\s*|["“‘]\s*)$/u.test(a.text.slice(Math.max(0, t.start - 3), t.start))) continue;
      f.terms.push({ term: t.term, category: t.category, polarity: t.polarity, inHeadline: false, citation: citationAt(a, t.start) });
      f.bodySum += t.polarity;
      f.bodyN++;
    }
  }
  const out: OutletFraming[] = [];
  for (const f of byOutlet.values()) {
    const bodyTerms = f.terms.filter((t: FramingTerm) => !t.inHeadline).length;
    out.push({
      outlet: f.outlet,
      articles: f.articles,
      headlineTone: f.headlineN ? round(f.headlineSum / f.headlineN) : 0,
      loadedPerThousandWords: f.words ? round((1000 * bodyTerms) / f.words) : 0,
      bodyTone: f.bodyN ? round(f.bodySum / f.bodyN) : 0,
      terms: f.terms,
    });
  }
  return out.sort((a, b) => b.loadedPerThousandWords - a.loadedPerThousandWords || a.outlet.localeCompare(b.outlet));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
