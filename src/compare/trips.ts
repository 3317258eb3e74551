/**
 * Ordinal trip claims ("his first trip abroad after the invasion was to China") compared across
 * articles: the same traveller's first (second, last) trip since the same turning point cannot
 * have gone to two sets of countries that share none. Countries only (reason: other places may
 * contain one another; without a gazetteer we cannot tell).
 */
import type { Conflict } from '../model/index.js';
import type { Unit } from './align.js';
import { isCountry } from './countries.js';
import { contentStems } from './text.js';

/** One ordinal trip claim of a sentence. */
export interface TripClaim {
  unit: Unit;
  ordinal: string;
  /** Last words of the traveller's name(s). */
  travellers: Set<string>;
  /** Content stems of "since …" / "after …" (the turning point), empty when none is given. */
  anchor: Set<string>;
  /** Country keys of the destination. */
  destinations: string[];
  destinationText: string;
}

const ORDINAL = '(first|second|third|last|latest)';
const TRIP = '(?:trip|visit|journey|foreign tour)s?';
// "X's first international trip following the invasion was to China".
const FULL = new RegExp(`\\b${ORDINAL}\\b(?:\\s+[\\p{L}-]+){0,2}?\\s+${TRIP}\\b(.{0,80}?)\\bwas to\\s+(.+)$`, 'iu');
// "His first, in June of last year, was to Tajikistan": the noun and turning point come from the sentence before.
const ELLIPTICAL = new RegExp(`^(?:His|Her|Their|The)\\s+${ORDINAL}\\b,?(.{0,60}?)\\bwas to\\s+(.+)$`, 'u');
const PREVIOUS = new RegExp(`\\b(?:first|second|third|fourth|last|latest)\\b(?:\\s+[\\p{L}-]+){0,2}?\\s+${TRIP}\\b(.{0,80})`, 'iu');
// The destination ends where the purpose or a new clause begins.
const DESTINATION_END = /\s+(?:to meet|to attend|for|where|when|in order)\b|[,;.]/u;
// A turning point is given with these words.
const ANCHOR = /\b(?:since|after|following)\s+(.+)$/iu;
// Words naming the onset of a war: "since the start of the war" and "after the invasion" are one turning point.
const WAR_ONSET = new Set(['war', 'invasion', 'invad', 'offensiv', 'conflict']);

function anchorOf(text: string): Set<string> {
  const m = ANCHOR.exec(text);
  return new Set(m ? contentStems(m[1]!) : []);
}

function lastWord(key: string): string {
  return key.slice(key.lastIndexOf('_') + 1);
}

/** The ordinal trip claim of a unit (`previous`: the sentence before it in its article), if any. */
export function tripClaim(unit: Unit, previous: Unit | undefined): TripClaim | null {
  const text = unit.sentence.text;
  let ordinal: string;
  let between: string;
  let rest: string;
  let anchorText: string;
  const full = FULL.exec(text);
  const elliptical = full ? null : ELLIPTICAL.exec(text);
  if (full) {
    [ordinal, between, rest] = [full[1]!, full[2]!, full[3]!];
    anchorText = between;
  } else if (elliptical && previous) {
    const prev = PREVIOUS.exec(previous.sentence.text);
    if (!prev) return null;
    [ordinal, between, rest] = [elliptical[1]!, elliptical[2]!, elliptical[3]!];
    anchorText = prev[1]!;
  } else return null;
  const destinationText = rest.split(DESTINATION_END)[0]!.trim();
  const destinationStart = text.length - rest.length;
  const destinations = unit.names.filter((n) => n.start >= 0 && isCountry(n.key)).map((n) => ({ n, at: n.start + (unit.start - unit.sentence.start) })).filter(({ at }) => at >= destinationStart && at < destinationStart + destinationText.length).map(({ n }) => n.key);
  // The traveller: people named (or resolved) before the ordinal.
  const ordinalAt = text.length - rest.length - between.length;
  const travellers = new Set(unit.names.filter((n) => !n.place && !isCountry(n.key) && (n.start < 0 || n.start + (unit.start - unit.sentence.start) < ordinalAt)).filter((n) => n.person || n.resolved).map((n) => lastWord(n.key)));
  if (!destinations.length || !travellers.size) return null;
  return { unit, ordinal: ordinal.toLowerCase(), travellers, anchor: anchorOf(anchorText), destinations, destinationText };
}

function sameTurningPoint(a: Set<string>, b: Set<string>): boolean {
  if (!a.size || !b.size) return a.size === b.size;
  for (const w of a) if (b.has(w)) return true;
  return [...a].some((w) => WAR_ONSET.has(w)) && [...b].some((w) => WAR_ONSET.has(w));
}

/**
 * Conflicts between ordinal trip claims of different sources: same ordinal, same traveller, same
 * turning point, destinations with no country in common.
 */
export function checkTripClaims(byArticle: Map<string, Unit[]>, citation: (u: Unit) => Conflict['citations'][0]): Conflict[] {
  const claims: TripClaim[] = [];
  for (const units of byArticle.values()) {
    const sentences = units.filter((u, i) => u.caption === undefined && (i === 0 || units[i - 1]!.sentence.start !== u.sentence.start));
    sentences.forEach((u, i) => {
      const c = tripClaim(u, sentences[i - 1]);
      if (c) claims.push(c);
    });
  }
  const out: Conflict[] = [];
  for (let i = 0; i < claims.length; i++) {
    for (let j = i + 1; j < claims.length; j++) {
      const a = claims[i]!;
      const b = claims[j]!;
      if (a.unit.source === b.unit.source || a.ordinal !== b.ordinal) continue;
      if (![...a.travellers].some((t) => b.travellers.has(t)) || !sameTurningPoint(a.anchor, b.anchor)) continue;
      if (a.destinations.some((d) => b.destinations.includes(d))) continue;
      out.push({
        kind: 'conflict',
        slot: 'place',
        description: `${a.ordinal} trip: ${a.destinationText} vs ${b.destinationText}`,
        values: [a.destinationText, b.destinationText],
        withinArticle: false,
        citations: [citation(a.unit), citation(b.unit)],
      });
    }
  }
  return out;
}
