/**
 * Renderers of a `StorylineReport`: Markdown, and one self-contained HTML file (inline CSS, no
 * scripts, every piece of scraped text escaped).
 */
import { BACKGROUND_LABEL, calendarDay, developmentLabel, originalOf, type BriefItem, type Citation, type ReportArticle, type ReportBrief, type StorylineReport } from '../model/index.js';

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
export function sourceCount(sources: string[], inPart: ReadonlySet<string> = new Set()): string {
  const count = plural(sources.length, sources.some((x) => x.startsWith('unnamed source (')) ? 'source' : 'outlet');
  const partly = sources.filter((x) => inPart.has(x)).length;
  return partly ? `${count}, ${partly} of them in part` : count;
}

/**
 * The sources that support a fact only in part: every sentence they give states some of its clauses,
 * not all (reason: "supplied arms and refused sanctions" is not corroborated by a source that says only
 * the second half). Sources are named as the report names an article's original's outlet.
 */
export function partialSources(report: StorylineReport, citations: Citation[]): Set<string> {
  const byId = new Map(report.articles.map((a) => [a.id, a]));
  const label = (id: string): string => byId.get(originalOf(id, byId))?.outlet ?? id;
  const full = new Set(citations.filter((c) => !c.partial).map((c) => label(c.article)));
  return new Set(citations.filter((c) => c.partial).map((c) => label(c.article)).filter((x) => !full.has(x)));
}

/** "A, B, C (in part)": source names, capped, those that support only in part marked. */
function namedSources(sources: string[], inPart: ReadonlySet<string>): string[] {
  return sourceNames(sources).map((x) => (inPart.has(x) ? `${x} (in part)` : x));
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
function timelineHtml(report: StorylineReport, all?: boolean): string {
  const e = escapeHtml;
  const h: string[] = [];
  if (report.timeline?.length) {
    h.push('<h2>Timeline</h2><ol class="tl">');
    const timeline = rankedTimeline(report, all);
    for (const t of timeline.shown) {
      h.push(`<li><span class="tl-date">${e(t.date)}</span>${t.background ? ` <span class="badge">${BACKGROUND_LABEL}</span>` : ''} <span class="tl-text">${e(t.text)}</span> <span class="src">[${sourceNames(t.sources).map(e).join('; ')}]</span></li>`);
    }
    h.push(`</ol>${timeline.left ? `<p class="src">${e(moreLine(timeline.left, 'dated entries, reported by fewer sources'))}</p>` : ''}`);
  }
  if (report.developments?.length) {
    h.push('<h2>Developments</h2><ol class="tl dev">');
    const developments = capped(report.developments, REPORT_LIMITS.developments, all);
    for (const d of developments.shown) {
      h.push(`<li><span class="tl-date">${e(d.date ?? 'undated')}</span> <span class="badge">${e(developmentLabel(d))}</span> <span class="tl-text">${e(d.text)}</span> <span class="src">[${sourceNames(d.sources).map(e).join('; ')}]</span></li>`);
    }
    h.push(`</ol>${developments.left ? `<p class="src">${e(moreLine(developments.left, 'developments'))}</p>` : ''}`);
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

/**
 * How many items each list of a rendered report shows unless `all` is asked for (reason: a
 * 146-article ECB+ storyline had 433 facts and 830 timeline rows, a 16,510-line report nobody
 * reads). Lists are ranked first (facts by independent sources, the timeline by how many sources
 * report a date), so what is cut is the least supported. The JSON report keeps everything.
 */
export const REPORT_LIMITS = { articles: 25, events: 15, timeline: 20, developments: 12, facts: 8, citationsPerFact: 2, conflicts: 6, singleSource: 8, quotes: 10, framing: 10 };

/** Options of the rendered reports. */
export interface RenderOptions {
  /** Every item of every list (the default shows the top of each, `REPORT_LIMITS`). */
  all?: boolean;
}

/** The first `limit` items (all when `all`), and how many were left out. */
function capped<T>(items: readonly T[], limit: number, all: boolean | undefined): { shown: T[]; left: number } {
  const shown = all ? [...items] : items.slice(0, limit);
  return { shown, left: items.length - shown.length };
}

/** "… and 12 more (…)": said after a shortened list, so nothing is hidden without a word. */
export function moreLine(left: number, what: string): string {
  return left > 0 ? `… and ${left} more ${what} (\`storyline story ID --all\` lists every one; the JSON report has them all).` : '';
}

/**
 * The timeline's entries to show: the dates most sources report (ties: the later), in date order
 * (reason: a cut timeline should keep the well-attested dates, not the first 30 of 830).
 */
export function rankedTimeline(report: StorylineReport, all?: boolean): { shown: NonNullable<StorylineReport['timeline']>; left: number } {
  const timeline = report.timeline ?? [];
  if (all || timeline.length <= REPORT_LIMITS.timeline) return { shown: timeline, left: 0 };
  const keep = new Set(timeline.map((t, i) => ({ t, i })).sort((a, b) => b.t.sources.length - a.t.sources.length || (a.t.date < b.t.date ? 1 : -1)).slice(0, REPORT_LIMITS.timeline).map((x) => x.i));
  return { shown: timeline.filter((_, i) => keep.has(i)), left: timeline.length - keep.size };
}

/** "As of 2024-06-25", or "As of 2024-06-25 (latest development reported 2024-02-08)" when they differ. */
function nowHeading(brief: ReportBrief): string {
  const asOf = `As of ${brief.asOf ?? 'the latest report'}`;
  const reported = brief.now?.date;
  return reported && reported !== brief.asOf ? `${asOf} (latest development reported ${reported})` : asOf;
}

/** At most four source names, then how many more (reason: a brief line naming 17 sources is unreadable). */
export function sourceNames(sources: string[], max = 4): string[] {
  return sources.length > max ? [...sources.slice(0, max), `${sources.length - max} more`] : sources;
}

function briefLineMarkdown(b: BriefItem): string {
  const md = escapeMarkdown;
  const label = b.label ? `**${md(b.label)}** — ` : '';
  return `${label}“${md(b.text)}” [${sourceNames(b.sources).map(md).join('; ')}]`;
}

/** The brief as Markdown: where things stand, the arc, key facts, contradictions, background apart. */
function briefMarkdown(report: StorylineReport, brief: ReportBrief): string[] {
  const md = escapeMarkdown;
  const out: string[] = [];
  if (brief.now) out.push(`**${md(nowHeading(brief))}:** ${briefLineMarkdown(brief.now)}${brief.now.note ? ` _Note: ${md(brief.now.note)}._` : ''}`, '');
  if (brief.arc.length) {
    out.push('How it developed:', '');
    for (const a of brief.arc) out.push(`- ${md(a.date ?? 'undated')}: ${briefLineMarkdown(a)}`);
    out.push('');
  }
  if (brief.otherEvents?.length) {
    out.push('Other anticipated events:', '');
    for (const a of brief.otherEvents) out.push(`- ${md(a.date ?? 'undated')}: ${briefLineMarkdown(a)}`);
    out.push('');
  }
  if (brief.keyFacts.length) {
    out.push('Key facts (stated by several sources):', '');
    for (const f of brief.keyFacts) {
      const inPart = partialSources(report, f.citations);
      out.push(`- ${md(f.text)} — **${sourceCount(f.sources, inPart)}**: ${namedSources(f.sources, inPart).map(md).join(', ')}`);
    }
    out.push('');
  }
  if (brief.contradictions.length) {
    out.push('Open contradictions:', '');
    for (const c of brief.contradictions) out.push(`- ${md(c.label ?? '')}: ${c.citations.map((x) => `“${md(x.sentence)}”`).join(' / ')} [${sourceNames(c.sources).map(md).join('; ')}]`);
    out.push('');
  }
  if (brief.alsoReported.length) {
    out.push('Also reported:', '');
    for (const s of brief.alsoReported) out.push(`- ${md(s.text)} [${sourceNames(s.sources).map(md).join('; ')}]`);
    out.push('');
  }
  if (brief.background.length) {
    out.push('Background (happenings well before this storyline began):', '');
    for (const s of brief.background) out.push(`- ${md(s.text)} [${sourceNames(s.sources).map(md).join('; ')}]`);
    out.push('');
  }
  if (out[out.length - 1] === '') out.pop();
  return out;
}

/** Markdown report: headline, brief, articles, events, timeline, developments, facts, conflicts, single-source claims, quotes, framing. */
export function renderReportMarkdown(report: StorylineReport, options: RenderOptions = {}): string {
  const all = options.all;
  const md = escapeMarkdown;
  const out: string[] = [];
  out.push(`# ${md(report.headline || 'Storyline')}`, '');
  if (report.storylineTitle && report.storylineTitle !== report.headline) out.push(`Listed as: ${md(report.storylineTitle)}`, '');
  out.push(countLine(report), '');
  if (unnamedSources(report)) out.push(`_${SOURCE_RULE}_`, '');
  out.push('## Summary', '');
  if (report.brief) out.push(...briefMarkdown(report, report.brief));
  else for (const s of report.summary) out.push(`- ${md(s.text)} [${s.sources.map(md).join('; ')}]`);
  const more = (left: number, what: string) => (left > 0 ? out.push('', `_${moreLine(left, what)}_`) : 0);
  out.push('', '## Articles', '');
  const articles = capped(report.articles, REPORT_LIMITS.articles, all);
  for (const a of articles.shown) {
    out.push(`- **${md(a.id)}** — ${md(a.outlet)}, ${md(a.published ? calendarDay(a.published) : 'undated')}${inferredNote(a)}: ${md(a.title)}${a.duplicateOf ? ` (copy of ${md(a.duplicateOf)})` : ''}${a.url ? ` <${autolinkUrl(a.url)}>` : a.file ? ` (${md(a.file)})` : ''}`);
  }
  more(articles.left, 'articles');
  if (report.events.length) {
    out.push('', '## Events', '');
    // Named as the store names the event (earliest article's title); the latest wording when it differs.
    const events = capped(report.events, REPORT_LIMITS.events, all);
    for (const e of events.shown) out.push(`- **${md(e.title || e.headline)}**${e.title && e.headline && e.headline !== e.title ? ` — latest: ${md(e.headline)}` : ''} (${e.articleIds.map(md).join(', ')})`);
    more(events.left, 'events');
  }
  if (report.timeline?.length) {
    out.push('', '## Timeline', '');
    const timeline = rankedTimeline(report, all);
    for (const t of timeline.shown) out.push(`- **${md(t.date)}**${t.background ? ` _(${BACKGROUND_LABEL})_` : ''} — ${md(t.text)} [${sourceNames(t.sources).map(md).join('; ')}]`);
    more(timeline.left, 'dated entries, reported by fewer sources');
  }
  if (report.developments?.length) {
    out.push('', '## Developments', '');
    const developments = capped(report.developments, REPORT_LIMITS.developments, all);
    for (const d of developments.shown) {
      out.push(`- ${md(d.date ?? 'undated')}: **${md(developmentLabel(d))}** — “${md(d.text)}” [${sourceNames(d.sources).map(md).join('; ')}]`);
    }
    more(developments.left, 'developments');
  }
  out.push('', '## Facts stated by several sources', '');
  if (!report.facts.length) out.push('_None found._');
  const facts = capped(report.facts, REPORT_LIMITS.facts, all);
  for (const f of facts.shown) {
    const inPart = partialSources(report, f.citations);
    out.push(`- ${md(f.text)} — **${sourceCount(f.sources, inPart)}**: ${namedSources(f.sources, inPart).map(md).join(', ')}`);
    const cites = capped(f.citations, REPORT_LIMITS.citationsPerFact, all);
    for (const c of cites.shown) out.push(`  - ${md(outletOf(report, c.article))} (${md(citeLabel(c))}${c.partial ? ', states it in part' : ''}): “${md(c.sentence)}”`);
    if (cites.left) out.push(`  - … and ${cites.left} more sentences`);
  }
  more(facts.left, 'facts, stated by fewer sources');
  out.push('', '## Conflicts and updates', '');
  if (!report.conflicts.length) out.push('_None found._');
  const conflicts = capped(report.conflicts, REPORT_LIMITS.conflicts, all);
  for (const c of conflicts.shown) {
    out.push(`- **${c.kind}** (${c.slot}${c.withinArticle ? ', within one article' : ''}): ${md(c.description)}`);
    for (const x of conflictCitations(c)) out.push(`  - ${md(conflictOutlet(report, c, x))} (${md(citeLabel(x))}): “${md(x.sentence)}”`);
  }
  more(conflicts.left, 'conflicts and updates');
  out.push('', '## Single-source claims', '');
  if (!report.singleSource.length) out.push('_None found._');
  const single = capped(report.singleSource, REPORT_LIMITS.singleSource, all);
  for (const s of single.shown) out.push(`- ${md(s.outlet)}: “${md(s.text)}” — ${md(s.reason)}`);
  more(single.left, 'single-source claims');
  out.push('', '## Quotes', '');
  if (!report.quotes.length) out.push('_None found._');
  const quotes = capped(report.quotes, REPORT_LIMITS.quotes, all);
  for (const q of quotes.shown) {
    out.push(`- **${md(q.speaker)}**${q.addressee ? ` to ${md(q.addressee)}` : ''} (${md(q.verb)}, ${md(outletOf(report, q.article))}${q.direct ? '' : ', indirect'}): ${q.direct ? `“${md(q.text)}”` : md(q.text)}`);
  }
  more(quotes.left, 'quotes');
  out.push('', '## Framing', '', '| Outlet | Headline tone | Body tone | Loaded terms per 1,000 words | Terms |', '|---|---|---|---|---|');
  const framing = capped(report.framing, REPORT_LIMITS.framing, all);
  for (const f of framing.shown) {
    const terms = framingTermList(f.terms).map((t) => `${t.term}${t.inHeadline ? ' (headline)' : ''}`);
    out.push(`| ${md(f.outlet)} | ${f.headlineTone} | ${f.bodyTone} | ${f.loadedPerThousandWords} | ${terms.map(md).join(', ')} |`);
  }
  more(framing.left, 'outlets');
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

/**
 * The brief as HTML (all text escaped): where things stand, the arc, key facts, contradictions,
 * also reported, background apart. `cite` renders a line's sources (the report file and the web
 * page link them differently).
 */
export function briefHtml(report: StorylineReport, brief: ReportBrief, cite: (b: BriefItem) => string): string {
  const e = escapeHtml;
  const h: string[] = [];
  const line = (b: BriefItem) => `${b.label ? `<span class="badge">${e(b.label)}</span> ` : ''}“${e(b.text)}” ${cite(b)}`;
  const list = (title: string, items: BriefItem[], render: (b: BriefItem) => string) => {
    if (items.length) h.push(`<h3>${e(title)}</h3><ul>${items.map((b) => `<li>${render(b)}</li>`).join('')}</ul>`);
  };
  if (brief.now) h.push(`<p class="now"><strong>${e(nowHeading(brief))}:</strong> ${line(brief.now)}${brief.now.note ? ` <em>Note: ${e(brief.now.note)}.</em>` : ''}</p>`);
  list('How it developed', brief.arc, (b) => `<span class="tl-date">${e(b.date ?? 'undated')}</span> ${line(b)}`);
  list('Other anticipated events', brief.otherEvents ?? [], (b) => `<span class="tl-date">${e(b.date ?? 'undated')}</span> ${line(b)}`);
  list('Key facts (stated by several sources)', brief.keyFacts, (b) => `${e(b.text)} <span class="badge">${sourceCount(b.sources, partialSources(report, b.citations))}</span> ${cite(b)}`);
  list('Open contradictions', brief.contradictions, (b) => `${e(b.label ?? '')}: ${b.citations.map((x) => `“${e(x.sentence)}”`).join(' / ')} ${cite(b)}`);
  list('Also reported', brief.alsoReported, (b) => `${e(b.text)} ${cite(b)}`);
  list('Background (happenings well before this storyline began)', brief.background, (b) => `${e(b.text)} ${cite(b)}`);
  return h.join('\n');
}

/** One self-contained HTML file (inline CSS, no scripts, no external resources). */
export function renderReportHtml(report: StorylineReport, options: RenderOptions = {}): string {
  const all = options.all;
  const more = (left: number, what: string) => (left > 0 ? `<p class="src">${escapeHtml(moreLine(left, what))}</p>` : '');
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
  h.push('<h2>Summary</h2>');
  if (report.brief) h.push(briefHtml(report, report.brief, (b) => `<span class="src">[${sourceNames(b.sources).map(e).join('; ')}]</span>`));
  else h.push(`<ul>${report.summary.map((s) => `<li>${e(s.text)} <span class="src">[${s.sources.map(e).join('; ')}]</span></li>`).join('')}</ul>`);
  h.push('<h2>Articles</h2><ul>');
  const articles = capped(report.articles, REPORT_LIMITS.articles, all);
  for (const a of articles.shown) {
    const link = a.url && /^https?:\/\//i.test(a.url) ? ` <a href="${e(a.url)}" rel="noopener noreferrer nofollow">source</a>` : '';
    h.push(`<li><b>${e(a.id)}</b> ${e(a.outlet)}, ${e(a.published ? calendarDay(a.published) : 'undated')}${e(inferredNote(a))}: ${e(a.title)}${a.duplicateOf ? ` <span class="badge">copy of ${e(a.duplicateOf)}</span>` : ''}${link}</li>`);
  }
  h.push(`</ul>${more(articles.left, 'articles')}`);
  if (report.events.length) {
    h.push('<h2>Events</h2><ul>');
    const events = capped(report.events, REPORT_LIMITS.events, all);
    for (const ev of events.shown) h.push(`<li>${e(ev.title || ev.headline)}${ev.title && ev.headline && ev.headline !== ev.title ? ` <span class="src">latest: ${e(ev.headline)}</span>` : ''} <span class="src">${ev.articleIds.map(e).join(', ')}</span></li>`);
    h.push(`</ul>${more(events.left, 'events')}`);
  }
  const tl = timelineHtml(report, all);
  if (tl) h.push(tl);
  h.push('<h2>Facts stated by several sources</h2>');
  const facts = capped(report.facts, REPORT_LIMITS.facts, all);
  for (const f of facts.shown) {
    const cites = capped(f.citations, REPORT_LIMITS.citationsPerFact, all);
    h.push(`<details><summary>${e(f.text)} <span class="badge">${sourceCount(f.sources, partialSources(report, f.citations))}</span></summary>${cites.shown.map((x) => cite(x)).join('')}${cites.left ? `<p class="src">… and ${cites.left} more sentences</p>` : ''}</details>`);
  }
  h.push(more(facts.left, 'facts, stated by fewer sources'));
  h.push('<h2>Conflicts and updates</h2>');
  const conflicts = capped(report.conflicts, REPORT_LIMITS.conflicts, all);
  for (const c of conflicts.shown) {
    h.push(`<div class="${c.kind}"><p><span class="badge">${e(c.kind)} · ${e(c.slot)}${c.withinArticle ? ' · within one article' : ''}</span> ${e(c.description)}</p>${conflictCitations(c).map((x) => cite(x, conflictOutlet(report, c, x))).join('')}</div>`);
  }
  h.push(more(conflicts.left, 'conflicts and updates'));
  h.push('<h2>Single-source claims</h2><ul>');
  const single = capped(report.singleSource, REPORT_LIMITS.singleSource, all);
  for (const s of single.shown) h.push(`<li><b>${e(s.outlet)}</b>: ${e(s.text)} <span class="src">${e(s.reason)}</span></li>`);
  h.push(`</ul>${more(single.left, 'single-source claims')}<h2>Quotes</h2><ul>`);
  const quotes = capped(report.quotes, REPORT_LIMITS.quotes, all);
  for (const q of quotes.shown) {
    h.push(`<li><b>${e(q.speaker)}</b>${q.addressee ? ` to ${e(q.addressee)}` : ''} <span class="src">(${e(q.verb)}, ${e(outletOf(report, q.article))}${q.direct ? '' : ', indirect'})</span>: ${q.direct ? `“${e(q.text)}”` : e(q.text)}</li>`);
  }
  h.push(`</ul>${more(quotes.left, 'quotes')}<h2>Framing</h2><table><tr><th>Outlet</th><th>Headline tone</th><th>Body tone</th><th>Loaded / 1,000 words</th><th>Terms</th></tr>`);
  const framing = capped(report.framing, REPORT_LIMITS.framing, all);
  for (const f of framing.shown) {
    const terms = framingTermList(f.terms)
      .map((t) => `<span class="${t.polarity < 0 ? 'neg' : t.polarity > 0 ? 'pos' : ''}" title="${e(t.category)}: ${e(t.sentence)}">${e(t.term)}${t.inHeadline ? ' (headline)' : ''}</span>`)
      .join(', ');
    h.push(`<tr><td>${e(f.outlet)}</td><td>${f.headlineTone}</td><td>${f.bodyTone}</td><td>${f.loadedPerThousandWords}</td><td>${terms}</td></tr>`);
  }
  h.push(`</table>${more(framing.left, 'outlets')}</body></html>`);
  return h.join('\n') + '\n';
}
