/**
 * The grammar of a report, as far as plain patterns can tell it: reporting verbs by family, the
 * subject phrase before a verb, the listener after "told", and whether what follows is a clause.
 */
import { findEntities } from './entities.js';

// Reporting verbs by family, in the forms that frame a quote. Each family is a way news reports speech:
const VERB_FAMILIES = [
  // saying and telling: neutral report of words;
  'said|says|saying|stated|states|stating|told|tells|telling|added|adds|adding|wrote|writes|replied|asked',
  // announcing and confirming: official statements;
  'announced|announces|announcing|confirmed|confirms|confirming|declared|declares|indicated|indicating|revealed|reveals|reported|reports',
  // assuring and promising: commitments made to someone;
  'assured|assures|assuring|promised|promises|vowed|vows|pledged|pledges',
  // warning and predicting: statements about what may come;
  'warned|warns|warning|cautioned|predicted|predicts',
  // insisting, arguing, claiming: contested statements;
  'insisted|insists|insisting|argued|argues|arguing|claimed|claims|claiming|maintained|maintains',
  // noting, explaining, stressing: elaboration of an earlier statement;
  'noted|notes|noting|explained|explains|explaining|stressed|stresses|emphasized|emphasised|reiterated|recalled|remarked|observed',
  // admitting and denying: concessions and denials (a denial is a statement too).
  'acknowledged|acknowledges|admitted|admits|conceded|concedes|denied|denies|denying',
];
export const VERBS = VERB_FAMILIES.join('|');
export const VERB_RE_G = new RegExp(`\\b(${VERBS})\\b`, 'giu');
// Verbs that name what someone called a thing ("called the closure “a scandal”"): the quote is theirs.
export const NAMING_VERB = /\b(called|dubbed|branded|labelled|labeled|described)\b/iu;

const AUX = /^(?:is|are|was|were|will|would|had|has|have|could|can|may|might|must|should|did|does|do|shall)$/iu;
// Time and manner phrases between a verb and its clause ("said on Monday", "told reporters last week").
export const ADVERBIAL = /^(?:(?:on|in|last|this|early|late|earlier)\s+(?:\p{Lu}\p{L}+|\d{4}|week|month|year|a statement|an interview)(?:\s+\d{4})?|yesterday|today|recently|officially|also|again)\s*,?\s+/iu;
// Listeners after "told": a name, or reporters, journalists, parliament…
export const LISTENER = /^(?:(?:reporters|journalists|parliament|lawmakers|police|investigators|the press|the magazine|the newspaper|the broadcaster|the council|(?:the\s+)?(?:\p{Lu}[\p{L}'’-]*\s+){1,4}))\s*/u;

/** Looks like a finite clause: an auxiliary within the first five words, or a subject and a past-tense verb. */
export function looksLikeClause(clause: string): boolean {
  // An inserted relative clause does not end the subject ("the bridge, which opened in 1978, would …").
  const head = clause.replace(/,\s+(?:which|who)\b[^,]*,/u, '').split(/[,;]/u)[0]!.trim().split(/\s+/u).slice(0, 5);
  // A preposition opens an adverbial, a participle another frame ("announced on Monday, confirming that").
  // A question word opens an indirect question ("explained why …"), not a report of what was said.
  if (!head.length || /^(?:on|in|at|for|with|by|to|about|of|after|before|from|during|why|how|what|whether|if|where|when|who|once|because|since|until|unless|although|though|while|as)$|ing$/iu.test(head[0]!)) return false;
  // A clause needs its own subject: "… said was the actual leader" continues a relative clause.
  if (AUX.test(head[0]!)) return false;
  if (head.some((w) => AUX.test(w))) return true;
  const subjectStart = /^(?:the|a|an|it|he|she|they|we|this|there|its|his|her|their|\p{Lu}\p{L}*)$/u.test(head[0]!);
  // The past-tense verb right after a short subject ("the crack measured …"), not deep in a noun phrase.
  return subjectStart && head.slice(1, 4).some((w) => /^\p{Ll}{3,}ed$/u.test(w));
}

/** Words that end a subject: a verb (past tense, auxiliary or reporting verb). */
const VERB_WORD = new RegExp(`^(?:${VERBS}|spoke|met|made|gave|took)$`, 'iu');

function isVerbLike(word: string): boolean {
  return /^\p{Ll}/u.test(word) && (AUX.test(word) || (/ed$/u.test(word) && word.length > 3) || VERB_WORD.test(word));
}

/**
 * The subject phrase of the clause that ends at the reporting verb: after the last clause boundary
 * (", and"), without leading adverbials ("Subsequently,", "Addressing the visit,"), up to the first verb.
 */
export function subjectPhrase(pre: string): { phrase: string; offset: number } {
  let offset = 0;
  const boundary = [...pre.matchAll(/,\s+(?:and|but|though|although|while|whereas)\s+|;\s+/gu)].pop();
  if (boundary) offset = boundary.index + boundary[0].length;
  for (;;) {
    // A lone word ("Still,", "Subsequently,"), a participle or a prepositional phrase before the subject.
    const lead = /^(?:Still|Yet|Instead|Moreover|Separately|Now|Indeed|Nevertheless|Nonetheless|Otherwise|Overall|Finally|Today|Yesterday|\p{Lu}\p{Ll}+(?:ly|ing)\b[^,]{0,80}|(?:Meanwhile|However|Later|Then|On|In|At|After|Before|During|Last|This|Earlier|Recently|Prior|Rather|Upon|Under|With|Without|For|By|From|Despite|Since|Until|Following|Amid|A day|A week)\b[^,]{0,60}),\s+/u.exec(pre.slice(offset));
    if (!lead) break;
    offset += lead[0].length;
  }
  const rest = pre.slice(offset);
  let cut = rest.length;
  for (const w of rest.matchAll(/[\p{L}'’-]+/gu)) {
    // An adverb before the verb ends the subject too ("He officially confirmed").
    if (isVerbLike(w[0]) || /^\p{Ll}+ly$/u.test(w[0])) {
      cut = w.index;
      break;
    }
  }
  return { phrase: rest.slice(0, cut), offset };
}

/**
 * The addressee after "told": a name or a listener noun at the start of the clause ("told Interfax",
 * "told the Interfax news agency", "told reporters after the signing"); never past the clause end.
 */
export function addresseeAfter(text: string, at: number): string | undefined {
  const tail = text.slice(at, at + 60);
  const cut = tail.search(/[.;,!?]|\bthat\b/u);
  const clause = cut >= 0 ? tail.slice(0, cut) : tail;
  const noun = /^\s+(reporters|journalists|parliament|lawmakers|the press|the magazine|a news conference|a briefing|the newspaper|the broadcaster)\b/iu.exec(clause);
  if (noun) return noun[1];
  const name = findEntities(clause).find((e) => /^\s+(?:the\s+)?(?:[\p{Ll}]+\s+)?$/u.test(clause.slice(0, e.start)));
  return name?.text;
}

export const isTelling = (verb: string): boolean => /^tell|^told/iu.test(verb);
