/**
 * Records of the timeline stage: the dated happenings of a storyline merged across articles, a
 * budgeted timeline summary (dates with a few sentences each), and the developments of an
 * anticipated event (invited, scheduled, postponed, moved, cancelled, held) as reports come in.
 */
import type { Citation, ConflictSide } from './report.js';

/** One dated happening, merged across the articles that report it. */
export interface TimelineEntry {
  /** TIMEX3 calendar value, partial dates kept partial: `2020`, `2022-07`, `2024-02-12`. */
  date: string;
  /** One line taken from a source (a sentence or a trimmed clause of it), never reworded. */
  text: string;
  /** Independent outlets (or article ids when the outlet is unknown) that report it. */
  sources: string[];
  /**
   * True when the happening lies well before the storyline's first report: every source tells it
   * in retrospect, so it is context, not news (renderers label it).
   */
  background?: boolean;
  /** Every sentence that reports it, with the time expression's offsets inside the article. */
  citations: Citation[];
  /**
   * Set by `addTimeline` when `text` states a figure or date the report's conflicts dispute: every
   * side, quoted; `text` then ends with them in brackets (` (Merrow Times: 5.8; Coastline Daily: 6.1)`).
   */
  contested?: ConflictSide[];
}

/** One sentence of a budgeted timeline summary. */
export interface TimelineSummarySentence {
  text: string;
  /** Article ids (or outlets, when known) the sentence comes from. */
  sources: string[];
}

/** One date of a budgeted timeline summary. */
export interface TimelineSummaryDate {
  /** `YYYY-MM-DD`. */
  date: string;
  sentences: TimelineSummarySentence[];
}

/** A budgeted timeline summary: `storyline timeline --json` prints this. */
export interface TimelineSummary {
  dates: TimelineSummaryDate[];
}

/**
 * Where an anticipated event stands according to one report. `EventScheduled`, `EventPostponed`,
 * `EventRescheduled` and `EventCancelled` are schema.org EventStatusType values; `Invited`,
 * `Preparing` and `Happened` fill the gaps schema.org leaves (before a date is set, and after);
 * `Possible` is a hedged report ("may meet", "a possible meeting"), which is no schedule.
 */
export type DevelopmentStatus =
  | 'Possible'
  | 'Invited'
  | 'Preparing'
  | 'EventScheduled'
  | 'EventPostponed'
  | 'EventRescheduled'
  | 'EventCancelled'
  | 'Happened';

/** Each status as readers say it (schema.org codes are for machines); every renderer uses these. */
export const DEVELOPMENT_STATUS_LABEL: Readonly<Record<DevelopmentStatus, string>> = {
  Possible: 'possible',
  Invited: 'invited',
  Preparing: 'being prepared',
  EventScheduled: 'scheduled',
  EventPostponed: 'postponed',
  EventRescheduled: 'rescheduled',
  EventCancelled: 'cancelled',
  Happened: 'took place',
};

/** How renderers mark a background entry (one told only in retrospect) next to its date. */
export const BACKGROUND_LABEL = 'background';

/** "being prepared for 2024-02", "possible for 2024-07-03": the development's status as readers say it. */
export function developmentLabel(d: Pick<Development, 'status' | 'eventDate' | 'previousDate' | 'place'>): string {
  const status = DEVELOPMENT_STATUS_LABEL[d.status] ?? d.status;
  // A moved event goes "to" its new date; a planned one is "for" its date.
  const moved = d.status === 'EventPostponed' || d.status === 'EventRescheduled';
  return `${status}${d.eventDate ? ` ${moved ? 'to' : 'for'} ${d.eventDate}` : ''}${d.previousDate ? ` (was ${d.previousDate})` : ''}${d.place ? ` (${d.place})` : ''}`;
}

/** One step in the life of an anticipated event, as one report tells it. */
export interface Development {
  status: DevelopmentStatus;
  /** The kind of anticipated event the cue is attached to (`meeting`, `opening`, …). */
  event: string;
  /** Where the event is to take place, as the sentence names it (`Astana`), when it does. */
  place?: string;
  /** Publication date of the report (`YYYY-MM-DD`; `YYYY-MM` when it is known to the month only), or null when the article is undated. */
  date: string | null;
  /** When the event is (now) expected or took place, TIMEX3 value, partial allowed. */
  eventDate?: string;
  /** The date it was expected before this report (for postponed / rescheduled). */
  previousDate?: string;
  /** The sentence (or clause) that says so, quoted as written. */
  text: string;
  /** Outlets (or article ids) of the report. */
  sources: string[];
  citations: Citation[];
}
