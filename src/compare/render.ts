/**
 * Renderers of a `StorylineReport`: Markdown, and one self-contained HTML file (inline CSS, no
 * scripts, every piece of scraped text escaped).
 */
import { calendarDay, DEVELOPMENT_STATUS_LABEL, originalOf, type Citation, type ReportArticle, type StorylineReport } from '../model/index.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: unknown): string {
  return String(s ?? '')
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;')
    .replace(/'/gu, '&#39;');
}

/** Escapes Markdown control characters in scraped text (so a title cannot inject links or HTML). */
export function escapeMarkdown(s: unknown): string {
  return String(s ?? '')
    .replace(/\s+/gu, ' ')
    .replace(/([\\`*_{}[\]()#+!|<>])/gu, '\\$1');
}

/**
 * The outlet a citation is shown under: a copy under its original's outlet, "via" the copying one
 * (reason: a wire story reprinted by a paper is the agency's report, not a second one by the paper).
 */
export function outletOf(report: StorylineReport, article: string): string {
  const byId = new Map(report.articles.map((x) => [x.id, x]));
  const a = byId.get(article);
  if (!a) return article;
  const root = byId.get(originalOf(article, byId)) ?? a;
  return root !== a && root.outlet !== a.outlet ? `${root.outlet} via ${a.outlet}` : a.outlet;
}

/**
 * The outlet a conflict's citation is shown under: a copy's changed sentence under the copy's own
 * outlet ("Milo Gazette, changed copy of Continental Wire"), since its side names that outlet.
 */
export function conflictOutlet(report: StorylineReport, c: StorylineReport['conflicts'][number], cite: Citation): string {
  const a = report.articles.find((x) => x.id === cite.article);
  const side = c.sides?.find((s) => s.citations.includes(cite));
  if (a?.duplicateOf && side?.sources.includes(a.outlet)) {
    const byId = new Map(report.articles.map((x) => [x.id, x]));
    const root = byId.get(originalOf(a.id, byId));
    if (root && root.outlet !== a.outlet) return `${a.outlet}, changed copy of ${root.outlet}`;
  }
  return outletOf(report, cite.article);
}

/** Every citation of a conflict: all sides' when merged, else its pair. */
export function conflictCitations(c: StorylineReport['conflicts'][number]): Citation[] {
  return c.sides ? c.sides.flatMap((s) => s.citations) : c.citations;
}

function citeLabel(c: Citation): string {
  return `${c.article}${c.caption !== undefined ? ` caption ${c.caption + 1}` : c.title ? ' title' : ''} @${c.start}`;
}

/** `1 article`, `2 articles`. */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

/** Original articles with no named outlet: each is one source of unknown outlet. */
function unnamedSources(report: StorylineReport): number {
  return report.articles.filter((a) => a.unknownOutlet && !a.duplicateOf).length;
}

/**
 * The count line: articles and independent sources — named outlets (as the storyline list counts
 * them) plus one source per original article with no named outlet, the rule facts count by too.
 */
export function countLine(report: StorylineReport): string {
  const unknown = unnamedSources(report);
  if (!unknown) return `${plural(report.articles.length, 'article')} from ${plural(report.outlets.length, 'independent outlet')}.`;
  const total = report.independentSources ?? report.outlets.length + unknown;
  return `${plural(report.articles.length, 'article')} from ${plural(total, 'independent source')}: ${plural(report.outlets.length, 'named outlet')} and ${plural(unknown, 'article')} with no named outlet.`;
}

/** The one-line rule for counting sources, shown when some article has no named outlet. */
export const SOURCE_RULE = 'An outlet counts once however many articles or copies it has; an article with no named outlet is known by its URL’s site, else by the file or feed it came from (one source per JSON-lines file or feed, shown as “unnamed source (file)”).';

/** "3 outlets" when every source is a named outlet, else "3 sources" (some are unnamed articles). */
export function sourceCount(sources: string[]): string {
  return plural(sources.length, sources.some((x) => x.startsWith('unnamed source (')) ? 'source' : 'outlet');
}

/**
 * The framing terms of one outlet as both renderers show them: one entry per term (case folded),
 * marked "(headline)" when it appears in a headline, in order of first appearance.
 */
export function framingTermList(terms: StorylineReport['framing'][number]['terms']): Array<{ term: string; inHeadline: boolean; polarity: number; category: string; sentence: string }> {
  const byTerm = new Map<string, { term: string; inHeadline: boolean; polarity: number; category: string; sentence: string }>();
  for (const t of terms) {
    const k = t.term.toLowerCase();
    const prev = byTerm.get(k);
    if (prev) prev.inHeadline ||= t.inHeadline;
    else byTerm.set(k, { term: t.term, inHeadline: t.inHeadline, polarity: t.polarity, category: t.category, sentence: t.citation.sentence });
  }
  return [...byTerm.values()];
}

/** The timeline drawn with CSS: dots on a vertical rule, dates in a column; all text escaped. */
function timelineHtml(report: StorylineReport): string {
  const e = escapeHtml;
  const h: string[] = [];
  if (report.timeline?.length) {
    h.push('<h2>Timeline</h2><ol class="tl">');
    for (const t of report.timeline) {
      h.push(`<li><span class="tl-date">${e(t.date)}</span> <span class="tl-text">${e(t.text)}</span> <span class="src">[${t.sources.map(e).join('; ')}]</span></li>`);
    }
    h.push('</ol>');
  }
  if (report.developments?.length) {
    h.push('<h2>Developments</h2><ol class="tl dev">');
    for (const d of report.developments) {
      const when = d.eventDate ? ` for ${e(d.eventDate)}${d.previousDate ? ` <s>${e(d.previousDate)}</s>` : ''}` : '';
      h.push(`<li><span class="tl-date">${e(d.date ?? 'undated')}</span> <span class="badge">${e(DEVELOPMENT_STATUS_LABEL[d.status] ?? d.status)}</span>${when} <span class="tl-text">${e(d.text)}</span> <span class="src">[${d.sources.map(e).join('; ')}]</span></li>`);
    }
    h.push('</ol>');
  }
  return h.join('\n');
}

/** " (inferred from the text)" or " (inferred from 2 other articles)": a reader must see that a date is a guess, and from what. */
function inferredNote(a: ReportArticle): string {
  if (a.publishedFrom !== 'inferred' || !a.published) return '';
  const anchors = new Set((a.publishedEvidence ?? []).map((x) => x.article).filter((x): x is string => !!x));
  return anchors.size ? ` (inferred from ${plural(anchors.size, 'other article')})` : ' (inferred from the text)';
}

/** A URL inside a Markdown autolink: backslash escapes would become part of the link, so only `<`, `>` and spaces are encoded. */
function autolinkUrl(url: string): string {
  return url.replace(/[<>\s]/g, (c) => encodeURIComponent(c));
}

/** Markdown report: headline, articles, summary, facts, conflicts, single-source claims, quotes, framing. */
export function renderReportMarkdown(report: StorylineReport): string {
  const md = escapeMarkdown;
  const out: string[] = [];
  out.push(`# ${md(report.headline || 'Storyline')}`, '');
  if (report.storylineTitle && report.storylineTitle !== report.headline) out.push(`Listed as: ${md(report.storylineTitle)}`, '');
  out.push(countLine(report), '');
  if (unnamedSources(report)) out.push(`_${SOURCE_RULE}_`, '');
  out.push('## Articles', '');
  for (const a of report.articles) {
    out.push(`- **${md(a.id)}** — ${md(a.outlet)}, ${md(a.published ? calendarDay(a.published) : 'undated')}${inferredNote(a)}: ${md(a.title)}${a.duplicateOf ? ` (copy of ${md(a.duplicateOf)})` : ''}${a.url ? ` <${autolinkUrl(a.url)}>` : a.file ? ` (${md(a.file)})` : ''}`);
  }
  if (report.events.length) {
    out.push('', '## Events', '');
    // Named as the store names the event (earliest article's title); the latest wording when it differs.
    for (const e of report.events) out.push(`- **${md(e.title || e.headline)}**${e.title && e.headline && e.headline !== e.title ? ` — latest: ${md(e.headline)}` : ''} (${e.articleIds.map(md).join(', ')})`);
  }
  out.push('', '## Summary', '');
  for (const s of report.summary) out.push(`- ${md(s.text)} [${s.sources.map(md).join('; ')}]`);
  if (report.timeline?.length) {
    out.push('', '## Timeline', '');
    for (const t of report.timeline) out.push(`- **${md(t.date)}** — ${md(t.text)} [${t.sources.map(md).join('; ')}]`);
  }
  if (report.developments?.length) {
    out.push('', '## Developments', '');
    for (const d of report.developments) {
      const when = d.eventDate ? ` for ${md(d.eventDate)}${d.previousDate ? ` (was ${md(d.previousDate)})` : ''}` : '';
      out.push(`- ${md(d.date ?? 'undated')}: **${md(DEVELOPMENT_STATUS_LABEL[d.status] ?? d.status)}**${when} — “${md(d.text)}” [${d.sources.map(md).join('; ')}]`);
    }
  }
  out.push('', '## Facts stated by several sources', '');
  if (!report.facts.length) out.push('_None found._');
  for (const f of report.facts) {
    out.push(`- ${md(f.text)} — **${sourceCount(f.sources)}**: ${f.sources.map(md).join(', ')}`);
    for (const c of f.citations) out.push(`  - ${md(outletOf(report, c.article))} (${md(citeLabel(c))}): “${md(c.sentence)}”`);
  }
  out.push('', '## Conflicts and updates', '');
  if (!report.conflicts.length) out.push('_None found._');
  for (const c of report.conflicts) {
    out.push(`- **${c.kind}** (${c.slot}${c.withinArticle ? ', within one article' : ''}): ${md(c.description)}`);
    for (const x of conflictCitations(c)) out.push(`  - ${md(conflictOutlet(report, c, x))} (${md(citeLabel(x))}): “${md(x.sentence)}”`);
  }
  out.push('', '## Single-source claims', '');
  if (!report.singleSource.length) out.push('_None found._');
  for (const s of report.singleSource) out.push(`- ${md(s.outlet)}: “${md(s.text)}” — ${md(s.reason)}`);
  out.push('', '## Quotes', '');
  if (!report.quotes.length) out.push('_None found._');
  for (const q of report.quotes) {
    out.push(`- **${md(q.speaker)}**${q.addressee ? ` to ${md(q.addressee)}` : ''} (${md(q.verb)}, ${md(outletOf(report, q.article))}${q.direct ? '' : ', indirect'}): “${md(q.text)}”`);
  }
  out.push('', '## Framing', '', '| Outlet | Headline tone | Body tone | Loaded terms per 1,000 words | Terms |', '|---|---|---|---|---|');
  for (const f of report.framing) {
    const terms = framingTermList(f.terms).map((t) => `${t.term}${t.inHeadline ? ' (headline)' : ''}`);
    out.push(`| ${md(f.outlet)} | ${f.headlineTone} | ${f.bodyTone} | ${f.loadedPerThousandWords} | ${terms.map(md).join(', ')} |`);
  }
  return out.join('\n') + '\n';
}

const CSS = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{border-bottom:1px solid #ddd;margin-top:2rem}
blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.6rem;border-left:3px solid #ccc;color:#444}
.src{color:#666;font-size:.85rem}.badge{display:inline-block;padding:0 .4rem;border-radius:.3rem;background:#eee;font-size:.8rem}
.conflict{background:#fde2e2}.update{background:#e2f0fd}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}.neg{color:#a00}.pos{color:#070}
.tl{list-style:none;margin:0;padding:0 0 0 1.2rem;border-left:3px solid #89a}.tl li{position:relative;margin:.6rem 0}
.tl li::before{content:"";position:absolute;left:-1.62rem;top:.45rem;width:.7rem;height:.7rem;border-radius:50%;background:#fff;border:3px solid #567}
.tl-date{display:inline-block;min-width:6.5rem;margin-right:.5rem;font-weight:600;font-variant-numeric:tabular-nums}.dev .badge{margin-right:.3rem}`;

/** One self-contained HTML file (inline CSS, no scripts, no external resources). */
export function renderReportHtml(report: StorylineReport): string {
  const e = escapeHtml;
  const cite = (c: Citation, label = outletOf(report, c.article)): string =>
    `<blockquote>${e(c.sentence)}<br><span class="src">${e(label)} · ${e(citeLabel(c))}</span></blockquote>`;
  const h: string[] = [];
  h.push('<!doctype html>', '<html lang="en"><head><meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">');
  h.push(`<title>${e(report.headline || 'Storyline')}</title><style>${CSS}</style></head><body>`);
  h.push(`<h1>${e(report.headline || 'Storyline')}</h1>`);
  if (report.storylineTitle && report.storylineTitle !== report.headline) h.push(`<p class="src">Listed as: ${e(report.storylineTitle)}</p>`);
  h.push(`<p>${e(countLine(report))}</p>`);
  if (unnamedSources(report)) h.push(`<p class="src">${e(SOURCE_RULE)}</p>`);
  h.push('<h2>Articles</h2><ul>');
  for (const a of report.articles) {
    const link = a.url && /^https?:\/\//i.test(a.url) ? ` <a href="${e(a.url)}" rel="noopener noreferrer nofollow">source</a>` : '';
    h.push(`<li><b>${e(a.id)}</b> ${e(a.outlet)}, ${e(a.published ? calendarDay(a.published) : 'undated')}${e(inferredNote(a))}: ${e(a.title)}${a.duplicateOf ? ` <span class="badge">copy of ${e(a.duplicateOf)}</span>` : ''}${link}</li>`);
  }
  h.push('</ul>');
  if (report.events.length) {
    h.push('<h2>Events</h2><ul>');
    for (const ev of report.events) h.push(`<li>${e(ev.title || ev.headline)}${ev.title && ev.headline && ev.headline !== ev.title ? ` <span class="src">latest: ${e(ev.headline)}</span>` : ''} <span class="src">${ev.articleIds.map(e).join(', ')}</span></li>`);
    h.push('</ul>');
  }
  h.push('<h2>Summary</h2><ul>');
  for (const s of report.summary) h.push(`<li>${e(s.text)} <span class="src">[${s.sources.map(e).join('; ')}]</span></li>`);
  h.push('</ul>');
  const tl = timelineHtml(report);
  if (tl) h.push(tl);
  h.push('<h2>Facts stated by several sources</h2>');
  for (const f of report.facts) {
    h.push(`<details><summary>${e(f.text)} <span class="badge">${sourceCount(f.sources)}</span></summary>${f.citations.map((x) => cite(x)).join('')}</details>`);
  }
  h.push('<h2>Conflicts and updates</h2>');
  for (const c of report.conflicts) {
    h.push(`<div class="${c.kind}"><p><span class="badge">${e(c.kind)} · ${e(c.slot)}${c.withinArticle ? ' · within one article' : ''}</span> ${e(c.description)}</p>${conflictCitations(c).map((x) => cite(x, conflictOutlet(report, c, x))).join('')}</div>`);
  }
  h.push('<h2>Single-source claims</h2><ul>');
  for (const s of report.singleSource) h.push(`<li><b>${e(s.outlet)}</b>: ${e(s.text)} <span class="src">${e(s.reason)}</span></li>`);
  h.push('</ul><h2>Quotes</h2><ul>');
  for (const q of report.quotes) {
    h.push(`<li><b>${e(q.speaker)}</b>${q.addressee ? ` to ${e(q.addressee)}` : ''} <span class="src">(${e(q.verb)}, ${e(outletOf(report, q.article))}${q.direct ? '' : ', indirect'})</span>: “${e(q.text)}”</li>`);
  }
  h.push('</ul><h2>Framing</h2><table><tr><th>Outlet</th><th>Headline tone</th><th>Body tone</th><th>Loaded / 1,000 words</th><th>Terms</th></tr>');
  for (const f of report.framing) {
    const terms = framingTermList(f.terms)
      .map((t) => `<span class="${t.polarity < 0 ? 'neg' : t.polarity > 0 ? 'pos' : ''}" title="${e(t.category)}: ${e(t.sentence)}">${e(t.term)}${t.inHeadline ? ' (headline)' : ''}</span>`)
      .join(', ');
    h.push(`<tr><td>${e(f.outlet)}</td><td>${f.headlineTone}</td><td>${f.bodyTone}</td><td>${f.loadedPerThousandWords}</td><td>${terms}</td></tr>`);
  }
  h.push('</table></body></html>');
  return h.join('\n') + '\n';
}
