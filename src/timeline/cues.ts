/**
 * Cue phrases of the developments stage, kept as data: which words say that an anticipated event
 * was invited, is being prepared, is scheduled, postponed, moved, cancelled or took place, and which
 * words name an anticipated event. Each entry carries the reason it is there.
 */
import type { DevelopmentStatus } from '../model/index.js';

// A verb right after a modal, "to" or a form of "be" is an infinitive or a passive plan, not a past tense.
const NOT_AFTER_MODAL = String.raw`(?<!\b(?:will|would|shall|should|could|can|may|might|must|to|be|being)\s+(?:not\s+|soon\s+|also\s+)?)`;

/** One cue: a pattern and the status it signals. */
export interface DevelopmentCue {
  status: DevelopmentStatus;
  pattern: RegExp;
  /** Why the cue signals that status (documentation, shown in tests). */
  why: string;
}

/**
 * Cues in priority order: when one sentence holds several, the first wins (reason: "planned for
 * the 16th, has been postponed to September" is a postponement; "preparations are under way for
 * the visit scheduled for next month" is still being prepared).
 */
export const DEVELOPMENT_CUES: DevelopmentCue[] = [
  // First: a hedge governs whatever it qualifies ("may be postponed", "a possible meeting … which will
  // take place on July 3-4" is neither a postponement nor a schedule). The hedge must bear on a
  // verb of meeting or of the event taking place, so "during the visit, the ministers may try to …"
  // and "asked at the meetings if the club could sign a player" stay out.
  { status: 'Possible', pattern: /\b(?:(?:may|might|could)(?: (?:soon|also|still|even|well))? (?:meet|visit|travel|hold talks|take place|be (?:held|postponed|delayed|cancell?ed|called off))|(?:probably|possibly|perhaps|likely to)["“”'’]?\s+(?:meet|visit|travel|hold talks|take place|be held)|possib(?:le|ility of (?:holding|a|an|new))\s+(?:[\w-]+ ){0,2}?(?:meeting|visit|trip|talks|negotiations|summit|encounter))\b/iu, why: 'the event is hedged: it may happen, nothing is set' },
  { status: 'EventCancelled', pattern: /\b(?:cancel(?:l?ed|s|ling)|called off|call(?:s|ing)? off|scrapped|(?:will|would) not (?:take place|go ahead))\b/iu, why: 'the event will not happen' },
  { status: 'EventPostponed', pattern: /\b(?:postponed|postpones?|delayed|pushed back|put off|deferred)\b/iu, why: 'the event is later than planned' },
  // "instead of" compares ("song and dance instead of jokes"); only a bare "instead" re-places the event.
  // A bare "moved to" is a person's move ("he moved to Boston"); an event is moved in the passive.
  { status: 'EventRescheduled', pattern: /\b(?:rescheduled|(?:has been|have been|was|were|is|are|be|being) moved to|brought forward|instead\b(?! of))/iu, why: 'the event has a new date or place' },
  { status: 'Preparing', pattern: /\b(?:being prepared|preparations?\b[^.;]{0,60}\bunder ?way|preparing (?:for|the)|in preparation)\b/iu, why: 'the event is being arranged, its terms not final' },
  { status: 'EventScheduled', pattern: /\b(?:scheduled (?:for|to|on)|(?:is|are|was|were) set (?:for|to)|planned for|due to (?:take place|be held|open|reopen|visit|meet|arrive|start|begin)|(?:will|would)(?: (?:soon|also|now|still|then|\w+ly))? (?:take place|be held|reopen|open|visit|meet|travel|arrive|hold)|(?:hopes?|aims?|expects?|intends?|plans?) to (?:restart|resume|reopen|open|start|hold|launch)\b[^.;]{0,60}\b(?:by|in|on|from|before|next|this))\b/iu, why: 'a date is set for the event (or a target date: "hopes to restart production by next spring")' },
  // Past-tense verbs of a happening; a modal, "to" or "be" before them makes a plan or a passive
  // infinitive ("will be signed", "is to be held"), not news that it took place.
  { status: 'Happened', pattern: new RegExp(`${NOT_AFTER_MODAL}\\b(?:took place|(?:was|were) (?:held(?! (?:in (?:custody|jail|prison|detention)|hostage|captive|without|on bail|by|at gunpoint))|signed|opened|closed)|(?:deal|agreement|accord|pact|compromise) (?:was|were) struck|held (?:talks|(?:a|an|the|their|its) (?:[\\w-]+ ){0,2}?(?:talks|meeting|summit|ceremony|vote|referendum|election|conference|festival|hearing))|reopened|restarted|resumed|relaunched|opened (?:to|on|in|at|its|their|the)|arrived in|met(?! with (?:resistance|criticism|protests?)) (?:in|on|at|with|for|yesterday|today)|signed (?:[\\w'’-]+ ){0,4}?(?:agreement|deal|pact|treaty|accord|contract|declaration)|struck (?:a|an|the) (?:[\\w-]+ ){0,2}?(?:deal|agreement|accord|pact))\\b`, 'iu'), why: 'the event has taken place (a past-tense verb of happening)' },
  { status: 'Invited', pattern: /\b(?:invit(?:ation|ed|es)|there are plans|plans? to (?:visit|meet|travel|hold))\b/iu, why: 'the event is proposed, no date yet' },
];

/** Kinds of anticipated events and the words that name them (a sentence must name one to count). */
export const EVENT_KINDS: Array<{ kind: string; pattern: RegExp }> = [
  // First: a meeting held to sign a deal is followed as the signing ("will meet in Sarn to sign the
  // agreement", then "signed the agreement in Sarn on Thursday" names no meeting).
  { kind: 'signing', pattern: /\bsign(?:s|ed|ing)?\b[^.;]{0,60}\b(?:agreement|deal|pact|treaty|accord|contract)s?\b|\b(?:agreement|deal|pact|treaty|accord)s?\b[^.;]{0,40}\b(?:was|were|is|are|be|been) signed\b|\bsigning ceremony\b/iu },
  { kind: 'meeting', pattern: /\b(?:visit(?:s|ed|ing)?|trip|meet(?:s|ing|ings)?|met|talks|summit)\b/iu },
  // "open up" is figurative ("open up society", "opened up about his illness"), no opening.
  { kind: 'opening', pattern: /\b(?:re)?open(?:s|ed|ing)?\b(?! up\b)/iu },
  // A restart of work, production or a service after a stop (a fire, a strike, a closure).
  { kind: 'restart', pattern: /\b(?:restart(?:s|ed|ing)?|resum(?:e|es|ed|ing|ption)|relaunch(?:es|ed)?)\b/iu },
  { kind: 'gathering', pattern: /\b(?:festival|ceremony|conference|congress|forum|concert|parade|match|hearing|trial)s?\b/iu },
  { kind: 'vote', pattern: /\b(?:vote|election|referendum|ballot)\b/iu },
  { kind: 'launch', pattern: /\b(?:launch(?:es|ed)?|release)\b/iu },
];

/**
 * A cue about an earlier occurrence, not the anticipated one (reason: "whom he last met in Sochi",
 * "the last meeting took place in September 2023" are background, not news of the event).
 */
export const BACKGROUND = /\b(?:last|previous(?:ly)?|first)\s+(?:met|meeting|visit(?:ed)?|time|trip|together|talks|summit)\b|\blast\s+\w+\s+(?:met|visited)\b/iu;

/**
 * The occasion a meeting belongs to, when the sentence says (reason: a meeting "during the summit in
 * Astana" and a state visit to Turkey are two events even with the same two leaders). Tried in order.
 */
export const EVENT_SETTINGS: Array<{ setting: string; pattern: RegExp; why: string }> = [
  { setting: 'summit', pattern: /\b(?:during|at|on the (?:sidelines|margins) of)\s+(?:the\s+|a\s+)?(?:[\p{L}\d'’-]+\s+){0,5}?(?:summit|forum|congress|conference|games|olympics)\b/iu, why: 'a meeting on the side of a gathering of many' },
  { setting: 'visit', pattern: /\b(?:visit(?:s|ing)?|trip|travel(?:s|led|ling)?|fly|flies)\s+(?:to\s+)?(?:the\s+)?\p{Lu}/u, why: 'a journey to a named place' },
];

/**
 * Where an anticipated event is to happen: a capitalised name after a place preposition or a verb
 * of travel ("in Astana", "at the Kodak Theatre", "visit Turkey", "trip to Hallo"). Lower-case
 * keywords only: a capital there starts a sentence or a name, not a place phrase.
 */
export const PLACE_PHRASE = /\b(?:in|at|visit(?:s|ed|ing)?|visit to|trip to|travel(?:s|led|ling)? to|fly to|arrive in)\s+(?:the\s+)?(\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*)/gu;

/** Words of rank and office: shared by any two stories about officials, so they never make two reports one event's. */
export const TITLE_WORDS = new Set(
  'president presidents prime minister ministers ministry chancellor king queen prince mayor governor secretary spokesperson spokesman spokeswoman general chief officials official mr mrs ms dr sir lord foreign state house senate parliament government court police department agency'.split(' '),
);

/**
 * A date at the end of a subordinate "following/after X on DATE" phrase dates X, not the main clause
 * (reason: "met in Tehran in July 2022 … following the invasion on February 24, 2022"; "operations
 * resumed after being halted on Sunday"). X must open with a determiner, a possessive or "being"
 * so that "will reopen after repairs on June 16" keeps its date. Group 1 is X.
 */
export const SUBORDINATE_BEFORE = /\b(?:following|after|since)\s+((?:being\s+[\p{L}]+ed|(?:the|a|an|his|her|its|their|\p{Lu}[\p{L}]*['’]s)\s+[^,;.:!?]{0,60}?))\s+(?:on\s+|in\s+)?$/u;

/**
 * A date that is a plan's target ("the visit scheduled for next month"): when a report's own date
 * ("announced on Monday") dates the same sentence, the sentence tells the announcement.
 */
export const PLAN_TARGET_BEFORE = /\b(?:scheduled|planned|set|slated|due|expected|postponed|rescheduled|moved|pushed back|put off|delayed)\s+(?:for|to|on|in|until|till)\s+(?:the\s+)?$/iu;


/**
 * Future or intended wording before a date in its sentence: the date is the target of what is
 * planned, wanted or expected ("will meet in Sarn on June 12", "would visit Turkey … on the 12th",
 * "wants parliament to approve the deal in September"), not the day of the happening the sentence
 * reports — that is the announcement, dated by the report.
 */
export const FUTURE_BEFORE = /\b(?:will|would|shall|(?:is|are|was|were) (?:to(?=\s+\p{Ll})|going to|due to|set to|expected to)|(?:wants?|hopes?|plans?|intends?|aims?|expects?)(?:\s+[\p{L}'’-]+){0,3}?\s+to)\b/u;

/**
 * A relative or subordinate clause opens a happening of its own: future wording before it does not
 * reach a date after it ("will meet Erdogan, whom he last met in Sochi last September").
 */
export const CLAUSE_OPENER = /\b(?:who|whom|whose|which|when|after|before|since|because|while|whereas|although)\b/giu;
