/**
 * A feed the user follows (`storyline subscribe`) and what polling it has found: the record the
 * watcher reads to schedule, and the health the pages and API show.
 */

/** What the last poll of a feed came to. */
export type PollOutcome = 'new' | 'unchanged' | 'error';

/** A failure of a poll, kept to say why a feed is failing or was disabled. */
export interface PollError {
  /** ISO datetime. */
  at: string;
  /** Fetch or parse code (`timeout`, `http-error`, `not-a-feed`, `entity-declaration`, …). */
  code: string;
  /** HTTP status, when the server answered. */
  status: number | null;
  message: string;
}

/** How a feed has been doing; updated after every poll. */
export interface FeedHealth {
  /** ISO datetime of the last poll that got an answer or failed (null: never polled). */
  lastPollAt: string | null;
  lastOutcome: PollOutcome | null;
  /** HTTP status of the last answer (304 when unchanged), null when none came. */
  lastStatus: number | null;
  /** Items the feed held at its last full read. */
  lastItems: number | null;
  /** Articles the last poll stored (new ones, duplicates of stored ones included). */
  lastNew: number;
  /** ISO datetime a poll last stored an article. */
  lastNewAt: string | null;
  /** Articles stored from this feed since it was subscribed. */
  totalNew: number;
  /** Polls that failed in a row. */
  failures: number;
  /** Failures in a row, weighted by kind (a hostile feed weighs more than a timeout); the feed is disabled at a threshold. */
  errorScore: number;
  lastError: PollError | null;
  /** Seconds between polls as adapted to the feed's publishing rate (before back-off and jitter). */
  intervalSeconds: number;
  /** ISO datetime of the next poll. */
  nextPollAt: string;
  /** Set when the feed is no longer polled: when and why. `storyline enable` clears it. */
  disabled: { at: string; reason: string } | null;
}

/** A followed feed. */
export interface Subscription {
  /** The feed's http(s) URL, as given. */
  url: string;
  /** A name for people (OPML `text`), or null. */
  title: string | null;
  /** Seconds between polls the user fixed (`--every`), or null to adapt to the feed. */
  everySeconds: number | null;
  /** Fetch an item's page when the feed carries only a summary (`--full-text`; robots.txt permitting). Absent: no. */
  fullText?: boolean;
  /** ISO datetime it was subscribed. */
  addedAt: string;
  health: FeedHealth;
}
