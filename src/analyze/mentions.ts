/**
 * Short references to people resolved within one article: a sentence-opening "He"/"She"/"His"/"Her"
 * to the first person named in the sentence before, "Mr. Ushakov" to the full name given earlier,
 * and "the Russian President" / "the Turkish leader" to the person first introduced with that
 * nationality and a title. Deliberately small and conservative: a reference with no clear
 * antecedent stays unresolved (reason: a wrong participant is worse than a missing one).
 */
import { entityKey, findEntities } from './entities.js';
import { splitSentences } from './sentences.js';

/** A reference resolved to a full name: offsets into the article text. */
export interface ResolvedMention {
  start: number;
  end: number;
  text: string;
  /** The full name as first written ("Vladimir Putin") and its key. */
  name: string;
  key: string;
}

// Words that name a role, after a nationality ("Russian President", "the Turkish leader").
const ROLE = '(?:president|prime minister|premier|chancellor|leader|head of state|foreign minister|king|queen)';
const INTRODUCED = new RegExp(`(\\p{Lu}\\p{L}+)\\s+${ROLE}\\s+$`, 'iu');
const ROLE_REFERENCE = new RegExp(`\\bthe\\s+(\\p{Lu}\\p{L}+)\\s+${ROLE}\\b`, 'giu');
const PRONOUN = /^(?:["“]\s*)?(He|She|His|Her)\b/u;
const HONORIFIC = /\b(?:Mr|Mrs|Ms|Dr)\.?\s+(\p{Lu}[\p{L}'’-]+)/gu;

/**
 * Resolves short references to people in one article's text.
 * @example resolveMentions('Russian President Vladimir Putin will visit Ankara. He will meet the Turkish leader.')
 *   // → "He" → Vladimir Putin
 */
export function resolveMentions(text: string): ResolvedMention[] {
  const people = findEntities(text).filter((e) => e.text.split(/\s+/u).length >= 2 && !/\s(?:of|de|da|del|al|el)\s/u.test(e.text));
  const byLast = new Map<string, { name: string; key: string }>();
  const byRole = new Map<string, { name: string; key: string }>();
  const out: ResolvedMention[] = [];
  for (const p of people) {
    const person = { name: p.text, key: p.key };
    const last = p.key.slice(p.key.lastIndexOf('_') + 1);
    if (!byLast.has(last)) byLast.set(last, person);
    const role = INTRODUCED.exec(text.slice(Math.max(0, p.start - 40), p.start));
    if (role && !byRole.has(role[1]!.toLowerCase())) byRole.set(role[1]!.toLowerCase(), person);
  }
  // The antecedent of a sentence-opening pronoun: the person who opens the previous sentence (its
  // subject), else its only person; none when two or more people could be meant.
  const antecedentIn = (start: number, end: number): { name: string; key: string } | null => {
    const found: Array<{ at: number; possessive: boolean; who: { name: string; key: string } }> = [];
    for (const e of findEntities(text.slice(start, end))) {
      const at = start + e.start;
      const full = people.find((p) => p.start === at);
      const who = full ? { name: full.text, key: full.key } : byLast.get(e.key);
      if (who) found.push({ at: e.start, possessive: /^['’]s\b/u.test(text.slice(start + e.end, start + e.end + 3)), who });
    }
    const distinct = new Set(found.map((f) => f.who.key));
    const opener = found[0];
    if (opener && !opener.possessive && /^\W*(?:\p{Lu}\p{L}*\s+){0,3}$/u.test(text.slice(start, start + opener.at))) return opener.who;
    return distinct.size === 1 ? found[0]!.who : null;
  };
  const sentences = splitSentences(text);
  // The person the previous sentence opened with a resolved pronoun: its subject carries over ("She
  // will meet X. Her adviser …" is still about the first person, not X).
  let carried: { name: string; key: string } | null = null;
  sentences.forEach((s, i) => {
    const pronoun = PRONOUN.exec(s.text);
    let opened: { name: string; key: string } | null = null;
    if (pronoun && i > 0) {
      const prev = sentences[i - 1]!;
      const who = carried ?? antecedentIn(prev.start, prev.end);
      const at = s.start + pronoun.index + pronoun[0].length - pronoun[1]!.length;
      if (who) out.push({ start: at, end: at + pronoun[1]!.length, text: pronoun[1]!, ...who });
      opened = who;
    }
    carried = opened;
    for (const m of s.text.matchAll(HONORIFIC)) {
      const who = byLast.get(entityKey(m[1]!));
      const at = s.start + m.index;
      if (who && people.some((p) => p.key === who.key && p.start < at)) out.push({ start: at, end: at + m[0].length, text: m[0], ...who });
    }
    for (const m of s.text.matchAll(ROLE_REFERENCE)) {
      const who = byRole.get(m[1]!.toLowerCase());
      const at = s.start + m.index;
      if (who && people.some((p) => p.key === who.key && p.start < at)) out.push({ start: at, end: at + m[0].length, text: m[0], ...who });
    }
  });
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Keys of the full names an article later writes by their last word alone, inside a sentence and
 * without "the" ("Tony Thompson … floored Thompson"): news style for a person's surname (reason: a
 * body or a title is cut down with "the": "the Saints", "the Games"). No gazetteer needed.
 * @example surnamedPeople('Tony Thompson lost. Klitschko floored Thompson in the fifth.') // → Set { 'tony_thompson' }
 */
export function surnamedPeople(text: string): Set<string> {
  const entities = findEntities(text);
  const lone = new Set<string>();
  for (const e of entities) {
    if (e.text.includes(' ')) continue;
    const before = text.slice(Math.max(0, e.start - 6), e.start);
    // Sentence-initial, after "the", or right after another capitalised word: not a surname reference.
    if (/(?:^|[.!?:\n"“]\s*)$/u.test(before) || /\bthe\s+$/iu.test(before) || /\p{Lu}[\p{L}'’.-]*\s+$/u.test(before)) continue;
    lone.add(e.key);
  }
  const out = new Set<string>();
  for (const e of entities) {
    const words = e.key.split('_');
    if (words.length < 2 || words.length > 3 || words.some((w) => /^(?:of|de|da|del|al|el|la|le|van|von|der|du|di)$/u.test(w))) continue;
    if (lone.has(words[words.length - 1]!)) out.add(e.key);
  }
  return out;
}
