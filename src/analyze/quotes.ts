/**
 * Quotations with their speakers (after Pareti et al. 2013): a quoted span plus a reporting verb
 * ("said", "told", "according to", "stating") whose subject is the speaker. When the subject is a
 * pronoun ("he said"), the speaker is taken from the preceding sentence. Indirect speech is kept
 * when the frame is clear: "X said/told Y/confirmed that ...", "..., X said." and "according to X".
 */
import { findEntities, type EntityMention } from './entities.js';
import { splitSentences, type Sentence } from './sentences.js';

/** One quotation found in a text; offsets are into that text. */
export interface QuoteMention {
  speaker: string;
  /** The quoted words (direct) or the reported clause (indirect). */
  text: string;
  addressee?: string;
  verb: string;
  direct: boolean;
  /** The sentence (or sentences) holding quote and attribution. */
  start: number;
  end: number;
}

// Reporting verbs (Pareti et al.'s most frequent cues in news), in the forms that frame a quote.
const VERBS =
  'said|says|told|tells|added|adds|stated|states|stating|saying|announced|announces|confirmed|confirms|' +
  'warned|warns|insisted|insists|noted|notes|explained|explains|declared|declares|wrote|writes|' +
  'replied|asked|argued|argues|claimed|claims|stressed|emphasized|emphasised|reiterated|acknowledged|' +
  'admitted|predicted|promised|vowed|urged|recalled|remarked|indicating|indicated|telling|adding';
const VERB_RE_G = new RegExp(`\\b(${VERBS})\\b`, 'giu');

// Quoted spans of at least two words (reason: one-word quotes are scare quotes or labels —
// “crisis” — and every kept quote needs a reporting verb and a speaker too).
const QUOTE_RE = /“([^”\n]{3,600})”|"([^"\n]{3,600})"|«([^»\n]{3,600})»/gu;
const MIN_QUOTE_WORDS = 2;

const PRONOUNS = /^(he|she|they|it|we|i)$/iu;
// Subjects that are not names but still a clear speaker ("the department said").
const NOUN_SPEAKER =
  /\b((?:the\s+)?(?:[\p{L}'’-]+\s+){0,3}(?:ministry|department|agency|police|service|office|spokesman|spokeswoman|spokesperson|government|kremlin|council|court|institute|union|company|commission|officials?|statement))\b/iu;

function isPossessive(text: string, e: EntityMention): boolean {
  return /^['’]s?\b/u.test(text.slice(e.end, e.end + 2));
}

// A nationality adjective before a noun ("the Turkish leader", "Russian Interfax") is not a speaker.
function isModifier(text: string, e: EntityMention): boolean {
  return !e.text.includes(' ') && /(?:ish|ian|ese|ean|ic|kh|men)$/u.test(e.text) && /^\s+\p{L}/u.test(text.slice(e.end, e.end + 3));
}

/** Names usable as a speaker: not possessive, not a sentence-initial participle ("Addressing"). */
function speakerNames(text: string, from: number, to: number): EntityMention[] {
  const part = text.slice(from, to);
  return findEntities(part)
    // A sentence-initial participle or adverb ("Addressing ...", "Recently, ...") is not a name.
    .filter((e) => !isPossessive(part, e) && !isModifier(part, e) && !(e.start === 0 && /(?:ing|ly)$/u.test(e.text.split(' ')[0]!)))
    .map((e) => ({ ...e, start: e.start + from, end: e.end + from }));
}

/** The first non-possessive name of a sentence: its likely subject (used to resolve "he"). */
function subjectOf(text: string, s: Sentence | undefined): string | null {
  if (!s) return null;
  const names = speakerNames(text, s.start, s.end);
  return names[0]?.text ?? null;
}

/**
 * The addressee after "told": a name or a listener noun at the start of the clause ("told Interfax",
 * "told the Interfax news agency", "told reporters after the signing"); never past the clause end.
 */
function addresseeAfter(text: string, at: number): string | undefined {
  const tail = text.slice(at, at + 60);
  const cut = tail.search(/[.;,!?]|\bthat\b/u);
  const clause = cut >= 0 ? tail.slice(0, cut) : tail;
  const noun = /^\s+(reporters|journalists|parliament|lawmakers|the press|the magazine|a news conference|a briefing|the newspaper|the broadcaster)\b/iu.exec(clause);
  if (noun) return noun[1];
  // A name right after the verb (at most "the" and one lower-case word before it).
  const name = findEntities(clause).find((e) => /^\s+(?:the\s+)?(?:[\p{Ll}]+\s+)?$/u.test(clause.slice(0, e.start)));
  return name?.text;
}

// Words that end a noun speaker's lead-in: "figures released by the department" → "the department".
const SPEAKER_LEAD = /^.*\b(?:by|from|of|with)\s+(?=(?:the\s+)?[\p{L}])/iu;

/** A noun-phrase speaker ("the city's transport department"), without a lead-in ("released by"). */
function nounSpeaker(phrase: string): string | null {
  const m = NOUN_SPEAKER.exec(phrase.replace(SPEAKER_LEAD, ''));
  if (!m) return null;
  const np = m[1]!.replace(SPEAKER_LEAD, '');
  // Lower-case words before the head that are verbs or prepositions are not part of the speaker.
  return np.replace(/^(?:(?:[\p{Ll}]+(?:ed|ing)|by|from|to|at|on|in)\s+)+/u, '').trim() || null;
}

/**
 * The speaker in a phrase: a person's name (titles dropped by the entity finder), else an
 * organisation noun phrase; a nationality adjective or a capitalised modifier of a noun phrase
 * ("the Valdorian trade ministry", "Transport commissioner Idris Vell") is never the speaker itself.
 */
function speakerIn(phrase: string): string | null {
  const names = findEntities(phrase).filter((e) => !isPossessive(phrase, e) && !modifiesNoun(phrase, e));
  const person = names.find((e) => e.kind === 'person');
  if (person) return person.text;
  const np = nounSpeaker(phrase);
  const last = names[names.length - 1];
  // The noun phrase wins when the name only sits inside it ("the Valdorian trade ministry").
  if (np && (!last || np.includes(last.text))) return np;
  return last?.text ?? np;
}

/**
 * A capitalised word followed by a lower-case noun ("Transport commissioner", "Valdorian trade"),
 * not by a verb ("Putin expressed", "Voss says", "Orkan will").
 */
function modifiesNoun(text: string, e: EntityMention): boolean {
  if (e.text.includes(' ')) return false;
  const next = /^\s+([\p{Ll}]{3,})\b/u.exec(text.slice(e.end, e.end + 30))?.[1];
  if (!next) return false;
  return !/(?:ed|s)$/u.test(next) && !/^(?:will|would|has|had|was|can|could|may|might|must|also|then|now|told|said|says|wrote|spoke|gave|made|took|met|insisted|urged)$/u.test(next);
}

// Job titles left in front of a name at a sentence start ("Commissioner Idris Vell said").
const LEADING_TITLE = /^(?:(?:Transport|Finance|Foreign|Deputy|Police|Fire|Health|Interior|Chief|Senior|Regional|City)\s+)?(?:Commissioner|Spokesman|Spokeswoman|Spokesperson|Director|Councillor|Councilor|Secretary|Chairman|Chairwoman|Chair|Officer|Inspector|Superintendent|Commander|Ambassador|Minister|Governor|Mayor|Head|Chief)\s+(?=\p{Lu})/u;

/** A speaker name without a title left in front of it. */
function stripTitle(name: string): string {
  const t = name.replace(LEADING_TITLE, '');
  return t.includes(' ') || t === name ? t : name;
}

/**
 * Finds direct quotes (with their speaker) and clear indirect speech in `text`.
 * @example findQuotes('"We are ready," Deputy Mayor Ann Holt told reporters.')
 *   // → [{ speaker: 'Ann Holt', text: 'We are ready,', addressee: 'reporters', verb: 'told', direct: true, ... }]
 */
export function findQuotes(text: string, sentences: Sentence[] = splitSentences(text)): QuoteMention[] {
  const out: QuoteMention[] = [];
  if (typeof text !== 'string' || !text) return out;
  const sentenceAt = (pos: number): number => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid]!.start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const covered: Array<[number, number]> = [];
  for (const m of text.matchAll(QUOTE_RE)) {
    const inner = (m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (inner.split(/\s+/u).length < MIN_QUOTE_WORDS) continue;
    const qStart = m.index;
    const qEnd = qStart + m[0].length;
    const lineStart = text.lastIndexOf('\n', qStart) + 1;
    let lineEnd = text.indexOf('\n', qEnd);
    if (lineEnd < 0) lineEnd = text.length;
    const si = sentenceAt(qStart);
    const ei = sentenceAt(Math.max(qStart, qEnd - 1));
    const first = sentences[si];
    const last = sentences[ei];
    if (!first || !last) continue;
    let speaker: string | null = null;
    let verb = '';
    let addressee: string | undefined;
    let span: [number, number] = [first.start, last.end];
    // 1. Attribution after the quote: `," Yuri Ushakov told Interfax.` / `," he said.` / `," said X.`
    const afterEnd = Math.min(lineEnd, (sentences[sentenceAt(qEnd)]?.end ?? lineEnd) + 0);
    const after = text.slice(qEnd, afterEnd);
    const afterVerb = /^[\s,]*(?:(?:[\p{L}'’.-]+\s+){0,6}?)(said|says|told|tells|added|adds|stated|explained|wrote|replied|insisted|noted|warned|declared|asked|argued|claimed)\b/iu.exec(after);
    if (afterVerb && /^[\s,]*[\p{Ll}\p{Lu}]/u.test(after) && !/^[\s,]*[\p{Lu}][^,]*?[.!?]\s/u.test(after.slice(0, afterVerb[0].length))) {
      verb = afterVerb[1]!.toLowerCase();
      const verbAt = qEnd + afterVerb.index + afterVerb[0].length - afterVerb[1]!.length;
      const before = text.slice(qEnd, verbAt).trim().replace(/^,\s*/u, '');
      const names = speakerNames(text, qEnd, verbAt);
      if (names.length) speaker = names[names.length - 1]!.text;
      else if (PRONOUNS.test(before)) speaker = subjectOf(text, sentences[si - 1]) ?? subjectOf(text, sentences[si]);
      else {
        // Inverted order: `," said Hanna Tulle, a resident`.
        const inv = speakerNames(text, verbAt + verb.length, Math.min(afterEnd, verbAt + verb.length + 60));
        if (inv[0]) speaker = inv[0].text;
        else speaker = nounSpeaker(before);
      }
      if (verb === 'told' || verb === 'tells') addressee = addresseeAfter(text, verbAt + verb.length);
      span = [first.start, sentences[sentenceAt(Math.max(qEnd, verbAt))]!.end];
    }
    // 2. Attribution before the quote in the same line: `Ushakov told Interfax that a visit is “...”`,
    //    `..., stating, “...”`.
    if (!speaker) {
      const from = Math.max(lineStart, first.start);
      const pre = text.slice(from, qStart);
      const verbs = [...pre.matchAll(VERB_RE_G)];
      const v = verbs[verbs.length - 1];
      if (v) {
        verb = v[1]!.toLowerCase();
        const verbAt = from + v.index;
        const part = text.slice(from, verbAt);
        const names = speakerNames(text, from, verbAt).filter((e) => !modifiesNoun(part, { ...e, start: e.start - from, end: e.end - from }));
        // The subject nearest the verb, a titled person first ("Transport commissioner Idris Vell said").
        if (names.length) speaker = (names.find((e) => e.kind === 'person') ?? names[names.length - 1]!).text;
        else {
          const subj = text.slice(from, verbAt).trim();
          if (/^(he|she|they|we|i)\b/iu.test(subj) || /^[\p{Ll}]/u.test(subj) || !subj) speaker = subjectOf(text, sentences[si - 1]);
          else speaker = nounSpeaker(subj);
        }
        if (verb === 'told' || verb === 'tells' || verb === 'telling') addressee = addresseeAfter(text, verbAt + verb.length);
      }
    }
    // A quote that continues a quoted speaker's paragraph without a new attribution is theirs too.
    const prev = out[out.length - 1];
    if (!speaker && prev?.direct && prev.end >= lineStart && prev.end <= qStart) {
      speaker = prev.speaker;
      verb = prev.verb;
      if (prev.addressee) addressee = prev.addressee;
    }
    if (!speaker) continue;
    speaker = stripTitle(speaker);
    covered.push([span[0], span[1]]);
    out.push({ speaker, text: inner, ...(addressee ? { addressee } : {}), verb, direct: true, start: span[0], end: span[1] });
  }
  // Indirect speech, one sentence at a time, outside the direct quotes.
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    if (covered.some(([a, b]) => s.start < b && s.end > a)) continue;
    if (/[“”"«»]/u.test(s.text)) continue;
    const acc = /,?\s+according to\s+((?:the\s+)?[^,.;]{2,80}?)\s*[.,;]?$/iu.exec(s.text);
    if (acc && acc.index > 20) {
      const speaker = speakerIn(acc[1]!);
      if (speaker) {
        out.push({ speaker, text: s.text.slice(0, acc.index).trim(), verb: 'according to', direct: false, start: s.start, end: s.end });
        continue;
      }
    }
    const that = new RegExp(`^(.{2,120}?)\\b(${VERBS})\\b(.{0,60}?)\\bthat\\s+(.{10,})$`, 'iu').exec(s.text);
    if (that && !/^(if|when|while|although|as)\b/iu.test(that[1]!)) {
      const names = speakerNames(s.text, 0, that[1]!.length).filter((e) => (e.start === 0 || /,\s*$/u.test(s.text.slice(0, e.start)) === false) && !modifiesNoun(s.text, e));
      let speaker = names.find((e) => e.kind === 'person')?.text ?? names[0]?.text ?? null;
      if (!speaker && /^(he|she|they)\b/iu.test(that[1]!)) speaker = subjectOf(text, sentences[i - 1]);
      if (!speaker) speaker = nounSpeaker(that[1]!);
      const verb = that[2]!.toLowerCase();
      const between = that[3]!.trim();
      // Between verb and "that" only an addressee or a short adverbial fits ("told Interfax",
      // "said on Monday"); a longer stretch means this "that" opens a relative clause ("the repair
      // work that began in April"), so the reported clause is everything after the verb.
      const clause = between.split(/\s+/u).length > 4 ? `${between} that ${that[4]!}` : that[4]!;
      if (speaker) {
        const addressee = verb === 'told' || verb === 'tells' ? addresseeAfter(s.text, that[1]!.length + verb.length) : undefined;
        out.push({ speaker, text: clause.replace(/[.!?]+$/u, ''), ...(addressee ? { addressee } : {}), verb, direct: false, start: s.start, end: s.end });
        continue;
      }
    }
    const tailSaid = /^(.{15,}?),\s+((?:the\s+)?[^,]{2,60}?)\s+(said|says|told [^.]{2,40}?|announced|confirmed)(?:\s+on\s+\p{Lu}\p{Ll}+)?\.?$/u.exec(s.text);
    if (tailSaid) {
      const speaker = speakerIn(tailSaid[2]!);
      if (speaker) {
        const verb = tailSaid[3]!.split(' ')[0]!.toLowerCase();
        out.push({ speaker, text: tailSaid[1]!, verb, direct: false, start: s.start, end: s.end });
      }
    }
  }
  for (const q of out) q.speaker = stripTitle(q.speaker);
  return out.sort((a, b) => a.start - b.start);
}
