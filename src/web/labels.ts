/**
 * Words for codes and values the stages store: development statuses as readers say them, and
 * datetimes shown as their dates. Pages and the Atom feed share these, so both read the same.
 */
import { calendarDay, DEVELOPMENT_STATUS_LABEL, type Development } from '../model/index.js';

/** The word for a status; an unknown code (a newer stage) is shown as given rather than dropped. */
export function statusLabel(status: string): string {
  return (DEVELOPMENT_STATUS_LABEL as Record<string, string>)[status] ?? status;
}

/** A stored date as a reader wants it: an ISO datetime (`2025-05-20T08:15:00+02:00`) as its date; partial dates as they are. */
export function dateLabel(date: string | null | undefined): string {
  // The calendar date the writer used (before any offset): what the article says, not UTC.
  return date ? calendarDay(date) : '';
}

const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/**
 * One development as a sentence head: "Opening postponed to 2025-09", "Meeting scheduled for
 * 2025-06-12", "Summit cancelled". The event kind leads because a feed reader shows titles alone.
 */
export function developmentTitle(d: Pick<Development, 'status' | 'event' | 'eventDate' | 'previousDate'>): string {
  const event = capitalise(d.event || 'event');
  const when = d.eventDate ? dateLabel(d.eventDate) : '';
  const was = d.previousDate ? ` (was ${dateLabel(d.previousDate)})` : '';
  switch (d.status) {
    case 'EventScheduled':
      return `${event} scheduled${when ? ` for ${when}` : ''}`;
    case 'EventPostponed':
      return `${event} postponed${when ? ` to ${when}` : ''}${was}`;
    case 'EventRescheduled':
      return `${event} rescheduled${when ? ` to ${when}` : ''}${was}`;
    case 'EventCancelled':
      return `${event} cancelled${was}`;
    case 'Happened':
      return `${event} happened${when ? ` on ${when}` : ''}`;
    case 'Invited':
      return `${event}: invitations sent${when ? ` for ${when}` : ''}`;
    case 'Possible':
      return `${event} possible${when ? ` on ${when}` : ''}`;
    case 'Preparing':
      return `${event} being prepared${when ? ` for ${when}` : ''}`;
    default:
      return `${event}: ${statusLabel(d.status)}${when ? ` (${when})` : ''}`;
  }
}
