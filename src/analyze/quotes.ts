/**
 * Quotations with their speakers (after Pareti et al. 2013): a cue (a reporting verb such as "said",
 * "told", "according to", "confirming") whose subject is the speaker, and what it reports: a direct
 * quote in quotation marks, or an indirect clause ("X told Y that …", "…, X said", "As X warned, …",
 * "According to X, …"). A clause that embeds quoted fragments is one quote, indirect, with its
 * verbatim fragments marked. Offsets are exact, and the narrator's words are kept out (see
 * reported-clause.ts); speakers are resolved within the article (see quote-speakers.ts).
 */
import { splitSentences, type Sentence } from './sentences.js';
import { quotedSpans, reportedClause, verbatimWithin, type Span } from './reported-clause.js';
import { SpeakerResolver, sentenceAfter } from './quote-speakers.js';
import { ADVERBIAL, LISTENER, NAMING_VERB, VERB_RE_G, VERBS, addresseeAfter, isTelling, looksLikeClause, subjectPhrase } from './quote-grammar.js';

/** One quotation found in a text; offsets are into that text. */
export interface QuoteMention {
  speaker: string;
  /** The quoted words (direct) or the reported clause (indirect), exactly `text.slice(quoteStart, quoteEnd)`. */
  text: string;
  addressee?: string;
  verb: string;
  /** True when the whole quote is in quotation marks (verbatim). */
  direct: boolean;
  /** The sentence (or sentences) holding quote and attribution. */
  start: number;
  end: number;
  /** The quote itself: inside the quotation marks, or the reported clause. */
  quoteStart: number;
  quoteEnd: number;
  /** The verbatim parts (inside quotation marks): the whole quote when direct, fragments of a reported clause, or none. */
  verbatim: Span[];
}

// Quoted spans of at least two words stand alone (reason: one-word quotes are scare quotes or labels
// — “crisis” — and are kept only as verbatim fragments of a reported clause).
const QUOTE_RE = /“([^”\n]{3,600})”|"([^"\n]{3,600})"|«([^»\n]{3,600})»/gu;
const MIN_QUOTE_WORDS = 2;
// A quote over several paragraphs: opened at a line start (or after "According to X -"), closed on a
// later line, with no quotation mark between (reason: scraped text breaks long quotes into paragraphs).
const MULTI_LINE_QUOTE_RE = /(?<=^|\n)[^\S\n]*(?:[^\n"“”]{0,80}?[-–—:]\s+)?(["“])([^"“”]{3,1500}?\n[^"“”]{3,1500}?)["”]/gu;

interface QuoteMark {
  /** Offsets of the quote with its marks. */
  start: number;
  end: number;
  inner: string;
}

/** Quotes in quotation marks: on one line, or over several paragraphs when no one-line quote overlaps. */
function quoteMarks(text: string): QuoteMark[] {
  const single = [...text.matchAll(QUOTE_RE)].map((m) => ({ start: m.index, end: m.index + m[0].length, inner: m[1] ?? m[2] ?? m[3] ?? '' }));
  const multi = [...text.matchAll(MULTI_LINE_QUOTE_RE)]
    .map((m) => {
      const start = m.index + m[0].length - m[2]!.length - 2;
      return { start, end: m.index + m[0].length, inner: m[2]! };
    })
    .filter((q) => !single.some((o) => o.start < q.end && o.end > q.start) && (q.inner.match(/\n/gu)?.length ?? 0) <= 6);
  return [...single, ...multi].sort((a, b) => a.start - b.start);
}

/** Replaces quoted words with `#` (same length), so that verbs inside quotes frame nothing. */
function maskQuotes(text: string, quoted: readonly Span[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const [s, e] of quoted) {
    parts.push(text.slice(at, s), '#'.repeat(e - s));
    at = e;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

interface Finder {
  text: string;
  masked: string;
  sentences: readonly Sentence[];
  quoted: Span[];
  speakers: SpeakerResolver;
}

/** Direct quotes: quoted spans of two words or more with an attribution before, after, or in the paragraph. */
function directQuotes(f: Finder): QuoteMention[] {
  const { text, sentences } = f;
  const out: QuoteMention[] = [];
  const sentenceAt = (pos: number): number => Math.min(sentenceAfter(sentences, pos), sentences.length - 1);
  for (const m of quoteMarks(text)) {
    const inner = m.inner;
    if (inner.trim().split(/\s+/u).length < MIN_QUOTE_WORDS) continue;
    const qStart = m.start;
    const qEnd = m.end;
    const lineStart = text.lastIndexOf('\n', qStart) + 1;
    let lineEnd = text.indexOf('\n', qEnd);
    if (lineEnd < 0) lineEnd = text.length;
    const si = sentenceAt(qStart);
    const first = sentences[si];
    if (!first) continue;
    let speaker: string | null = null;
    let verb = '';
    let addressee: string | undefined;
    let span: Span = [first.start, sentences[sentenceAt(Math.max(qStart, qEnd - 1))]!.end];
    // 1. Attribution after the quote: `," Yuri Ushakov told Interfax.` / `," he said.` / `," said X.`
    const afterEnd = Math.min(lineEnd, sentences[sentenceAt(qEnd)]?.end ?? lineEnd);
    const after = text.slice(qEnd, afterEnd);
    const afterVerb = /^[\s,]*(?:(?:[\p{L}'’.-]+\s+){0,6}?)(said|says|told|tells|added|adds|stated|explained|wrote|replied|insisted|noted|warned|declared|asked|argued|claimed)\b/iu.exec(after);
    if (afterVerb && /^[\s,]*[\p{Ll}\p{Lu}]/u.test(after) && !/^[\s,]*[\p{Lu}][^,]*?[.!?]\s/u.test(after.slice(0, afterVerb[0].length))) {
      verb = afterVerb[1]!.toLowerCase();
      const verbAt = qEnd + afterVerb.index + afterVerb[0].length - afterVerb[1]!.length;
      const before = text.slice(qEnd, verbAt).replace(/^[\s,]+/u, '');
      if (before.trim()) speaker = f.speakers.resolve(before, verbAt - before.length);
      else {
        // Inverted order: `," said Hanna Tulle, a resident`.
        const from = verbAt + verb.length;
        const inverted = /^\s+([^,.;]{2,60})/u.exec(text.slice(from, afterEnd))?.[1];
        if (inverted) speaker = f.speakers.resolve(inverted, from);
      }
      if (isTelling(verb)) addressee = addresseeAfter(text, verbAt + verb.length);
      span = [first.start, sentences[sentenceAt(Math.max(qEnd, verbAt))]!.end];
    }
    // 2. Attribution before the quote in the same sentence: `…, stating, “…”`, `told reporters: “…”`.
    //    A quote inside a reported clause (`told X that a visit is “being prepared”`) is left to the
    //    indirect pass, which keeps the whole clause.
    if (!speaker && !verb) {
      const from = Math.max(lineStart, first.start);
      const pre = f.masked.slice(from, qStart);
      // "According to an MWEB update - “…”".
      const according = /\bAccording to\s+([^,:\-–—]{2,60}?)\s*[,:\-–—]\s*$/iu.exec(pre);
      if (according) {
        verb = 'according to';
        speaker = f.speakers.resolve(according[1]!, from + according.index + 13);
      }
      const v = according ? null : ([...pre.matchAll(VERB_RE_G)].pop() ?? null);
      const naming = v ? null : NAMING_VERB.exec(pre);
      const cue = v ?? naming;
      if (cue) {
        const verbAt = from + cue.index;
        const between = text.slice(verbAt + cue[0].length, qStart);
        const framesDirect = naming ? between.trim().split(/\s+/u).length <= 6 : /^\s*(?:[\p{L}'’.-]+\s+){0,4}?[\p{L}'’.-]*\s*[,:]\s*$|^\s*$/u.test(between) && !/\bthat\b/u.test(between);
        if (framesDirect) {
          verb = cue[1]!.toLowerCase();
          const subject = subjectPhrase(f.masked.slice(from, verbAt));
          // Inverted, between two halves of a quote: `“…,” says Ann Holt, “…”`.
          const inverted = !/[\p{L}]/u.test(subject.phrase.replace(/#+/gu, '')) && /\p{Lu}/u.test(between) && !naming;
          speaker = inverted ? f.speakers.resolve(between, verbAt + cue[0].length) : f.speakers.resolve(subject.phrase, from + subject.offset);
          if (isTelling(verb)) addressee = addresseeAfter(text, verbAt + verb.length);
        } else if (v) continue;
      }
    }
    // A quote that continues a quoted speaker's paragraph without a new attribution is theirs too.
    const prev = out[out.length - 1];
    if (!speaker && !verb && prev?.direct && prev.end >= lineStart && prev.end <= qStart) {
      speaker = prev.speaker;
      verb = prev.verb;
      if (prev.addressee) addressee = prev.addressee;
    }
    if (!speaker) continue;
    const inside = reportedEdges(text, qStart + 1, qEnd - 1);
    out.push({ speaker, text: text.slice(...inside), ...(addressee ? { addressee } : {}), verb, direct: true, start: span[0], end: span[1], quoteStart: inside[0], quoteEnd: inside[1], verbatim: [inside] });
  }
  return out;
}

/** A quote's words without surrounding spaces. */
function reportedEdges(text: string, s: number, e: number): Span {
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  return [s, e];
}

// "As X warned recently, …": the clause after the comma is X's.
const AS_FRAME = new RegExp(`^As\\s+([^,]{2,100}?)\\s+(${VERBS})(?:\\s+[^,]{1,25})?,\\s+`, 'u');

interface Frame {
  /** Offsets into the text. */
  clause: Span;
  speakerPhrase: string;
  speakerAt: number;
  verb: string;
  addressee?: string;
}

/** The indirect frames of one sentence, most specific first. */
function indirectFrames(f: Finder, s: Sentence): Frame[] {
  const st = f.masked.slice(s.start, s.end);
  const end = s.start + st.replace(/[.!?]+\s*$/u, '').length;
  const frames: Frame[] = [];
  // "According to X, clause."
  const accFirst = /^According to\s+([^,]{2,80}),\s+/u.exec(st);
  if (accFirst) frames.push({ clause: [s.start + accFirst[0].length, end], speakerPhrase: accFirst[1]!, speakerAt: s.start + 13, verb: 'according to' });
  // "As X warned recently, clause."
  const as = AS_FRAME.exec(st);
  if (as) frames.push({ clause: [s.start + as[0].length, end], speakerPhrase: as[1]!, speakerAt: s.start + 3, verb: as[2]!.toLowerCase() });
  // "Clause, X said (on Monday)." / "Clause, the governor, X, said."
  const tail = /^(.{15,}?),\s+((?:the\s+)?[^,]{2,60}?(?:,\s+[^,]{2,40},)?)\s+(said|says|told\s+[^,.]{2,40}?|announced|confirmed|added|warned|stated)(?:\s+(?:on|in|last)\s+[\p{L}\d ]{2,20}?)?\s*[.!?]?\s*$/u.exec(st);
  if (tail) frames.push({ clause: [s.start, s.start + tail[1]!.length], speakerPhrase: tail[2]!, speakerAt: s.start + tail[1]!.length + 2, verb: tail[3]!.split(' ')[0]!.toLowerCase() });
  // "Clause, according to X."
  const accLast = /,?\s+according to\s+((?:the\s+)?[^,.;]{2,80}?)\s*[.,;]?$/iu.exec(st);
  if (accLast && accLast.index > 20) frames.push({ clause: [s.start, s.start + accLast.index], speakerPhrase: accLast[1]!, speakerAt: s.start + accLast.index, verb: 'according to' });
  // "X VERB [Y] [adverbial] (that) clause", "…, VERB-ing (that) clause", "with X VERB-ing that clause".
  for (const v of st.matchAll(VERB_RE_G)) {
    const verb = v[1]!.toLowerCase();
    const verbEnd = v.index + v[0].length;
    if (/^(?:if|when|while|although|as)\b/iu.test(st) || v.index < 2) continue;
    // In a relative clause ("seamen on board the ship, who said …") the speaker is the noun before "who".
    if (/\b(?:who|which|that)\s+(?:\p{Ll}+ly\s+)?(?:had\s+|has\s+|have\s+)?$|,\s+(?:who|which)\b[^,]*$/u.test(st.slice(0, v.index))) continue;
    // A passive ("was told that", "had been contacted … and told that"): the subject heard it.
    if (/\b(?:been|be|being|was|were|is|are)\s+(?:\p{Ll}+ly\s+)?$|\b(?:been|was|were)\s+\p{Ll}+ed\b[^,]*\band\s+$/u.test(st.slice(0, v.index))) continue;
    let rest = st.slice(verbEnd);
    let addressee: string | undefined;
    if (isTelling(verb) || /^(?:assur|promis|warn)/u.test(verb)) {
      const listener = LISTENER.exec(rest.replace(/^\s+/u, ''));
      if (listener) {
        addressee = addresseeAfter(st, verbEnd);
        rest = rest.replace(/^\s+/u, '').slice(listener[0].length);
      }
    }
    const lead = rest.length - rest.replace(/^\s+/u, '').length;
    rest = rest.slice(lead);
    for (let adv = ADVERBIAL.exec(rest); adv; adv = ADVERBIAL.exec(rest)) rest = rest.slice(adv[0].length);
    // "told the Interfax news agency that …": a short listener or adverbial before "that".
    const that = /^(?:[^\s,#]+\s+){0,5}?that\s+/u.exec(rest);
    if (that) {
      if (!addressee && isTelling(verb)) addressee = addresseeAfter(st, verbEnd);
      rest = rest.slice(that[0].length);
    }
    else if (!looksLikeClause(f.text.slice(s.start + st.length - rest.length, s.end))) continue;
    const clauseStart = s.start + st.length - rest.length;
    const pre = st.slice(0, v.index);
    // A participle after a comma reports its sentence's subject; right after a name, that name's.
    const participle = /ing$/u.test(verb);
    // "… ate breakfast before saying he was tired": whose words follow a preposition cannot be told.
    if (participle && /\b(?:before|after|while|without|by|since|upon|when)\s+$/u.test(pre)) continue;
    // "State TV quoted the disaster centre as saying …": the one quoted is the speaker.
    // …and "Ali Naghavi was quoted by IRNA as saying …": the one quoted is the subject, not the outlet.
    const quotedAs = /\b(?:was|were|is|has been)\s+quoted\s+(?:by\s+[^,]+?\s+)?as\s+$/u.test(pre) ? /^(.*?)\s+(?:was|were|is|has been)\s+quoted\b/u.exec(pre) : /\bquoted\s+(.+?)\s+as\s+$/u.exec(pre);
    const subjectPart = quotedAs ? quotedAs[1]! : participle && !/,\s*$/u.test(pre) ? (/(?:^|,\s+|\bwith\s+)([^,]*)$/u.exec(pre)?.[1] ?? pre) : pre;
    const subject = subjectPhrase(subjectPart);
    const partAt = quotedAs ? quotedAs.index + quotedAs[0].indexOf(quotedAs[1]!) : pre.length - subjectPart.length;
    frames.push({ clause: [clauseStart, end], speakerPhrase: subject.phrase, speakerAt: s.start + partAt + subject.offset, verb, ...(addressee ? { addressee } : {}) });
  }
  return frames;
}

/** Indirect speech (with any quoted fragments it embeds), outside the direct quotes. */
function indirectQuotes(f: Finder, direct: readonly QuoteMention[]): QuoteMention[] {
  const out: QuoteMention[] = [];
  const taken: Span[] = direct.map((q) => [q.quoteStart, q.quoteEnd]);
  const overlaps = ([a, b]: Span): boolean => taken.some(([c, d]) => a < d && b > c);
  for (const s of f.sentences) {
    for (const frame of indirectFrames(f, s)) {
      const clause = reportedClause(f.text, frame.clause[0], frame.clause[1]);
      if (clause[1] - clause[0] < 10 || overlaps(clause)) continue;
      // Every fragment in quotation marks must lie wholly inside the clause or outside it.
      if (f.quoted.some(([a, b]) => a - 1 < clause[1] && b + 1 > clause[0] && (a - 1 < clause[0] || b > clause[1]))) continue;
      const speaker = f.speakers.resolve(frame.speakerPhrase, frame.speakerAt);
      if (!speaker) continue;
      taken.push(clause);
      const verbatim = verbatimWithin(f.quoted, clause[0], clause[1]);
      out.push({ speaker, text: f.text.slice(...clause), ...(frame.addressee ? { addressee: frame.addressee } : {}), verb: frame.verb, direct: false, start: s.start, end: s.end, quoteStart: clause[0], quoteEnd: clause[1], verbatim });
    }
  }
  return out;
}

/**
 * Finds direct quotes, indirect speech and mixed quotes (a reported clause with quoted fragments)
 * in `text`, each with its speaker resolved within the text.
 * @example findQuotes('"We are ready," Deputy Mayor Ann Holt told reporters.')
 *   // → [{ speaker: 'Ann Holt', text: 'We are ready,', addressee: 'reporters', verb: 'told', direct: true, ... }]
 */
export function findQuotes(text: string, sentences: Sentence[] = splitSentences(text)): QuoteMention[] {
  if (typeof text !== 'string' || !text) return [];
  const quoted = quotedSpans(text);
  const f: Finder = { text, masked: maskQuotes(text, quoted), sentences, quoted, speakers: new SpeakerResolver(text, sentences, quoted) };
  const direct = directQuotes(f);
  return [...direct, ...indirectQuotes(f, direct)].sort((a, b) => a.quoteStart - b.quoteStart);
}

