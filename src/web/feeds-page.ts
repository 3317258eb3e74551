/** `/feeds`: the followed feeds and their health, one row each (no script, every value escaped). */
import { escapeHtml, plural } from '../compare/index.js';
import type { Subscription } from '../model/index.js';
import { layout } from './pages.js';

/** A feed as the page and the API show it: the subscription with its status word. */
export interface FeedRow {
  subscription: Subscription;
  /** `pending`, `ok`, `failing`, `disabled`. */
  status: string;
}

/** The last answer in a few words: the HTTP status, or the error code. */
function answer(s: Subscription): string {
  const h = s.health;
  if (h.lastOutcome === 'error' && h.lastError) return `${h.lastError.code}${h.lastError.status ? ` ${h.lastError.status}` : ''}`;
  return h.lastStatus ? `HTTP ${h.lastStatus}` : '—';
}

/** A moment to the minute, in UTC (polls happen many times a day: the day alone says little). */
function momentHtml(iso: string | null, fallback: string): string {
  if (!iso) return escapeHtml(fallback);
  const shown = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : iso;
  return `<time class="date" datetime="${escapeHtml(iso)}">${escapeHtml(shown)}</time>`;
}

/** The feed's link: only an http(s) URL becomes one. */
function feedLink(s: Subscription): string {
  const name = escapeHtml(s.title ?? s.url);
  return /^https?:\/\//i.test(s.url) ? `<a href="${escapeHtml(s.url)}" rel="nofollow noreferrer">${name}</a>` : name;
}

function row({ subscription: s, status }: FeedRow): string {
  const h = s.health;
  const why = h.disabled?.reason ?? (h.failures && h.lastError ? `last error: ${h.lastError.message}` : '');
  const tone = status === 'disabled' || status === 'failing' ? ' class="tone-neg"' : status === 'ok' ? ' class="tone-pos"' : '';
  return `<tr><td${tone}>${escapeHtml(status)}</td>
<td>${feedLink(s)}${s.title ? `<div class="meta">${escapeHtml(s.url)}</div>` : ''}${why ? `<div class="meta">${escapeHtml(why)}</div>` : ''}</td>
<td>${momentHtml(h.lastPollAt, 'never')}</td><td>${escapeHtml(answer(s))}</td><td>${h.lastItems ?? '—'}</td><td>${h.totalNew}${h.lastNewAt ? `<div class="meta">last ${momentHtml(h.lastNewAt, '')}</div>` : ''}</td>
<td>${h.failures}</td><td>${h.disabled ? '—' : momentHtml(h.nextPollAt, '')}</td></tr>`;
}

export function renderFeedsPage(rows: readonly FeedRow[]): string {
  const failing = rows.filter((r) => r.status === 'failing' || r.status === 'disabled').length;
  const body = `<h1>Feeds</h1>
<p class="meta">${plural(rows.length, 'followed feed')}${failing ? `, ${failing} failing or disabled` : ''}. Polled by <code>storyline watch</code>; JSON at <a href="/api/feeds">/api/feeds</a>.</p>
${
  rows.length
    ? `<p class="meta scroll-hint">The table scrolls sideways.</p><div class="table-wrap" tabindex="0"><table><thead><tr><th>Status</th><th>Feed</th><th>Last poll</th><th>Answer</th><th>Items</th><th>Stored</th><th>Errors in a row</th><th>Next poll</th></tr></thead>
<tbody>${rows.map(row).join('\n')}</tbody></table></div>`
    : '<p class="empty">No feeds followed: storyline subscribe URL adds one.</p>'
}`;
  return layout({ title: 'Feeds', body });
}
