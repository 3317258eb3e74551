/**
 * Who says a quote, as a full name or a full body name found in the same article: "Mr. Ushakov" and
 * "Ushakov" become "Yuri Ushakov", "the Turkish leader" the Turkish president the article names,
 * "the department" the "transport department" named before, "the country's Foreign Ministry" the
 * "Turkish Foreign Ministry" when the sentences before speak of one country. A pronoun is the most
 * recent person named as a subject; when none is found the quote is dropped rather than guessed.
 * The word lists below were grown on the seeds, the demo corpus and ECB+ dev articles.
 */
import { entityKey, findEntities, type EntityMention } from './entities.js';
import type { Sentence } from './sentences.js';

const PRONOUN = /^(?:he|she|they|we|i)$/iu;
// Only "he" and "she" point back to a named person; "they", "we" and "I" are usually a group or
// someone quoted earlier, so they are dropped rather than guessed.
const PERSON_PRONOUN = /^(?:he|she)$/iu;
// Adverbs that open a sentence and get capitalised into a name ("Earlier in the day a bank …").
const LEADING_ADVERB = /^(?:Earlier|Later|Meanwhile|Still|Also|Then|Now|Soon|Separately|Instead)(?:\s+|$)/u;
const IN_PREPOSITION = /\b(?:of|at|for|from|with|in|on)\s+(?:the\s+)?$/u;
// Quantifiers standing as subjects ("Others warned that …") name no speaker.
const VAGUE = /^(?:others?|some|many|most|several|both|all|one)$/iu;
// "the producers of the Academy Awards telecast": the speaker is the head noun with its "of" phrase.
const HEAD_OF = /^(?:the|a|an)\s+(\p{Ll}+\s+of\s+[^,]+)$/u;

// Heads of noun phrases that speak for a body or a group ("the department said", "residents said").
const BODY_HEADS =
  'ministry|department|agency|police|service|office|spokesman|spokeswoman|spokesperson|government|governments|kremlin|' +
  'council|court|institute|union|company|commission|officials?|statement|owners|residents|groups?|unions|farmers|' +
  'analysts|experts|witnesses|diplomats|sources?|negotiators|prosecutors|investigators|detectives|officers|organi[sz]ation|' +
  'draft|report|text|board|authority|authorities|army|military|embassy|committee|party|operator|airline|hospital|university|' +
  'media|television|tv|radio|center|centre|leaflet|letter|memo|notice|update|bulletin';
const BODY_HEAD_G = new RegExp(`\\b(?:${BODY_HEADS})\\b`, 'giu');
// Words that cannot modify a body's head: articles, pronouns, prepositions, conjunctions, adverbs.
const NOT_MODIFIER = /^(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|to|of|in|on|at|by|for|from|with|and|or|but|then|also|than|as|into|after|before|while|who|which|he|she|it|they|we|i|you|later|earlier|soon|still|now|told|said|says|spoke|met|made|gave|took|when|where|why|how|if|because|whom|whose|until|since|nearby|other|some|many|several|all|more|most)$/iu;

// Words that lead into the source without being it: "figures released by the department",
// "a statement from the ministry". A document "seen by" or "obtained by" an outlet is the source
// itself ("a draft seen by Reuters"), so those verbs are not lead-ins.
const LEAD_IN = /^.*?\b(?:(?:released|revealed|published|issued|provided|compiled|given|shared)\s+by|(?:statement|figures|data|information|estimates?|records|numbers|documents?)\s+(?:from|of))\s+(?=(?:the\s+)?[\p{L}])/iu;
const DOCUMENT_SEEN = /^(?:the\s+|an?\s+)?((?:[\p{Ll}-]+\s+){0,2}(?:draft|documents?|reports?|text|letters?|memos?|records|emails|files|papers|data))\s+(?:seen|obtained|reviewed)\s+by\b/iu;

// Roles that a definite description ("the Turkish leader") may stand for.
const ROLE = /^(?:the\s+)?(?:(\p{Lu}\p{L}+)\s+)?(leader|president|prime minister|premier|chancellor|foreign minister|minister|governor|mayor)$/iu;
const LEADER_TITLES = /\b(?:president|prime minister|premier|chancellor|king|leader)\b/iu;

// A capitalised adjective of nationality ("Turkish", "Valdorian", "Chinese") before a noun.
const NATIONALITY = /\b(\p{Lu}\p{Ll}+(?:ish|ian|ese|ean|ican)|French|Dutch|Greek|Swiss|Czech|Israeli|Iraqi|Pakistani)\s+(?=\p{L})/gu;

// Subjects whose owner is named in a sentence before ("the country's Foreign Ministry").
const OWNER = /^(?:the\s+)?(country|nation|state|city|region|province|government|company)['’]s\s+/iu;

// Organisation and place heads: a name holding one is not a person ("Shanghai Cooperation Organization").
const NOT_PERSON = /\b(?:ministry|department|office|union|party|council|court|agency|institute|organi[sz]ation|summit|sea|republic|federation|states|kingdom|news|times|daily|eye|press|bank|group|university|valley|bridge|city|league|association|corporation|committee|fund|church|mosque|temple|school|college|hospital|police|club|team|station|airport|company|agency)\b/iu;

/** The index of the first sentence ending after `pos` (binary search); `sentences.length` when none. */
export function sentenceAfter(sentences: readonly Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.end > pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function isPossessive(text: string, e: EntityMention): boolean {
  return /^['’]s?\b/u.test(text.slice(e.end, e.end + 2));
}

/**
 * A capitalised word followed by a lower-case noun ("Transport commissioner", "Turkish leader"), not
 * by a verb ("Putin expressed", "Voss says", "Orkan will"): a modifier, never the speaker itself.
 */
function modifiesNoun(text: string, e: EntityMention): boolean {
  const next = /^\s+([\p{Ll}]{3,})\b/u.exec(text.slice(e.end, e.end + 30))?.[1];
  if (!next) return false;
  return (
    !/(?:ed|s|ly)$/u.test(next) &&
    !/^(?:will|would|has|had|was|can|could|may|might|must|also|then|now|told|said|says|wrote|spoke|gave|made|took|met|insisted|urged|and|or|but|in|on|at|to|of|for|with|from|by|after|before|when|while|who|which|that|last|wouldn|couldn|didn|doesn|isn|wasn|hasn|hadn|won)$/u.test(next)
  );
}

// Job titles left in front of a name, with the capitalised words that qualify them
// ("Commissioner Idris Vell", "California Highway Patrol Officer Brad Baehr").
const LEADING_TITLE = /^(?:\p{Lu}[\p{L}-]*\s+){0,4}?(?:Commissioner|Spokesman|Spokeswoman|Spokesperson|Director|Councillor|Councilor|Secretary|Chairman|Chairwoman|Chair|Officer|Inspector|Superintendent|Commander|Executive|Ambassador|Minister|Governor|Mayor|Head|Chief|Attorney|Sheriff|Undersheriff|Detective|Prosecutor|Lieutenant|Sergeant|Coach|Editor|Defender|Pastor|Reverend|Bishop|Rabbi|Imam)\s+(?=\p{Lu})/u;

/** A name without a title left in front of it ("Commissioner Vell" → "Vell"). */
function stripTitle(name: string): string {
  return name.replace(LEADING_TITLE, '') || name;
}

/** Names in `text[from, to)` usable as a speaker: not possessive, not a modifier, not a sentence-initial participle. */
function speakerNames(text: string, from: number, to: number): EntityMention[] {
  const part = text.slice(from, to);
  return findEntities(part)
    .filter((e) => !isPossessive(part, e) && !modifiesNoun(part, e) && !(e.start === 0 && /(?:ing|ly)$/u.test(e.text.split(' ')[0]!)))
    .map((e) => ({ ...e, text: stripTitle(e.text), start: e.start + from, end: e.end + from }));
}

/**
 * The body noun phrase in a phrase ("A Surrey Police spokeswoman" → "Surrey Police spokeswoman",
 * "the city's transport department" → "city's transport department"): its last head noun and the
 * modifiers right before it, without a lead-in ("figures released by the department").
 */
function bodyPhrase(phrase: string): string | null {
  const doc = DOCUMENT_SEEN.exec(phrase);
  if (doc) return doc[1]!;
  const p = phrase.replace(LEAD_IN, '');
  const head = [...p.matchAll(BODY_HEAD_G)].pop();
  if (!head) return null;
  const words = p.slice(0, head.index).trim().split(/\s+/u).filter(Boolean);
  let k = words.length;
  // Modifiers: capitalised words, possessives and lower-case nouns or adjectives (not verb forms or adverbs).
  while (k > 0 && !NOT_MODIFIER.test(words[k - 1]!) && !/^\p{Ll}+(?:ed|ly|es|ing)$/u.test(words[k - 1]!) && /^[\p{L}'’-]+$/u.test(words[k - 1]!)) k--;
  return [...words.slice(k), head[0]].join(' ');
}

interface Person {
  name: string;
  key: string;
  /** The words written right before the name ("Turkish President"). */
  title: string;
}

// A name set off after a role ("The head of Turkish diplomacy, Hakan Fidan,") is a person's.
const ROLE_APPOSITION = /\b(?:head|chief|leader|minister|president|spokes\p{L}+|director|adviser|advisor|secretary|ambassador|governor|mayor|envoy|aide)\b[^,.;]{0,40},\s+$/iu;

/** Resolves speaker phrases of one article. */
export class SpeakerResolver {
  private readonly names: EntityMention[];
  private readonly persons: Person[];

  constructor(
    private readonly text: string,
    private readonly sentences: readonly Sentence[],
    /** Quoted spans: names inside them are the speaker's words, never a subject. */
    private readonly quoted: ReadonlyArray<[number, number]>,
  ) {
    // "President Alena Voss of Valdoria": the person is "Alena Voss".
    this.names = findEntities(text).map((e) => {
      const untitled = stripTitle(e.text);
      const name = untitled.replace(/^((?:\p{Lu}\p{Ll}+\s+){1,2}\p{Lu}\p{Ll}+)\s+of\s+.*$/u, '$1');
      // A job title in front ("Commissioner Idris Vell") makes a person, as an honorific does.
      return { ...e, text: name, key: name === e.text ? e.key : entityKey(name), kind: untitled !== e.text ? 'person' : e.kind };
    });
    this.persons = this.names
      .filter((e) => (e.kind === 'person' && !NOT_PERSON.test(e.text)) || (this.personLike(e.text) && this.introducedAsPerson(e)))
      .map((e) => ({ name: e.text, key: e.key, title: /((?:\p{Lu}[\p{L}-]*\s+){1,3})$/u.exec(text.slice(Math.max(0, e.start - 40), e.start))?.[1]?.trim() ?? '' }));
  }

  /** Two to four capitalised words, none of them an organisation or place head. */
  private personLike(name: string): boolean {
    const words = name.split(' ');
    return words.length >= 2 && words.length <= 4 && !NOT_PERSON.test(name) && words.every((w) => /^\p{Lu}\p{Ll}/u.test(w));
  }

  /** The longest name of the article ending with `name` ("Ushakov" → "Yuri Ushakov"); `name` when none or ambiguous. */
  fullName(name: string): string {
    // An acronym title ("ADA Fairman", "MP Ruth Kell") is not part of the name.
    const bare = name.replace(/^\p{Lu}{2,5}\s+(?=\p{Lu}\p{Ll})/u, '');
    const key = findEntities(bare)[0]?.key ?? bare.toLowerCase();
    const longer = new Map<string, string>();
    // Only person-like longer names: "ADA Fairman" is not a fuller "Fairman" than "Gail Fairman".
    for (const e of this.names) if (e.key !== key && e.key.endsWith(`_${key}`) && (e.kind === 'person' || this.personLike(e.text))) longer.set(e.key, e.text);
    if (longer.size !== 1) return bare;
    return [...longer.values()][0]!;
  }

  /**
   * A mention written the way news introduces a person: after a role noun ("Putin aide Yuri Ushakov",
   * "baker Ilse Marow"), before an apposition or an age ("Yuri Ushakov, a top adviser", "Lohan, 26,"),
   * or after a role set off by a comma ("The head of Turkish diplomacy, Hakan Fidan"). A place ("in Las Vegas") is none.
   */
  private introducedAsPerson(e: EntityMention): boolean {
    const before = this.text.slice(Math.max(0, e.start - 25), e.start);
    const after = this.text.slice(e.end, e.end + 40);
    return (
      /\b\p{Ll}+(?:er|or|ist|ant|ent|aide|chief|head|man|woman|person)\s+$/u.test(before) ||
      /^,\s+(?:(?:a|an|the)\s+\p{Ll}|\d{1,3},)/u.test(after) ||
      ROLE_APPOSITION.test(this.text.slice(Math.max(0, e.start - 60), e.start))
    );
  }

  private isPerson(name: string): boolean {
    const full = this.fullName(name);
    return this.persons.some((p) => p.name === full || p.name === name);
  }

  private inQuote(pos: number): boolean {
    return this.quoted.some(([s, e]) => pos >= s && pos < e);
  }

  /** The most recent person named as a subject before `at` (three sentences back at most). */
  pronoun(at: number): string | null {
    const i = sentenceAfter(this.sentences, at);
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      const s = this.sentences[k]!;
      const subject = speakerNames(this.text, s.start, s.end).find((e) => !this.inQuote(e.start));
      if (subject && this.isPerson(subject.text)) return this.fullName(subject.text);
    }
    return null;
  }

  /** The person a definite description stands for ("the Turkish leader" → the named Turkish president), if only one fits. */
  private described(nationality: string | undefined, role: string): string | null {
    const fits = new Set<string>();
    for (const p of this.persons) {
      if (nationality && !p.title.includes(nationality)) continue;
      const ok = role.toLowerCase() === 'leader' ? LEADER_TITLES.test(p.title) : p.title.toLowerCase().includes(role.toLowerCase());
      if (ok) fits.add(this.fullName(p.name));
    }
    return fits.size === 1 ? [...fits][0]! : null;
  }

  /** The one nationality named in the two sentences before `at` ("Turkish"), if only one. */
  private nationalityBefore(at: number): string | null {
    const from = this.sentences[Math.max(0, sentenceAfter(this.sentences, at) - 2)]?.start ?? 0;
    const found = new Set([...this.text.slice(from, at).matchAll(NATIONALITY)].map((m) => m[1]!));
    return found.size === 1 ? [...found][0]! : null;
  }

  /** Every body noun phrase of the text of two words or more, by head, in text order (found once, on first use). */
  private bodies?: Map<string, Array<{ at: number; name: string }>>;

  /** "the department" → the longest body phrase with the same head named before `at`. */
  private earlierBody(head: string, at: number): string | null {
    if (!this.bodies) {
      this.bodies = new Map();
      for (const m of this.text.matchAll(BODY_HEAD_G)) {
        const np = bodyPhrase(this.text.slice(Math.max(0, m.index - 60), m.index + m[0].length).split(/[,.;:!?\n]/u).pop()!);
        const name = np ? this.withoutOwner(np, m.index) : '';
        if (name.split(/\s+/u).length < 2) continue;
        const key = m[0].toLowerCase();
        (this.bodies.get(key) ?? this.bodies.set(key, []).get(key)!).push({ at: m.index, name });
      }
    }
    let best: string | null = null;
    for (const b of this.bodies.get(head.toLowerCase()) ?? []) {
      if (b.at >= at) break;
      if (!best || b.name.length >= best.length) best = b.name;
    }
    return best;
  }

  /** "the country's Foreign Ministry" → "Turkish Foreign Ministry" when the country is clear, else "Foreign Ministry". */
  private withoutOwner(np: string, at: number): string {
    const owner = OWNER.exec(np);
    const bare = np.replace(OWNER, '').replace(/^the\s+/iu, '');
    if (!owner) return bare;
    const nationality = /^(?:country|nation|government)$/iu.test(owner[1]!) ? this.nationalityBefore(at) : null;
    return nationality ? `${nationality} ${bare}` : bare;
  }

  /**
   * The speaker a subject phrase names, as a full name or body name; null for an unresolved pronoun
   * or a phrase with no speaker in it. `at` is where the phrase starts in the text.
   */
  resolve(phrase: string, at: number): string | null {
    const trimmed = phrase.trim().replace(/[,;:]+$/u, '').trim();
    if (!trimmed) return null;
    if (PRONOUN.test(trimmed)) return PERSON_PRONOUN.test(trimmed) ? this.pronoun(at) : null;
    if (VAGUE.test(trimmed)) return null;
    const document = DOCUMENT_SEEN.exec(trimmed);
    if (document) return document[1]!;
    const role = ROLE.exec(trimmed);
    if (role) return this.described(role[1], role[2]!) ?? trimmed.replace(/^the\s+/iu, '');
    const names = findEntities(trimmed)
      .filter((e) => !isPossessive(trimmed, e) && !modifiesNoun(trimmed, e) && !(e.start === 0 && /(?:ing|ly)$/u.test(e.text.split(' ')[0]!)))
      .map((e) => ({ ...e, text: e.text.replace(LEADING_ADVERB, '') }))
      .filter((e) => e.text)
      // A name in a prepositional phrase ("Ivo Renn of the Dunlow Chapel") is not the subject.
      .filter((e, _, all) => !IN_PREPOSITION.test(trimmed.slice(0, e.start)) || all.every((o) => IN_PREPOSITION.test(trimmed.slice(0, o.start))));
    // A title makes a person ("President Voss"), not a body ("Foreign Ministry"); then a name the
    // article introduces as a person ("coroner Gary Hargrove" after "Harrison County, Miss.,").
    const person = names.find((e) => e.kind === 'person' && !NOT_PERSON.test(e.text)) ?? names.find((e) => this.persons.some((p) => p.name === stripTitle(e.text)));
    if (person) return this.fullName(stripTitle(person.text));
    const body = bodyPhrase(trimmed);
    // The subject comes first: "Yuri Ushakov, an adviser to Putin".
    const first = names[0];
    // The body phrase wins when the name only sits inside it ("the Valdorian trade ministry").
    // …or when the name follows it in a prepositional phrase ("the disaster center in the province of X").
    const bodyFirst = body && first && new RegExp(`${body.split(' ').pop()}\\s+(?:in|of|at|for|from)\\b`, 'iu').test(trimmed.slice(0, first.start));
    if (body && (!first || body.includes(first.text) || bodyFirst)) {
      const resolved = this.withoutOwner(body, at);
      return resolved.split(/\s+/u).length === 1 ? (this.earlierBody(resolved, at) ?? resolved) : resolved;
    }
    const headOf = HEAD_OF.exec(trimmed);
    if (headOf && !body) return headOf[1]!;
    if (first) return this.fullName(stripTitle(first.text));
    return null;
  }
}
