/**
 * Which anticipated event a sentence is about: its kind, the word that names it, its place, its
 * occasion and its participants. Two reports continue one event only when nothing of this differs
 * (reason: "a possible meeting in Astana during the summit" is not the visit to Turkey rescheduled,
 * though both are meetings of the same two leaders).
 */
import { EVENT_KINDS, EVENT_SETTINGS, PLACE_PHRASE, TITLE_WORDS } from './cues.js';
import { namesIn } from './build.js';

/** What identifies an anticipated event in one sentence (sets are lower-cased words). */
export interface EventIdentity {
  kind: string;
  /** The word that named it (`hearing`, `trial`, `meeting`): a hearing and a trial are two gatherings. */
  head: string;
  places: Set<string>;
  /** The first place as written (`Astana`), for display. */
  place?: string;
  /** `summit`, `visit`, or undefined when the sentence does not say. */
  setting?: string;
  participants: Set<string>;
}

const MONTHS_AND_DAYS = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$/u;

// Kinds whose words name different events: a hearing is not a trial, a festival not a concert.
// Meetings, visits and talks are told with each other's words ("will visit … will meet with"), so they
// share one head and are told apart by place and occasion instead.
const HEAD_MATTERS = new Set(['gathering', 'vote']);

// Words before a head noun that do not say which gathering it is ("a new hearing", "the trial").
const NOT_QUALIFIER = /^(?:a|an|the|this|that|his|her|its|their|our|new|next|first|second|third|final|further|full|provisional|planned|scheduled|formal|public|\d+(?:-day)?)$/iu;

/**
 * The word that says which gathering a head noun names ("bail hearing", "plea and case management
 * hearing" → "management"), with a trailing space; empty when there is none (reason: a bail hearing
 * and a plea hearing of one case are two events, "the hearing" may be either).
 */
function qualifierBefore(text: string, at: number): string {
  const w = /([\p{L}-]+)\s+$/u.exec(text.slice(Math.max(0, at - 30), at))?.[1];
  return w && !NOT_QUALIFIER.test(w) ? `${w.toLowerCase()} ` : '';
}

/** The identity of the event of `kind` that `text` names, or null when it names none of that kind. */
export function eventIdentity(text: string, kind: string): EventIdentity | null {
  const k = EVENT_KINDS.find((x) => x.kind === kind);
  const m = k?.pattern.exec(text);
  if (!k || !m) return null;
  const places = new Set<string>();
  let place: string | undefined;
  for (const p of text.matchAll(PLACE_PHRASE)) {
    const words = p[1]!.split(/\s+/u).filter((w) => !MONTHS_AND_DAYS.test(w.toLowerCase()) && !/['’]s$/u.test(w));
    if (!words.length) continue;
    place ??= words.join(' ');
    places.add(words.join(' ').toLowerCase());
  }
  const placeWords = new Set([...places].flatMap((p) => p.split(' ')));
  const participants = new Set([...namesIn(` ${text}`)].filter((w) => !placeWords.has(w) && !TITLE_WORDS.has(w) && !MONTHS_AND_DAYS.test(w)));
  const setting = EVENT_SETTINGS.find((s) => s.pattern.test(text))?.setting;
  const head = HEAD_MATTERS.has(kind) ? `${qualifierBefore(text, m.index)}${m[0].toLowerCase().replace(/s$/u, '')}` : kind;
  return { kind, head, places, participants, ...(place ? { place } : {}), ...(setting ? { setting } : {}) };
}

/** Heads agree when their nouns do and no qualifier differs ("hearing" fits "bail hearing"; "bail hearing" does not fit "management hearing"). */
function sameHead(a: string, b: string): boolean {
  const [qa, na] = a.includes(' ') ? a.split(' ') : ['', a];
  const [qb, nb] = b.includes(' ') ? b.split(' ') : ['', b];
  return na === nb && (!qa || !qb || qa === qb);
}

const disjoint = (a: Set<string>, b: Set<string>): boolean => a.size > 0 && b.size > 0 && ![...a].some((x) => b.has(x));

// Names in a sentence are its speakers and sources as well as its participants ("the Kremlin
// announced …"): one name alone is too little to tell two events apart.
const MIN_PARTICIPANTS = 2;

/**
 * Whether two identities can be one event: same kind and head, and no known place, occasion or
 * set of participants that differs (what one report leaves unsaid does not tell them apart).
 */
export function sameEvent(a: EventIdentity, b: EventIdentity): boolean {
  if (a.kind !== b.kind || !sameHead(a.head, b.head)) return false;
  if (a.setting && b.setting && a.setting !== b.setting) return false;
  const fewNames = a.participants.size < MIN_PARTICIPANTS || b.participants.size < MIN_PARTICIPANTS;
  return !disjoint(a.places, b.places) && (fewNames || !disjoint(a.participants, b.participants));
}

/** A copy that can grow (see `mergeIdentity`) without touching the original. */
export function copyIdentity(a: EventIdentity): EventIdentity {
  return { ...a, places: new Set(a.places), participants: new Set(a.participants) };
}

/** The identity of a run of reports of one event: what any of them said. */
export function mergeIdentity(into: EventIdentity, more: EventIdentity): void {
  for (const p of more.places) into.places.add(p);
  for (const p of more.participants) into.participants.add(p);
  if (!into.setting && more.setting) into.setting = more.setting;
  if (!into.head.includes(' ') && more.head.includes(' ')) into.head = more.head;
}
