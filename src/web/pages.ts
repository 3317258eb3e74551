/**
 * Server-rendered pages: the storyline list, one storyline, one article, search results. Plain
 * HTML with one stylesheet and inline SVG, no script (the Content-Security-Policy forbids it), and
 * every piece of scraped text passed through `escapeHtml`.
 */
import { splitSentences } from '../analyze/sentences.js';
import { briefHtml, conflictCitations, conflictOutlet, escapeHtml, outletOf, plural } from '../compare/index.js';
import { BACKGROUND_LABEL, sameCitedSpot, type Citation, type StoredArticle, type Storyline, type StorylineReport } from '../model/index.js';
import { coverageSparkline, timelineChart } from './charts.js';
import { dateLabel, developmentTitle } from './labels.js';

/** Facts shown in the fact × outlet matrix (the most widely reported first). */
const MATRIX_FACTS = 25;
/**
 * Items shown per section of a storyline page: a storyline of 700 articles has thousands of
 * quotes and dated sentences, and a page of megabytes helps nobody on a phone; the JSON has all.
 */
export const PAGE_LIMITS = { timeline: 60, conflicts: 30, singleSource: 30, quotes: 40, framing: 24, events: 40, eventArticles: 12, developments: 40, outlets: 20 };

/** "and N more" after a shortened list, pointing to the JSON report. */
function more(total: number, shown: number, json: string): string {
  return total > shown ? `<p class="meta">… and ${total - shown} more in the <a href="${escapeHtml(json)}">JSON report</a>.</p>` : '';
}

/** `/articles/<id>` with the id URL-encoded (ids may be file paths or URLs). */
export function articleHref(id: string): string {
  return `/articles/${encodeURIComponent(id)}`;
}

export function storylineHref(id: string): string {
  return `/storylines/${encodeURIComponent(id)}`;
}

/** `/events/<id>`: the HTML page of an event (its JSON is under `/api/events/`). */
export function eventHref(id: string): string {
  return `/events/${encodeURIComponent(id)}`;
}

/** A date in a `<time>` that never breaks mid-value on a narrow screen ("2025-04-\n23"). */
export function dateHtml(date: string | null | undefined, fallback = 'undated'): string {
  if (!date) return escapeHtml(fallback);
  return `<time class="date" datetime="${escapeHtml(date)}">${escapeHtml(dateLabel(date))}</time>`;
}

/** "Latest: …" under a title, only when the latest wording says something else. */
function latestLine(title: string, headline: string | null | undefined): string {
  return headline && headline.trim() && headline.trim() !== title.trim() ? `<p class="latest">Latest: ${escapeHtml(headline)}</p>` : '';
}

/** Where a citation points: the article page with the cited range marked and scrolled to. */
export function citationHref(c: Citation): string {
  if (c.caption !== undefined) return `${articleHref(c.article)}#caption-${c.caption}`;
  if (c.title) return `${articleHref(c.article)}#title`;
  return `${articleHref(c.article)}?cite=${c.start}-${c.end}#c-${c.start}`;
}

export interface LayoutInput {
  title: string;
  body: string;
  /** The search box's current words. */
  query?: string;
  /** An Atom feed to announce. */
  feed?: string;
  /** Reload the page after this many seconds (a report being built: no script runs on our pages). */
  refreshSeconds?: number;
}

/** The page frame: viewport meta for phones, the stylesheet, the search box. */
export function layout(p: LayoutInput): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.title)} · Storyline</title>
<link rel="stylesheet" href="/static/style.css">
<link rel="icon" href="data:,">
${p.feed ? `<link rel="alternate" type="application/atom+xml" title="Atom feed" href="${escapeHtml(p.feed)}">` : ''}
${p.refreshSeconds ? `<meta http-equiv="refresh" content="${Math.max(1, Math.round(p.refreshSeconds))}">` : ''}
</head>
<body>
<header class="top"><a class="brand" href="/">Storyline</a>
<form action="/search" method="get" role="search"><input type="search" name="q" aria-label="Search articles and storylines" placeholder="Search articles and storylines" value="${escapeHtml(p.query ?? '')}"><button type="submit">Search</button></form></header>
<main>
${p.body}
</main>
<footer>Storyline · <a href="/feeds">Feeds</a> · <a href="/openapi.json">API</a></footer>
</body>
</html>
`;
}

/** A date range as HTML, each end a non-breaking date. */
function range(first: string | null, last: string | null): string {
  if (!first && !last) return 'undated';
  const a = dateLabel(first);
  const b = dateLabel(last);
  return a === b || !last ? dateHtml(first) : `${first ? dateHtml(first) : '?'} – ${dateHtml(last)}`;
}

function pills(items: string[]): string {
  return items.map((o) => `<span class="pill">${escapeHtml(o)}</span>`).join('');
}

export interface IndexPageInput {
  items: Storyline[];
  total: number;
  offset: number;
  limit: number;
  /** Publication dates of each listed storyline's articles, for its coverage chart. */
  coverage: Map<string, (string | null)[]>;
}

/** `/`: storylines, most active first, each with its outlets and coverage over time. */
export function renderIndexPage(p: IndexPageInput): string {
  const rows = p.items.map(
    (s) => `<li><div><a class="title" href="${storylineHref(s.id)}">${escapeHtml(s.title || s.id)}</a>
<div class="meta">${plural(s.articleCount, 'article')} · ${plural(s.eventIds.length, 'event')} · ${range(s.firstDate, s.lastDate)}</div>
<div>${pills(s.outlets)}</div></div>
${coverageSparkline(p.coverage.get(s.id) ?? [])}</li>`,
  );
  // Past the end, "newer" leads to the last page that has storylines, not to another empty one.
  const lastPage = Math.max(0, Math.floor((p.total - 1) / p.limit) * p.limit);
  const prev = p.offset > 0 ? `<a href="/?offset=${Math.min(Math.max(0, p.offset - p.limit), lastPage)}">← newer</a>` : '<span></span>';
  const next = p.offset + p.limit < p.total ? `<a href="/?offset=${p.offset + p.limit}">older →</a>` : '<span></span>';
  // Past the end of the list (an old link, a typed offset): say so rather than show an empty list under a count.
  const empty = p.total === 0 ? '<p class="empty">No storylines yet: ingest some articles (storyline ingest, or POST /api/articles).</p>' : `<p class="empty">No storylines on this page. <a href="/">Back to the first page</a></p>`;
  const body = `<h1>Storylines</h1>
<p class="meta">${plural(p.total, 'storyline')}, most recently active first${rows.length && p.offset > 0 ? ` (${p.offset + 1}–${p.offset + rows.length} shown)` : ''}.</p>
${rows.length ? `<ul class="lines">${rows.join('\n')}</ul>` : empty}
<nav class="pager">${prev}${next}</nav>`;
  return layout({ title: 'Storylines', body });
}

/** A readable stand-in for an article id (a file path or URL): its last part, shortened. */
export function shortId(id: string): string {
  const last = id.replace(/[/?#]+$/, '').split(/[/\\]/).pop() || id;
  return last.length > 28 ? `${last.slice(0, 27)}…` : last;
}

/** Label of each article for citation links: its outlet (the report names the article by id when the outlet is unknown). */
type Labels = Map<string, string>;

function citationLabels(report: StorylineReport): Labels {
  // A copy is labelled "<original outlet> via <copy outlet>", as in the Markdown and HTML reports.
  return new Map(report.articles.map((a) => [a.id, a.outlet && a.outlet !== a.id ? outletOf(report, a.id) : shortId(a.id)]));
}

function citeLinks(outletOf: Labels, citations: Citation[], max = 4): string {
  return citations
    .slice(0, max)
    .map((c) => `<a class="cite" href="${escapeHtml(citationHref(c))}" title="${escapeHtml(c.sentence)}">${escapeHtml(outletOf.get(c.article) ?? c.article)}</a>`)
    .join('');
}

/** Cell state of the fact × outlet matrix. */
export type MatrixCell = 'reports' | 'contradicts' | 'silent';

/**
 * Who reports each fact, who contradicts it, who is silent. An outlet contradicts a fact when a
 * conflict pairs one of the fact's sentences with a sentence of that outlet stating another value
 * (of the two sides, the one that is not the fact's representative sentence).
 */
export function factMatrix(report: StorylineReport): { fact: StorylineReport['facts'][number]; cells: MatrixCell[] }[] {
  const outletOf = new Map(report.articles.map((a) => [a.id, a.outlet]));
  return report.facts.slice(0, MATRIX_FACTS).map((fact) => {
    // The compare stage's own verdict per outlet, from the same alignment as facts and timeline.
    if (fact.status) return { fact, cells: report.outlets.map((o): MatrixCell => fact.status?.[o] ?? 'silent') };
    const reporters = new Set(fact.sources);
    const against = new Set<string>();
    const rep = fact.citations.find((c) => c.sentence === fact.text) ?? fact.citations[0];
    for (const k of report.conflicts) {
      if (k.kind !== 'conflict') continue;
      const [a, b] = k.citations;
      const touchesA = fact.citations.some((c) => sameCitedSpot(c, a));
      const touchesB = fact.citations.some((c) => sameCitedSpot(c, b));
      if (!touchesA && !touchesB) continue;
      const other = touchesA && touchesB ? (rep && sameCitedSpot(rep, a) ? b : a) : touchesA ? b : a;
      const outlet = outletOf.get(other.article);
      if (outlet) against.add(outlet);
    }
    return { fact, cells: report.outlets.map((o): MatrixCell => (against.has(o) ? 'contradicts' : reporters.has(o) ? 'reports' : 'silent')) };
  });
}

const CELL_TEXT: Record<MatrixCell, string> = { reports: '✓ reports', contradicts: '✗ contradicts', silent: '· silent' };

function tone(v: number): string {
  const cls = v < -0.05 ? 'tone-neg' : v > 0.05 ? 'tone-pos' : '';
  return `<span class="${cls}">${v.toFixed(2)}</span>`;
}

export interface StorylinePageInput {
  id: string;
  /** The report; `title` and event `title`s are the stored ones (the listing's names), when the server has them. */
  report: Omit<StorylineReport, 'events'> & { title?: string; events: (StorylineReport['events'][number] & { title?: string })[] };
  /** Set when the storyline changed since the report was built (ISO datetime of the build): the page says so. */
  staleSince?: string;
}

/** `/storylines/<id>`: summary, timeline chart, fact matrix, conflicts, quotes, framing, events. */
export function renderStorylinePage({ id, report, staleSince }: StorylinePageInput): string {
  const r = report;
  const feed = `${storylineHref(id)}/feed.atom`;
  const labels = citationLabels(r);
  const json = `/api/storylines/${encodeURIComponent(id)}`;
  const dates = r.articles.map((a) => a.published).filter((d): d is string => !!d).sort();
  // The report names an outlet by its article's id when the outlet is unknown: show that short.
  const ids = new Set(r.articles.map((a) => a.id));
  const outletLabel = (o: string) => (ids.has(o) ? shortId(o) : o);
  const parts: string[] = [];
  // The stored title names the storyline everywhere (listing, feed, API); the report's headline is its latest wording.
  const title = r.title || r.storylineTitle || r.headline || id;
  parts.push(`<h1>${escapeHtml(title)}</h1>
${latestLine(title, r.headline)}
<p class="meta">${plural(r.articles.length, 'article')} · ${plural(r.events.length, 'event')} · ${range(dates[0] ?? null, dates[dates.length - 1] ?? null)} · <a href="${escapeHtml(feed)}">Atom feed</a> · <a href="${escapeHtml(json)}">JSON</a></p>
<div>${pills(r.outlets.map(outletLabel))}</div>`);
  if (staleSince) parts.push(`<p class="meta" role="status">This storyline changed since this report was made (${escapeHtml(staleSince.slice(0, 16).replace('T', ' '))} UTC); an updated report is being prepared: reload in a moment.</p>`);

  parts.push('<section id="summary"><h2>Summary</h2>');
  if (r.brief) parts.push(briefHtml(r as StorylineReport, r.brief, (b) => citeLinks(labels, b.citations)));
  else parts.push(r.summary.length ? `<ol class="summary">${r.summary.map((s) => `<li>${escapeHtml(s.text)} ${citeLinks(labels, s.citations)}</li>`).join('')}</ol>` : '<p class="empty">No summary.</p>');
  parts.push('</section>');

  const timeline = r.timeline ?? [];
  parts.push('<section id="timeline"><h2>Timeline</h2>');
  // Entries past the list's limit are drawn without a link (their list entry is not on the page).
  const points = timeline.map((t, i) => ({ date: t.date, weight: t.sources.length, anchor: i < PAGE_LIMITS.timeline ? `t-${i}` : '', title: t.text }));
  parts.push(timelineChart(points, r.articles.map((a) => a.published)));
  if (timeline.length) parts.push(`<ol class="timeline">${timeline.slice(0, PAGE_LIMITS.timeline).map((t, i) => `<li id="t-${i}"><strong>${dateHtml(t.date)}</strong>${t.background ? ` <em>(${BACKGROUND_LABEL})</em>` : ''} ${escapeHtml(t.text)} ${citeLinks(labels, t.citations)}</li>`).join('')}</ol>${more(timeline.length, PAGE_LIMITS.timeline, json)}`);
  parts.push('</section>');

  parts.push('<section id="facts"><h2>Who reports what</h2>');
  const matrix = factMatrix(r);
  const columns = r.outlets.slice(0, PAGE_LIMITS.outlets);
  if (matrix.length) {
    // On a phone the outlet columns do not fit: the table scrolls sideways, and says so.
    if (columns.length > 1) parts.push(`<p class="scroll-hint meta">${plural(columns.length, 'outlet')}: swipe the table sideways to see every column →</p>`);
    parts.push(`<div class="table-wrap" tabindex="0" role="region" aria-label="Who reports what, by outlet"><table class="matrix"><thead><tr><th scope="col">Fact</th>${columns.map((o) => `<th scope="col">${escapeHtml(outletLabel(o))}</th>`).join('')}</tr></thead><tbody>`);
    for (const { fact, cells } of matrix) {
      parts.push(`<tr><td>${escapeHtml(fact.text)} ${citeLinks(labels, fact.citations, 3)}</td>${cells.slice(0, columns.length).map((c) => `<td class="${c}">${CELL_TEXT[c]}</td>`).join('')}</tr>`);
    }
    parts.push('</tbody></table></div>');
  } else parts.push('<p class="empty">No statement is made by more than one source.</p>');
  if (r.conflicts.length) {
    parts.push(`<h3>Conflicts and updates</h3><ul>${r.conflicts.slice(0, PAGE_LIMITS.conflicts).map((k) => `<li><strong>${escapeHtml(k.kind)}</strong> — ${escapeHtml(k.description)} ${citeLinks(new Map([...labels, ...conflictCitations(k).map((x) => [x.article, conflictOutlet(r, k, x)] as const)]), conflictCitations(k), 8)}</li>`).join('')}</ul>${more(r.conflicts.length, PAGE_LIMITS.conflicts, json)}`);
  }
  if (r.singleSource.length) {
    parts.push(`<h3>Only one outlet says</h3><ul>${r.singleSource.slice(0, PAGE_LIMITS.singleSource).map((s) => `<li>${escapeHtml(s.text)} <span class="meta">(${escapeHtml(s.outlet)}: ${escapeHtml(s.reason)})</span> ${citeLinks(labels, [s.citation])}</li>`).join('')}</ul>${more(r.singleSource.length, PAGE_LIMITS.singleSource, json)}`);
  }
  parts.push('</section>');

  parts.push('<section id="quotes"><h2>Quotes</h2>');
  parts.push(
    r.quotes.length
      ? r.quotes.slice(0, PAGE_LIMITS.quotes).map((q) => `<blockquote>${q.direct ? '“' : ''}${escapeHtml(q.text)}${q.direct ? '”' : ''}<div class="meta">— ${escapeHtml(q.speaker)}, ${escapeHtml(q.verb)} ${citeLinks(labels, [q.citation])}</div></blockquote>`).join('') + more(r.quotes.length, PAGE_LIMITS.quotes, json)
      : '<p class="empty">No quotes.</p>',
  );
  parts.push('</section>');

  parts.push('<section id="framing"><h2>Framing, side by side</h2>');
  parts.push(
    r.framing.length
      ? `<div class="framing">${r.framing
          .slice(0, PAGE_LIMITS.framing)
          .map(
            (f) => `<div class="card"><h3>${escapeHtml(outletLabel(f.outlet))}</h3>
<dl class="facts"><dt>headline tone</dt><dd>${tone(f.headlineTone)}</dd><dt>body tone</dt><dd>${tone(f.bodyTone)}</dd><dt>loaded / 1,000 words</dt><dd>${f.loadedPerThousandWords.toFixed(1)}</dd></dl>
${f.terms.length ? `<p>${f.terms.slice(0, 12).map((t) => `<a class="cite" href="${escapeHtml(citationHref(t.citation))}" title="${escapeHtml(t.category)}">${escapeHtml(t.term)}</a>`).join(' ')}</p>` : '<p class="empty">No loaded terms.</p>'}</div>`,
          )
          .join('')}</div>`
      : '<p class="empty">No framing data.</p>',
  );
  parts.push('</section>');

  parts.push('<section id="events"><h2>Events and developments</h2><ul>');
  const titleOf = new Map(r.articles.map((a) => [a.id, a]));
  for (const e of r.events.slice(0, PAGE_LIMITS.events)) {
    const all = e.articleIds.map((aid) => titleOf.get(aid)).filter((a) => a !== undefined);
    const arts = all.slice(0, PAGE_LIMITS.eventArticles);
    const eventTitle = e.title || e.headline || e.id;
    parts.push(`<li id="event-${escapeHtml(e.id)}"><a href="${escapeHtml(eventHref(e.id))}">${escapeHtml(eventTitle)}</a> ${e.citation ? citeLinks(labels, [e.citation]) : ''}${latestLine(eventTitle, e.headline)}
<ul>${arts.map((a) => `<li><a href="${escapeHtml(articleHref(a.id))}">${escapeHtml(a.title || a.id)}</a> <span class="meta">${escapeHtml(a.outlet)} · ${dateHtml(a.published)}${a.duplicateOf ? ' · copy' : ''}</span></li>`).join('')}${all.length > arts.length ? `<li class="meta">… and ${all.length - arts.length} more</li>` : ''}</ul></li>`);
  }
  parts.push(`</ul>${more(r.events.length, PAGE_LIMITS.events, json)}`);
  const devs = r.developments ?? [];
  if (devs.length) {
    parts.push(`<h3>Developments</h3><ol>${devs.slice(0, PAGE_LIMITS.developments).map((d) => `<li><strong>${escapeHtml(developmentTitle(d))}</strong> <span class="meta">reported ${dateHtml(d.date)}</span><br>${escapeHtml(d.text)} ${citeLinks(labels, d.citations)}</li>`).join('')}</ol>${more(devs.length, PAGE_LIMITS.developments, json)}`);
  }
  parts.push('</section>');
  return layout({ title, body: parts.join('\n'), feed });
}

/** The article text as paragraphs, each sentence an anchor `c-<start>`; the cited range is marked. */
export function renderArticleText(text: string, cite: { start: number; end: number } | null): string {
  const sentences = splitSentences(text);
  const starts = new Set(sentences.map((s) => s.start));
  const out: string[] = [];
  const paraRe = /\n\s*\n/g;
  let ps = 0;
  const paragraphs: [number, number][] = [];
  for (let m = paraRe.exec(text); m; m = paraRe.exec(text)) {
    paragraphs.push([ps, m.index]);
    ps = m.index + m[0].length;
  }
  paragraphs.push([ps, text.length]);
  const citeInside = (from: number, to: number) => cite !== null && cite.start < to && from < cite.end;
  for (const [pStart, pEnd] of paragraphs) {
    if (pStart >= pEnd) continue;
    let at = pStart;
    let html = '';
    for (const s of sentences) {
      if (s.end <= pStart || s.start >= pEnd) continue;
      const from = Math.max(s.start, pStart);
      const to = Math.min(s.end, pEnd);
      if (from > at) html += escapeHtml(text.slice(at, from));
      // A citation that does not start at a sentence start still gets its anchor (time expressions, clauses).
      const anchor = cite && !starts.has(cite.start) && cite.start >= from && cite.start < to ? `<a id="c-${cite.start}"></a>` : '';
      const cls = citeInside(from, to) ? ' class="cited"' : '';
      html += `${anchor}<span id="c-${s.start}"${cls}>${escapeHtml(text.slice(from, to))}</span>`;
      at = to;
    }
    if (at < pEnd) html += escapeHtml(text.slice(at, pEnd));
    out.push(`<p>${html}</p>`);
  }
  return out.join('\n');
}

/** ` lang="de"` for a BCP 47 language tag (`de`, `pt-BR`), or '' when unknown or malformed. */
export function langAttr(language: string | null | undefined): string {
  const tag = (language ?? '').trim();
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag) ? ` lang="${tag}"` : '';
}

/** What the event page shows. */
export interface EventPageInput {
  event: { id: string; storylineId: string; title: string; firstDate: string | null; lastDate: string | null; articles: { id: string; title: string | null; outlet: string | null; published: string | null; duplicateOf: string | null }[] };
  /** The event's latest wording from its storyline's report, when known. */
  headline: string | null;
  storylineTitle: string | null;
}

/** `/events/<id>`: the event's title (and latest wording), its articles, and the way back to its storyline. */
export function renderEventPage({ event: e, headline, storylineTitle }: EventPageInput): string {
  const title = e.title || headline || e.id;
  const back = `<p><a href="${storylineHref(e.storylineId)}#event-${escapeHtml(encodeURIComponent(e.id))}">← ${escapeHtml(storylineTitle || 'the storyline')}</a></p>`;
  const rows = e.articles.map(
    (a) => `<li><a href="${escapeHtml(articleHref(a.id))}">${escapeHtml(a.title || a.id)}</a> <span class="meta">${escapeHtml(a.outlet ?? '')} · ${dateHtml(a.published)}${a.duplicateOf ? ' · copy' : ''}</span></li>`,
  );
  const body = `${back}<h1>${escapeHtml(title)}</h1>
${latestLine(title, headline)}
<p class="meta">Event · ${plural(e.articles.length, 'article')} · ${range(e.firstDate, e.lastDate)} · <a href="/api/events/${encodeURIComponent(e.id)}">JSON</a></p>
<h2>Articles</h2>
${rows.length ? `<ul>${rows.join('')}</ul>` : '<p class="empty">No articles.</p>'}`;
  return layout({ title, body });
}

/** `/articles/<id>`: clean text (the cited sentence marked), metadata, captions, removed boilerplate. */
export function renderArticlePage(a: StoredArticle, cite: { start: number; end: number } | null): string {
  const meta: [string, string | null | undefined][] = [
    ['outlet', a.outlet],
    // Dates as days; the exact stored value stays in the JSON.
    ['published', a.published ? `${dateLabel(a.published)}${a.publishedFrom ? ` (from ${a.publishedFrom})` : ''}` : null],
    ['author', a.author],
    ['language', a.language],
    ['url', a.url],
    ['file', a.file],
    ['duplicate of', a.duplicateOf ? `${a.duplicateOf} (${a.duplicateKind ?? 'copy'})` : null],
    ['ingested', a.ingestedAt ? a.ingestedAt.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}).*Z$/, '$1 $2 UTC') : null],
  ];
  const dl = meta.filter(([, v]) => v).map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('');
  const story = a.storylineId ? `<p><a href="${storylineHref(a.storylineId)}">← the storyline</a></p>` : '';
  const captions = a.captions.length ? `<h2>Captions</h2><ul${langAttr(a.language)}>${a.captions.map((c, i) => `<li id="caption-${i}">${escapeHtml(c)}</li>`).join('')}</ul>` : '';
  const removed = `<details class="removed"><summary>Removed while cleaning (${a.removed.length})</summary>${
    a.removed.length ? `<ul>${a.removed.map((r) => `<li><span class="pill">${escapeHtml(r.reason)}</span>${r.rule ? `<span class="pill">${escapeHtml(r.rule)}</span>` : ''} ${escapeHtml(r.text)}</li>`).join('')}</ul>` : '<p class="empty">Nothing was removed.</p>'
  }</details>`;
  // The page frame is English; the article's own words carry their language (screen readers, hyphenation).
  const lang = langAttr(a.language);
  const body = `${story}<h1 id="title"${lang}>${escapeHtml(a.title || a.id)}</h1>
<dl class="facts">${dl}</dl>
<article class="text"${lang}>
${renderArticleText(a.text, cite)}
</article>
${captions}
${removed}
<p class="meta"><a href="/api/articles/${encodeURIComponent(a.id)}">JSON</a></p>`;
  return layout({ title: a.title || a.id, body });
}

export interface SearchPageInput {
  query: string;
  articles: { id: string; title: string | null; snippet: string; outlet: string | null; published: string | null; storylineId: string | null }[];
  storylines: { id: string; title: string; articleCount: number; outlets: string[] }[];
}

/** A search snippet: escaped, with the store's `[match]` brackets turned into marks. */
export function snippetHtml(snippet: string): string {
  return escapeHtml(snippet).replace(/\[([^[\]]{1,120})\]/g, '<mark>$1</mark>');
}

/** `/search?q=`: matching storylines, then matching articles. */
export function renderSearchPage(p: SearchPageInput): string {
  const body = !p.query
    ? '<h1>Search</h1><p class="meta">Type words in the box above: article titles and texts that contain all of them are found.</p>'
    : `<h1>Search: ${escapeHtml(p.query)}</h1>
<h2>Storylines (${p.storylines.length})</h2>
${p.storylines.length ? `<ul>${p.storylines.map((s) => `<li><a href="${storylineHref(s.id)}">${escapeHtml(s.title || s.id)}</a> <span class="meta">${plural(s.articleCount, 'article')}</span> ${pills(s.outlets)}</li>`).join('')}</ul>` : '<p class="empty">No storyline matches.</p>'}
<h2>Articles (${p.articles.length})</h2>
${
  p.articles.length
    ? p.articles.map((a) => `<div class="hit"><a href="${escapeHtml(articleHref(a.id))}">${escapeHtml(a.title || a.id)}</a> <span class="meta">${escapeHtml(a.outlet ?? '')} · ${dateHtml(a.published)}</span><div>${snippetHtml(a.snippet)}</div></div>`).join('\n')
    : '<p class="empty">No article matches.</p>'
}`;
  return layout({ title: p.query ? `Search: ${p.query}` : 'Search', body, query: p.query });
}

/** A page for a refused request (404, 400) in the site's frame. */
/** `/storylines/<id>` before its first report is ready: it reloads itself until the report is there. */
export function renderBuildingPage(title: string, refreshSeconds: number): string {
  return layout({ title, refreshSeconds, body: `<h1>${escapeHtml(title)}</h1><p role="status">The report of this storyline is being prepared; this page reloads by itself.</p><p><a href="/">All storylines</a></p>` });
}

export function renderErrorPage(status: number, message: string): string {
  return layout({ title: `${status}`, body: `<h1>${status}</h1><p>${escapeHtml(message)}</p><p><a href="/">All storylines</a></p>` });
}
